"""Grouped events retyped as a whole, for the ``events`` stage.

Helper of :mod:`eventcoder.stages.events` (imports nothing but the standard library and the data
model). Some of ACLED's rules read an event's sentences together, not one sentence: "Al Shabaab
overtook the village. No violence was reported." is a non-violent transfer of territory, though
neither sentence alone says so. The functions here take the stage's groups (sub-type -> the
candidate mentions typed so) and move a group to the sub-type the rule gives; they fail on nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol, TypeVar

from ..model import EventRecord, Sentence


class _Member(Protocol):
    @property
    def sent(self) -> int: ...

    @property
    def named(self) -> tuple[str, ...]: ...


M = TypeVar("M", bound=_Member)


def retype(groups: dict[str, list[M]], sources: dict[str, set[str]], old: str, new: str) -> None:
    """Move the event typed ``old`` to ``new`` (into the ``new`` event when there is one already),
    keeping the readings it was made of."""
    members = groups.setdefault(new, [])
    members += [c for c in groups.pop(old) if c not in members]
    sources.setdefault(new, {new}).update(sources.pop(old, {old}))


def with_neighbours(sentences: Sequence[Sentence], members: Sequence[_Member]) -> str:
    """The members' sentences and the one after each: who fought back or how a protest went is
    often told in the next sentence ("Police repulsed the raiders", "No violence was reported")."""
    keep = sorted({j for c in members for j in (c.sent, c.sent + 1) if j < len(sentences)})
    return " ".join(sentences[j].span.text for j in keep)


# Territory taken, said to have been taken without a fight: "No violence was reported", "without
# resistance", "unopposed" (ACLED codebook: a non-violent transfer is control acquired "without
# engaging in violent interactions with another group").
_WITHOUT_FIGHT = re.compile(
    r"\bwithout (?:a |any )?(?:fight|fighting|resistance|a shot|firing a shot|bloodshed|violence|clashes)"
    r"|\bunopposed\b|\bno (?:fighting|clashes|resistance|violence|confrontation)\b",
    re.IGNORECASE,
)
# Words of force: a place "captured" or "stormed", people killed, fighting. A place taken ("took
# over", "overtook") with none of these told is taken without violence, as the codebook defines it.
_FORCE = re.compile(
    r"\b(?:fight\w*|fought|clash\w*|battl\w*|attack\w*|assault\w*|offensive|kill\w*|dead|died|deaths?|"
    r"wound\w*|injur\w*|shell\w*|strikes?|fire|fired|gunfire|shot|shoot\w*|storm\w*|overr[au]n|captur\w*|"
    r"seiz\w*|raid\w*|ambush\w*|exchange\w*|repel\w*|repuls\w*|drove|expell?\w*|flee|fled|retreat\w*)\b",
    re.IGNORECASE,
)
# Taking a place in words that do not imply force ("took over the area", "overtook the village"),
# unlike "captured", "retook" or "liberated": only these read as non-violent when no force is told.
_TAKEN_OVER = re.compile(
    r"\b(?:(?:took|takes?|taking) over|overt(?:ook|akes?|aken)|(?:took|takes?|gained) control)\b", re.IGNORECASE
)
# The takers leaving again afterwards ("addressed the elders before retreating"): no sign of force,
# unlike a side that retreated under attack.
_LEFT_AFTER = re.compile(r"\b(?:before|then|later) (?:retreat\w*|withdr\w*)", re.IGNORECASE)
_TAKEN = ("Non-state actor overtakes territory", "Government regains territory")
NON_VIOLENT = "Non-violent transfer of territory"
# How far below the event it follows an arrest told later ranks: any margin keeps the order.
AFTERMATH_MARGIN = 0.001


def taken_without_fight(
    groups: dict[str, list[M]], sources: dict[str, set[str]], sentences: Sequence[Sentence]
) -> None:
    """A place taken, with no fight told or one said not to have happened: a non-violent transfer.

    The classifier's own readings of the same sentences ("No violence was reported" read as a
    clash) are rivals of that transfer, not events of their own: they go with it.
    """
    for sub_type in _TAKEN:
        if sub_type not in groups:
            continue
        text = with_neighbours(sentences, groups[sub_type])
        calm = _LEFT_AFTER.sub("", text)
        if _WITHOUT_FIGHT.search(text) or (_TAKEN_OVER.search(text) and not _FORCE.search(calm)):
            sents = {j for c in groups[sub_type] for j in (c.sent, c.sent + 1)}
            retype(groups, sources, sub_type, NON_VIOLENT)
            for rival in [k for k in groups if k != NON_VIOLENT]:
                members = groups[rival]
                if all(c.sent in sents and rival not in c.named for c in members):
                    retype(groups, sources, rival, NON_VIOLENT)


def arrests_after(events: list[EventRecord]) -> list[EventRecord]:
    """Arrests told after another event of the article ("Three people were arrested.") are its
    aftermath: ACLED codes the event they follow, so they rank below it (confidence lowered to
    just under it), kept as an event of their own."""
    out = list(events)
    for k, event in enumerate(out):
        if event.sub_event_type != "Arrests":
            continue
        first = min(m.sent for m in event.mentions)
        earlier = [e for e in out if e.sub_event_type != "Arrests" and min(m.sent for m in e.mentions) < first]
        if earlier:
            top = max(e.confidence for e in earlier)
            out[k] = replace(event, confidence=round(min(event.confidence, top - AFTERMATH_MARGIN), 4))
    return out

"""Helpers of the ``actors`` stage: what a report's generic words for an armed group refer to, and
who a claim of responsibility names (issue 5: news reports, not ACLED's one-paragraph notes).

Read by ``stages/actors.py`` only: functions over the actor mentions it found; nothing is loaded,
nothing imported from other stages.

A news report names a group once and then calls it "the guerrillas", "the rebels", "the
terrorists" ("Guerrillas of the FMLN attacked ...", "The rebels later withdrew."), or the other
way round (the lead's "Salvadoran guerrillas" named a few paragraphs down). ACLED codes the named
group where the report tells who the fighters were (ACLED Codebook, "Actors": a group is named
where the source names it, unidentified only where it does not). Words that name no one in
particular ("gunmen", "unidentified men") keep their unidentified group.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .actor_mentions import ActorMention

__all__ = ["ANAPHORA", "CLAIM", "named_referent", "refers_back", "sole_agent", "unnamed"]

# Generic armed words that, after (or before) a named armed group, refer to it ("the militants").
ANAPHORA = re.compile(
    r"^(?:the\s+)?(?:militants|insurgents|jihadists?|extremists|rebels|fighters|group|"
    r"jihadist group|guerrillas?|guerrilla (?:column|unit)s?|terrorists|subversives|"
    r"urban commandos|narco-?terrorists?)$",
    re.I,
)
# A group that owns an attack ("claimed responsibility for", "claimed credit for the bombing",
# "took responsibility", "said it carried out"): the wording of claims in wire reports.
CLAIM = re.compile(
    r"\bclaim(?:ed|ing|s)?\s+(?:the\s+)?(?:responsibility|credit|authorship)\b|"
    r"\bclaimed (?:the attack|the bombing)|\b(?:took|assumed|accepted) responsibility\b|"
    r"\bsaid it (?:carried out|was behind)",
    re.I,
)
# Non-state armed groups: rebels (2) and political militias (3), the ones a report's "guerrillas"
# or "terrorists" can be.
_NON_STATE = (2, 3)


def refers_back(mention: ActorMention) -> bool:
    """Whether an actor is a generic word for rebels or militants ("the guerrillas") that a named
    group in the report can stand behind (not "gunmen", not a synthetic actor)."""
    return (
        mention.generic and mention.entry.inter in _NON_STATE
        and ANAPHORA.match(mention.span.text.strip()) is not None
    )  # fmt: skip


def named_referent(
    event_mentions: Iterable[ActorMention], article_mentions: Iterable[ActorMention]
) -> ActorMention | None:
    """The named group a generic "guerrillas" stands for: the first named non-state group of the
    event's own sentences that is no target, else the only rebel group the report names (two
    named rebel groups leave the report's "guerrillas" undecided)."""
    own = [
        a for a in event_mentions
        if not a.generic and a.entry.inter in _NON_STATE and a.role not in ("target", "modifier")
    ]  # fmt: skip
    if own:
        return own[0]
    rebels = [
        a for a in article_mentions
        if not a.generic and a.entry.inter == 2 and a.role not in ("target", "modifier")
    ]  # fmt: skip
    if len({a.entry.name for a in rebels}) == 1:
        return rebels[0]
    return None


def unnamed(mention: ActorMention) -> bool:
    """Whether an actor is an unidentified armed group or gang, found or implied."""
    return mention.generic and mention.entry.name.startswith(
        ("Unidentified Armed Group", "Unidentified Gang")
    )


def sole_agent(article_mentions: Iterable[ActorMention]) -> ActorMention | None:
    """The one rebel group a report tells as acting ("killed by members of the FARC", "the FMLN
    has used such bombs"), if it tells of exactly one: the perpetrator of an attack its own
    sentences leave unnamed. A group only mentioned ("activity of X in the area") is none."""
    agents = [
        a for a in article_mentions if not a.generic and a.entry.inter == 2 and a.role == "agent"
    ]  # fmt: skip
    if len({a.entry.name for a in agents}) == 1:
        return agents[0]
    return None

"""Helpers of the ``actors`` stage: an actor mention (a span of the article, the ACLED actor it
names, its role) and the merging of a sentence's mentions that name one actor ("IS militants",
"raiders, believed to be Pokots", "armed fighters from the Pokot tribe").

Read by ``stages/actors.py`` only; nothing is loaded, nothing imported from other stages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Span
from . import actor_roles as roles

__all__ = [
    "ActorMention",
    "Entry",
    "any_space",
    "counts_victims",
    "mark_victim_peoples",
    "merge_named_with_generic",
    "qualifies_victims",
]


@dataclass(frozen=True, slots=True)
class Entry:
    name: str
    inter: int
    country: str


@dataclass(frozen=True, slots=True)
class ActorMention:
    span: Span
    entry: Entry
    generic: bool
    role: str  # "agent", "target", "source" (who tells: "police said"), "modifier" or ""
    sent: int


def merge_named_with_generic(found: list[ActorMention], text: str, base: int) -> list[ActorMention]:
    """ "IS militants", "Al Shabaab fighters": one mention, the named group in the generic's
    role (``text`` is the sentence, starting at ``base`` in the article)."""
    out: list[ActorMention] = []
    for a in found:
        prev = out[-1] if out else None
        gap = a.span.start - prev.span.end if prev is not None else -1
        named_before = prev is not None and not prev.generic and prev.entry.inter in (1, 2, 3, 4, 8)
        if prev is not None and named_before and a.generic and (
            (a.entry.inter in (2, 3, 4) and 0 <= gap <= 2)
            # "GNA air force", "AMISOM troops": a named force's own arm, one word apart
            or (a.entry.inter == 1 and 0 <= gap <= 1)
        ):  # fmt: skip
            out[-1] = ActorMention(prev.span, prev.entry, False, prev.role or a.role, prev.sent)
            continue
        # "Somali Al-Shabaab": a people's name before a named armed group only qualifies it.
        if prev is not None and 0 <= gap <= 1 and not prev.generic and prev.entry.inter in (0, 4) and (
            not a.generic and a.entry.inter in (2, 3)
        ):  # fmt: skip
            out[-1] = ActorMention(a.span, a.entry, False, prev.role or a.role, a.sent)
            continue
        # "raiders, believed to be Pokots": the named group in the generic's role (raiders may be a
        # people's; "assailants, believed to be Somali pirates" are no people's militia).
        if prev is not None and prev.generic and not a.generic and (
            a.entry.inter in (2, 3) and prev.entry.inter in (2, 3, 4) or a.entry.inter == prev.entry.inter == 4
        ) and roles.identified_as(text, prev.span.end - base, a.span.start - base):  # fmt: skip
            out[-1] = ActorMention(a.span, a.entry, False, prev.role, a.sent)
            continue
        if prev is not None and prev.generic and prev.entry.inter in (3, 4) and (
            not a.generic and a.entry.inter == 4
        ) and roles.from_people(text, prev.span.end - base, a.span.start - base, a.span.end - base):  # fmt: skip
            out[-1] = ActorMention(a.span, a.entry, False, prev.role, a.sent)
            continue
        out.append(a)
    return out


# A people's name is the people hit, not its militia, where it qualifies the victims ("a Turkana
# herder was shot", "two Kikuyu women") or stands for them after a count ("1 Somali killed", "2 Kikuyu burned in their
# homes"): ACLED codes such victims as civilians.
_VICTIM_NOUN_AFTER = re.compile(
    r"[ -]+(?:herder|herdsman|herdboys?|child(?:ren)?|boys?|girls?|m[ae]n|wom[ae]n|traders?|"
    r"farmers?|refugees?|villagers?|residents?|famil(?:y|ies)|students?|pupils?|civilians?|"
    r"elders?|businessm[ae]n|people|persons?|drivers?|workers?|teachers?|passengers?|"
    r"travell?ers?|squatters?|motorists?|mothers?|fathers?|infants?|traveller|shepherds?|"
    r"households?|homes?|houses?|settlements?|villages?|worshippers?)\b",
    re.I,
)
_COUNT_BEFORE = re.compile(
    r"(?:^|[\s(])(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|a|an)\s+$", re.I
)
_HURT_AFTER = re.compile(
    r"\s+(?:(?:were|was|are|is|have been|has been)\s+)?(?:\w+ly\s+)?"
    r"(?:killed|injured|wounded|shot|dead|hacked|stabbed|murdered|burn(?:ed|t)|abducted|"
    r"kidnapped|beaten|lynched|hurt)\b",
    re.I,
)


def counts_victims(text: str, start: int, end: int) -> bool:
    """Whether the people's name at [start, end) of ``text`` counts the people hurt ("1 Somali
    killed", "two Kikuyu were hacked")."""
    return (
        _COUNT_BEFORE.search(text, 0, start) is not None
        and _HURT_AFTER.match(text, end) is not None
    )


def qualifies_victims(text: str, end: int) -> bool:
    """Whether the people's name ending at ``end`` of ``text`` qualifies people or homes ("a
    Turkana herder", "Pokomo villages"), rather than naming fighters."""
    return _VICTIM_NOUN_AFTER.match(text, end) is not None


def mark_victim_peoples(found: list[ActorMention], text: str, base: int) -> list[ActorMention]:
    """A people's name that counts the victims ("1 Somali killed") in the role "target", whatever
    the parse made of it (``text`` is the sentence, starting at ``base`` in the article)."""
    return [
        ActorMention(a.span, a.entry, a.generic, "target", a.sent)
        if not a.generic and a.entry.inter == 4
        and counts_victims(text, a.span.start - base, a.span.end - base) else a
        for a in found
    ]  # fmt: skip


def any_space(pattern: str) -> str:
    """A name's pattern with each space outside a character class matching any run of white
    space: wire reports wrap lines inside names ("the Shining\\nPath")."""
    # A space may come escaped ("\\ ", from ``re.escape``).
    return re.sub(r"(\[[^\]]*\])|\\? ", lambda m: m.group(1) or r"\s+", pattern)

"""Helpers of the ``actors`` stage: ACLED's conventions for the second side of an event, told by
patterns of language in the report.

Read by ``stages/actors.py`` only (pure text functions over the article's text and the character
spans of the actor mentions it found; nothing is loaded, nothing imported from other stages).

ACLED codes a riot's or a protest's second actor by what the crowd met (ACLED Codebook,
"Demonstrations" and "Riots"):

- a crowd that "clashed with" someone has that someone as actor2: the police when the clash's
  clause names them ("BNP members clashed with police"), else another crowd, coded "Rioters" on
  both sides ("two groups of villagers clashed", "X clashed with members of the ruling party");
  police who came afterwards to break it up ("Police fired tear gas to disperse them.") do not
  change who fought;
- members or supporters of a party or a movement hurt by a mob are civilians ("BCL members
  assaulted two members of JCD"): ACLED names political actors only where they act as armed
  groups, and codes party supporters who riot as rioters with the party associated;
- a protest broken up by a party's or a crowd's members ("BCL activists assaulted the
  protesters") is intervened on by rioters, not by the police;
- a counter-protest is protesters facing protesters;
- police who only came afterwards ("arrested one", "took the body away") are no side of a mob's
  violence; police who took the crowd on ("fired tear gas", "dispersed by police") are.

Beyond demonstrations: a group fighting itself is on both sides; forces who seize drugs or arms
take on the goods' unnamed owners; post-election violence is an armed group's, not a people's
militia's, where the report names no perpetrator. Who a blast hurt (casualties told and not
denied; a soldier named by rank), allies joined by "and", groups named as what others are against
("anti-Houthi"), killings in organised crime's manner (drive-by shootings), a state force that
fired back (it was attacked), a generic actor "believed to be" a named one, and the home places
that name communal militias are told here too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = [
    "as_government",
    "broke_up",
    "clash_clause",
    "counter_protest",
    "electoral",
    "infighting",
    "is_members_of",
    "seizure",
    "span_within",
    "used_force",
]

# "clashed", "clashes", "a clash", "fought", "a confrontation between", "threw stones at each other".
_CLASH = re.compile(
    r"\bclash(?:ed|es|ing)?\b|\bfought\b|\bscuffled?\b|\bgunfight\b|\bconfrontations?\b|"
    r"\b(?:each other|one another)\b|\b(?:exchanged|engaged? in|traded) blows\b",
    re.I,
)
# A clause's end after "clashed with ...": a sentence stop, or the words that open what follows the
# sides (the place, the time, the cause). Commas are kept: "clashed with BCL, police and BGB".
_CLAUSE_END = re.compile(
    r"[.;:]\s|\b(?:in|at|near|during|demanding|following|over|after|when|while|as|amid|"
    r"on|for|because|leaving|injuring|killing)\b",
    re.I,
)
# The start of the clause that holds the clash's first side: the sentence's start, or the last
# stop before the clash word.
_CLAUSE_START = re.compile(r"[.;:]\s")
# "members of", "supporters of": people of a party or a movement, not the party acting as one.
_MEMBERS_OF = re.compile(
    r"\b(?:members?|supporters?|activists?|leaders?|workers|followers|cadres?|men|loyalists)"
    r"\s+of\s+(?:(?:a|an|the|ruling|local|rival|winning|defeated|losing|pro-[\w-]+)\s+)*$",
    re.I,
)
_COUNTER_PROTEST = re.compile(
    r"\bcounter[- ]?(?:protests?|demonstrations?|rall(?:y|ies)|programmes?)\b", re.I
)


def clash_clause(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The characters of the first clause within ``start:end`` that tells a clash, from its first
    side to the end of its "with ..." phrase; None when the text tells no clash there."""
    m = _CLASH.search(text, start, end)
    if m is None:
        return None
    stops = [s.end() for s in _CLAUSE_START.finditer(text, start, m.start())]
    begin = stops[-1] if stops else start
    stop = _CLAUSE_END.search(
        text, m.end() + (6 if text[m.end() : m.end() + 6] == " with " else 0), end
    )
    return begin, stop.start() if stop else end


def span_within(span_start: int, span_end: int, clause: tuple[int, int]) -> bool:
    """Whether the characters ``span_start:span_end`` lie inside ``clause``."""
    return clause[0] <= span_start and span_end <= clause[1]


def is_members_of(text: str, start: int) -> bool:
    """Whether the group named at ``start`` is told as its people ("members of the BNP")."""
    return _MEMBERS_OF.search(text[max(0, start - 40) : start]) is not None


# "against the Awami League government", "the ODM-led government": a party named as the government a
# crowd stands against is the state it protests, not people a mob hurt.
_AS_GOVERNMENT = re.compile(
    r"(?:\s*-\s*|\s+)(?:led\s+)?(?:government|regime|administration)\b", re.I
)


def as_government(text: str, end: int) -> bool:
    """Whether the group whose name ends at ``end`` is named as a government ("the AL government")."""
    return _AS_GOVERNMENT.match(text, end) is not None


def counter_protest(text: str) -> bool:
    return _COUNTER_PROTEST.search(text) is not None


# What a group does to a protest it breaks up ("BCL activists assaulted the protesters").
_BREAK_UP = re.compile(
    r"^\W*(?:\w+\W+){0,6}?(?:assault|attack|beat|chase|disrupt|hack|stab|swoop|pelt|obstruct|"
    r"vandali[sz]|foil|hurl|thr[eo]w|charg)\w*",
    re.I,
)


def broke_up(text: str, end: int) -> bool:
    """Whether the group whose name ends at ``end`` goes on to attack or disrupt (within a few
    words: "BCL members and their accomplices assaulted ...")."""
    return _BREAK_UP.search(text[end : end + 80]) is not None


# What police do to a crowd when they take it on ("fired tear gas", "dispersed the mob"), as
# opposed to arriving afterwards ("police arrested one", "the suspect was released by police").
_FORCE_AFTER = re.compile(
    r"^\W*(?:\w+\W+){0,5}?(?:fir(?:e|ed|ing)|sho?o?t|tear[- ]?gas|dispers|lob|baton|charg|"
    r"confront|beat|clash|fought|exchang)",
    re.I,
)
_FORCE_BEFORE = re.compile(
    r"\b(?:dispersed|repulsed|chased|confronted|fought) by\s+(?:the\s+)?$", re.I
)


def used_force(text: str, start: int, end: int) -> bool:
    """Whether the police named at ``start:end`` took the crowd on (within a few words)."""
    return bool(
        _FORCE_AFTER.search(text[end : end + 60])
        or _FORCE_BEFORE.search(text[max(0, start - 30) : start])
    )


# Violence told as the aftermath of an election ("post-election violence", "election-related
# clashes"): ACLED codes its unnamed perpetrators as unidentified armed groups, political violence,
# even where the report calls it ethnic (its Kenya 2007-2008 coding) -- not as identity militias.
_ELECTORAL = re.compile(r"\bpost[- ]?elect|\belection[- ](?:related )?violence\b", re.I)


def electoral(text: str) -> bool:
    return _ELECTORAL.search(text) is not None


# A group fighting itself ("militants exchanged fire amongst each other", "clashes between two
# factions of pro-Houthi forces"): ACLED codes the group on both sides.
_INFIGHTING = re.compile(
    r"\bamong(?:st)? (?:each other|themselves)\b|\b(?:two|rival) factions of\b|\binfighting\b|"
    r"\bintra-?(?:group|faction(?:al)?)\b",
    re.I,
)


def infighting(text: str) -> bool:
    return _INFIGHTING.search(text) is not None


# Forces that seize or destroy a group's drugs, arms or explosives ("police seized a ton of
# marijuana", "soldiers destroyed an arms depot"): ACLED codes the goods' unnamed owners as the
# other side (an unidentified armed group, a gang where organised crime is coded as gangs).
_SEIZURE = re.compile(
    r"\b(?:seiz|confiscat|destroy|recover|discover|dismantl|defus|burn)\w*\b[^.]{0,60}?"
    r"\b(?:marijuana|cannabis|cocaine|heroin|drugs?|narcotics|crops|plants|laborator(?:y|ies)|"
    r"weapons?|arms|munitions?|ammunition|explosives?|ieds?|bombs?|rifles|guns|depots?|caches?)\b",
    re.I,
)


def seizure(text: str) -> bool:
    return _SEIZURE.search(text) is not None


# People hurt or killed ("A worker was slightly injured", "killing a driver"), in a sentence that
# does not deny it ("No injuries reported", "Neither fatalities nor injuries were reported",
# "Casualties unknown").
_HURT = re.compile(r"\b(?:injur\w*|wound\w*|kill(?:ed|ing|s)?|died|dead|deaths?|hurt)\b", re.I)
_NO_HURT = re.compile(r"\b(?:no|neither|nor|nobody|not|without|unknown|unclear)\b", re.I)


def tells_casualties(sentence: str) -> bool:
    """Whether a sentence tells of people hurt or killed, without denying it.

    A blast or a shelling that hurt people no force is named among is coded with "Civilians (X)"
    as actor2 (ACLED Codebook, "Explosions/Remote violence": the target is coded where known); one
    that hurt no one ("No injuries reported") has no actor2."""
    return _HURT.search(sentence) is not None and _NO_HURT.search(sentence) is None


# "anti-Houthi forces", "the anti-Taliban militia": a group told as against an actor is not it.
_OPPOSED = re.compile(r"\banti-\s*$", re.I)


def opposed(text: str, start: int) -> bool:
    """Whether the actor named at ``start`` is only what the group is against ("anti-Houthi")."""
    return _OPPOSED.search(text[max(0, start - 6) : start]) is not None


# Killings in the manner of organised crime: drive-by shootings, hired killers. Where ACLED codes
# organised crime as gangs (Latin America and the Caribbean), their unnamed "armed men" are an
# "Unidentified Gang" (ACLED Codebook, "Gangs").
_ORGANISED_CRIME = re.compile(r"\bdrive-?by\b|\bhit-?m[ae]n\b|\bsicarios?\b|\bcontract kill", re.I)


def organised_crime(text: str) -> bool:
    return _ORGANISED_CRIME.search(text) is not None


# What joins two groups that acted together: "the Taze PDF and Ye-U PDF jointly attacked", "KIA
# troops together with the local PDF"; unless what they did is done to each other ("GNA and LNA
# forces clashed", "a truce between the Pokot and Marakwet").
_ALLIED = re.compile(
    r"^\s*(?:,\s*)?(?:and|as well as|together with|along with|alongside|joined by)\s+(?:the\s+)?$",
    re.I,
)
_RECIPROCAL_AFTER = re.compile(
    r"^\W*(?:\w+\W+){0,3}?(?:clash|fought|fight|battl|exchang|skirmish|sign|agree|reach|trade)",
    re.I,
)
_BETWEEN_BEFORE = re.compile(r"\b(?:between|among)\s+(?:the\s+)?$", re.I)


def allied(text: str, first: tuple[int, int], second: tuple[int, int]) -> bool:
    """Whether the group named at ``second`` (start, end) is joined to the one at ``first`` as its
    ally ("X and Y attacked"), not its enemy ("X and Y clashed")."""
    return (
        0 <= second[0] - first[1] <= 30
        and _ALLIED.match(text[first[1] : second[0]]) is not None
        and _RECIPROCAL_AFTER.match(text[second[1] : second[1] + 50]) is None
        and _BETWEEN_BEFORE.search(text[max(0, first[0] - 20) : first[0]]) is None
    )


# Military ranks: a blast that killed "a colonel" or "one corporal" hit the military, not
# civilians (a rank alone names a soldier; police ranks come with the word "police").
_RANK = re.compile(
    r"\b(?:(?:lieutenant |lt\.? )?colonel|lieutenant|sergeant|(?:lance )?corporal|brigadier|"
    r"private soldier)s?\b",
    re.I,
)


# "the wife of a lance corporal": a soldier's family are civilians.
_KIN_OF = re.compile(
    r"\b(?:wife|husband|son|daughter|child(?:ren)?|family|relatives?|mother|father|brother|"
    r"sister|widow)s? of (?:an? |the |one )?(?:\w+ )?$",
    re.I,
)


def names_a_soldier(sentence: str) -> bool:
    m = _RANK.search(sentence)
    return (
        m is not None
        and "police" not in sentence.lower()
        and _KIN_OF.search(sentence[max(0, m.start() - 40) : m.start()]) is None
    )


# "raiders, believed to be Pokots", "gunmen suspected to be from the Garre clan": the words between a
# generic actor and a named one that say who the generic one is.
_IDENTIFIED_AS = re.compile(
    r"^\s*,?\s*(?:who (?:are|were) )?(?:believed|suspected|thought|said|reported|alleged|presumed)"
    r"(?:ly)?\s+to\s+(?:be|have been)\s+(?:from\s+|members of\s+)?(?:the\s+)?$|^\s*\(\s*(?:presumed|suspected)?\s*$",
    re.I,
)


def identified_as(text: str, generic_end: int, named_start: int) -> bool:
    """Whether the generic actor ending at ``generic_end`` is said to be the named one starting at
    ``named_start`` ("raiders, believed to be Pokots")."""
    return 0 <= named_start - generic_end <= 50 and (
        _IDENTIFIED_AS.match(text[generic_end:named_start]) is not None
    )


# "Armed fighters from the Pokot tribe", "gunmen of the Garre clan": an armed group said to come
# from a people is that people's militia (ACLED Codebook, "Identity militias").
_FROM_PEOPLE = re.compile(r"^\s+(?:from|of)\s+(?:the\s+)?$", re.I)
_PEOPLE_AFTER = re.compile(r"\s+(?:tribe|clan|community|ethnic (?:group|community))\b", re.I)


def from_people(text: str, generic_end: int, named_start: int, named_end: int) -> bool:
    """Whether the generic armed actor ending at ``generic_end`` comes from the people named
    between ``named_start`` and ``named_end`` ("armed fighters from the Pokot tribe")."""
    return _FROM_PEOPLE.match(text[generic_end:named_start]) is not None and (
        _PEOPLE_AFTER.match(text, named_end) is not None
    )


# A state force that "fired back", "returned fire", "repelled" or "responded to" an attack was
# attacked: ACLED codes the attacker first (18 of 23 such battles between a state force and another
# group in the training notes; "responded", "repulse": 4 more of 4 in Kenya's).
_FOUGHT_BACK = re.compile(
    r"\b(?:police|policem[ae]n|officers?|soldiers|troops|forces|military|army|personnel|guards)\b"
    r"[^.]{0,30}?\b(?:fired back|shot back|returned (?:the )?fire|repulsed?|repel(?:led|s)?|"
    r"fought back|retaliated|respond(?:ed|s)?)\b",
    re.I,
)


def state_fought_back(text: str, non_state: Iterable[tuple[int, int]]) -> bool:
    """Whether a force "fired back" or "responded" in ``text``, other than a non-state group
    whose (start, end) mention holds the force's word ("National Resistance forces responded")."""
    spans = list(non_state)
    return any(
        not any(a <= m.start() < b for a, b in spans) for m in _FOUGHT_BACK.finditer(text)
    )


# Since 2018 ACLED names a communal militia after the place its people come from ("Wajir Communal
# Militia (Kenya)"): "herders from Wajir", "two groups of Wajir herders", "clashes between the
# Jimo and Agoro clans" (ACLED Codebook, "Identity militias").
_PLACE_NAME = r"[A-Z][a-z'’]+(?:[ -][A-Z][a-z]+)?"
_COMMUNITY = (
    r"(?:pastoralists|herders|herdsmen|raiders|bandits|armed men|gunmen|attackers|invaders|youths?|"
    r"militias?|residents|villagers|inhabitants|communit(?:y|ies)|clans?|farmers)"
)
_COMMUNAL_PLACES = (
    re.compile(
        rf"\b{_COMMUNITY}\s+(?:(?:suspected|believed|said)\s+to\s+be\s+)?from\s+(?:the\s+)?"
        rf"({_PLACE_NAME})(?:\s+(?:and|or)\s+({_PLACE_NAME}))?"
    ),
    re.compile(
        rf"\b({_PLACE_NAME})\s+(?:and|or)\s+({_PLACE_NAME})\s+(?:communities|clans|villages)\b"
    ),
    re.compile(rf"(?<![.:]\s)\b({_PLACE_NAME})\s+{_COMMUNITY}\b"),
)
# Capitalised words that open a phrase rather than name a place.
_NOT_PLACES = {
    "The", "A", "An", "On", "In", "At", "Two", "Three", "Some", "Local", "Armed", "Suspected",
    "Rival", "Police", "Several", "Many", "Unknown", "Unidentified", "About", "Over", "More",
    "Around", "Also", "Both", "Other", "Their", "His", "Her", "Its", "Between",
}  # fmt: skip


def communal_places(text: str) -> list[str]:
    """The places the text names as a fighting community's home, in the order it names them."""
    found: list[tuple[int, str]] = []
    for pattern in _COMMUNAL_PLACES:
        for m in pattern.finditer(text):
            for i, name in enumerate(m.groups(), 1):
                if name and name.split()[0] not in _NOT_PLACES:
                    found.append((m.start(i), name))
    return list(dict.fromkeys(name for _, name in sorted(found)))

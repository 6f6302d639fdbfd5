"""Who fought whom: ACLED's rules that type an event by its actors, for the ``events`` stage.

Helper of :mod:`eventcoder.stages.events` (imports nothing but the standard library). The
classifier reads a report's words; ACLED's codebook types many events by who took part:

* **Armed clash or Attack.** Two armed, organised sides fighting each other is an armed clash,
  including state forces against raiders, bandits or militants ("police repulsed the raiders",
  "gunmen shot two policemen on patrol"); an armed group against unarmed civilians is an attack.
* **Which demonstration.** Demonstrators who barricade roads, stone, burn or go on the rampage hold
  a violent demonstration; a march the report calls peaceful, with no violence reported, is a
  peaceful protest.
* **Note tags.** ACLED notes of strategic developments often open with the kind of development
  ("Movement of forces:", "Property destruction:", "Arrests:", "Non-violent activity:"); such a
  tag names the sub-type outright.

Each function reads one text (a sentence, or an event's sentences together) and fails on nothing.
"""

from __future__ import annotations

import re

# State forces and their auxiliaries: one armed, organised side (ACLED "state forces").
_SECURITY = re.compile(
    r"\b(?:police(?:m[ae]n|wom[ae]n)?|(?:police |security |army |military )?officers?|soldiers?|"
    r"troops|army|military|KDF|GSU|reservists?|NPRs?|KPRs?|rangers|navy|naval|marines|"
    r"security (?:forces|personnel|agents|officers)|patrol|convoy of (?:police|soldiers|troops)|"
    r"(?:police|army|military|security) (?:camp|post|station|base|vehicle|truck|convoy))\b",
    re.IGNORECASE,
)
# Armed, organised non-state sides: the other party of an armed clash.
_ARMED = re.compile(
    r"\b(?:raiders?|bandits?|militia(?:s|men)?|militants?|gunm[ae]n|al[- ]?shabaa?b|attackers|"
    r"assailants|rebels?|insurgents?|jihadists?|pirates|(?:cattle )?rustlers|cattle thieves|"
    r"warriors|fighters|armed (?:men|gang|group|youths?|herders|bandits|raiders|militia))\b",
    re.IGNORECASE,
)
# Words of a two-sided fight: whoever started it, both sides fired (ACLED: "exchange fire or
# engage in combat").
_FIGHT = re.compile(
    r"\b(?:repuls\w*|repel(?:led|s)?|pushed back|fought (?:off|back)|engag(?:e|es|ed|ing) (?:the|them|with)|"
    r"exchange[sd]? (?:of )?(?:fire|gunfire)|exchanging fire|shoot-?outs?|gun ?battles?|fire ?fights?|"
    r"returned fire|counter-?attack\w*|fierce fighting|heavy fighting|armed conflict|"
    r"(?:a |the )?battle (?:between|with|against)|sparking a battle|battled|running battles?)\b",
    re.IGNORECASE,
)
# Sides of a communal fight: clans, herders and raiding parties armed for it (ACLED codes their
# fights as armed clashes between communal militias).
_COMMUNAL = re.compile(
    r"\b(?:clans?|communit(?:y|ies)|herders|tribes?|ethnic groups?|raid(?:s|ed|ing)?|cattle)\b", re.IGNORECASE
)
# One side shooting or killing the other.
_HIT_SIDE = re.compile(
    r"\b(?:shot|shoots?|shooting|killed|kills?|killing|gunned down|ambush(?:ed|es)?|attack(?:ed|s)?|"
    r"raided)\b",
    re.IGNORECASE,
)
# Unarmed people as the target: then an armed group's violence is an attack on civilians.
_CIVILIANS = re.compile(
    r"\b(?:civilians?|villagers?|residents?|passengers?|women|children|pupils|students?|teachers?|"
    r"worshippers|traders|farmers|herders|workers|famil(?:y|ies)|travellers|motorists|people|"
    r"pedestrians|officials|unarmed|off-duty|journalists?|"

    r"a (?:man|woman|boy|girl|chief|trader|farmer|herder|teacher|pastor|priest)|"
    r"(?:his|her|their) (?:home|house|wife|husband)|villages?|homes?|houses)\b",
    re.IGNORECASE,
)


def reads_as_clash(text: str) -> bool:
    """The text tells two armed, organised sides fighting (ACLED: armed clash, not attack).

    Either both sides fired ("exchange of fire", "repulsed the raiders") between state forces or
    armed groups, or state forces and an armed group shot one another with no civilian named as
    the target ("gunmen shot two officers on patrol", "police shot dead three bandits").
    """
    security = _SECURITY.search(text) is not None
    armed = _ARMED.search(text) is not None
    if _FIGHT.search(text) and (security or armed or _COMMUNAL.search(text)):
        return True
    return security and armed and _HIT_SIDE.search(text) is not None and not _CIVILIANS.search(text)


# What makes a demonstration violent (ACLED codebook, Violent demonstration): blocking roads with
# barricades or burning material, stones, arson, vandalism, a rampage. On training-side ACLED
# notes with "barricad", 59 of 68 Kenyan and 72 of 88 in all are violent demonstrations; with
# "turned violent", "rampage" or "violent protest" 39 of 51.
_RIOTING = re.compile(
    r"\b(?:barricad\w*|rampage|turn(?:s|ed)? violent|violent(?:ly)? (?:protest\w*|demonstrat\w*|riot\w*)|"
    r"(?:protest\w*|demonstrat\w*) violently|ston(?:ed|ing)|"
    r"(?:threw|throwing|hurled|hurling|pelt(?:ed|ing)?)\b[^.;]{0,30}\b(?:stones?|rocks|bricks|missiles)|"
    r"stone[- ]throwing|burn(?:ed|t|ing)\b[^.;]{0,20}\b(?:tyres|tires|ballot|vehicles?|cars?|buildings?|"
    r"offices?|property)|set (?:\w+ ){0,3}?(?:ablaze|alight|on fire)|set fire|torch(?:ed|ing)|"
    r"vandali[sz]\w*|destroy(?:ed|ing) (?:\w+ ){0,2}?(?:property|pipes|offices?|vehicles?|shops?)|"
    r"damag(?:ed|ing) (?:\w+ ){0,2}?(?:property|vehicles?|offices?)|looted|"
    r"block(?:ed|ing) (?:\w+ ){0,4}?with (?:stones|rocks|trees|logs|boulders|tyres|tires|"
    r"burning|debris))\b",
    re.IGNORECASE,
)
# The report says the demonstration stayed peaceful.
_CALM = re.compile(
    r"\b(?:peaceful(?:ly)?|no (?:violence|incidents?|injuries|arrests) (?:was |were )?reported|"
    r"without (?:any )?(?:incident|violence)|did not interfere|passed off)\b",
    re.IGNORECASE,
)
# "protest against the burning of ...", "the violent suppression of ...": the cause, not the act.
_NOT_THE_CROWD = re.compile(
    r"\b(?:against|over|following|after|condemn\w*|denounc\w*|claim\w*|accus\w*|in front of)\b"
    r"[^,;.]{0,40}$",
    re.IGNORECASE,
)


def done_here(act: re.Pattern[str], cause: re.Pattern[str], text: str, window: int) -> bool:
    """``act`` is found in ``text`` where the ``window`` characters before it do not make it the
    cause or the subject of something else ("protest against the burning of ...")."""
    return any(not cause.search(text[max(0, m.start() - window) : m.start()]) for m in act.finditer(text))


def demonstration_reading(text: str) -> str:
    """"Violent demonstration", "Peaceful protest" or "" (no say) for a demonstration's text."""
    calm = _CALM.search(text) is not None
    rioting = done_here(_RIOTING, _NOT_THE_CROWD, text, 50)
    if rioting and not calm:
        return "Violent demonstration"
    if calm and not rioting:
        return "Peaceful protest"
    return ""


# ACLED's note tags for strategic developments and the sub-type each names; counted on the
# training side of acled_dev.csv (every tag below names its sub-type in all, or all but one, of
# its notes: "Movement of forces" 29, "Property destruction" 26, "Arrests" 16, "Defusal" 10,
# "Non-violent activity" 21 of 22, "Recruitment" 9, "Security measures" 8, "Looting" 5).
_TAGS = {
    "movement of forces": "Change to group/activity",
    "recruitment": "Change to group/activity",
    "security measures": "Change to group/activity",
    "property destruction": "Looting/property destruction",
    "destruction of property": "Looting/property destruction",
    "looting": "Looting/property destruction",
    "arrests": "Arrests",
    "defusal": "Disrupted weapons use",
    "weapons seizure": "Disrupted weapons use",
    "non-violent activity": "Other",
}
_TAG = re.compile(r"^\s*(" + "|".join(re.escape(t) for t in _TAGS) + r")\s*:", re.IGNORECASE)


def note_tag(sentence: str) -> str:
    """The sub-type an ACLED note tag at the start of the sentence names, or ""."""
    m = _TAG.match(sentence)
    return _TAGS[m.group(1).lower()] if m else ""

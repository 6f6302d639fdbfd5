"""The words of a toll, for the ``fatalities`` stage: numbers, people, the phrases that state deaths.

Helper of :mod:`eventcoder.stages.fatalities` (imports nothing of the package but its data file
``data/quantities.tsv``). The patterns here read one sentence's text; the stage decides which
sentence's count is the event's. Each function fails on nothing.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from importlib import resources

WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "a hundred": 100, "single": 1, "lone": 1, "both": 2, "twin": 2,
}  # fmt: skip

# The victims a multiple killing names ("a triple homicide" is 3); not number words of their own.
MULTIPLES = {"double": 2, "triple": 3, "quadruple": 4, "quintuple": 5}


def phrase_alternation(phrases: list[str]) -> str:
    """A regex body matching any of ``phrases`` as written, longest first, laid out as a trie
    ("a(?:n unknown number of|...)"): the engine then reads one branch per character instead of
    trying the fifty number words one by one at each word of a sentence (a fifth of the stage's
    time on news articles). It matches what "|".join(longest first) matches: phrases that part at
    a character cannot both match there (the phrases are lower case), and the longer ones come
    first at each node.
    """
    root: dict[str, dict] = {}
    for phrase in sorted(set(phrases), key=len, reverse=True):
        node = root
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}  # a phrase ends here
    return _trie_body(root)


def _trie_body(node: dict[str, dict]) -> str:
    """The regex of one trie node: its branches, then the phrase that ends at it (if one does)."""
    alternatives = [re.escape(key) + _trie_body(child) for key, child in node.items() if key]
    if "" in node:
        alternatives.append("")
    if len(alternatives) == 1:
        return alternatives[0]
    return "(?:" + "|".join(alternatives) + ")"


def load_quantities() -> dict[str, int]:
    """ACLED's values of vague quantities ("several" 10), from ``data/quantities.tsv``."""
    text = resources.files("eventcoder").joinpath("data/quantities.tsv").read_text("utf-8")
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    return {r["phrase"]: int(r["value"]) for r in csv.DictReader(lines, delimiter="\t")}


# The words the parse of a death is read by (lemmas).
# Verbs that kill by their meaning, and verbs that kill with "dead" / "to death" beside them.
KILL_VERBS = frozenset({"kill", "murder", "lynch", "behead", "execute", "assassinate", "slay", "massacre",
                         "decapitate", "slaughter"})  # fmt: skip
DIE_VERBS = frozenset({"die", "perish", "succumb"})
# Verbs that hurt without killing by themselves: their victims are the shot or the wounded.
HURT_VERBS = frozenset({"shoot", "wound", "injure", "graze"})
MANNER_VERBS = frozenset({"shoot", "stab", "hack", "beat", "stone", "burn", "club", "bludgeon", "strangle",
                           "hang", "chop", "slash", "gun", "batter", "crush", "torture", "set",
                           "assault", "attack"})  # fmt: skip
# Heads and modifiers that say a killing did not happen (or not yet).
NOT_DONE = frozenset({"nearly", "almost", "attempt", "try", "threaten", "plan", "vow", "want", "seek",
                       "intend", "plot", "call", "urge", "allegedly"})  # fmt: skip
# Singular nouns that can be "killed" without being a person.
NOT_PEOPLE = frozenset({"bill", "time", "deal", "motion", "plan", "project", "engine", "light", "power",
                         "story", "momentum", "livestock", "cattle", "cow", "goat", "dog", "animal", "camel",
                         "sheep", "donkey", "who", "that", "which", "nobody",
                         "image", "photo", "picture", "slide", "video"})  # fmt: skip  (a caption: "Image 5 of 8")
# Verbs that state a death with "dead" beside them: "was pronounced dead", "is dead", "found a
# woman dead", "left him dead"; with "find"/"leave" active, the one found is the object.
DEAD_STATE_VERBS = frozenset({"be", "pronounce", "declare", "find", "lie", "leave", "confirm", "report"})
# Nouns of a death with "of" naming the dead: "the shooting death of a teen", "the murders of a
# mother and her daughter", "took the life of a student".
DEATH_NOUNS = frozenset({"death", "murder", "killing", "slaying", "life", "lives"})
# People words that may stand between a number and "killed" ("three SDF fighters were killed"),
# ages among them ("a 17-year-old shot and killed", "left a six-year-old dead").
WHO = r"(?:(?!(?:and|or|but|after|before|since|following|hours?|days?|weeks?|months?|years?|who|which|that|" \
       r"when|while|where|whose|whom|because|if|then|than|as|in|on|at|by|from|with|for|to|into|during|" \
       r"near|one|two|three|four|five|six|seven|eight|nine|ten|dozens|several|times|percent)\b(?!-))" \
       r"(?:[A-Za-z][\w'’/-]*|\d+-(?:year|month|week|day)s?-old)\s+){0,6}?"  # ("78 BH/IS fighters")
# "5 persons, including a student and a shop worker, were killed": an aside between count and verb.
# (The people word may end at the comma: "Dozens of villagers, mainly women and children were killed".)
ASIDE = r"(?:[A-Za-z][\w'’-]*(?=,))?(?:\([^)]{0,80}\)\s*|,\s*(?:including|among them|mostly|most of them|all|both)\b[^.;]{0,120}?,\s*|" \
         r"(?:,\s*)?(?:including|mainly|mostly|largely|chiefly)\b[^.;,]{0,100}?\s+(?=(?:were|was|are|have|had)\b))?"
KILLED = r"(?:kil{1,3}ed|dead|died|(?!sentenced\b|condemned\b)[a-z]+(?:ed|t) to death|shot dead|shot and killed|shot to death|gunned down|beaten to death|" \
          r"hacked to death|stabbed to death|burned to death|burnt to death|stoned to death|lynched|slain|" \
          r"murdered|executed|beheaded|decapitated|assassinated|slaughtered|massacred|perished|" \
          r"feared dead|confirmed dead|pronounced dead|found dead|found killed|fatally [a-z]+ed|" \
          r"lost their lives|lost his life|lost her life)"  # fmt: skip
# Hearsay between a count and its verb: "30 people are reported to have been killed".
HEARSAY = r"(?:(?:are|is|were|was)\s+)?(?:reported|said|believed|thought|understood|confirmed|known)\s+to\s+" \
           r"(?:have\s+been|have|be)\s+"
# One victim a headline names without an article ("Land agent killed at his home").
ONE_VICTIM = r"(?:man|woman|boy|girl|child|teen|teenager|youth|trader|farmer|herder|herdsman|officer|policeman|" \
              r"soldier|suspect|informant|agent|chief|pastor|priest|cleric|teacher|student|driver|businessman|" \
              r"villager|civilian|journalist|leader|official|elder|guard|watchman|resident|councillor|politician|" \
              r"worker|legislator|activist|preacher|imam|relative|reservist|lawyer|doctor|nurse|headteacher|ranger|" \
              r"bodyguard|aspirant|businesswoman|tycoon|vendor|herdsboy|fisherman|motorist|cyclist|rider)"


# ("two men were in the evening hours shot dead": a time of day there too)
ON_DAY = r"(?:\s+on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:\s+(?:night|morning|evening|afternoon))?|" \
         r"\s+(?:in|during)\s+the\s+(?:early\s+|late\s+)?(?:night|nighttime|morning|evening|afternoon)(?:\s+hours)?)?"
# ("23 June. One dead": a full month name with a stop ends a sentence; "Oct. 30" is a date.)
# ("01 Oct. 7 people killed": the day is written before the month, the figure after it a count)
DATE_BEFORE = re.compile(
    r"(?<!\d\s)\b(?:(?:january|february|march|april|may|june|july|august|september|october|november|december)|"
    r"(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?)\s*$", re.I
)


# Words before a count that make its deaths the cause or background of this event, not its
# toll: "blocked the road after five guards were killed", "suspected of killing a man".
# ("In the following days the death toll was raised to six": "following" a time, no cause)
_LATER = r"(?!\s+(?:days?|weeks?|months?|mornings?|nights?|evenings?|afternoons?)\b)"
_BACKGROUND = (
    rf"after|following{_LATER}|over|against|protest\w*|demand\w*|condemn\w*|mourn\w*|justice for|in memory of|nearly|"
    r"almost|attempt\w* to|tried to|trying to|threat\w* to|plan\w* to|vow\w* to|"
    # a revenge's cause: "in retaliation for the killing of a herder, herders killed 2 men"
    r"retaliat\w* for|in revenge for|revenge attacks? for|in reprisal for|avenge\w*"
)
# An accusation: background in a report of new violence, but in news of a later arrest or trial
# the only telling of the incident's deaths ("charged with murder in the shooting death of").
_ACCUSED = r"suspected of|accused of|for allegedly|charged with|convicted of|responsible for|in connection with|" \
           r"(?:suspected|believed|alleged|said) to have|perpetrators? of"
# (not across a verb that makes the deaths this event's: "a clash over land causes the death of one")
_UNTIL_COUNT = r"(?:(?!\b(?:caus\w*|result\w*|leav\w*|left|led|leading)\b)[^,;:()\u2013\u2014-])*$"
CAUSE = re.compile(rf"\b(?:{_BACKGROUND}|{_ACCUSED})\b{_UNTIL_COUNT}", re.I)
CAUSE_NOT_ACCUSED = re.compile(rf"\b(?:{_BACKGROUND})\b{_UNTIL_COUNT}", re.I)
# In news of one incident "after" tells what followed its deaths ("neighbours are shaken after a
# soldier and his daughter were found dead"), not a cause of other violence: without it.
_NEWS_BACKGROUND = _BACKGROUND.replace(f"after|following{_LATER}|", "")
CAUSE_NEWS = re.compile(rf"\b(?:{_NEWS_BACKGROUND}|{_ACCUSED})\b{_UNTIL_COUNT}", re.I)
CAUSE_NEWS_NOT_ACCUSED = re.compile(rf"\b(?:{_NEWS_BACKGROUND})\b{_UNTIL_COUNT}", re.I)

# Words that undo a count or leave it open ("no one was killed", "killed or wounded"), and
# ACLED's bookkeeping of a total split between events or coded elsewhere.
# ("killing or injuring 2 militants", "were killed, injured or captured": the killed among them unknown)
AMBIGUOUS = re.compile(
    r"\bkill(?:ed|ing)\s+or\s+(?:wound|injur)(?:ed|ing)|(?:wounded|injured)\s+or\s+killed\b|"
    r"\bkilled,\s+(?:wounded|injured)\s+or\s+\w+ed\b|"
    # "killing and injuring an unspecified number of soldiers": the killed among them unknown
    r"\bkill(?:ed|ing)\s+and\s+(?:wound|injur)(?:ed|ing)\b", re.I
)
NONE = re.compile(r"\bno (?:reported |known |confirmed )?(?:one|fatalities|deaths|casualties)\b|\bnobody\b|\bno\s+(?:one|body|person)\s+was\s+(?:killed|hurt)|\bwithout casualties\b", re.I)
SPLIT = re.compile(
    r"\bcoded as (?P<total>\d+)(?: fatalities)?[^.]*?(?:spread|split|divided)(?: up)?(?: equally)? "
    r"(?:between|across|among|over) (?P<parts>\d+|two|three|four|five|six)", re.I
)
# "78 fighters were killed. Fatalities split between 2 events.": the toll stated before,
# divided (where the total is in the same sentence, ``SPLIT`` above reads it); also "[1 fatality
# split among 12 events]", "Fatalities distributed across six events"; not "1 remaining fatality
# split across 2 events", the rest of a total the note gave to other events.
SPLIT_ONLY = re.compile(
    r"\b(?<!remaining\s)(?:fatalit(?:y|ies)|deaths?)\s+(?:were\s+|are\s+|was\s+|is\s+)?(?:spread|split|divided|distributed|coded)(?: up)?(?: equally)? "
    r"(?:between|across|among|over) (?P<parts>\d+|two|three|four|five|six)\b", re.I
)
ELSEWHERE = re.compile(
    r"\bcoded (?:to (?:specific|other|separate|another)|elsewhere|separately|seperately|in (?:an)?other)", re.I
)


def outside_elsewhere(text: str) -> str:
    """The sentence with a bracketed aside that sets a group apart as coded elsewhere blanked (to
    its length, so offsets hold): "2 police killed (and 3 civilians - coded separately)" still
    counts its 2; an aside on the deaths before it ("3 students killed (coded separately)", "(one
    fatality coded elsewhere)") still makes the sentence another event's."""
    def blank(m: re.Match[str]) -> str:
        return " " * len(m.group(0)) if ELSEWHERE.search(m.group(0)) else m.group(0)

    return re.sub(r"\(\s*(?:and\b|\+)[^()]*\)", blank, text)


UNKNOWN = re.compile(
    r"\b(?:resulting in|causing|incurring|with|reported)\s+(?:an unknown number of\s+|unknown\s+|unspecified\s+)?fatalities\b|"
    r"\bunknown number of (?:fatalities|deaths|people killed)\b", re.I
)
# ACLED's closing tally of a note: "Total 4 fatalities.", "Total 2 fatalities (1 confirmed ...)".
# ("Total fatalities 2.", "Total fatalities: 5": the figure after the words)
EVENT_TOTAL = re.compile(
    r"\btotal (?:(?:of )?(?=\d+ fatalit(?:y|ies)\b)|fatalit(?:y|ies)\s*(?::|=|of|were|was|is|are)?\s*(?=\d+\b(?!\s*%)))(?P<n>\d+)",
    re.I,
)
# "Local authorities reported that 7 militants were also killed": deaths added to the toll the
# note stated before, not a restatement of it.
# ("three women who were also workers ... were found dead" is no such addition: "also" must stand
# by the death's own words.)
ALSO = re.compile(
    r"\balso,?\s+(?:[\w'’-]+\s+){0,4}?(?:kil{1,3}\w*|died|dead|shot|murder\w*|slain|perished|lynched|executed)\b|"
    r"\b(?:killed|died|dead)\s+as well\b",
    re.I,
)
# "Two more people died at the hospital": deaths beside those told before, as "also" says.
MORE = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+more\b(?!\s+than\b)(?![^.;]*\bthan\b)", re.I
)
# ACLED's closing line "4 fatalities." alone: the note's own total.
# (Also where the stop before it lacks its space: "... not reported.4 fatalities.")
CLOSING_TOTAL = re.compile(r"(?:^|[.;)])\W*(?:at least\s+)?\d+\s+fatalit(?:y|ies)\b[^a-z]*$", re.I)
# "she and three others were shot": one named beside the others.
# Not after a verb or a state: "one was killed and three others were wounded" is three.
AND_OTHERS = re.compile(r"\b(?!dead\b|died\b|hurt\b|shot\b|scene\b|hospital\b)[\w'’-]+(?<!ed)\s+and\s+$", re.I)
# After a number: what makes it no count of the dead ("57 percent", "911 call", "a dead shark":
# "dead" as an adjective before a noun).
# ("two dead and cattle stolen", "left 3 dead in the area": "dead" before a function word is the state.)
# ("killed two goats": animals are no fatalities, but "9 cattle rustlers" are people; "killed over
# two days": a duration.)
NOT_A_COUNT_AFTER = re.compile(
    r"\s*(?:%|percent\b|per cent\b|calls?\b|(?:days?|weeks?|months?|years?|hours?|minutes?|nights?)\b(?![- ]old)|(?:[\w-]+\s+)?(?:goats?|cattle|cows?|camels?|sheep|donkeys?|"
    r"dogs?|animals?|livestock|heads? of)\b(?!\s+(?:rustl|raid|thie|herd|trad|own|keep|farm|dealer))|dead\s+(?!(?:bodies|and|or|in|at|on|after|following|as|"
    r"when|while|during|from|by|with|including|since|near|across|inside|outside|the|a|an)\b)[a-z])",
    re.I,
)
# "Image 4 of 9 A teenager was killed": a photo caption's numbers count pictures.
CAPTION_BEFORE = re.compile(r"\b(?:image|photo|slide|picture)\s+(?:\d+\s+of\s+/?\s*)?$", re.I)
# "a father of four is killed": the number counts his children.
KIN_OF = re.compile(r"\b(?:father|mother|parent|mum|mom|dad|grandfather|grandmother)\s+of\s+$", re.I)
AGE_AFTER = re.compile(r"[- ](?:years?|months?|weeks?|days?)[- ]old\b", re.I)
# After a count, what makes it a running tally of a city or a season, not this event's toll.
TALLY_AFTER = re.compile(
    r"[^.;]{0,40}?\b(?:since\s+(?:the\s+)?(?:start|beginning|january|february|march|april|may|june|july|august|"
    r"september|october|november|december|\d{4}|last|the\s+\w+\s+(?:was|began|started))|so far this|this year|"
    r"year to date|year-to-date|so far in)\b",
    re.I,
)
# After a count, what makes its deaths an accident of the road, no violence ("two classmates
# killed in a car crash", "died in a single vehicle wreck").
ACCIDENT_AFTER = re.compile(
    r"[^.;]{0,40}?\bin\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:car|traffic|road|vehicle|motorcycle|boating)\s+"
    r"(?:crash|accident|collision|wreck)\b",
    re.I,
)
# A killer's own death beside the count of his victims.
# A murder-suicide: the victim's death and the killer's own ("an apparent murder-suicide"; not
# "was not a murder-suicide").
MURDER_SUICIDE = re.compile(r"(?<!\bnot\s)(?<!\bnot\sa\s)\bmurder[- ]suicide\b", re.I)
SELF = re.compile(
    r"\b(?:kill(?:ing|ed|s)?|shot|shoot(?:s|ing)?)\s+(?:(?:him|her)self|themselves)\b|"
    r"(?<=\s)and\s+(?:him|her)self\b|"  # "killed four classmates and himself"
    r"\bcommit(?:ted|ting|s)?\s+suicide\b|\b(?:took|taking|takes|take)\s+(?:his|her)\s+own\s+life\b",
    re.I,
)
# A sentence that sums up several incidents ("a series of weekend shootings left five dead",
# "three people were killed in separate shootings across the city"): in news of one incident,
# a tally of the day's or the city's violence, not that incident's own toll.
SEVERAL_INCIDENTS = re.compile(
    r"\b(?:series|string|spate|rash|wave|round|spree)\s+of\b[^.;]{0,40}?\b(?:shootings|attacks|homicides|killings)\b|"
    r"\b(?:separate|unrelated|different|several|multiple|two|three|four|five|six|seven|\d+)\s+(?:[\w,-]+\s+){0,2}?"
    r"(?:shootings|homicides|killings|incidents)\b|"
    r"\b(?:weekend|overnight|night|day|monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:'s)?\s+shootings\b",
    re.I,
)
YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
# A sentence whose count is a party's claim or an unconfirmed report ("Al Shabaab claimed killing
# four", "claims eight dead", "5 others may have been killed (unconfirmed)", "feared dead in an
# earlier report but not confirmed"): ACLED's conservative figure is the one a note confirms in
# another sentence, where it gives one ("claimed the lives of three" is no claim). On 1,500
# training notes each of Kenya and global, preferring the other count fixed 6 notes, broke none.
CLAIM = re.compile(
    r"\bclaim(?:s|ed|ing)?\b(?!\s+(?:responsibility\b|the\s+attack\b|(?:[\w-]+\s+){0,2}lives?\b))|\bin taking credit\b|\bunconfirmed\b|"
    r"\bnot (?:been |yet )?confirmed\b|\bconflicting reports?\b|\bone source\b|\bmay have been\b",
    re.I,
)


def reference_year(published: date | None, text: str) -> int | None:
    """The year of the event: the publication's, else the latest the text names."""
    if published is not None:
        return published.year
    years = [int(y) for y in YEAR.findall(text)]
    return max(years) if years else None


def earlier_year(text: str, year: int | None) -> bool:
    """A background sentence: "a truck bomb killed more than 500 people in October 2017"."""
    if year is None:
        return False
    years = [int(y) for y in YEAR.findall(text)]
    return bool(years) and max(years) < year


# After ACLED's coded figure, the known deaths beside it: "Unknown fatalities coded at 3, in
# addition to 2 known fatalities" is 5.
IN_ADDITION = re.compile(r"[^.;]{0,20}?\bin addition to (?:the\s+)?(?P<n>\d+)\s+(?:[\w-]+\s+)?fatalit", re.I)


def in_addition(text: str, end: int) -> int:
    """The known deaths "in addition to" a coded figure that ends at ``end``, or 0."""
    m = IN_ADDITION.match(text, end)
    return int(m.group("n")) if m else 0


def group_total(values: list[int]) -> int:
    """The deaths of one sentence: distinct groups add up, unless one count is the others' sum."""
    total = sum(values)
    if len(values) > 2 and 2 * max(values) == total:
        return max(values)  # "46 were killed - 31 died on the day, 15 later": a breakdown
    return total


# Between two counts of one sentence, words that make the second another source's estimate of
# the same deaths ("25 were killed, but other sources said 37"; "...; residents put the toll at 15").
ALTERNATIVE = re.compile(
    r"\b(?:but|though|although|while|whereas|however|(?:other|later|earlier|initial|conflicting|some) (?:sources|reports?)|according to|"
    r"put the (?:death )?toll at|(?:residents|officials|witnesses|police|sources|medics|activists|"
    r"doctors|rescuers|locals|the (?:group|army|military|ministry)) (?:said|say|put|reported|claimed|"
    r"told))\b|;",
    re.I,
)


# Words that join two counts of one sentence into a list of distinct groups; the same figure
# twice without one is a toll restated ("5 shot dead in Stockton Five people were killed ...":
# a headline run into the story's first sentence).
LIST_LINK = re.compile(r",|\band\b|\bplus\b|\bas well as\b|\bwhile\b|\balso\b|\bmore\b", re.I)


def source_estimates(text: str, found: list[tuple[int, int, int]]) -> list[list[int]]:
    """A sentence's counts grouped by source, for ACLED's conservative rule.

    Counts of distinct groups add up ("killing two soldiers and three civilians"); where the words
    between two counts make the second another estimate of the same deaths, or the same figure
    comes again with no list between them, it starts a group of its own, and the lowest group
    total stands.
    """
    estimates: list[list[int]] = [[found[0][2]]]
    for (_, end, before), (start, _, n) in zip(found, found[1:], strict=False):
        if ALTERNATIVE.search(text[end:start]) or n == before and not LIST_LINK.search(text[end:start]):
            estimates.append([n])
        else:
            estimates[-1].append(n)
    return estimates



def share_of(total: int, parts: int) -> int:
    """One event's share of a total ACLED splits: rounded half up ("7 ... split across 4 events" is
    2, as the note's own "(2)" says; "coded as 10 and split between 3 locations" is 3)."""
    return (2 * total + parts) // (2 * parts)


def and_others(text: str, m: re.Match[str], n: int | None) -> int | None:
    """``n`` plus the one named beside "n others": "a woman and three others were wounded" is four."""
    if n is not None and AND_OTHERS.search(text[: m.start()]) and re.match(
        r"\S+\s+others\b", text[m.start("n") :], re.I
    ):
        return n + 1
    return n


# Who "of" may name after a death noun: a person's name, a number, or a word for a person (so
# "the death of democracy" is no death).
PERSON_WORDS = frozenset(
    "man woman boy girl child teen teenager toddler baby infant son daughter father mother wife "
    "husband brother sister friend student officer deputy resident victim person men women "
    "children people teens boyfriend girlfriend neighbor neighbour nephew niece cousin uncle aunt "
    "grandmother grandfather grandson granddaughter classmate player worker driver customer "
    "clerk guard soldier trooper suspect gunman mom dad youth farmer herder trader villager "
    "civilian protester demonstrator journalist teacher pastor priest doctor nurse bystander passerby "
    "pedestrian motorist commander member militant fighter prisoner inmate official leader chief vendor "
    # the sides of ACLED's events, so that a list of them adds up ("5 militants and 1 soldier")
    "policeman policemen police troop personnel combatant insurgent rebel jihadist terrorist attacker "
    "assailant raider bandit robber thief thieves kidnapper militiaman militiamen militia gunmen herdsman "
    "herdsmen fisherman fishermen miner passenger pilgrim worshipper recruit cadet ranger others "
    "persons individuals individual".split()
)


# The sides of ACLED's events, for a list inside "including": "21 militants including 2 commanders
# and 4 soldiers were killed" names the soldiers beside the militants, not among them (25), where
# "15 villagers including 2 women and 3 children" names villagers among the villagers (15).
SIDES = (
    frozenset("soldier troop police policeman officer personnel trooper guard ranger security".split()),
    frozenset("militant fighter insurgent rebel jihadist terrorist attacker assailant gunman bandit "
              "militiaman raider combatant".split()),  # fmt: skip
    frozenset("civilian villager resident passerby bystander woman child children farmer herder".split()),
)


def side(word: str) -> int | None:
    """Which of ``SIDES`` a word for people names, or None."""
    w = word.lower()
    forms = {w, w[:-1], w[:-3] + "man"} if w.endswith("men") else {w, w[:-1]} if w.endswith("s") else {w}
    return next((i for i, group in enumerate(SIDES) if forms & group), None)


def is_people(word: str) -> bool:
    """A word for people, singular or plural: "soldier", "soldiers", "policemen", "others"."""
    w = word.lower()
    return (
        w in PERSON_WORDS
        or w.endswith("s") and w[:-1] in PERSON_WORDS
        or w.endswith("ies") and w[:-3] + "y" in PERSON_WORDS
        or w.endswith("men") and w[:-3] + "man" in PERSON_WORDS
    )


# A word of a group's name: not a function word, an auxiliary, a verb of the sentence or a date
# ("21 militants", "2 police officers", "one Al-Shabaab commander"; not "2020 when", "5 May").
_NOUN = (
    r"(?!(?:and|or|but|nor|were|was|are|is|have|has|had|been|being|got|who|which|that|whose|in|on|at|of|by|"
    r"from|with|for|to|into|the|a|an|as|after|before|during|while|when|where|than|then|also|reportedly|"
    r"including|among|mainly|mostly|all|both|"
    r"killed|died|dead|injured|wounded|hurt|january|february|march|april|may|june|july|august|september|"
    r"october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)[A-Za-z][\w'’-]*"
)
# What may follow a group's name: "(including a commander)", ", including 2 commanders,".
_GROUP_ASIDE = r"(?:\s*\([^)]{0,80}\))?(?:\s*,\s*(?:including|among them|among whom)\b[^.;,()]{0,80},)?"
# Words that make the group after "and" the subject of another verb, not one more of the killed:
# "killing 3 soldiers and 6 others were wounded", "killed 2 and 5 people were abducted".
_OTHER_FATE = re.compile(
    r"\s*(?:were|was|are|is|have|has|had|got|remain|injured|wounded|hurt|abducted|kidnapped|arrested|"
    r"captured|missing|displaced|detained|rescued|escaped|survived|fled)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Group:
    """One more group of the killed named in a list with "and": its count and where it stands."""

    value: int
    start: int
    end: int


class ListReader:
    """Groups of the killed listed with "and" beside a count (ACLED counts every side's dead).

    "5 militants and 1 soldier were killed" is 6, "2 police officers and a civilian were killed" 3,
    "21 militants, including 2 commanders, and 4 soldiers were killed" 25 (the commanders are among
    the 21), "killing 4 herders and 2 soldiers" 6; "killed 3 and injured 5" stays 3, and so does
    "killing 3 soldiers and 6 others were wounded".
    """

    def __init__(self, number: str, hedge: str, value: Callable[[str], int | None]) -> None:
        self.value = value
        group = rf"(?P<g>(?:{hedge})?{number}\s+(?:{_NOUN}\s+){{0,3}}?(?P<head>{_NOUN})){_GROUP_ASIDE}"
        # a group just before a count's own ("<group> and 4 soldiers were killed"), the list's links
        self.before = re.compile(rf"(?:^|(?<=[\s(:;,]))(?P<whole>{group})\s*(?P<link>,\s*and|and|,)\s+$", re.I)
        # the rest of an active count's group, then one more group ("killing 4 herders and 2 soldiers")
        self.after = re.compile(rf"(?:\s+{_NOUN}){{0,3}}?{_GROUP_ASIDE}\s*(?P<link>,\s*and|and|,)\s+{group}", re.I)
        # a count, its people, "including" a list whose last group is of another side
        self.including = re.compile(
            rf"(?:{hedge})?{number.replace('?P<n>', '?P<n0>')}\s+(?:{_NOUN}\s+){{0,3}}?(?P<main>{_NOUN}),?\s+"
            rf"including\b[^.;,()]*?\band\s+{group}(?=\s*,?\s*(?:were|was|have|had|are|died)\b)",
            re.I,
        )

    def including_other_side(self, text: str, start: int, end: int) -> int:
        """The last group of an "including" list inside the count at ``start:end`` where it is of
        another side than the count's people: "21 militants including 2 commanders and 4 soldiers
        were killed" adds 4; "15 villagers including 2 women and 3 children" adds nothing."""
        m = self.including.match(text, start, end)
        if m is None or (main := side(m.group("main"))) is None or side(m.group("head")) in (None, main):
            return 0
        return self._group(text, m) or 0

    def _group(self, text: str, m: re.Match[str]) -> int | None:
        """The count of one listed group, or None where it names no people or is a date."""
        said = m.group("n")
        if not is_people(m.group("head")) or YEAR.fullmatch(said) or DATE_BEFORE.search(text[: m.start("g")]):
            return None
        n = self.value(said)
        return n if n is not None and n <= 100_000 else None

    def before_count(self, text: str, start: int) -> Group | None:
        """Groups listed before the count at ``start``, the last joined to it by "and"."""
        total, first = 0, start
        while m := self.before.search(text, 0, first):
            link = m.group("link").strip(", ").lower()
            if first == start and link != "and" or first < start and link == "and":
                break  # "A, B and <count>": "and" before the count, commas further back
            if re.search(r"\b(?!leaving\b)\w+(?:ed|ing)\s+$", text[: m.start("whole")], re.I):
                break  # "militants abducted 3 villagers and 2 soldiers were killed": an object
            n = self._group(text, m)
            if n is None:
                break
            total, first = total + n, m.start("whole")
        return Group(total, first, start) if total else None

    def after_count(self, text: str, end: int) -> Group | None:
        """Groups listed after the active count ending at ``end`` ("killing 4 soldiers and 2 civilians")."""
        total, last, pending = 0, end, 0
        pos = end
        while m := self.after.match(text, pos):
            n = self._group(text, m)
            if n is None:
                break
            pos = m.end()
            pending += n
            if m.group("link").strip(", ").lower() == "and":
                if _OTHER_FATE.match(text, pos):
                    break  # "killing 3 soldiers and 6 others were wounded"
                total, last, pending = total + pending, pos, 0
        return Group(total, end, last) if total else None

"""Stage ``fatalities``: how many were killed in each event (and wounded), by ACLED's rules.

Reads each event's mention sentences; writes ``fatalities`` and ``wounded`` with evidence.

ACLED's rules, as applied here:
- the most conservative credible figure: "at least 20" is 20, "20 to 25" is 20;
- the wounded are never counted as killed ("killed or wounded" gives no count at all);
- attackers who die count (a suicide bomber is a fatality);
- vague quantities are mapped as ACLED maps them (``data/quantities.tsv``: "several" 10, "dozens" 12);
- a death restated in another sentence is not counted twice: within a sentence distinct groups
  add up ("two soldiers and three civilians were killed"), across sentences the largest statement
  of the event stands; and a sentence's deaths belong to one event only (the most confident event
  that reports the sentence);
- a total ACLED splits across events ("coded as 10 and spread between 3 locations") is divided.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from importlib import resources

from ..config import Config
from ..model import Evidence, EventRecord, Span, Work
from ..registry import stage

_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "a hundred": 100, "single": 1, "lone": 1, "both": 2, "twin": 2,
}  # fmt: skip


def _load_quantities() -> dict[str, int]:
    text = resources.files("eventcoder").joinpath("data/quantities.tsv").read_text("utf-8")
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    return {r["phrase"]: int(r["value"]) for r in csv.DictReader(lines, delimiter="\t")}


# People words that may stand between a number and "killed" ("three SDF fighters were killed").
_WHO = r"(?:(?!and\b|or\b|but\b)[A-Za-z][\w'’-]*\s+){0,6}?"
_KILLED = r"(?:killed|dead|died|shot dead|shot and killed|beaten to death|hacked to death|" \
          r"stabbed to death|burned to death|lynched|slain|murdered|executed|perished|lost their lives|" \
          r"lost his life|lost her life)"  # fmt: skip
_AUX = r"(?:\s+(?:were|was|have been|has been|had been|are|is|reportedly|were reportedly|reported))*"


_DATE_BEFORE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*$", re.I
)


@dataclass(frozen=True, slots=True)
class Count:
    value: int
    span: Span


@stage("fatalities", requires=("annotations", "events"), provides=("events.fatalities",), version=1)
class FatalitiesStage:
    """Count the killed (and wounded) of each event under ACLED's conservative rules."""

    def __init__(self, config: Config) -> None:
        vague = _load_quantities()
        phrases = sorted([*vague, *_WORDS], key=len, reverse=True)
        self.values = {**_WORDS, **vague}
        number = r"(?P<n>\d[\d,]*|" + "|".join(re.escape(p) for p in phrases) + r")"
        hedge = r"(?:at least|as many as|up to|more than|over|nearly|about|around|some|an estimated|approximately)\s+"
        people = r"(?:people|persons|civilians|soldiers|others|militants|fighters|members|policemen|officers|police officers|men|women|children|villagers|protesters|demonstrators|students|troops|insurgents|rebels|attackers|assailants|gunmen|guards|passengers|workers|residents|persons)"
        self.patterns = [
            # active: "killing two", "killed at least 5 people", "left 3 dead"
            re.compile(rf"\b(?:killing|killed|kills|kill|left|leaving|claimed the lives of|claiming the lives of)\s+(?:{hedge})?{number}(?:\s+{_WHO}(?:dead|{people}))?\b", re.I),
            # passive: "two people were killed", "one SDF fighter was killed"
            re.compile(rf"\b(?:{hedge})?{number}\s+{_WHO}(?:were|was|have been|has been|had been|are|is|got)(?:\s+(?:reportedly|allegedly|also|later|all))?\s+{_KILLED}\b", re.I),
            # intransitive: "at least 20 died", "3 dead", "two people killed"
            re.compile(rf"\b(?:{hedge})?{number}\s+(?:{_WHO}(?:died|perished|lost their lives)|(?:{people}\s+)?(?:dead|killed)\b)", re.I),
            # headlines: "Mob kills man", "attack kills civilian"
            re.compile(rf"\b(?:kills?|killing|killed)\s+(?P<n>a|an|one)?\s*(?:man|woman|boy|girl|child|civilian|person|youth|officer|policeman|soldier|teacher|student|farmer|trader|herder|villager|suspect)\b", re.I),
            # "3 fatalities", "death toll of 12", "Fatalities: 3"
            re.compile(rf"\b(?:{hedge})?{number}\s+(?:fatalities|deaths)\b", re.I),
            re.compile(rf"\b(?:death toll|fatalities|toll)\s*(?::|of|rose to|reached|stood at|is|at|climbed to)\s*(?:{hedge})?{number}\b", re.I),
            # "a man was found dead", "the bodies of three men"
            re.compile(rf"\b{number}\s+(?:[\w'’-]+\s+){{0,3}}(?:was|were)\s+found\s+dead\b", re.I),
            re.compile(rf"\b(?:the\s+)?bod(?:y|ies)\s+of\s+{number}\b", re.I),
        ]
        self.wounded = [
            re.compile(rf"\b(?:{hedge})?{number}\s+{_WHO}(?:were|was|have been|has been|had been|are|is|got)?\s*(?:seriously\s+|critically\s+)?(?:wounded|injured|hurt)\b", re.I),
            re.compile(rf"\b(?:wounding|injuring|wounded|injured)\s+(?:{hedge})?{number}\b", re.I),
        ]
        self.ambiguous = re.compile(r"\bkilled\s+or\s+(?:wounded|injured)|(?:wounded|injured)\s+or\s+killed\b", re.I)
        self.none = re.compile(r"\bno (?:one|fatalities|deaths|casualties)\b|\bno\s+(?:one|body|person)\s+was\s+(?:killed|hurt)|\bwithout casualties\b", re.I)
        self.split = re.compile(
            r"\bcoded as (?P<total>\d+)(?: fatalities)?[^.]*?(?:spread|split|divided)(?: equally)? "
            r"(?:between|across|among|over) (?P<parts>\d+|two|three|four|five|six)", re.I
        )
        self.unknown = re.compile(
            r"\b(?:resulting in|causing|incurring|with|reported)\s+(?:an unknown number of\s+|unknown\s+|unspecified\s+)?fatalities\b|"
            r"\bunknown number of (?:fatalities|deaths|people killed)\b", re.I
        )

    def __call__(self, work: Work) -> Work:
        ann = work.annotations
        assert ann is not None  # Pipeline.check(): nlp runs first
        owner: dict[int, int] = {}
        for index, event in enumerate(work.events):  # events come most confident first
            for m in event.mentions:
                owner.setdefault(m.sent, index)
        # Deaths reported in sentences no event claims ("1 person was killed in the clash.",
        # "Fatalities: 2") belong to the article's main event.
        if work.events:
            for s in ann.sentences:
                if s.i not in owner and self.killed_in(s.span) is not None:
                    owner[s.i] = 0
        events = []
        for index, event in enumerate(work.events):
            sents = sorted(s for s, o in owner.items() if o == index)
            events.append(self._count_event(event, [ann.sentences[s].span for s in sents]))
        return work.with_events(events)

    def _count_event(self, event: EventRecord, sentences: list[Span]) -> EventRecord:
        killed: Count | None = None
        wounded: Count | None = None
        for sentence in sentences:
            k = self.killed_in(sentence)
            if k is not None and (killed is None or k.value > killed.value):
                killed = k
            w = self.wounded_in(sentence)
            if w is not None and (wounded is None or w.value > wounded.value):
                wounded = w
        info = self.info  # type: ignore[attr-defined]
        evidence = []
        if killed is not None:
            evidence.append(Evidence("fatalities", killed.span, info.name, info.version))
        if wounded is not None:
            evidence.append(Evidence("wounded", wounded.span, info.name, info.version))
        return event.with_evidence(
            *evidence,
            fatalities=killed.value if killed else 0,
            wounded=wounded.value if wounded else None,
        )

    def _number(self, text: str) -> int | None:
        text = text.lower().strip()
        if text[:1].isdigit():
            return int(text.replace(",", ""))
        return self.values.get(text)

    def killed_in(self, sentence: Span) -> Count | None:
        text = sentence.text
        split = self.split.search(text)
        if split:
            parts = self._number(split.group("parts")) or 1
            total = int(split.group("total"))
            return Count(total // parts, _span(sentence, split))
        text = self.none.sub(" ", text)  # "no one was killed" counts nobody
        if self.ambiguous.search(text) and not any(p.search(self.ambiguous.sub(" ", text)) for p in self.patterns):
            return None
        found: list[tuple[int, int, re.Match[str]]] = []
        for pattern in self.patterns:
            for m in pattern.finditer(text):
                n = self._number(m.group("n") or "one")
                if n is None or n > 100_000:
                    continue
                if m.group("n") and _DATE_BEFORE.search(text[: m.start("n")]):
                    continue  # "Oct 30 - At least 100 people were killed": 30 is a day
                if any(s <= m.start() < e or m.start() <= s < m.end() for s, e, _ in found):
                    continue
                found.append((m.start(), m.end(), m))
        if found:
            total = sum(self._number(m.group("n") or "one") or 0 for _, _, m in found)
            first, last = min(s for s, _, _ in found), max(e for _, e, _ in found)
            return Count(total, Span(sentence.start + first, sentence.start + last, text[first:last]))
        m = self.unknown.search(text)
        if m:
            return Count(self.values.get("an unknown number of", 10), _span(sentence, m))
        return None

    def wounded_in(self, sentence: Span) -> Count | None:
        best: Count | None = None
        for pattern in self.wounded:
            for m in pattern.finditer(sentence.text):
                n = self._number(m.group("n"))
                if n is not None and n <= 100_000 and (best is None or n > best.value):
                    best = Count(n, _span(sentence, m))
        return best


def _span(sentence: Span, m: re.Match[str]) -> Span:
    return Span(sentence.start + m.start(), sentence.start + m.end(), m.group(0))

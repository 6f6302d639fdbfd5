"""Stage ``dates``: each event's date and ACLED time precision, from its own sentences first.

Reads each event's mention sentences, then the article around them, the parse (to tell the date
of the event from the date it was reported), and ``Article.published``; writes ``event_date`` and
``time_precision`` with evidence for ``event_date``. Precision is ACLED's: 1 a day; 2 a range of
days, a week, a weekend, or a day given as "around"/"on or before"/"reported on"; 3 a month.

Stated dates: "On 11th March", "9 May 2020", "Oct. 28th 2019", "2020-05-09", "13/05/2017" (day
first in notes without a publication date, month first in dated news), ranges ("22-23 March",
"between 3 and 5 May", "from 6 to 7 May": the middle day, rounded down, as ACLED dates them; "the
night of 4-5 May" is its first day), "week of 5 May", months ("in March 2021", "(month of)",
"last month": dated the 15th, as ACLED dates a month).
Relative to publication: weekdays ("on Sunday", "early Tuesday": the last such day on or before
publication), "yesterday", "last night", "overnight", "today", "this morning", "last week",
"over the weekend". Nothing after publication is accepted. Without a publication date these
still give the precision ("was Friday lynched": 1) though not the date.

A day and month without a year take the publication year (or the year before, when that would put
them after publication); without a publication date, the year of a date stated in full elsewhere
in the text ("On 9 May 2020 ... on 10 May"), else ``dates.assume_year``; with none, the date is
not resolved (its precision is, with evidence for ``time_precision``) and the work carries a
warning saying so. "(exact date not reported)" and "source dated 28/03" make a day precision 2.

Choosing among dates: a date attached to a verb of reporting or of the case's later course ("police
said Monday", "was arrested Tuesday", "appeared in court Friday") is the date of the news, not of
the event, and is used only when no other date is stated; a day attached to the violent act
itself ("were shot at 6 p.m. Monday", "the shooting happened Sunday") in the event's sentences or
the lead comes before any other; a date that stands alone on its line or follows
"Posted:"/"Updated:" is the article's timestamp and is ignored. The event's own sentences
come first, then the nearest sentences before them, then the rest; with no date at all, the
publication date at precision 2 (ACLED's "as reported").
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from ..config import Config
from ..model import Annotations, EventRecord, Evidence, Span, Token, Work
from ..registry import stage

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_MONTH_NAMES = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
)
_MONTH = rf"(?P<month>{_MONTH_NAMES})\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s*(?P<year>(?:19|20)\d\d))?"
_WEEKDAY_NAMES = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_DASH = r"\s*(?:-|–|—|to|and|or|/)\s*"  # "22-23 March", "3 and 5 May", "11 or 12 June"

# "Saturday, May 17", "Sunday night [13 February]": a weekday before a stated date belongs to it
# (and the parse attaches the pair through the weekday).
_WD = (
    rf"(?:(?:{_WEEKDAY_NAMES})(?:\s+(?:night|morning|evening|afternoon))?"
    r"\s*,?\s*[\[(]?\s*(?:the\s+)?)?"
)

# Each pattern yields a day (and month/year); ranges also a first day.
_RANGE_DAY_MONTH = re.compile(
    rf"\b{_WD}(?P<first>[0-3]?\d)(?:st|nd|rd|th)?{_DASH}{_DAY}\s+(?:of\s+)?{_MONTH}{_YEAR}\b", re.I
)
_RANGE_MONTH_DAY = re.compile(
    rf"\b{_WD}{_MONTH}\s+(?P<first>[0-3]?\d)(?:st|nd|rd|th)?{_DASH}{_DAY}\b{_YEAR}", re.I
)
_DAY_MONTH = re.compile(rf"\b{_WD}{_DAY}\s+(?:of\s+)?{_MONTH}{_YEAR}\b", re.I)
_MONTH_DAY = re.compile(rf"\b{_WD}{_MONTH}\s+{_DAY}\b{_YEAR}", re.I)
_ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")
# "on 12/02", "of 13/05/2017", "source dated 28/03": after a preposition (so "9/11" and "24/7"
# are not dates), not part of a longer number.
_NUMERIC = re.compile(
    r"(?:(?<=\bon )|(?<=\bof )|(?<=\bis )|(?<=\bdated ))(?P<a>[0-3]?\d)/(?P<b>[01]?\d)"
    r"(?:/(?P<year>(?:19|20)?\d\d))?(?![\d/])",
    re.I,
)
_MONTH_ONLY = re.compile(
    rf"\b(?:in|during|since|early|late|mid-?|end of|beginning of)\s+(?:of\s+)?{_MONTH}{_YEAR}\b",
    re.I,
)
_WEEKDAY = re.compile(
    rf"\b(?P<last>last\s+|this\s+(?:past\s+)?)?(?P<weekday>{_WEEKDAY_NAMES})"
    r"(?:\s+(?:night|morning|evening|afternoon|overnight))?\b",
    re.I,
)
# Days back from publication and precision. "overnight" is the night into the publication day:
# on the training side of the GVA articles, overnight shootings are dated to the day they are
# reported (bench/gva_dates.py); "last night" is the evening before.
_RELATIVE = {
    re.compile(r"\bthe day before yesterday\b", re.I): (2, 1),
    re.compile(r"\byesterday\b", re.I): (1, 1),
    re.compile(r"\blast\s+night\b", re.I): (1, 1),
    re.compile(r"\bovernight\b", re.I): (0, 1),
    re.compile(r"\b(?:today|this morning|this afternoon|this evening|tonight)\b", re.I): (0, 1),
    re.compile(r"\b(?:last|past|previous)\s+week\b", re.I): (7, 2),
    re.compile(r"\b(?:earlier|late[rt]?)\s+this\s+week\b|\bthis\s+week\b", re.I): (2, 2),
}
# "earlier this month", "last month": months back from publication, dated mid-month (_mid_month).
_RELATIVE_MONTH = {
    re.compile(r"\b(?:earlier\s+)?this\s+month\b", re.I): 0,
    re.compile(r"\b(?:last|past|previous)\s+month\b", re.I): 1,
}
# "over the weekend", "last weekend": the Saturday before publication, at precision 2.
_WEEKEND = re.compile(
    r"\b(?:over|during|on)\s+the\s+weekend\b|\b(?:last|this|past)\s+weekend\b", re.I
)
# ACLED codes a day given loosely at precision 2: "Around 9 May", "On or before 6 November",
# "Reported on 28 April", "week of 5 May", "October 19th (on or before)".
_VAGUE_BEFORE = re.compile(
    r"\b(?:around|approximately|circa|on or (?:about|around|before|after)|reported on|"
    r"as of|(?:in |during )?the (?:week|weekend) of|week of|weekend of|weekend \(|"
    r"(?:source|report|article)s? (?:was |is )?dated)"
    r"\s*(?:the\s+)?$",
    re.I,
)
_VAGUE_AFTER = re.compile(
    r"^\s*\((?:on or (?:about|around|before|after)|approx\w*|around|about)\b|"
    r"^\s*[(,\-–]?\s*(?:the\s+|no\s+)?(?:exact\s+)?dates?\s+(?:not|un|was not|is not|were not)",
    re.I,
)
# "Around 15 March 2021 (month of)": ACLED's month precision.
_MONTH_OF = re.compile(r"^\s*\((?:month of|in the month)\b", re.I)
# "the night of 4-5 May", "night of 23 to 24 November": one night, dated to its first day.
_NIGHT_OF = re.compile(r"\bnight\s+of\s+(?:the\s+)?$", re.I)
# "Posted: Monday, March 31, 2014 3:13 PM EDT": the page's timestamp.
_STAMP_BEFORE = re.compile(
    r"\b(?:posted|updated?|published|last updated|created)\b\W*(?:on\s+)?$", re.I
)
# A wire dateline: the place in capitals, a comma, the filing date, then a dash or "(Agency)".
_DATELINE_BEFORE = re.compile(r"^\s*[A-Z][A-Z .'’-]{1,40}(?:,\s*[A-Z][A-Za-z .]{1,30})?,\s*$")
_DATELINE_AFTER = re.compile(r"^\s*(?:\([A-Za-z .]{2,30}\)\s*)?[-–—]")
_CLOCK = r"(?:(?:at\s+)?\d{1,2}(?::\d\d)?\s*(?:[ap]\.?\s?m\.?)?(?:\s*[A-Z]{2,4})?)"
_STAMP_LINE = re.compile(
    rf"^[\W_]*(?:(?:posted|updated|published|by)\b[\w .]*?)?[\W_]*(?:{_WEEKDAY_NAMES})?[\W_]*"
    rf"<DATE>[\W_]*{_CLOCK}?[\W_]*$",
    re.I,
)
# A stated day whose year cannot be known: checked against a leap year, then returned as _NO_YEAR.
_LEAP_YEAR = 2000
_NO_YEAR = date.min
_ABSOLUTE = (_RANGE_DAY_MONTH, _RANGE_MONTH_DAY, _DAY_MONTH, _MONTH_DAY, _ISO)

# Words a date attaches to when it is the date of the news rather than of the event: reporting,
# the police and court case that follows, a death days later. From the GVA training articles'
# mismatches (bench/gva_dates.py): "police said Sunday", "was arrested Tuesday", "appeared in court
# Monday", "lab results released Wednesday", "a news conference Friday afternoon".
_NEWS_LEMMAS = frozenset(
    "say tell report announce confirm state add release post update publish appear arraign "
    "sentence plead charge arrest indict identify name book extradite testify rule convict file "
    "issue die remain hospitalize conference hearing court statement vigil funeral "
    "investigate search".split()
)
# Words of the violent act itself ("was shot Monday", "the shooting happened Sunday", "opened fire
# early Friday", "Monday night's violence"): a day attached to one of these in the event's sentences
# or the lead before them is preferred to a day attached to the aftermath ("was in critical
# condition Tuesday after ... were shot", "friends gathered Wednesday"). On the GVA training
# articles (bench/gva_dates.py --n 600) the preference fixed 14 dates and broke 2.
_ACT_LEMMAS = frozenset(
    "shoot shooting shot kill killing murder homicide fire open gun wound injure strike hit "
    "happen occur erupt violence incident".split()
)
# "at about 6 p.m. Monday ... were shot": the day hangs from the time, the time from the act.
_TIME_LEMMAS = frozenset("p.m. a.m. noon midnight hour night morning evening afternoon".split())
_NEWS_BEFORE = re.compile(
    r"\b(?:said|says|told(?:\s+[\w.]+){0,3}|reported|announced|confirmed|released|arrested|charged|"
    r"arraigned|sentenced|identified|died|in court|conference|statement)"
    r"\s+(?:on\s+|early\s+|late\s+)?$",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Found:
    """A date a sentence states: the day, ACLED's precision, the words, and whether it is news's."""

    day: date | None  # None: a day is stated but its year cannot be known
    precision: int
    span: Span
    news: bool = False
    act: bool = False  # attached to the violent act itself (_ACT_LEMMAS)


class _Collector:
    """The dates found in one sentence so far; a later pattern may not reuse their characters."""

    def __init__(
        self, sentence: Span, text: str, ann: Annotations | None, sent: int, published: bool
    ) -> None:
        self.sentence, self.text, self.published = sentence, text, published
        self.tokens: tuple[Token, ...] = ann.tokens if ann is not None else ()
        self.sent_tokens: tuple[Token, ...] = ()
        if ann is not None and sent >= 0:
            self.sent_tokens = ann.tokens_in(sent)
        self.taken: list[tuple[int, int]] = []
        self.found: list[tuple[int, Found]] = []

    def free(self, m: re.Match[str]) -> bool:
        return not any(s <= m.start() < e or m.start() <= s < m.end() for s, e in self.taken)

    def add(self, m: re.Match[str], day: date | None, precision: int) -> None:
        self.taken.append((m.start(), m.end()))
        start, end = self.sentence.start + m.start(), self.sentence.start + m.end()
        # Only news pages carry timestamps and date their reporting; a note's dates are the event's.
        if self.published and _is_timestamp(self.text, start, end):
            return
        # The word the date hangs from decides both: a date of the news or of the violent act.
        root = _date_root(self.tokens, self.sent_tokens, start, end) if self.published and self.tokens else None
        news = self.published and _is_news(self.text, start, root)
        act = self.published and not news and _is_act(self.tokens, root)
        if day == _NO_YEAR:
            day = None
        span = Span(start, end, m.group(0))
        self.found.append((m.start(), Found(day, precision, span, bool(news), bool(act))))

    def dates(self) -> list[Found]:
        return [f for _, f in sorted(self.found, key=lambda x: x[0])]


@stage("dates", requires=("annotations", "events"), provides=("events.date",), version=2)
class DatesStage:
    """Resolve each event's date and time precision relative to the publication date."""

    def __init__(self, config: Config) -> None:
        self.assume_year = int(config.section("dates").get("assume_year", 0) or 0)
        self.name: str = self.info.name  # type: ignore[attr-defined]
        self.version: int = self.info.version  # type: ignore[attr-defined]

    def __call__(self, work: Work) -> Work:
        ann = work.annotations
        assert ann is not None  # Pipeline.check(): nlp runs first
        published = work.article.published
        text = work.article.text
        year = self.year_of(text) if published is None else 0
        found = [self.dates_in(s.span, published, year, text, ann, s.i) for s in ann.sentences]
        events = [self._date_event(event, found, published) for event in work.events]
        warnings = work.warnings
        if published is None and work.events and any(e.event_date is None for e in events):
            warnings += ("no publication date: only dates with a year could be resolved",)
        return replace(work, events=tuple(events), warnings=warnings)

    def _date_event(
        self, event: EventRecord, found: list[list[Found]], published: date | None
    ) -> EventRecord:
        sents = list(dict.fromkeys(m.sent for m in event.mentions))
        first = min(sents) if sents else 0
        before = list(range(first - 1, -1, -1))
        after = [s for s in range(first + 1, len(found)) if s not in sents]
        order = sents + before + after
        candidates = [f for s in order if s < len(found) for f in found[s]]
        lead = [f for s in sents + before if s < len(found) for f in found[s]]
        # The day of the violent act in the event's sentences or the lead, then a resolved date of
        # the event, then a day whose year is unknown, then a date of the news. Only a single day
        # counts as the act's: "shot in August" must not outweigh "on Aug. 12" elsewhere.
        choice = (
            next((f for f in lead if f.act and f.day is not None and f.precision == 1), None)
            or next((f for f in candidates if f.day is not None and not f.news), None)
            or next((f for f in candidates if not f.news), None)
            or next(iter(candidates), None)
        )
        if choice is None:
            if published is None:
                return event
            return event.with_evidence(event_date=published, time_precision=2)
        if choice.day is None:
            # "21 June." in a note without a year: the precision is stated, the date is not known.
            ev = Evidence("time_precision", choice.span, self.name, self.version)
            return event.with_evidence(ev, time_precision=choice.precision)
        ev = Evidence("event_date", choice.span, self.name, self.version)
        return event.with_evidence(ev, event_date=choice.day, time_precision=choice.precision)

    def year_of(self, text: str) -> int:
        """The year of the first date stated with one ("On 9 May 2020", "in March 2021"), else 0."""
        years = [
            (m.start(), int(m.group("year")))
            for pattern in (*_ABSOLUTE, _MONTH_ONLY, _NUMERIC)
            for m in pattern.finditer(text)
            if m.group("year") and len(m.group("year")) == 4
        ]
        return min(years)[1] if years else 0

    def dates_in(
        self,
        sentence: Span,
        published: date | None,
        year: int = 0,
        text: str = "",
        ann: Annotations | None = None,
        sent: int = -1,
    ) -> list[Found]:
        """The dates a sentence states, in order of appearance.

        ``year`` is the text's year for dates without one when there is no publication date;
        ``text`` is the article (to see a date's whole line); ``ann`` and ``sent`` give the parse
        that tells a date of reporting from a date of the event.
        """
        s_text = sentence.text
        found = _Collector(sentence, text or s_text, ann, sent, published is not None)
        for pattern in _ABSOLUTE:
            for m in pattern.finditer(s_text):
                if m.group("month") == "may":
                    continue  # the verb ("5 may have died"); the month is written "May"
                if found.free(m) and (day := self._absolute(m, published, year)) is not None:
                    found.add(m, day, _precision(m, s_text))
        for m in _NUMERIC.finditer(s_text):
            if found.free(m) and (day := self._numeric(m, published, year)) is not None:
                found.add(m, day, _precision(m, s_text))
        for m in _MONTH_ONLY.finditer(s_text):
            if not found.free(m) or m.group("month") == "may":
                continue
            y = int(m.group("year")) if m.group("year") else published.year if published else 0
            y = y or year or self.assume_year
            if not y:
                found.add(m, None, 3)
                continue
            month = _MONTHS[m.group("month").lower().rstrip(".")]
            if published is not None and date(y, month, 1) > published:
                if m.group("year"):
                    continue
                y -= 1
            found.add(m, _mid_month(y, month, published), 3)
        self._relative(found, published)
        return found.dates()

    def _relative(self, found: _Collector, published: date | None) -> None:
        """Weekdays, "yesterday", "last week", "over the weekend": counted back from publication.

        Without a publication date they still say the precision ("was Friday lynched": a day).
        """
        s_text = found.sentence.text

        def back(days: int) -> date | None:
            return published - timedelta(days=days) if published is not None else None

        for m in _WEEKDAY.finditer(s_text):
            if not found.free(m):
                continue
            weekday = _WEEKDAYS[m.group("weekday").lower()]
            days = (published.weekday() - weekday) % 7 if published is not None else 0
            if (m.group("last") or "").lower().startswith("last") and days == 0:
                days = 7
            found.add(m, back(days), 1)
        for m in _WEEKEND.finditer(s_text):
            if found.free(m):  # the last Saturday on or before publication
                found.add(m, back((published.weekday() - 5) % 7 if published else 0), 2)
        for pattern, (days, precision) in _RELATIVE.items():
            for m in pattern.finditer(s_text):
                if found.free(m):
                    found.add(m, back(days), precision)
        for pattern, months in _RELATIVE_MONTH.items():
            for m in pattern.finditer(s_text):
                if found.free(m):
                    if published is None:
                        found.add(m, None, 3)
                        continue
                    first = published.replace(day=1)
                    if months:
                        first = (first - timedelta(days=1)).replace(day=1)
                    found.add(m, _mid_month(first.year, first.month, published), 3)

    def _year(self, m: re.Match[str], published: date | None, year: int) -> int:
        if m.group("year"):
            y = int(m.group("year"))
            return y + 2000 if y < 100 else y
        if published is not None:
            return published.year
        return year or self.assume_year

    def _make(
        self, y: int, month: int, day: int, stated_year: bool, published: date | None
    ) -> date | None:
        """The date, or the year before when it would fall after publication; None if impossible."""
        try:
            out = date(y or _LEAP_YEAR, month, day)
        except ValueError:
            return None
        if not y:
            return _NO_YEAR  # a real day and month ("29 February" too), year unknown
        if published is not None and out > published:
            if stated_year:
                return None  # stated as after publication: not this event's date
            try:
                out = out.replace(year=out.year - 1)
            except ValueError:
                return None
        return out

    def _absolute(self, m: re.Match[str], published: date | None, year: int) -> date | None:
        month_text = m.group("month")
        month = int(month_text) if month_text.isdigit() else _MONTHS[month_text.lower().rstrip(".")]
        y = self._year(m, published, year)
        day = int(m.group("day"))
        if "first" in m.re.groupindex and m.group("first"):
            first = int(m.group("first"))
            if not first < day <= 31:
                return None  # "3-2 May" is no range
            night = _NIGHT_OF.search(m.string[max(0, m.start() - 20) : m.start()])
            day = first if night else (first + day) // 2
        return self._make(y, month, day, bool(m.group("year")), published)

    def _numeric(self, m: re.Match[str], published: date | None, year: int) -> date | None:
        # ACLED notes (no publication date) write day first; dated news here is mostly American.
        a, b = int(m.group("a")), int(m.group("b"))
        day, month = (a, b) if published is None else (b, a)
        if not 1 <= month <= 12:
            return None
        y = self._year(m, published, year)
        return self._make(y, month, day, bool(m.group("year")), published)


def _mid_month(year: int, month: int, published: date | None) -> date:
    """ACLED dates an event known only by its month to the 15th (44 of the 51 month-precision
    Kenya rows on the training side), or to publication when that is earlier."""
    day = date(year, month, 15)
    return min(day, published) if published is not None else day


def _precision(m: re.Match[str], s_text: str) -> int:
    """ACLED's precision of a stated day: 3 "(month of)", 2 loose or a range, else 1."""
    before, after = s_text[max(0, m.start() - 40) : m.start()], s_text[m.end() : m.end() + 30]
    if _MONTH_OF.match(after):
        return 3
    if _VAGUE_BEFORE.search(before) or _VAGUE_AFTER.match(after):
        return 2
    if "first" in m.re.groupindex and m.group("first") and not _NIGHT_OF.search(before):
        return 2  # a range of days
    return 1


def _is_timestamp(text: str, start: int, end: int) -> bool:
    """A page's own timestamp: after "Posted:"/"Updated:", a line holding only the date, or a
    wire dateline ("MOGADISHU, Oct 30 - At least 100 people ...": the day it was filed)."""
    if _STAMP_BEFORE.search(text[max(0, start - 30) : start]):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    if _DATELINE_BEFORE.match(text[line_start:start]) and _DATELINE_AFTER.match(text[end:]):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    masked = line[: start - line_start] + "<DATE>" + line[end - line_start :]
    return _STAMP_LINE.match(masked) is not None


def _date_root(
    tokens: Sequence[Token], sent_tokens: Sequence[Token], start: int, end: int
) -> Token | None:
    """The token a date phrase hangs from, through "on"/"in" and "early"/"late"."""
    inside = [t for t in sent_tokens if t.start >= start and t.end <= end]
    ids = {t.i for t in inside}
    head: Token | None = next((tokens[t.head] for t in inside if t.head not in ids), None)
    for _ in range(3):
        if head is None or head.pos not in ("ADP", "ADV") or head.head == head.i:
            break
        head = tokens[head.head]
    return head


def _is_news(text: str, start: int, root: Token | None) -> bool:
    """A date attached to reporting or to the case's later course ("police said Monday");
    ``root`` is the token it hangs from (:func:`_date_root`)."""
    if _NEWS_BEFORE.search(text[max(0, start - 60) : start]):
        return True
    return root is not None and root.lemma.lower() in _NEWS_LEMMAS


def _is_act(tokens: Sequence[Token], root: Token | None) -> bool:
    """A date attached to the violent act ("shot Monday", "at 6 p.m. Monday ... were shot"),
    from ``root``, the token it hangs from, up through a time word ("6 p.m.") or a preposition."""
    head = root
    for _ in range(3):
        if head is None or head.head == head.i:
            break
        if head.lemma.lower() not in _TIME_LEMMAS and head.pos != "ADP":
            break
        head = tokens[head.head]
    return head is not None and head.lemma.lower() in _ACT_LEMMAS

"""Stage ``dates``: each event's date and ACLED time precision, from its own sentences first.

Reads each event's mention sentences, then the article around them, and ``Article.published``;
writes ``event_date`` and ``time_precision`` (1 a day, 2 a week or a range of days or "around",
3 a month) with evidence for ``event_date``.

Absolute dates ("On 11th March", "9 May 2020", "Oct 28th 2019", "2020-05-09"), weekdays ("on
Sunday": the last such day on or before publication), "yesterday", "last night", "overnight",
"last week", "earlier this month", "last month". A date without a year takes the publication
year, or the year before when that would put it after publication. Nothing after publication is
accepted. With no date in the event's sentences, the nearest date before them in the article is
used; with none at all, the publication date at precision 2 (ACLED's "as reported"). Without a
publication date only absolute dates with a year (or ``dates.assume_year``) can be resolved; the
work carries a warning saying so.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from ..config import Config
from ..model import Evidence, EventRecord, Span, Work
from ..registry import stage

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_MONTH = r"(?P<month>january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s*(?P<year>(?:19|20)\d\d))?"
_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}

# Each pattern yields a day (and month/year), or a relative day count, with a precision.
_DAY_MONTH = re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}{_YEAR}\b", re.I)
_MONTH_DAY = re.compile(rf"\b{_MONTH}\s+{_DAY}\b{_YEAR}", re.I)
_ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")
_MONTH_ONLY = re.compile(rf"\b(?:in|during|since|early|late|mid-?)\s+{_MONTH}{_YEAR}\b", re.I)
_WEEKDAY = re.compile(
    r"\b(?P<last>last\s+)?(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?:\s+(?:night|morning|evening|afternoon))?\b",
    re.I,
)
_RELATIVE = {
    re.compile(r"\byesterday\b", re.I): (1, 1),
    re.compile(r"\b(?:last|on)\s+night\b|\bovernight\b", re.I): (1, 1),
    re.compile(r"\b(?:today|this morning|this afternoon|this evening|tonight)\b", re.I): (0, 1),
    re.compile(r"\bthe day before yesterday\b", re.I): (2, 1),
    re.compile(r"\b(?:last|past|previous)\s+week(?:end)?\b", re.I): (7, 2),
    re.compile(r"\b(?:earlier|late[rt]?)\s+this\s+week\b|\bthis\s+week\b", re.I): (2, 2),
    re.compile(r"\b(?:earlier\s+)?this\s+month\b", re.I): (0, 3),
    re.compile(r"\blast\s+month\b", re.I): (30, 3),
}
# "Around 9 May 2020", "on or about", "between 1 and 3 May": ACLED codes these at precision 2.
_VAGUE = re.compile(r"\b(?:around|on or about|on or around|between|as reported|in the week of|"
                    r"over the weekend|during the week)\b", re.I)  # fmt: skip
_ABSOLUTE = (_DAY_MONTH, _MONTH_DAY, _ISO)


@dataclass(frozen=True, slots=True)
class Found:
    day: date
    precision: int
    span: Span


@stage("dates", requires=("annotations", "events"), provides=("events.date",), version=1)
class DatesStage:
    """Resolve each event's date and time precision relative to the publication date."""

    def __init__(self, config: Config) -> None:
        self.assume_year = int(config.section("dates").get("assume_year", 0) or 0)

    def __call__(self, work: Work) -> Work:
        ann = work.annotations
        assert ann is not None  # Pipeline.check(): nlp runs first
        published = work.article.published
        sentences = ann.sentences
        found = [self.dates_in(s.span, published) for s in sentences]
        events = []
        for event in work.events:
            events.append(self._date_event(event, found, published))
        warnings = work.warnings
        if published is None and work.events:
            warnings += ("no publication date: only dates with a year could be resolved",)
        return replace(work, events=tuple(events), warnings=warnings)

    def _date_event(
        self, event: EventRecord, found: list[list[Found]], published: date | None
    ) -> EventRecord:
        sents = [m.sent for m in event.mentions]
        choice: Found | None = next((f[0] for s in sents if (f := found[s])), None)
        if choice is None and sents:
            # The nearest date before the event's first sentence: the paragraph's dateline.
            choice = next((found[s][0] for s in range(min(sents) - 1, -1, -1) if found[s]), None)
        if choice is None:
            choice = next((f[0] for f in found if f), None)
        if choice is None:
            if published is None:
                return event
            return event.with_evidence(event_date=published, time_precision=2)
        ev = Evidence("event_date", choice.span, self.info.name, self.info.version)  # type: ignore[attr-defined]
        return event.with_evidence(ev, event_date=choice.day, time_precision=choice.precision)

    def dates_in(self, sentence: Span, published: date | None) -> list[Found]:
        """The dates a sentence states, in order of appearance."""
        text, base = sentence.text, sentence.start
        out: list[tuple[int, Found]] = []
        taken: list[tuple[int, int]] = []
        vague = _VAGUE.search(text) is not None
        for pattern in _ABSOLUTE:
            for m in pattern.finditer(text):
                if any(s <= m.start() < e for s, e in taken):
                    continue
                day = self._absolute(m, published)
                if day is not None:
                    taken.append((m.start(), m.end()))
                    span = Span(base + m.start(), base + m.end(), m.group(0))
                    out.append((m.start(), Found(day, 2 if vague else 1, span)))
        for m in _MONTH_ONLY.finditer(text):
            if any(s <= m.start() < e for s, e in taken):
                continue
            year = self._year(m, published)
            month = _MONTHS[m.group("month").lower().rstrip(".")]
            if year:
                day = date(year, month, 1)
                if published is None or day <= published:
                    out.append((m.start(), Found(day, 3, Span(base + m.start(), base + m.end(), m.group(0)))))
        if published is not None:
            for m in _WEEKDAY.finditer(text):
                if any(s <= m.start() < e for s, e in taken):
                    continue
                back = (published.weekday() - _WEEKDAYS[m.group("weekday").lower()]) % 7
                if m.group("last") and back == 0:
                    back = 7
                span = Span(base + m.start(), base + m.end(), m.group(0))
                out.append((m.start(), Found(published - timedelta(days=back), 1, span)))
            for pattern, (back, precision) in _RELATIVE.items():
                for m in pattern.finditer(text):
                    span = Span(base + m.start(), base + m.end(), m.group(0))
                    out.append((m.start(), Found(published - timedelta(days=back), precision, span)))
        return [f for _, f in sorted(out, key=lambda x: x[0])]

    def _year(self, m: re.Match[str], published: date | None) -> int:
        if m.group("year"):
            return int(m.group("year"))
        if published is not None:
            return published.year
        return self.assume_year

    def _absolute(self, m: re.Match[str], published: date | None) -> date | None:
        month_text = m.group("month")
        month = int(month_text) if month_text.isdigit() else _MONTHS[month_text.lower().rstrip(".")]
        year = self._year(m, published)
        if not year:
            return None
        try:
            day = date(year, month, int(m.group("day")))
        except ValueError:
            return None
        if published is not None and day > published:
            if m.group("year"):
                return None  # stated as after publication: not this event's date
            try:
                day = day.replace(year=day.year - 1)
            except ValueError:
                return None
        return day

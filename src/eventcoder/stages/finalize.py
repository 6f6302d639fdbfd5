"""Stage ``finalize``: ids, sources, notes and order — what makes a coded event a record.

Reads the events with every field coded upstream; writes ``event_id_cnty`` (a content hash of the
article id and the event's key fields, so re-coding gives the same id), ``source`` (the outlet, or
the URL's host), ``source_scale`` (the outlet's reach, ACLED's scale: ``outlets.py``),
``notes`` (the event's first mention, dated, on one line, as an ACLED note would start),
``timestamp`` and the order: the article's main event first, then the rest by confidence.

With ``pipeline.scope = "acled"`` the main event is the most confident. With ``"all"`` (full news
articles, crime included) it is the one the article's lead (its first sentences) tells, the most
confident of those, and an arrest or charge comes after the violence it follows, as that is the
case's later course (``model.event_order``, which the fatalities stage follows too when it gives
deaths no event claims to the main event).
"""

from __future__ import annotations

import re
import time
from dataclasses import replace

from ..config import Config
from ..model import EventRecord, Work, content_id, event_order
from ..registry import stage
from .outlets import OutletScales

_OPENS_DATED = re.compile(
    r"^\W*(?:on|around|between|in)?\s*(?:or around\s+)?\d{1,2}(?:st|nd|rd|th)?\s+"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4}",
    re.I,
)
# Notes longer than this are cut at a word boundary (ACLED notes are a few sentences).
MAX_NOTES_CHARS = 600
def _host(url: str) -> str:
    m = re.match(r"^[a-z]+://(?:www\.)?([^/:]+)", url.strip(), re.I)
    return m.group(1).lower() if m else ""


def event_key(event: EventRecord) -> str:
    """The content hash that identifies one event of one article."""
    return content_id(
        ";".join(event.article_ids),
        event.sub_event_type,
        event.event_date.isoformat() if event.event_date else "",
        event.location,
        event.actor1,
        event.actor2,
        str(event.mentions[0].sent if event.mentions else -1),
    )


@stage(
    "finalize",
    requires=("events",),
    provides=("events.id", "events.source", "events.notes"),
    version=2,
)
class FinalizeStage:
    """Give each event its id, source and its scale, notes and timestamp; main event first."""

    def __init__(self, config: Config) -> None:
        self.clock = time.time
        self.scope = str(config.get("pipeline", "scope"))
        self.outlets = OutletScales()

    def __call__(self, work: Work) -> Work:
        article = work.article
        source = article.source or _host(article.url)
        scale = self.outlets.scale_of(source)  # the article's outlet: once, not per event
        now = int(self.clock())
        events = []
        for event in work.events:
            # One line, as ACLED writes notes: a mention can span a paragraph break.
            notes = " ".join(" ".join(m.span.text.split()) for m in event.mentions[:3])
            if len(notes) > MAX_NOTES_CHARS:
                notes = notes[:MAX_NOTES_CHARS].rsplit(" ", 1)[0] + " ..."
            # A mention that opens with its date already ("On 16 August 2021, ...") keeps it.
            if event.event_date and not _OPENS_DATED.match(notes):
                notes = f"On {event.event_date.day} {event.event_date:%B %Y}, {notes}"
            outlet = event.source or source
            events.append(
                replace(
                    event,
                    event_id_cnty=event_key(event),
                    source=outlet,
                    source_scale=event.source_scale
                    or (scale if outlet == source else self.outlets.scale_of(outlet)),
                    notes=notes,
                    timestamp=now,
                )
            )
        events.sort(key=lambda e: event_order(e, self.scope))
        # Two events of one article that came out identical (same key) are one event.
        unique = list({e.event_id_cnty: e for e in reversed(events)}.values())[::-1]
        return work.with_events(unique)

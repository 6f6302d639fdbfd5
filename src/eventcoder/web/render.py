"""How the web app writes events: JSON, ACLED CSV or GeoJSON, chosen by ``format=`` or ``Accept``.

Reads :class:`~eventcoder.model.EventRecord` s (a list page or one detail) and returns plain data
or text; never touches the store. :func:`negotiate` fails with
:class:`~eventcoder.web.errors.NotAcceptable` (406) or :class:`~eventcoder.web.errors.BadParameter`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

from ..export import COLUMNS, record_dict, row_of
from ..model import EventRecord
from ..store.review import AuditEntry, Source
from .errors import BadParameter, NotAcceptable

__all__ = ["FORMATS", "audit_json", "csv_text", "detail_json", "geojson", "negotiate", "summary"]

# format= value -> media type; the first media type each Accept entry could mean wins.
FORMATS = {"json": "application/json", "csv": "text/csv", "geojson": "application/geo+json"}
_ACCEPTED = {
    "application/json": "json",
    "text/csv": "csv",
    "application/geo+json": "geojson",
    "application/vnd.geo+json": "geojson",
    "application/*": "json",
    "text/*": "csv",
    "*/*": "json",
}

# Characters of article text either side of an evidence span in a detail: about two sentences
# of news prose, enough to judge the span without reading the whole article.
CONTEXT_CHARS = 240


def negotiate(fmt: str | None, accept: str | None) -> str:
    """``format=`` if given, else the best ``Accept`` entry we serve (JSON when none is sent)."""
    if fmt:
        if fmt not in FORMATS:
            raise BadParameter(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
        return fmt
    if not accept or not accept.strip():
        return "json"
    ranked: list[tuple[float, int, str]] = []
    for i, part in enumerate(accept.split(",")):
        media, *params = (p.strip() for p in part.split(";"))
        q = 1.0
        for p in params:
            if p.startswith("q="):
                try:
                    q = float(p[2:])
                except ValueError:
                    q = 0.0
        if media.lower() in _ACCEPTED and q > 0:
            ranked.append((-q, i, _ACCEPTED[media.lower()]))
    if not ranked:
        raise NotAcceptable(
            f"cannot answer in {accept!r}: ask for {', '.join(FORMATS.values())} "
            f"(or use format={'|'.join(FORMATS)})"
        )
    return min(ranked)[2]


def summary(event: EventRecord, reviewed: bool) -> dict[str, Any]:
    """An event as a list shows it: every ACLED field (typed), wounded, and whether reviewed."""
    out = record_dict(event)
    out.pop("mentions")
    out.pop("evidence")
    out["reviewed"] = reviewed
    return out


def csv_text(events: Iterable[EventRecord]) -> str:
    """ACLED's CSV (the export contract's columns, nothing added)."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for event in events:
        writer.writerow(row_of(event))
    return buf.getvalue()


def geojson(events: Iterable[EventRecord], reviewed: set[str], **members: Any) -> dict[str, Any]:
    """A FeatureCollection of the events with coordinates; ``members`` (total, ...) go on top."""
    features = []
    for event in events:
        if event.latitude is None or event.longitude is None:
            continue
        props = summary(event, event.event_id_cnty in reviewed)
        props.pop("latitude")
        props.pop("longitude")
        features.append({
            "type": "Feature",
            "id": event.event_id_cnty,
            "geometry": {"type": "Point", "coordinates": [event.longitude, event.latitude]},
            "properties": props,
        })  # fmt: skip
    return {"type": "FeatureCollection", **members, "features": features}


def audit_json(entry: AuditEntry) -> dict[str, Any]:
    return {
        "event_id": entry.event_id, "action": entry.action, "field": entry.field,
        "old_value": entry.old_value, "new_value": entry.new_value, "by": entry.by, "at": entry.at,
    }  # fmt: skip


def detail_json(
    event: EventRecord,
    sources: list[Source],
    audit: list[AuditEntry],
    reviewed: bool,
    corrected: set[str],
) -> dict[str, Any]:
    """Everything about one event: its fields, sources (with text), evidence in context, audit."""
    out = summary(event, reviewed)
    out["corrected"] = sorted(corrected)
    out["sources"] = [
        {"id": s.id, "title": s.title, "url": s.url, "source": s.source, "published": s.published,
         "text": s.text}
        for s in sources
    ]  # fmt: skip
    out["mentions"] = [
        {"start": m.span.start, "end": m.span.end, "text": m.span.text,
         "sub_event_type": m.sub_event_type, "confidence": m.confidence}
        for m in event.mentions
    ]  # fmt: skip
    out["evidence"] = []
    for e in event.evidence:
        # The span points into the text of the source it was read from: the one whose
        # characters at those offsets are the span's.
        source = next((s for s in sources if s.text[e.span.start : e.span.end] == e.span.text),
                      sources[0] if sources else None)  # fmt: skip
        text = source.text if source else ""
        out["evidence"].append({
            "field": e.field, "start": e.span.start, "end": e.span.end, "text": e.span.text,
            "stage": e.stage, "version": e.version, "article_id": source.id if source else "",
            "before": text[max(0, e.span.start - CONTEXT_CHARS) : e.span.start],
            "after": text[e.span.end : e.span.end + CONTEXT_CHARS],
            "corrected": e.field in corrected,
        })  # fmt: skip
    out["audit"] = [audit_json(a) for a in audit]
    return out

"""JSONL: one event a line, every ACLED field plus ``wounded``, mentions and evidence spans."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from ..model import EventRecord
from .acled_csv import COLUMNS

__all__ = ["record_dict", "write_jsonl"]


def record_dict(event: EventRecord) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in COLUMNS:
        value = getattr(event, name)
        if name == "event_date":
            value = value.isoformat() if value else None
        elif name == "article_ids":
            value = list(value)
        out[name] = value
    out["wounded"] = event.wounded
    out["mentions"] = [
        {"start": m.span.start, "end": m.span.end, "text": m.span.text,
         "sub_event_type": m.sub_event_type, "confidence": m.confidence}
        for m in event.mentions
    ]  # fmt: skip
    out["evidence"] = [
        {"field": e.field, "start": e.span.start, "end": e.span.end, "text": e.span.text,
         "stage": e.stage, "version": e.version}
        for e in event.evidence
    ]  # fmt: skip
    return out


def write_jsonl(events: Iterable[EventRecord], fh: TextIO) -> int:
    n = 0
    for event in events:
        fh.write(json.dumps(record_dict(event), ensure_ascii=False) + "\n")
        n += 1
    return n

"""ACLED CSV: ACLED's columns in ACLED's order, then ``article_ids`` and ``confidence``.

This column list is the public output contract; change it only with a major version.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TextIO

from ..model import EventRecord

__all__ = ["COLUMNS", "row_of", "write_csv"]

COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp", "article_ids", "confidence",
)  # fmt: skip


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4f}".rstrip("0").rstrip(".")
    if isinstance(value, tuple):
        return ";".join(str(v) for v in value)
    return str(value)


def row_of(event: EventRecord) -> dict[str, str]:
    row = {name: _cell(getattr(event, name)) for name in COLUMNS}
    row["event_date"] = event.event_date.isoformat() if event.event_date else ""
    for code in ("inter1", "inter2", "iso", "interaction"):
        if row[code] == "0":
            row[code] = ""
    return row


def write_csv(events: Iterable[EventRecord], fh: TextIO) -> int:
    writer = csv.DictWriter(fh, fieldnames=COLUMNS)
    writer.writeheader()
    n = 0
    for event in events:
        writer.writerow(row_of(event))
        n += 1
    return n

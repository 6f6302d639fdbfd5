"""Export: events to ACLED CSV, JSONL (with evidence) or GeoJSON, chosen by the file's extension."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..errors import ConfigError
from ..model import EventRecord
from .acled_csv import COLUMNS, row_of, write_csv
from .geojson import write_geojson
from .jsonl import record_dict, write_jsonl

__all__ = ["COLUMNS", "record_dict", "row_of", "write_events"]

WRITERS = {".csv": write_csv, ".jsonl": write_jsonl, ".geojson": write_geojson}


def write_events(events: Iterable[EventRecord], path: str | Path) -> int:
    """Write events to ``path`` in the format its extension names; returns the count written.

    The file is written beside the target and renamed into place, so a failed export never leaves
    half a file where the last good one was.
    """
    path = Path(path)
    writer = WRITERS.get(path.suffix.lower())
    if writer is None:
        raise ConfigError(
            f"cannot export to {path.name}: use a .csv, .jsonl or .geojson file name", source=str(path)
        )
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "w", encoding="utf-8", newline="") as fh:
        count = writer(events, fh)
    tmp.replace(path)
    return count

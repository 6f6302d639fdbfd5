"""GeoJSON: a FeatureCollection of points; events without coordinates are left out."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from ..model import EventRecord
from .acled_csv import row_of

__all__ = ["write_geojson"]


def write_geojson(events: Iterable[EventRecord], fh: TextIO) -> int:
    features = []
    for event in events:
        if event.latitude is None or event.longitude is None:
            continue
        props = row_of(event)
        props.pop("latitude")
        props.pop("longitude")
        features.append(
            {
                "type": "Feature",
                "id": event.event_id_cnty,
                "geometry": {"type": "Point", "coordinates": [event.longitude, event.latitude]},
                "properties": props,
            }
        )
    json.dump({"type": "FeatureCollection", "features": features}, fh, ensure_ascii=False)
    return len(features)

"""The API's request bodies (pydantic, at the edge only): articles to code, a correction, an error.

:meth:`EventPatch.changes` turns a correction into the column values the store keeps, checking it
against ACLED's taxonomy; fails with :class:`~eventcoder.web.errors.BadParameter`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from ..classify import Taxonomy
from .errors import BadParameter

__all__ = ["ArticleBatch", "ArticleIn", "ErrorOut", "EventPatch"]


class ErrorOut(BaseModel):
    """Every error: a one-line message, eventcoder's code (E601, ...), the HTTP status."""

    error: str
    code: str
    status: int


class ArticleIn(BaseModel):
    """One article to code: its body text and what is known about it."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1)
    title: str = ""
    url: str = ""
    published: date | None = None
    source: str = ""


class ArticleBatch(BaseModel):
    model_config = ConfigDict(extra="forbid")

    articles: list[ArticleIn] = Field(min_length=1)


# Fields that may be null in a record; any other field set to null is a mistake.
_NULLABLE = {"event_date", "latitude", "longitude", "wounded"}


class EventPatch(BaseModel):
    """A reviewer's correction: any of ACLED's coded fields; fields left out stay as they are."""

    model_config = ConfigDict(extra="forbid")

    event_date: date | None = None
    time_precision: int | None = Field(None, ge=1, le=3)
    disorder_type: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor1: str | None = None
    assoc_actor_1: str | None = None
    inter1: int | None = Field(None, ge=0, le=8)
    actor2: str | None = None
    assoc_actor_2: str | None = None
    inter2: int | None = Field(None, ge=0, le=8)
    civilian_targeting: str | None = None
    iso: int | None = Field(None, ge=0, le=999)
    region: str | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    location: str | None = None
    latitude: float | None = Field(None, ge=-90, le=90)
    longitude: float | None = Field(None, ge=-180, le=180)
    geo_precision: int | None = Field(None, ge=1, le=3)
    source: str | None = None
    source_scale: str | None = None
    notes: str | None = None
    fatalities: int | None = Field(None, ge=0)
    wounded: int | None = Field(None, ge=0)
    tags: str | None = None

    def changes(self, taxonomy: Taxonomy, current: dict[str, Any]) -> dict[str, Any]:
        """The columns to set, as the store keeps them (dates as ISO text)."""
        out = self.model_dump(exclude_unset=True)
        for name, value in out.items():
            if value is None and name not in _NULLABLE:
                raise BadParameter(f"{name} cannot be null")
        if out.get("event_date") is not None:
            out["event_date"] = out["event_date"].isoformat()
        sub = out.get("sub_event_type")
        kind = out.get("event_type")
        if sub is not None:
            entry = taxonomy.by_sub_type.get(sub)
            if entry is None:
                raise BadParameter(f"{sub!r} is not one of ACLED's sub-event types")
            if kind is not None and kind != entry.event_type:
                raise BadParameter(
                    f"{sub!r} is a sub-event type of {entry.event_type!r}, not {kind!r}"
                )
            out["event_type"] = entry.event_type
            out.setdefault("disorder_type", entry.disorder_type)
        elif kind is not None and kind != current["event_type"]:
            types = sorted({e.event_type for e in taxonomy.entries})
            if kind not in types:
                raise BadParameter(
                    f"{kind!r} is not one of ACLED's event types: {', '.join(types)}"
                )
            raise BadParameter(
                f"changing event_type to {kind!r} needs a sub_event_type of that type too"
            )
        return out

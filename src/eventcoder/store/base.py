"""The Store protocol: what every backend (SQLite, PostgreSQL) must do, and the batch it writes.

``write(batch)`` stores a batch in one transaction: each article is upserted on its id and its
events replace the ones it had (re-coding an article never adds duplicates); rejections are
upserted on their source and code. ``events()`` reads the records back in export order.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from ..model import EventRecord, Rejection, Work

__all__ = ["Batch", "EventQuery", "Store"]


@dataclass(frozen=True, slots=True)
class Batch:
    works: Sequence[Work] = ()
    rejections: Sequence[Rejection] = ()


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Filters for ``Store.events``; empty fields do not filter."""

    country: str = ""
    event_type: str = ""
    article_id: str = ""
    limit: int = 0
    ids: tuple[str, ...] = field(default=())


class Store(Protocol):
    def write(self, batch: Batch) -> None: ...

    def events(self, query: EventQuery | None = None) -> Iterator[EventRecord]: ...

    def rejections(self) -> list[Rejection]: ...

    def article_ids(self) -> set[str]: ...

    def close(self) -> None: ...

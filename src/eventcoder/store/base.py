"""The Store protocol: what every backend (SQLite, PostgreSQL) must do, and the batch it writes.

``write(batch)`` stores a batch in one transaction: each article is upserted on its id and its
events replace the ones it had (re-coding an article never adds duplicates); rejections are
upserted on their source and code. ``events()`` reads the records back in export order.

Merging (``eventcoder.merge``) adds to a batch the :class:`MergeLink` of each record that joined
another event, the near-copies its articles are (:class:`~eventcoder.dedup.Copy`), and the
``updates`` of events of other articles whose combined fields (``article_ids``, ``source``,
``fatalities``, ...) grew. A merged record stays stored but hidden: ``events()`` gives the event it
joined, with the evidence of every report.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from ..dedup import Copy
from ..model import Article, EventRecord, Rejection, Work

__all__ = ["Batch", "Cluster", "EventQuery", "MergeLink", "Store"]


@dataclass(frozen=True, slots=True)
class MergeLink:
    """Record ``event_id`` (of ``article_id``) joined event ``into_id`` (of ``into_article_id``).

    ``kind``: "event" (another article's report of it), "within" (a second mention of one article)
    or "copy" (the article copies one that reported it); ``scores``: (criterion, score) pairs.
    """

    event_id: str
    into_id: str
    article_id: str
    into_article_id: str
    kind: str
    scores: tuple[tuple[str, float], ...]
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Cluster:
    """One event as stored: its record (combined fields) and the records merged into it, raw.

    ``main``: its first record is its article's main event (the first of the article's events).
    """

    event: EventRecord
    members: tuple[EventRecord, ...] = ()
    main: bool = False


@dataclass(frozen=True, slots=True)
class Batch:
    works: Sequence[Work] = ()
    rejections: Sequence[Rejection] = ()
    merges: Sequence[MergeLink] = ()
    copies: Sequence[Copy] = ()
    updates: Sequence[EventRecord] = ()


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

    # What merging reads (see eventcoder.merge.ClusterSource and eventcoder.dedup.CopyIndex).
    def clusters_near(self, country: str, start: date, end: date) -> list[Cluster]: ...

    def clusters_containing(self, event_ids: Sequence[str]) -> list[Cluster]: ...

    def clusters_of_article(self, article_id: str) -> list[Cluster]: ...

    def articles_between(self, start: date, end: date) -> list[Article]: ...

    def close(self) -> None: ...

"""The main job: read inputs, code them, store them — the batch boundary.

``code_inputs`` reads every input (bad ones become rejections), runs the pipeline, and writes to
the store in transactions of ``commit_every`` articles, so an interrupted batch keeps every
committed article and a re-run replaces instead of duplicating. Returns a :class:`BatchReport`.

Between the pipeline and the store, each coded article is checked for being a copy of one seen
before (:class:`~eventcoder.dedup.CopyIndex`) and its events are placed by the
:class:`~eventcoder.merge.Merger`: joined to an event already known (this run's or the store's) or
kept as new. The report's ``works`` are the articles as coded; ``cluster_of`` says where each
event went.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from .dedup import Copy, CopyIndex
from .merge import Merger
from .model import Article, EventRecord, Rejection, Work
from .pipeline import Outcome, Pipeline
from .readers import Limits, read_inputs
from .store import Batch, MergeLink, Store

__all__ = ["BatchReport", "code", "code_articles", "code_inputs", "limits_of", "store_outcomes"]

log = logging.getLogger(__name__)

# Articles per transaction: small enough that a kill loses little, large enough to amortise commits.
COMMIT_EVERY = 20


@dataclass
class BatchReport:
    coded: int = 0
    events: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    works: list[Work] = field(default_factory=list)
    # Merging: records that joined another event, articles that copy another, and where each
    # coded event id went (the id of the event it is part of; itself when it heads one).
    merged: int = 0
    copies: list[Copy] = field(default_factory=list)
    cluster_of: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.rejected


def limits_of(pipeline: Pipeline) -> Limits:
    cfg = pipeline.config
    return Limits(
        max_bytes=int(cfg.get("input", "max_bytes")), min_chars=int(cfg.get("input", "min_chars"))
    )


def code_articles(
    pipeline: Pipeline,
    items: Iterable[Article | Rejection],
    store: Store | None = None,
    *,
    keep: bool = False,
    on_outcome: Callable[[Outcome], None] | None = None,
    commit_every: int = COMMIT_EVERY,
    merge: bool = True,
) -> BatchReport:
    """Code articles (and pass readers' rejections through), merge, store as it goes.

    With ``merge`` (the default), copies and reports of one event become one stored event (see
    :mod:`eventcoder.merge`); without it every article's events are stored as coded.
    """
    return store_outcomes(pipeline.run_many(items), store, keep=keep, on_outcome=on_outcome,
                          commit_every=commit_every, merge=merge)  # fmt: skip


def store_outcomes(
    outcomes: Iterable[Outcome],
    store: Store | None = None,
    *,
    keep: bool = False,
    on_outcome: Callable[[Outcome], None] | None = None,
    commit_every: int = COMMIT_EVERY,
    merge: bool = True,
) -> BatchReport:
    """The batch boundary after the pipeline: merge each outcome's events, store in transactions."""
    report = BatchReport()
    pending_works: list[Work] = []
    pending_rejections: list[Rejection] = []
    pending_links: list[MergeLink] = []
    pending_copies: list[Copy] = []
    pending_updates: list[EventRecord] = []
    copies = CopyIndex(store.articles_between if store is not None else None) if merge else None
    merger = Merger(store) if merge else None

    def flush() -> None:
        if store is not None and (pending_works or pending_rejections):
            store.write(Batch(works=list(pending_works), rejections=list(pending_rejections),
                              merges=list(pending_links), copies=list(pending_copies),
                              updates=list(pending_updates)))  # fmt: skip
        for pending in (pending_works, pending_rejections, pending_links, pending_copies,
                        pending_updates):  # fmt: skip
            pending.clear()

    for outcome in outcomes:
        if outcome.work is not None:
            report.coded += 1
            report.events += len(outcome.work.events)
            stored = outcome.work
            if copies is not None and merger is not None:
                copy = copies.add(outcome.work.article)
                placed = merger.place(outcome.work, copy)
                stored = outcome.work.with_events(placed.events)
                pending_links.extend(placed.links)
                pending_updates.extend(placed.updated)
                report.merged += len(placed.links)
                report.cluster_of.update(placed.cluster_of)
                if copy is not None:
                    pending_copies.append(copy)
                    report.copies.append(copy)
            pending_works.append(stored)
            if keep:
                report.works.append(outcome.work)
        elif outcome.rejection is not None:
            report.rejected.append(outcome.rejection)
            pending_rejections.append(outcome.rejection)
        if on_outcome is not None:
            on_outcome(outcome)
        if len(pending_works) + len(pending_rejections) >= commit_every:
            flush()
    flush()
    return report


def code(
    text: str,
    *,
    published: date | None = None,
    title: str = "",
    url: str = "",
    source: str = "",
    pipeline: Pipeline | None = None,
) -> tuple[EventRecord, ...]:
    """Code one article's text and return its events (main event first).

    Builds the default pipeline when none is given; pass one to code many texts quickly.
    Raises an :class:`~eventcoder.errors.EventcoderError` when the text cannot be coded.
    """
    pipeline = pipeline or Pipeline.from_config()
    article = Article(
        id=Article.make_id(text, url), text=text, title=title, url=url, published=published,
        source=source, origin=url or "<text>",
    )  # fmt: skip
    return pipeline.run(article).events


def code_inputs(
    pipeline: Pipeline,
    inputs: list[str],
    store: Store | None = None,
    *,
    published: date | None = None,
    keep: bool = False,
    on_outcome: Callable[[Outcome], None] | None = None,
) -> BatchReport:
    """Read files, directories or ``-`` and code them (see :func:`code_articles`)."""
    items: Iterator[Article | Rejection] = read_inputs(inputs, limits_of(pipeline), published)
    return code_articles(pipeline, items, store, keep=keep, on_outcome=on_outcome)

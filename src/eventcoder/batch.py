"""The main job: read inputs, code them, store them — the batch boundary.

``code_inputs`` reads every input (bad ones become rejections), runs the pipeline, and writes to
the store in transactions of ``commit_every`` articles, so an interrupted batch keeps every
committed article and a re-run replaces instead of duplicating. Returns a :class:`BatchReport`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from .model import Article, EventRecord, Rejection, Work
from .pipeline import Outcome, Pipeline
from .readers import Limits, read_inputs
from .store import Batch, Store

__all__ = ["BatchReport", "code", "code_articles", "code_inputs", "limits_of"]

log = logging.getLogger(__name__)

# Articles per transaction: small enough that a kill loses little, large enough to amortise commits.
COMMIT_EVERY = 20


@dataclass
class BatchReport:
    coded: int = 0
    events: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    works: list[Work] = field(default_factory=list)

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
) -> BatchReport:
    """Code articles (and pass readers' rejections through), storing as it goes."""
    report = BatchReport()
    pending_works: list[Work] = []
    pending_rejections: list[Rejection] = []

    def flush() -> None:
        if store is not None and (pending_works or pending_rejections):
            store.write(Batch(works=list(pending_works), rejections=list(pending_rejections)))
        pending_works.clear()
        pending_rejections.clear()

    for outcome in pipeline.run_many(items):
        if outcome.work is not None:
            report.coded += 1
            report.events += len(outcome.work.events)
            pending_works.append(outcome.work)
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

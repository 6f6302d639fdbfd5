"""What the CLI shows: progress, the events table, batch summaries and evaluation reports.

Kept out of cli.py so the library can produce the same text (and tests can check it) without click.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from .batch import BatchReport, code_articles
from .config import Config
from .evaluate import dyadic, evaluate_gold, gold_articles, main_events, read_csv_rows
from .export import row_of
from .holdout import is_holdout
from .model import EventRecord
from .pipeline import Outcome, Pipeline

__all__ = ["is_holdout", "predict_or_read", "progress", "score_lines", "select_gold", "summary", "table"]

TABLE_COLUMNS = (
    ("event_date", 10), ("sub_event_type", 24), ("actor1", 26), ("actor2", 26),
    ("location", 18), ("country", 12), ("fatalities", 4), ("confidence", 5),
)  # fmt: skip


@contextmanager
def progress(enabled: bool) -> Iterator[Callable[[Outcome], None]]:
    """A tqdm bar on stderr while coding (only on a terminal); yields the per-article callback."""
    from tqdm import tqdm

    bar = tqdm(unit=" articles", file=sys.stderr, disable=not enabled)
    try:
        yield lambda _outcome: bar.update(1)
    finally:
        bar.close()


def table(events: Sequence[EventRecord]) -> str:
    if not events:
        return "no events found"
    rows = [row_of(e) for e in events]
    head = "  ".join(name[:w].ljust(w) for name, w in TABLE_COLUMNS)
    lines = [head, "-" * len(head)]
    for r in rows:
        lines.append("  ".join(r[name][:w].ljust(w) for name, w in TABLE_COLUMNS))
    return "\n".join(lines)


def summary(result: BatchReport) -> str:
    text = f"{result.coded:,} coded ({result.events:,} events), {len(result.rejected):,} rejected"
    if result.rejected:
        text += " — see `eventcoder rejections`"
    return text


def select_gold(path: str, *, holdout: bool, limit: int) -> list[dict[str, str]]:
    rows = dyadic(read_csv_rows(path))
    if holdout:
        rows = [r for r in rows if is_holdout(r.get("notes", ""))]
    return rows[:limit] if limit else rows


def predict_or_read(
    rows: Sequence[Mapping[str, str]], pred_path: str | None, config: Config | None
) -> Mapping[str, Mapping[str, str]]:
    """The main predicted event per gold row: read from a CSV, or coded now from the notes."""
    if pred_path:
        return main_events(read_csv_rows(pred_path))
    assert config is not None
    pipeline = Pipeline.from_config(config)
    with progress(enabled=sys.stderr.isatty()) as tick:
        result = code_articles(pipeline, gold_articles(rows), keep=True, on_outcome=tick)
    return main_events(row_of(e) for w in result.works for e in w.events)


def score_lines(
    rows: Sequence[Mapping[str, str]], predicted: Mapping[str, Mapping[str, Any]], by: str = ""
) -> list[str]:
    lines = ["all"] + ["  " + ln for ln in evaluate_gold(rows, predicted).lines()]
    if by:
        for value in sorted({r.get(by, "") for r in rows}):
            part = [r for r in rows if r.get(by, "") == value]
            lines.append(f"{by}={value}")
            lines += ["  " + ln for ln in evaluate_gold(part, predicted).lines()]
    return lines

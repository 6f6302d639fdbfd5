"""Helpers for tests that code one text: its main event, with a clear failure when there is none."""

from __future__ import annotations

from datetime import date

from eventcoder.model import Article, EventRecord
from eventcoder.pipeline import Pipeline


def main_event(pipeline: Pipeline, text: str, published: date | None = None) -> EventRecord:
    """The first (most confident) event ``pipeline`` codes from ``text``."""
    work = pipeline.run(Article(id=Article.make_id(text), text=text, published=published))
    assert work.events, f"no event coded from {text!r}"
    return work.events[0]

"""JSONL reader: one article a line, ``{"id", "text" | "html", "title", "url", "published", "source"}``.

A malformed line becomes a rejection naming the file and line; the other lines are read.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from datetime import date

from ..errors import EmptyDocument, InputError, MalformedRecord
from ..model import Article, Rejection
from .common import Limits
from .html import read_html
from .text import read_text

__all__ = ["read_jsonl"]


def read_jsonl(
    data: bytes, source: str, limits: Limits, published: date | None = None
) -> Iterator[Article | Rejection]:
    # A byte-order mark is not part of the first record (json.loads would refuse it).
    data = data.removeprefix(codecs.BOM_UTF8)
    records = 0
    for lineno, raw in enumerate(data.split(b"\n"), start=1):
        if not raw.strip():
            continue
        records += 1
        where = f"{source}:{lineno}"
        try:
            yield _article(raw, where, limits, published)
        except InputError as exc:
            yield Rejection(source=where, code=exc.code, reason=exc.message, stage="read")
    if not records:
        # Only blank lines: say so rather than yield nothing (nothing fails silently).
        yield Rejection(
            source=source, code=EmptyDocument.code, reason="no records, only blank lines", stage="read"
        )


def _article(raw: bytes, where: str, limits: Limits, published: date | None) -> Article:
    try:
        record = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise MalformedRecord(f"invalid UTF-8 at byte {exc.start} of the line", source=where) from exc
    except json.JSONDecodeError as exc:
        raise MalformedRecord(f"not valid JSON: {exc.msg} at column {exc.colno}", source=where) from exc
    if not isinstance(record, dict):
        raise MalformedRecord("a line must be a JSON object", source=where)
    meta = {k: record.get(k) for k in ("id", "title", "url", "published", "source")}
    if meta["id"] is not None:
        meta["id"] = str(meta["id"])
    text, html = record.get("text"), record.get("html")
    if isinstance(text, str) and text.strip():
        return read_text(text, where, limits, published=published, meta=meta)
    if isinstance(html, str) and html.strip():
        return read_html(html, where, limits, published=published, meta=meta)
    raise MalformedRecord("no 'text' or 'html' field with content", source=where)

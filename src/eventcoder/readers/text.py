"""Plain-text reader: a headline on the first line (when it looks like one), the body after it.

An optional sidecar ``NAME.meta.json`` beside ``NAME.txt`` gives ``title``, ``url``, ``published``
and ``source``; web boilerplate in the body is removed later by the ``clean`` stage.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from ..errors import EmptyDocument, MalformedRecord
from ..model import Article
from .common import Limits, parse_published

__all__ = ["read_text"]

# A first line this short, without a final full stop and followed by a blank line, is a headline.
MAX_TITLE_CHARS = 200


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _looks_like_headline(line: str) -> bool:
    """Short and not a sentence: no final full stop, even inside closing quotes or brackets."""
    return len(line) <= MAX_TITLE_CHARS and not line.rstrip("\"'”’)»").endswith(".")


def read_text(
    text: str,
    source: str,
    limits: Limits,
    *,
    published: date | None = None,
    sidecar: Path | None = None,
    meta: dict[str, object] | None = None,
) -> Article:
    meta = dict(meta or {})
    if sidecar is not None:
        side = sidecar.with_suffix(".meta.json")
        if side.exists():
            try:
                loaded = json.loads(side.read_text("utf-8"))
            except (OSError, ValueError) as exc:
                raise MalformedRecord(f"bad metadata file {side.name}: {exc}", source=source) from exc
            if not isinstance(loaded, dict):
                raise MalformedRecord(
                    f"bad metadata file {side.name}: must be a JSON object", source=source
                )
            meta = {**loaded, **meta}
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    title = str(meta.get("title") or "")
    lines = text.strip().split("\n")
    if len(lines) > 2 and not lines[1].strip():
        first = lines[0].strip()
        if title:
            # The metadata names the title; the same headline atop the body is not body text
            # (left in, it would be parsed as part of the first sentence).
            if _same(first, title):
                text = "\n".join(lines[2:])
        elif _looks_like_headline(first):
            title = first
            text = "\n".join(lines[2:])
    body = text.strip()
    if len(body) < limits.min_chars:
        raise EmptyDocument("no article text", source=source)
    url = str(meta.get("url") or "")
    return Article(
        id=str(meta.get("id") or Article.make_id(body, url)),
        text=body,
        title=title,
        url=url,
        published=parse_published(meta.get("published"), source) or published,
        source=str(meta.get("source") or ""),
        origin=source,
    )

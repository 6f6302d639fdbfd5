"""Readers: bytes in, :class:`~eventcoder.model.Article` out (or a Rejection saying why not).

``read_inputs(paths)`` walks files, directories (recursively, article extensions only) and ``-``
(standard input), and yields an Article or a Rejection per document, so one bad file never stops a
batch. Formats: ``.txt`` (text.py), ``.html``/``.htm`` (html.py), ``.jsonl`` (jsonl.py).
"""

from __future__ import annotations

import codecs
import logging
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from ..errors import InputError, UnsupportedFormat
from ..model import Article, Rejection
from .common import Limits, check_bytes, decode
from .html import read_html
from .jsonl import read_jsonl
from .text import read_text

__all__ = ["Limits", "read_inputs", "read_path"]

log = logging.getLogger(__name__)

SUFFIXES = {".txt": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}


def _rejection(exc: InputError, source: str) -> Rejection:
    return Rejection(source=exc.source or source, code=exc.code, reason=exc.message, stage="read")


def read_path(path: Path, limits: Limits, published: date | None = None) -> Iterator[Article | Rejection]:
    """The articles of one file; errors become rejections naming the file (and line)."""
    source = str(path)
    kind = SUFFIXES.get(path.suffix.lower())
    try:
        if kind is None:
            raise UnsupportedFormat(
                f"unsupported file type {path.suffix or '(none)'!r}; give .txt, .html, .htm or .jsonl",
                source=source,
            )
        try:
            size = path.stat().st_size
            check_bytes(size, limits, source)
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror}", source=source) from exc
        if kind == "jsonl":
            yield from read_jsonl(data, source, limits, published)
            return
        text = decode(data, source)
        if kind == "html":
            yield read_html(text, source, limits, published=published)
        else:
            yield read_text(text, source, limits, published=published, sidecar=path)
    except InputError as exc:
        yield _rejection(exc, source)


def read_inputs(
    inputs: list[str], limits: Limits, published: date | None = None
) -> Iterator[Article | Rejection]:
    for item in inputs:
        if item == "-":
            data = sys.stdin.buffer.read()
            try:
                check_bytes(len(data), limits, "<stdin>")
                if data.removeprefix(codecs.BOM_UTF8).lstrip()[:1] == b"{":
                    yield from read_jsonl(data, "<stdin>", limits, published)
                else:
                    text = decode(data, "<stdin>")
                    if text.lstrip()[:1] == "<":
                        yield read_html(text, "<stdin>", limits, published=published)
                    else:
                        yield read_text(text, "<stdin>", limits, published=published)
            except InputError as exc:
                yield _rejection(exc, "<stdin>")
            continue
        path = Path(item)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.suffix.lower() in SUFFIXES:
                    yield from read_path(child, limits, published)
                else:
                    log.debug("skipping %s: not an article file", child)
        elif path.exists():
            yield from read_path(path, limits, published)
        else:
            yield Rejection(source=item, code="E100", reason="no such file or directory", stage="read")

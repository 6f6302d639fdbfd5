"""HTML reader: trafilatura extracts the main text, title and publication date; no comments."""

from __future__ import annotations

from datetime import date

from ..errors import EmptyDocument
from ..model import Article
from .common import Limits, parse_published

__all__ = ["read_html"]


def read_html(
    html: str,
    source: str,
    limits: Limits,
    *,
    published: date | None = None,
    meta: dict[str, object] | None = None,
) -> Article:
    import trafilatura

    meta = dict(meta or {})
    extracted = trafilatura.bare_extraction(
        html,
        url=str(meta.get("url") or "") or None,
        include_comments=False,
        include_tables=False,
        with_metadata=True,
    )
    # trafilatura returns a Document (None when it finds nothing); its as_dict=True is deprecated.
    doc: dict[str, object] = extracted.as_dict() if extracted is not None else {}
    if len(str(doc.get("text") or "").strip()) < limits.min_chars:
        raise EmptyDocument("no article text found in the HTML page", source=source)
    body = str(doc["text"]).strip()
    url = str(meta.get("url") or doc.get("url") or "")
    page_date = parse_published(doc.get("date"), source) if doc.get("date") else None
    return Article(
        id=str(meta.get("id") or Article.make_id(body, url)),
        text=body,
        title=str(meta.get("title") or doc.get("title") or ""),
        url=url,
        published=parse_published(meta.get("published"), source) or page_date or published,
        source=str(meta.get("source") or doc.get("sitename") or ""),
        origin=source,
    )

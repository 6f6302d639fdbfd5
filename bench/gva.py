"""Gun Violence Archive incidents and their news articles, as the benches read them.

``../shared/data/dev/gva_incidents_dev.jsonl`` holds one incident a line (``incident_id``,
``date``, ``num_killed``, ``num_injured``, ``articles``); each article has ``article_id``,
``content``, ``title``, ``uri`` and ``dct`` (its publication date). The data stays outside the
repo; the split is the project's holdout rule on the incident id.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from eventcoder.holdout import is_holdout
from eventcoder.model import Article

GVA = Path(__file__).resolve().parents[2] / "shared/data/dev/gva_incidents_dev.jsonl"


@dataclass(frozen=True, slots=True)
class Incident:
    id: str
    date: date
    killed: int
    injured: int
    articles: tuple[Article, ...]


def outlet(uri: str) -> str:
    """The outlet's host, from the original URL inside a web.archive.org address."""
    hosts = re.findall(r"https?://(?:www\.)?([^/:]+)", uri)
    hosts = [h for h in hosts if h != "web.archive.org"]
    return hosts[-1].lower() if hosts else ""


def incidents(split: str | None = None) -> Iterator[Incident]:
    """Every incident (or those of ``split``: "train" or "holdout") with its non-empty articles."""
    with open(GVA, encoding="utf-8") as fh:
        for line in fh:
            raw = json.loads(line)
            iid = str(raw["incident_id"])
            if split is not None and is_holdout(iid) != (split == "holdout"):
                continue
            articles = tuple(
                Article(
                    id=a["article_id"], text=a["content"], title=a.get("title", ""),
                    url=a.get("uri", ""), source=outlet(a.get("uri", "")),
                    published=date.fromisoformat(a["dct"][:10]) if a.get("dct") else None,
                    origin=f"gva:{iid}",
                )  # fmt: skip
                for a in raw["articles"]
                if a.get("content", "").strip()
            )
            yield Incident(
                id=iid,
                # GVA writes incident dates as "January 12, 2014".
                date=datetime.strptime(raw["date"].strip(), "%B %d, %Y").date(),
                killed=int(raw["num_killed"]),
                injured=int(raw["num_injured"]),
                articles=articles,
            )

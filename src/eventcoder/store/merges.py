"""Merged events in a :class:`~eventcoder.store.sql.SqlStore`: links, copies, clusters, explain.

Tables (migration ``0003_merges``, apart from the coded tables so re-coding never drops them):
``event_merges`` (one row per record that joined another event: the record, the event it joined,
its article, the kind — event, within, copy — and the scores and reasons as JSON) and
``article_copies`` (an article that copies an earlier one, with the MinHash estimate and the exact
Jaccard and containment that confirmed it).

A record that joined another stays in ``events`` (its own article's row, raw, with its evidence)
but is hidden from ``SqlStore.events()``, which gives the event it joined with the evidence of
every report; the joined event's row carries the combined fields (``article_ids``, ``source``,
``source_scale``, ``fatalities``, ``wounded``, ``confidence``). Links are keyed by content-hash
ids, so re-coding an article that reads the same keeps its links; a link whose record or event is
gone after re-coding is dropped, and the record shows again on its own.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from ..dedup import Copy
from ..model import Article, EventRecord, Evidence, Span
from .base import Batch, Cluster, MergeLink

if TYPE_CHECKING:
    from .sql import SqlStore

__all__ = ["Explanation", "migrate", "write_merges"]

merge_metadata = sa.MetaData()

event_merges = sa.Table(
    "event_merges",
    merge_metadata,
    sa.Column("event_id", sa.String(64), primary_key=True),
    sa.Column("into_id", sa.String(64), nullable=False, index=True),
    sa.Column("article_id", sa.String(64), nullable=False, index=True),
    sa.Column("into_article_id", sa.String(64), nullable=False, index=True),
    sa.Column("kind", sa.String(10), nullable=False),
    sa.Column("scores", sa.Text, nullable=False),
    sa.Column("reasons", sa.Text, nullable=False),
    sa.Column("at", sa.Float, nullable=False),
)

article_copies = sa.Table(
    "article_copies",
    merge_metadata,
    sa.Column("article_id", sa.String(64), primary_key=True),
    sa.Column("original_id", sa.String(64), nullable=False, index=True),
    sa.Column("minhash", sa.Float, nullable=False),
    sa.Column("jaccard", sa.Float, nullable=False),
    sa.Column("containment", sa.Float, nullable=False),
    sa.Column("at", sa.Float, nullable=False),
)

# Rows in one IN (...) list: below SQLite's default limit on bound parameters.
_CHUNK = 500


def migrate(conn: sa.Connection) -> None:
    merge_metadata.create_all(conn, checkfirst=True)
    # The merger's blocking query: events within a date window (plain DDL, so that the shared
    # ``events`` Table object gains no index that a later create_all would make twice).
    conn.exec_driver_sql(
        "CREATE INDEX IF NOT EXISTS ix_events_date_country ON events (event_date, country)"
    )


def write_merges(conn: sa.Connection, batch: Batch, now: float) -> None:
    """After the batch's works are written: drop stale links, add the new ones, update heads."""
    from .sql import events

    ids = [w.article.id for w in batch.works]
    member_gone = ~sa.exists().where(events.c.event_id_cnty == event_merges.c.event_id)
    head_gone = ~sa.exists().where(events.c.event_id_cnty == event_merges.c.into_id)
    for i in range(0, len(ids), _CHUNK):
        chunk = ids[i : i + _CHUNK]
        conn.execute(article_copies.delete().where(article_copies.c.article_id.in_(chunk)))
        # A re-coded article whose record reads differently now (another id): its old link goes;
        # a re-coded head that reads differently: its members stand alone again.
        conn.execute(event_merges.delete().where(event_merges.c.article_id.in_(chunk), member_gone))
        conn.execute(
            event_merges.delete().where(event_merges.c.into_article_id.in_(chunk), head_gone)
        )
    for link in batch.merges:
        conn.execute(event_merges.delete().where(event_merges.c.event_id == link.event_id))
        conn.execute(
            event_merges.insert().values(
                event_id=link.event_id, into_id=link.into_id, article_id=link.article_id,
                into_article_id=link.into_article_id, kind=link.kind,
                scores=json.dumps(link.scores), reasons=json.dumps(link.reasons), at=now,
            )
        )  # fmt: skip
    for copy in batch.copies:
        conn.execute(article_copies.delete().where(article_copies.c.article_id == copy.article_id))
        conn.execute(
            article_copies.insert().values(
                article_id=copy.article_id, original_id=copy.original_id, minhash=copy.minhash,
                jaccard=copy.jaccard, containment=copy.containment, at=now,
            )
        )  # fmt: skip
    for head in batch.updates:
        conn.execute(
            events.update()
            .where(events.c.event_id_cnty == head.event_id_cnty)
            .values(
                article_ids=";".join(head.article_ids), source=head.source,
                source_scale=head.source_scale, fatalities=head.fatalities, wounded=head.wounded,
                confidence=head.confidence,
            )
        )  # fmt: skip


def hidden_ids() -> sa.Select[Any]:
    """The records that joined another event (``events()`` leaves them out)."""
    return sa.select(event_merges.c.event_id)


def member_evidence(conn: sa.Connection, head_ids: Sequence[str]) -> dict[str, list[Evidence]]:
    """The evidence of the records merged into each of these events."""
    from .sql import evidence

    out: dict[str, list[Evidence]] = {}
    for i in range(0, len(head_ids), _CHUNK):
        stmt = (
            sa.select(event_merges.c.into_id, evidence)
            .join(evidence, evidence.c.event_id == event_merges.c.event_id)
            .where(event_merges.c.into_id.in_(head_ids[i : i + _CHUNK]))
            .order_by(event_merges.c.at, event_merges.c.event_id)
        )
        for e in conn.execute(stmt).mappings():
            out.setdefault(e["into_id"], []).append(_evidence(e))
    return out


def _evidence(row: Any) -> Evidence:
    return Evidence(row["field"], Span(row["start"], row["end"], row["text"]), row["stage"],
                    row["version"])  # fmt: skip


def _raw_records(conn: sa.Connection, where: Any) -> list[EventRecord]:
    """Event rows as stored (a head's combined fields, a member's own), with their own evidence."""
    from .sql import _record, articles, events, evidence

    rows = conn.execute(
        sa.select(events, articles.c.text)
        .join(articles, articles.c.id == events.c.article_id)
        .where(where)
        .order_by(events.c.event_id_cnty)
    ).mappings().all()
    ids = [r["event_id_cnty"] for r in rows]
    spans: dict[str, list[Evidence]] = {}
    for i in range(0, len(ids), _CHUNK):
        for e in conn.execute(
            sa.select(evidence).where(evidence.c.event_id.in_(ids[i : i + _CHUNK]))
        ).mappings():
            spans.setdefault(e["event_id"], []).append(_evidence(e))
    return [_record(r, spans.get(r["event_id_cnty"], [])) for r in rows]


def _clusters(conn: sa.Connection, head_ids: Iterable[str]) -> list[Cluster]:
    from .sql import events

    heads = sorted(set(head_ids))
    out: list[Cluster] = []
    for i in range(0, len(heads), _CHUNK):
        chunk = heads[i : i + _CHUNK]
        links = conn.execute(
            sa.select(event_merges.c.event_id, event_merges.c.into_id)
            .where(event_merges.c.into_id.in_(chunk))
            .order_by(event_merges.c.at, event_merges.c.event_id)
        ).all()
        member_ids = [m for m, _ in links]
        records = {
            r.event_id_cnty: r
            for r in _raw_records(conn, events.c.event_id_cnty.in_(chunk + member_ids))
        }
        mains = set(
            conn.execute(
                sa.select(events.c.event_id_cnty).where(
                    events.c.event_id_cnty.in_(chunk), events.c.position == 0
                )
            ).scalars()
        )
        for head in chunk:
            if head not in records:
                continue
            members = tuple(records[m] for m, h in links if h == head and m in records)
            out.append(Cluster(records[head], members, head in mains))
    return out


def clusters_near(store: SqlStore, country: str, start: date, end: date) -> list[Cluster]:
    """The events dated ``start``..``end`` (of ``country``; "" for any), not merged into others."""
    from .sql import events

    stmt = sa.select(events.c.event_id_cnty).where(
        events.c.event_date >= start.isoformat(),
        events.c.event_date <= end.isoformat(),
        events.c.event_id_cnty.not_in(hidden_ids()),
    )
    if country:
        stmt = stmt.where(events.c.country == country)
    with store.engine.connect() as conn:
        heads = conn.execute(stmt).scalars()
        return _clusters(conn, list(heads))


def _head_of(conn: sa.Connection, event_id: str) -> str:
    into = conn.execute(
        sa.select(event_merges.c.into_id).where(event_merges.c.event_id == event_id)
    ).scalar_one_or_none()
    return str(into) if into is not None else event_id


def clusters_containing(store: SqlStore, event_ids: Sequence[str]) -> list[Cluster]:
    """The stored clusters that hold any of these records (as head or as member)."""
    from .sql import events

    heads: set[str] = set()
    with store.engine.connect() as conn:
        for i in range(0, len(event_ids), _CHUNK):
            chunk = list(event_ids[i : i + _CHUNK])
            heads.update(conn.execute(
                sa.select(event_merges.c.into_id).where(event_merges.c.event_id.in_(chunk))
            ).scalars())  # fmt: skip
            heads.update(conn.execute(
                sa.select(events.c.event_id_cnty).where(
                    events.c.event_id_cnty.in_(chunk), events.c.event_id_cnty.not_in(
                        sa.select(event_merges.c.event_id).where(event_merges.c.event_id.in_(chunk))
                    ),
                )
            ).scalars())  # fmt: skip
        return _clusters(conn, heads) if heads else []


def clusters_of_article(store: SqlStore, article_id: str) -> list[Cluster]:
    from .sql import events

    with store.engine.connect() as conn:
        ids = conn.execute(
            sa.select(events.c.event_id_cnty).where(events.c.article_id == article_id)
        ).scalars()
        return _clusters(conn, [_head_of(conn, i) for i in list(ids)])


def articles_between(store: SqlStore, start: date, end: date) -> list[Article]:
    """Stored articles published ``start``..``end`` (for the near-copy index)."""
    from .sql import articles

    with store.engine.connect() as conn:
        rows = conn.execute(
            sa.select(articles.c.id, articles.c.text, articles.c.published, articles.c.source)
            .where(articles.c.published >= start.isoformat())
            .where(articles.c.published <= end.isoformat())
        ).all()
    return [
        Article(id=r[0], text=r[1], published=date.fromisoformat(r[2]), source=r[3]) for r in rows
    ]


@dataclass(frozen=True, slots=True)
class Explanation:
    """An event as stored (with every report's evidence), the links into it, and the copies."""

    event: EventRecord
    links: tuple[MergeLink, ...]
    copies: tuple[Copy, ...]

    def lines(self) -> list[str]:
        """The explanation as text, for ``eventcoder explain``."""
        e = self.event
        out = [
            f"event {e.event_id_cnty}: {e.sub_event_type}, {e.event_date or 'no date'}, "
            f"{e.location or '?'}, {e.country or '?'}; fatalities {e.fatalities}",
            f"  {len(e.article_ids)} article(s): {', '.join(e.article_ids)}",
            f"  sources: {e.source or '-'} (scale: {e.source_scale or '-'})",
        ]
        for c in self.copies:
            out.append(f"  article {c.article_id} is a copy ({c.kind}) of {c.original_id}: MinHash "
                       f"{c.minhash:.2f}, Jaccard {c.jaccard:.2f}, containment {c.containment:.2f}")
        if not self.links:
            out.append("  no other report was merged into it")
        for link in self.links:
            scores = "  ".join(f"{k} {v:.2f}" for k, v in link.scores)
            out.append(f"  + record {link.event_id} of article {link.article_id} ({link.kind}): "
                       f"{scores}")  # fmt: skip
            out.extend(f"      {reason}" for reason in link.reasons)
        return out


def explain(store: SqlStore, event_id: str) -> Explanation:
    """Why the event ``event_id`` (or the event it joined) holds the reports it holds."""
    from ..errors import StoreError
    from .base import EventQuery

    with store.engine.connect() as conn:
        head = _head_of(conn, event_id)
        rows = conn.execute(
            sa.select(event_merges).where(event_merges.c.into_id == head)
            .order_by(event_merges.c.at, event_merges.c.event_id)
        ).mappings().all()  # fmt: skip
    found = list(store.events(EventQuery(ids=(head,))))
    if not found:
        raise StoreError(
            f"no event {event_id!r} is stored; list ids with `eventcoder export`", source=store.url
        )
    links = tuple(
        MergeLink(r["event_id"], r["into_id"], r["article_id"], r["into_article_id"], r["kind"],
                  tuple((k, float(v)) for k, v in json.loads(r["scores"])),
                  tuple(json.loads(r["reasons"])))  # fmt: skip
        for r in rows
    )
    with store.engine.connect() as conn:
        copies = tuple(
            Copy(r["article_id"], r["original_id"], r["minhash"], r["jaccard"], r["containment"])
            for r in conn.execute(
                sa.select(article_copies).where(
                    article_copies.c.article_id.in_(list(found[0].article_ids))
                )
            ).mappings()
        )
    return Explanation(found[0], links, copies)

"""SQL store over SQLAlchemy Core: SQLite by default (a file or ``:memory:``), PostgreSQL alike.

Tables: ``articles``, ``events`` (ACLED's columns plus ``article_ids``, ``confidence``,
``wounded``), ``evidence`` (one row per field's span), ``rejections`` and ``migrations`` (named
migrations, applied once, recorded). A batch is one transaction, so an interrupted run (even
kill -9) leaves whole articles or none; SQLite runs in WAL mode. Fails with
:class:`~eventcoder.errors.StoreError` naming the URL when the database cannot be opened or written.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.exc import SQLAlchemyError

from ..errors import StoreError
from ..model import EventRecord, Evidence, Mention, Rejection, Span, content_id
from .base import Batch, Cluster, EventQuery

if TYPE_CHECKING:
    from ..model import Article
    from .merges import Explanation

__all__ = ["SqlStore", "open_store"]

log = logging.getLogger(__name__)

metadata = sa.MetaData()

articles = sa.Table(
    "articles",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("origin", sa.Text, nullable=False, default=""),
    sa.Column("url", sa.Text, nullable=False, default=""),
    sa.Column("title", sa.Text, nullable=False, default=""),
    sa.Column("published", sa.String(10)),
    sa.Column("source", sa.Text, nullable=False, default=""),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("first_seen", sa.Float, nullable=False),
    sa.Column("coded_at", sa.Float, nullable=False),
)

events = sa.Table(
    "events",
    metadata,
    sa.Column("event_id_cnty", sa.String(64), primary_key=True),
    sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id"), nullable=False, index=True),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("event_date", sa.String(10)),
    sa.Column("time_precision", sa.Integer, nullable=False),
    sa.Column("disorder_type", sa.Text, nullable=False),
    sa.Column("event_type", sa.Text, nullable=False, index=True),
    sa.Column("sub_event_type", sa.Text, nullable=False),
    sa.Column("actor1", sa.Text, nullable=False),
    sa.Column("assoc_actor_1", sa.Text, nullable=False),
    sa.Column("inter1", sa.Integer, nullable=False),
    sa.Column("actor2", sa.Text, nullable=False),
    sa.Column("assoc_actor_2", sa.Text, nullable=False),
    sa.Column("inter2", sa.Integer, nullable=False),
    sa.Column("civilian_targeting", sa.Text, nullable=False),
    sa.Column("iso", sa.Integer, nullable=False),
    sa.Column("region", sa.Text, nullable=False),
    sa.Column("country", sa.Text, nullable=False, index=True),
    sa.Column("admin1", sa.Text, nullable=False),
    sa.Column("admin2", sa.Text, nullable=False),
    sa.Column("admin3", sa.Text, nullable=False),
    sa.Column("location", sa.Text, nullable=False),
    sa.Column("latitude", sa.Float),
    sa.Column("longitude", sa.Float),
    sa.Column("geo_precision", sa.Integer, nullable=False),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("source_scale", sa.Text, nullable=False),
    sa.Column("notes", sa.Text, nullable=False),
    sa.Column("fatalities", sa.Integer, nullable=False),
    sa.Column("wounded", sa.Integer),
    sa.Column("tags", sa.Text, nullable=False),
    sa.Column("timestamp", sa.Integer, nullable=False),
    sa.Column("article_ids", sa.Text, nullable=False),
    sa.Column("confidence", sa.Float, nullable=False),
    sa.Column("mentions", sa.Text, nullable=False),
)

evidence = sa.Table(
    "evidence",
    metadata,
    sa.Column("event_id", sa.String(64), sa.ForeignKey("events.event_id_cnty"), index=True),
    sa.Column("article_id", sa.String(64), nullable=False, index=True),
    sa.Column("field", sa.String(40), nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("stage", sa.String(40), nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
)

rejections = sa.Table(
    "rejections",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("code", sa.String(8), nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("stage", sa.String(40), nullable=False),
    sa.Column("article_id", sa.String(64), nullable=False),
    sa.Column("at", sa.Float, nullable=False),
)

migrations = sa.Table(
    "migrations",
    metadata,
    sa.Column("name", sa.String(100), primary_key=True),
    sa.Column("applied_at", sa.Float, nullable=False),
)

_SCALAR_FIELDS = [
    c.name
    for c in events.columns
    if c.name not in ("article_id", "position", "event_date", "article_ids", "mentions")
]


def _migration_0001(conn: sa.Connection) -> None:
    metadata.create_all(conn)


def _migration_0002_review(conn: sa.Connection) -> None:
    from .review import migrate  # review.py builds on this module's tables

    migrate(conn)


def _migration_0003_merges(conn: sa.Connection) -> None:
    from .merges import migrate  # merge links and article copies (store/merges.py)

    migrate(conn)


# Named migrations, applied in order, each once; a new schema change is a new entry here.
MIGRATIONS: list[tuple[str, Callable[[sa.Connection], None]]] = [
    ("0001_initial", _migration_0001),
    ("0002_review", _migration_0002_review),
    ("0003_merges", _migration_0003_merges),
]


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # Let SQLAlchemy, not the sqlite3 module, say when transactions begin (see _sqlite_begin).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def _sqlite_begin(conn: sa.Connection) -> None:
    """Writes take SQLite's write lock at BEGIN (IMMEDIATE), reads do not.

    The sqlite3 module would run CREATE TABLE outside any transaction and start writes lazily, so
    two processes opening a new store at once could both migrate it, and a writer could fail to
    upgrade its read snapshot; an immediate transaction makes them wait their turn (busy timeout).
    """
    write = conn.get_execution_options().get("eventcoder_write", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


class SqlStore:
    def __init__(self, url: str) -> None:
        self.url = url
        try:
            self.engine = sa.create_engine(url)
            if self.engine.dialect.name == "sqlite":
                sa.event.listen(self.engine, "connect", _sqlite_pragmas)
                sa.event.listen(self.engine, "begin", _sqlite_begin)
            self._migrate()
        except (SQLAlchemyError, ImportError, ValueError) as exc:
            raise StoreError(
                f"cannot open the store: {exc.__class__.__name__}: {exc}".split("\n")[0],
                source=_safe_url(url),
            ) from exc

    def _writing(self) -> Any:
        """A write transaction (immediate on SQLite), committed on leaving the block."""
        return self.engine.execution_options(eventcoder_write=True).begin()

    def _migrate(self) -> None:
        with self._writing() as conn:
            migrations.create(conn, checkfirst=True)
            done = {r[0] for r in conn.execute(sa.select(migrations.c.name))}
            for name, apply in MIGRATIONS:
                if name not in done:
                    log.info("store %s: applying migration %s", _safe_url(self.url), name)
                    apply(conn)
                    conn.execute(migrations.insert().values(name=name, applied_at=time.time()))

    def write(self, batch: Batch) -> None:
        now = time.time()
        try:
            with self._writing() as conn:
                for work in batch.works:
                    self._write_work(conn, work, now)
                # Merge links, copies and the grown fields of merged events (store/merges.py).
                from .merges import write_merges

                write_merges(conn, batch, now)
                # Reviewers' corrections and deletions outlive re-coding and merging
                # (store/review.py), so they go on last.
                from .review import reapply

                rewritten = [e.event_id_cnty for e in batch.updates]
                reapply(conn, [w.article.id for w in batch.works], rewritten)
                for rej in batch.rejections:
                    rid = content_id(rej.source, rej.code)
                    conn.execute(rejections.delete().where(rejections.c.id == rid))
                    conn.execute(
                        rejections.insert().values(
                            id=rid,
                            source=rej.source,
                            code=rej.code,
                            reason=rej.reason,
                            stage=rej.stage,
                            article_id=rej.article_id,
                            at=now,
                        )
                    )
        except SQLAlchemyError as exc:
            raise StoreError(
                f"write failed, nothing of this batch was stored: {exc}".split("\n")[0],
                source=_safe_url(self.url),
            ) from exc

    def _write_work(self, conn: sa.Connection, work: Any, now: float) -> None:
        a = work.article
        old = conn.execute(
            sa.select(articles.c.first_seen).where(articles.c.id == a.id)
        ).scalar_one_or_none()
        # Re-coding replaces: the article's events and their evidence go, the new ones come.
        old_events = sa.select(events.c.event_id_cnty).where(events.c.article_id == a.id)
        conn.execute(evidence.delete().where(evidence.c.event_id.in_(old_events)))
        conn.execute(events.delete().where(events.c.article_id == a.id))
        conn.execute(articles.delete().where(articles.c.id == a.id))
        # A previous success erases an earlier rejection of the same article.
        conn.execute(rejections.delete().where(rejections.c.article_id == a.id))
        conn.execute(
            articles.insert().values(
                id=a.id,
                origin=a.origin,
                url=a.url,
                title=a.title,
                published=a.published.isoformat() if a.published else None,
                source=a.source,
                text=a.text,
                first_seen=old if old is not None else now,
                coded_at=now,
            )
        )
        for position, ev in enumerate(work.events):
            row = {name: getattr(ev, name) for name in _SCALAR_FIELDS}
            row.update(
                article_id=a.id,
                position=position,
                event_date=ev.event_date.isoformat() if ev.event_date else None,
                article_ids=";".join(ev.article_ids),
                mentions=json.dumps(
                    [[m.sent, m.span.start, m.span.end, m.sub_event_type, m.confidence]
                     for m in ev.mentions]
                ),
            )
            conn.execute(evidence.delete().where(evidence.c.event_id == ev.event_id_cnty))
            conn.execute(events.delete().where(events.c.event_id_cnty == ev.event_id_cnty))
            conn.execute(events.insert().values(**row))
            if ev.evidence:
                conn.execute(
                    evidence.insert(),
                    [
                        {
                            "event_id": ev.event_id_cnty,
                            "article_id": a.id,
                            "field": e.field,
                            "start": e.span.start,
                            "end": e.span.end,
                            "text": e.span.text,
                            "stage": e.stage,
                            "version": e.version,
                        }
                        for e in ev.evidence
                    ],
                )

    def events(self, query: EventQuery | None = None) -> Iterator[EventRecord]:
        q = query or EventQuery()
        stmt = (
            sa.select(events, articles.c.text)
            .join(articles, articles.c.id == events.c.article_id)
            .order_by(articles.c.first_seen, articles.c.id, events.c.position)
        )
        if q.country:
            stmt = stmt.where(events.c.country == q.country)
        if q.event_type:
            stmt = stmt.where(events.c.event_type == q.event_type)
        if q.article_id:
            stmt = stmt.where(events.c.article_id == q.article_id)
        if q.ids:
            stmt = stmt.where(events.c.event_id_cnty.in_(q.ids))
        else:  # a record merged into another event shows as part of that event
            from .merges import hidden_ids

            stmt = stmt.where(events.c.event_id_cnty.not_in(hidden_ids()))
        if q.limit:
            stmt = stmt.limit(q.limit)
        with self.engine.connect() as conn:
            rows = conn.execute(stmt).mappings().all()
            ids = [r["event_id_cnty"] for r in rows]
            spans: dict[str, list[Evidence]] = {}
            for chunk in range(0, len(ids), 500):
                for e in conn.execute(
                    sa.select(evidence).where(evidence.c.event_id.in_(ids[chunk : chunk + 500]))
                ).mappings():
                    spans.setdefault(e["event_id"], []).append(
                        Evidence(e["field"], Span(e["start"], e["end"], e["text"]), e["stage"],
                                 e["version"])
                    )
            from .merges import member_evidence

            for head, extra in member_evidence(conn, ids).items():
                spans.setdefault(head, []).extend(extra)
        for r in rows:
            yield _record(r, spans.get(r["event_id_cnty"], []))

    def rejections(self) -> list[Rejection]:
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(rejections).order_by(rejections.c.at)).mappings().all()
        return [
            Rejection(r["source"], r["code"], r["reason"], r["stage"], r["article_id"]) for r in rows
        ]

    def article_ids(self) -> set[str]:
        with self.engine.connect() as conn:
            return {r[0] for r in conn.execute(sa.select(articles.c.id))}

    def clear(self) -> None:
        """Delete every article, event, evidence span and rejection (tests and re-imports)."""
        with self._writing() as conn:
            for table in (evidence, events, articles, rejections):
                conn.execute(table.delete())
            from .merges import article_copies, event_merges

            conn.execute(event_merges.delete())
            conn.execute(article_copies.delete())

    # Merging reads (store/merges.py): the merger's candidates, the copy index, `explain`.
    def clusters_near(self, country: str, start: date, end: date) -> list[Cluster]:
        from . import merges

        return merges.clusters_near(self, country, start, end)

    def clusters_containing(self, event_ids: Sequence[str]) -> list[Cluster]:
        from . import merges

        return merges.clusters_containing(self, event_ids)

    def clusters_of_article(self, article_id: str) -> list[Cluster]:
        from . import merges

        return merges.clusters_of_article(self, article_id)

    def articles_between(self, start: date, end: date) -> list[Article]:
        from . import merges

        return merges.articles_between(self, start, end)

    def explain(self, event_id: str) -> Explanation:
        from . import merges

        return merges.explain(self, event_id)

    def close(self) -> None:
        self.engine.dispose()


def _record(r: Any, spans: list[Evidence]) -> EventRecord:
    text = r["text"]
    mentions = tuple(
        Mention(sent, Span(start, end, text[start:end]), sub, conf)
        for sent, start, end, sub, conf in json.loads(r["mentions"])
    )
    values = {name: r[name] for name in _SCALAR_FIELDS}
    return EventRecord(
        **values,
        article_ids=tuple(x for x in r["article_ids"].split(";") if x),
        event_date=date.fromisoformat(r["event_date"]) if r["event_date"] else None,
        mentions=mentions,
        evidence=tuple(spans),
    )


def _safe_url(url: str) -> str:
    """The URL without its password, for messages."""
    try:
        return sa.engine.make_url(url).render_as_string(hide_password=True)
    except (SQLAlchemyError, ValueError):
        return url


def open_store(url: str) -> SqlStore:
    """Open (and migrate) the store at a SQLAlchemy URL; a bare path means a SQLite file."""
    if "://" not in url:
        url = f"sqlite:///{url}"
    return SqlStore(url)

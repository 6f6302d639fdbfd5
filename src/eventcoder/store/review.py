"""Review and browsing over a :class:`~eventcoder.store.sql.SqlStore`: the web app's reads and writes.

Tables (migration ``0002_review``, apart from the coded tables so re-coding never touches them):
``tokens`` (a reviewer's name and the SHA-256 of their secret; the secret itself is shown once and
never stored), ``corrections`` (the current corrected value of one field of one event),
``reviews`` (an event a reviewer has looked at, corrected or deleted) and ``audit`` (every
correction ever made: who, when, the old and the new value). The migration also indexes the
columns the web filters use, so a page of ``/events`` stays fast at 100k events.

Re-coding an article replaces its event rows (see ``SqlStore.write``); :func:`reapply` then puts
the corrections and deletions back on the fresh rows, in the same transaction. A correction is
keyed by ``event_id_cnty``, a content hash of the pipeline's own reading, so it follows the event
as long as the pipeline reads the article the same way.

Reads: :meth:`Review.search` (filters, a page, a total), :meth:`Review.stats` (counts and
fatalities per day or week), :meth:`Review.detail` (one event with its sources, evidence and
audit). Fails with :class:`UnknownEvent` (a :class:`~eventcoder.errors.StoreError`, E401) for an
id that is not stored, or :class:`~eventcoder.errors.ConfigError` (a field that cannot be
corrected, a token name in use, a bad sort or interval).
"""

from __future__ import annotations

import hashlib
import json
import secrets
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import sqlalchemy as sa

from ..errors import ConfigError, StoreError
from ..export import record_dict
from ..model import EventRecord
from .base import EventQuery
from .merges import event_merges
from .sql import SqlStore, articles, events, evidence

__all__ = [
    "EDITABLE",
    "AuditEntry",
    "EventFilter",
    "EventPage",
    "Review",
    "Source",
    "StatRow",
    "UnknownEvent",
    "reapply",
]


class UnknownEvent(StoreError):
    """No event with that id is stored (the web answers 404)."""

    code = "E401"


review_metadata = sa.MetaData()

tokens = sa.Table(
    "tokens",
    review_metadata,
    sa.Column("name", sa.String(100), primary_key=True),
    sa.Column("digest", sa.String(64), nullable=False, unique=True),
    sa.Column("created_at", sa.Float, nullable=False),
    sa.Column("revoked_at", sa.Float),
)

corrections = sa.Table(
    "corrections",
    review_metadata,
    sa.Column("event_id", sa.String(64), primary_key=True),
    sa.Column("field", sa.String(40), primary_key=True),
    sa.Column("article_id", sa.String(64), nullable=False, index=True),
    sa.Column("value", sa.Text, nullable=False),
    sa.Column("by", sa.String(100), nullable=False),
    sa.Column("at", sa.Float, nullable=False),
)

reviews = sa.Table(
    "reviews",
    review_metadata,
    sa.Column("event_id", sa.String(64), primary_key=True),
    sa.Column("article_id", sa.String(64), nullable=False, index=True),
    sa.Column("by", sa.String(100), nullable=False),
    sa.Column("at", sa.Float, nullable=False),
    sa.Column("deleted", sa.Boolean, nullable=False, default=False),
)

audit = sa.Table(
    "audit",
    review_metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("event_id", sa.String(64), nullable=False, index=True),
    sa.Column("article_id", sa.String(64), nullable=False),
    sa.Column("action", sa.String(10), nullable=False),
    sa.Column("field", sa.String(40), nullable=False),
    sa.Column("old_value", sa.Text),
    sa.Column("new_value", sa.Text),
    sa.Column("by", sa.String(100), nullable=False),
    sa.Column("at", sa.Float, nullable=False),
)

# Indexes for the web's filters, each ending in the sort column so a page is read off the index
# in order, and the deep-offset walk of a page (by id) touches no table rows. Measured with
# bench/web_events.py at 100k events (docs/web.md has the figures).
_INDEXES = {
    "ix_events_date_id": "event_date, event_id_cnty",
    "ix_events_country_date": "country, event_date",
    "ix_events_type_date": "event_type, event_date",
    "ix_events_sub_date": "sub_event_type, event_date",
    "ix_events_admin1_date": "admin1, event_date",
    "ix_events_fatalities_id": "fatalities, event_id_cnty",
    # With the newest-first page's columns, so a box's page is sorted off the index alone.
    "ix_events_lat_lon": "latitude, longitude, event_date, event_id_cnty",
    # The actor filter reads every row (a substring match): scanning these short columns
    # instead of the whole rows takes a third less time at 100k events.
    "ix_events_actors": "actor1, actor2, assoc_actor_1, assoc_actor_2",
    # Covers /stats: it groups by day and one of these keys, summing fatalities.
    "ix_events_stats": "event_date, event_type, country, sub_event_type, fatalities",
}

# Fields a reviewer may correct: ACLED's coded columns. Ids, article links, year/interaction
# (derived) and the coder's own timestamp and confidence are not opinions to correct.
EDITABLE = (
    "event_date", "time_precision", "disorder_type", "event_type", "sub_event_type", "actor1",
    "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "civilian_targeting", "iso",
    "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude",
    "geo_precision", "source", "source_scale", "notes", "fatalities", "wounded", "tags",
)  # fmt: skip

# The record's columns that a list needs (no mentions, evidence or article text: those are
# the detail's), read straight from the events table.
_LIST_COLUMNS = [c for c in events.columns if c.name not in ("mentions", "position")]


def migrate(conn: sa.Connection) -> None:
    """Migration 0002_review: the review tables and the web filters' indexes."""
    review_metadata.create_all(conn)
    for name, columns in _INDEXES.items():
        conn.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS {name} ON events ({columns})")


def reapply(conn: sa.Connection, article_ids: Sequence[str], event_ids: Sequence[str] = ()) -> None:
    """Put reviewers' corrections and deletions back on freshly written events.

    ``article_ids``: the articles just (re-)coded; ``event_ids``: other events just rewritten
    (merging grows the combined fields of events of earlier articles).
    """
    if not article_ids and not event_ids:
        return
    ids = list(article_ids)
    touched = sa.or_(corrections.c.article_id.in_(ids), corrections.c.event_id.in_(list(event_ids)))
    for row in conn.execute(sa.select(corrections).where(touched)):
        conn.execute(
            events.update()
            .where(events.c.event_id_cnty == row.event_id)
            .values({row.field: json.loads(row.value)})
        )
    gone = sa.select(reviews.c.event_id).where(
        reviews.c.article_id.in_(ids), reviews.c.deleted.is_(True)
    )
    conn.execute(evidence.delete().where(evidence.c.event_id.in_(gone)))
    conn.execute(events.delete().where(events.c.event_id_cnty.in_(gone)))


@dataclass(frozen=True, slots=True)
class EventFilter:
    """What ``/events`` and ``/stats`` filter on; empty fields do not filter.

    ``bbox`` is (west, south, east, north) in degrees; ``actor`` and ``q`` match case-insensitive
    substrings (``actor`` of either actor or their associates, ``q`` of notes, location and actors).
    """

    start: date | None = None
    end: date | None = None
    country: str = ""
    admin1: str = ""
    event_type: str = ""
    sub_event_type: str = ""
    actor: str = ""
    q: str = ""
    bbox: tuple[float, float, float, float] | None = None
    reviewed: bool | None = None


@dataclass(frozen=True, slots=True)
class EventPage:
    total: int
    events: list[EventRecord]
    reviewed: set[str] = field(default_factory=set)


@dataclass(frozen=True, slots=True)
class StatRow:
    period: str
    key: str
    events: int
    fatalities: int


@dataclass(frozen=True, slots=True)
class AuditEntry:
    event_id: str
    action: str
    field: str
    old_value: Any
    new_value: Any
    by: str
    at: float


@dataclass(frozen=True, slots=True)
class Source:
    """An article an event was coded from, with its full text (the evidence spans point into it)."""

    id: str
    title: str
    url: str
    source: str
    published: str | None
    text: str


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _conditions(f: EventFilter, *, merged: bool, fold_case: bool) -> list[Any]:
    """SQL conditions for a filter; ``merged``: the store holds merged records to leave out;
    ``fold_case``: LIKE must be told to ignore case (SQLite's LIKE already does, for ASCII, and
    is twice as fast without lower() on every row)."""
    c = events.c
    where: list[Any] = []
    if merged:
        from .merges import hidden_ids  # merges.py builds on sql.py, as this module does

        # A record merged into another event shows as part of that event, as in SqlStore.events().
        where.append(c.event_id_cnty.not_in(hidden_ids()))

    def contains(names: tuple[str, ...], text: str) -> Any:
        pattern = _like(text)
        return sa.or_(*(
            c[n].ilike(pattern, escape="\\") if fold_case else c[n].like(pattern, escape="\\")
            for n in names
        ))  # fmt: skip

    if f.start:
        where.append(c.event_date >= f.start.isoformat())
    if f.end:
        where.append(c.event_date <= f.end.isoformat())
    # Exact matches (ACLED's spellings), so the column indexes serve them.
    for name in ("country", "admin1", "event_type", "sub_event_type"):
        value = getattr(f, name)
        if value:
            where.append(c[name] == value)
    if f.actor:
        where.append(contains(("actor1", "actor2", "assoc_actor_1", "assoc_actor_2"), f.actor))
    if f.q:
        where.append(contains(("notes", "location", "actor1", "actor2", "admin1", "country"), f.q))
    if f.bbox:
        west, south, east, north = f.bbox
        where.append(c.latitude.between(south, north))
        # A box across the antimeridian (west > east) is two longitude ranges.
        if west <= east:
            where.append(c.longitude.between(west, east))
        else:
            where.append(sa.or_(c.longitude >= west, c.longitude <= east))
    if f.reviewed is not None:
        seen = sa.exists().where(reviews.c.event_id == c.event_id_cnty)
        where.append(seen if f.reviewed else ~seen)
    return where


# Sort keys ``/events`` accepts; a leading "-" is descending. Ties break on the id, so pages
# never repeat or skip a row.
SORTS = ("event_date", "fatalities", "country", "event_type", "timestamp")


def _record_of(row: sa.RowMapping) -> EventRecord:
    values = {c.name: row[c.name] for c in _LIST_COLUMNS if c.name not in ("article_id",)}
    values["article_ids"] = tuple(x for x in values["article_ids"].split(";") if x)
    values["event_date"] = date.fromisoformat(row["event_date"]) if row["event_date"] else None
    return EventRecord(**values)


def _decode(value: str | None) -> Any:
    return None if value is None else json.loads(value)


class Review:
    """Tokens, corrections, audit and the web's reads, over one SqlStore."""

    def __init__(self, store: SqlStore) -> None:
        self.store = store
        self.engine = store.engine

    # -- tokens ---------------------------------------------------------------------------------

    def create_token(self, name: str) -> str:
        """A new secret for reviewer ``name``; only its digest is stored, so show it now."""
        name = name.strip()
        if not name or len(name) > 100:
            raise ConfigError("a token needs a name of 1 to 100 characters (who will use it)")
        secret = secrets.token_urlsafe(32)
        with self.store._writing() as conn:
            live = conn.execute(
                sa.select(tokens.c.revoked_at).where(tokens.c.name == name)
            ).one_or_none()
            if live is not None and live.revoked_at is None:
                raise ConfigError(
                    f"a token named {name!r} exists; revoke it first (eventcoder token revoke)"
                )
            conn.execute(tokens.delete().where(tokens.c.name == name))
            conn.execute(
                tokens.insert().values(name=name, digest=_digest(secret), created_at=time.time())
            )
        return secret

    def revoke_token(self, name: str) -> None:
        with self.store._writing() as conn:
            done = conn.execute(
                tokens.update()
                .where(tokens.c.name == name, tokens.c.revoked_at.is_(None))
                .values(revoked_at=time.time())
            )
            if not done.rowcount:
                raise ConfigError(f"no live token named {name!r} (eventcoder token list)")

    def token_names(self) -> list[tuple[str, float, float | None]]:
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(tokens).order_by(tokens.c.created_at)).all()
        return [(r.name, r.created_at, r.revoked_at) for r in rows]

    def who(self, secret: str) -> str | None:
        """The reviewer a secret belongs to, or None when it is unknown or revoked."""
        with self.engine.connect() as conn:
            return conn.execute(
                sa.select(tokens.c.name).where(
                    tokens.c.digest == _digest(secret), tokens.c.revoked_at.is_(None)
                )
            ).scalar_one_or_none()

    # -- reads ----------------------------------------------------------------------------------

    def _conditions(self, conn: sa.Connection, f: EventFilter) -> list[Any]:
        from .merges import event_merges

        merged = conn.execute(sa.select(event_merges.c.event_id).limit(1)).first() is not None
        return _conditions(f, merged=merged, fold_case=self.engine.dialect.name != "sqlite")

    def search(
        self, f: EventFilter, *, limit: int = 100, offset: int = 0, sort: str = "-event_date"
    ) -> EventPage:
        key = sort.lstrip("-")
        if key not in SORTS:
            raise ConfigError(f"cannot sort on {key!r}; use one of {', '.join(SORTS)}")
        column = events.c[key]
        # Ties break on the id in the same direction, so one index serves the whole order.
        desc = sort.startswith("-")
        tie = events.c.event_id_cnty
        order = [column.desc(), tie.desc()] if desc else [column.asc(), tie.asc()]
        with self.engine.connect() as conn:
            where = self._conditions(conn, f)
            # The page's ids first (off an index, for deep offsets), then their rows.
            page = sa.select(events.c.event_id_cnty).where(*where).order_by(*order)
            page = page.limit(limit).offset(offset)
            stmt = (
                sa.select(*_LIST_COLUMNS).where(events.c.event_id_cnty.in_(page)).order_by(*order)
            )
            rows = conn.execute(stmt).mappings().all()
            count = sa.select(sa.func.count()).select_from(events).where(*where)
            total = int(conn.execute(count).scalar_one())
            ids = [r["event_id_cnty"] for r in rows]
            seen = set(
                conn.execute(sa.select(reviews.c.event_id).where(reviews.c.event_id.in_(ids)))
                .scalars()
                .all()
            ) if ids else set()  # fmt: skip
        return EventPage(total=total, events=[_record_of(r) for r in rows], reviewed=seen)

    def stats(
        self, f: EventFilter, *, interval: str = "day", by: str = "event_type"
    ) -> list[StatRow]:
        """Events and fatalities per period (``day`` or ``week``, weeks from Monday) and ``by`` key.

        Grouped by day in SQL (portable across SQLite and PostgreSQL), folded into weeks here;
        undated events are left out.
        """
        if interval not in ("day", "week"):
            raise ConfigError(f"interval must be day or week, not {interval!r}")
        if by not in ("event_type", "sub_event_type", "country", "none"):
            raise ConfigError(f"by must be event_type, sub_event_type, country or none, not {by!r}")
        keys = [] if by == "none" else [events.c[by]]
        stmt = sa.select(
            events.c.event_date,
            *keys,
            sa.func.count(),
            sa.func.coalesce(sa.func.sum(events.c.fatalities), 0),
        ).group_by(events.c.event_date, *keys)
        totals: dict[tuple[str, str], list[int]] = {}
        with self.engine.connect() as conn:
            stmt = stmt.where(events.c.event_date.is_not(None), *self._conditions(conn, f))
            for row in conn.execute(stmt):
                day, n, dead = row[0], row[-2], row[-1]
                key = "all" if by == "none" else str(row[1])
                period = date.fromisoformat(day)
                if interval == "week":
                    period -= timedelta(days=period.weekday())
                cell = totals.setdefault((period.isoformat(), key), [0, 0])
                cell[0] += int(n)
                cell[1] += int(dead)
        return [StatRow(p, k, n, dead) for (p, k), (n, dead) in sorted(totals.items())]

    def detail(self, event_id: str) -> tuple[EventRecord, list[Source], list[AuditEntry], bool]:
        """One event (with mentions and evidence), its source articles, its audit log, reviewed."""
        found = list(self.store.events(EventQuery(ids=(event_id,))))
        if not found:
            raise UnknownEvent(f"no event {event_id!r} in the store", source=event_id)
        record = found[0]
        with self.engine.connect() as conn:
            rows = (
                conn.execute(sa.select(articles).where(articles.c.id.in_(record.article_ids)))
                .mappings()
                .all()
            )
            reviewed = (
                conn.execute(
                    sa.select(reviews.c.event_id).where(reviews.c.event_id == event_id)
                ).first()
                is not None
            )
        by_id = {r["id"]: r for r in rows}
        sources = [
            Source(r["id"], r["title"], r["url"], r["source"], r["published"], r["text"])
            for r in (by_id[a] for a in record.article_ids if a in by_id)
        ]
        return record, sources, self.audit(event_id), reviewed

    def countries(self) -> list[tuple[str, int]]:
        """Each country with events, and how many (for the web's filter list)."""
        stmt = (
            sa.select(events.c.country, sa.func.count())
            .group_by(events.c.country)
            .order_by(events.c.country)
        )
        with self.engine.connect() as conn:
            return [(str(c), int(n)) for c, n in conn.execute(stmt) if c]

    def audit(self, event_id: str = "", limit: int = 1000) -> list[AuditEntry]:
        stmt = sa.select(audit).order_by(audit.c.id.desc()).limit(limit)
        if event_id:
            stmt = stmt.where(audit.c.event_id == event_id)
        with self.engine.connect() as conn:
            rows = conn.execute(stmt).all()
        return [
            AuditEntry(r.event_id, r.action, r.field, _decode(r.old_value), _decode(r.new_value),
                       r.by, r.at)
            for r in rows
        ]  # fmt: skip

    # -- writes ---------------------------------------------------------------------------------

    def correct(self, event_id: str, changes: Mapping[str, Any], by: str) -> list[AuditEntry]:
        """Set corrected values (kept across re-coding), log each change, mark the event reviewed.

        An empty ``changes`` only marks the event reviewed. Returns the audit entries written.
        """
        unknown = sorted(set(changes) - set(EDITABLE))
        if unknown:
            raise ConfigError(
                f"cannot correct {', '.join(unknown)}; correctable fields: {', '.join(EDITABLE)}"
            )
        now = time.time()
        written: list[AuditEntry] = []
        with self.store._writing() as conn:
            row = (
                conn.execute(sa.select(events).where(events.c.event_id_cnty == event_id))
                .mappings()
                .one_or_none()
            )
            if row is None:
                raise UnknownEvent(f"no event {event_id!r} in the store", source=event_id)
            article_id = row["article_id"]
            for name, new in changes.items():
                old = row[name]
                if old == new:
                    continue
                conn.execute(
                    corrections.delete().where(
                        corrections.c.event_id == event_id, corrections.c.field == name
                    )
                )
                conn.execute(corrections.insert().values(
                    event_id=event_id, field=name, article_id=article_id, value=json.dumps(new),
                    by=by, at=now,
                ))  # fmt: skip
                conn.execute(
                    events.update().where(events.c.event_id_cnty == event_id).values({name: new})
                )
                entry = AuditEntry(event_id, "edit", name, old, new, by, now)
                self._log(conn, entry, article_id)
                written.append(entry)
            if not written:
                self._log(conn, AuditEntry(event_id, "review", "", None, None, by, now), article_id)
            self._mark(conn, event_id, article_id, by, now, deleted=False)
        return written

    def delete(self, event_id: str, by: str) -> Sequence[str]:
        """Delete an event as a review decision: logged, and kept deleted when re-coded.

        The event the reviewer sees is every report merged into it, so the reports go with it:
        each is logged (``merged_into`` the deleted event) and kept deleted when its own article
        is coded again. Left in place they would stay hidden behind a link to an event that is
        gone, and come back as events of their own the next time the event's article is coded.
        Returns the ids of the merged reports deleted with the event.
        """
        now = time.time()
        found = list(self.store.events(EventQuery(ids=(event_id,))))
        if not found:
            raise UnknownEvent(f"no event {event_id!r} in the store", source=event_id)
        old = record_dict(found[0])
        old.pop("mentions")
        old.pop("evidence")
        with self.store._writing() as conn:
            article_id = conn.execute(
                sa.select(events.c.article_id).where(events.c.event_id_cnty == event_id)
            ).scalar_one()
            self._log(conn, AuditEntry(event_id, "delete", "", old, None, by, now), article_id)
            self._mark(conn, event_id, article_id, by, now, deleted=True)
            members = conn.execute(
                sa.select(event_merges.c.event_id, event_merges.c.article_id).where(
                    event_merges.c.into_id == event_id
                )
            ).all()
            for member, member_article in members:
                entry = AuditEntry(member, "delete", "merged_into", event_id, None, by, now)
                self._log(conn, entry, member_article)
                self._mark(conn, member, member_article, by, now, deleted=True)
            gone = [event_id, *(m for m, _ in members)]
            conn.execute(evidence.delete().where(evidence.c.event_id.in_(gone)))
            conn.execute(events.delete().where(events.c.event_id_cnty.in_(gone)))
            conn.execute(
                event_merges.delete().where(
                    sa.or_(event_merges.c.into_id == event_id, event_merges.c.event_id == event_id)
                )
            )
        return [m for m, _ in members]

    def _log(self, conn: sa.Connection, entry: AuditEntry, article_id: str) -> None:
        conn.execute(audit.insert().values(
            event_id=entry.event_id, article_id=article_id, action=entry.action, field=entry.field,
            old_value=None if entry.old_value is None else json.dumps(entry.old_value),
            new_value=None if entry.new_value is None else json.dumps(entry.new_value),
            by=entry.by, at=entry.at,
        ))  # fmt: skip

    def _mark(self, conn: sa.Connection, event_id: str, article_id: str, by: str, at: float,
              *, deleted: bool) -> None:  # fmt: skip
        conn.execute(reviews.delete().where(reviews.c.event_id == event_id))
        conn.execute(reviews.insert().values(
            event_id=event_id, article_id=article_id, by=by, at=at, deleted=deleted
        ))  # fmt: skip

    def corrected_fields(self, event_ids: Iterable[str]) -> dict[str, set[str]]:
        """For each event, the fields a reviewer has corrected."""
        out: dict[str, set[str]] = {}
        with self.engine.connect() as conn:
            for r in conn.execute(
                sa.select(corrections.c.event_id, corrections.c.field).where(
                    corrections.c.event_id.in_(list(event_ids))
                )
            ):
                out.setdefault(r.event_id, set()).add(r.field)
        return out


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()

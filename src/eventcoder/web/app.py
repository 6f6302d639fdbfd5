"""The HTTP API and web map over a store: ``create_app(store, config)`` returns a FastAPI app.

Reads the store through :class:`~eventcoder.store.review.Review` (filters, pages, stats, one
event's detail) and writes through it (corrections, deletions, each logged in the audit table);
``POST /articles`` codes articles with the pipeline (built from ``config`` on first use, or the one
passed in) and stores the events. Writes need ``Authorization: Bearer TOKEN`` (``eventcoder token
create NAME``). Every error answers ``{"error", "code", "status"}`` (see web/errors.py). The page
at ``/`` and its assets under ``/static`` are the built front end (web/frontend in the repository,
``make web``); nothing is loaded from elsewhere, so it works offline. The OpenAPI document is at
``/openapi.json`` (the interactive docs pages are off: they load scripts from a CDN).
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, Header, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..batch import code_articles, limits_of
from ..classify import Taxonomy, load_taxonomy
from ..config import Config, load_config
from ..errors import EventcoderError, TooLarge
from ..model import Article
from ..pipeline import Pipeline
from ..store.review import EventFilter, Review
from ..store.sql import SqlStore
from . import render
from .errors import (
    BadParameter,
    HttpError,
    MethodNotAllowed,
    NotFound,
    Rejected,
    Unauthorized,
    error_body,
    status_of,
)
from .models import ArticleBatch, ArticleIn, ErrorOut, EventPatch

__all__ = ["create_app"]

log = logging.getLogger(__name__)

# The most events one request returns: a map of 10,000 points is still drawn smoothly, and a
# larger export is `eventcoder export`'s job.
MAX_LIMIT = 10_000
# The most articles one POST codes (about a minute of coding at the pipeline's measured rate).
MAX_BATCH = 100

_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut, "description": "A malformed parameter or body"},
    404: {"model": ErrorOut, "description": "No such event"},
}
_WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    **_ERRORS,
    401: {"model": ErrorOut, "description": "No token, or an unknown or revoked one"},
}


@dataclass
class AppState:
    """What the routes share: the store, its review layer, the taxonomy and a lazy pipeline."""

    store: SqlStore
    review: Review
    config: Config
    taxonomy: Taxonomy
    pipeline: Pipeline | None = None
    # One coding at a time: the pipeline's models are not made for concurrent use.
    lock: threading.Lock = field(default_factory=threading.Lock)

    def get_pipeline(self) -> Pipeline:
        if self.pipeline is None:
            log.info("building the pipeline for POST /articles")
            self.pipeline = Pipeline.from_config(self.config)
        return self.pipeline


def static_dir() -> Path:
    return Path(str(resources.files("eventcoder.web").joinpath("static")))


def _bbox(text: str | None) -> tuple[float, float, float, float] | None:
    if not text:
        return None
    parts = text.split(",")
    try:
        west, south, east, north = (float(p) for p in parts)
    except ValueError:
        raise BadParameter(
            f"bbox must be four numbers west,south,east,north (degrees), not {text!r}"
        ) from None
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
        raise BadParameter(
            f"bbox {text!r} is out of range: longitudes -180..180, latitudes -90..90, "
            "south <= north"
        )
    return west, south, east, north


def event_filter(
    start: Annotated[date | None, Query(description="First event date (YYYY-MM-DD).")] = None,
    end: Annotated[date | None, Query(description="Last event date (YYYY-MM-DD).")] = None,
    country: Annotated[str, Query(description="Country, ACLED's spelling.")] = "",
    admin1: Annotated[str, Query(description="First-level region, exact.")] = "",
    event_type: Annotated[str, Query(description="ACLED event type.")] = "",
    sub_event_type: Annotated[str, Query(description="ACLED sub-event type.")] = "",
    actor: Annotated[str, Query(description="Substring of either actor or an associate.")] = "",
    q: Annotated[
        str, Query(description="Substring of notes, location, actors, admin1, country.")
    ] = "",
    bbox: Annotated[str | None, Query(description="west,south,east,north in degrees.")] = None,
    reviewed: Annotated[
        bool | None, Query(description="Only reviewed (true) or unreviewed.")
    ] = None,
) -> EventFilter:
    """The filters ``/events`` and ``/stats`` share, checked."""
    if start and end and start > end:
        raise BadParameter(f"start {start} is after end {end}")
    return EventFilter(
        start=start, end=end, country=country.strip(), admin1=admin1.strip(),
        event_type=event_type.strip(), sub_event_type=sub_event_type.strip(), actor=actor.strip(),
        q=q.strip(), bbox=_bbox(bbox), reviewed=reviewed,
    )  # fmt: skip


def reviewer(request: Request, authorization: Annotated[str | None, Header()] = None) -> str:
    """The token holder's name, from ``Authorization: Bearer TOKEN``."""
    if not authorization:
        raise Unauthorized(
            "this request needs a review token: send Authorization: Bearer TOKEN "
            "(make one with `eventcoder token create NAME`)"
        )
    scheme, _, secret = authorization.partition(" ")
    state: AppState = request.app.state.eventcoder
    name = state.review.who(secret.strip()) if scheme.lower() == "bearer" else None
    if name is None:
        raise Unauthorized("the token is unknown or revoked (eventcoder token list)")
    return name


Sort = Literal[
    "event_date", "-event_date", "fatalities", "-fatalities", "country", "-country",
    "event_type", "-event_type", "timestamp", "-timestamp",
]  # fmt: skip
# Route parameter types (FastAPI resolves annotations by name, so these live at module level).
Filters = Annotated[EventFilter, Depends(event_filter)]
Reviewer = Annotated[str, Depends(reviewer)]


def _install_errors(app: FastAPI) -> None:
    @app.exception_handler(EventcoderError)
    async def coded(_request: Request, exc: EventcoderError) -> JSONResponse:
        status = status_of(exc)
        headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
        if status >= 500:
            log.error("request failed: %s", exc)
        return JSONResponse(error_body(exc.message, exc.code, status), status, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = []
        for err in exc.errors():
            where = ".".join(str(x) for x in err.get("loc", ()) if x not in ("query", "body"))
            problems.append(f"{where or 'body'}: {err.get('msg', 'invalid')}")
        return JSONResponse(
            error_body("; ".join(problems), BadParameter.code, 400), BadParameter.status
        )

    @app.exception_handler(StarletteHTTPException)
    async def http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        kind: type[HttpError] = HttpError
        message = str(exc.detail)
        if exc.status_code == 404:
            kind, message = (
                NotFound,
                f"no such page: {request.url.path} (the API is in /openapi.json)",
            )
        elif exc.status_code == 405:
            kind, message = (
                MethodNotAllowed,
                f"{request.method} is not allowed on {request.url.path}",
            )
        return JSONResponse(
            error_body(message, kind.code, exc.status_code), exc.status_code, headers=exc.headers
        )

    @app.exception_handler(Exception)
    async def crash(_request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error: %s", exc)
        return JSONResponse(
            error_body("internal error; the server log has the details", HttpError.code, 500), 500
        )


def create_app(store: SqlStore, config: Config | None = None, *,
               pipeline: Pipeline | None = None) -> FastAPI:  # fmt: skip
    """The API and web map over ``store``; ``pipeline`` (else one from ``config``) codes POSTs."""
    state = AppState(
        store=store, review=Review(store), config=config or load_config(),
        taxonomy=load_taxonomy(), pipeline=pipeline,
    )  # fmt: skip
    app = FastAPI(
        title="eventcoder",
        summary="ACLED-format events coded from news, with their evidence; review with a token.",
        version="0.1.0",
        docs_url=None,
        redoc_url=None,
    )
    app.state.eventcoder = state
    _install_errors(app)

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(static_dir() / "index.html")

    app.mount("/static", StaticFiles(directory=static_dir()), name="static")

    @app.get("/events", responses=_ERRORS, tags=["events"])
    def list_events(
        request: Request,
        filters: Filters,
        limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 100,
        offset: Annotated[int, Query(ge=0)] = 0,
        sort: Annotated[Sort, Query(description="'-' first: descending.")] = "-event_date",
        format: Annotated[str | None, Query(description="json, csv or geojson.")] = None,
    ) -> Response:  # fmt: skip
        """Stored events, filtered and paged: JSON, ACLED CSV or GeoJSON (``format=``, ``Accept``).

        The total matching count is in the body (JSON, GeoJSON) and the ``X-Total-Count`` header.
        GeoJSON leaves out events without coordinates.
        """
        fmt = render.negotiate(format, request.headers.get("accept"))
        page = state.review.search(filters, limit=limit, offset=offset, sort=sort)
        headers = {"X-Total-Count": str(page.total)}
        if fmt == "csv":
            return Response(render.csv_text(page.events), media_type="text/csv; charset=utf-8",
                            headers=headers)  # fmt: skip
        members = {"total": page.total, "limit": limit, "offset": offset}
        if fmt == "geojson":
            body = render.geojson(page.events, page.reviewed, **members)
            return JSONResponse(body, media_type="application/geo+json", headers=headers)
        events = [render.summary(e, e.event_id_cnty in page.reviewed) for e in page.events]
        return JSONResponse({**members, "events": events}, headers=headers)

    @app.get("/events/{event_id}", responses=_ERRORS, tags=["events"])
    def get_event(event_id: str) -> dict[str, Any]:
        """One event: every field, its sources (with text), evidence spans in context, audit log."""
        return _detail(state, event_id)

    @app.patch("/events/{event_id}", responses=_WRITE_ERRORS, tags=["review"])
    def patch_event(event_id: str, patch: EventPatch, who: Reviewer) -> dict[str, Any]:
        """Correct fields (kept across re-coding, logged with who and when); marks it reviewed.

        An empty body only marks the event reviewed. Changing ``sub_event_type`` sets its
        ``event_type`` and ``disorder_type`` from ACLED's taxonomy.
        """
        changes = patch.changes(state.taxonomy, _current(state, event_id))
        state.review.correct(event_id, changes, who)
        return _detail(state, event_id)

    @app.delete("/events/{event_id}", responses=_WRITE_ERRORS, tags=["review"])
    def delete_event(event_id: str, who: Reviewer) -> dict[str, Any]:
        """Delete an event and the reports merged into it (logged; they stay deleted when their
        articles are coded again)."""
        reports = state.review.delete(event_id, who)
        return {"deleted": event_id, "by": who, "reports": list(reports)}

    @app.get("/stats", responses=_ERRORS, tags=["events"])
    def stats(
        filters: Filters,
        interval: Annotated[Literal["day", "week"], Query(description="Weeks start Monday.")] = "day",
        by: Annotated[Literal["event_type", "sub_event_type", "country", "none"],
                      Query(description="What each series counts.")] = "event_type",
    ) -> dict[str, Any]:  # fmt: skip
        """Events and fatalities per day or week, by event type, sub-event type or country."""
        rows = state.review.stats(filters, interval=interval, by=by)
        return {
            "interval": interval, "by": by,
            "series": [{"period": r.period, "key": r.key, "events": r.events,
                        "fatalities": r.fatalities} for r in rows],
            "total": {"events": sum(r.events for r in rows),
                      "fatalities": sum(r.fatalities for r in rows)},
        }  # fmt: skip

    @app.get("/facets", tags=["events"])
    def facets() -> dict[str, Any]:
        """What the filters can take: ACLED's event and sub-event types, the stored countries."""
        types: dict[str, list[str]] = {}
        for entry in state.taxonomy.entries:
            types.setdefault(entry.event_type, []).append(entry.sub_event_type)
        countries = state.review.countries()
        return {
            "event_types": types,
            "countries": [{"country": c, "events": n} for c, n in countries],
        }

    @app.get("/me", responses=_WRITE_ERRORS, tags=["review"])
    def me(who: Reviewer) -> dict[str, str]:
        """The name the sent token belongs to (the page checks a token with this)."""
        return {"name": who}

    @app.get("/audit", responses=_ERRORS, tags=["review"])
    def audit_log(
        event_id: str = "", limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 100
    ) -> dict[str, Any]:
        """The corrections made, newest first: who, when, the old and the new value."""
        return {"audit": [render.audit_json(a) for a in state.review.audit(event_id, limit)]}

    @app.post("/articles", status_code=201, responses=_WRITE_ERRORS, tags=["review"])
    def post_articles(body: ArticleIn | ArticleBatch, who: Reviewer) -> dict[str, Any]:
        """Code one article (``{"text": ...}``) or a batch (``{"articles": [...]}``); store events.

        A single article that cannot be coded answers 400 with its rejection code; in a batch the
        rejections are listed and the rest is stored.
        """
        items = body.articles if isinstance(body, ArticleBatch) else [body]
        if len(items) > MAX_BATCH:
            raise BadParameter(f"at most {MAX_BATCH} articles a request, not {len(items)}")
        with state.lock:
            pipeline = state.get_pipeline()
            max_bytes = limits_of(pipeline).max_bytes
            articles = []
            for item in items:
                if len(item.text.encode("utf-8")) > max_bytes:
                    raise TooLarge(f"an article is over {max_bytes:,} bytes", source=item.url)
                articles.append(Article(
                    id=Article.make_id(item.text, item.url), text=item.text, title=item.title,
                    url=item.url, published=item.published, source=item.source,
                    origin=item.url or f"<POST /articles by {who}>",
                ))  # fmt: skip
            report = code_articles(pipeline, articles, state.store, keep=True)
        if isinstance(body, ArticleIn) and report.rejected:
            rej = report.rejected[0]
            raise Rejected(f"the article was not coded: {rej.reason}", code=rej.code)
        log.info("POST /articles by %s: %d coded, %d rejected", who, report.coded,
                 len(report.rejected))  # fmt: skip
        return {
            "coded": report.coded,
            "rejected": [{"source": r.source, "code": r.code, "reason": r.reason, "stage": r.stage}
                         for r in report.rejected],
            "events": [render.summary(e, False) for w in report.works for e in w.events],
        }  # fmt: skip

    return app


def _current(state: AppState, event_id: str) -> dict[str, Any]:
    record, _sources, _audit, _reviewed = state.review.detail(event_id)
    return render.summary(record, False)


def _detail(state: AppState, event_id: str) -> dict[str, Any]:
    record, sources, audit, reviewed = state.review.detail(event_id)
    corrected = state.review.corrected_fields([event_id]).get(event_id, set())
    return render.detail_json(record, sources, audit, reviewed, corrected)

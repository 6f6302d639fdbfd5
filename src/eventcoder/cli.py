"""The ``eventcoder`` command: thin click commands over the library. The only module importing click.

Each command parses options, calls one library function and prints. An
:class:`~eventcoder.errors.EventcoderError` becomes a one-line message and exit status 1 (the
traceback with ``--debug``).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from datetime import date
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from .errors import EventcoderError

F = TypeVar("F", bound=Callable[..., Any])


def _errors_as_messages(fn: F) -> F:
    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        ctx = click.get_current_context()
        try:
            return fn(*args, **kwargs)
        except EventcoderError as exc:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(f"error: {exc}", err=True)
            sys.exit(1)

    return wrapper  # type: ignore[return-value]


def _config(ctx: click.Context, **values: Any) -> Any:
    from .config import load_config

    return load_config(ctx.obj.get("config"), overrides=values)


@click.group()
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="A TOML config file.")
@click.option("--debug", is_flag=True, help="Show tracebacks.")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
@click.version_option(package_name="eventcoder")
@click.pass_context
def main(ctx: click.Context, config_path: str | None, debug: bool, verbose: int) -> None:
    """Code news about political violence and protest into ACLED-format events."""
    ctx.obj = {"config": config_path, "debug": debug}
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write .csv, .jsonl or .geojson.")
@click.option("--db", help="Store URL (SQLAlchemy) or SQLite path; default from config.")
@click.option("--scope", type=click.Choice(["acled", "all"]), help="What to code (default acled).")
@click.option("--published", type=click.DateTime(["%Y-%m-%d"]), help="Publication date for inputs without one.")
@click.pass_context
@_errors_as_messages
def code(ctx: click.Context, inputs: tuple[str, ...], output: str | None, db: str | None,
         scope: str | None, published: Any) -> None:
    """Code INPUTS (files, directories, or - for stdin) and store the events."""
    from . import report
    from .batch import code_inputs
    from .pipeline import Pipeline
    from .store import open_store

    config = _config(ctx, **{"store.url": db, "pipeline.scope": scope})
    pipeline = Pipeline.from_config(config)
    store = open_store(str(config.get("store", "url")))
    pub: date | None = published.date() if published else None
    with report.progress(enabled=sys.stderr.isatty()) as tick:
        result = code_inputs(pipeline, list(inputs), store, published=pub, keep=True, on_outcome=tick)
    store.close()
    events = [e for w in result.works for e in w.events]
    if output:
        from .export import write_events

        write_events(events, output)
    else:
        click.echo(report.table(events))
    for rej in result.rejected:
        click.echo(f"rejected: {rej.source}: {rej.reason} ({rej.code})", err=True)
    click.echo(report.summary(result), err=True)
    sys.exit(0 if result.ok else 1)


@main.command()
@click.option("--db", help="Store URL (SQLAlchemy) or SQLite path; default from config.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), required=True)
@click.pass_context
@_errors_as_messages
def export(ctx: click.Context, db: str | None, output: str) -> None:
    """Export the stored events to OUTPUT (.csv, .jsonl or .geojson)."""
    from .export import write_events
    from .store import open_store

    store = open_store(str(_config(ctx, **{"store.url": db}).get("store", "url")))
    n = write_events(store.events(), output)
    store.close()
    click.echo(f"{n:,} events written to {output}", err=True)


@main.command()
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--pred", type=click.Path(exists=True, dir_okay=False), help="Score these predictions instead of coding.")
@click.option("--holdout/--all-rows", default=False, help="Score only the held-out fifth (bench/split.py rule).")
@click.option("--limit", type=int, default=0, help="At most this many gold rows.")
@click.option("--by", "by_column", default="", help="Also report per value of this gold column (e.g. dataset).")
@click.pass_context
@_errors_as_messages
def evaluate(ctx: click.Context, gold: str, pred: str | None, holdout: bool, limit: int,
             by_column: str) -> None:
    """Code the notes of an ACLED-format GOLD file and print per-field scores."""
    from . import report

    rows = report.select_gold(gold, holdout=holdout, limit=limit)
    predicted = report.predict_or_read(rows, pred, _config(ctx) if not pred else None)
    click.echo("\n".join(report.score_lines(rows, predicted, by_column)))


@main.command()
@click.argument("gold", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="Model file to write.")
@click.option("--exclude-holdout", is_flag=True, help="Leave out the held-out fifth of the rows.")
@click.option("--kind", type=click.Choice(["events", "country", "area"]), default="events",
              help="events: the sub-event classifier; country and area: the places stage's "
                   "text-to-country and text-to-admin1 fallbacks.")
@click.option("--min-examples", type=int, default=10, show_default=True,
              help="area: leave out admin areas with fewer notes than this.")
@_errors_as_messages
def train(
    gold: tuple[str, ...], output: str, exclude_holdout: bool, kind: str, min_examples: int
) -> None:
    """Train a model from ACLED-format GOLD files with notes."""
    from .classify import load_taxonomy, read_gold, save_model, train_country_model, train_model
    from .holdout import is_holdout

    keep = (lambda row: not is_holdout(row["notes"])) if exclude_holdout else None
    label = {"events": "sub_event_type", "country": "country", "area": "country|admin1"}[kind]
    pairs = read_gold(gold, keep=keep, label=label)
    if kind == "events":
        model = train_model(pairs, load_taxonomy(), sources=[Path(g).name for g in gold])
    elif kind == "area":
        # Word 1-2-grams ("Al Shabaab", "cattle rustlers"); admin areas with fewer than 10 notes
        # are left out, which keeps the file small (98 areas in the dev data; measured on a
        # validation fifth of the non-holdout notes, 147 of 389 right where no place is named,
        # against 76 for the capital).
        model = train_country_model(
            pairs, ngrams=(1, 2), max_features=20_000, min_examples=min_examples
        )
    else:
        model = train_country_model(pairs)
    save_model(model, output)
    click.echo(f"trained on {len(pairs):,} examples; wrote {output}", err=True)


@main.command()
def stages() -> None:
    """List the registered stages."""
    from .registry import all_stages

    for info in all_stages():
        needs = ", ".join(info.requires) or "-"
        click.echo(f"{info.name:<12} v{info.version}  needs {needs:<28} {info.doc}")


@main.command()
@click.option("--db", help="Store URL (SQLAlchemy) or SQLite path; default from config.")
@click.pass_context
@_errors_as_messages
def rejections(ctx: click.Context, db: str | None) -> None:
    """List the inputs that could not be coded, and why."""
    from .store import open_store

    store = open_store(str(_config(ctx, **{"store.url": db}).get("store", "url")))
    for rej in store.rejections():
        click.echo(f"{rej.source}\t{rej.code}\t{rej.stage}\t{rej.reason}")
    store.close()


@main.command()
@click.argument("event_id")
@click.option("--db", help="Store URL (SQLAlchemy) or SQLite path; default from config.")
@click.pass_context
@_errors_as_messages
def explain(ctx: click.Context, event_id: str, db: str | None) -> None:
    """Show which reports were merged into EVENT_ID, and why: the scores per criterion."""
    from .store import open_store

    store = open_store(str(_config(ctx, **{"store.url": db}).get("store", "url")))
    try:
        click.echo("\n".join(store.explain(event_id).lines()))
    finally:
        store.close()


@main.command()
@click.option("--db", help="Store URL (SQLAlchemy) or SQLite path; default from config.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.pass_context
@_errors_as_messages
def serve(ctx: click.Context, db: str | None, host: str, port: int) -> None:
    """Serve the HTTP API and the web map over the store (docs/web.md)."""
    import uvicorn

    from .store import open_store
    from .web import create_app

    config = _config(ctx, **{"store.url": db})
    store = open_store(str(config.get("store", "url")))
    base = f"http://{host}:{port}"
    click.echo(f"eventcoder: the map at {base}/, the API described at {base}/openapi.json", err=True)
    try:
        uvicorn.run(create_app(store, config), host=host, port=port, log_level="warning")
    finally:
        store.close()


@main.group()
def token() -> None:
    """Tokens for the web API's writes (review, delete, POST /articles)."""


@token.command("create")
@click.argument("name")
@click.option("--db", help="Store URL (SQLAlchemy) or SQLite path; default from config.")
@click.pass_context
@_errors_as_messages
def token_create(ctx: click.Context, name: str, db: str | None) -> None:
    """Make a token for reviewer NAME; it is shown once (only its hash is stored)."""
    from .store import open_store
    from .store.review import Review

    store = open_store(str(_config(ctx, **{"store.url": db}).get("store", "url")))
    secret = Review(store).create_token(name)
    store.close()
    click.echo(secret)
    click.echo(f"token for {name!r}: send it as 'Authorization: Bearer TOKEN'; it is not shown again",
               err=True)


@token.command("list")
@click.option("--db", help="Store URL (SQLAlchemy) or SQLite path; default from config.")
@click.pass_context
@_errors_as_messages
def token_list(ctx: click.Context, db: str | None) -> None:
    """List the tokens' names, when made, and whether revoked."""
    from .store import open_store
    from .store.review import Review

    store = open_store(str(_config(ctx, **{"store.url": db}).get("store", "url")))
    for name, created, revoked in Review(store).token_names():
        made = date.fromtimestamp(created).isoformat()
        click.echo(f"{name}\tcreated {made}\t{'revoked' if revoked else 'live'}")
    store.close()


@token.command("revoke")
@click.argument("name")
@click.option("--db", help="Store URL (SQLAlchemy) or SQLite path; default from config.")
@click.pass_context
@_errors_as_messages
def token_revoke(ctx: click.Context, name: str, db: str | None) -> None:
    """Revoke reviewer NAME's token; their past corrections stay in the audit log."""
    from .store import open_store
    from .store.review import Review

    store = open_store(str(_config(ctx, **{"store.url": db}).get("store", "url")))
    Review(store).revoke_token(name)
    store.close()
    click.echo(f"revoked {name!r}", err=True)


@main.group()
def gazetteer() -> None:
    """The place index: import a full GeoNames dump for every village (docs/gazetteer.md)."""


@gazetteer.command("import")
@click.argument("dump", type=click.Path(dir_okay=False))
@click.option("--admin1", type=click.Path(dir_okay=False), help="GeoNames admin1CodesASCII.txt.")
@click.option("--admin2", type=click.Path(dir_okay=False), help="GeoNames admin2Codes.txt.")
@click.pass_context
@_errors_as_messages
def gazetteer_import(ctx: click.Context, dump: str, admin1: str | None, admin2: str | None) -> None:
    """Import DUMP (allCountries.zip, SY.zip or its .txt): its towns, villages and admin areas."""
    from .geonames import import_geonames

    cache_dir = _config(ctx).section("places").get("cache_dir") or None
    result = import_geonames(dump, cache_dir=cache_dir, admin1=admin1, admin2=admin2)
    for problem in result.problems:
        click.echo(f"skipped: {problem}", err=True)
    click.echo(f"{result.kept:,} places imported from {result.source} ({result.replaced:,} replaced, "
               f"{result.skipped:,} lines of other features, {result.bad:,} malformed)", err=True)


@gazetteer.command("info")
@click.pass_context
@_errors_as_messages
def gazetteer_info(ctx: click.Context) -> None:
    """Show the index's places per level and the imported GeoNames files."""
    from .geonames import gazetteer_info as info_of

    info = info_of(_config(ctx).section("places").get("cache_dir") or None)
    levels = {0: "countries", 1: "admin1", 2: "admin2", 3: "towns"}
    click.echo(f"index {info.index_path}")
    for level, count in info.index_places.items():
        click.echo(f"  {levels.get(level, level)}: {count:,}")
    click.echo(f"imports {info.user_path}" + ("" if info.imports else " (none)"))
    for source, kept, bad, when in info.imports:
        click.echo(f"  {source}: {kept:,} places, {bad:,} malformed lines skipped, {when}")

"""How fast ``GET /events`` (and friends) answer over a store of 100k synthetic events.

Builds a SQLite store (default /tmp/eventcoder_bench_web.db; reused when it already holds the
requested count, --rebuild to make it again) of N synthetic events: 1 in 10 articles per event
batch, 20 countries, the 25 ACLED sub-event types, dates over three years, coordinates around
each country's centre, two evidence spans each. The rows are bulk-inserted through the store's
own table definitions (coding 100k articles would take hours and is not what is measured).

Then times requests through the ASGI app in-process (FastAPI's TestClient: routing, validation,
the SQL, serialisation; no network) and prints, per request, the median and 95th percentile.

    .venv/bin/python bench/web_events.py [--events 100000] [--repeat 30] [--rebuild]
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
import warnings
from datetime import date, timedelta
from pathlib import Path

from eventcoder.classify import load_taxonomy
from eventcoder.config import load_config
from eventcoder.store import open_store
from eventcoder.store.sql import articles, events, evidence
from eventcoder.web import create_app

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

# (country, ISO 3166 numeric, region, latitude, longitude): rough centres, for plausible points.
COUNTRIES = [
    ("Syria", 760, "Middle East", 35.0, 38.5), ("Yemen", 887, "Middle East", 15.6, 48.0),
    ("Iraq", 368, "Middle East", 33.2, 43.7), ("Somalia", 706, "Eastern Africa", 5.2, 46.2),
    ("Kenya", 404, "Eastern Africa", 0.2, 37.9), ("Ethiopia", 231, "Eastern Africa", 9.1, 40.5),
    ("Sudan", 729, "Northern Africa", 15.5, 30.2), ("Nigeria", 566, "Western Africa", 9.1, 8.7),
    ("Mali", 466, "Western Africa", 17.6, -4.0), ("Burkina Faso", 854, "Western Africa", 12.2, -1.6),
    ("Democratic Republic of Congo", 180, "Middle Africa", -2.9, 23.7),
    ("Myanmar", 104, "Southeast Asia", 21.9, 95.9), ("Philippines", 608, "Southeast Asia", 12.9, 121.8),
    ("Bangladesh", 50, "Southern Asia", 23.7, 90.4), ("Pakistan", 586, "Southern Asia", 30.4, 69.3),
    ("Afghanistan", 4, "Caspian", 33.9, 67.7), ("Ukraine", 804, "Europe", 48.4, 31.2),
    ("Mexico", 484, "Central America", 23.6, -102.6), ("Colombia", 170, "South America", 4.6, -74.3),
    ("Brazil", 76, "South America", -14.2, -51.9),
]  # fmt: skip
ACTORS = ["Military Forces", "Police Forces", "Rebel Group", "Unidentified Armed Group", "Protesters",
          "Rioters", "Civilians", "Communal Militia", "Islamic State", "Al Shabaab"]  # fmt: skip
EVENTS_PER_ARTICLE = 10
START = date(2022, 1, 1)
DAYS = 3 * 365


def build(path: Path, n: int, seed: int = 7) -> None:
    """Fill a new store at ``path`` with ``n`` synthetic events."""
    path.unlink(missing_ok=True)
    for extra in ("-wal", "-shm"):
        Path(f"{path}{extra}").unlink(missing_ok=True)
    store = open_store(f"sqlite:///{path}")
    rng = random.Random(seed)
    subs = load_taxonomy().entries
    now = time.time()
    article_rows, event_rows, evidence_rows = [], [], []
    text = "Synthetic article body for the web benchmark. " * 8
    for i in range(n):
        aid = f"a{i // EVENTS_PER_ARTICLE:07d}"
        if i % EVENTS_PER_ARTICLE == 0:
            article_rows.append({"id": aid, "origin": "bench", "url": f"https://bench.example/{aid}",
                                 "title": f"Article {aid}", "published": None, "source": "bench",
                                 "text": text, "first_seen": now + i, "coded_at": now + i})  # fmt: skip
        country, iso, region, lat, lon = rng.choice(COUNTRIES)
        entry = rng.choice(subs)
        actor = f"{rng.choice(ACTORS)} ({country})"
        eid = f"e{i:015d}"
        event_rows.append({
            "event_id_cnty": eid, "article_id": aid, "position": i % EVENTS_PER_ARTICLE,
            "event_date": (START + timedelta(days=rng.randrange(DAYS))).isoformat(),
            "time_precision": 1, "disorder_type": entry.disorder_type, "event_type": entry.event_type,
            "sub_event_type": entry.sub_event_type, "actor1": actor, "assoc_actor_1": "", "inter1": 1,
            "actor2": "Civilians" if rng.random() < 0.3 else "", "assoc_actor_2": "", "inter2": 0,
            "civilian_targeting": "", "iso": iso, "region": region, "country": country,
            "admin1": f"{country} Province {rng.randrange(12)}", "admin2": "", "admin3": "",
            "location": f"Town {rng.randrange(400)}", "latitude": lat + rng.uniform(-3, 3),
            "longitude": lon + rng.uniform(-3, 3), "geo_precision": 2, "source": "bench",
            "source_scale": "", "notes": f"On a day, {actor} clashed near Town {rng.randrange(400)}.",
            "fatalities": rng.choice([0, 0, 0, 1, 2, 3, 5, 10, 25]), "wounded": None, "tags": "",
            "timestamp": int(now), "article_ids": aid, "confidence": 0.5, "mentions": "[[0, 0, 10, \"\", 0.5]]",
        })  # fmt: skip
        for field_name in ("fatalities", "location"):
            evidence_rows.append({"event_id": eid, "article_id": aid, "field": field_name, "start": 0,
                                  "end": 9, "text": text[:9], "stage": "bench", "version": 1})  # fmt: skip
    with store.engine.begin() as conn:
        conn.execute(articles.insert(), article_rows)
        conn.execute(events.insert(), event_rows)
        conn.execute(evidence.insert(), evidence_rows)
        conn.exec_driver_sql("ANALYZE")
    store.close()


def count(path: Path) -> int:
    if not path.exists():
        return -1
    store = open_store(f"sqlite:///{path}")
    with store.engine.connect() as conn:
        n = int(conn.exec_driver_sql("SELECT count(*) FROM events").scalar_one())
    store.close()
    return n


REQUESTS = [
    ("first page (100, newest first)", "/events"),
    ("page 500 (offset 50,000)", "/events?offset=50000"),
    ("country", "/events?country=Kenya"),
    ("country + event_type + dates", "/events?country=Syria&event_type=Battles&start=2023-01-01&end=2023-06-30"),
    ("admin1", "/events?admin1=Mali%20Province%203"),
    ("sub_event_type", "/events?sub_event_type=Air/drone%20strike"),
    ("bbox (East Africa)", "/events?bbox=30,-5,50,12"),
    ("actor substring", "/events?actor=shabaab"),
    ("text query", "/events?q=town%2012"),
    ("sort by fatalities", "/events?sort=-fatalities"),
    ("CSV, 100", "/events?format=csv"),
    ("GeoJSON, 1,000", "/events?format=geojson&limit=1000"),
    ("one event's detail", "/events/e000000000050000"),
    ("stats per week by type", "/stats?interval=week"),
]  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--db", type=Path, default=Path("/tmp/eventcoder_bench_web.db"))
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()

    if args.rebuild or count(args.db) != args.events:
        t0 = time.perf_counter()
        build(args.db, args.events)
        print(f"built {args.events:,} events in {time.perf_counter() - t0:.1f} s: {args.db}")
    store = open_store(f"sqlite:///{args.db}")
    client = TestClient(create_app(store, load_config(environ={})))
    print(f"{'request':<34} {'median ms':>9} {'p95 ms':>7}  matched")
    for label, url in REQUESTS:
        client.get(url)  # warm the page cache and the statement cache
        times = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            r = client.get(url)
            times.append((time.perf_counter() - t0) * 1000)
            assert r.status_code == 200, r.text
        total = r.headers.get("x-total-count", "")
        p95 = statistics.quantiles(times, n=20)[-1]
        print(f"{label:<34} {statistics.median(times):9.1f} {p95:7.1f}  {total}")
    store.close()


if __name__ == "__main__":
    main()

"""Merge cost at scale: seconds to place 1k, 10k and 100k events (run by hand).

    .venv/bin/python bench/merge_scale.py [--sizes 1000,10000,100000] [--store-up-to 10000]

Synthetic events (no pipeline): distinct events spread over 40 countries, each reported by one to
three articles whose records differ a little (a day off, another outlet, a fatality figure), so
that about 43% of the records merge. Two spreads in time: "steady" (the span grows with the size,
~0.35 records per country and day, as a store grows by covering more time) and "dense" (every size
within two years, so a 100k store has ten times the records per country and day of a 10k one).
Each size is placed by the :class:`~eventcoder.merge.Merger` in memory (blocking by country and
date window, and by name), and, up to ``--store-up-to`` records, also through the batch boundary
into a fresh SQLite store (merging plus writing). Near-linear cost shows as a steady time per
record across sizes; in the dense spread it grows with the records per block, not with the store.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from dataclasses import replace
from datetime import date, timedelta

from eventcoder.batch import store_outcomes
from eventcoder.merge import Merger
from eventcoder.model import Article, EventRecord, Evidence, Mention, Span, Work
from eventcoder.pipeline import Outcome
from eventcoder.store import open_store

COUNTRIES = [f"Country {i}" for i in range(40)]
TYPES = [("Battles", "Armed clash"), ("Violence against civilians", "Attack"),
         ("Protests", "Peaceful protest"),
         ("Explosions/Remote violence", "Air/drone strike")]  # fmt: skip
SYLLABLES = "ka mu ri to se na bo li wa je ha du mi ro fa".split()


def _name(rng: random.Random) -> str:
    """A made-up proper name (three syllables: 3,375 of them), as news reports name people."""
    return "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()


def synthetic_works(n_events: int, span_days: int, seed: int = 7) -> list[Work]:
    """``n_events`` records, one per article; the reports of one event share its names."""
    rng = random.Random(seed)
    works: list[Work] = []
    start = date(2023, 1, 1)
    i = 0
    while len(works) < n_events:
        i += 1
        country = rng.choice(COUNTRIES)
        day = start + timedelta(days=rng.randrange(span_days))
        lat, lon = rng.uniform(-30, 30), rng.uniform(-20, 60)
        event_type, sub = rng.choice(TYPES)
        town, person = _name(rng), f"{_name(rng)} {_name(rng)}"
        for r in range(rng.choice([1, 1, 2, 3])):
            text = (f"{person} was among those caught up in the {sub.lower()} in {town} "
                    f"(report {r} of event {i}), residents said.")  # fmt: skip
            aid = Article.make_id(text)
            at = text.index(town)
            span = Span(0, len(text), text)
            record = EventRecord(
                article_ids=(aid,), event_type=event_type, sub_event_type=sub,
                disorder_type="Political violence", confidence=0.8,
                mentions=(Mention(0, span, sub, 0.8),), event_id_cnty=f"e{i}-{r}",
                event_date=day + timedelta(days=rng.choice([0, 0, 1])), time_precision=1,
                country=country, location=town, latitude=lat, longitude=lon, geo_precision=1,
                source=f"outlet{r}.example", fatalities=rng.choice([0, 1, 2]),
                evidence=(Evidence("location", Span(at, at + len(town), town), "places", 1),),
            )  # fmt: skip
            article = Article(id=aid, text=text, published=day + timedelta(days=1))
            works.append(Work(article=article, events=(replace(record),)))
    rng.shuffle(works)
    works.sort(key=lambda w: w.article.published or start)
    return works[:n_events]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--store-up-to", type=int, default=10000)
    args = ap.parse_args()
    print(f"{'spread':>7} {'records':>8} {'merged':>8} {'memory s':>9} {'us/rec':>7} "
          f"{'store s':>8} {'us/rec':>7}")  # fmt: skip
    for spread, n in ((s, int(x)) for s in ("steady", "dense") for x in args.sizes.split(",")):
        # steady: 0.35 records per country-day (1k records: 73 days; 100k: 20 years).
        span = max(1, round(n / (0.35 * len(COUNTRIES)))) if spread == "steady" else 730
        works = synthetic_works(n, span)
        merger = Merger()
        t0 = time.perf_counter()
        merged = sum(len(merger.place(w).links) for w in works)
        mem = time.perf_counter() - t0
        line = f"{spread:>7} {n:>8} {merged:>8} {mem:>9.2f} {1e6 * mem / n:>7.0f}"
        if n <= args.store_up_to:
            with tempfile.TemporaryDirectory() as tmp:
                store = open_store(f"sqlite:///{tmp}/scale.db")
                t0 = time.perf_counter()
                store_outcomes((Outcome(source="", work=w) for w in works), store, commit_every=200)
                db = time.perf_counter() - t0
                store.close()
            line += f" {db:>8.1f} {1e6 * db / n:>7.0f}"
        print(line, flush=True)


if __name__ == "__main__":
    main()

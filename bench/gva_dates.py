"""Date accuracy on GVA full news articles with publication dates (run by hand).

    .venv/bin/python bench/gva_dates.py [--n 300] [--split train|holdout] [--show 30]
                                        [--stages clean,nlp,events,dates] [--context]

Reads ../shared/data/dev/gva_incidents_dev.jsonl (gun-violence incidents with a gold date and
several news articles, each with its "dct" publication date), keeps the incidents on one side of
the split (``eventcoder.holdout.is_holdout(str(incident_id))``), codes up to N of their articles
with the pipeline at ``pipeline.scope = "all"`` and compares each article's main event
(``events[0]``) date with the incident's date. Prints date exact over the articles with an event
and over all articles (an article with no event counts as wrong), the share of articles whose
publication date is the incident date (what "published = event date" would score), and the first
``--show`` mismatches (incident date, predicted, publication date, the evidence span). Prints to
the terminal only: dev articles never enter the repo.

Some of an incident's articles are about another incident (GVA lists every source it used), so
100 % is out of reach; the issue's target is 0.75 on the articles with an event.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Iterator
from datetime import date

from gva import incidents

from eventcoder.config import load_config
from eventcoder.model import Article
from eventcoder.pipeline import Pipeline


def gva_articles(split: str) -> Iterator[tuple[Article, date]]:
    """Articles with a publication date and their incident's date, one side of the split."""
    for incident in incidents(split):
        for article in incident.articles:
            if article.published is not None:
                yield article, incident.date


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--split", choices=["train", "holdout"], default="train")
    ap.add_argument("--show", type=int, default=30)
    ap.add_argument("--stages", default="")
    ap.add_argument("--context", action="store_true", help="print the event's and the date's sentences")
    args = ap.parse_args()
    overrides: dict[str, object] = {"pipeline.scope": "all"}
    if args.stages:
        overrides["pipeline.stages"] = args.stages.split(",")
    pipeline = Pipeline.from_config(load_config(overrides=overrides))
    pairs = []
    for pair in gva_articles(args.split):
        pairs.append(pair)
        if len(pairs) >= args.n:
            break
    gold = {a.id: g for a, g in pairs}
    t0 = time.perf_counter()
    right = with_event = 0
    misses: list[str] = []
    for outcome in pipeline.run_many([a for a, _ in pairs]):
        if outcome.work is None or not outcome.work.events:
            continue
        work = outcome.work
        main_event = work.events[0]
        with_event += 1
        if main_event.event_date == gold[work.article.id]:
            right += 1
            continue
        ev = main_event.evidence_for("event_date")
        said = ev[0].span.text if ev else "<publication date>"
        misses.append(f"- gold {gold[work.article.id]} pred {main_event.event_date} "
                      f"p{main_event.time_precision} published {work.article.published} from {said!r}")  # fmt: skip
        if args.context:
            misses.append(f"    event: {main_event.mentions[0].span.text[:240]!r}")
            if ev:
                start = ev[0].span.start
                misses.append(f"    date:  {work.article.text[max(0, start - 120) : start + 80]!r}")
    secs = time.perf_counter() - t0
    n = len(pairs)
    on_pub = sum(a.published == g for a, g in pairs)
    print(f"{args.split}: {n} articles in {secs:.0f} s, {with_event} with an event")
    print(f"date exact (articles with an event): {right / max(with_event, 1):.3f} ({right}/{with_event})")
    print(f"date exact (all articles): {right / max(n, 1):.3f} ({right}/{n})")
    print(f"published on the incident date: {on_pub / max(n, 1):.3f}")
    for line in misses[: args.show * (3 if args.context else 1)]:
        print(line)


if __name__ == "__main__":
    main()

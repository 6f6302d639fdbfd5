"""Throughput: articles/s and peak memory coding GVA full news articles (run by hand).

    .venv/bin/python bench/throughput.py [--n 1000] [--stages clean,nlp,events,...] [--scope all]

Reads the first N articles of ../shared/data/dev/gva_incidents_dev.jsonl (full news texts with
publication dates), codes them with the default pipeline (no store), and prints articles/s, events
per article, the time each stage took, articles/s without the events classifier's time, and the
peak resident memory. Data stays outside the repo.
"""

from __future__ import annotations

import argparse
import resource
import time
from collections import defaultdict
from typing import Any

from gva import incidents

from eventcoder.config import load_config
from eventcoder.model import Article, Work
from eventcoder.pipeline import Pipeline


def gva_articles(n: int) -> list[Article]:
    """The first ``n`` GVA articles with text."""
    out: list[Article] = []
    for incident in incidents():
        out.extend(incident.articles)
        if len(out) >= n:
            break
    return out[:n]


class Timed:
    """A stage wrapped to add up the seconds spent in it (batch or one by one)."""

    def __init__(self, stage: Any, name: str, totals: dict[str, float]) -> None:
        self.stage, self.name, self.totals = stage, name, totals
        if hasattr(stage, "batch"):
            self.batch = self._batch

    def __call__(self, work: Work) -> Work:
        t0 = time.perf_counter()
        try:
            return self.stage(work)
        finally:
            self.totals[self.name] += time.perf_counter() - t0

    def _batch(self, works: list[Work]) -> list[Work]:
        t0 = time.perf_counter()
        try:
            return self.stage.batch(works)
        finally:
            self.totals[self.name] += time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--stages", default="")
    ap.add_argument("--scope", default="all")
    args = ap.parse_args()
    overrides: dict[str, object] = {"pipeline.scope": args.scope}
    if args.stages:
        overrides["pipeline.stages"] = args.stages.split(",")
    t0 = time.perf_counter()
    pipeline = Pipeline.from_config(load_config(overrides=overrides))
    load_s = time.perf_counter() - t0
    articles = gva_articles(args.n)
    per_stage: dict[str, float] = defaultdict(float)
    pipeline.stages = [Timed(st, info.name, per_stage) for st, info in zip(pipeline.stages, pipeline.infos, strict=True)]
    events = rejected = 0
    t0 = time.perf_counter()
    for outcome in pipeline.run_many(articles):
        if outcome.work is not None:
            events += len(outcome.work.events)
        else:
            rejected += 1
    elapsed = time.perf_counter() - t0
    chars = sum(len(a.text) for a in articles)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles: {len(articles)} ({chars / len(articles):.0f} chars on average)")
    print(f"pipeline load: {load_s:.1f} s")
    print(f"coding: {elapsed:.1f} s = {len(articles) / elapsed:.1f} articles/s")
    print(f"events: {events} ({events / len(articles):.2f} per article), rejected: {rejected}")
    for name, secs in per_stage.items():
        print(f"  {name:<12} {secs:7.1f} s  {100 * secs / elapsed:5.1f}%")
    # The classifier's cost (issue #3's budget: at most 20% added per article): the same run
    # with the events stage's own time taken out.
    without = elapsed - per_stage.get("events", 0.0)
    print(f"without the events classifier's time: {len(articles) / without:.1f} articles/s")
    print(f"peak memory: {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()

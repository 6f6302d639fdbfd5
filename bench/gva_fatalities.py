"""Killed and injured counts on GVA full news articles against the incident's gold (run by hand).

    .venv/bin/python bench/gva_fatalities.py [--n 300] [--split train|holdout] [--show 20]

Reads ../shared/data/dev/gva_incidents_dev.jsonl (US gun-violence incidents with gold
``num_killed`` / ``num_injured`` and the full texts of their news articles, with publication
dates), codes the first N articles of the chosen side of the split (by incident id, see
``eventcoder.holdout``) with the default pipeline and ``pipeline.scope = "all"``, and compares
each article's main event (``events[0]``) with its incident: ``fatalities`` against
``num_killed`` and ``wounded`` (none reported counts as 0) against ``num_injured``. An article
with no event counts as a miss. Tune on the training side only; report the holdout once.
Prints to the terminal only: dev texts never enter the repo.
"""

from __future__ import annotations

import argparse
import time

from gva import incidents

from eventcoder.config import load_config
from eventcoder.model import Article
from eventcoder.pipeline import Pipeline


def gva_articles(n: int, holdout: bool) -> tuple[list[Article], dict[str, tuple[int, int]]]:
    """The first ``n`` articles of one side of the split, and each one's gold (killed, injured)."""
    articles: list[Article] = []
    gold: dict[str, tuple[int, int]] = {}
    for incident in incidents("holdout" if holdout else "train"):
        for article in incident.articles[: n - len(articles)]:
            articles.append(article)
            gold[article.id] = (incident.killed, incident.injured)
        if len(articles) >= n:
            break
    return articles, gold


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--split", choices=["train", "holdout"], default="train")
    ap.add_argument("--show", type=int, default=20)
    args = ap.parse_args()
    pipeline = Pipeline.from_config(load_config(overrides={"pipeline.scope": "all"}))
    articles, gold = gva_articles(args.n, args.split == "holdout")
    t0 = time.perf_counter()
    predicted: dict[str, tuple[int, int] | None] = {a.id: None for a in articles}
    for outcome in pipeline.run_many(articles):
        work = outcome.work
        if work is not None and work.events:
            main_event = work.events[0]
            predicted[work.article.id] = (main_event.fatalities, main_event.wounded or 0)
    secs = time.perf_counter() - t0
    n = len(articles)
    killed_ok = sum(1 for a in articles if (p := predicted[a.id]) and p[0] == gold[a.id][0])
    injured_ok = sum(1 for a in articles if (p := predicted[a.id]) and p[1] == gold[a.id][1])
    dead = [a for a in articles if gold[a.id][0] > 0]
    dead_ok = sum(1 for a in dead if (p := predicted[a.id]) and p[0] == gold[a.id][0])
    no_event = sum(1 for a in articles if predicted[a.id] is None)
    print(f"GVA {args.split}: {n} articles in {secs:.0f} s, {no_event} with no event")
    print(f"killed exact:  {killed_ok / n:.3f} ({killed_ok}/{n}); where gold > 0: "
          f"{dead_ok / max(len(dead), 1):.3f} ({dead_ok}/{len(dead)})")  # fmt: skip
    print(f"injured exact: {injured_ok / n:.3f} ({injured_ok}/{n})")
    shown = 0
    for a in articles:
        p = predicted[a.id]
        if shown >= args.show or (p is not None and p[0] == gold[a.id][0]):
            continue
        shown += 1
        print(f"- gold {gold[a.id]} pred {p} {a.origin} {a.text[:160]!r}")


if __name__ == "__main__":
    main()

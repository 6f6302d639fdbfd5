"""Merging on GVA: do the news reports of one shooting become one event? (run by hand)

    .venv/bin/python bench/merge_gva.py [--split train|holdout] [--incidents 400] [--cache DIR]

Reads ../shared/data/dev/gva_incidents_dev.jsonl (Gun Violence Archive incidents, each with the
news articles that reported it), keeps the first N incidents of one side of the split
(``eventcoder.holdout.is_holdout(str(incident_id))``), codes their articles with the default
pipeline (``--scope all``: shootings are crime, out of ACLED's scope), feeds them in order of
publication through the batch boundary into a fresh SQLite store (copies found, events merged), and
scores the clustering of articles against the gold incidents with B-cubed precision, recall and F1
(each article is placed in the event of its main event; an article with no event, or rejected, is a
cluster of its own unless it copies another). Also prints events per incident: the distinct events
holding the incidents' articles' main events, over the incidents (1.0 is ideal), and all stored
events over the incidents. ``--cache DIR`` keeps the coded articles (a pickle) so that a second run
re-merges without re-coding. Data stays outside the repo. Tune on train; report holdout once.
"""

from __future__ import annotations

import argparse
import pickle
import tempfile
import time
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

from gva import incidents

from eventcoder.batch import store_outcomes
from eventcoder.config import load_config
from eventcoder.model import Article, Work
from eventcoder.pipeline import Outcome, Pipeline
from eventcoder.store import open_store


def gva_sample(split: str, n_incidents: int) -> tuple[list[Article], dict[str, str]]:
    """Articles of the first N incidents on one side of the split, and article id -> incident id."""
    articles: list[Article] = []
    gold: dict[str, str] = {}
    taken = 0
    for incident in incidents(split):
        if not incident.articles:
            continue
        taken += 1
        if taken > n_incidents:
            break
        for art in incident.articles:
            if art.id not in gold:
                articles.append(art)
                gold[art.id] = incident.id
    articles.sort(key=lambda a: (a.published or date.min, a.id))
    return articles, gold


def coded(articles: list[Article], cache: Path | None, name: str) -> list[Outcome]:
    path = cache / f"{name}.pkl" if cache else None
    if path is not None and path.exists():
        with open(path, "rb") as fh:
            works: list[Work] = pickle.load(fh)
        return [Outcome(source=w.article.origin, work=w) for w in works]
    pipeline = Pipeline.from_config(load_config(environ={}, overrides={"pipeline.scope": "all"}))
    t0 = time.perf_counter()
    outcomes = list(pipeline.run_many(articles))
    print(f"coded {len(articles)} articles in {time.perf_counter() - t0:.0f} s")
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as fh:
            pickle.dump([o.work for o in outcomes if o.work is not None], fh)
    return outcomes


def bcubed(pred: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of the clustering ``pred`` against ``gold`` (item -> id)."""
    by_pred: dict[str, set[str]] = defaultdict(set)
    by_gold: dict[str, set[str]] = defaultdict(set)
    for item in gold:
        by_pred[pred[item]].add(item)
        by_gold[gold[item]].add(item)
    p = r = 0.0
    for item in gold:
        both = len(by_pred[pred[item]] & by_gold[gold[item]])
        p += both / len(by_pred[pred[item]])
        r += both / len(by_gold[gold[item]])
    p, r = p / len(gold), r / len(gold)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", choices=["train", "holdout"], default="train")
    ap.add_argument("--incidents", type=int, default=400)
    ap.add_argument("--cache", type=Path, default=None)
    ap.add_argument("--no-merge", action="store_true", help="Baseline: every article on its own.")
    args = ap.parse_args()
    articles, gold = gva_sample(args.split, args.incidents)
    outcomes = coded(articles, args.cache, f"gva_{args.split}_{args.incidents}")
    # Publication order, each article once: the order a newsroom feed would bring them in.
    works = {o.work.article.id: o.work for o in outcomes if o.work is not None}
    outcomes = [Outcome(source=a.origin, work=works[a.id]) for a in articles if a.id in works]
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(f"sqlite:///{tmp}/merge.db")
        t0 = time.perf_counter()
        report = store_outcomes(outcomes, store, keep=True, merge=not args.no_merge)
        merge_s = time.perf_counter() - t0
        stored = sum(1 for _ in store.events())
        store.close()
    copy_of = {c.article_id: c.original_id for c in report.copies}
    main_event: dict[str, str] = {}
    for work in report.works:
        if work.events:
            ev = work.events[0].event_id_cnty
            main_event[work.article.id] = report.cluster_of.get(ev, ev)
    pred: dict[str, str] = {}

    def cluster(article_id: str, depth: int = 0) -> str:
        if article_id in main_event:
            return main_event[article_id]
        if article_id in copy_of and depth < 10:
            return cluster(copy_of[article_id], depth + 1)
        return f"article:{article_id}"

    for aid in gold:
        pred[aid] = cluster(aid)
    p, r, f = bcubed(pred, gold)
    incidents = set(gold.values())
    per_incident = Counter(gold[a] for a in gold)
    events_of: dict[str, set[str]] = defaultdict(set)
    for aid, iid in gold.items():
        events_of[iid].add(pred[aid])
    multi = [i for i in incidents if per_incident[i] > 1]
    print(f"split {args.split}: {len(incidents)} incidents, {len(gold)} articles "
          f"({len(multi)} incidents with several), {len(report.rejected)} rejected")  # fmt: skip
    print(f"merging + storing: {merge_s:.1f} s; {report.merged} records merged, "
          f"{len(report.copies)} articles are copies")  # fmt: skip
    print(f"B-cubed precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}")
    mains = sum(len(events_of[i]) for i in incidents) / len(incidents)
    mains_multi = sum(len(events_of[i]) for i in multi) / max(1, len(multi))
    articles_multi = sum(per_incident[i] for i in multi) / max(1, len(multi))
    print(f"events per incident (main events): {mains:.2f}; over incidents with several "
          f"articles: {mains_multi:.2f} (they have {articles_multi:.2f} articles each)"
          )  # fmt: skip
    print(f"stored events per incident (all events): {stored / len(incidents):.2f}")


if __name__ == "__main__":
    main()

"""Sub-event accuracy on news-style text that is not ACLED notes (issue 3; run by hand).

    .venv/bin/python bench/offstyle_eval.py [--set bench/offstyle/sentences.tsv] [--errors 60]

Reads the hand-labelled news sentences in ``bench/offstyle/sentences.tsv`` (written by the team,
labelled with ACLED's codebook; see the file's header) and scores two predictions for each:

* **pipeline**: the full default pipeline with ``pipeline.scope = "all"``; the prediction is the
  ``sub_event_type`` of the article's main event (``events[0]``), or ``""`` when it finds none
  (or rejects the sentence; the rejection code is printed);
* **classifier**: the shipped sub-event model alone (``classify.load_model().predict_proba``),
  its most probable class.

Prints weighted F1, accuracy and macro-F1, a per-sub-type table (precision, recall, F1, support),
the most common confusions, and every error. Prints to the terminal only.
"""

from __future__ import annotations

import argparse
import csv
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from sklearn.metrics import accuracy_score, f1_score, precision_recall_fscore_support

from eventcoder.classify import load_model, load_taxonomy
from eventcoder.config import load_config
from eventcoder.errors import EventcoderError
from eventcoder.model import Article
from eventcoder.pipeline import Pipeline

SENTENCES = Path(__file__).resolve().parent / "offstyle" / "sentences.tsv"
NONE = ""  # the prediction when the pipeline codes no event


def read_set(path: Path) -> list[dict[str, str]]:
    """The labelled sentences: rows of id, sub_event_type, text ('#' lines are the header note)."""
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def predict_pipeline(rows: Sequence[dict[str, str]]) -> list[str]:
    """The main event's sub-event type for each sentence, coded by the full default pipeline."""
    pipeline = Pipeline.from_config(load_config(overrides={"pipeline.scope": "all"}))
    predicted = []
    for row in rows:
        try:
            work = pipeline.run(Article(id=row["id"], text=row["text"]))
        except EventcoderError as exc:  # a rejected sentence counts as "no event"
            print(f"  {row['id']}: rejected ({exc.code}: {exc})")
            predicted.append(NONE)
            continue
        predicted.append(work.events[0].sub_event_type if work.events else NONE)
    return predicted


def predict_classifier(rows: Sequence[dict[str, str]]) -> list[str]:
    """The sub-event model's most probable class for each sentence, without the events stage."""
    probabilities = load_model().predict_proba([row["text"] for row in rows])
    return [max(p, key=p.__getitem__) for p in probabilities]


def score_lines(name: str, gold: Sequence[str], predicted: Sequence[str]) -> list[str]:
    """Headline scores and the per-sub-type table, over the gold labels' classes."""
    labels = sorted(set(gold))
    precision, recall, f1, support = precision_recall_fscore_support(
        gold, predicted, labels=labels, zero_division=0
    )
    weighted = f1_score(gold, predicted, labels=labels, average="weighted", zero_division=0)
    macro = f1_score(gold, predicted, labels=labels, average="macro", zero_division=0)
    out = [
        f"== {name}: weighted F1 {weighted:.3f}  accuracy {accuracy_score(gold, predicted):.3f}"
        f"  macro F1 {macro:.3f}  (n={len(gold)}, no event: {sum(p == NONE for p in predicted)})",
        f"{'sub_event_type':36} {'prec':>5} {'rec':>5} {'F1':>5} {'n':>4}",
    ]
    for label, p, r, f, n in zip(labels, precision, recall, f1, support, strict=True):
        out.append(f"{label:36} {p:5.2f} {r:5.2f} {f:5.2f} {n:4d}")
    return out


def event_type_line(gold: Sequence[str], predicted: Sequence[str]) -> str:
    """Scores one level up (ACLED's six event types): which errors stay within the right family."""
    taxonomy = load_taxonomy()

    def family(sub: str) -> str:
        return taxonomy.entry(sub).event_type if sub else NONE

    gold_types = [family(g) for g in gold]
    predicted_types = [family(p) for p in predicted]
    labels = sorted(set(gold_types))
    weighted = f1_score(gold_types, predicted_types, labels=labels, average="weighted",
                        zero_division=0)  # fmt: skip
    accuracy = accuracy_score(gold_types, predicted_types)
    return f"event_type level: weighted F1 {weighted:.3f}  accuracy {accuracy:.3f}"


def confusion_lines(gold: Sequence[str], predicted: Sequence[str], top: int = 15) -> list[str]:
    """The most frequent (gold -> predicted) mistakes."""
    pairs = Counter((g, p or "(no event)") for g, p in zip(gold, predicted, strict=True) if g != p)
    return [f"{n:3d}  {g} -> {p}" for (g, p), n in pairs.most_common(top)]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", type=Path, default=SENTENCES)
    ap.add_argument("--errors", type=int, default=400, help="errors to list per predictor")
    args = ap.parse_args()
    rows = read_set(args.set)
    gold = [row["sub_event_type"] for row in rows]
    t0 = time.perf_counter()
    results = {"pipeline": predict_pipeline(rows), "classifier alone": predict_classifier(rows)}
    print(f"{len(rows)} sentences coded in {time.perf_counter() - t0:.0f} s\n")
    for name, predicted in results.items():
        print("\n".join(score_lines(name, gold, predicted)))
        print(event_type_line(gold, predicted))
        print(f"-- most common confusions ({name}):")
        print("\n".join(confusion_lines(gold, predicted)))
        print()
    for name, predicted in results.items():
        wrong = [(r, p) for r, p in zip(rows, predicted, strict=True) if p != r["sub_event_type"]]
        print(f"-- errors ({name}): {len(wrong)}")
        for row, p in wrong[: args.errors]:
            print(f"  {row['id']}  {row['sub_event_type']} -> {p or '(no event)'}  | {row['text']}")
        print()


if __name__ == "__main__":
    main()

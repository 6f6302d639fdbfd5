"""Model selection for the sub-event classifier on the training side only (run by hand).

    .venv/bin/python bench/train_select.py

Splits the non-holdout rows of ``acled_dev.csv`` into a training part and a validation fifth (by
note, with a salt other than the holdout's), fits candidate feature/classifier pairs and prints
validation accuracy, sub-type macro-F1 and accuracy per dataset. The shipped recipe
(``classify.train_model``) is the best of these; the holdout is never looked at here.
"""

from __future__ import annotations

import collections
import csv
import hashlib
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from eventcoder.classify import _features, load_taxonomy, normalise_for_model
from eventcoder.holdout import is_holdout

ACLED = Path(__file__).resolve().parents[2] / "shared/data/dev/acled_dev.csv"


def in_validation(note: str) -> bool:
    return int(hashlib.md5(("cv" + note).encode()).hexdigest(), 16) % 5 == 0


def main() -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import f1_score
    from sklearn.svm import LinearSVC

    with open(ACLED, newline="", encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["notes"].strip() and not is_holdout(r["notes"])]
    train = [r for r in rows if not in_validation(r["notes"])]
    valid = [r for r in rows if in_validation(r["notes"])]
    x_train = [normalise_for_model(r["notes"]) for r in train]
    y_train = [r["sub_event_type"] for r in train]
    for entry in load_taxonomy().entries:  # as train_model does
        for _ in range(3):
            x_train.append(normalise_for_model(f"{entry.sub_event_type}. {entry.definition}"))
            y_train.append(entry.sub_event_type)
    x_valid = [normalise_for_model(r["notes"]) for r in valid]
    y_valid = [r["sub_event_type"] for r in valid]

    def words() -> Any:
        return TfidfVectorizer(ngram_range=(1, 2), min_df=2, max_features=60_000, sublinear_tf=True)

    candidates: list[tuple[str, Callable[[], Any], Callable[[], Any]]] = [
        ("words, logistic regression", words,
         lambda: LogisticRegression(C=10.0, max_iter=2000, class_weight="balanced")),
        ("words, linear SVM", words, lambda: LinearSVC(C=0.5, class_weight="balanced")),
        ("words + chars, logistic regression", _features,
         lambda: LogisticRegression(C=10.0, max_iter=2000, class_weight="balanced")),
        ("words + chars, linear SVM (shipped)", _features,
         lambda: LinearSVC(C=0.5, class_weight="balanced", max_iter=5000)),
    ]  # fmt: skip
    print(f"train {len(x_train)}, validation {len(x_valid)}")
    for name, features, classifier in candidates:
        t0 = time.perf_counter()
        vec, clf = features(), classifier()
        clf.fit(vec.fit_transform(x_train), y_train)
        pred = list(clf.predict(vec.transform(x_valid)))
        acc = sum(p == g for p, g in zip(pred, y_valid, strict=True)) / len(y_valid)
        f1 = f1_score(y_valid, pred, average="macro", labels=sorted(set(y_valid)))
        per: dict[str, list[bool]] = collections.defaultdict(list)
        for p, r in zip(pred, valid, strict=True):
            per[r["dataset"]].append(p == r["sub_event_type"])
        parts = ", ".join(f"{k}: {sum(v) / len(v):.3f}" for k, v in sorted(per.items()))
        print(f"{name:<38} accuracy {acc:.3f}  macro-F1 {f1:.3f}  ({parts})  {time.perf_counter() - t0:.0f} s")


if __name__ == "__main__":
    main()

"""Model selection for the sub-event classifier on the training side only (run by hand).

    .venv/bin/python bench/train_select.py
    .venv/bin/python bench/train_select.py --aux-weights 0,0.5,1   # the auxiliary corpora's weight

Splits the non-holdout rows of ``acled_dev.csv`` into a training part and a validation fifth (by
note, with a salt other than the holdout's), fits candidate feature/classifier pairs and prints
validation accuracy, sub-type macro-F1 and accuracy per dataset. With ``--aux-weights`` it fits the
shipped recipe only, adding the auxiliary corpora of ``scripts/build_training.py`` at each weight
(0: the ACLED notes alone), and scores the same validation notes. The shipped recipe
(``classify.train_model``) is the best of these; the holdout is never looked at here.
"""

from __future__ import annotations

import argparse
import collections
import csv
import hashlib
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from eventcoder.classify import (
    _features,
    load_codebook_examples,
    load_taxonomy,
    normalise_for_model,
)
from eventcoder.holdout import is_holdout

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared/data/dev"
ACLED = DEV / "acled_dev.csv"


def in_validation(note: str) -> bool:
    return _fold(note) == 0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--aux-weights", help="comma-separated weights of the auxiliary corpora")
    ap.add_argument("--grid", nargs="+", metavar="SPEC",
                    help="recipes to compare, each 'C=0.5,cw=1,kenya=1,aux=1' (see grid())")  # fmt: skip
    ap.add_argument("--folds", type=int, default=1, help="with --grid: pool 1 to 5 folds")
    args = ap.parse_args()
    if args.grid:
        grid(args.grid, args.folds)
        return
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
    for sub_type, example in load_codebook_examples():
        x_train.append(normalise_for_model(example))
        y_train.append(sub_type)
    w_train = [1.0] * len(x_train)
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
    runs: list[tuple[str, Callable[[], Any], Callable[[], Any], float]] = [
        (name, f, c, 0.0) for name, f, c in candidates
    ]
    aux_x: list[str] = []
    aux_y: list[str] = []
    if args.aux_weights:
        sys.path.insert(0, str(ROOT / "scripts"))
        from build_training import auxiliary

        valid_notes = {r["notes"] for r in valid}  # keep the validation notes out of every corpus
        for examples in auxiliary(DEV, keep=lambda t: t not in valid_notes).values():
            aux_x += [normalise_for_model(t) for t, _ in examples]
            aux_y += [label for _, label in examples]
        shipped = candidates[-1]
        runs = [(f"{shipped[0]}, aux x{w}", shipped[1], shipped[2], float(w))
                for w in args.aux_weights.split(",")]  # fmt: skip
    print(f"train {len(x_train)} (+{len(aux_x)} auxiliary), validation {len(x_valid)}")
    for name, features, classifier, weight in runs:
        t0 = time.perf_counter()
        vec, clf = features(), classifier()
        x, y = x_train + (aux_x if weight else []), y_train + (aux_y if weight else [])
        clf.fit(vec.fit_transform(x), y, sample_weight=w_train + ([weight] * len(aux_x) if weight else []))
        pred = list(clf.predict(vec.transform(x_valid)))
        acc = sum(p == g for p, g in zip(pred, y_valid, strict=True)) / len(y_valid)
        f1 = f1_score(y_valid, pred, average="macro", labels=sorted(set(y_valid)))
        per: dict[str, list[bool]] = collections.defaultdict(list)
        for p, r in zip(pred, valid, strict=True):
            per[r["dataset"]].append(p == r["sub_event_type"])
        parts = ", ".join(f"{k}: {sum(v) / len(v):.3f}" for k, v in sorted(per.items()))
        print(f"{name:<38} accuracy {acc:.3f}  macro-F1 {f1:.3f}  ({parts})  {time.perf_counter() - t0:.0f} s")


def _recipe(spec: str) -> dict[str, float]:
    """'C=0.5,cw=1,kenya=1,aux=1' -> its numbers; unnamed ones take the shipped recipe's values."""
    recipe = {"C": 0.5, "cw": 1.0, "kenya": 1.0, "aux": 1.0}
    for part in filter(None, spec.split(",")):
        key, _, value = part.partition("=")
        recipe[key.strip()] = float(value)
    return recipe


def grid(specs: list[str], folds: int = 1) -> None:
    """Fit the shipped features once per fold (on train + auxiliary), then one SVM per recipe.

    A recipe sets the SVM's C, the power ``cw`` of the balanced class weights (1: "balanced",
    0: none, 0.5: the square root), the weight of Kenya's notes and of the auxiliary examples.
    With ``folds`` > 1 each fifth of the training side in turn is the validation part and the
    predictions are pooled before scoring: one fifth holds 1-3 notes of the rare sub-types, so
    its macro-F1 moves by several points on one note. Prints event-type accuracy / sub-type
    accuracy / sub-type macro-F1, overall and per dataset.
    """
    from sklearn.metrics import f1_score

    taxonomy = load_taxonomy()
    event_of = {e.sub_event_type: e.event_type for e in taxonomy.entries}
    with open(ACLED, newline="", encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["notes"].strip() and not is_holdout(r["notes"])]
    pooled: dict[str, list[str]] = {spec: [] for spec in specs}
    scored: list[dict[str, str]] = []
    for fold in range(folds):
        valid = [r for r in rows if _fold(r["notes"]) == fold]
        train = [r for r in rows if _fold(r["notes"]) != fold]
        scored += valid
        for spec, pred in _fit_fold(train, valid, specs).items():
            pooled[spec] += pred
    print(f"validation {len(scored)} notes over {folds} fold(s); event / sub-type / macro-F1")
    groups: dict[str, list[int]] = collections.defaultdict(list)
    for i, r in enumerate(scored):
        groups[r["dataset"].split("-")[1]].append(i)
    for spec in specs:
        parts = []
        for name, idx in [("all", list(range(len(scored)))), *sorted(groups.items())]:
            gold = [scored[i]["sub_event_type"] for i in idx]
            got = [pooled[spec][i] for i in idx]
            acc = sum(p == g for p, g in zip(got, gold, strict=True)) / len(idx)
            ev = sum(event_of[p] == event_of[g] for p, g in zip(got, gold, strict=True)) / len(idx)
            f1 = f1_score(gold, got, average="macro", labels=sorted(set(gold)))
            parts.append(f"{name} {ev:.3f}/{acc:.3f}/{f1:.3f}")
        print(f"{spec:<34} " + "  ".join(parts), flush=True)


def _fold(note: str) -> int:
    return int(hashlib.md5(("cv" + note).encode()).hexdigest(), 16) % 5


def _fit_fold(
    train: list[dict[str, str]], valid: list[dict[str, str]], specs: list[str]
) -> dict[str, list[str]]:
    """Each recipe's predictions on ``valid`` after fitting on ``train`` (and the extras)."""
    from sklearn.svm import LinearSVC

    sys.path.insert(0, str(ROOT / "scripts"))
    from build_training import auxiliary

    taxonomy = load_taxonomy()
    valid_notes = {r["notes"] for r in valid}
    x = [normalise_for_model(r["notes"]) for r in train]
    y = [r["sub_event_type"] for r in train]
    kind = ["kenya" if r["dataset"].startswith("acled-kenya") else "notes" for r in train]
    for entry in taxonomy.entries:
        for _ in range(3):
            x.append(normalise_for_model(f"{entry.sub_event_type}. {entry.definition}"))
            y.append(entry.sub_event_type)
            kind.append("codebook")
    for sub_type, example in load_codebook_examples():
        x.append(normalise_for_model(example))
        y.append(sub_type)
        kind.append("codebook")
    for examples in auxiliary(DEV, keep=lambda t: t not in valid_notes).values():
        x += [normalise_for_model(t) for t, _ in examples]
        y += [label for _, label in examples]
        kind += ["aux"] * len(examples)
    vec = _features()
    matrix = vec.fit_transform(x)
    x_valid = vec.transform([normalise_for_model(r["notes"]) for r in valid])
    counts = collections.Counter(y)
    out: dict[str, list[str]] = {}
    for spec in specs:
        recipe = _recipe(spec)
        weights = [{"kenya": recipe["kenya"], "aux": recipe["aux"]}.get(k, 1.0) for k in kind]
        keep = [i for i, w in enumerate(weights) if w > 0]
        # balanced ** cw: n / (k * count) raised to a power, 1 being sklearn's "balanced"
        class_weight = {c: (len(y) / (len(counts) * n)) ** recipe["cw"] for c, n in counts.items()}
        clf = LinearSVC(C=recipe["C"], class_weight=class_weight, max_iter=5000)
        clf.fit(matrix[keep], [y[i] for i in keep], sample_weight=[weights[i] for i in keep])
        out[spec] = [str(p) for p in clf.predict(x_valid)]
    return out


if __name__ == "__main__":
    main()

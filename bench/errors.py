"""Error analysis on the ACLED dev notes: gold beside prediction for one field (run by hand).

    .venv/bin/python bench/errors.py FIELD [--split train|holdout] [--limit N] [--dataset NAME]
                                           [--show 40] [--seed 0]

Codes a sample of ``acled_dev.csv`` notes (by default from the *training* side of the split, so
that tuning never looks at the holdout), prints the field's accuracy and the first ``--show``
mismatches (gold, predicted, the note). Prints to the terminal only: dev rows never enter the repo.
FIELD is a column of the output contract, or ``within_25km``.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from eventcoder import report
from eventcoder.config import load_config
from eventcoder.evaluate import PLACE_RATIO, dyadic, inter_code, km_between, names_match
from eventcoder.holdout import is_holdout

ACLED = Path(__file__).resolve().parents[2] / "shared/data/dev/acled_dev.csv"
NAMES = {"actor1", "actor2", "assoc_actor_1", "country", "admin1", "admin2", "location"}


def agree(field: str, gold: dict[str, str], pred: dict[str, str]) -> bool:
    if field == "within_25km":
        try:
            return km_between(float(gold["latitude"]), float(gold["longitude"]),
                              float(pred["latitude"]), float(pred["longitude"])) <= 25  # fmt: skip
        except (KeyError, ValueError):
            return False
    if field in ("inter1", "inter2"):
        return inter_code(str(pred.get(field, ""))) == inter_code(gold.get(field))
    if field in NAMES:
        ratio = PLACE_RATIO if field in ("admin1", "location") else 0.85
        return names_match(pred.get(field, ""), gold.get(field, ""), ratio)
    if field == "event_date":
        return pred.get(field, "")[:10] == gold.get(field, "")[:10]
    if field == "fatalities":
        return pred.get(field, "") != "" and int(pred[field]) == int(float(gold[field] or 0))
    return pred.get(field, "") == gold.get(field, "")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("field")
    ap.add_argument("--split", choices=["train", "holdout"], default="train")
    ap.add_argument("--limit", type=int, default=1500)
    ap.add_argument("--dataset", default="")
    ap.add_argument("--show", type=int, default=40)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    rows = dyadic(report.read_csv_rows(ACLED))
    rows = [r for r in rows if is_holdout(r["notes"]) == (args.split == "holdout")]
    if args.dataset:
        rows = [r for r in rows if r.get("dataset", "").startswith(args.dataset)]
    random.Random(args.seed).shuffle(rows)
    rows = rows[: args.limit]
    t0 = time.perf_counter()
    predicted = report.predict_or_read(rows, None, load_config())
    secs = time.perf_counter() - t0
    if args.field != "within_25km":
        # "NA" is how some exports write "no actor" (evaluate.py scores it the same way).
        rows_f = [r for r in rows if r.get(args.field, "").strip().lower() not in ("", "na")]
    else:
        rows_f = [r for r in rows if r.get("latitude")]
    bad = [r for r in rows_f if not agree(args.field, r, dict(predicted.get(r["event_id_cnty"], {})))]
    n = len(rows_f)
    print(f"{args.field}: {1 - len(bad) / n:.3f} ({n - len(bad)}/{n}); {len(rows)} notes in {secs:.0f} s")
    for r in bad[: args.show]:
        p = predicted.get(r["event_id_cnty"], {})
        print(f"- gold {r.get(args.field)!r} pred {p.get(args.field, '<no event>')!r} "
              f"[{r.get('dataset', '')[6:12]}] {r['notes'][:260]!r}")  # fmt: skip


if __name__ == "__main__":
    main()

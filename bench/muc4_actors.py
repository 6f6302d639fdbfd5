"""Perpetrator-organisation recall on MUC-4 terrorism reports (run by hand; issue 5).

    .venv/bin/python bench/muc4_actors.py [--file dev|train] [--n 200] [--show 20]

Reads ../shared/data/dev/muc4/muc4_<file>.json (1980s-90s FBIS wire and radio reports on Latin
American political violence, upper case, with gold role fillers; see its SOURCE.md), codes each
document with the default pipeline and ``pipeline.scope = "all"``, and compares the actors of all
its events with the document's gold. Tune on ``--file train``; ``dev`` plays the test set.

Matching (a gold filler is a list of coreferent strings; it is found when one of its strings
matches one predicted name among any event's actor1, assoc_actor_1 and actor2):

- names are compared lower-cased, without quotes, brackets, a leading "the" and ACLED's
  parenthesised suffixes ("(El Salvador)", "(2013-)");
- a string matches a name when either holds the other as whole words, or the string holds the
  name's acronym or long form (the two sides of ACLED's "ACRONYM: English name"), so "FMLN",
  "Farabundo Marti National Liberation Front" and "FARC 12th Front" match "FMLN: Farabundo Marti
  National Liberation Front" and "FARC: Revolutionary Armed Forces of Colombia";
- a state force written as MUC-4 writes it ("ARMED FORCES", "GUATEMALAN ARMY", "AIR FORCE",
  "ATONAL BATTALION") matches any "Military Forces of ..." and one with "POLICE" or "GUARD" any
  "Police Forces of ..." (MUC-4 gives no country, so the country is not checked).

Figures: recall of perp_organization_id fillers; the share of documents with a gold organisation
where at least one is found; and a precision-like figure, the share of predicted *named* actor1s
(not "Unidentified ...", "Civilians ...", "Protesters ...", "Rioters ...") that match a gold filler
of any role of their document (perpetrator individual or organisation, human or physical target).
Prints to the terminal only: dev texts never enter the repo.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from pathlib import Path

from eventcoder.config import load_config
from eventcoder.model import Article
from eventcoder.pipeline import Pipeline

MUC4 = Path(__file__).resolve().parents[2] / "shared/data/dev/muc4"
_MILITARY = re.compile(
    r"\b(?:army|armed fo\w*|military|air force|navy|battalion|brigade|troops|soldiers)\b"
)
_POLICE = re.compile(r"\b(?:police|guard|treasury police)\b")
_GENERIC = ("unidentified", "civilians", "protesters", "rioters")


def norm(name: str) -> str:
    """Lower case, no quotes or brackets, no ACLED suffix "(...)", no leading "the"."""
    s = re.sub(r"\([^)]*\)", " ", name.lower())
    s = re.sub(r"[\"'`\[\]:,.]", " ", s)
    s = re.sub(r"^\s*the\s+", "", s)
    return " ".join(s.split())


def matches(gold: str, predicted: str) -> bool:
    """Whether one gold string and one predicted ACLED name are the same actor (see above)."""
    g, p = norm(gold), norm(predicted)
    if not g or not p:
        return False
    if re.search(rf"\b{re.escape(g)}\b", p):
        return True
    parts = [norm(part) for part in re.sub(r"\([^)]*\)", " ", predicted).split(":")]
    if any(part and re.search(rf"\b{re.escape(part)}\b", g) for part in [p, *parts]):
        return True
    if p.startswith("military forces of") and _MILITARY.search(g):
        return True
    return p.startswith("police forces of") and bool(_POLICE.search(g))


def found(filler: list[str], names: set[str]) -> bool:
    return any(matches(g, p) for g in filler for p in names)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--file", choices=["dev", "train"], default="dev")
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--show", type=int, default=20)
    args = ap.parse_args()
    docs = json.loads((MUC4 / f"muc4_{args.file}.json").read_text("utf-8"))
    items = list(docs.items())[: args.n]
    articles = [Article(id=k, text=v["doc"], origin=f"muc4:{k}") for k, v in items]
    pipeline = Pipeline.from_config(load_config(overrides={"pipeline.scope": "all"}))
    t0 = time.perf_counter()
    names: dict[str, set[str]] = {a.id: set() for a in articles}
    actor1s: dict[str, list[str]] = {a.id: [] for a in articles}
    for outcome in pipeline.run_many(articles):
        work = outcome.work
        if work is None:
            continue
        for e in work.events:
            parts = [e.actor1, e.actor2, *(e.assoc_actor_1 or "").split("; ")]
            names[work.article.id] |= {p for p in parts if p}
            if e.actor1:
                actor1s[work.article.id].append(e.actor1)
    secs = time.perf_counter() - t0
    total = hit = docs_with = docs_hit = named = named_ok = no_event = 0
    misses: list[str] = []
    for key, doc in items:
        roles = doc["roles"]
        orgs = roles["perp_organization_id"]
        got = [found(f, names[key]) for f in orgs]
        total += len(orgs)
        hit += sum(got)
        no_event += not names[key]
        if orgs:
            docs_with += 1
            docs_hit += any(got)
        fillers = [f for r in ("perp_organization_id", "perp_individual_id", "hum_tgt_name",
                               "phys_tgt_id") for f in roles[r]]  # fmt: skip
        for a1 in actor1s[key]:
            if not a1.lower().startswith(_GENERIC):
                named += 1
                named_ok += any(found(f, {a1}) for f in fillers)
        for f, ok in zip(orgs, got, strict=True):
            if not ok:
                misses.append(f"- {key} gold {f[0]!r} pred {sorted(names[key])}")
    print(f"MUC-4 {args.file}: {len(items)} docs in {secs:.0f} s, {no_event} with no actor at all")
    print(f"perp_organization recall: {hit / max(total, 1):.3f} ({hit}/{total}); docs with one "
          f"found: {docs_hit / max(docs_with, 1):.3f} ({docs_hit}/{docs_with})")  # fmt: skip
    print(
        f"named actor1 matching a gold filler: {named_ok / max(named, 1):.3f} ({named_ok}/{named})"
    )
    for line in misses[: args.show]:
        print(line)


if __name__ == "__main__":
    main()

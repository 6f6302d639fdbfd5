"""Build src/eventcoder/data/actors.tsv, the actor dictionary, from ACLED-format files.

Every actor name the files code (actor1/actor2/assoc actors), with its inter code (the most
frequent), the country it is coded in most and aliases derived from the name itself: the acronym
before a colon ("QSD: Syrian Democratic Forces" -> "QSD", "Syrian Democratic Forces") and the name
without its bracketed qualifier ("Mungiki Militia" -> "Mungiki"). Names are derived facts about
actors, not event rows; held-out rows (eventcoder.holdout) are skipped. Hand-written aliases and
generic actors live in data/actor_aliases.tsv, which the actors stage reads beside this file.
Compound acronyms are split ("KIO/KIA: Kachin Independence Organization/Kachin Independence Army"
-> "KIO", "KIA", "Kachin Independence Army"); quotes in a name ('"Military" Militia') are not part
of its aliases, and words that name a kind of actor ("military", "gang", "men") never are.

    .venv/bin/python scripts/build_actors.py ../shared/data/dev/acled_dev.csv
"""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from eventcoder.holdout import is_holdout

OUT = Path(__file__).resolve().parents[1] / "src/eventcoder/data/actors.tsv"
INTER_TEXT = {
    "state forces": 1, "rebel groups": 2, "political militias": 3, "identity militias": 4,
    "rioters": 5, "protesters": 6, "civilians": 7, "external/other forces": 8,
}  # fmt: skip
# Generic and state actors are built per event (stages/actors.py); the dictionary keeps the rest.
GENERIC = re.compile(
    r"^(?:Protesters|Rioters|Civilians|Unidentified .*|Military Forces of|Police Forces of|"
    r"NA$|Private Security Forces|Prison Guards|Government of|Students|Labou?r Group|Women|"
    r"Journalists|Lawyers|Teachers|Health Workers|Farmers|Refugees|Muslim Group|Christian Group|"
    r"Hindu Group|Former Military|Former Police)"
)
STATE = re.compile(r"^(?P<kind>Military|Police) Forces of (?P<country>.+?) \((?P<start>\d{4})-(?P<end>\d{4})?\)")


def inter_code(value: str) -> int:
    value = value.strip().lower()
    if value.isdigit():
        return int(value)
    return INTER_TEXT.get(value, 0)


# Words that name a kind of actor, not one actor: never an alias on their own.
GENERIC_WORDS = {
    "islamist", "military", "communal", "unidentified", "christian", "muslim", "police", "political",
    "ethnic", "clan", "tribal", "local", "national", "student", "students", "youth", "armed",
    "government", "security", "village", "vigilante", "private", "former", "hindu", "sikh",
    "gang", "gangs", "militia", "men", "women", "taliban", "fishermen", "fishers", "pirates",
    "prisoners", "judges", "pastoralist", "pastoralists", "indigenous", "refugees", "farmers",
    "traders", "workers", "youths", "residents", "villagers", "herders", "settlers",
    "civilians", "soldiers", "army", "rebels", "bandits", "raiders", "darfur",
}  # fmt: skip


def aliases_of(name: str) -> list[str]:
    out = []
    name = name.replace('"', "")
    if ":" in name:
        acronym, _, rest = name.partition(":")
        out += [acronym.strip(), rest.strip()]
        # "KIO/KIA: Kachin Independence Organization/Kachin Independence Army": each part alone.
        if "/" in acronym and rest.count("/") == acronym.count("/"):
            out += [a.strip() for a in acronym.split("/")] + [r.strip() for r in rest.split("/")]
    base = re.sub(r"\s*\([^)]*\)", "", name).strip()
    if base != name:
        out.append(base)
    # A communal militia is named after its place ("Wajir Communal Militia"): the place alone is
    # a place, not the militia, so only ethnic, clan and plain militias lose their suffix.
    for suffix in (" Militia", " Ethnic Militia", " Clan Militia"):
        if base.endswith(" Communal Militia"):
            break
        if base.endswith(suffix) and len(base) > len(suffix) + 3:
            out.append(base[: -len(suffix)])
    return [
        a for a in dict.fromkeys(out) if len(a) >= 2 and a != name and a.lower() not in GENERIC_WORDS
    ]


def main(paths: list[str]) -> None:
    inter: dict[str, Counter[int]] = defaultdict(Counter)
    country: dict[str, Counter[str]] = defaultdict(Counter)
    states: dict[tuple[str, str, str, str], int] = Counter()
    for path in paths:
        with open(path, newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                if is_holdout(row.get("notes", "")):
                    continue
                for col, code_col in (("actor1", "inter1"), ("actor2", "inter2")):
                    name = (row.get(col) or "").strip()
                    if not name:
                        continue
                    m = STATE.match(name)
                    if m:
                        states[(m["kind"], m["country"], m["start"], m["end"] or "")] += 1
                    inter[name][inter_code(row.get(code_col, ""))] += 1
                    country[name][row.get("country", "")] += 1
                for col in ("assoc_actor_1", "assoc_actor_2"):
                    for name in (row.get(col) or "").split(";"):
                        if name.strip():
                            country[name.strip()][row.get("country", "")] += 1
    with open(OUT, "w", encoding="utf-8") as out:
        out.write(
            "# The actor dictionary: ACLED actor names as the dev data codes them (built by\n"
            "# scripts/build_actors.py; names only, no rows), with inter code (0: unknown, seen only\n"
            "# as an associated actor), country, and aliases derived from the name. kind: group, or\n"
            "# state (a state force's name pattern and the years it applies: Military/Police, country,\n"
            "# first year, last year or empty). Extend it with actors.extra (a TSV of the same columns).\n"
            "kind\tname\tinter\tcountry\taliases\n"
        )
        for (kind, cname, start, end), _ in sorted(states.items()):
            out.write(f"state\t{kind} Forces of {cname}\t1\t{cname}\t{start}-{end}\n")
        for name in sorted(country):
            if GENERIC.match(name):
                continue
            code = inter[name].most_common(1)[0][0] if inter[name] else 0
            where = country[name].most_common(1)[0][0]
            out.write(f"group\t{name}\t{code}\t{where}\t{'|'.join(aliases_of(name))}\n")
    print(f"wrote {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])

"""Build src/eventcoder/data/outlets.tsv: the scale (ACLED's ``source_scale``) of news outlets.

Two parts:
- Outlets named in ACLED's ``source`` column of the dev data's current-schema rows that cite one
  outlet alone (held-out rows skipped), with the scale ACLED gave those rows, when the outlet is
  cited at least MIN_ROWS times and one scale holds at least MIN_SHARE of them. Names only,
  with a statistic: no row is kept.
- Web hosts of widely read outlets, written by hand from the outlets' own descriptions
  (HOSTS below), because articles arrive with a URL rather than ACLED's outlet name.

    .venv/bin/python scripts/build_outlets.py ../shared/data/dev
"""

from __future__ import annotations

import csv
import sys
from collections import Counter, defaultdict
from pathlib import Path

from eventcoder.holdout import is_holdout
from eventcoder.stages.outlets import SCALES, outlet_key

OUT = Path(__file__).resolve().parents[1] / "src/eventcoder/data/outlets.tsv"
# Cited this often with one scale this consistently, the scale is the outlet's, not a row's.
MIN_ROWS = 3
MIN_SHARE = 0.8

HOSTS = {
    "International": (
        "reuters.com", "apnews.com", "afp.com", "france24.com", "bbc.com", "bbc.co.uk",
        "aljazeera.com", "cnn.com", "xinhuanet.com", "news.cn", "aa.com.tr", "dpa.com",
        "voanews.com", "rfi.fr", "dw.com", "theguardian.com", "nytimes.com",
        "washingtonpost.com", "bloomberg.com", "ft.com", "wsj.com", "economist.com",
        "rferl.org", "npr.org", "euronews.com", "independent.co.uk", "telegraph.co.uk",
    ),
    "Regional": (
        "allafrica.com", "rfa.org", "thenewhumanitarian.org", "theeastafrican.co.ke",
        "africanews.com", "arabnews.com", "gulfnews.com", "asiatimes.com", "scmp.com",
    ),
    "National": (
        "nation.africa", "nation.co.ke", "the-star.co.ke", "standardmedia.co.ke",
        "capitalfm.co.ke", "kbc.co.ke", "prothomalo.com", "en.prothomalo.com",
        "dhakatribune.com", "thedailystar.net", "newagebd.net", "bdnews24.com",
        "irrawaddy.com", "mizzima.com", "dvb.no", "english.dvb.no", "myanmar-now.org",
        "elevenmyanmar.com", "premiumtimesng.com", "punchng.com", "vanguardngr.com",
        "dawn.com", "thenews.com.pk", "hindustantimes.com", "thehindu.com",
        "timesofindia.indiatimes.com", "kyivindependent.com", "ukrinform.net",
    ),
    "New media": ("twitter.com", "x.com", "facebook.com", "t.me", "telegram.me", "youtube.com"),
}  # fmt: skip

csv.field_size_limit(sys.maxsize)


def main(dev: Path) -> None:
    seen: defaultdict[str, Counter[str]] = defaultdict(Counter)
    names: dict[str, str] = {}
    with open(dev / "acled_dev.csv", newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            source, scale = row["source"].strip(), row["source_scale"].strip()
            if not source or ";" in source or scale not in SCALES or is_holdout(row["notes"]):
                continue
            key = outlet_key(source)
            seen[key][scale] += 1
            names.setdefault(key, source)
    lines = []
    for key, counts in sorted(seen.items()):
        scale, n = counts.most_common(1)[0]
        total = sum(counts.values())
        if total >= MIN_ROWS and n / total >= MIN_SHARE:
            lines.append(f"{names[key]}\t{scale}")
    hosts = [f"{host}\t{scale}" for scale, group in HOSTS.items() for host in group]
    header = (
        "# News outlets and web hosts with ACLED's source_scale (stages/outlets.py reads it).\n"
        "# Built by scripts/build_outlets.py: outlets from ACLED's 'source' column in the dev\n"
        f"# data (single-outlet rows, held-out rows skipped, cited >= {MIN_ROWS} times with one\n"
        f"# scale in >= {int(MIN_SHARE * 100)}% of them); web hosts written by hand in that script.\n"
        "# An outlet not listed is National. Add lines to file your own outlets.\n"
        "outlet\tscale\n"
    )
    OUT.write_text(header + "\n".join(lines + hosts) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(lines)} outlets, {len(hosts)} hosts")


if __name__ == "__main__":
    main(Path(sys.argv[1]))

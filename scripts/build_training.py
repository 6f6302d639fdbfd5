"""Build the sub-event model's training set from the dev data and train it (``make model``).

    .venv/bin/python scripts/build_training.py ../shared/data/dev \
        -o src/eventcoder/data/models/events.joblib [--stats] [--aux-weight 0.5]

The current-schema ACLED notes (``acled_dev.csv``, non-holdout rows) are written in ACLED's house
style and nearly lack the rare sub-types (3 rows of "Headquarters or base established", 4 suicide
bombs, no chemical weapon). News reports these events in other words, so this script adds examples
from the other human-coded corpora of the dev data, each labelled by a mapping from that corpus's
own coding to ACLED's 2023 sub-types (written from the ACLED codebook and each corpus's codebook):

* **ACLED, pre-2019 schema** (``acled_oldschema/``): the territory types map one to one
  ("Battle-Government regains territory", "Battle-Non-state actor overtakes territory",
  "Non-violent transfer of territory", "Headquarters or base established"); "Remote violence",
  "Violence against civilians" and "Strategic development" map to a sub-type only where the note
  names its means (a suicide bomber, an air strike, an arrest, a ceasefire ...) - see ``_NAMED``.
* **GTD summaries** (``aux/gtd-summary-subsets``): bombings (suicide = 1 -> Suicide bomb; else by
  the weapon named), kidnappings -> Abduction, arson of facilities -> Looting/property destruction,
  armed assaults on civilians -> Attack, chlorine/sarin/mustard attacks -> Chemical weapon.
* **PITF atrocities** (``aux/pitf-atrocities-2013-2017``, news-style descriptions of violence
  against non-combatants): suicide bombings, rape, kidnappings, lethal force on protests
  (-> Excessive force against protesters), attacks and massacres (-> Attack), heavy weapons by
  the means named (air strike / shelling).
* **IndiaPoliceEvents** sentences labelled ARREST (and not KILL) -> Arrests.

Examples from these corpora weigh ``--aux-weight`` each (the ACLED notes weigh 1) and at most
``CAP`` per (corpus, sub-type), so that they teach news wording for the rare sub-types without
outvoting ACLED's own coding of the common ones. Every corpus is split by the project's holdout
rule (``eventcoder.holdout.is_holdout`` on the text): held-out texts are never trained on, and a
note that the older files share with ``acled_dev.csv`` falls on the same side in both.

Nothing from these files is written into the repository: the model holds weights and a vocabulary.
``--stats`` prints how many examples each corpus gives each sub-type, and trains nothing.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

from eventcoder.classify import load_taxonomy, read_gold, save_model, train_model
from eventcoder.holdout import is_holdout

# At most this many examples per (corpus, sub-type): 300 lets a corpus give the rare sub-types
# ten times what the ACLED notes have. Sub-types with at least COMMON training notes get at most
# CAP_COMMON per corpus: enough news wording beside the rare types' (so that a bombing told as
# news is not a suicide bomb for its style alone), too few to move ACLED's own coding. With 300
# for every type, training-side notes lost 0.6 points of sub-type accuracy, mostly armed clashes
# read as attacks (GTD and PITF "armed assaults" are one-sided).
CAP = 300
COMMON = 300
CAP_COMMON = 60
# Weight of one auxiliary example against one ACLED note. On the validation fifth of the training
# side (bench/train_select.py --aux-weights 0,0.5,1) ACLED accuracy / macro-F1 were 0.877 / 0.773
# with the notes alone, 0.875 / 0.772 at 0.5 and 0.877 / 0.775 at 1: the capped corpora cost the
# notes nothing, so they count as much as a note. Five pooled folds (bench/train_select.py
# --folds 5 --grid) gave 0.876 / 0.643 at 1, 0.878 / 0.646 at 0.5 with square-root class weights
# and 0.877 / 0.611 without the corpora: only dropping them is more than noise.
AUX_WEIGHT = 1.0

csv.field_size_limit(sys.maxsize)

Example = tuple[str, str]  # (text, ACLED sub_event_type)


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{pattern})", re.I)


# The means a text names, in the order they decide its sub-type: a suicide bomber's blast is a
# Suicide bomb even when the note also says "explosives"; an air strike's "missiles" are still an
# air strike (ACLED codebook, Explosions/Remote violence).
_NAMED: list[tuple[str, re.Pattern[str]]] = [
    ("Suicide bomb", _rx(r"suicide|blew (?:himself|herself|themselves) up|self-detonat")),
    ("Chemical weapon", _rx(r"chemical (?:weapon|attack|agent)|chlorine|sarin|mustard gas|nerve agent|toxic gas")),
    ("Air/drone strike", _rx(r"air ?strike|air ?raid|air force|warplane|fighter jet|jets? (?:bomb|struck|hit)|helicopter gunship|drone strike|barrel bomb|aerial bombardment")),
    ("Grenade", _rx(r"grenade")),
    ("Shelling/artillery/missile attack", _rx(r"shell(?:s|ed|ing)\b|mortar|artillery|rocket|missile")),
    ("Remote explosive/landmine/IED", _rx(r"improvised explosive|ied\b|roadside bomb|car bomb|landmine|land mine|explosive device|bomb (?:exploded|went off|blast)|remote[- ]control")),
]  # fmt: skip
_ABDUCTION = _rx(r"abduct|kidnap|taken hostage|held hostage|hostages")
_SEXUAL = _rx(r"rape|raping|sexual(?:ly)? (?:assault|abuse|violence)")
_ARREST = _rx(r"arrest|detain|custody|rounded up|nabbed")
_AGREEMENT = _rx(r"ceasefire|cease-fire|truce|peace (?:deal|agreement|accord|pact)|signed an? (?:agreement|deal|accord)|prisoner (?:swap|exchange)")
_DISRUPTED = _rx(r"defus|foil|thwart|(?:seized|recovered|found|discovered) (?:an? |a large )?(?:cache|arms|weapons|explosives|ammunition|bombs?)|arms cache|weapons cache")
_HQ = _rx(r"(?:establish|set up|opened) (?:a |an |their |its |new )*(?:base|headquarters|camp|office)")
_LOOTING = _rx(r"loot|ransack|torch|set (?:fire|ablaze)|burn(?:ed|t) down|arson|destroy(?:ed)? (?:houses|homes|shops|property|buildings)")
_TERRITORY = _rx(r"captur|seiz|overr?an|overtak|took control|take control|recaptur|retook|regain|liberat")
_VIOLENCE = _rx(r"kill|clash|fight|fought|attack|shot|shoot|fire[ds]? (?:at|on)|battle|exchange of fire")
_CIVILIAN_TARGET = _rx(r"soldier|troops|army|military|police|security forces|checkpoint|militia|militants|rebels|gunfight|clash")
_GTD_DATE = re.compile(r"^\s*\d{1,2}/\d{1,2}/\d{2,4}\s*:\s*")


def _first_named(text: str) -> str | None:
    for label, pattern in _NAMED:
        if pattern.search(text):
            return label
    return None


def read_csv_rows(path: Path) -> Iterator[dict[str, str]]:
    with path.open(newline="", encoding="utf-8", errors="replace") as fh:
        for row in csv.DictReader(fh):
            yield {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()}


def oldschema(dev: Path) -> Iterator[Example]:
    """Pre-2019 ACLED files: territory types one to one, the others where the note names the means."""
    direct = {
        "battle-government regains territory": "Government regains territory",
        "battle-non-state actor overtakes territory": "Non-state actor overtakes territory",
        "battle-non-state actors overtake territory": "Non-state actor overtakes territory",
        "non-violent transfer of territory": "Non-violent transfer of territory",
        "headquarters or base established": "Headquarters or base established",
    }
    for path in sorted((dev / "acled_oldschema").glob("*/*.csv")):
        for row in read_csv_rows(path):
            note, kind = row.get("notes", ""), row.get("event_type", "").lower()
            if not note:
                continue
            label: str | None = direct.get(kind)
            if kind == "remote violence":
                label = _first_named(note)
            elif kind == "violence against civilians":
                label = (
                    "Sexual violence" if _SEXUAL.search(note)
                    else "Abduction/forced disappearance" if _ABDUCTION.search(note)
                    else None
                )  # fmt: skip
            elif kind == "strategic development":
                label = _strategic(note)
            if label:
                yield note, label


def _strategic(note: str) -> str | None:
    """A strategic development's sub-type where exactly one kind of development is named."""
    named = [
        label
        for label, pattern in (
            ("Arrests", _ARREST), ("Agreement", _AGREEMENT), ("Disrupted weapons use", _DISRUPTED),
            ("Headquarters or base established", _HQ), ("Looting/property destruction", _LOOTING),
        )
        if pattern.search(note)
    ]  # fmt: skip
    return named[0] if len(named) == 1 else None


def gtd(dev: Path) -> Iterator[Example]:
    """GTD summaries by attack type, suicide flag and weapon (GTD codebook, attacktype1)."""
    for path in sorted((dev / "aux" / "gtd-summary-subsets").glob("*.csv")):
        for row in read_csv_rows(path):
            text = _GTD_DATE.sub("", row.get("summary", ""))
            if len(text) < 40:
                continue
            attack, weapon = row.get("attacktype1_txt", ""), row.get("weaptype1_txt", "")
            label: str | None = None
            if attack == "Bombing/Explosion":
                if row.get("suicide") == "1":
                    label = "Suicide bomb" if _NAMED[0][1].search(text) else None
                else:
                    named = _first_named(text)
                    label = named if named != "Suicide bomb" else None
                    if label is None and re.search(r"\bbomb|explosi|blast", text, re.I):
                        label = "Remote explosive/landmine/IED"
            elif attack == "Hostage Taking (Kidnapping)":
                label = "Abduction/forced disappearance"
            elif attack == "Facility/Infrastructure Attack" and weapon == "Incendiary":
                label = "Looting/property destruction"
            elif attack in ("Armed Assault", "Assassination") and not _CIVILIAN_TARGET.search(text):
                label = "Attack"
            if weapon == "Chemical" and _NAMED[1][1].search(text):
                label = "Chemical weapon"
            if label:
                yield text, label


def pitf(dev: Path) -> Iterator[Example]:
    """PITF atrocity descriptions: one-sided violence against non-combatants, by tactic and weapon."""
    for path in sorted((dev / "aux" / "pitf-atrocities-2013-2017").glob("*.csv")):
        for row in read_csv_rows(path):
            text = row.get("description", "")
            if len(text) < 40:
                continue
            organisation, weapons = row.get("organization of violence", ""), row.get("weapons", "")
            label: str | None = None
            if row.get("rape") == "Yes" and _SEXUAL.search(text):
                label = "Sexual violence"
            elif row.get("kidnappings") == "Yes" and _ABDUCTION.search(text):
                label = "Abduction/forced disappearance"
            elif organisation == "Protest" and row.get("perp state role") == "State Perpetrator":
                label = "Excessive force against protesters"
            elif weapons == "Suicide Bombing":
                label = "Suicide bomb" if _NAMED[0][1].search(text) else None
            elif weapons in ("Heavy Weapons", "Explosives", "Explosion"):
                label = _first_named(text)
            elif organisation == "Attack/Massacre" and weapons in ("Firearms", "Primitive Weapons"):
                label = "Attack"
            if label:
                yield text, label


def india_police(dev: Path) -> Iterator[Example]:
    """IndiaPoliceEvents sentences that report an arrest and no killing."""
    path = dev / "aux" / "indiapoliceevents" / "sents.csv"
    for row in read_csv_rows(path):
        text = " ".join(row.get("sent_text", "").split())
        if (row.get("arrest") == "1" and row.get("kill") == "0" and len(text) >= 40
                and _ARREST.search(text)):  # fmt: skip
            yield text, "Arrests"


CORPORA: dict[str, Callable[[Path], Iterator[Example]]] = {
    "acled-oldschema": oldschema,
    "gtd": gtd,
    "pitf": pitf,
    "indiapoliceevents": india_police,
}


def _order(text: str) -> str:
    """A stable pseudo-random order, so the capped sample is the same on every build."""
    return hashlib.md5(("cap" + text).encode("utf-8")).hexdigest()


def auxiliary(dev: Path, keep: Callable[[str], bool] = lambda text: True) -> dict[str, list[Example]]:
    """Each corpus's examples, training side only, de-duplicated and capped per sub-type."""
    notes = Counter(
        label for _, label in read_gold([dev / "acled_dev.csv"], keep=lambda r: not is_holdout(r["notes"]))
    )
    out: dict[str, list[Example]] = {}
    for name, read in CORPORA.items():
        by_label: dict[str, dict[str, None]] = {}
        for text, label in read(dev):
            if not is_holdout(text) and keep(text):
                by_label.setdefault(label, {})[text] = None
        examples: list[Example] = []
        for label, texts in sorted(by_label.items()):
            cap = CAP_COMMON if notes[label] >= COMMON else CAP
            examples += [(t, label) for t in sorted(texts, key=_order)[:cap]]
        out[name] = examples
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("dev", type=Path, help="the dev data folder (../shared/data/dev)")
    ap.add_argument("-o", "--output", type=Path, default=Path("src/eventcoder/data/models/events.joblib"))
    ap.add_argument("--aux-weight", type=float, default=AUX_WEIGHT)
    ap.add_argument("--stats", action="store_true", help="print the examples per corpus and sub-type")
    args = ap.parse_args()
    taxonomy = load_taxonomy()
    aux = auxiliary(args.dev)
    if args.stats:
        for name, examples in aux.items():
            counts = Counter(label for _, label in examples)
            print(f"{name}: {len(examples)}  " + json.dumps(dict(sorted(counts.items()))))
        return
    acled = args.dev / "acled_dev.csv"
    pairs = read_gold([acled], keep=lambda row: not is_holdout(row["notes"]))
    extra = [(t, label, args.aux_weight) for examples in aux.values() for t, label in examples]
    model = train_model(
        pairs, taxonomy, extra=extra, sources=[acled.name, *(f"{k} (aux)" for k in aux)]
    )
    save_model(model, args.output)
    print(f"trained on {len(pairs):,} ACLED notes + {len(extra):,} auxiliary examples; wrote {args.output}")


if __name__ == "__main__":
    main()

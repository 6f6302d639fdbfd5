"""The sub-event classifier used by the ``events`` stage, and ``eventcoder train``.

A linear SVM (calibrated to probabilities) over TF-IDF word 1–2-grams and character 2–5-grams,
for ACLED's 25 sub-event types. Text is
normalised before both training and prediction so that ACLED's house style ("On 9 May 2020, ...
[size=no report]") is not what the model learns: dates, sizes, fatality remarks and numbers are
removed or masked. ACLED's codebook definitions are added as examples so that every sub-type,
including ones missing from the training files, has a class.

Reads ACLED-format CSV files with ``notes`` and ``sub_event_type``; writes a joblib file holding a
:class:`SubEventModel`. Fails with :class:`~eventcoder.errors.InputError` on files without those
columns and :class:`~eventcoder.errors.ConfigError` on a model file that cannot be loaded.
"""

from __future__ import annotations

import csv
import logging
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import ConfigError, InputError

__all__ = [
    "CountryModel",
    "SubEventModel",
    "Taxonomy",
    "TaxonomyEntry",
    "load_codebook_examples",
    "load_model",
    "load_taxonomy",
    "normalise_for_model",
    "train_country_model",
    "train_model",
]

log = logging.getLogger(__name__)

MODEL_VERSION = 2  # the sub-event model's file format; 2: word + character features, SVM
COUNTRY_MODEL_VERSION = 1

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
# ACLED's house style, which news text does not have: removed so the model learns the event.
_HOUSE_STYLE = [
    re.compile(r"\[[^\]]*\]"),  # [size=no report], [women targeted: ...]
    re.compile(
        r"^\s*(?:on|around|between|during|in|on or around|on or about|over|from)?\s*"
        r"(?:the\s+)?(?:(?:week|night|weekend|morning|evening)\s+of\s+)?"
        rf"\d{{1,2}}(?:st|nd|rd|th)?\s*(?:(?:-|and|to)\s*\d{{1,2}}\s*)?(?:{_MONTHS})\.?"
        r"(?:\s+\d{4})?\s*(?:\(as reported\))?\s*,?",
        re.I,
    ),
    re.compile(r"\(as reported\)", re.I),
    re.compile(r"\b(?:fatalities|fatality)\b[^.]*\.?$", re.I),
]
_DIGITS = re.compile(r"\d+")


def normalise_for_model(text: str) -> str:
    """Strip ACLED house style and mask numbers; the same function serves training and prediction."""
    for pattern in _HOUSE_STYLE:
        text = pattern.sub(" ", text)
    text = _DIGITS.sub("0", text)
    return " ".join(text.lower().split())


@dataclass(frozen=True, slots=True)
class TaxonomyEntry:
    event_type: str
    sub_event_type: str
    disorder_type: str
    definition: str


@dataclass(frozen=True)
class Taxonomy:
    entries: tuple[TaxonomyEntry, ...]
    by_sub_type: dict[str, TaxonomyEntry] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.by_sub_type.update({e.sub_event_type: e for e in self.entries})

    def entry(self, sub_event_type: str) -> TaxonomyEntry:
        try:
            return self.by_sub_type[sub_event_type]
        except KeyError:
            raise ConfigError(f"{sub_event_type!r} is not one of ACLED's sub-event types") from None


def load_taxonomy() -> Taxonomy:
    text = resources.files("eventcoder").joinpath("data/taxonomy.tsv").read_text("utf-8")
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t"))
    return Taxonomy(tuple(TaxonomyEntry(**row) for row in rows))


def load_codebook_examples() -> list[tuple[str, str]]:
    """(sub_event_type, sentence) pairs from ``data/codebook_examples.tsv`` (see its header)."""
    text = resources.files("eventcoder").joinpath("data/codebook_examples.tsv").read_text("utf-8")
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    return [(row["sub_event_type"], row["text"]) for row in csv.DictReader(lines, delimiter="\t")]


@dataclass
class SubEventModel:
    """A fitted vectoriser and classifier, with what it was trained on."""

    vectorizer: Any
    classifier: Any
    classes: tuple[str, ...]
    trained_on: tuple[str, ...]
    n_examples: int
    version: int = MODEL_VERSION

    def predict_proba(self, texts: Sequence[str]) -> list[dict[str, float]]:
        """For each text, the probability of each sub-event type."""
        if not texts:
            return []
        matrix = self.vectorizer.transform([normalise_for_model(t) for t in texts])
        probs = self.classifier.predict_proba(matrix)
        return [dict(zip(self.classes, map(float, row), strict=True)) for row in probs]


def read_gold(
    paths: Iterable[str | Path],
    keep: Callable[[dict[str, str]], bool] | None = None,
    label: str = "sub_event_type",
) -> list[tuple[str, str]]:
    """(notes, label) pairs from ACLED-format CSV files; ``label`` names the column, or several
    joined by "|" ("country|admin1" gives labels such as "Kenya|Turkana")."""
    columns = label.split("|")
    pairs: list[tuple[str, str]] = []
    for path in paths:
        try:
            with open(path, newline="", encoding="utf-8") as fh:
                reader = csv.DictReader(fh)
                missing = {"notes", *columns} - set(reader.fieldnames or ())
                if missing:
                    raise InputError(
                        f"not an ACLED-format file: no column {', '.join(sorted(missing))}",
                        source=str(path),
                    )
                for row in reader:
                    value = "|".join(row[c].strip() for c in columns)
                    if (row["notes"].strip() and all(row[c].strip() for c in columns)
                            and (keep is None or keep(row))):  # fmt: skip
                        pairs.append((row["notes"], value))
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror}", source=str(path)) from exc
    return pairs


def train_model(
    pairs: Sequence[tuple[str, str]],
    taxonomy: Taxonomy,
    *,
    extra: Sequence[tuple[str, str, float]] = (),
    sources: Sequence[str] = (),
) -> SubEventModel:
    """Fit the classifier on (text, sub_event_type) pairs plus the codebook definitions.

    ``extra`` holds weighted (text, sub_event_type, weight) examples from other corpora
    (``scripts/build_training.py``); the pairs and the definitions weigh 1 each.
    """
    texts = [normalise_for_model(t) for t, _ in pairs] + [normalise_for_model(t) for t, _, _ in extra]
    labels = [label for _, label in pairs] + [label for _, label, _ in extra]
    weights = [1.0] * len(pairs) + [w for _, _, w in extra]
    unknown = sorted({label for label in labels if label not in taxonomy.by_sub_type})
    if unknown:
        raise InputError(f"labels outside ACLED's taxonomy: {', '.join(unknown[:5])}")
    # Each definition three times: the only examples of types the data lacks (Chemical weapon).
    for entry in taxonomy.entries:
        for _ in range(3):
            texts.append(normalise_for_model(f"{entry.sub_event_type}. {entry.definition}"))
            labels.append(entry.sub_event_type)
            weights.append(1.0)
    # The team's own news-style sentences for the sub-types the corpora barely hold.
    for sub_type, example in load_codebook_examples():
        texts.append(normalise_for_model(example))
        labels.append(sub_type)
        weights.append(1.0)
    # Word 1-2-grams plus character 2-5-grams within words: the characters carry spelling
    # variants and word forms news and notes do not share ("shelled"/"shelling", "Al-Shabab").
    # On a validation split of the training side (a fifth, by note) this beat word n-grams
    # alone: accuracy 0.877 vs 0.870, sub-type macro-F1 0.77 vs 0.65 (bench/train_select.py).
    vectorizer = _features()
    matrix = vectorizer.fit_transform(texts)
    # A linear SVM with balanced class weights lifts the rare sub-types (suicide bombs,
    # agreements) more than logistic regression did; sigmoid calibration over 3 folds turns its
    # margins into the probabilities the events stage thresholds and mixes (one SVM on all the
    # data, calibrated on out-of-fold margins: a third of the file of an ensemble of three).
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.svm import LinearSVC

    classifier = CalibratedClassifierCV(
        LinearSVC(C=0.5, class_weight="balanced", max_iter=5000), method="sigmoid", cv=3, ensemble=False
    )
    classifier.fit(matrix, labels, sample_weight=weights)
    for fold in classifier.calibrated_classifiers_:  # halves the file; no measurable change
        fold.estimator.coef_ = fold.estimator.coef_.astype(_float32())
    log.info("trained sub-event model on %d examples", len(texts))
    return SubEventModel(
        vectorizer=vectorizer,
        classifier=classifier,
        classes=tuple(str(c) for c in classifier.classes_),
        trained_on=tuple(sources),
        n_examples=len(texts),
    )


@dataclass
class CountryModel:
    """Which country a text is about, from its words alone ("matatu", "ODM", "upazila").

    The places stage's last resort, for texts that name no place the gazetteer knows; it can
    only answer countries it was trained on, so its answer is used above a confidence floor only.
    """

    vectorizer: Any
    classifier: Any
    version: int = COUNTRY_MODEL_VERSION

    def predict(self, text: str) -> tuple[str, float]:
        probs = self.classifier.predict_proba(self.vectorizer.transform([normalise_for_model(text)]))[0]
        best = int(probs.argmax())
        return str(self.classifier.classes_[best]), float(probs[best])

    def probabilities(self, text: str) -> dict[str, float]:
        """Every label's probability for ``text`` (the area model's, to pick within a country)."""
        probs = self.classifier.predict_proba(self.vectorizer.transform([normalise_for_model(text)]))[0]
        return dict(zip(map(str, self.classifier.classes_), map(float, probs), strict=True))


def train_country_model(
    pairs: Sequence[tuple[str, str]],
    *,
    ngrams: tuple[int, int] = (1, 1),
    max_features: int = 40_000,
    min_examples: int = 1,
) -> CountryModel:
    """Fit the text-to-country fallback on (notes, country) pairs, or the text-to-admin1 one on
    (notes, "country|admin1") pairs; labels with fewer than ``min_examples`` are left out."""
    from collections import Counter

    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    counts = Counter(label for _, label in pairs)
    pairs = [(t, label) for t, label in pairs if counts[label] >= min_examples]
    if len({label for _, label in pairs}) < 2:
        raise InputError(
            f"too few examples to train: fewer than two labels with {min_examples} or more notes"
        )
    vectorizer = TfidfVectorizer(
        ngram_range=ngrams, min_df=2, max_features=max_features, sublinear_tf=True, dtype=_float32()
    )
    matrix = vectorizer.fit_transform([normalise_for_model(t) for t, _ in pairs])
    classifier = LogisticRegression(C=10.0, max_iter=2000)
    classifier.fit(matrix, [c for _, c in pairs])
    classifier.coef_ = classifier.coef_.astype(_float32())
    return CountryModel(vectorizer, classifier)


def _features() -> Any:
    """The sub-event model's features: word 1-2-grams and character 2-5-grams, TF-IDF each."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import make_union

    # 60k word and 100k character features: more gave no gain on the validation split.
    words = TfidfVectorizer(
        ngram_range=(1, 2), min_df=2, max_features=60_000, sublinear_tf=True, dtype=_float32()
    )
    chars = TfidfVectorizer(
        analyzer="char_wb", ngram_range=(2, 5), min_df=3, max_features=100_000,
        sublinear_tf=True, dtype=_float32(),
    )  # fmt: skip
    return make_union(words, chars)


def _float32() -> Any:
    import numpy as np

    return np.float32


def save_model(model: SubEventModel | CountryModel, path: str | Path) -> None:
    import joblib

    joblib.dump(model, path, compress=3)


def load_model(path: str | Path | None = None, *, kind: str = "events") -> Any:
    """The model at ``path``, or the one shipped in the package (``events``, ``country``, ``area``)."""
    import joblib

    expected, version = {
        "events": (SubEventModel, MODEL_VERSION),
        "country": (CountryModel, COUNTRY_MODEL_VERSION),
        "area": (CountryModel, COUNTRY_MODEL_VERSION),
    }[kind]
    if path:
        target: Any = Path(path)
    else:
        target = resources.files("eventcoder").joinpath(f"data/models/{kind}.joblib")
    try:
        with target.open("rb") as fh:
            model = joblib.load(fh)
    except (OSError, EOFError, ValueError) as exc:
        raise ConfigError(
            f"cannot load the event model: {exc}; rebuild it with `make model`", source=str(target)
        ) from exc
    if not isinstance(model, expected) or model.version != version:
        raise ConfigError(
            "the event model file is from another version; rebuild it with `make model`",
            source=str(target),
        )
    return model

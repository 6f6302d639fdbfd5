"""Near-duplicate articles: exact copies, near copies and paraphrased spins, found at ingest.

Runs at the batch boundary (:mod:`eventcoder.batch`), after an article is coded and before it is
stored. Reads each :class:`~eventcoder.model.Article`'s text; gives, for an article that copies one
seen before, a :class:`Copy` naming the original and the two scores that found it:

1. **MinHash LSH** over word unigrams and bigrams (datasketch): candidates whose estimated Jaccard
   similarity passes ``lsh_threshold``, found in sub-linear time;
2. **confirmation** by the exact shingle Jaccard and containment (a truncated copy is contained in
   its original), and by the numbers: two reports whose numbers (dates, counts, house numbers)
   differ each way are two stories written from one template ("a man, 23, was shot ..."), not one
   story copied.

The index is an instance (:class:`CopyIndex`), never a module global: one per batch, filled from the
store day by day as articles of those days arrive (see ``batch.py``). It fails on nothing: an empty
text has no shingles and copies nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from .model import Article

__all__ = ["Copy", "CopyIndex", "shingles"]

# 64 permutations: the estimate's standard error at J=0.5 is ~0.06 (1/sqrt(64) * sqrt(J(1-J))),
# enough to find candidates that the exact confirmation then checks; 128 doubled the time for no
# change in what was found on the GVA training side.
NUM_PERM = 64
# Candidates from the LSH: a paraphrased spin keeps about half of its unigram+bigram shingles
# (measured on a spun copy of examples/baghouz.txt written for tests/test_merge.py: 0.45).
LSH_THRESHOLD = 0.35
# Confirmation: exact Jaccard of the shingle sets, or containment for a copy cut short.
MIN_JACCARD = 0.40
MIN_CONTAINMENT = 0.80
# A copy is published within this many days of its original (wire copies: the same day or the next;
# a weekly paper reprinting a story, or a site re-posting it: up to two weeks).
WINDOW_DAYS = 14
# Numbers two reports must share (Jaccard of their sets) when each has some the other lacks.
MIN_NUMBER_OVERLAP = 0.5
# Texts shorter than this many words are headlines or fragments: too little to call a copy.
MIN_WORDS = 25

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_NUMBER = re.compile(r"\d+")


def shingles(text: str) -> set[str]:
    """The text's lower-cased word unigrams and bigrams."""
    words = _WORD.findall(text.lower())
    return set(words) | {f"{a} {b}" for a, b in zip(words, words[1:], strict=False)}


def _numbers(text: str) -> set[str]:
    return {n.lstrip("0") or "0" for n in _NUMBER.findall(text)}


def _numbers_agree(a: frozenset[str], b: frozenset[str]) -> bool:
    """One story's numbers, or an update of it; not two stories from one template.

    A copy cut short has a subset of the numbers; an updated copy (a death toll that rose) shares
    most of them; two template stories ("town number 3 ... arrested 5", "town number 4 ...
    arrested 6") share few.
    """
    if a <= b or b <= a:
        return True
    return len(a & b) / len(a | b) >= MIN_NUMBER_OVERLAP


@dataclass(frozen=True, slots=True)
class Copy:
    """``article_id`` copies ``original_id``: the LSH estimate and the exact scores that confirm."""

    article_id: str
    original_id: str
    minhash: float
    jaccard: float
    containment: float

    @property
    def kind(self) -> str:
        return "exact" if self.jaccard >= 0.999 else "near"


@dataclass(frozen=True, slots=True)
class _Entry:
    article_id: str
    published: date | None
    shingles: frozenset[str]
    numbers: frozenset[str]
    minhash: object


class CopyIndex:
    """Articles seen so far, by MinHash; ``find`` names the original an article copies, if any.

    ``loader(start, end)`` (optional) returns stored articles published in that date range; the
    index asks for each day once, the first time an article of a nearby day arrives, so a batch
    sees copies of what earlier batches stored without loading the whole store.
    """

    def __init__(
        self,
        loader: Callable[[date, date], Iterable[Article]] | None = None,
        *,
        lsh_threshold: float = LSH_THRESHOLD,
        min_jaccard: float = MIN_JACCARD,
        min_containment: float = MIN_CONTAINMENT,
        window_days: int = WINDOW_DAYS,
    ) -> None:
        from datasketch import MinHash, MinHashLSH  # heavy: numpy, scipy

        self._minhash = MinHash
        self._lsh = MinHashLSH(threshold=lsh_threshold, num_perm=NUM_PERM)
        self._entries: dict[str, _Entry] = {}
        self._loader = loader
        self._loaded_days: set[date] = set()
        self.min_jaccard = min_jaccard
        self.min_containment = min_containment
        self.window = timedelta(days=window_days)

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._entries

    def _entry(self, article: Article) -> _Entry:
        sh = shingles(article.text)
        mh = self._minhash(num_perm=NUM_PERM)
        mh.update_batch([s.encode("utf-8") for s in sh])
        return _Entry(article.id, article.published, frozenset(sh),
                      frozenset(_numbers(article.text)), mh)  # fmt: skip

    def _load_around(self, day: date) -> None:
        """Bring the stored articles of ``day`` ± the window into the index (each day once)."""
        if self._loader is None:
            return
        days = [day + timedelta(days=d) for d in range(-self.window.days, self.window.days + 1)]
        missing = [d for d in days if d not in self._loaded_days]
        if not missing:
            return
        self._loaded_days.update(missing)
        for stored in self._loader(min(missing), max(missing)):
            if stored.id not in self._entries:
                self._insert(self._entry(stored))

    def _insert(self, entry: _Entry) -> None:
        self._entries[entry.article_id] = entry
        self._lsh.insert(entry.article_id, entry.minhash)

    def add(self, article: Article) -> Copy | None:
        """The article seen before that this one copies (the closest), if any; then index it."""
        if article.published is not None:
            self._load_around(article.published)
        entry = self._entry(article)
        found = self._best(entry)
        if article.id not in self._entries:
            self._insert(entry)
        return found

    def _best(self, entry: _Entry) -> Copy | None:
        if len(entry.shingles) < 2 * MIN_WORDS:  # unigrams + bigrams of ~MIN_WORDS words
            return None
        best: Copy | None = None
        for other_id in self._lsh.query(entry.minhash):
            other = self._entries[other_id]
            if other_id == entry.article_id or not self._near_in_time(entry, other):
                continue
            copy = self._confirm(entry, other)
            if copy is not None and (best is None or copy.jaccard > best.jaccard):
                best = copy
        return best

    def _near_in_time(self, a: _Entry, b: _Entry) -> bool:
        if a.published is None or b.published is None:
            return True
        return abs(a.published - b.published) <= self.window

    def _confirm(self, entry: _Entry, other: _Entry) -> Copy | None:
        common = len(entry.shingles & other.shingles)
        if not common:
            return None
        jaccard = common / len(entry.shingles | other.shingles)
        containment = common / min(len(entry.shingles), len(other.shingles))
        if jaccard < self.min_jaccard and containment < self.min_containment:
            return None
        if not _numbers_agree(entry.numbers, other.numbers):
            return None
        estimate = float(entry.minhash.jaccard(other.minhash))  # type: ignore[attr-defined]
        return Copy(entry.article_id, other.article_id, round(estimate, 3), round(jaccard, 3),
                    round(containment, 3))  # fmt: skip

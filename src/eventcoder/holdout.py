"""The one train/holdout split of the dev data, shared by training, tuning, evaluation and benches.

An ACLED row is held out when the sha256 of its ``notes`` falls in the last fifth: split by note
text, so the same note coded as several events (ACLED splits fatalities across locations) never
lands on both sides. Nothing is tuned on the holdout; figures in notes and the model card come from it.
"""

from __future__ import annotations

import hashlib

__all__ = ["HOLDOUT_SHARE", "is_holdout"]

HOLDOUT_SHARE = 5  # one row in five


def is_holdout(key: str) -> bool:
    """True for the held-out fifth; ``key`` is a note's text, or another corpus's stable id."""
    return int(hashlib.sha256(key.strip().encode("utf-8")).hexdigest(), 16) % HOLDOUT_SHARE == 0

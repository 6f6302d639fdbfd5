"""The holdout rule, for scripts under bench/: see eventcoder.holdout (one rule, one place)."""

from __future__ import annotations

from eventcoder.holdout import HOLDOUT_SHARE, is_holdout

__all__ = ["HOLDOUT_SHARE", "is_holdout", "is_holdout_key"]

is_holdout_key = is_holdout

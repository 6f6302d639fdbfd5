"""Storage: the Store protocol and ``open_store(url)``. Only this package writes SQL."""

from __future__ import annotations

from .base import Batch, Cluster, EventQuery, MergeLink, Store
from .sql import SqlStore, open_store

__all__ = ["Batch", "Cluster", "EventQuery", "MergeLink", "SqlStore", "Store", "open_store"]

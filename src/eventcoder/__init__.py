"""eventcoder: news about political violence and protest in, ACLED-format events with evidence out.

    >>> from eventcoder import Pipeline, code
    >>> events = code(text, published=date(2019, 3, 12), pipeline=Pipeline.from_config())
"""

from __future__ import annotations

import logging

from .batch import BatchReport, code, code_inputs
from .config import Config, load_config
from .errors import EventcoderError
from .model import Article, EventRecord, Evidence, Rejection, Span, Work
from .pipeline import Pipeline
from .store import open_store

__all__ = [
    "Article",
    "BatchReport",
    "Config",
    "EventRecord",
    "EventcoderError",
    "Evidence",
    "Pipeline",
    "Rejection",
    "Span",
    "Work",
    "code",
    "code_inputs",
    "load_config",
    "open_store",
]

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())

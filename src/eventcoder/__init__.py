"""eventcoder: news about political violence and protest in, ACLED-format events with evidence out."""

from __future__ import annotations

import logging

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())

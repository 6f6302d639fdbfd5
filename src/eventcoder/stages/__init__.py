"""The built-in stages, in pipeline order. Importing this module registers them.

    clean → nlp → events → places → dates → actors → fatalities → finalize

Third-party stages register through the entry-point group ``eventcoder.stages``.
"""

from __future__ import annotations

from . import actors, clean, dates, events, fatalities, finalize, nlp, places

__all__ = ["actors", "clean", "dates", "events", "fatalities", "finalize", "nlp", "places"]

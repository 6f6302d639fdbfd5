from __future__ import annotations
import importlib
for _m in ("clean", "nlp", "events", "places", "dates", "actors", "fatalities", "finalize"):
    try:
        importlib.import_module(f"{__name__}.{_m}")
    except ModuleNotFoundError:
        pass

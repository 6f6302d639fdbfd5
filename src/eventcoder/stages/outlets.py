"""Outlets and ACLED's ``source_scale``: how far an outlet's reporting reaches.

A helper of the ``finalize`` stage (each report's scale) and of ``merge`` (a merged event's scale
from its reports'). Reads ``data/outlets.tsv`` (outlet names and web hosts with their scale; see
its header for how it was built). Fails with :class:`~eventcoder.errors.ConfigError` when that
file is malformed.

ACLED's scales, from the most local reach to the widest: Local partner, Other (NGO and official
reports), New media, Subnational, National, Regional, International. An event reported at several
scales is coded with the lowest and the highest, joined by a hyphen ("Subnational-National",
"New media-International"): the dev data's 14,780 rows use exactly this order in every combined
value they hold.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from importlib import resources

from ..errors import ConfigError

SCALES = (
    "Local partner", "Other", "New media", "Subnational", "National", "Regional", "International",
)  # fmt: skip
# An outlet nobody has filed: most of ACLED's reports (74% of the dev rows) are National.
DEFAULT_SCALE = "National"

_HOST = re.compile(r"^(?:[a-z][a-z0-9+.-]*://)?(?:www\d?\.|m\.|amp\.)?([^/:?#\s]+)", re.I)
_BRACKETS = re.compile(r"\s*\([^)]*\)")


def outlet_key(name: str) -> str:
    """The form outlets are filed under: lower case, no country in brackets, no leading 'the'.

    ``"The Star (Kenya)"`` -> ``"star"``; ``"https://www.Reuters.com/world"`` -> ``"reuters.com"``.
    """
    low = name.strip().lower()
    if "." in low and " " not in low:  # a web address or host
        m = _HOST.match(low)
        return m.group(1) if m else low
    low = _BRACKETS.sub("", low)
    low = re.sub(r"^the\s+", "", low)
    return re.sub(r"\s+", " ", low).strip()


def combined_scale(scales: Iterable[str]) -> str:
    """ACLED's scale of several reports: one kind is itself, several are 'lowest-highest'.

    Each input may itself be combined (a merged event's "National-International"). Unknown
    kinds and empty values are ignored; no known kind gives "".
    """
    kinds = {part for value in scales for part in value.split("-") if part in SCALES}
    ordered = sorted(kinds, key=SCALES.index)
    if not ordered:
        return ""
    return ordered[0] if len(ordered) == 1 else f"{ordered[0]}-{ordered[-1]}"


class OutletScales:
    """The scale of each filed outlet; an outlet not filed is National (ACLED's usual case)."""

    def __init__(self) -> None:
        text = resources.files("eventcoder").joinpath("data/outlets.tsv").read_text("utf-8")
        self.scales: dict[str, str] = {}
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip() or line.startswith("#") or line == "outlet\tscale":
                continue
            name, sep, scale = line.partition("\t")
            if not sep or scale not in SCALES:
                raise ConfigError(f"outlets.tsv line {number}: want 'outlet<TAB>scale' with a "
                                  f"scale of {', '.join(SCALES)}; got {line!r}")  # fmt: skip
            self.scales[outlet_key(name)] = scale

    def scale_of(self, outlet: str) -> str:
        """``"Reuters"`` -> International; ``"nation.africa"`` -> National; ``""`` -> ``""``."""
        key = outlet_key(outlet)
        if not key:
            return ""
        if key in self.scales:
            return self.scales[key]
        # A host under a filed one ("news.bbc.co.uk" under "bbc.co.uk").
        parts = key.split(".")
        for i in range(1, len(parts) - 1):
            found = self.scales.get(".".join(parts[i:]))
            if found:
                return found
        return DEFAULT_SCALE

    def scale_of_all(self, outlets: Iterable[str]) -> str:
        return combined_scale(self.scale_of(o) for o in outlets)

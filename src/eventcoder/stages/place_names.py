"""Other readings of a toponym that the gazetteer does not know as written (stage ``places``).

Used by :mod:`.place_toponyms` once the exact name and its kind word have failed: a mountain
spelt "Mount", "Mt" or "Mt." ("Mount Elgon" for ACLED's "Mt. Elgon"), a town written before its
admin area without a comma ("in Tijuana Baja California"), and how alike a reading found by
consonant skeleton is to the name. Roads named after their ends ("the Eldoret-Malaba highway")
are left alone: events on them are seldom at the first town (measured on non-holdout Kenya
notes). A part of a place named by a compass word ("South Los Angeles", "North Hollywood") is
read as that place (:func:`compass_part`). Whether the areas named beside a place rule its
readings out (:func:`abroad`) is asked there too; how prominent each reading is (the share of
each country in a name) and whether a named area holds a place under another name are asked by
:mod:`eventcoder.stages.places` when it chooses. Reads only the gazetteer; never fails (no
reading is an empty tuple).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from difflib import SequenceMatcher

from ..gazetteer import Gazetteer, Place, name_key

# A reading found by consonant skeleton only is kept when its name is this similar (difflib's
# ratio of the name keys): transliterations ("Qaser Bin Ghashir"/"Qasr Bin Ghashir" 0.97,
# "Deir ez-Zor"/"Dayr az Zawr" 0.61) pass, other names with the same consonants
# ("Nyongoro"/"Wanguru" 0.40, "Nakwanye"/"Nanyuki" 0.53) do not; measured on non-holdout notes.
FUZZY_FLOOR = 0.6
# ACLED's conflict locations have no population; where events recur they outrank hamlets.
CONFLICT_TOWN = 10_000
# Admin areas are better known than towns of their population; admin2 (an "Athens County") less so.
LEVEL_PROMINENCE = {1: 2.0, 2: 0.5, 3: 0.0}
_MOUNT = re.compile(r"^(?:Mount|Mt\.?)\s+(?=[A-Z])")
# A compass word before a name: "South Los Angeles", "Northern Aleppo", "North-East Kherson".
_COMPASS = re.compile(
    r"^(?:(?:North|South)(?:[ -]?(?:[Ee]ast|[Ww]est))?(?:ern)?|(?:East|West)(?:ern)?|Central)"
    r"\s+(?=[A-Z])"
)


def similarity(name: str, other: str) -> float:
    """How alike two names are, 0 to 1, on their normalised keys."""
    return SequenceMatcher(None, name_key(name), name_key(other)).ratio()


def mountain(gazetteer: Gazetteer, name: str) -> tuple[Place, ...]:
    """One mountain spelt "Mount Elgon", "Mt Elgon" or "Mt. Elgon" (or the area named after it)."""
    if not _MOUNT.match(name):
        return ()
    rest = _MOUNT.sub("", name)
    for form in (f"Mt. {rest}", f"Mt {rest}", f"Mount {rest}"):
        found = tuple(gazetteer.lookup(form, fuzzy=False))
        if found:
            return found
    return ()


def compass_part(gazetteer: Gazetteer, name: str) -> tuple[Place, ...]:
    """The place that a compass word names a part of: "South Los Angeles" is in Los Angeles.

    Only for names the gazetteer lacks as written ("South Sudan", "North Kivu" are places of
    their own). Parts named so belong to cities and admin areas the news knows well, not to
    namesake hamlets abroad (Los Angeles, Chile's "Los Ángeles" and a dozen Mexican villages):
    the readings are those in the country of the most prominent one.
    """
    if not _COMPASS.match(name):
        return ()
    rest = _COMPASS.sub("", name)
    found = tuple(gazetteer.lookup(rest, fuzzy=False)) if len(rest) >= 3 else ()
    found = tuple(c for c in found if c.level > 0)
    if not found:
        return ()
    top = max(found, key=_prominence)
    return tuple(c for c in found if c.iso2 == top.iso2)


def town_and_area(
    gazetteer: Gazetteer, name: str, matches: Callable[[Place, tuple[str, ...]], bool]
) -> tuple[str, str, tuple[Place, ...]]:
    """The town, the area after it and the town's readings there ("Tijuana Baja California").

    The longest head whose readings lie in the area the rest of the name names (``matches``
    tells); ``("", "", ())`` when no split works.
    """
    words = name.split()
    for i in range(len(words) - 1, 0, -1):
        head, tail = " ".join(words[:i]), " ".join(words[i:])
        if len(head) < 3 or name_key(head) == name_key(tail):
            continue  # "the Mau Mau group": a name, not the town of Mau in an area Mau
        found = tuple(c for c in gazetteer.lookup(head, fuzzy=False) if matches(c, (tail,)))
        if found:
            return head, tail, found
    return "", "", ()


def abroad(
    gazetteer: Gazetteer,
    candidates: tuple[Place, ...],
    hints: tuple[str, ...],
    matches: Callable[[Place, tuple[str, ...]], bool],
) -> bool:
    """True when the areas named beside a place lie in countries where none of its readings is.

    "in El Refugio (Ahuachapan)", "Mine 6/7, Donetsk", "Sahara in Aleppo": the gazetteer lacks
    the place, and its readings (Mexican hamlets, a Japanese town, a Yemeni village) are
    namesakes abroad that must neither vote for the country nor stand for the place; the area
    stands in. Only countries, admin1 and admin2 areas count as areas, and a reading anywhere
    in their countries keeps the place (GeoNames and ACLED file some towns under other areas),
    as does a hint that is also a town of a reading's country ("Dhaka - Mirpur (Mirpur)").
    """
    if not hints or not candidates or any(matches(c, hints) for c in candidates):
        return False
    readings = [p for h in hints for p in gazetteer.lookup(h, fuzzy=False)]
    # "Dhaka - Mirpur (Mirpur)": a hint that is also a town at home is the place's own name.
    home = {p.iso2 for p in readings}
    return any(p.level <= 2 for p in readings) and not any(c.iso2 in home for c in candidates)


def conflict_location(place: Place) -> bool:
    """One of ACLED's conflict locations (they alone have no population)."""
    return place.level == 3 and place.population == 0


def population_of(place: Place) -> int:
    """A town's population; ACLED's conflict locations (none known) count as a small town."""
    return CONFLICT_TOWN if conflict_location(place) else place.population


def _prominence(place: Place) -> float:
    """How likely a reading of a name is the one meant: countries, admin areas, big towns."""
    if place.level == 0:
        return 12.0
    if conflict_location(place):
        # ACLED's own conflict locations (no population known): places where events happen.
        return 4.0
    return LEVEL_PROMINENCE[place.level] + math.log10(place.population + 1)


def country_shares(candidates: tuple[Place, ...]) -> dict[str, float]:
    """Each country's share of a name, by the prominence of its best reading there."""
    best: dict[str, float] = {}
    for c in candidates:
        best[c.iso2] = max(best.get(c.iso2, 0.0), _prominence(c))
    # Squared, so that a city of a million outweighs a hamlet of the same name by far.
    total = sum(v * v for v in best.values()) or 1.0
    return {iso2: v * v / total for iso2, v in best.items()}


def hint_resolves(gazetteer: Gazetteer, place: Place, hints: tuple[str, ...]) -> bool:
    """True when an admin area that a hint names holds ``place`` under another name: "Shan
    State" is ACLED's Shan-North, South or East."""
    names = {name_key(place.admin1), name_key(place.admin2)} - {""}
    return any(
        name_key(p.admin2 if p.level == 2 else p.admin1) in names
        for h in hints
        for p in gazetteer.lookup(h, fuzzy=False)
        if p.level in (1, 2) and p.iso2 == place.iso2
    )

"""Other readings of a toponym that the gazetteer does not know as written (stage ``places``).

Used by :mod:`eventcoder.stages.places` once the exact name and its kind word have failed: a
mountain spelt "Mount", "Mt" or "Mt." ("Mount Elgon" for ACLED's "Mt. Elgon"), a town written
before its admin area without a comma ("in Tijuana Baja California"), and how alike a reading
found by consonant skeleton is to the name. Roads named after their ends ("the Eldoret-Malaba
highway") are left alone: events on them are seldom at the first town (measured on non-holdout
Kenya notes). Reads only the gazetteer; never fails (no reading is an empty tuple).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from difflib import SequenceMatcher

from ..gazetteer import Gazetteer, Place, name_key

# A reading found by consonant skeleton only is kept when its name is this similar (difflib's
# ratio of the name keys): transliterations ("Qaser Bin Ghashir"/"Qasr Bin Ghashir" 0.97,
# "Deir ez-Zor"/"Dayr az Zawr" 0.61) pass, other names with the same consonants
# ("Nyongoro"/"Wanguru" 0.40, "Nakwanye"/"Nanyuki" 0.53) do not; measured on non-holdout notes.
FUZZY_FLOOR = 0.6
_MOUNT = re.compile(r"^(?:Mount|Mt\.?)\s+(?=[A-Z])")


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

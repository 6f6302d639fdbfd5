"""The gazetteer's GeoNames import (``eventcoder gazetteer import``) and its use by the places stage.

The fixture tests/fixtures/geonames/SY.txt is hand-written in GeoNames' dump format (see the
README beside it): villages of Deir ez-Zor, a namesake hamlet in Iraq, a river and one line cut
short. Imports go into a temporary directory that links the already built index, so the real
user data directory is never written and no index is rebuilt.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventcoder.batch import code_inputs
from eventcoder.cli import main
from eventcoder.config import load_config
from eventcoder.errors import InputError, MalformedRecord
from eventcoder.evaluate import km_between
from eventcoder.gazetteer import USER_FILE, Gazetteer, name_key
from eventcoder.geonames import gazetteer_info, import_geonames
from eventcoder.model import Work
from eventcoder.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "geonames"
DUMP = FIXTURES / "SY.txt"
ADMIN1 = FIXTURES / "admin1CodesASCII.txt"
SEED = ROOT / "examples" / "baghouz.txt"
# Al Baghuz Fawqani, the village of IS's last stand (March 2019).
VILLAGE = (34.47, 40.94)
BAGHOUZ_EVENTS = ("Air/drone strike", "Armed clash")


def _data_dir(tmp: Path) -> Path:
    """A temporary gazetteer directory holding a link to the built index."""
    index = Gazetteer()  # built once into the user data directory (as the default pipeline does)
    index.close()
    (tmp / index.path.name).symlink_to(index.path)
    return tmp


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return _data_dir(tmp_path)


@pytest.fixture(scope="module")
def imported_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = _data_dir(tmp_path_factory.mktemp("gazetteer"))
    import_geonames(DUMP, cache_dir=directory, admin1=ADMIN1)
    return directory


def _seed(pipeline: Pipeline) -> Work:
    report = code_inputs(pipeline, [str(SEED)], keep=True)
    [work] = report.works
    return work


@pytest.fixture(scope="module")
def imported_work(imported_dir: Path) -> Work:
    config = load_config(environ={}, overrides={"places.cache_dir": str(imported_dir)})
    return _seed(Pipeline.from_config(config))


def test_import_counts_kept_skipped_and_malformed_lines(data_dir: Path) -> None:
    result = import_geonames(DUMP, cache_dir=data_dir, admin1=ADMIN1)
    # 4 Syrian villages and towns plus the Iraqi hamlet; the ADM1 and ADM2 rows are areas the
    # index already has, the river is no populated place.
    assert (result.kept, result.skipped, result.bad) == (5, 3, 1)
    [problem] = result.problems
    assert isinstance(problem, MalformedRecord)
    assert problem.source == f"{DUMP}:6"
    assert "9 columns" in str(problem) and "E105" in str(problem)


def test_import_is_idempotent(data_dir: Path) -> None:
    first = import_geonames(DUMP, cache_dir=data_dir)
    second = import_geonames(DUMP, cache_dir=data_dir)
    assert (first.replaced, second.replaced, second.kept) == (0, 5, 5)
    db = sqlite3.connect(data_dir / USER_FILE)
    assert db.execute("SELECT count(*) FROM places").fetchone()[0] == 5
    [key_rows] = db.execute("SELECT count(*) FROM names WHERE key = 'baghouz'").fetchone()
    assert key_rows == 2  # the Syrian village and the Iraqi hamlet, once each
    db.close()
    [(source, kept, bad, _)] = gazetteer_info(data_dir).imports
    assert (source, kept, bad) == ("SY", 5, 1)


def test_imported_village_is_found_with_its_admin_areas(imported_dir: Path) -> None:
    gazetteer = Gazetteer(imported_dir)
    [village] = [p for p in gazetteer.lookup("Baghouz") if p.iso2 == "SY"]
    gazetteer.close()
    assert name_key(village.name) == "al baghuz al fawqani"
    assert (village.level, village.country, village.admin1_code) == (3, "Syria", "SY.07")
    assert name_key(village.admin1) == "deir ez zor"  # ACLED's name, as the index gives it
    assert km_between(village.latitude, village.longitude, *VILLAGE) <= 5


@pytest.mark.parametrize(
    ("path", "message"),
    [
        (FIXTURES / "missing.zip", "no such GeoNames file"),
        (ADMIN1, "no GeoNames rows read"),  # a code file given where the table belongs
    ],
)
def test_import_errors_name_the_file(data_dir: Path, path: Path, message: str) -> None:
    with pytest.raises(InputError, match=message) as info:
        import_geonames(path, cache_dir=data_dir)
    assert info.value.source == str(path)
    assert not (data_dir / USER_FILE).exists() or sqlite3.connect(data_dir / USER_FILE).execute(
        "SELECT count(*) FROM places"
    ).fetchone() == (0,)


def test_seed_is_located_at_the_imported_village(imported_work: Work) -> None:
    located = [e for e in imported_work.events if e.evidence_for("location")[0].span.text == "Baghouz"]
    assert {e.sub_event_type for e in located} >= set(BAGHOUZ_EVENTS)
    for event in located:
        assert name_key(event.location) == "al baghuz al fawqani"
        assert event.latitude is not None and event.longitude is not None
        assert km_between(event.latitude, event.longitude, *VILLAGE) <= 5
        assert (event.country, name_key(event.admin1)) == ("Syria", "deir ez zor")
        # ACLED's precision 1: the named town. Baghouz is the only town the article names, so
        # events told in sentences that do not name it ("Air assaults demolished IS stores") are
        # placed there too.
        assert event.geo_precision == 1


@pytest.mark.parametrize("sub_type", BAGHOUZ_EVENTS)
def test_seed_without_import_stays_at_the_index_place(pipeline: Pipeline, sub_type: str) -> None:
    [event] = [e for e in _seed(pipeline).events if e.sub_event_type == sub_type][:1]
    assert (event.country, name_key(event.admin1)) == ("Syria", "deir ez zor")
    assert event.latitude is not None and event.longitude is not None
    assert km_between(event.latitude, event.longitude, *VILLAGE) <= 30
    # The default index knows ACLED's "Baghuz", about 6 km from the village, named as the place.
    assert event.geo_precision == 1


def test_cli_import_and_info(data_dir: Path) -> None:
    env = {"EVENTCODER_PLACES__CACHE_DIR": str(data_dir)}
    runner = CliRunner()
    done = runner.invoke(main, ["gazetteer", "import", str(DUMP), "--admin1", str(ADMIN1)], env=env)
    assert done.exit_code == 0, done.output
    assert "5 places imported from SY" in done.output
    assert f"skipped: {DUMP}:6:" in done.output
    info = runner.invoke(main, ["gazetteer", "info"], env=env)
    assert info.exit_code == 0 and "SY: 5 places, 1 malformed" in info.output
    missing = runner.invoke(main, ["gazetteer", "import", os.fspath(FIXTURES / "none.txt")], env=env)
    assert missing.exit_code == 1 and "no such GeoNames file" in missing.output

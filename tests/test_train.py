"""`eventcoder train`, run for real on a small ACLED-format file written for these tests.

``tests/fixtures/gold/small_gold.csv`` holds 20 notes we wrote in ACLED's style: three sub-event
types, two countries and four admin1 areas, each area with its own recurring actors and words.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from eventcoder.classify import load_model, read_gold
from eventcoder.cli import main
from eventcoder.errors import InputError

GOLD = Path(__file__).parent / "fixtures" / "gold" / "small_gold.csv"


def _train(tmp_path: Path, kind: str, *extra: str) -> Path:
    out = tmp_path / f"{kind}.joblib"
    result = CliRunner().invoke(main, ["train", str(GOLD), "--kind", kind, "-o", str(out), *extra])
    assert result.exit_code == 0, result.output
    assert "trained on 20 examples" in result.output
    return out


def test_read_gold_joins_columns_into_one_label() -> None:
    pairs = read_gold([GOLD], label="country|admin1")
    assert len(pairs) == 20
    assert {label for _, label in pairs} == {
        "Kenya|Nairobi", "Kenya|Turkana", "Kenya|Garissa", "Bangladesh|Dhaka"
    }  # fmt: skip


def test_read_gold_names_the_file_without_a_column(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("event_date,notes\n2019-01-01,Police fired tear gas.\n")
    with pytest.raises(InputError, match="no column admin1, country") as err:
        read_gold([bad], label="country|admin1")
    assert str(bad) in str(err.value.source)


def test_area_model_learns_where_words_point(tmp_path: Path) -> None:
    model = load_model(_train(tmp_path, "area", "--min-examples", "5"), kind="area")
    label, _ = model.predict("Raiders shot a herder and drove away his camels and goats.")
    assert label == "Kenya|Turkana"
    label, _ = model.predict("Al Shabaab militants exchanged fire with police near the border.")
    assert label == "Kenya|Garissa"
    label, _ = model.predict("Opposition activists formed a human chain in front of the press club.")
    assert label == "Bangladesh|Dhaka"


def test_area_model_refuses_areas_below_the_floor(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["train", str(GOLD), "--kind", "area", "-o", str(tmp_path / "a.joblib")]
    )
    assert result.exit_code != 0
    assert "too few examples" in result.output
    assert not (tmp_path / "a.joblib").exists()


def test_country_model_from_notes(tmp_path: Path) -> None:
    model = load_model(_train(tmp_path, "country"), kind="country")
    label, probability = model.predict("Activists formed a human chain at the press club.")
    assert label == "Bangladesh"
    assert 0.3 < probability <= 1.0

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from test_store import _work

from eventcoder.errors import ConfigError
from eventcoder.export import COLUMNS, write_events


def test_csv_has_the_contract_columns_in_order(tmp_path: Path) -> None:
    out = tmp_path / "e.csv"
    assert write_events(_work(n=2).events, out) == 2
    with open(out, newline="") as fh:
        reader = csv.DictReader(fh)
        rows = list(reader)
    assert tuple(reader.fieldnames or ()) == COLUMNS
    assert COLUMNS[:3] == ("event_id_cnty", "event_date", "year")
    assert COLUMNS[-2:] == ("article_ids", "confidence")
    assert rows[0]["event_date"] == "2021-05-03"
    assert rows[0]["year"] == "2021"
    assert rows[0]["interaction"] == "16"
    assert rows[0]["inter2"] == "1"
    assert rows[0]["sub_event_type"] == "Protest with intervention"
    assert rows[0]["latitude"] == "-4.05"


def test_jsonl_carries_evidence_and_wounded(tmp_path: Path) -> None:
    out = tmp_path / "e.jsonl"
    write_events(_work().events, out)
    [record] = [json.loads(line) for line in out.read_text().splitlines()]
    assert record["wounded"] == 2
    assert record["evidence"][0] == {
        "field": "location", "start": 54, "end": 61, "text": "Mombasa", "stage": "places", "version": 1,
    }  # fmt: skip
    assert record["article_ids"] == [_work().article.id]


def test_geojson_points_are_lon_lat(tmp_path: Path) -> None:
    out = tmp_path / "e.geojson"
    write_events(_work().events, out)
    data = json.loads(out.read_text())
    assert data["features"][0]["geometry"]["coordinates"] == [39.66, -4.05]
    assert data["features"][0]["properties"]["country"] == "Kenya"


def test_unknown_extension_is_a_clear_error_and_writes_nothing(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"\.csv, \.jsonl or \.geojson"):
        write_events(_work().events, tmp_path / "e.xlsx")
    assert list(tmp_path.iterdir()) == []

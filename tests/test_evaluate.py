from __future__ import annotations

import pytest

from eventcoder.evaluate import evaluate_gold, main_events, names_match


@pytest.mark.parametrize(
    ("a", "b", "ok"),
    [
        ("Military Forces of Syria (2000-)", "military forces of syria", True),
        ("QSD: Syrian Democratic Forces", "Syrian Democratic Forces", True),
        ("Islamic State (Syria)", "Islamic State (Iraq)", True),  # parenthesised parts ignored
        ("Protesters (Kenya)", "Rioters (Kenya)", False),
        ("Deir ez Zor", "Deir-ez-Zor", True),
        ("Al Shabaab", "", False),
    ],
)
def test_names_match(a: str, b: str, ok: bool) -> None:
    assert names_match(a, b) is ok


def test_scores_count_missing_predictions_as_wrong() -> None:
    gold = [
        {"event_id_cnty": "A1", "event_type": "Battles", "sub_event_type": "Armed clash",
         "actor1": "Al Shabaab", "actor2": "Military Forces of Somalia (2022-)", "country": "Somalia",
         "admin1": "Banadir", "latitude": "2.04", "longitude": "45.34", "event_date": "2020-05-09",
         "fatalities": "3"},
        {"event_id_cnty": "A2", "event_type": "Protests", "sub_event_type": "Peaceful protest",
         "actor1": "Protesters (Kenya)", "actor2": "", "country": "Kenya", "admin1": "Nairobi",
         "latitude": "-1.28", "longitude": "36.82", "event_date": "2020-05-09", "fatalities": "0"},
    ]  # fmt: skip
    pred = main_events(
        [
            {"article_ids": "A1", "event_type": "Battles", "sub_event_type": "Armed clash",
             "actor1": "Al Shabaab", "actor2": "", "country": "Somalia", "admin1": "Banaadir",
             "latitude": "2.10", "longitude": "45.30", "event_date": "2020-05-09", "fatalities": "3"},
            {"article_ids": "A1", "event_type": "Protests", "sub_event_type": "Peaceful protest"},
        ]
    )  # fmt: skip
    s = evaluate_gold(gold, pred).as_dict()
    assert s["coverage"] == 0.5
    assert s["event_type"] == 0.5
    assert s["actor2"] == 0.0
    assert s["admin1"] == 0.5
    assert s["within_25km"] == 0.5
    assert s["fatalities_gold_gt0"] == 1.0
    assert s["sub_event_type_macro_f1"] == pytest.approx(0.5)

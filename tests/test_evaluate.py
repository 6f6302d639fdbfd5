from __future__ import annotations

import pytest

from eventcoder.evaluate import dyadic, evaluate_gold, main_events, names_match, states_full_date


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


@pytest.mark.parametrize(
    ("note", "stated"),
    [
        ("On 9 May 2020, protesters gathered in Nairobi.", True),
        ("On Oct 14th 2019, gunmen shot a reservist near Sipili.", True),
        ("On 22 January, residents blocked the road.", False),  # no year: needs a publication date
        ("Clashes between rival groups over cattle and land.", False),
        ("Raids continued in May 2021 (month of).", False),  # a month, not a day
    ],
)
def test_notes_that_state_their_date(note: str, stated: bool) -> None:
    assert states_full_date(note) is stated


def test_date_is_also_scored_over_the_notes_that_state_it() -> None:
    gold = [
        {"event_id_cnty": "D1", "notes": "On 9 May 2020, police fired tear gas.", "event_date": "2020-05-09",
         "event_type": "Protests", "sub_event_type": "Protest with intervention"},
        {"event_id_cnty": "D2", "notes": "Police fired tear gas at traders.", "event_date": "2020-05-09",
         "event_type": "Protests", "sub_event_type": "Protest with intervention"},
    ]  # fmt: skip
    pred = main_events(
        [{"article_ids": "D1", "event_date": "2020-05-09"}, {"article_ids": "D2", "event_date": ""}]
    )
    s = evaluate_gold(gold, pred).as_dict()
    assert s["event_date"] == 0.5
    assert s["event_date_stated"] == 1.0


def test_na_actor2_is_no_actor_and_inter_codes_may_be_words() -> None:
    gold = [
        {"event_id_cnty": "M1", "event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike",
         "actor1": "Military Forces of Myanmar (2021-)", "actor2": "NA", "inter1": "State forces"},
        {"event_id_cnty": "B1", "event_type": "Riots", "sub_event_type": "Violent demonstration",
         "actor1": "Rioters (Bangladesh)", "actor2": "", "inter1": "5"},
    ]  # fmt: skip
    pred = main_events(
        [
            {"article_ids": "M1", "actor1": "Military Forces of Myanmar (2021-)", "actor2": "", "inter1": "1"},
            {"article_ids": "B1", "actor1": "Rioters (Bangladesh)", "inter1": "6"},
        ]
    )  # fmt: skip
    s = evaluate_gold(gold, pred)
    assert s.ratio("actor2").total == 0  # "NA" is not an actor to match
    assert (s.ratio("inter1").hit, s.ratio("inter1").total) == (1, 2)


def test_monadic_rows_are_joined_into_one_dyadic_row() -> None:
    # A monadic export: one event, one row per actor, actor1's first. The interaction is sorted
    # by inter code ("State forces-Rioters" whoever acted), so it does not decide the order.
    note = "On 3 May 2023, a mob beat a suspected thief to death in Savar (Dhaka)."
    common = {
        "event_id_cnty": "BGD1", "notes": note, "actor2": "", "interaction": "Rioters-Civilians",
        "event_type": "Riots", "sub_event_type": "Mob violence",
    }
    victim = {**common, "actor1": "Civilians (Bangladesh)", "inter1": "Civilians"}
    mob = {**common, "actor1": "Rioters (Bangladesh)", "inter1": "Rioters"}
    other = {"event_id_cnty": "BGD2", "notes": "x", "actor1": "Protesters (Bangladesh)", "actor2": ""}
    rows = dyadic([mob, victim, other])
    assert len(rows) == 2 and rows[1] is other
    assert (rows[0]["actor1"], rows[0]["actor2"], rows[0]["inter2"]) == (
        "Rioters (Bangladesh)", "Civilians (Bangladesh)", "Civilians"
    )
    predicted = {"BGD1": {"actor1": "Rioters (Bangladesh)", "actor2": "Civilians (Bangladesh)"}}
    scores = evaluate_gold(rows[:1], predicted).as_dict()
    assert scores["actor1"] == 1.0 and scores["actor2"] == 1.0

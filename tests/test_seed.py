"""The reference article, end to end through the default pipeline (issue 2's acceptance test)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventcoder.batch import code_inputs
from eventcoder.evaluate import km_between
from eventcoder.model import EventRecord
from eventcoder.pipeline import Pipeline

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
BAGHOUZ = (34.48, 40.94)


def _one(events: tuple[EventRecord, ...], sub_type: str) -> EventRecord:
    found = [e for e in events if e.sub_event_type == sub_type]
    assert found, f"no {sub_type} among {[e.sub_event_type for e in events]}"
    return found[0]


def test_seed_has_at_least_three_events(seed_events: tuple[EventRecord, ...]) -> None:
    assert len(seed_events) >= 3
    assert [e.confidence for e in seed_events] == sorted((e.confidence for e in seed_events), reverse=True)


@pytest.mark.parametrize("sub_type", ["Air/drone strike", "Armed clash"])
def test_seed_strike_and_clash_are_at_baghouz_in_march_2019(
    seed_events: tuple[EventRecord, ...], sub_type: str
) -> None:
    event = _one(seed_events, sub_type)
    assert event.country == "Syria"
    assert event.iso == 760
    assert event.latitude is not None and event.longitude is not None
    assert km_between(event.latitude, event.longitude, *BAGHOUZ) <= 30
    assert event.event_date in (date(2019, 3, 10), date(2019, 3, 11))


def test_seed_clash_is_sdf_against_islamic_state(seed_events: tuple[EventRecord, ...]) -> None:
    clash = _one(seed_events, "Armed clash")
    assert {clash.actor1, clash.actor2} == {"QSD: Syrian Democratic Forces", "Islamic State (Syria)"}


def test_seed_sdf_fighter_death_is_counted_once(seed_events: tuple[EventRecord, ...]) -> None:
    assert sum(e.fatalities for e in seed_events) == 1
    [dead] = [e for e in seed_events if e.fatalities]
    assert "One SDF fighter was killed" in dead.evidence_for("fatalities")[0].span.text


def test_seed_codes_nothing_from_the_comment_form(seed_events: tuple[EventRecord, ...]) -> None:
    for event in seed_events:
        for ev in event.evidence:
            assert "Reply" not in ev.span.text and "email" not in ev.span.text


def test_html_page_of_the_same_story_gives_the_same_events(
    default_pipeline: Pipeline, seed_events: tuple[EventRecord, ...]
) -> None:
    report = code_inputs(default_pipeline, [str(EXAMPLES / "baghouz.html")], keep=True)
    [work] = report.works
    assert work.article.published == date(2019, 3, 12)
    assert [e.sub_event_type for e in work.events] == [e.sub_event_type for e in seed_events]

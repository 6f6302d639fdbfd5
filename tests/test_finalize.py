"""The ``finalize`` stage: notes that open with the event's date, once; sources and their scale."""

from __future__ import annotations

from datetime import date

import pytest

from eventcoder.model import Article
from eventcoder.pipeline import Pipeline
from eventcoder.stages.outlets import OutletScales


def test_notes_keep_a_date_the_mention_already_opens_with(pipeline: Pipeline) -> None:
    text = (
        "On 16 August 2022, in Sanchaung township (Yangon-West district, Yangon region), a bomb "
        "exploded at the township court office."
    )
    event = pipeline.run(Article(id="n1", text=text)).events[0]
    assert event.notes.startswith("On 16 August 2022, in Sanchaung township")
    assert event.notes.count("16 August 2022") == 1


def test_notes_open_with_the_resolved_date(pipeline: Pipeline) -> None:
    text = "Police fired tear gas at traders protesting in Nakuru on Monday against new fees."
    event = pipeline.run(Article(id="n2", text=text, published=date(2024, 3, 6))).events[0]
    assert event.event_date == date(2024, 3, 4)
    assert event.notes == f"On 4 March 2024, {text}"


@pytest.mark.parametrize(
    ("outlet", "scale"),
    [
        ("Reuters", "International"),
        ("https://www.reuters.com/world/africa/", "International"),
        ("news.bbc.co.uk", "International"),  # a host under a filed one
        ("The Star (Kenya)", "National"),
        ("Local Source", "Subnational"),
        ("Radio Free Asia", "Regional"),
        ("Twitter", "New media"),
        ("a-village-blog.example", "National"),  # not filed: ACLED's usual scale
        ("", ""),
    ],
)
def test_outlet_scale_is_acleds(outlet: str, scale: str) -> None:
    assert OutletScales().scale_of(outlet) == scale


def test_a_single_report_gets_its_outlets_scale(pipeline: Pipeline) -> None:
    text = "Police fired tear gas at traders protesting in Nakuru on Monday against new fees."
    article = Article(id="n3", text=text, url="https://www.reuters.com/world/africa/nakuru")
    [event] = pipeline.run(article).events
    assert (event.source, event.source_scale) == ("reuters.com", "International")


def test_notes_are_one_line(pipeline: Pipeline) -> None:
    text = (
        "Gunmen attacked a police post in\nGarissa on Monday,   killing two officers.\n\n"
        "The attackers fled toward the border."
    )
    event = pipeline.run(Article(id="n4", text=text, published=date(2024, 3, 6))).events[0]
    assert "\n" not in event.notes and "  " not in event.notes
    assert "attacked a police post in Garissa on Monday, killing two officers." in event.notes

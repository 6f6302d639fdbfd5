"""The ``finalize`` stage: the notes of a coded event open with its date, once."""

from __future__ import annotations

from datetime import date

from eventcoder.model import Article
from eventcoder.pipeline import Pipeline


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

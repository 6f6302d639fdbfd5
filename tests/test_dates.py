"""The dates stage: stated dates, ACLED time precision, dates relative to publication, the seed.

Sentences are written for these tests in the style of ACLED notes (no publication date) and of
news reports (with one); none is taken from the dev data.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from support.coding import main_event

from eventcoder.model import Article, EventRecord, Span
from eventcoder.pipeline import Pipeline
from eventcoder.stages.dates import DatesStage

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
STAGES = ("clean", "nlp", "events", "dates")


@pytest.fixture(scope="module")
def dates_pipeline(partial_pipeline: Callable[..., Pipeline]) -> Pipeline:
    return partial_pipeline(*STAGES)


def test_seed_attack_that_began_on_sunday_is_dated_sunday(seed_events: tuple[EventRecord, ...]) -> None:
    sunday = [e for e in seed_events if any("began on Sunday" in m.span.text for m in e.mentions)]
    assert sunday
    for event in sunday:
        assert (event.event_date, event.time_precision) == (date(2019, 3, 10), 1)
        assert event.evidence_for("event_date")[0].span.text == "Sunday"


def test_seed_night_assault_is_dated_11_march(seed_events: tuple[EventRecord, ...]) -> None:
    night = [e for e in seed_events if any("11th March" in m.span.text or "after dark" in m.span.text
                                           for m in e.mentions)]  # fmt: skip
    assert night
    for event in night:
        assert (event.event_date, event.time_precision) == (date(2019, 3, 11), 1)


# ACLED notes: no publication date; the date is stated, with ACLED's precision.
@pytest.mark.parametrize(
    ("text", "day", "precision"),
    [
        ("On 9 May 2020, police fired tear gas at protesters in Khulna city.", date(2020, 5, 9), 1),
        ("Around 15 March 2021 (month of), soldiers shot dead two farmers in Hpakant township.",
         date(2021, 3, 15), 3),
        ("Around 2 June 2020, unidentified gunmen abducted a teacher in Djibo.", date(2020, 6, 2), 2),
        ("On or before 6 November 2018, residents of Kericho blocked a road in protest.",
         date(2018, 11, 6), 2),
        ("Between 3 and 5 May 2020, militants attacked three villages in Seno province.",
         date(2020, 5, 4), 2),
        ("On the night of 4-5 May 2020, militants attacked a police post in Dori.", date(2020, 5, 4), 1),
        ("In the week of 10 May 2020, rioters burned a police station in Kaya.", date(2020, 5, 10), 2),
        ("Traders rioted in Eastleigh on 12/03/2017 after police raided the market.",
         date(2017, 3, 12), 1),
        ("On 3 December 2023, two groups of villagers clashed with bricks in Companiganj, following "
         "an altercation between two passengers.", date(2023, 12, 3), 1),
        ("Reported on 28 April 2020, airstrikes destroyed five houses in Namak Ab district.",
         date(2020, 4, 28), 2),
        ("Around 30 Oct 2019 (exact date not reported), traders rioted in Eldoret over market fees.",
         date(2019, 10, 30), 2),
        ("11 or 12 June 2018. Fishermen protested in Homa Bay after police seized their boats.",
         date(2018, 6, 11), 2),
        # A month alone: ACLED dates it the 15th, at precision 3.
        ("In May 2019 (exact date not reported), Borana and Gabra herders clashed near Moyale.",
         date(2019, 5, 15), 3),
    ],
)  # fmt: skip
def test_acled_note_dates(dates_pipeline: Pipeline, text: str, day: date, precision: int) -> None:
    event = main_event(dates_pipeline, text)
    assert (event.event_date, event.time_precision) == (day, precision)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # A year stated anywhere in the note dates the days stated without one.
        ("On 9 May 2020, students marched in Sylhet. 10 May. Police fired rubber bullets at "
         "students who rioted in Sylhet.", date(2020, 5, 9)),
        ("Farmers protested in Nyeri on 12 February 2011 over coffee prices. On Sunday night "
         "[13 February], a man was shot dead by gunmen in Garissa.", date(2011, 2, 13)),
    ],
)  # fmt: skip
def test_a_year_stated_anywhere_dates_the_note(dates_pipeline: Pipeline, text: str, day: date) -> None:
    events = dates_pipeline.run(Article(id="t", text=text)).events
    assert day in {e.event_date for e in events}
    assert all(e.event_date is None or e.event_date.year == day.year for e in events)


def test_a_later_day_without_a_year_takes_the_notes_year(dates_pipeline: Pipeline) -> None:
    text = "On 20 June 2019, traders protested in Kisumu. 21 June. Police shot dead a rioter in Kisumu."
    stage = dates_pipeline.stages[-1]
    assert isinstance(stage, DatesStage)
    year = stage.year_of(text)
    assert year == 2019
    found = stage.dates_in(Span(0, len(text), text), None, year)
    assert [(f.day, f.precision, f.span.text) for f in found] == [
        (date(2019, 6, 20), 1, "20 June 2019"),
        (date(2019, 6, 21), 1, "21 June"),
    ]


@pytest.mark.parametrize(
    "text",
    ["21 June. Police fired tear gas at rioting traders in Kisumu.",
     "On Sunday night [13 February], gunmen shot dead a trader in Garissa."],
)  # fmt: skip
def test_no_year_and_no_publication_date_leaves_the_date_open(dates_pipeline: Pipeline, text: str) -> None:
    # dates.assume_year is 0 by default: ACLED notes never state the year in "21 June."
    work = dates_pipeline.run(Article(id="t", text=text))
    event = work.events[0]
    assert event.event_date is None
    assert event.time_precision == 1  # the day is stated, only its year is not
    assert event.evidence_for("time_precision")
    assert any("no publication date" in w for w in work.warnings)


def test_loose_day_without_a_year_is_precision_2(dates_pipeline: Pipeline) -> None:
    text = "October 19th (on or before) police arrested forty residents after clashes with a gang in Kayole."
    event = main_event(dates_pipeline, text)
    assert (event.event_date, event.time_precision) == (None, 2)


# News with a publication date: relative dates count back from it, never past it.
@pytest.mark.parametrize(
    ("text", "published", "day", "precision"),
    [
        ("Gunmen shot dead two police officers in Bamako on Sunday, officials said.",
         date(2019, 3, 12), date(2019, 3, 10), 1),
        ("Gunmen shot dead a village chief Saturday night in Kidal, police said Monday.",
         date(2019, 3, 11), date(2019, 3, 9), 1),
        ("Militants attacked an army post early Tuesday in Menaka.", date(2019, 3, 14),
         date(2019, 3, 12), 1),
        ("Militants attacked an army base in Gao yesterday, killing four soldiers.",
         date(2019, 3, 12), date(2019, 3, 11), 1),
        ("Gunmen killed three villagers overnight in Mopti.", date(2019, 3, 12), date(2019, 3, 12), 1),
        ("Protesters clashed with police in Bamako this morning.", date(2019, 3, 12), date(2019, 3, 12), 1),
        ("Gunmen attacked a church in Djibo last week, killing six people.", date(2019, 3, 12),
         date(2019, 3, 5), 2),
        ("Gunmen attacked a church in Djibo over the weekend, killing six people.", date(2019, 3, 11),
         date(2019, 3, 9), 2),
        ("Gunmen attacked a church in Djibo last month, killing six people.", date(2019, 3, 12),
         date(2019, 2, 15), 3),
        ("Gunmen shot dead a teacher in Gao on Oct. 28, police said.", date(2019, 11, 2),
         date(2019, 10, 28), 1),
        # A stated day after publication is last year's.
        ("Gunmen shot dead a teacher in Gao on Dec. 28, police said.", date(2019, 1, 2),
         date(2018, 12, 28), 1),
        # The date of the arrest is news about the event, not its date.
        ("A man was arrested Tuesday after gunmen shot dead two traders on Saturday, May 17 in Gao.",
         date(2014, 6, 4), date(2014, 5, 17), 1),
    ],
)  # fmt: skip
def test_news_dates_relative_to_publication(
    dates_pipeline: Pipeline, text: str, published: date, day: date, precision: int
) -> None:
    event = main_event(dates_pipeline, text, published)
    assert (event.event_date, event.time_precision) == (day, precision)
    assert event.event_date is not None and event.event_date <= published


# A day attached to the shooting itself beats one attached to its aftermath (the victim's
# condition, a vigil, a gathering) in the event's sentences or the lead.
@pytest.mark.parametrize(
    ("text", "published", "day"),
    [
        ("A 15-year-old was in critical condition Thursday after he and two friends were shot near "
         "a park in Dayton. The three boys were shot outside a corner store at about 9 p.m. "
         "Wednesday, police said.", date(2016, 4, 14), date(2016, 4, 13)),
        ("Neighbours gathered Saturday outside the house in Fresno where a woman was shot and "
         "killed Thursday night by her former partner.", date(2016, 4, 16), date(2016, 4, 14)),
    ],
)  # fmt: skip
def test_the_day_of_the_shooting_beats_the_day_of_its_aftermath(
    dates_pipeline: Pipeline, text: str, published: date, day: date
) -> None:
    event = main_event(dates_pipeline, text, published)
    assert (event.event_date, event.time_precision) == (day, 1)


def test_page_timestamp_is_not_the_event_date(dates_pipeline: Pipeline) -> None:
    text = "March 25, 2014 12:45 PM\n\nGunmen shot dead two police officers in Gao on Sunday night."
    event = main_event(dates_pipeline, text, date(2014, 3, 25))
    assert event.event_date == date(2014, 3, 23)


@pytest.mark.parametrize(
    "dateline", ["MOGADISHU, Oct 30 -", "KANO, Nigeria, Oct 30 (Reuters) -", "GAO, Oct. 30 —"]
)
def test_a_wire_dateline_is_the_filing_date_not_the_event_date(
    dates_pipeline: Pipeline, dateline: str
) -> None:
    text = f"{dateline} Two car bombs exploded at the ministry on Saturday, killing at least 20."
    event = main_event(dates_pipeline, text, date(2022, 10, 30))
    assert event.event_date == date(2022, 10, 29)


def test_no_stated_date_is_the_publication_date_as_reported(dates_pipeline: Pipeline) -> None:
    event = main_event(dates_pipeline, "Gunmen shot dead two police officers in Gao.", date(2019, 3, 12))
    assert (event.event_date, event.time_precision) == (date(2019, 3, 12), 2)
    assert event.evidence_for("event_date") == ()

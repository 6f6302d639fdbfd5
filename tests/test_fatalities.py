"""The fatalities stage: ACLED's conservative count of the killed, and the wounded beside it.

Sentences written for these tests in the style of wire reports and ACLED notes; the demo article
is examples/wire.jsonl. Run through clean → nlp → events → fatalities, the stages it needs.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from support.coding import main_event

from eventcoder.model import Article
from eventcoder.pipeline import Pipeline

STAGES = ("clean", "nlp", "events", "fatalities")


@pytest.fixture(scope="module")
def coder(partial_pipeline: Callable[..., Pipeline]) -> Pipeline:
    return partial_pipeline(*STAGES)


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # one victim named by the parse, with no number written
        ("Police shot dead a suspected gang member in Eldoret town on Monday.", 1),
        ("A trader was shot to death by unknown gunmen in Kisumu on Tuesday.", 1),
        ("Residents lynched a suspected thief in Kakamega.", 1),
        ("Gunmen kill chief in Mandera", 1),
        ("Unknown attackers raided the home of a pastor in Kitale, killing and robbing him.", 1),
        ("On 3 March 2021, a farmer stepped on a landmine near Hpakant and died on the spot.", 1),
        # counts, and the words that carry them
        ("Eight suspected militia members shot dead by police during an operation in Mount Elgon.", 8),
        ("At least 12 police officers are feared dead after raiders attacked a camp in Baringo.", 12),
        ("Militants attacked a village in Borno, killing two soldiers and three civilians.", 5),
        # two sources' estimates of the same deaths: the lower one stands
        ("Militants stormed a village in Borno on Sunday. At least 25 people were killed, but "
         "other sources said 37 died.", 25),  # fmt: skip
        ("Gunmen killed 12 people in a market in Zamfara; residents said 15 were killed.", 12),
        # a range gives its lower figure
        ("About 4 to 5 soldiers died when their vehicle hit a mine near Kyaukme.", 4),
        # a death sentence after the story's first sentence is the same event's toll
        ("On 4 June 2022, police clashed with traders in Dhaka. 1 person was killed.", 1),
        # restated, counted once
        ("Two soldiers were killed in an ambush near Gao on Sunday. The army said the two soldiers "
         "were killed when their patrol was attacked.", 2),  # fmt: skip
        # not a death: an attempt, and deaths that caused a protest rather than happened in it
        ("A mob attacked and nearly killed a man in Machakos.", 0),
        ("Protesters blocked the highway in Nakuru after three watchmen were killed by unknown people "
         "the previous night. Police dispersed them with tear gas.", 0),  # fmt: skip
    ],
)
def test_killed_is_counted_as_acled_counts_it(coder: Pipeline, text: str, killed: int) -> None:
    event = main_event(coder, text)
    assert event.fatalities == killed
    if killed:
        [evidence] = event.evidence_for("fatalities")
        assert evidence.span.text in text


def test_wounded_are_kept_apart_from_the_killed(coder: Pipeline) -> None:
    event = main_event(coder, "Five people were killed and 20 wounded when gunmen opened fire on a bus near Lamu.")
    assert (event.fatalities, event.wounded) == (5, 20)


def test_a_toll_from_an_earlier_year_is_background(coder: Pipeline) -> None:
    text = (
        "At least 30 people were killed when a car bomb exploded at a market in Mogadishu on Saturday. "
        "The market was hit by a truck bomb that killed more than 200 people in October 2017."
    )
    assert main_event(coder, text, published=date(2022, 5, 8)).fatalities == 30


def test_demo_article_counts_today_not_2017(coder: Pipeline, article: Callable[[str], Article]) -> None:
    mogadishu = article("wire.jsonl")
    assert "500" in mogadishu.text
    event = coder.run(mogadishu).events[0]
    assert (event.fatalities, event.wounded) == (100, 300)

"""The clean stage: web boilerplate out, the story intact, other languages and empty texts out."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from eventcoder.config import load_config
from eventcoder.errors import EmptyDocument, UnsupportedFormat
from eventcoder.model import Article, Work
from eventcoder.pipeline import Pipeline
from eventcoder.stages.clean import CleanStage

STORY = [
    "Hundreds of dock workers marched to the port authority in Mombasa on Monday to demand pay.",
    "Police fired tear gas when the crowd tried to enter the compound, and arrested eleven people.",
    "A union official said the workers had not been paid for three months.",
]


@pytest.fixture(scope="module")
def clean() -> CleanStage:
    return CleanStage(load_config(environ={}))


def _work(text: str) -> Work:
    return Work(article=Article(id=Article.make_id(text), text=text))


def _cleaned(clean: CleanStage, text: str) -> str:
    return clean(_work(text)).article.text


def test_seed_comment_form_is_removed_and_the_story_kept(
    clean: CleanStage, article: Callable[[str], Article]
) -> None:
    seed = article("baghouz.txt")
    out = clean(Work(article=seed)).article
    assert out.text == seed.text.split("\n\nLeave a Reply")[0]
    assert out.text.startswith("On 11th March, Islamic State’s final enclave")
    assert out.text.endswith("One SDF fighter was killed and four were wounded.")
    assert "Leave a Reply" not in out.text and "email address" not in out.text
    assert out.text.count("\n\n") == 6  # seven paragraphs, as written
    # Only the text changes: the id stays the one the reader gave (it hashes the input).
    assert replace(out, text=seed.text) == seed


@pytest.mark.parametrize(
    "bar",
    [
        "Share | Tweet | Email",
        "Facebook Twitter WhatsApp Email",
        "facebook / twitter / linkedin",
        "Share this article",
        "Share on WhatsApp",
        "Click to share on Twitter (Opens in new window)",
        "Print",
        "Sign up to our newsletter",
        "Advertisement",
    ],
)
def test_share_bars_and_promos_are_dropped_wherever_they_stand(clean: CleanStage, bar: str) -> None:
    text = "\n\n".join([bar, STORY[0], bar, STORY[1], f"  {bar}  ", STORY[2]])
    assert _cleaned(clean, text) == "\n\n".join(STORY)


@pytest.mark.parametrize(
    "footer",
    [
        "Leave a Reply",
        "Leave a comment",
        "Your email address will not be published. Required fields are marked *",
        "3 Comments",
        "Comments (12)",
        "2 thoughts on “Dock workers march on port authority”",
        "Related",
        "Related stories",
        "You may also like",
        "Post navigation",
        "Next article",
        "Tags: Kenya, Mombasa, labour",
    ],
)
def test_footer_ends_the_article_and_the_text_before_it_is_intact(
    clean: CleanStage, footer: str
) -> None:
    after = "Gunmen attacked a police post in the north, killing four officers, on the same day."
    text = "\n\n".join([*STORY, footer, after, "Name *", "Email *"])
    assert _cleaned(clean, text) == "\n\n".join(STORY)


def test_a_sentence_that_mentions_comments_or_sharing_is_kept(clean: CleanStage) -> None:
    lines = [
        STORY[0],
        "Comments by the minister on Sunday angered the strikers, who shared videos of the march.",
        "Tags and banners carried by the crowd named the port's managers.",
        STORY[2],
    ]
    assert _cleaned(clean, "\n".join(lines)) == "\n".join(lines)


def test_wire_and_html_articles_pass_through_unchanged(
    clean: CleanStage, article: Callable[[str], Article]
) -> None:
    for name in ("baghouz.html", "wire.jsonl"):
        art = article(name)
        assert clean(Work(article=art)).article == art


def test_carriage_returns_are_line_breaks(clean: CleanStage) -> None:
    text = f"{STORY[0]}\r\n\r\nShare | Tweet\r\n{STORY[1]}\rLeave a Reply\rName *"
    assert _cleaned(clean, text) == f"{STORY[0]}\n\n{STORY[1]}"


def test_french_article_is_rejected_e104(
    clean: CleanStage, article: Callable[[str], Article]
) -> None:
    french = article("french.txt")
    assert french.title == "Manifestation contre la fermeture d'une maternité à Lyon"
    with pytest.raises(UnsupportedFormat) as err:
        clean(Work(article=french))
    assert err.value.code == "E104"
    assert "'fr'" in err.value.message and "input.languages" in err.value.message


def test_french_article_is_coded_when_french_is_configured(
    article: Callable[[str], Article],
) -> None:
    clean_fr = CleanStage(load_config(environ={}, overrides={"input.languages": ["en", "fr"]}))
    french = article("french.txt")
    assert clean_fr(Work(article=french)).article.text == french.text


def test_french_rejection_names_the_file_and_the_stage(
    partial_pipeline: Callable[..., Pipeline], article: Callable[[str], Article]
) -> None:
    french = article("french.txt")
    [outcome] = partial_pipeline("clean").run_many([french])
    assert outcome.work is None and outcome.rejection is not None
    rej = outcome.rejection
    assert (rej.code, rej.stage, rej.article_id) == ("E104", "clean", french.id)
    assert rej.source == french.origin and rej.source.endswith("french.txt")


def test_english_with_foreign_names_is_not_mistaken_for_another_language(clean: CleanStage) -> None:
    text = (
        "Gendarmes fired tear gas at demonstrators in the Place de la République in Abidjan on "
        "Saturday, after the Rassemblement des Houphouëtistes pour la Démocratie et la Paix "
        "called a march."
    )
    assert _cleaned(clean, text) == text


def test_only_boilerplate_is_an_empty_document(clean: CleanStage) -> None:
    with pytest.raises(EmptyDocument) as err:
        _cleaned(clean, "Share | Tweet | Email\n\nLeave a Reply\n\nA story that never was.")
    assert err.value.code == "E101"


# A radio transcript in capitals, written by us in the style of 1980s FBIS wire reports.
SHOUTED = (
    "SAN SALVADOR, 12 MAR 89 -- THE ARMED FORCES PRESS OFFICE REPORTED TODAY THAT FMLN URBAN "
    "COMMANDOS ATTACKED A NATIONAL POLICE POST IN SOYAPANGO LAST NIGHT.  COL. RAMIREZ SAID THAT "
    "TWO POLICEMEN WERE KILLED.\n\n   THE U.S. EMBASSY CONDEMNED THE ATTACK."
)


def test_text_in_capitals_is_true_cased_without_moving_any_span(clean: CleanStage) -> None:
    text = clean(Work(article=Article(id="muc", text=SHOUTED))).article.text
    assert len(text) == len(SHOUTED) and text.upper() == SHOUTED.upper()
    # Words in their usual form: common words in lower case, names and acronyms as written.
    assert text.startswith("San Salvador, 12 Mar 89 -- the armed forces")
    assert "reported today that FMLN" in text and "attacked a National police post in Soyapango" in text
    assert "Col. Ramirez said that two policemen were killed." in text  # no capital after "Col."
    assert "\n\n   The U.S. Embassy condemned the attack." in text  # a paragraph opens a sentence


def test_mixed_case_text_keeps_its_capitals(clean: CleanStage) -> None:
    text = "Police in NAIROBI said the ODM rally was peaceful, and the IEBC offices stayed open today."
    assert clean(Work(article=Article(id="news", text=text))).article.text == text


def test_a_report_in_capitals_is_placed_in_its_country(partial_pipeline: Callable[..., Pipeline]) -> None:
    pipeline = partial_pipeline("clean", "nlp", "events", "places")
    [outcome] = pipeline.run_many([Article(id="muc", text=SHOUTED)])
    assert outcome.work is not None and outcome.work.events
    assert outcome.work.events[0].country == "El Salvador"


PAYWALL = (
    "Already a subscriber? Click on the button below to set up your account or log in if you "
    "already have one."
)


def test_a_paywall_notice_gets_its_headline_and_the_toll_is_read_from_it(
    clean: CleanStage, pipeline: Pipeline
) -> None:
    title = "Police Identify Four Killed In Riverside Shooting - KXYZ News 5"
    art = Article(id="paywalled", text=PAYWALL, title=title)
    text = clean(Work(article=art)).article.text
    # Title Case made sentence case (names keep their capital), the outlet's name dropped.
    assert text == f"Police identify four killed in Riverside shooting.\n\n{PAYWALL}"
    [event] = pipeline.run(art).events[:1]
    assert event.fatalities == 4
    [evidence] = [ev for ev in event.evidence if ev.field == "fatalities"]
    assert evidence.span.text.startswith("four killed")


def test_a_full_story_goes_without_its_headline(clean: CleanStage) -> None:
    body = "\n\n".join([" ".join(STORY)] * 3)  # 840 characters: a story, not a notice
    art = Article(id="full", text=body, title="Dock Workers March On Mombasa Port Authority")
    assert clean(Work(article=art)).article.text == body


@pytest.mark.parametrize(
    ("title", "headline"),
    [
        ("Two Men Critical Following Compton Shooting", "Two men critical following Compton shooting"),
        # Acronyms and names keep their capitals.
        ("US Drone Strike Kills Three In North Waziristan", "US drone strike kills three in North Waziristan"),
        # Sentence case is left as written.
        ("Teen, 17, dead in apparent accidental shooting", "Teen, 17, dead in apparent accidental shooting"),
    ],
)  # fmt: skip
def test_title_case_headlines_are_written_in_sentence_case(title: str, headline: str) -> None:
    from eventcoder.stages.casing import Truecaser

    assert Truecaser().headline(title) == headline

"""The readers (txt, html, jsonl) and the bad-input catalogue, read and cleaned for real."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from eventcoder.batch import code_articles
from eventcoder.model import Article, Rejection
from eventcoder.pipeline import Pipeline
from eventcoder.readers import Limits, read_inputs
from eventcoder.store import SqlStore

SEED_TITLE = (
    "Remaining Enclave of Islamic State in Eastern Syria Throbbed Violently In US Backed Attack"
)
SEED_LAST = "One SDF fighter was killed and four were wounded."
WIRE_IDS = [
    "example-mogadishu-2022-10-30",
    "example-pazigyi-2023-04-12",
    "example-nairobi-2024-06-25",
]
# 50 MB: ten times input.max_bytes, a dump rather than an article.
HUGE_BYTES = 50 * 1024 * 1024


def _read(*paths: Path | str) -> list[Article | Rejection]:
    return list(read_inputs([str(p) for p in paths], Limits()))


def _articles(items: list[Article | Rejection]) -> list[Article]:
    assert [i for i in items if isinstance(i, Rejection)] == []
    return [i for i in items if isinstance(i, Article)]


# --- txt --------------------------------------------------------------------------------------


def test_txt_reads_sidecar_metadata_and_drops_the_headline_from_the_body(
    examples_dir: Path,
) -> None:
    [seed] = _articles(_read(examples_dir / "baghouz.txt"))
    assert seed.title == SEED_TITLE
    assert seed.published == date(2019, 3, 12)  # from baghouz.meta.json
    assert seed.source == "spun web copy of a wire report"
    assert seed.origin == str(examples_dir / "baghouz.txt")
    # The headline is the title, not the start of the first sentence.
    assert seed.text.startswith("On 11th March, Islamic State’s final enclave in eastern Syria")
    assert SEED_TITLE not in seed.text
    # The reader keeps the comment form; removing it is the clean stage's job.
    assert seed.text.endswith("Required fields are marked *")
    assert seed.id == Article.make_id(seed.text, "")


@pytest.mark.parametrize(
    ("first_line", "title"),
    [
        ("Police disperse sit-in outside ministry", "Police disperse sit-in outside ministry"),
        ("Is the ceasefire holding?", "Is the ceasefire holding?"),
        ("Police dispersed a sit-in outside the ministry.", ""),  # a sentence, not a headline
        ('"We will not leave," the strikers said.', ""),
        ("“We will not leave,” the strikers told reporters.”", ""),
    ],
)
def test_txt_first_line_is_a_headline_only_when_it_looks_like_one(
    tmp_path: Path, first_line: str, title: str
) -> None:
    body = "Riot police cleared the sit-in outside the labour ministry on Thursday morning."
    path = tmp_path / "a.txt"
    path.write_text(f"{first_line}\n\n{body}\n", encoding="utf-8")
    [art] = _articles(_read(path))
    assert art.title == title
    assert art.text == (body if title else f"{first_line}\n\n{body}")
    assert art.published is None


def test_txt_published_flag_fills_only_what_the_file_lacks(
    tmp_path: Path, examples_dir: Path
) -> None:
    plain = tmp_path / "plain.txt"
    plain.write_text("Soldiers and rebels exchanged fire near the river crossing on Friday.\n")
    seed = examples_dir / "baghouz.txt"
    items = list(read_inputs([str(plain), str(seed)], Limits(), date(2020, 1, 2)))
    assert [a.published for a in _articles(items)] == [date(2020, 1, 2), date(2019, 3, 12)]


def test_txt_with_a_broken_sidecar_is_rejected_with_its_name(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Soldiers and rebels exchanged fire near the river crossing.\n")
    (tmp_path / "a.meta.json").write_text('["not", "an", "object"]')
    [rej] = _read(tmp_path / "a.txt")
    assert isinstance(rej, Rejection)
    assert (rej.code, rej.source, rej.stage) == ("E105", str(tmp_path / "a.txt"), "read")
    assert "a.meta.json" in rej.reason


# --- html -------------------------------------------------------------------------------------


def test_html_page_gives_the_article_and_nothing_around_it(examples_dir: Path) -> None:
    [page] = _articles(_read(examples_dir / "baghouz.html"))
    assert page.title == SEED_TITLE
    assert page.published == date(2019, 3, 12)
    assert page.url.startswith("https://dailyfrontline.example/world/middle-east/2019/03/12/")
    assert page.source == "The Daily Frontline"
    assert "One SDF fighter was killed" in page.text
    assert page.text.endswith(SEED_LAST)
    for outside in [
        "Jalalabad",  # a reader's comment about another bombing: coding it would be a bug
        "Good riddance",
        "Leave a Reply",
        "Your email address will not be published",
        "Most read",
        "Central bank holds rates",  # the sidebar and post navigation
        "Comet visible",
        "Subscribe",  # the nav menu
        "Privacy policy",  # the footer
        "WhatsApp",  # the share buttons
    ]:
        assert outside not in page.text, outside


def test_html_and_txt_of_the_seed_have_the_same_paragraphs(examples_dir: Path) -> None:
    [txt] = _articles(_read(examples_dir / "baghouz.txt"))
    [page] = _articles(_read(examples_dir / "baghouz.html"))
    story = txt.text.split("\n\nLeave a Reply")[0]
    assert page.text.split("\n") == story.split("\n\n")


# --- jsonl ------------------------------------------------------------------------------------


def test_jsonl_reads_every_line_with_its_metadata(examples_dir: Path) -> None:
    arts = _articles(_read(examples_dir / "wire.jsonl"))
    assert [a.id for a in arts] == WIRE_IDS
    assert [a.published for a in arts] == [date(2022, 10, 30), date(2023, 4, 12), date(2024, 6, 25)]
    assert {a.source for a in arts} == {"eventcoder example (written from public reports)"}
    assert [a.origin for a in arts] == [f"{examples_dir / 'wire.jsonl'}:{n}" for n in (1, 2, 3)]
    assert arts[0].title == "Twin car bombs at Somalia's education ministry kill at least 100"
    assert arts[0].text.startswith("MOGADISHU, Oct 30 - At least 100 people were killed")
    assert "Pazigyi village" in arts[1].text and "Kanbalu township" in arts[1].text
    assert "at least five people were killed" in arts[2].text
    for a in arts:
        assert 150 <= len(a.text.split()) <= 300


def test_jsonl_html_field_goes_through_the_html_reader(tmp_path: Path, examples_dir: Path) -> None:
    html = (examples_dir / "baghouz.html").read_text("utf-8")
    path = tmp_path / "pages.jsonl"
    path.write_text(json.dumps({"id": "p1", "html": html, "published": "2019-03-13"}) + "\n")
    [page] = _articles(_read(path))
    assert page.id == "p1"
    assert page.published == date(2019, 3, 13)  # the record's date wins over the page's
    assert page.title == SEED_TITLE
    assert page.text.endswith(SEED_LAST)


def test_jsonl_with_a_byte_order_mark_reads_its_first_line(tmp_path: Path) -> None:
    path = tmp_path / "bom.jsonl"
    record = {"id": "b1", "text": "Gunmen attacked a police post near the border on Sunday night."}
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(record).encode() + b"\n")
    assert [a.id for a in _articles(_read(path))] == ["b1"]


def test_jsonl_of_blank_lines_is_an_empty_document(tmp_path: Path) -> None:
    path = tmp_path / "blank.jsonl"
    path.write_text("\n  \n\n")
    [rej] = _read(path)
    assert isinstance(rej, Rejection)
    assert (rej.code, rej.source) == ("E101", str(path))


def test_a_directory_reads_article_files_and_skips_sidecars(examples_dir: Path) -> None:
    arts = _articles(_read(examples_dir))
    by_origin = {Path(a.origin.split(":")[0]).name for a in arts}
    assert {"baghouz.html", "baghouz.txt", "wire.jsonl"} <= by_origin
    assert "baghouz.meta.json" not in by_origin and "README.md" not in by_origin


def test_a_missing_path_is_a_rejection_not_a_crash(tmp_path: Path) -> None:
    [rej] = _read(tmp_path / "nope.txt")
    assert isinstance(rej, Rejection)
    assert (rej.code, rej.reason) == ("E100", "no such file or directory")


# --- the bad-input catalogue ------------------------------------------------------------------


def _huge(tmp_path: Path) -> Path:
    """A 50 MB file made in an instant: sparse where the file system allows, never committed."""
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(HUGE_BYTES)
    return path


# name -> (expected rejections as (source suffix, code, stage), article ids that come through)
CATALOGUE: dict[str, tuple[list[tuple[str, str, str]], list[str]]] = {
    "empty.txt": ([("empty.txt", "E101", "read")], []),
    "binary.txt": ([("binary.txt", "E102", "read")], []),
    "latin1.txt": ([("latin1.txt", "E102", "read")], []),
    "huge.txt": ([("huge.txt", "E103", "read")], []),
    "french.txt": ([("french.txt", "E104", "clean")], []),
    "junk.pdf": ([("junk.pdf", "E104", "read")], []),
    "mixed.jsonl": (
        [("mixed.jsonl:2", "E105", "read"), ("mixed.jsonl:3", "E105", "read")],
        ["fixture-good-1"],  # the good line of the same file comes through
    ),
}


@pytest.mark.parametrize("name", list(CATALOGUE))
def test_bad_input_is_rejected_with_its_code_and_the_batch_goes_on(
    name: str,
    fixtures_dir: Path,
    examples_dir: Path,
    tmp_path: Path,
    partial_pipeline: Callable[..., Pipeline],
    store: SqlStore,
) -> None:
    expected, good_ids = CATALOGUE[name]
    bad = _huge(tmp_path) if name == "huge.txt" else fixtures_dir / name
    seed = examples_dir / "baghouz.txt"
    # Bad input between two good ones: neither the one before nor the one after is lost.
    items = read_inputs([str(seed), str(bad), str(examples_dir / "wire.jsonl")], Limits())
    report = code_articles(partial_pipeline("clean"), items, store, keep=True)

    got = [(r.source, r.code, r.stage) for r in report.rejected]
    assert [(s.rsplit("/", 1)[-1], c, st) for s, c, st in got] == expected
    for rej in report.rejected:
        assert rej.source.startswith(str(bad))  # the file (and line) is named in full
        assert rej.reason
    stored = {(r.source, r.code, r.stage) for r in store.rejections()}
    assert stored == set(got)

    coded = [w.article for w in report.works]
    seed_id = next(a.id for a in coded if a.origin == str(seed))
    assert [a.id for a in coded] == [seed_id, *good_ids, *WIRE_IDS]
    assert store.article_ids() == {seed_id, *good_ids, *WIRE_IDS}
    assert report.coded == len(coded)


def test_too_large_names_the_limit(tmp_path: Path) -> None:
    [rej] = _read(_huge(tmp_path))
    assert isinstance(rej, Rejection)
    assert rej.code == "E103"
    assert "52,428,800 bytes is over the 5,000,000-byte limit (input.max_bytes)" in rej.reason


def test_malformed_jsonl_lines_say_what_is_wrong(fixtures_dir: Path) -> None:
    items = _read(fixtures_dir / "mixed.jsonl")
    reasons = {i.source.rsplit(":", 1)[-1]: i.reason for i in items if isinstance(i, Rejection)}
    assert reasons["2"].startswith("not valid JSON: Unterminated string")
    assert reasons["3"] == "no 'text' or 'html' field with content"


# --- a batch through the parser and the event model into a store --------------------------------


def test_a_batch_with_bad_files_stores_the_good_articles_events_and_the_rejections(
    fixtures_dir: Path,
    examples_dir: Path,
    tmp_path: Path,
    partial_pipeline: Callable[..., Pipeline],
    store: SqlStore,
) -> None:
    inbox = tmp_path / "inbox"
    # The bad inputs and one good JSONL line; the merge fixtures (other stories) stay out.
    shutil.copytree(
        fixtures_dir, inbox, ignore=shutil.ignore_patterns("README.md", "anbar_*", "baghouz_wire*")
    )
    for name in ("baghouz.txt", "baghouz.meta.json", "baghouz.html", "wire.jsonl"):
        shutil.copy(examples_dir / name, inbox / name)
    huge = _huge(inbox)
    pipeline = partial_pipeline("clean", "nlp", "events", "finalize")
    # The directory walk reads article files only, so the .pdf is named on its own.
    items = read_inputs([str(inbox), str(inbox / "junk.pdf")], Limits())
    # Stored as coded: baghouz.html is a copy of baghouz.txt, which merging would fold into it
    # (tests/test_merge.py); here each article's own events are what is checked.
    report = code_articles(pipeline, items, store, keep=True, merge=False)

    assert sorted((Path(r.source).name, r.code) for r in store.rejections()) == [
        ("binary.txt", "E102"),
        ("empty.txt", "E101"),
        ("french.txt", "E104"),
        (huge.name, "E103"),
        ("junk.pdf", "E104"),
        ("latin1.txt", "E102"),
        ("mixed.jsonl:2", "E105"),
        ("mixed.jsonl:3", "E105"),
    ]
    works = {Path(w.article.origin).name: w for w in report.works}
    assert sorted(works) == [
        "baghouz.html",
        "baghouz.txt",
        "mixed.jsonl:1",
        "wire.jsonl:1",
        "wire.jsonl:2",
        "wire.jsonl:3",
    ]
    assert store.article_ids() == {w.article.id for w in works.values()}

    stored = list(store.events())
    assert len(stored) == report.events
    coded = {e.event_id_cnty for w in works.values() for e in w.events}
    assert {e.event_id_cnty for e in stored} == coded
    # Every story with a reported attack has its events stored, under its own article id.
    for name in ("baghouz.txt", "baghouz.html", "wire.jsonl:1", "wire.jsonl:2", "wire.jsonl:3"):
        mine = [e for e in stored if e.article_ids == (works[name].article.id,)]
        assert mine, f"no events stored for {name}"
    # Nothing was coded from the comment form or the reader comments.
    for event in stored:
        for mention in event.mentions:
            assert "Reply" not in mention.span.text and "Jalalabad" not in mention.span.text

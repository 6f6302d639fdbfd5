"""One event, many reports: near-copies at ingest, events merged across articles, ``explain``.

Real articles through the default pipeline into a real SQLite store: the reference article
(examples/baghouz.txt), a wire rewrite of the same story and an unrelated Islamic State ambush in
Iraq the same week (tests/fixtures/articles/, see its README.md).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from eventcoder.batch import BatchReport, code_inputs
from eventcoder.cli import main
from eventcoder.dedup import CopyIndex
from eventcoder.merge import combine, date_score
from eventcoder.model import Article, EventRecord
from eventcoder.pipeline import Pipeline
from eventcoder.store import SqlStore, open_store

ROOT = Path(__file__).resolve().parents[1]
SEED = str(ROOT / "examples" / "baghouz.txt")
WIRE = str(ROOT / "tests" / "fixtures" / "articles" / "baghouz_wire.txt")
ANBAR = str(ROOT / "tests" / "fixtures" / "articles" / "anbar_ambush.txt")

# The store's path, the report of the seed's run, the report of the wire and Anbar run.
Merged = tuple[Path, BatchReport, BatchReport]


def _stored(store: SqlStore) -> dict[str, EventRecord]:
    return {e.event_id_cnty: e for e in store.events()}


@pytest.fixture(scope="module")
def merged(pipeline: Pipeline, tmp_path_factory: pytest.TempPathFactory) -> Merged:
    """The seed coded in one run, then the wire rewrite and the Anbar ambush in a second."""
    db = tmp_path_factory.mktemp("merge") / "m.db"
    store = open_store(f"sqlite:///{db}")
    first = code_inputs(pipeline, [SEED], store, keep=True)
    second = code_inputs(pipeline, [WIRE, ANBAR], store, keep=True)
    store.close()
    return db, first, second


def test_wire_rewrite_joins_the_seed_events_with_two_sources(merged: Merged) -> None:
    db, first, second = merged
    [seed] = first.works
    wire = second.works[0]
    store = open_store(f"sqlite:///{db}")
    events = _stored(store)
    store.close()
    # Every event of the wire copy went into one of the seed's events: no new event from it.
    joined = {second.cluster_of[e.event_id_cnty] for e in wire.events}
    assert joined <= {e.event_id_cnty for e in seed.events}
    assert second.merged == len(wire.events) >= 3
    strike = next(e for e in events.values() if e.sub_event_type == "Air/drone strike")
    assert strike.article_ids == (seed.article.id, wire.article.id)
    assert strike.source == "spun web copy of a wire report; wire.example"
    assert strike.source_scale == "National"
    # The merged event keeps each report's evidence: the seed's spans and the wire's.
    own = next(e for e in seed.events if e.event_id_cnty == strike.event_id_cnty)
    joined = [e for e in wire.events if second.cluster_of[e.event_id_cnty] == strike.event_id_cnty]
    assert len(strike.evidence) == len(own.evidence) + sum(len(e.evidence) for e in joined)
    texts = {ev.span.text for ev in strike.evidence}
    assert {"air assaults", "air strikes"} <= texts


def test_unrelated_islamic_state_ambush_stays_its_own_event(merged: Merged) -> None:
    db, first, second = merged
    anbar = second.works[1]
    store = open_store(f"sqlite:///{db}")
    events = _stored(store)
    store.close()
    [ambush] = anbar.events
    assert second.cluster_of[ambush.event_id_cnty] == ambush.event_id_cnty
    assert events[ambush.event_id_cnty].country == "Iraq"
    assert events[ambush.event_id_cnty].article_ids == (anbar.article.id,)
    assert len(events) == len(first.works[0].events) + 1


def _summary(store: SqlStore) -> dict[str, tuple[object, ...]]:
    events = _stored(store).items()
    return {k: (e.article_ids, e.source, e.fatalities, len(e.evidence)) for k, e in events}


def test_rerunning_the_batches_changes_nothing(pipeline: Pipeline, merged: Merged) -> None:
    db, _, _ = merged
    store = open_store(f"sqlite:///{db}")
    before = _summary(store)
    code_inputs(pipeline, [SEED], store)
    code_inputs(pipeline, [WIRE, ANBAR], store)
    after = _summary(store)
    store.close()
    assert after == before


def test_explain_shows_the_merged_reports_and_their_scores(merged: Merged) -> None:
    db, first, second = merged
    strike = next(e for e in first.works[0].events if e.sub_event_type == "Air/drone strike")
    result = CliRunner().invoke(main, ["explain", strike.event_id_cnty, "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert f"article {second.works[0].article.id} (event)" in result.output
    for criterion in ("date 1.00", "place ", "type ", "actors ", "text ", "total "):
        assert criterion in result.output
    assert "date: same day (2019-03-11)" in result.output
    missing = CliRunner().invoke(main, ["explain", "nosuchevent", "--db", str(db)])
    assert missing.exit_code == 1 and "no event 'nosuchevent' is stored" in missing.output


def test_a_spun_copy_adds_its_source_to_the_original_events(
    pipeline: Pipeline, tmp_path: Path
) -> None:
    """A paraphrasing 'spinner' swaps words; the copy index finds it and it makes no new event."""
    text = Path(SEED).read_text(encoding="utf-8")
    swaps = [("crushed", "smashed"), ("erupted", "broke out"), ("Heavy firing", "Intense firing"),
             ("seasoned", "experienced"), ("landmark", "milestone")]  # fmt: skip
    for old, new in swaps:
        text = text.replace(old, new)
    spin = tmp_path / "spin.txt"
    spin.write_text(text, encoding="utf-8")
    meta = '{"published": "2019-03-13", "source": "spin.example"}'
    (tmp_path / "spin.meta.json").write_text(meta)
    store = open_store(f"sqlite:///{tmp_path}/s.db")
    first = code_inputs(pipeline, [SEED], store, keep=True)
    second = code_inputs(pipeline, [str(spin)], store, keep=True)
    events = _stored(store)
    store.close()
    [copy] = second.copies
    assert copy.original_id == first.works[0].article.id
    assert copy.kind == "near" and copy.jaccard > 0.8
    assert set(events) == {e.event_id_cnty for e in first.works[0].events}
    assert all(e.source.endswith("; spin.example") for e in events.values())


def _article(text: str, day: int) -> Article:
    return Article(id=Article.make_id(text), text=text, published=date(2024, 5, day))


@pytest.mark.parametrize(
    ("second", "is_copy"),
    [
        # The same story, a sentence cut: a copy.
        ("Protesters gathered in the main square of Kisumu on Monday to demand clean water and "
         "lower food prices after weeks of shortages. Police fired tear gas and arrested 12 of "
         "them, witnesses said, and the crowd scattered into the side streets of the old market. "
         "Shops stayed shut for the rest of the day.", True),
        # The same template, other numbers: another story.
        ("Protesters gathered in the main square of Kisumu on Monday to demand clean water and "
         "lower food prices after weeks of shortages. Police fired tear gas and arrested 31 of "
         "them, witnesses said, and the crowd scattered into the side streets of the old market. "
         "Shops stayed shut for the rest of 4 days.", False),
    ],
)  # fmt: skip
def test_copy_index_tells_a_copy_from_a_template_story(second: str, is_copy: bool) -> None:
    first = (
        "Protesters gathered in the main square of Kisumu on Monday to demand clean water and "
        "lower food prices after weeks of shortages. Police fired tear gas and arrested 12 of "
        "them, witnesses said, and the crowd scattered into the side streets of the old market. "
        "Shops stayed shut for the rest of the day, and traders counted their losses."
    )
    index = CopyIndex()
    assert index.add(_article(first, 6)) is None
    found = index.add(_article(second, 7))
    assert (found is not None) == is_copy


def _record(**changes: object) -> EventRecord:
    base = EventRecord(
        article_ids=("a",), event_type="Battles", sub_event_type="Armed clash",
        disorder_type="Political violence", confidence=0.8, event_date=date(2019, 3, 11),
        time_precision=1, country="Syria", location="Baghuz", source="outlet.example",
    )  # fmt: skip
    return replace(base, **changes)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [(0, 4, 4), (7, 4, 4), (3, 0, 3), (0, 0, 0), (12, 12, 12)],
)
def test_fatalities_take_the_lowest_figure_a_report_gives(
    first: int, second: int, expected: int
) -> None:
    merged = combine(_record(fatalities=first), _record(article_ids=("b",), fatalities=second))
    assert merged.fatalities == expected
    assert merged.article_ids == ("a", "b")


@pytest.mark.parametrize(
    ("first", "second", "scale"),
    [
        ("National", "National", "National"),
        ("National", "International", "National-International"),
        # A merged event's span grows at either end.
        ("National-International", "Subnational", "Subnational-International"),
        ("New media", "Regional", "New media-Regional"),
        ("", "Regional", "Regional"),
    ],
)
def test_merged_source_scale_spans_the_reports_scales(first: str, second: str, scale: str) -> None:
    merged = combine(
        _record(source_scale=first), _record(article_ids=("b",), source="b.example", source_scale=second)
    )
    assert merged.source_scale == scale


@pytest.mark.parametrize(
    ("days", "precision", "merges"),
    [(0, 1, True), (1, 1, True), (2, 1, False), (6, 2, True), (9, 2, False), (25, 3, True)],
)
def test_date_window_follows_time_precision(days: int, precision: int, merges: bool) -> None:
    a = _record(time_precision=precision)
    b = _record(event_date=date(2019, 3, 11 + days) if days < 20 else date(2019, 4, 5))
    score, _ = date_score(a, b)
    assert (score > 0) == merges


def test_deleting_a_merged_event_deletes_its_reports_for_good(
    pipeline: Pipeline, tmp_path: Path
) -> None:
    """The analyst deletes the event they see, the seed's air strikes with the wire's report in
    it: neither report comes back, on the map or when both articles are coded again."""
    from eventcoder.store.merges import event_merges
    from eventcoder.store.review import Review
    from eventcoder.store.sql import events

    store = open_store(f"sqlite:///{tmp_path / 'd.db'}")
    code_inputs(pipeline, [SEED], store)
    second = code_inputs(pipeline, [WIRE], store, keep=True)
    strike = next(e for e in store.events() if e.sub_event_type == "Air/drone strike")
    [member] = [k for k, v in second.cluster_of.items() if v == strike.event_id_cnty]
    before = len(list(store.events()))

    reports = Review(store).delete(strike.event_id_cnty, "alice")

    assert list(reports) == [member]
    [entry] = Review(store).audit(member)
    assert (entry.action, entry.field, entry.old_value) == (
        "delete", "merged_into", strike.event_id_cnty
    )
    code_inputs(pipeline, [SEED], store)
    code_inputs(pipeline, [WIRE], store)
    after = {e.event_id_cnty for e in store.events()}
    # Deleted, not merely hidden behind a link to an event that is gone.
    with store.engine.connect() as conn:
        rows = conn.execute(sa.select(events.c.event_id_cnty)).scalars().all()
        links = conn.execute(sa.select(event_merges.c.event_id)).scalars().all()
    store.close()
    assert strike.event_id_cnty not in after and member not in after
    assert len(after) == before - 1
    assert strike.event_id_cnty not in rows and member not in rows and member not in links

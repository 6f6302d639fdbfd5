from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from support.postgres import Unavailable, postgres_url

from eventcoder.errors import StoreError
from eventcoder.model import Article, EventRecord, Evidence, Mention, Rejection, Span, Work
from eventcoder.store import Batch, EventQuery, SqlStore, open_store

TEXT = "On 3 May 2021, police fired tear gas at protesters in Mombasa. Two people were injured."


def _work(text: str = TEXT, sub: str = "Protest with intervention", n: int = 1) -> Work:
    article = Article(id=Article.make_id(text), text=text, published=date(2021, 5, 4), origin="t.txt")
    span = Span(0, 62, text[:62])
    events = tuple(
        EventRecord(
            article_ids=(article.id,),
            event_type="Protests",
            sub_event_type=sub,
            disorder_type="Demonstrations",
            confidence=0.9 - i / 10,
            mentions=(Mention(0, span, sub, 0.9),),
            event_id_cnty=f"{article.id}-{sub}-{i}",
            event_date=date(2021, 5, 3),
            time_precision=1,
            actor1="Protesters (Kenya)",
            inter1=6,
            actor2="Police Forces of Kenya (2013-2022)",
            inter2=1,
            country="Kenya",
            iso=404,
            latitude=-4.05,
            longitude=39.66,
            location="Mombasa",
            geo_precision=1,
            fatalities=0,
            wounded=2,
            evidence=(Evidence("location", Span(54, 61, "Mombasa"), "places", 1),),
        )
        for i in range(n)
    )
    return Work(article=article, events=events)


@pytest.fixture(scope="module")
def pg_server() -> Iterator[str | None]:
    """One PostgreSQL server for this module, or None (its tests skip, saying why)."""
    try:
        with postgres_url() as url:
            yield url
    except Unavailable as exc:
        yield f"unavailable: {exc}"


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[SqlStore]:
    """The same contract against both backends."""
    if request.param == "sqlite":
        s = open_store(f"sqlite:///{tmp_path}/t.db")
    else:
        url = request.getfixturevalue("pg_server")
        if url.startswith("unavailable:"):
            pytest.skip(f"PostgreSQL {url}")
        s = open_store(url)
        s.clear()
    yield s
    s.close()


def test_round_trip_keeps_every_field_and_the_evidence(store: SqlStore) -> None:
    work = _work()
    store.write(Batch(works=[work]))
    [back] = list(store.events())
    assert back == work.events[0]
    assert back.interaction == 16
    assert back.evidence[0].span.text == "Mombasa"
    assert back.mentions[0].span.text == TEXT[:62]


def test_recoding_an_article_replaces_its_events(store: SqlStore) -> None:
    store.write(Batch(works=[_work(n=3)]))
    store.write(Batch(works=[_work(n=1)]))
    store.write(Batch(works=[_work(n=1)]))
    assert len(list(store.events())) == 1
    assert len(store.article_ids()) == 1


def test_events_come_back_in_article_then_confidence_order(store: SqlStore) -> None:
    store.write(Batch(works=[_work(n=3)]))
    other = _work(text=TEXT + " Later that day a second march took place.", n=2)
    store.write(Batch(works=[other]))
    confidences = [e.confidence for e in store.events()]
    assert confidences == [0.9, 0.8, 0.7, 0.9, 0.8]
    assert [e.country for e in store.events(EventQuery(country="Kenya", limit=2))] == ["Kenya"] * 2


def test_rejections_are_stored_once_and_cleared_by_success(store: SqlStore) -> None:
    work = _work()
    rej = Rejection("t.txt", "E200", "boom", "places", work.article.id)
    store.write(Batch(rejections=[rej, rej]))
    assert store.rejections() == [rej]
    store.write(Batch(works=[work]))
    assert store.rejections() == []


def test_a_failed_batch_stores_nothing_of_itself(store: SqlStore) -> None:
    store.write(Batch(works=[_work()]))
    good = _work(text=TEXT + " More.")
    bad = _work(text=TEXT + " Other.")
    # A record the schema refuses (fatalities must be a number) fails the whole batch.
    bad = Work(article=bad.article, events=(replace(bad.events[0], fatalities=None),))
    with pytest.raises(StoreError):
        store.write(Batch(works=[good, bad]))
    assert store.article_ids() == {_work().article.id}


def test_unopenable_store_names_the_url() -> None:
    with pytest.raises(StoreError) as info:
        open_store("nosuchdialect://x/y")
    assert "nosuchdialect" in str(info.value)


_OPEN_AND_COUNT = (
    "import sys; from eventcoder.store import open_store; "
    "s = open_store(sys.argv[1]); print(len(s.article_ids())); s.close()"
)


def test_processes_opening_a_new_sqlite_store_at_once_all_succeed(tmp_path: Path) -> None:
    """Two `eventcoder` runs started together on a new file must not both migrate it."""
    import subprocess
    import sys

    url = f"sqlite:///{tmp_path}/new.db"
    procs = [
        subprocess.Popen([sys.executable, "-c", _OPEN_AND_COUNT, url], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
        for _ in range(6)
    ]  # fmt: skip
    results = [p.communicate(timeout=60) for p in procs]
    assert [(p.returncode, out.strip()) for p, (out, _err) in zip(procs, results, strict=True)] == [
        (0, "0")
    ] * 6, [err for _out, err in results if err]
    store = open_store(url)
    assert store.article_ids() == set()
    store.close()

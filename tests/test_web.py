"""The HTTP API (eventcoder.web) over a real coded store: the bundled examples, coded once.

Every endpoint and filter is checked against the store read back in Python; every error path is
checked for the shared shape ``{"error", "code", "status"}``; writes are checked for the token,
the audit log and for surviving a re-coding of the same article.
"""

from __future__ import annotations

import shutil
import warnings
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from support.postgres import Unavailable, postgres_url

from eventcoder.batch import code_inputs
from eventcoder.cli import main as cli
from eventcoder.export import COLUMNS
from eventcoder.model import EventRecord
from eventcoder.pipeline import Pipeline
from eventcoder.store import SqlStore, open_store
from eventcoder.store.review import Review
from eventcoder.web import create_app

with warnings.catch_warnings():
    # Starlette asks for httpx2 in its test client; httpx 0.28 is what is pinned, and works.
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

ERROR_KEYS = {"error", "code", "status"}


@pytest.fixture(scope="module")
def seed_db(
    tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline, examples_dir: Path
) -> Path:
    """A SQLite file holding examples/ coded by the default pipeline (closed, so it can be copied)."""
    path = tmp_path_factory.mktemp("web") / "seed.db"
    store = open_store(f"sqlite:///{path}")
    report = code_inputs(pipeline, [str(examples_dir)], store)
    assert report.coded >= 4 and not report.rejected
    store.close()
    return path


@pytest.fixture(scope="module")
def read_store(seed_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[SqlStore]:
    path = tmp_path_factory.mktemp("read") / "read.db"
    shutil.copy(seed_db, path)
    store = open_store(f"sqlite:///{path}")
    yield store
    store.close()


@pytest.fixture(scope="module")
def client(read_store: SqlStore, pipeline: Pipeline) -> TestClient:
    """A client of the app over the read-only copy (no test through it writes)."""
    return TestClient(create_app(read_store, pipeline.config, pipeline=pipeline))


@pytest.fixture(scope="module")
def stored(read_store: SqlStore) -> list[EventRecord]:
    return list(read_store.events())


@pytest.fixture
def writable(
    seed_db: Path, tmp_path: Path, pipeline: Pipeline
) -> Iterator[tuple[TestClient, SqlStore, str]]:
    """A client over a fresh copy of the seed store, and a token for reviewer 'alice'."""
    path = tmp_path / "w.db"
    shutil.copy(seed_db, path)
    store = open_store(f"sqlite:///{path}")
    token = Review(store).create_token("alice")
    yield TestClient(create_app(store, pipeline.config, pipeline=pipeline)), store, token
    store.close()


def _auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _assert_error(response: Any, status: int, code: str) -> dict[str, Any]:
    body = response.json()
    assert set(body) == ERROR_KEYS, body
    assert (response.status_code, body["status"], body["code"]) == (status, status, code), body
    assert body["error"] and "\n" not in body["error"]
    return body


def _ids(response: Any) -> set[str]:
    assert response.status_code == 200, response.text
    return {e["event_id_cnty"] for e in response.json()["events"]}


def _kenya(stored: list[EventRecord]) -> EventRecord:
    """The Nairobi report's main event: the Kenyan one with the most fatalities ("at least five")."""
    return max((e for e in stored if e.country == "Kenya"), key=lambda e: e.fatalities)


# -- GET /events --------------------------------------------------------------------------------


def test_events_lists_every_stored_event(client: TestClient, stored: list[EventRecord]) -> None:
    r = client.get("/events", params={"limit": 1000})
    body = r.json()
    assert body["total"] == len(stored) == len(body["events"]) and r.headers[
        "x-total-count"
    ] == str(len(stored))
    assert _ids(r) == {e.event_id_cnty for e in stored}
    assert {e.country for e in stored} >= {"Syria", "Somalia", "Myanmar", "Kenya"}
    first = body["events"][0]
    assert set(COLUMNS) <= set(first) and first["reviewed"] is False


def _lower_in(text: str, *values: str) -> bool:
    return any(text.lower() in v.lower() for v in values)


FILTERS: dict[
    str, tuple[Callable[[EventRecord], dict[str, str]], Callable[[EventRecord, EventRecord], bool]]
] = {
    "country": (lambda k: {"country": k.country}, lambda e, k: e.country == k.country),
    "admin1": (lambda k: {"admin1": k.admin1}, lambda e, k: e.admin1 == k.admin1),
    "event_type": (
        lambda k: {"event_type": "Explosions/Remote violence"},
        lambda e, k: e.event_type == "Explosions/Remote violence",
    ),
    "sub_event_type": (
        lambda k: {"sub_event_type": k.sub_event_type},
        lambda e, k: e.sub_event_type == k.sub_event_type,
    ),
    "actor": (
        lambda k: {"actor": "shabaab"},
        lambda e, k: _lower_in("shabaab", e.actor1, e.actor2, e.assoc_actor_1, e.assoc_actor_2),
    ),
    "q": (
        lambda k: {"q": "PARLIAMENT"},
        lambda e, k: _lower_in(
            "parliament", e.notes, e.location, e.actor1, e.actor2, e.admin1, e.country
        ),
    ),
    "dates": (
        lambda k: {"start": "2022-01-01", "end": "2023-12-31"},
        lambda e, k: (
            e.event_date is not None and date(2022, 1, 1) <= e.event_date <= date(2023, 12, 31)
        ),
    ),
    "start only": (
        lambda k: {"start": "2024-01-01"},
        lambda e, k: e.event_date is not None and e.event_date >= date(2024, 1, 1),
    ),
    # East Africa: Nairobi and Mogadishu, not Syria or Myanmar.
    "bbox": (
        lambda k: {"bbox": "30,-5,50,12"},
        lambda e, k: (
            e.latitude is not None
            and e.longitude is not None
            and -5 <= e.latitude <= 12
            and 30 <= e.longitude <= 50
        ),
    ),
    "combined": (
        lambda k: {"country": "Syria", "event_type": "Explosions/Remote violence"},
        lambda e, k: e.country == "Syria" and e.event_type == "Explosions/Remote violence",
    ),
    "reviewed=false": (lambda k: {"reviewed": "false"}, lambda e, k: True),
    "reviewed=true": (lambda k: {"reviewed": "true"}, lambda e, k: False),
}


@pytest.mark.parametrize("name", list(FILTERS))
def test_events_filter_matches_the_store(
    client: TestClient, stored: list[EventRecord], name: str
) -> None:
    params_of, keep = FILTERS[name]
    kenya = _kenya(stored)
    expected = {e.event_id_cnty for e in stored if keep(e, kenya)}
    if name != "reviewed=true":
        assert expected, f"the examples should hold events for filter {name}"
    assert expected != {e.event_id_cnty for e in stored} or name == "reviewed=false"
    r = client.get("/events", params={**params_of(kenya), "limit": 1000})
    assert _ids(r) == expected
    assert r.json()["total"] == len(expected)


def test_events_pages_cover_every_event_once(client: TestClient, stored: list[EventRecord]) -> None:
    pages = [
        client.get("/events", params={"limit": 5, "offset": off}).json()
        for off in range(0, len(stored), 5)
    ]
    ids = [e["event_id_cnty"] for p in pages for e in p["events"]]
    assert len(ids) == len(set(ids)) == len(stored)
    assert all(p["total"] == len(stored) and p["limit"] == 5 for p in pages)
    assert client.get("/events", params={"offset": len(stored)}).json()["events"] == []


@pytest.mark.parametrize("sort", ["-fatalities", "fatalities", "-event_date", "event_date"])
def test_events_sort(client: TestClient, sort: str) -> None:
    events = client.get("/events", params={"sort": sort, "limit": 1000}).json()["events"]
    key = sort.lstrip("-")
    values = [e[key] for e in events if e[key] is not None]
    assert values == sorted(values, reverse=sort.startswith("-")) and len(set(values)) > 1


@pytest.mark.parametrize(
    ("params", "headers", "media"),
    [
        ({"format": "csv"}, {}, "text/csv"),
        ({}, {"Accept": "text/csv"}, "text/csv"),
        ({"format": "geojson"}, {}, "application/geo+json"),
        ({}, {"Accept": "application/geo+json"}, "application/geo+json"),
        ({}, {"Accept": "text/html;q=0.9, application/geo+json;q=0.5, text/csv;q=0.8"}, "text/csv"),
        ({}, {"Accept": "*/*"}, "application/json"),
        ({"format": "json"}, {"Accept": "text/csv"}, "application/json"),
    ],
)
def test_events_formats(client: TestClient, stored: list[EventRecord], params: dict[str, str],
                        headers: dict[str, str], media: str) -> None:  # fmt: skip
    r = client.get("/events", params={**params, "limit": 1000}, headers=headers)
    assert r.status_code == 200 and r.headers["content-type"].startswith(media)
    assert r.headers["x-total-count"] == str(len(stored))
    if media == "text/csv":
        lines = r.text.splitlines()
        assert lines[0].split(",") == list(COLUMNS) and len(lines) == len(stored) + 1
    elif media == "application/geo+json":
        body = r.json()
        located = {
            e.event_id_cnty: e for e in stored if e.latitude is not None and e.longitude is not None
        }
        assert body["type"] == "FeatureCollection" and body["total"] == len(stored)
        assert {f["id"] for f in body["features"]} == set(located)
        for f in body["features"]:
            assert f["geometry"]["coordinates"] == [
                located[f["id"]].longitude,
                located[f["id"]].latitude,
            ]
            assert f["properties"]["fatalities"] == located[f["id"]].fatalities
    else:
        assert len(r.json()["events"]) == len(stored)


# -- errors -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "url", "status", "code", "says"),
    [
        ("GET", "/events?start=2024-02-30", 400, "E601", "start"),
        ("GET", "/events?start=2024-06-01&end=2024-01-01", 400, "E601", "after end"),
        ("GET", "/events?limit=0", 400, "E601", "limit"),
        ("GET", "/events?limit=20000", 400, "E601", "limit"),
        ("GET", "/events?offset=-1", 400, "E601", "offset"),
        ("GET", "/events?limit=ten", 400, "E601", "limit"),
        ("GET", "/events?bbox=30,-5,50", 400, "E601", "four numbers"),
        ("GET", "/events?bbox=30,-5,50,north", 400, "E601", "four numbers"),
        ("GET", "/events?bbox=30,20,50,10", 400, "E601", "out of range"),
        ("GET", "/events?bbox=200,-5,250,12", 400, "E601", "out of range"),
        ("GET", "/events?reviewed=perhaps", 400, "E601", "reviewed"),
        ("GET", "/events?sort=notes", 400, "E601", "sort"),
        ("GET", "/events?format=xml", 400, "E601", "format must be"),
        ("GET", "/stats?interval=year", 400, "E601", "interval"),
        ("GET", "/stats?by=actor1", 400, "E601", "by"),
        ("GET", "/stats?end=yesterday", 400, "E601", "end"),
        ("GET", "/events/0000000000000000", 404, "E401", "no event"),
        ("GET", "/audit?limit=0", 400, "E601", "limit"),
        ("GET", "/no/such/page", 404, "E603", "no such page"),
        ("PUT", "/events", 405, "E605", "PUT"),
    ],
)
def test_bad_requests_answer_4xx_in_one_shape(client: TestClient, method: str, url: str, status: int,
                                              code: str, says: str) -> None:  # fmt: skip
    body = _assert_error(client.request(method, url), status, code)
    assert says in body["error"]


def test_a_broken_store_is_500_in_the_same_shape(seed_db: Path, tmp_path: Path) -> None:
    path = tmp_path / "broken.db"
    shutil.copy(seed_db, path)
    store = open_store(f"sqlite:///{path}")
    with store.engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE evidence")
    client = TestClient(create_app(store), raise_server_exceptions=False)
    stored_id = client.get("/events").json()["events"][0]["event_id_cnty"]
    body = _assert_error(client.get(f"/events/{stored_id}"), 500, "E600")
    assert "server log" in body["error"]
    store.close()


def test_unacceptable_accept_is_406(client: TestClient) -> None:
    body = _assert_error(client.get("/events", headers={"Accept": "image/png"}), 406, "E604")
    assert "text/csv" in body["error"]


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("PATCH", "/events/{id}", {"fatalities": 1}),
        ("DELETE", "/events/{id}", None),
        (
            "POST",
            "/articles",
            {"text": "Police fired tear gas at protesters in Nairobi on Monday."},
        ),
        ("GET", "/me", None),
    ],
)
@pytest.mark.parametrize("token", [None, "not-a-token", "Basic YWxpY2U6eA=="])
def test_writes_without_a_valid_token_are_401(client: TestClient, stored: list[EventRecord], method: str,
                                              path: str, body: Any, token: str | None) -> None:  # fmt: skip
    headers = (
        {} if token is None else {"Authorization": token if " " in token else f"Bearer {token}"}
    )
    url = path.format(id=stored[0].event_id_cnty)
    r = client.request(method, url, json=body, headers=headers)
    msg = _assert_error(r, 401, "E602")["error"]
    assert r.headers["www-authenticate"] == "Bearer"
    assert ("eventcoder token create" in msg) if token is None else ("unknown or revoked" in msg)
    assert (
        client.get(f"/events/{stored[0].event_id_cnty}").json()["fatalities"]
        == stored[0].fatalities
    )


# -- GET /events/{id} ---------------------------------------------------------------------------


def test_event_detail_has_fields_sources_and_evidence_in_context(client: TestClient,
                                                                 stored: list[EventRecord]) -> None:  # fmt: skip
    kenya = _kenya(stored)
    d = client.get(f"/events/{kenya.event_id_cnty}").json()
    assert (
        set(COLUMNS) <= set(d) and d["fatalities"] == kenya.fatalities and d["country"] == "Kenya"
    )
    assert d["reviewed"] is False and d["audit"] == [] and d["corrected"] == []
    (source,) = d["sources"]
    assert source["published"] == "2024-06-25" and "parliament" in source["text"]
    assert {e["field"] for e in d["evidence"]} >= {"fatalities", "location", "event_date"}
    for e in d["evidence"]:
        text = source["text"]
        assert text[e["start"] : e["end"]] == e["text"]
        assert e["before"] == text[max(0, e["start"] - 240) : e["start"]]
        assert e["after"] == text[e["end"] : e["end"] + 240]
    fatalities = next(e for e in d["evidence"] if e["field"] == "fatalities")
    assert "five" in fatalities["text"]
    assert (
        d["mentions"]
        and source["text"][d["mentions"][0]["start"] : d["mentions"][0]["end"]]
        == d["mentions"][0]["text"]
    )


# -- GET /stats, /facets, /audit, the page, OpenAPI ---------------------------------------------


@pytest.mark.parametrize("interval", ["day", "week"])
@pytest.mark.parametrize("by", ["event_type", "country", "sub_event_type", "none"])
def test_stats_add_up_to_the_store(
    client: TestClient, stored: list[EventRecord], interval: str, by: str
) -> None:
    body = client.get("/stats", params={"interval": interval, "by": by}).json()
    dated = [e for e in stored if e.event_date]
    assert body["total"] == {"events": len(dated), "fatalities": sum(e.fatalities for e in dated)}
    keys = {r["key"] for r in body["series"]}
    assert keys == ({"all"} if by == "none" else {getattr(e, by) for e in dated})
    periods = {date.fromisoformat(r["period"]) for r in body["series"]}
    if interval == "week":
        assert all(p.weekday() == 0 for p in periods)
    else:
        assert periods == {e.event_date for e in dated}


def test_stats_take_the_event_filters(client: TestClient, stored: list[EventRecord]) -> None:
    body = client.get("/stats", params={"country": "Kenya", "by": "country"}).json()
    kenya = [e for e in stored if e.country == "Kenya"]
    assert {r["key"] for r in body["series"]} == {"Kenya"}
    assert body["total"]["fatalities"] == sum(e.fatalities for e in kenya)


def test_facets(client: TestClient, stored: list[EventRecord]) -> None:
    body = client.get("/facets").json()
    assert len(body["event_types"]) == 6 and "Violent demonstration" in body["event_types"]["Riots"]
    assert {c["country"]: c["events"] for c in body["countries"]}["Kenya"] == len(
        [e for e in stored if e.country == "Kenya"]
    )


def test_openapi_document_lists_the_endpoints(client: TestClient) -> None:
    doc = client.get("/openapi.json").json()
    assert set(doc["paths"]) >= {
        "/events",
        "/events/{event_id}",
        "/stats",
        "/articles",
        "/audit",
        "/facets",
    }
    assert set(doc["paths"]["/events/{event_id}"]) == {"get", "patch", "delete"}
    names = {p["name"] for p in doc["paths"]["/events"]["get"]["parameters"]}
    assert names >= {
        "start",
        "end",
        "country",
        "admin1",
        "event_type",
        "sub_event_type",
        "actor",
        "q",
        "bbox",
        "limit",
        "offset",
        "format",
        "sort",
    }
    assert doc["components"]["schemas"]["ErrorOut"]["required"] == ["error", "code", "status"]


def test_page_and_assets_are_served_offline(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and 'src="static/main.js"' in page.text
    assert "http://" not in page.text and "https://" not in page.text
    script = client.get("/static/main.js")
    assert script.status_code == 200 and "leaflet" in script.text.lower()
    basemap = client.get("/static/countries-110m.json").json()
    assert basemap["type"] == "Topology" and "countries" in basemap["objects"]
    assert client.get("/static/style.css").status_code == 200


# -- writes -------------------------------------------------------------------------------------


def test_patch_corrects_logs_and_marks_reviewed(writable: tuple[TestClient, SqlStore, str],
                                                stored: list[EventRecord]) -> None:  # fmt: skip
    client, store, token = writable
    kenya = _kenya(stored)
    url = f"/events/{kenya.event_id_cnty}"
    r = client.patch(url, json={"fatalities": 7, "wounded": 30}, headers=_auth(token))
    assert r.status_code == 200, r.text
    d = r.json()
    assert (d["fatalities"], d["wounded"], d["reviewed"]) == (7, 30, True)
    assert d["corrected"] == ["fatalities", "wounded"]
    entries = {a["field"]: a for a in d["audit"]}
    assert (
        entries["fatalities"]["old_value"] == kenya.fatalities
        and entries["fatalities"]["new_value"] == 7
    )
    assert entries["fatalities"]["by"] == "alice" and entries["fatalities"]["action"] == "edit"
    assert next(e for e in d["evidence"] if e["field"] == "fatalities")["corrected"] is True
    # The correction is what every reader sees: the list, the filters, the export.
    assert _ids(client.get("/events", params={"reviewed": "true"})) == {kenya.event_id_cnty}
    assert next(e for e in store.events() if e.event_id_cnty == kenya.event_id_cnty).fatalities == 7
    assert client.get("/audit").json()["audit"][0]["by"] == "alice"
    assert client.get("/me", headers=_auth(token)).json() == {"name": "alice"}


def test_patch_sub_event_type_brings_its_event_type(writable: tuple[TestClient, SqlStore, str],
                                                    stored: list[EventRecord]) -> None:  # fmt: skip
    client, _store, token = writable
    url = f"/events/{_kenya(stored).event_id_cnty}"
    d = client.patch(url, json={"sub_event_type": "Peaceful protest"}, headers=_auth(token)).json()
    assert (d["event_type"], d["sub_event_type"], d["disorder_type"]) == (
        "Protests",
        "Peaceful protest",
        "Demonstrations",
    )
    # An empty correction only marks the event reviewed, and says so in the log.
    d = client.patch(url, json={}, headers=_auth(token)).json()
    assert d["reviewed"] is True and d["audit"][0]["action"] == "review"


@pytest.mark.parametrize(
    ("body", "says"),
    [
        ({"fatalities": -1}, "fatalities"),
        ({"fatalities": "many"}, "fatalities"),
        ({"fatalities": None}, "cannot be null"),
        ({"event_id_cnty": "x"}, "event_id_cnty"),
        ({"latitude": 123.0}, "latitude"),
        ({"event_date": "2024-13-01"}, "event_date"),
        ({"sub_event_type": "Picnic"}, "not one of ACLED's sub-event types"),
        (
            {"sub_event_type": "Peaceful protest", "event_type": "Riots"},
            "is a sub-event type of 'Protests'",
        ),
        ({"event_type": "Battles"}, "needs a sub_event_type"),
        ({"event_type": "Skirmish"}, "not one of ACLED's event types"),
    ],
)
def test_patch_rejects_bad_corrections(writable: tuple[TestClient, SqlStore, str], stored: list[EventRecord],
                                       body: dict[str, Any], says: str) -> None:  # fmt: skip
    client, _store, token = writable
    url = f"/events/{_kenya(stored).event_id_cnty}"
    msg = _assert_error(client.patch(url, json=body, headers=_auth(token)), 400, "E601")["error"]
    assert says in msg
    assert client.get(url).json()["audit"] == []


def test_patch_and_delete_unknown_event_are_404(writable: tuple[TestClient, SqlStore, str]) -> None:
    client, _store, token = writable
    _assert_error(
        client.patch("/events/nope", json={"fatalities": 1}, headers=_auth(token)), 404, "E401"
    )
    _assert_error(client.delete("/events/nope", headers=_auth(token)), 404, "E401")


def test_corrections_and_deletions_survive_recoding(writable: tuple[TestClient, SqlStore, str],
                                                    stored: list[EventRecord], pipeline: Pipeline,
                                                    examples_dir: Path) -> None:  # fmt: skip
    client, store, token = writable
    kenya = _kenya(stored)
    somalia = next(e for e in stored if e.country == "Somalia")
    client.patch(f"/events/{kenya.event_id_cnty}", json={"fatalities": 6}, headers=_auth(token))
    r = client.delete(f"/events/{somalia.event_id_cnty}", headers=_auth(token))
    assert r.json() == {"deleted": somalia.event_id_cnty, "by": "alice", "reports": []}
    _assert_error(client.get(f"/events/{somalia.event_id_cnty}"), 404, "E401")

    code_inputs(pipeline, [str(examples_dir / "wire.jsonl")], store)  # the same articles again

    d = client.get(f"/events/{kenya.event_id_cnty}").json()
    assert (d["fatalities"], d["reviewed"], d["corrected"]) == (6, True, ["fatalities"])
    assert [(a["field"], a["old_value"], a["new_value"]) for a in d["audit"]] == [
        ("fatalities", kenya.fatalities, 6)
    ]
    assert somalia.event_id_cnty not in _ids(client.get("/events", params={"limit": 1000}))
    deleted = client.get("/audit", params={"event_id": somalia.event_id_cnty}).json()["audit"]
    assert deleted[0]["action"] == "delete" and deleted[0]["old_value"]["country"] == "Somalia"


def test_post_articles_codes_and_stores(writable: tuple[TestClient, SqlStore, str]) -> None:
    client, store, token = writable
    text = ("MANDALAY, March 3 (Wire) - Soldiers opened fire on protesters in Mandalay, Myanmar, on Sunday, "
            "killing three people and wounding at least ten, witnesses said.")  # fmt: skip
    r = client.post("/articles", json={"text": text, "title": "Soldiers fire on protesters",
                                       "published": "2021-03-04", "url": "https://wire.example/mandalay"},
                    headers=_auth(token))  # fmt: skip
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["coded"] == 1 and body["rejected"] == [] and body["events"]
    event = body["events"][0]
    assert event["country"] == "Myanmar" and event["fatalities"] == 3
    d = client.get(f"/events/{event['event_id_cnty']}").json()
    assert d["sources"][0]["url"] == "https://wire.example/mandalay"
    assert event["event_id_cnty"] in {e.event_id_cnty for e in store.events()}


def test_post_articles_batch_lists_rejections(writable: tuple[TestClient, SqlStore, str]) -> None:
    client, _store, token = writable
    good = "Gunmen killed two villagers in an attack on Kadisi village in Zamfara state, Nigeria, on Monday."
    r = client.post("/articles", json={"articles": [{"text": good, "published": "2024-02-13"}, {"text": "  ok  "}]},
                    headers=_auth(token))  # fmt: skip
    body = r.json()
    assert r.status_code == 201 and body["coded"] == 1
    assert [rej["code"] for rej in body["rejected"]] == ["E101"]


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"text": "  ok  "}, 422, "E101"),
        ({"text": ""}, 400, "E601"),
        ({"articles": []}, 400, "E601"),
        ({"body": "text"}, 400, "E601"),
        ({"text": "Police dispersed protesters.", "published": "soon"}, 400, "E601"),
    ],
)
def test_post_articles_bad_bodies(writable: tuple[TestClient, SqlStore, str], body: dict[str, Any],
                                  status: int, code: str) -> None:  # fmt: skip
    client, _store, token = writable
    _assert_error(client.post("/articles", json=body, headers=_auth(token)), status, code)


# -- the commands -------------------------------------------------------------------------------


def test_token_commands(seed_db: Path, tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    shutil.copy(seed_db, path)
    runner = CliRunner()
    made = runner.invoke(cli, ["token", "create", "bob", "--db", str(path)])
    assert made.exit_code == 0, made.output
    secret = made.stdout.strip()
    store = open_store(str(path))
    assert Review(store).who(secret) == "bob"
    again = runner.invoke(cli, ["token", "create", "bob", "--db", str(path)])
    assert again.exit_code == 1 and "exists" in again.output
    assert "bob\tcreated" in runner.invoke(cli, ["token", "list", "--db", str(path)]).output
    assert runner.invoke(cli, ["token", "revoke", "bob", "--db", str(path)]).exit_code == 0
    assert Review(store).who(secret) is None
    store.close()
    assert "--port" in runner.invoke(cli, ["serve", "--help"]).output


# -- the same API over PostgreSQL ---------------------------------------------------------------


def test_api_and_review_on_postgresql(pipeline: Pipeline, examples_dir: Path) -> None:
    """The filters, stats, a correction and its survival of re-coding, on PostgreSQL."""
    try:
        with postgres_url() as url:
            _check_postgresql(url, pipeline, examples_dir)
    except Unavailable as exc:
        pytest.skip(f"no PostgreSQL: {exc}")


def _check_postgresql(url: str, pipeline: Pipeline, examples_dir: Path) -> None:
    pg = open_store(url)
    code_inputs(pipeline, [str(examples_dir)], pg)
    stored = list(pg.events())
    token = Review(pg).create_token("alice")
    client = TestClient(create_app(pg, pipeline.config, pipeline=pipeline))
    assert client.get("/events").json()["total"] == len(stored)
    shabaab = {e.event_id_cnty for e in stored if "shabaab" in e.actor1.lower()}
    assert shabaab
    assert (
        _ids(client.get("/events", params={"actor": "SHABAAB", "bbox": "30,-5,50,12"})) == shabaab
    )
    week = client.get("/stats", params={"interval": "week", "by": "none"}).json()
    assert week["total"]["events"] == len([e for e in stored if e.event_date])
    kenya = _kenya(stored)
    url_of = f"/events/{kenya.event_id_cnty}"
    assert client.patch(url_of, json={"fatalities": 6}, headers=_auth(token)).status_code == 200
    code_inputs(pipeline, [str(examples_dir / "wire.jsonl")], pg)
    d = client.get(url_of).json()
    assert (d["fatalities"], d["reviewed"], d["audit"][0]["new_value"]) == (6, True, 6)
    pg.close()

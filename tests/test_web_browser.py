"""The web map in a real browser: Debian's headless Chromium driven by Playwright.

Serves the app with uvicorn on a free loopback port over the bundled examples, coded once; the
page must show the seed's events on the map and in the list, open one with its evidence
highlighted in the source text, and save a reviewer's correction of its fatalities. Skips when no
Chromium is installed (``apt-get install -y chromium``): Playwright never downloads a browser.
The last screen is saved to /tmp/eventcoder_web.png.
"""

from __future__ import annotations

import json
import shutil
import socket
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from eventcoder.batch import code_inputs
from eventcoder.pipeline import Pipeline
from eventcoder.store import open_store
from eventcoder.store.review import Review
from eventcoder.web import create_app

SCREENSHOT = Path("/tmp/eventcoder_web.png")
# Debian names the binary chromium; other distributions chromium-browser.
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="no Chromium installed (apt-get install -y chromium) for the browser test",
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline,
           examples_dir: Path) -> Iterator[tuple[str, str]]:  # fmt: skip
    """The app over the coded examples on 127.0.0.1: its base URL and a token for 'alice'."""
    import uvicorn

    path = tmp_path_factory.mktemp("browser") / "seed.db"
    store = open_store(f"sqlite:///{path}")
    code_inputs(pipeline, [str(examples_dir)], store)
    token = Review(store).create_token("alice")
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(
        create_app(store, pipeline.config, pipeline=pipeline), host="127.0.0.1", port=port,
        log_level="warning",
    ))  # fmt: skip
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start within 10 s"
    yield f"http://127.0.0.1:{port}", token
    server.should_exit = True
    thread.join(timeout=10)
    store.close()


def _get(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=10) as res:  # our own loopback server
        return json.load(res)


def test_map_list_evidence_and_review(served: tuple[str, str]) -> None:
    pytest.importorskip("playwright.sync_api", reason="playwright is not installed (.[test])")
    from playwright.sync_api import expect, sync_playwright

    base, token = served
    events = _get(f"{base}/events?limit=1000")["events"]
    located = [e for e in events if e["latitude"] is not None and e["longitude"] is not None]
    # The Nairobi report's main event: the Kenyan one with the most fatalities ("at least five").
    kenya = max((e for e in events if e["country"] == "Kenya"), key=lambda e: e["fatalities"])
    detail = _get(f"{base}/events/{kenya['event_id_cnty']}")
    fatality_span = next(e["text"] for e in detail["evidence"] if e["field"] == "fatalities")

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1400, "height": 850})
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(base + "/")
        page.wait_for_selector("body[data-loaded=true]", timeout=15_000)

        # The seed's events: one marker per located event, one row per event.
        expect(page.locator("path.event-marker")).to_have_count(len(located))
        expect(page.locator("tr.event-row")).to_have_count(len(events))
        expect(page.locator("#count")).to_contain_text(f"{len(events)} events")
        assert page.locator("#map .leaflet-overlay-pane path").count() > len(located)  # the basemap

        # The filters narrow the list and the map; reset brings every event back.
        page.select_option("#filters select[name=country]", "Kenya")
        page.click("#filters button[type=submit]")
        kenyan = [e for e in events if e["country"] == "Kenya"]
        expect(page.locator("tr.event-row")).to_have_count(len(kenyan))
        expect(page.locator("path.event-marker")).to_have_count(len(kenyan))
        page.click("#filters button[type=reset]")
        expect(page.locator("tr.event-row")).to_have_count(len(events))

        # Open the Nairobi event: its evidence is highlighted in the article text.
        page.locator(f"tr.event-row[data-id='{kenya['event_id_cnty']}']").click()
        marks = page.locator("#panel mark.evidence")
        expect(marks.first).to_be_visible()
        expect(page.locator('#panel mark.evidence[data-fields~="fatalities"]')).to_have_text(
            fatality_span
        )
        expect(page.locator('#panel [data-field="fatalities"]')).to_have_text(
            str(kenya["fatalities"])
        )

        # Review with a token: correct the fatalities, see it saved and marked reviewed.
        page.fill("#token", token)
        page.click("#token-form button")
        expect(page.locator("#who")).to_have_text("reviewing as alice")
        page.fill('#review-form input[name="fatalities"]', "7")
        page.click("#save")
        expect(page.locator('#panel [data-field="fatalities"]')).to_have_text("7")
        expect(page.locator("#reviewed-flag")).to_be_visible()
        expect(page.locator("#panel .audit li").first).to_contain_text("alice: edit fatalities")

        # Persisted: the API says so, and so does the page after a reload.
        stored = _get(f"{base}/events/{kenya['event_id_cnty']}")
        assert (stored["fatalities"], stored["reviewed"], stored["audit"][0]["by"]) == (
            7,
            True,
            "alice",
        )
        page.reload()
        page.wait_for_selector("body[data-loaded=true]", timeout=15_000)
        row = page.locator(f"tr.event-row[data-id='{kenya['event_id_cnty']}']")
        expect(row.locator("td.num")).to_have_text("7")
        row.click()
        expect(page.locator('#panel [data-field="fatalities"]')).to_have_text("7")
        page.locator('#panel mark.evidence[data-fields~="fatalities"]').scroll_into_view_if_needed()
        page.screenshot(path=str(SCREENSHOT))
        browser.close()
    assert errors == []
    assert SCREENSHOT.stat().st_size > 10_000

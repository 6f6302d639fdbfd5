"""The command line, run for real: exit codes, messages, the store after a kill -9."""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventcoder.cli import main
from eventcoder.store import open_store

FRONT = '[pipeline]\nstages = ["clean", "nlp", "events", "finalize"]\n'


def _articles(folder: Path, n: int) -> None:
    folder.mkdir()
    for i in range(n):
        (folder / f"a{i:03d}.txt").write_text(
            f"Protesters gathered in the square of town number {i} on Monday to demand water. "
            f"Police fired tear gas and arrested {i + 2} of them.\n"
        )


def test_code_writes_csv_and_reports_rejections(tmp_path: Path) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text(FRONT)
    src = tmp_path / "in"
    _articles(src, 2)
    (src / "empty.txt").write_text("")
    out = tmp_path / "e.csv"
    result = CliRunner().invoke(
        main, ["--config", str(cfg), "code", str(src), "--db", str(tmp_path / "t.db"), "-o", str(out)]
    )
    assert result.exit_code == 1  # something failed: the empty file
    assert f"{src / 'empty.txt'}: empty file (E101)" in result.output
    assert "2 coded (2 events), 1 rejected" in result.output
    rows = list(csv.DictReader(out.open()))
    assert [r["sub_event_type"] for r in rows] == ["Protest with intervention"] * 2
    listed = CliRunner().invoke(main, ["rejections", "--db", str(tmp_path / "t.db")])
    assert "empty.txt\tE101" in listed.output


def test_error_is_one_line_and_exit_1(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["export", "--db", str(tmp_path / "t.db"), "-o", "x.pdf"])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "error: x.pdf: cannot export to x.pdf: use a .csv, .jsonl or .geojson file name (E300)"
    ]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_kill_9_mid_batch_then_rerun_gives_a_complete_store(tmp_path: Path) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text(FRONT)
    src = tmp_path / "in"
    _articles(src, 120)
    db = tmp_path / "t.db"
    cmd = [sys.executable, "-m", "eventcoder", "--config", str(cfg), "code", str(src), "--db", str(db),
           "-o", str(tmp_path / "e.csv")]  # fmt: skip
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    # Wait until at least one batch is committed, then kill without warning.
    while time.time() < deadline:
        time.sleep(0.2)
        if db.exists() and _count(db) > 0:
            break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = _count(db)
    assert 0 < partial < 120
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    store = open_store(f"sqlite:///{db}")
    events = list(store.events())
    assert len(store.article_ids()) == 120
    assert len(events) == 120  # one event per article, no duplicates after the re-run
    assert len({e.event_id_cnty for e in events}) == 120
    store.close()


def _count(db: Path) -> int:
    store = open_store(f"sqlite:///{db}")
    try:
        return len(store.article_ids())
    finally:
        store.close()

"""The generated reference docs match the code (regenerate: python -m eventcoder.docgen)."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventcoder.docgen import generate

DOCS = Path(__file__).resolve().parents[1] / "docs"


@pytest.mark.parametrize("name", ["stages.md", "config.md", "cli.md"])
def test_generated_doc_is_current(name: str) -> None:
    assert (DOCS / name).read_text("utf-8") == generate()[name], (
        f"docs/{name} is stale: run `.venv/bin/python -m eventcoder.docgen`"
    )

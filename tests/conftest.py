"""Shared fixtures: where the example and fixture articles live, pipelines, a fresh store.

Building a pipeline loads spaCy and the models, so pipelines are session-scoped: ``pipeline`` is
the default one (every stage in ``default_config.toml``), ``partial_pipeline(*stages)`` builds one
of just the named stages (tests of the early stages need no later ones). Configuration is read
without the environment, so a developer's ``EVENTCODER_*`` variables cannot change test results.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from eventcoder.batch import code_inputs
from eventcoder.config import load_config
from eventcoder.model import Article, EventRecord
from eventcoder.pipeline import Pipeline
from eventcoder.readers import Limits, read_path
from eventcoder.store import SqlStore, open_store

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    """``examples/``: the reference article (baghouz.txt/.html) and the wire examples."""
    return ROOT / "examples"


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    """``tests/fixtures/articles/``: small inputs, good and bad (see its README.md)."""
    return ROOT / "tests" / "fixtures" / "articles"


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    """The default pipeline, built once for the whole session."""
    return Pipeline.from_config(load_config(environ={}))


@pytest.fixture(scope="session")
def default_pipeline(pipeline: Pipeline) -> Pipeline:
    """Another name for ``pipeline`` (used by test_seed.py)."""
    return pipeline


@pytest.fixture(scope="session")
def partial_pipeline() -> Callable[..., Pipeline]:
    """``partial_pipeline("clean", "nlp")``: a pipeline of just those stages, built once each."""
    built: dict[tuple[str, ...], Pipeline] = {}

    def make(*stages: str) -> Pipeline:
        if stages not in built:
            config = load_config(environ={}, overrides={"pipeline.stages": list(stages)})
            built[stages] = Pipeline.from_config(config)
        return built[stages]

    return make


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SqlStore]:
    """A fresh SQLite store in a temporary file."""
    s = open_store(f"sqlite:///{tmp_path}/t.db")
    yield s
    s.close()


@pytest.fixture(scope="session")
def article(examples_dir: Path, fixtures_dir: Path) -> Callable[[str], Article]:
    """``article("baghouz.txt")``: the first article read from examples/ or the fixtures folder."""

    def read(name: str) -> Article:
        path = examples_dir / name
        if not path.exists():
            path = fixtures_dir / name
        for item in read_path(path, Limits()):
            if isinstance(item, Article):
                return item
            raise AssertionError(f"{name} was rejected: {item.code} {item.reason}")
        raise AssertionError(f"{name} holds no article")

    return read


@pytest.fixture(scope="session")
def seed_events(pipeline: Pipeline, examples_dir: Path) -> tuple[EventRecord, ...]:
    """The reference article ``examples/baghouz.txt`` through the default pipeline, coded once."""
    report = code_inputs(pipeline, [str(examples_dir / "baghouz.txt")], keep=True)
    assert report.rejected == []
    [work] = report.works
    assert work.article.published == date(2019, 3, 12)
    return work.events

from __future__ import annotations

import pytest

from eventcoder.config import Config, load_config
from eventcoder.errors import ConfigError
from eventcoder.model import Work
from eventcoder.pipeline import Pipeline
from eventcoder.registry import all_stages, get, stage


def test_builtins_are_registered_in_order_of_the_default_config() -> None:
    names = {info.name for info in all_stages()}
    for name in load_config(environ={}).get("pipeline", "stages"):
        assert name in names
    assert get("events").provides == ("mentions", "events")


def test_registration_checks_the_signature() -> None:
    with pytest.raises(ConfigError, match="__init__"):

        @stage("bad_init")
        class BadInit:
            def __init__(self) -> None: ...

            def __call__(self, work: Work) -> Work:
                return work

    with pytest.raises(ConfigError, match="must define __call__"):

        @stage("no_call")
        class NoCall:
            def __init__(self, config: Config) -> None: ...

    with pytest.raises(ConfigError, match="snake_case"):

        @stage("Bad-Name")
        class BadName:
            def __init__(self, config: Config) -> None: ...

            def __call__(self, work: Work) -> Work:
                return work


def test_check_fails_at_start_when_a_requirement_is_missing() -> None:
    cfg = load_config(environ={}, overrides={"pipeline.stages": ["clean", "events"]})
    with pytest.raises(ConfigError, match="requires annotations"):
        Pipeline.from_config(cfg)


def test_unknown_stage_lists_the_known_ones() -> None:
    with pytest.raises(ConfigError, match="known stages: .*events"):
        get("no_such_stage")

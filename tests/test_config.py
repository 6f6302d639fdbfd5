from __future__ import annotations

from pathlib import Path

import pytest

from eventcoder.config import load_config
from eventcoder.errors import ConfigError


def test_defaults_are_embedded() -> None:
    cfg = load_config(environ={})
    assert cfg.get("pipeline", "scope") == "acled"
    assert cfg.get("pipeline", "stages")[0] == "clean"
    assert cfg.get("store", "url").startswith("sqlite:///")


def test_precedence_file_env_flags(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text('[store]\nurl = "sqlite:///from-file.db"\n[input]\nmax_bytes = 10\n')
    cfg = load_config(path, environ={"EVENTCODER_INPUT__MAX_BYTES": "99"})
    assert cfg.get("store", "url") == "sqlite:///from-file.db"
    assert cfg.get("input", "max_bytes") == 99  # env beats file, read as the default's type
    cfg = load_config(path, environ={}, overrides={"store.url": "sqlite:///flag.db", "pipeline.scope": None})
    assert cfg.get("store", "url") == "sqlite:///flag.db"
    assert cfg.get("pipeline", "scope") == "acled"  # None means "flag not given"


@pytest.mark.parametrize(
    "env",
    [{"EVENTCODER_STORE__URLL": "x"}, {"EVENTCODER_NOSUCH__KEY": "1"}],
)
def test_unknown_keys_fail_at_start(env: dict[str, str]) -> None:
    with pytest.raises(ConfigError, match="unknown configuration key"):
        load_config(environ=env)


def test_bad_file_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text("[store\nurl=")
    with pytest.raises(ConfigError) as info:
        load_config(path, environ={})
    assert str(path) in str(info.value)

"""Configuration: embedded defaults < a TOML file < ``EVENTCODER_SECTION__KEY`` variables < flags.

``load_config`` returns a frozen :class:`Config`; stages read their own section from it. A key that
the defaults do not know is a :class:`~eventcoder.errors.ConfigError`, so typos fail at start-up.
"""

from __future__ import annotations

import json
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import ConfigError

__all__ = ["Config", "load_config"]

ENV_PREFIX = "EVENTCODER_"


@dataclass(frozen=True)
class Config:
    data: Mapping[str, Mapping[str, Any]]

    def section(self, name: str) -> Mapping[str, Any]:
        return self.data.get(name, {})

    def get(self, section: str, key: str) -> Any:
        try:
            return self.data[section][key]
        except KeyError:
            raise ConfigError(f"no configuration key {section}.{key}") from None

    def with_values(self, values: Mapping[str, Any]) -> Config:
        """A copy with dotted keys (``"store.url"``) set; None values are ignored."""
        data = {k: dict(v) for k, v in self.data.items()}
        for dotted, value in values.items():
            if value is None:
                continue
            section, _, key = dotted.partition(".")
            _check_known(data, section, key, f"setting {dotted}")
            data[section][key] = value
        return Config(data)


def _defaults() -> dict[str, dict[str, Any]]:
    text = resources.files("eventcoder").joinpath("default_config.toml").read_text("utf-8")
    return tomllib.loads(text)


def _check_known(data: Mapping[str, Mapping[str, Any]], section: str, key: str, where: str) -> None:
    if section not in data or key not in data[section]:
        raise ConfigError(
            f"unknown configuration key {section}.{key} in {where}; "
            "see default_config.toml for the known keys"
        )


def _coerce(raw: str, like: Any) -> Any:
    """Environment values are strings; read them as the type of the default they replace."""
    if isinstance(like, bool):
        return raw.lower() in ("1", "true", "yes", "on")
    if isinstance(like, int):
        return int(raw)
    if isinstance(like, float):
        return float(raw)
    if isinstance(like, list):
        return json.loads(raw) if raw.startswith("[") else [s for s in raw.split(",") if s]
    return raw


def load_config(
    path: str | Path | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> Config:
    data = _defaults()
    if path is not None:
        try:
            loaded = tomllib.loads(Path(path).read_text("utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"cannot read config file: {exc}", source=str(path)) from exc
        for section, values in loaded.items():
            if not isinstance(values, dict):
                raise ConfigError(f"{section} must be a [table]", source=str(path))
            for key, value in values.items():
                _check_known(data, section, key, str(path))
                data[section][key] = value
    env = os.environ if environ is None else environ
    for name, raw in env.items():
        if not name.startswith(ENV_PREFIX) or "__" not in name:
            continue
        section, _, key = name[len(ENV_PREFIX) :].lower().partition("__")
        _check_known(data, section, key, f"environment variable {name}")
        try:
            data[section][key] = _coerce(raw, data[section][key])
        except ValueError as exc:
            raise ConfigError(f"environment variable {name}: {exc}") from exc
    return Config(data).with_values(overrides or {})

"""Stage registration and lookup.

A stage is a class with ``__init__(self, config)`` and ``__call__(self, work) -> Work``, declared with
``@stage(name, requires=..., provides=..., version=...)``. Registration checks the name, the
signature and that nothing is registered twice; :func:`get` finds built-ins (listed in
``eventcoder.stages``) and third-party stages from the entry-point group ``eventcoder.stages``.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import entry_points
from typing import Any, Protocol, TypeVar

from .errors import ConfigError
from .model import Work

__all__ = ["Stage", "StageInfo", "all_stages", "get", "stage"]

_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


class Stage(Protocol):
    info: StageInfo

    def __call__(self, work: Work) -> Work: ...


@dataclass(frozen=True, slots=True)
class StageInfo:
    name: str
    requires: tuple[str, ...]
    provides: tuple[str, ...]
    version: int
    doc: str
    factory: Callable[[Any], Stage]


class _Registry:
    """The table of known stages; one instance lives on this module (it only ever grows)."""

    def __init__(self) -> None:
        self.stages: dict[str, StageInfo] = {}
        self.loaded_plugins = False

    def add(self, info: StageInfo) -> None:
        old = self.stages.get(info.name)
        if old is not None and old.factory is not info.factory:
            raise ConfigError(
                f"stage {info.name!r} is registered twice; rename one of them", stage=info.name
            )
        self.stages[info.name] = info

    def load_plugins(self) -> None:
        if self.loaded_plugins:
            return
        from . import stages as _builtins  # noqa: F401  (registers the built-ins)

        for ep in entry_points(group="eventcoder.stages"):
            ep.load()
        self.loaded_plugins = True


_REGISTRY = _Registry()

T = TypeVar("T")


def stage(
    name: str,
    *,
    requires: tuple[str, ...] = (),
    provides: tuple[str, ...] = (),
    version: int = 1,
) -> Callable[[type[T]], type[T]]:
    """Register a stage class under ``name`` (stable snake_case: it appears in config and provenance)."""

    def register(cls: type[T]) -> type[T]:
        if not _NAME.match(name):
            raise ConfigError(f"stage name {name!r} must be snake_case", stage=name)
        # getattr(cls, "__call__") would find type.__call__ on any class: look at the class's own.
        if not any("__call__" in vars(k) for k in cls.__mro__):
            raise ConfigError(f"stage {name!r} must define __call__(self, work)", stage=name)
        params = list(inspect.signature(cls.__init__).parameters)  # type: ignore[misc]
        if params[:2] != ["self", "config"] or len(params) != 2:
            raise ConfigError(f"stage {name!r} must define __init__(self, config)", stage=name)
        call_params = list(inspect.signature(cls.__call__).parameters)  # type: ignore[operator]
        if call_params != ["self", "work"]:
            raise ConfigError(f"stage {name!r} must define __call__(self, work)", stage=name)
        info = StageInfo(
            name=name,
            requires=tuple(requires),
            provides=tuple(provides),
            version=version,
            doc=(inspect.getdoc(cls) or "").split("\n")[0],
            factory=cls,  # type: ignore[arg-type]
        )
        cls.info = info  # type: ignore[attr-defined]
        _REGISTRY.add(info)
        return cls

    return register


def get(name: str) -> StageInfo:
    _REGISTRY.load_plugins()
    try:
        return _REGISTRY.stages[name]
    except KeyError:
        known = ", ".join(sorted(_REGISTRY.stages))
        raise ConfigError(f"unknown stage {name!r}; known stages: {known}") from None


def all_stages() -> list[StageInfo]:
    _REGISTRY.load_plugins()
    return list(_REGISTRY.stages.values())

"""The exception tree. Every error carries a code, the source it concerns and the stage.

::

    EventcoderError                 E000  base; never raised itself
    ├── InputError                  E100  an input could not be read as an article
    │   ├── EmptyDocument           E101  nothing left after cleaning
    │   ├── BadEncoding             E102  not UTF-8 text (or binary)
    │   ├── TooLarge                E103  over the configured size limit
    │   ├── UnsupportedFormat       E104  file type or language we do not code
    │   └── MalformedRecord         E105  a JSONL line that is not a valid article
    ├── StageError                  E200  a stage failed on an article
    ├── ConfigError                 E300  bad configuration or pipeline wiring
    └── StoreError                  E400  the store could not be opened or written

The message says what was wrong, where, and what to do. ``str(err)`` is one line.
"""

from __future__ import annotations

__all__ = [
    "BadEncoding",
    "ConfigError",
    "EmptyDocument",
    "EventcoderError",
    "InputError",
    "MalformedRecord",
    "StageError",
    "StoreError",
    "TooLarge",
    "UnsupportedFormat",
]


class EventcoderError(Exception):
    """Base of every error eventcoder raises on purpose."""

    code = "E000"

    def __init__(self, message: str, *, source: str = "", stage: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.source = source
        self.stage = stage

    def __str__(self) -> str:
        where = f"{self.source}: " if self.source else ""
        stage = f" [stage {self.stage}]" if self.stage else ""
        return f"{where}{self.message} ({self.code}){stage}"


class InputError(EventcoderError):
    code = "E100"


class EmptyDocument(InputError):
    code = "E101"


class BadEncoding(InputError):
    code = "E102"


class TooLarge(InputError):
    code = "E103"


class UnsupportedFormat(InputError):
    code = "E104"


class MalformedRecord(InputError):
    code = "E105"


class StageError(EventcoderError):
    code = "E200"


class ConfigError(EventcoderError):
    code = "E300"


class StoreError(EventcoderError):
    code = "E400"

"""What every reader shares: size limits and decoding that names what is wrong with the bytes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from ..errors import BadEncoding, EmptyDocument, MalformedRecord, TooLarge

__all__ = ["Limits", "check_bytes", "decode", "parse_published"]


@dataclass(frozen=True, slots=True)
class Limits:
    max_bytes: int = 5_000_000
    min_chars: int = 20


def check_bytes(size: int, limits: Limits, source: str) -> None:
    if size == 0:
        raise EmptyDocument("empty file", source=source)
    if size > limits.max_bytes:
        raise TooLarge(
            f"{size:,} bytes is over the {limits.max_bytes:,}-byte limit (input.max_bytes); "
            "split it into articles (one per file or JSONL line)",
            source=source,
        )


def decode(data: bytes, source: str) -> str:
    """UTF-8 (with or without BOM) or a clear error; binary data is named as such."""
    if b"\x00" in data[:8192]:
        raise BadEncoding("binary data, not text (NUL bytes)", source=source)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadEncoding(
            f"invalid UTF-8 at byte {exc.start}; re-encode the file as UTF-8", source=source
        ) from exc


def parse_published(value: object, source: str) -> date | None:
    """An ISO date or datetime string (or None) as a date."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise MalformedRecord(f"'published' must be an ISO date string, not {value!r}", source=source)
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00")).date()
    except ValueError:
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            raise MalformedRecord(
                f"'published' is not an ISO date: {value!r}", source=source
            ) from None

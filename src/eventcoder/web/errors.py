"""The web app's errors: one JSON shape for every failure, ``{"error", "code", "status"}``.

HTTP-only failures are :class:`~eventcoder.errors.EventcoderError` subclasses in their own code
range (E6xx), each with the HTTP status it answers with::

    EventcoderError
    └── HttpError            E600  500
        ├── BadParameter     E601  400  a query parameter or body field is malformed
        ├── Unauthorized     E602  401  a write without a valid token
        ├── NotFound         E603  404  no such event or route
        ├── NotAcceptable    E604  406  an Accept header or format= we cannot serve
        ├── MethodNotAllowed E605  405
        └── Rejected         E1xx  422  a posted article not coded (the rejection's own code)

The library's own errors map to a status too (:func:`status_of`): a bad input or setting is the
client's (400), an unknown event (E401) is 404, a store failure is ours (500).
"""

from __future__ import annotations

from ..errors import ConfigError, EventcoderError, InputError
from ..store.review import UnknownEvent

__all__ = [
    "BadParameter",
    "HttpError",
    "MethodNotAllowed",
    "NotAcceptable",
    "NotFound",
    "Rejected",
    "Unauthorized",
    "error_body",
    "status_of",
]


class HttpError(EventcoderError):
    code = "E600"
    status = 500


class BadParameter(HttpError):
    code = "E601"
    status = 400


class Unauthorized(HttpError):
    code = "E602"
    status = 401


class NotFound(HttpError):
    code = "E603"
    status = 404


class NotAcceptable(HttpError):
    code = "E604"
    status = 406


class MethodNotAllowed(HttpError):
    code = "E605"
    status = 405


class Rejected(HttpError):
    """A posted article the pipeline rejected; carries the rejection's own code (E101, ...)."""

    status = 422

    def __init__(self, message: str, *, code: str) -> None:
        super().__init__(message)
        self.code = code


def status_of(exc: EventcoderError) -> int:
    """The HTTP status an error answers with."""
    if isinstance(exc, HttpError):
        return exc.status
    if isinstance(exc, UnknownEvent):
        return 404
    if isinstance(exc, (InputError, ConfigError)):
        return 400
    return 500


def error_body(message: str, code: str, status: int) -> dict[str, object]:
    return {"error": message, "code": code, "status": status}

"""The one error shape of the HTTP API, and the handlers that produce it.

Every error, whatever raised it, leaves as::

    {"ok": false, "error": "since '2023-13-01' is not a date ...", "status": 400,
     "code": "bad_parameter", "field": "since"}

``field`` names the offending parameter when there is one (else null). casus errors map to
statuses once, here: bad input 400, not found 404, store unavailable 503.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from casus.errors import CasusError, InputError, NotFound, StoreError

log = logging.getLogger("casus")

STATUS_CODES = {
    400: "bad_parameter",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "bad_parameter",
    500: "internal_error",
    503: "store_unavailable",
}


class ErrorBody(BaseModel):
    """The body of every error response."""

    ok: bool = False
    error: str
    status: int
    code: str
    field: str | None = None


class ApiError(Exception):
    """An error the API raises itself, with its status, code and field."""

    def __init__(
        self, status: int, message: str, *, code: str | None = None, field: str | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code or STATUS_CODES.get(status, "error")
        self.field = field


def error_response(
    status: int, message: str, *, code: str | None = None, field: str | None = None
) -> JSONResponse:
    """A JSON response in the one error shape."""
    body = ErrorBody(
        error=message, status=status, code=code or STATUS_CODES.get(status, "error"), field=field
    )
    return JSONResponse(body.model_dump(), status_code=status)


def status_of(error: CasusError) -> int:
    """The HTTP status of a casus error."""
    if isinstance(error, NotFound):
        return 404
    if isinstance(error, InputError):
        return 400
    if isinstance(error, StoreError):
        return 503
    return 500


def install_handlers(app: FastAPI) -> None:
    """Route every exception through :func:`error_response`."""

    async def on_api_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, ApiError)
        return error_response(exc.status, str(exc), code=exc.code, field=exc.field)

    async def on_casus_error(request: Request, exc: Exception) -> JSONResponse:
        status = status_of(exc)  # type: ignore[arg-type]
        if status == 500:
            log.error("%s %s: %s", request.method, request.url.path, exc)
        return error_response(status, str(exc), field=getattr(exc, "field", None))

    async def on_validation(request: Request, exc: Exception) -> JSONResponse:
        errors: Sequence[Any] = exc.errors() if isinstance(exc, RequestValidationError) else []
        first = errors[0] if errors else {}
        loc = [str(part) for part in first.get("loc", ()) if part not in ("query", "path", "body")]
        field = ".".join(loc) or None
        message = str(first.get("msg", "invalid request"))
        return error_response(400, f"{field}: {message}" if field else message, field=field)

    async def on_http(request: Request, exc: Exception) -> JSONResponse:
        status = exc.status_code if isinstance(exc, StarletteHTTPException) else 500
        detail = exc.detail if isinstance(exc, StarletteHTTPException) else "error"
        return error_response(status, str(detail))

    async def on_unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("%s %s failed", request.method, request.url.path)
        return error_response(500, "internal error: the server log has the details")

    app.add_exception_handler(ApiError, on_api_error)
    app.add_exception_handler(CasusError, on_casus_error)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(StarletteHTTPException, on_http)
    app.add_exception_handler(Exception, on_unexpected)

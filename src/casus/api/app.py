"""The ASGI application: the JSON API under ``/api``, the dashboard pages, the static assets.

    from casus.api import create_app
    app = create_app("casus.duckdb")            # uvicorn.run(app) or `casus serve`

The app is read-only unless a write token is given (``token=`` or the ``CASUS_API_TOKEN``
environment variable): only then does ``POST /api/articles`` ingest, and only for requests
carrying ``Authorization: Bearer <token>`` (compared in constant time).
"""

from __future__ import annotations

import hmac
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb
from fastapi import FastAPI, Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from casus import __version__
from casus.api.errors import ApiError, error_response, install_handlers
from casus.store import Store
from casus.store.db import MEMORY

if TYPE_CHECKING:
    from casus.coder import Coder

TOKEN_ENV = "CASUS_API_TOKEN"
MAX_CODE_CHARS = 100_000  # characters of text POST /api/code accepts
MAX_CODE_BODY = 512 * 1024  # bytes of request body for POST /api/code
MAX_INGEST_BODY = 16 * 1024 * 1024  # bytes of request body for POST /api/articles


class _ReadWriteLock:
    """Many readers or one writer. DuckDB refuses a read-write connection in a process that
    holds read-only ones to the same file, so an ingest waits for the running queries."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writing = False

    @contextmanager
    def read(self) -> Iterator[None]:
        with self._cond:
            self._cond.wait_for(lambda: not self._writing)
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                self._cond.notify_all()

    @contextmanager
    def write(self) -> Iterator[None]:
        with self._cond:
            self._cond.wait_for(lambda: not self._writing and self._readers == 0)
            self._writing = True
        try:
            yield
        finally:
            with self._cond:
                self._writing = False
                self._cond.notify_all()


class AppState:
    """What the routes share: the store, the lock, the write token, the coder (lazily)."""

    def __init__(
        self,
        store: Store,
        *,
        token: str | None,
        coder: Coder | None = None,
        max_code_chars: int = MAX_CODE_CHARS,
        keep_open: bool = True,
    ) -> None:
        self.store = store
        self.lock = _ReadWriteLock()
        self.token = token or None
        self.max_code_chars = max_code_chars
        self._coder = coder
        self._coder_lock = threading.Lock()
        self._keep_open = keep_open and store.path != MEMORY
        self._anchor: duckdb.DuckDBPyConnection | None = None
        self._hold()

    def _hold(self) -> None:
        """Keep one read-only connection open: DuckDB then shares the open database (and its
        cache) with every query's connection, instead of opening the file per query (a
        query on a 1M-event store: ~25 ms instead of ~100). Other processes cannot write to
        the file meanwhile; ``keep_open=False`` lets them (``casus serve --no-keep-open``)."""
        if self._keep_open and self._anchor is None:
            with self.store.read():  # waits for, and reports, a lock held elsewhere
                pass
            self._anchor = duckdb.connect(self.store.path, read_only=True)
            # the server never needs DuckDB to read or write other files (downloads stream
            # through Python): shut that door for every query, `/api/sql` included
            self._anchor.execute("SET enable_external_access = false")

    def _release(self) -> None:
        if self._anchor is not None:
            self._anchor.close()
            self._anchor = None

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Exclusive access for an ingest: no query runs, the held connection is closed (a
        read-write connection cannot share the file with it) and reopened afterwards."""
        with self.lock.write():
            self._release()
            try:
                yield
            finally:
                self._hold()

    def close(self) -> None:
        """Close the held connection."""
        self._release()

    def coder(self) -> Coder:
        """The coder, loaded on first use (the spaCy model takes seconds to load)."""
        with self._coder_lock:
            if self._coder is None:
                from casus.coder import load

                self._coder = load()
            return self._coder

    def check_token(self, header: str | None) -> None:
        """:class:`ApiError` 403 unless writes are enabled and ``header`` carries the token."""
        if self.token is None:
            raise ApiError(
                403,
                f"writes are disabled: start the server with {TOKEN_ENV} set to enable ingest",
                code="writes_disabled",
            )
        given = (header or "").removeprefix("Bearer ").strip()
        if not hmac.compare_digest(given.encode(), self.token.encode()):
            raise ApiError(
                403,
                "missing or wrong token: send Authorization: Bearer <token>",
                code="bad_token",
                field="Authorization",
            )


class BodyLimit:
    """Pure ASGI middleware: refuse (413) a POST body over the limit of its path before the
    app reads it, whether or not the client sent Content-Length."""

    def __init__(self, app: ASGIApp, limits: dict[str, int], default: int = 64 * 1024) -> None:
        self.app = app
        self.limits = limits
        self.default = default

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send)
            return
        limit = self.limits.get(scope["path"], self.default)
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                response = error_response(
                    413, f"request body over {limit} bytes", code="payload_too_large"
                )
                await response(scope, receive, send)
                return
            chunks.append(chunk)
            more = bool(message.get("more_body"))
        body = b"".join(chunks)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


def create_app(
    db: Path | str | Store,
    *,
    token: str | None = None,
    coder: Coder | None = None,
    max_code_chars: int = MAX_CODE_CHARS,
    keep_open: bool = True,
) -> FastAPI:
    """The casus web app over the store at ``db`` (which must exist). ``token`` (default:
    the ``CASUS_API_TOKEN`` environment variable) enables ``POST /api/articles``;
    ``keep_open`` holds a read-only connection while the app lives (faster; other
    processes cannot write the store meanwhile)."""
    from casus.api.routes import router
    from casus.web import mount_dashboard

    store = db if isinstance(db, Store) else Store.open(db, create=False)
    app = FastAPI(
        title="casus",
        version=__version__,
        summary="Political events coded from news: CAMEO, PLOVER, Goldstein, QuadClass.",
        description="The JSON API of casus (docs/http.md); the dashboard is served at `/`.",
        openapi_url="/api/openapi.json",
        docs_url=None,  # Swagger UI would load its script from a CDN: not offline
        redoc_url=None,
    )
    app.state.casus = AppState(
        store,
        token=token if token is not None else os.environ.get(TOKEN_ENV),
        coder=coder,
        max_code_chars=max_code_chars,
        keep_open=keep_open,
    )
    install_handlers(app)
    app.include_router(router, prefix="/api")
    mount_dashboard(app)
    app.add_middleware(
        BodyLimit,
        limits={"/api/code": MAX_CODE_BODY, "/api/articles": MAX_INGEST_BODY},
    )
    return app


def state_of(request: Request) -> AppState:
    """The app's shared state."""
    state: Any = request.app.state.casus
    return state  # type: ignore[no-any-return]

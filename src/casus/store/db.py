"""Opening the DuckDB store: validation, locking, read-only and read-write connections.

Concurrency model (docs/store.md): DuckDB lets one process hold a database file for writing,
or several processes hold it read-only, never both at once. casus therefore keeps connections
short: a query opens a read-only connection and closes it when done, and ``casus ingest`` opens
a read-write connection only to commit each batch, coding the next batch without holding the
lock. Whoever finds the file locked retries for a bounded time (``wait`` seconds) and then
fails with a clear "locked" error instead of hanging.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import logging
import os
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import duckdb

from casus.errors import StoreError
from casus.store.schema import (
    SCHEMA_TABLE,
    SCHEMA_VERSION,
    pending_migrations,
)

log = logging.getLogger("casus")

DEFAULT_DB = Path("casus.duckdb")
READ_WAIT = 5.0  # seconds a reader waits for a writer's lock before giving up
WRITE_WAIT = 60.0  # seconds a writer waits for readers (and other writers)
MEMORY = ":memory:"
_MAGIC = b"DUCK"  # DuckDB files carry it at byte offset 8
_PID_RE = re.compile(r"PID (\d+)")

Connection = duckdb.DuckDBPyConnection


class Store:
    """A casus event store in one DuckDB file (or ``:memory:``). Build it with :meth:`open`."""

    def __init__(
        self, path: Path | str, *, wait: float = READ_WAIT, write_wait: float = WRITE_WAIT
    ) -> None:
        self.path = str(path)
        self.wait = wait
        self.write_wait = write_wait
        self._held: Connection | None = None
        self._held_read_only = False
        if self.path == MEMORY:
            self._held = duckdb.connect(MEMORY)

    # ---- opening -------------------------------------------------------------------------
    @classmethod
    def open(
        cls,
        path: Path | str = DEFAULT_DB,
        *,
        create: bool = True,
        wait: float = READ_WAIT,
        write_wait: float = WRITE_WAIT,
    ) -> Store:
        """Open a store, creating it (``create``) or migrating it to the current schema.

        Raises :class:`StoreError` for a missing store (when not ``create``), a file that is
        not a DuckDB database, a DuckDB database that is not a casus store, a store made by a
        newer casus, or a file locked by another process for longer than ``wait`` seconds.
        Nothing is written to a file that is refused.
        """
        store = cls(path, wait=wait, write_wait=write_wait)
        if store.path == MEMORY:
            store._migrate(0)
            return store
        file = Path(store.path)
        if not file.exists():
            if not create:
                raise StoreError(f"no store at {file}: run `casus ingest --db {file}` first")
            if not file.parent.is_dir():
                raise StoreError(f"cannot create {file}: directory {file.parent} does not exist")
            # two processes racing to create the same store: the second waits, then opens it
            with _directory_lock(file.parent, exclusive=True, wait=store.write_wait):
                if not file.exists():
                    store._migrate(0)
                    return store
        else:
            with _directory_lock(file.parent, exclusive=False, wait=store.wait):
                pass  # a store being created right now is opened only once it is complete
        _check_file(file)
        current = store._inspect()
        if current > SCHEMA_VERSION:
            raise StoreError(
                f"{file} was made by a newer casus (schema version {current}; "
                f"this casus knows up to {SCHEMA_VERSION}): upgrade casus"
            )
        if current < SCHEMA_VERSION:
            store._migrate(current)
        return store

    def _inspect(self) -> int:
        """The schema version of an existing DuckDB file (0 for an empty database)."""
        with self.read() as con:
            tables = {
                r[0]
                for r in con.execute(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
                ).fetchall()
            }
            if SCHEMA_TABLE not in tables:
                if tables:
                    names = ", ".join(sorted(tables)[:5])
                    raise StoreError(
                        f"{self.path} is not a casus store: a DuckDB database with "
                        f"other tables ({names}); choose another --db"
                    )
                return 0
            row = con.execute(f"SELECT max(version) FROM {SCHEMA_TABLE}").fetchone()
        return int(row[0]) if row and row[0] is not None else 0

    def _migrate(self, current: int) -> None:
        if not pending_migrations(current):
            return
        with self.transaction() as con:
            # read the version again inside the transaction: another process may have
            # migrated (or created) the store since ``current`` was read
            for migration in pending_migrations(_version(con)):
                for statement in migration.statements:
                    con.execute(statement)
                con.execute(
                    f"INSERT INTO {SCHEMA_TABLE} VALUES (?, ?, ?)",
                    [migration.version, migration.description, dt.datetime.now()],
                )
                log.info(
                    "store %s: applied migration %d (%s)",
                    self.path,
                    migration.version,
                    migration.description,
                )

    # ---- connections ---------------------------------------------------------------------
    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A read-only connection for the duration of the ``with`` block (DuckDB errors
        raised in the block become :class:`StoreError`)."""
        with self._connection(read_only=True) as con:
            try:
                yield con
            except duckdb.Error as e:
                raise StoreError(f"{self.path}: read failed: {e}") from e

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """A read-write connection inside ``BEGIN``/``COMMIT``; any error rolls back."""
        with self._connection(read_only=False) as con:
            con.execute("BEGIN TRANSACTION")
            try:
                yield con
            except duckdb.Error as e:
                con.execute("ROLLBACK")
                raise StoreError(f"{self.path}: write failed, nothing changed: {e}") from e
            except BaseException:
                con.execute("ROLLBACK")
                raise
            try:
                con.execute("COMMIT")
            except duckdb.Error as e:
                raise StoreError(f"{self.path}: commit failed, nothing changed: {e}") from e

    @contextmanager
    def session(self, *, write: bool = False) -> Iterator[Store]:
        """Hold one connection across several operations (faster; keeps others out)."""
        if self._held is not None:
            yield self
            return
        self._held = self._connect(read_only=not write)
        self._held_read_only = not write
        try:
            yield self
        finally:
            held, self._held = self._held, None
            held.close()

    def query(self, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        """Rows of a read-only query (errors become :class:`StoreError`)."""
        with self.read() as con:
            try:
                return con.execute(sql, list(params)).fetchall()
            except duckdb.Error as e:
                raise StoreError(f"{self.path}: query failed: {e}") from e

    def counts(self) -> dict[str, int]:
        """Rows per table: articles, events, clusters, actors."""
        out: dict[str, int] = {}
        for table in ("articles", "events", "clusters", "actors"):
            row = self.query(f"SELECT count(*) FROM {table}")
            out[table] = int(row[0][0])
        return out

    def close(self) -> None:
        """Close a held connection (the ``:memory:`` store loses its data)."""
        if self._held is not None:
            self._held.close()
            self._held = None

    @contextmanager
    def _connection(self, *, read_only: bool) -> Iterator[Connection]:
        if self._held is not None:
            if self._held_read_only and not read_only:
                raise StoreError(f"{self.path}: this session is read-only")
            yield self._held
            return
        con = self._connect(read_only=read_only)
        try:
            yield con
        finally:
            con.close()

    def _connect(self, *, read_only: bool) -> Connection:
        wait = self.wait if read_only else self.write_wait
        deadline = time.monotonic() + wait
        delay = 0.02
        while True:
            try:
                return _quiet(duckdb.connect(self.path, read_only=read_only))
            except duckdb.IOException as e:
                message = str(e)
                if "lock" not in message.lower():
                    raise _open_error(self.path, message) from e
                if time.monotonic() >= deadline:
                    raise StoreError(_locked_message(self.path, message, wait)) from e
            except duckdb.Error as e:
                raise _open_error(self.path, str(e)) from e
            time.sleep(delay)
            delay = min(delay * 2, 0.25)


def _version(con: Connection) -> int:
    found = con.execute(
        "SELECT count(*) FROM information_schema.tables "
        "WHERE table_schema = 'main' AND table_name = ?",
        [SCHEMA_TABLE],
    ).fetchone()
    if not found or not found[0]:
        return 0
    row = con.execute(f"SELECT max(version) FROM {SCHEMA_TABLE}").fetchone()
    return int(row[0]) if row and row[0] is not None else 0


@contextmanager
def _directory_lock(directory: Path, *, exclusive: bool, wait: float) -> Iterator[None]:
    """An advisory lock on the store's directory while a store is created (exclusive) or
    before one is opened (shared), given up with a clear error after ``wait`` seconds."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:  # a directory we cannot open: DuckDB will report what is wrong
        yield
        return
    mode = (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB
    deadline = time.monotonic() + wait
    try:
        while True:
            try:
                fcntl.flock(fd, mode)
                break
            except BlockingIOError as e:
                if time.monotonic() >= deadline:
                    raise StoreError(
                        f"a store in {directory} is being created by another process; "
                        f"waited {wait:g}s: retry, or raise --wait"
                    ) from e
                time.sleep(0.02)
        yield
    finally:
        os.close(fd)  # releases the lock


def _quiet(con: Connection) -> Connection:
    """No DuckDB progress bar on casus's stderr (a long migration or export would draw one).
    Under Jupyter DuckDB refuses to change the setting without ipywidgets: then it stays."""
    with suppress(duckdb.Error):
        con.execute("SET enable_progress_bar = false")
    return con


def _check_file(file: Path) -> None:
    """Refuse, without opening it, a path that cannot be a DuckDB database."""
    if file.is_dir():
        raise StoreError(f"{file} is a directory, not a casus store")
    try:
        with file.open("rb") as handle:
            head = handle.read(16)
    except OSError as e:
        raise StoreError(f"cannot read {file}: {e.strerror}") from e
    if head[8:12] != _MAGIC:
        what = "an empty file" if not head else "not a DuckDB database file"
        raise StoreError(f"{file} is not a casus store ({what}); choose another --db")


def _open_error(path: str, message: str) -> StoreError:
    if "not a valid DuckDB database" in message:
        return StoreError(f"{path} is not a casus store (corrupt or not a DuckDB database file)")
    if "different configuration" in message:
        return StoreError(f"{path} is already open in this process with other settings")
    return StoreError(f"cannot open {path}: {message}")


def _locked_message(path: str, message: str, wait: float) -> str:
    pid = _PID_RE.search(message)
    holder = f" (PID {pid.group(1)})" if pid else ""
    return (
        f"database {path} is locked by another process{holder}; waited {wait:g}s. "
        "DuckDB allows one writer or many readers at a time: retry when it finishes, "
        "or raise --wait"
    )

"""A user's own SQL on the store (``casus sql``, ``GET /sql``): one read-only statement, on a
read-only connection with file access off, under a time limit, a memory limit and a row cap."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from typing import Any

import duckdb

from casus.errors import InputError
from casus.store.db import Store

SQL_TIMEOUT = 30.0  # seconds a user's statement may run (casus sql --timeout)
SQL_MAX_TIMEOUT = 86_400.0
SQL_MAX_ROWS = 100_000  # rows a user's statement returns, at most
SQL_MEMORY = "2GB"  # memory a user's statement may use
SQL_ALLOWED = frozenset({"SELECT", "EXPLAIN"})
SQL_PRAGMAS = frozenset(
    {
        "table_info",
        "show_tables",
        "show_tables_expanded",
        "database_size",
        "storage_info",
        "version",
        "database_list",
        "show",
    }
)


@dataclass(frozen=True, slots=True)
class SqlResult:
    """Column names and rows of a read-only query."""

    columns: list[str]
    rows: list[tuple[Any, ...]]
    truncated: bool = False  # more rows than the row cap: the rest were not fetched

    def to_dicts(self) -> list[dict[str, Any]]:
        """Rows as mappings of column name to value."""
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]

    def df(self) -> Any:
        """The rows as a pandas DataFrame."""
        from casus.analysis.frames import _need

        return _need("pandas").DataFrame.from_records(self.rows, columns=self.columns)

    def pl(self) -> Any:
        """The rows as a polars DataFrame."""
        from casus.analysis.frames import _need

        return _need("polars").DataFrame(self.rows, schema=self.columns, orient="row")


def sql(
    store: Store,
    query: str,
    *,
    limit: int | None = None,
    timeout: float = SQL_TIMEOUT,
    max_rows: int = SQL_MAX_ROWS,
) -> SqlResult:
    """Run one read-only statement (SELECT, WITH, SHOW, DESCRIBE, SUMMARIZE, EXPLAIN, or a
    reading PRAGMA) on a read-only connection with file access disabled.

    The statement is interrupted after ``timeout`` seconds (:class:`InputError`), may use
    :data:`SQL_MEMORY` of memory, and returns at most ``max_rows`` rows (``limit`` if smaller);
    ``truncated`` says whether rows were left out."""
    check_sql(query)
    if not 0 < timeout <= SQL_MAX_TIMEOUT:
        raise InputError(f"--timeout must be between 0 and {SQL_MAX_TIMEOUT:g} seconds")
    cap = max_rows if limit is None else min(limit, max_rows)
    with store.read() as con:
        fired = threading.Event()

        def stop() -> None:
            fired.set()
            con.interrupt()

        timer = threading.Timer(timeout, stop)
        try:
            con.execute("SET enable_external_access = false")
            con.execute(f"SET memory_limit = '{SQL_MEMORY}'")
            timer.start()
            cursor = con.execute(query)
            columns = [d[0] for d in cursor.description or []]
            rows = cursor.fetchmany(cap + 1)
        except duckdb.Error as e:
            if fired.is_set():
                raise InputError(
                    f"SQL stopped after {timeout:g} s (--timeout): narrow the query or give "
                    "it more time"
                ) from e
            raise InputError(f"SQL error: {e}") from e
        finally:
            timer.cancel()
    return SqlResult(columns, rows[:cap], truncated=len(rows) > cap and cap == max_rows)


def check_sql(query: str) -> None:
    """:class:`InputError` unless ``query`` is exactly one read-only statement."""
    try:
        statements = duckdb.connect(":memory:").extract_statements(query)
    except duckdb.Error as e:
        raise InputError(f"SQL error: {e}") from e
    if len(statements) != 1:
        raise InputError(f"give exactly one SQL statement, found {len(statements)}")
    kind = statements[0].type.name
    if kind == "PRAGMA":
        name = re.match(r"\s*pragma\s+(\w+)", query, re.IGNORECASE)
        if name and name.group(1).lower() in SQL_PRAGMAS:
            return
        raise InputError(
            "only reading PRAGMAs (table_info, show_tables, database_size, ...) are allowed"
        )
    if kind not in SQL_ALLOWED:
        raise InputError(
            f"casus sql is read-only: {kind} statements are not allowed "
            "(use SELECT, WITH, SHOW, DESCRIBE, SUMMARIZE or EXPLAIN)"
        )

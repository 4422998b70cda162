"""Exports of the store: events as parquet/csv/jsonl, de-duplicated events as GDELT 2.0 event
rows or PLOVER JSON records. docs/store.md gives the column mapping."""

from __future__ import annotations

import csv
import datetime as dt
import json
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

import duckdb

from casus.analysis.gdelt import GDELT_COLUMNS as GDELT_COLUMNS
from casus.errors import InputError
from casus.io.rows import EVENT_FIELDS, ROW_COLUMNS, event_from_row
from casus.store.db import Store

EXPORT_FORMATS = ("parquet", "csv", "jsonl", "gdelt", "gdelt-mentions", "plover", "polecat")
FETCH = 5000
ROW_GROUP = 100_000  # rows per parquet row group: memory is bounded by one group
EXPORT_MEMORY = "512MB"  # DuckDB's working memory for an export's sort; beyond it, disk
# The flat columns of csv and parquet exports: the documented row of io/rows.py, the same
# columns in the same order as `casus code --format csv`.
FLAT_COLUMNS = ROW_COLUMNS


def write_export(
    store: Store,
    fmt: str,
    out: TextIO | Path,
    *,
    include_all: bool = False,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> int:
    """Write an export; returns the number of records. parquet needs a file path."""
    if fmt not in EXPORT_FORMATS:
        raise InputError(f"export format must be one of {', '.join(EXPORT_FORMATS)}, got {fmt!r}")
    if fmt == "parquet":
        if not isinstance(out, Path):
            raise InputError("parquet is binary: give an output file (-o FILE.parquet)")
        return _parquet(store, out, include_all, since, until)
    if isinstance(out, Path):
        try:
            handle = out.open("w", encoding="utf-8", newline="")
        except OSError as e:
            raise InputError(f"cannot write {out}: {e.strerror}") from e
        with handle:
            return write_export(
                store, fmt, handle, include_all=include_all, since=since, until=until
            )
    if fmt == "csv":
        return _csv(store, out, include_all, since, until)
    if fmt == "jsonl":
        return _jsonl(store, out, include_all, since, until)
    return _analyst_format(store, fmt, out, since, until)


def _event_where(
    include_all: bool, since: dt.date | None, until: dt.date | None, *, column: str = "date"
) -> str:
    """A WHERE clause with literal dates (COPY cannot take parameters; dates are validated)."""
    parts = ["TRUE" if include_all else "asserted"]
    if since is not None:
        parts.append(f"{column} >= DATE '{since.isoformat()}'")
    if until is not None:
        parts.append(f"{column} <= DATE '{until.isoformat()}'")
    return " AND ".join(parts)


def _flat_select(include_all: bool, since: dt.date | None, until: dt.date | None) -> str:
    return (
        f"SELECT {', '.join(FLAT_COLUMNS)} FROM events "
        f"WHERE {_event_where(include_all, since, until)} "
        "ORDER BY date NULLS LAST, article_id, sentence_index, event_id"
    )


@contextmanager
def _bounded(store: Store) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read connection whose sorts spill to a temporary directory beyond
    :data:`EXPORT_MEMORY`, so an export's memory does not grow with the store."""
    with store.read() as con, tempfile.TemporaryDirectory(prefix="casus-export-") as spill:
        con.execute(f"SET memory_limit = '{EXPORT_MEMORY}'")
        con.execute(f"SET temp_directory = '{spill.replace(chr(39), chr(39) * 2)}'")
        try:
            yield con
        finally:
            con.execute("RESET memory_limit")  # (DuckDB cannot switch a used temp directory)


def _rows(store: Store, query: str) -> Iterator[tuple[Any, ...]]:
    with _bounded(store) as con:
        cursor = con.execute(query)
        while True:
            chunk = cursor.fetchmany(FETCH)
            if not chunk:
                return
            yield from chunk


def _parquet(
    store: Store, path: Path, include_all: bool, since: dt.date | None, until: dt.date | None
) -> int:
    target = str(path).replace("'", "''")
    with _bounded(store) as con:
        try:
            con.execute(
                f"COPY ({_flat_select(include_all, since, until)}) TO '{target}' "
                f"(FORMAT parquet, ROW_GROUP_SIZE {ROW_GROUP})"
            )
        except duckdb.IOException as e:
            raise InputError(f"cannot write {path}: {e}") from e
        row = con.execute(
            f"SELECT count(*) FROM events WHERE {_event_where(include_all, since, until)}"
        ).fetchone()
    return int(row[0]) if row else 0


def _csv(
    store: Store, out: TextIO, include_all: bool, since: dt.date | None, until: dt.date | None
) -> int:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(FLAT_COLUMNS)
    n = 0
    for row in _rows(store, _flat_select(include_all, since, until)):
        writer.writerow(["" if v is None else v for v in row])
        n += 1
    return n


def _jsonl(
    store: Store, out: TextIO, include_all: bool, since: dt.date | None, until: dt.date | None
) -> int:
    n = 0
    query = (
        f"SELECT {', '.join(EVENT_FIELDS)}, cluster_id FROM events "
        f"WHERE {_event_where(include_all, since, until)} "
        "ORDER BY date NULLS LAST, article_id, sentence_index, event_id"
    )
    for row in _rows(store, query):
        record = event_from_row(dict(zip(EVENT_FIELDS, row, strict=False))).to_dict()
        record["cluster_id"] = row[-1]
        record["outlet"] = record["attribution"]["outlet"]
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n


def _analyst_format(
    store: Store, fmt: str, out: TextIO, since: dt.date | None, until: dt.date | None
) -> int:
    """GDELT 2.0 events/mentions (:mod:`casus.analysis.gdelt`), PLOVER JSON and POLECAT-style
    TSV (:mod:`casus.analysis.plover_export`): one record per de-duplicated event."""
    from casus.analysis import gdelt, plover_export

    if fmt == "gdelt":
        stats = gdelt.write_gdelt_events(store, out, since=since, until=until)
        gdelt.report_undated(stats)
        return stats.rows
    if fmt == "gdelt-mentions":
        return gdelt.write_gdelt_mentions(store, out, since=since, until=until).rows
    if fmt == "polecat":
        return plover_export.write_polecat(store, out, since=since, until=until)
    return plover_export.write_plover(store, out, since=since, until=until)

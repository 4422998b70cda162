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

from casus.errors import InputError
from casus.io.rows import EVENT_FIELDS, ROW_COLUMNS, event_from_row
from casus.ontology.cameo import load_cameo
from casus.store.db import Store

EXPORT_FORMATS = ("parquet", "csv", "jsonl", "gdelt", "plover")
FETCH = 5000
ROW_GROUP = 100_000  # rows per parquet row group: memory is bounded by one group
EXPORT_MEMORY = "512MB"  # DuckDB's working memory for an export's sort; beyond it, disk
# The flat columns of csv and parquet exports: the documented row of io/rows.py, the same
# columns in the same order as `casus code --format csv`.
FLAT_COLUMNS = ROW_COLUMNS
_ACTOR = (
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
)
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR),
    *(f"Actor2{c}" for c in _ACTOR),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *(f"Actor1Geo_{c}" for c in _GEO),
    *(f"Actor2Geo_{c}" for c in _GEO),
    *(f"ActionGeo_{c}" for c in _GEO),
    "DATEADDED",
    "SOURCEURL",
)
GEO_TYPES = {"country": 1, "border": 1, "city": 4, "region": 5}


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
    if fmt == "gdelt":
        return _gdelt(store, out, since, until)
    return _plover(store, out, since, until)


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


def _clusters(
    store: Store,
    since: dt.date | None,
    until: dt.date | None,
) -> Iterator[tuple[Any, ...]]:
    """Cluster rows with the canonical event as its public JSON (rebuilt from its columns)."""
    where = _event_where(True, since, until, column="c.date")
    columns = ", ".join(f"e.{c}" for c in EVENT_FIELDS)
    query = f"""
        SELECT c.cluster_id, c.date, c.first_report_date, c.n_reports, c.n_outlets,
               c.n_articles, c.date_precision, a.url, a.title, a.outlet, a.coded_at,
               a.origin, {columns}
        FROM clusters c JOIN events e ON e.event_id = c.canonical_event_id
        LEFT JOIN articles a ON a.article_id = e.article_id
        WHERE {where}
        ORDER BY c.date NULLS LAST, c.cluster_id
    """
    for row in _rows(store, query):
        event = event_from_row(dict(zip(EVENT_FIELDS, row[12:], strict=True)))
        yield (*row[:7], json.dumps(event.to_dict(), ensure_ascii=False), *row[7:12])


def _gdelt(store: Store, out: TextIO, since: dt.date | None, until: dt.date | None) -> int:
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    n = 0
    for row in _clusters(store, since, until):
        record = gdelt_row(row)
        if record is not None:
            writer.writerow(record)
            n += 1
    return n


def gdelt_row(row: tuple[Any, ...]) -> list[Any] | None:
    """One GDELT 2.0 event-table row (61 columns) for a cluster, or ``None`` without a date."""
    cluster_id, date, first, n_reports, n_outlets, n_articles, _, data, url, _, _, coded, origin = (
        row
    )
    day: dt.date | None = date or first
    if day is None:
        return None
    event = json.loads(data)
    fraction = round(day.year + (day.timetuple().tm_yday - 1) / 365, 4)
    cameo = event["cameo"]
    values: list[Any] = [
        int(cluster_id[:15], 16),
        day.strftime("%Y%m%d"),
        day.strftime("%Y%m"),
        day.year,
        fraction,
        *_gdelt_actor(event["source"]),
        *_gdelt_actor(event["target"]),
        int(event["sentence_index"] == 0),
        cameo,
        cameo[:3],
        cameo[:2],
        event["quad_class"],
        event["goldstein"],
        n_reports,
        n_outlets,
        n_articles,
        "",
        *([""] * len(_GEO)),
        *([""] * len(_GEO)),
        *_gdelt_geo(event.get("location")),
        coded.strftime("%Y%m%d%H%M%S") if coded else "",
        url or origin or "",
    ]
    return values


def _gdelt_actor(actor: dict[str, Any] | None) -> list[Any]:
    if not actor or not actor.get("code"):
        return [""] * len(_ACTOR)
    roles = list(actor.get("roles") or [])[:3]
    code = actor["code"]
    group = code if code[:3] in ("IGO", "NGO", "MNC") else ""
    return [
        code,
        str(actor.get("text") or "").upper(),
        actor.get("country") or "",
        group,
        "",
        "",
        "",
        *(roles + [""] * (3 - len(roles))),
    ]


def _gdelt_geo(location: dict[str, Any] | None) -> list[Any]:
    if not location:
        return [""] * len(_GEO)
    lat, lon = location.get("lat"), location.get("lon")
    return [
        GEO_TYPES.get(str(location.get("precision")), 4),
        location.get("name") or "",
        location.get("country") or "",
        "",
        "",
        "" if lat is None else lat,
        "" if lon is None else lon,
        "",
    ]


def _plover(store: Store, out: TextIO, since: dt.date | None, until: dt.date | None) -> int:
    from casus import __version__

    n = 0
    for row in _clusters(store, since, until):
        record = plover_record(row, coder=f"casus {__version__}")
        if record is not None:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            n += 1
    return n


def plover_record(row: tuple[Any, ...], *, coder: str) -> dict[str, Any] | None:
    """A PLOVER JSON record for a cluster (``None`` for CAMEO 01/02, which PLOVER drops)."""
    (
        cluster_id,
        date,
        first,
        n_reports,
        n_outlets,
        _,
        precision,
        data,
        url,
        title,
        outlet,
        coded,
        _,
    ) = row
    event = json.loads(data)
    if not event.get("plover"):
        return None
    code = load_cameo().get(event["cameo"]) if event["cameo"] in load_cameo() else None
    day: dt.date | None = date or first
    record: dict[str, Any] = {
        "id": cluster_id,
        "date": day.isoformat() if day else None,
        "source": _plover_actors(event["source"]),
        "recipient": _plover_actors(event["target"]),
        "event": [event["plover"]],
        "mode": [event["plover_mode"]] if event.get("plover_mode") else [],
        "context": [code.plover_context] if code and code.plover_context else [],
        "quad_code": event["quad_class"],
        "event_scale": event["goldstein"],
        "event_text": [event["trigger"]["text"]],
        "text": event["evidence"]["text"],
        "text_info": {
            "sequence": event["sentence_index"],
            "start": event["evidence"]["start"],
            "end": event["evidence"]["end"],
        },
        "cite_info": {
            "url": url,
            "title": title,
            "publication": outlet,
            "coder": coder,
            "codebook": "CAMEO to PLOVER (casus ontology/data/plover.tsv)",
        },
        "coder": coder,
        "coded_date": coded.date().isoformat() if coded else None,
        # extensions (PLOVER allows named fields beyond the standard ones)
        "date_precision": precision,
        "cameo": event["cameo"],
        "n_reports": n_reports,
        "n_outlets": n_outlets,
    }
    location = event.get("location")
    if location:
        record["event_loc"] = {
            "name": location.get("name"),
            "latitude": location.get("lat"),
            "longitude": location.get("lon"),
            "cc3": location.get("country"),
        }
    return record


def _plover_actors(actor: dict[str, Any] | None) -> list[dict[str, Any]]:
    if not actor or not actor.get("code"):
        return []
    code = actor["code"]
    roles = list(actor.get("roles") or [])
    sector = roles[0] if roles else (code[3:6] or None)
    out = {
        "code": actor.get("country") or code[:3],
        "actor_text": actor.get("text"),
        "casus_code": code,
    }
    if sector:
        out["sector"] = sector
    return [out]

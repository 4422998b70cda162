"""Browsing the store: filtered, paginated lists of events and clusters, one article with its
coded spans, events by place, and filtered downloads.

These are the queries behind the HTTP API and the dashboard (and usable from the CLI or a
notebook); :mod:`casus.analysis.lookup` resolves actor names and country points. Every
filter is validated before the store is touched; a bad value raises :class:`BadParameter`
(an :class:`InputError` naming the offending ``field``), an unknown actor
:class:`UnknownValue` (a :class:`NotFound` naming it).

    from casus.analysis.browse import EventFilter, list_events
    page = list_events(store, EventFilter(a="AZE", b="IRN", since="2023-01-01"), limit=20)
    page.items, page.next_cursor      # pass next_cursor back for the following page
"""

from __future__ import annotations

import base64
import binascii
import csv
import datetime as dt
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import duckdb

from casus.analysis.export import FETCH, FLAT_COLUMNS
from casus.analysis.lookup import BadParameter, UnknownValue, country_points, resolve_actor
from casus.analysis.queries import FREQS, Alert, dyad_filter, next_period, period_conditions
from casus.errors import InputError, StoreError
from casus.io.rows import EVENT_FIELDS, event_from_row
from casus.model import parse_iso_date
from casus.store.db import Store
from casus.store.schema import CLUSTER_COLUMNS

DEFAULT_LIMIT = 50
MAX_LIMIT = 500
DOWNLOAD_FORMATS = ("csv", "parquet")
PLACE_KEYS = ("place", "source", "target")
SPAN_KINDS = ("source", "target", "trigger", "speaker", "location")
_FAR = dt.date(9999, 12, 31)  # sort key of undated rows: they come last
_CAMEO_RE = re.compile(r"\d{2,4}")
_EVIDENCE = "evidence_text"
_EVENT_FIELDS = (
    "event_id",
    "article_id",
    "sentence_index",
    "date",
    "date_precision",
    "historical",
    "source_code",
    "target_code",
    "cameo",
    "cameo_root",
    "quad_class",
    "goldstein",
    "plover",
    "asserted",
    "negated",
    "hypothetical",
    "future",
    "outlet",
    "location_country",
    "cluster_id",
)
_EVENT_EXTRA = {
    "cameo_name": "cameo_name",
    "evidence": _EVIDENCE,
    "trigger": "trigger_text",
    "source_text": "source_text",
    "target_text": "target_text",
    "speaker_code": "speaker_code",
}
_STORED = ", ".join(EVENT_FIELDS)  # an event's columns, read back with _as_written


def _as_written(values: list[Any]) -> dict[str, Any]:
    """A stored event as the coder wrote it (the JSON-lines object)."""
    return event_from_row(dict(zip(EVENT_FIELDS, values, strict=True))).to_dict()


# The cluster columns the browser shows (the countries are in the codes).
_CLUSTER_FIELDS = tuple(c for c in CLUSTER_COLUMNS if c not in ("source_country", "target_country"))


# ---- filters -------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class EventFilter:
    """What to select. Every field is optional; given fields are combined with AND.

    actors: codes or names; an event matches when one of them is its source or target.
    a, b: a dyad (either direction). cameo: a code or prefix ("16", "161"). quad_class 1-4.
    since/until: event dates (inclusive); period + freq: one period of a dyad series
    (``period`` is its first day). historical: only (True) or no (False) historical
    references. text: words in the evidence sentence. include_all: also negated,
    hypothetical and future events (events only; clusters hold asserted ones).
    """

    actors: tuple[str, ...] = ()
    a: str | None = None
    b: str | None = None
    cameo: str | None = None
    quad_class: int | None = None
    plover: str | None = None
    since: str | dt.date | None = None
    until: str | dt.date | None = None
    period: str | dt.date | None = None
    freq: str = "week"
    outlet: str | None = None
    historical: bool | None = None
    text: str | None = None
    include_all: bool = False
    article_id: str | None = None
    cluster_id: str | None = None


@dataclass(frozen=True, slots=True)
class _Where:
    """A validated filter as SQL: a condition and its parameters."""

    sql: str
    params: list[Any] = field(default_factory=list)


def period_range(period: str | dt.date, freq: str) -> tuple[dt.date, dt.date]:
    """The first and last day of the ``freq`` period starting on ``period``."""
    if freq not in FREQS:
        raise BadParameter("freq", f"freq must be one of {', '.join(FREQS)}, got {freq!r}")
    start = _date("period", period)
    if start is None:
        raise BadParameter("period", "period is empty: give its first day, YYYY-MM-DD")
    return start, next_period(start, freq) - dt.timedelta(days=1)


def _date(field_name: str, value: str | dt.date | None) -> dt.date | None:
    try:
        return parse_iso_date(value, field_name=field_name)
    except InputError as e:
        raise BadParameter(field_name, str(e)) from e


def _dates(flt: EventFilter) -> tuple[dt.date | None, dt.date | None]:
    start, end = _date("since", flt.since), _date("until", flt.until)
    if flt.period not in (None, ""):
        p_start, p_end = period_range(flt.period, flt.freq)
        start = max(start, p_start) if start else p_start
        end = min(end, p_end) if end else p_end
    if start is not None and end is not None and start > end:
        raise BadParameter("since", f"since {start} is after until {end}: nothing can match")
    return start, end


def _common(store: Store, flt: EventFilter, *, table: str) -> tuple[list[str], list[Any]]:
    """Conditions shared by events and clusters (both have the columns used here)."""
    parts: list[str] = []
    params: list[Any] = []
    for actor in flt.actors:
        cond, p = _either_side(resolve_actor(store, actor, "actor"))
        parts.append(cond)
        params += p
    if (flt.a is None) != (flt.b is None):
        raise BadParameter("b" if flt.b is None else "a", "a dyad needs both a and b")
    if flt.a is not None and flt.b is not None:
        cond, p = dyad_filter(resolve_actor(store, flt.a, "a"), resolve_actor(store, flt.b, "b"))
        parts.append(cond)
        params += p
    if flt.cameo:
        if not _CAMEO_RE.fullmatch(flt.cameo):
            raise BadParameter("cameo", f"cameo must be 2-4 digits, got {flt.cameo!r}")
        parts.append("starts_with(cameo, ?)")
        params.append(flt.cameo)
    if flt.quad_class is not None:
        if flt.quad_class not in (1, 2, 3, 4):
            raise BadParameter("quad_class", f"quad_class must be 1-4, got {flt.quad_class}")
        parts.append("quad_class = ?")
        params.append(flt.quad_class)
    start, end = _dates(flt)
    dated, p = period_conditions(start, end, column=f"{table}.date")
    parts += dated
    params += p
    if flt.historical is not None:
        parts.append("historical" if flt.historical else "NOT historical")
    return parts, params


def _either_side(code: str) -> tuple[str, list[Any]]:
    if len(code) == 3:
        return (
            "(source_country = ? OR starts_with(source_code, ?) "
            "OR target_country = ? OR starts_with(target_code, ?))",
            [code, code, code, code],
        )
    return "(starts_with(source_code, ?) OR starts_with(target_code, ?))", [code, code]


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _report_conditions(flt: EventFilter, params: list[Any], *, prefix: str = "") -> list[str]:
    """Conditions on one report (an ``events`` row, its columns behind ``prefix``): PLOVER
    type, outlet and article; their parameters are appended to ``params``."""
    parts: list[str] = []
    if flt.plover:
        parts.append(f"upper({prefix}plover) = ?")
        params.append(flt.plover.strip().upper())
    if flt.outlet:
        parts.append(f"lower({prefix}outlet) = ?")
        params.append(flt.outlet.strip().lower())
    if flt.article_id:
        parts.append(f"{prefix}article_id = ?")
        params.append(flt.article_id)
    return parts


def event_where(store: Store, flt: EventFilter) -> _Where:
    """The filter as a condition on the ``events`` table."""
    parts, params = _common(store, flt, table="events")
    if not flt.include_all:
        parts.append("asserted")
    parts += _report_conditions(flt, params)
    if flt.text:
        parts.append(f"{_EVIDENCE} ILIKE ? ESCAPE '\\'")
        params.append(_like(flt.text.strip()))
    if flt.cluster_id:
        parts.append("cluster_id = ?")
        params.append(flt.cluster_id)
    return _Where(" AND ".join(parts) or "TRUE", params)


def cluster_where(store: Store, flt: EventFilter) -> _Where:
    """The filter as a condition on the ``clusters`` table (report-level filters, such as
    outlet or article, keep the clusters that have one matching report)."""
    parts, params = _common(store, flt, table="clusters")
    report = _report_conditions(flt, params, prefix="e.")
    if report:
        parts.append(
            "EXISTS (SELECT 1 FROM events e WHERE e.cluster_id = clusters.cluster_id AND "
            + " AND ".join(report)
            + ")"
        )
    if flt.text:
        parts.append("evidence ILIKE ? ESCAPE '\\'")
        params.append(_like(flt.text.strip()))
    if flt.cluster_id:
        parts.append("cluster_id = ?")
        params.append(flt.cluster_id)
    return _Where(" AND ".join(parts) or "TRUE", params)


# ---- pages -----------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Page:
    """One page of a list and the cursor of the next page (``None`` on the last page)."""

    items: list[dict[str, Any]]
    next_cursor: str | None

    def to_dict(self, name: str) -> dict[str, Any]:
        """``{name: items, "count": n, "next_cursor": ...}``."""
        return {name: self.items, "count": len(self.items), "next_cursor": self.next_cursor}


def encode_cursor(day: dt.date | None, key: str) -> str:
    """An opaque cursor for the row after (date, key) in list order."""
    raw = json.dumps([(day or _FAR).isoformat(), key]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[dt.date, str]:
    """Inverse of :func:`encode_cursor`; :class:`BadParameter` for anything else."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        day, key = json.loads(raw)
        return dt.date.fromisoformat(day), str(key)
    except (binascii.Error, ValueError, TypeError, UnicodeDecodeError) as e:
        raise BadParameter("cursor", "cursor is not one this API gave out") from e


def _check_limit(limit: int) -> int:
    if not 1 <= limit <= MAX_LIMIT:
        raise BadParameter("limit", f"limit must be 1-{MAX_LIMIT}, got {limit}")
    return limit


def _keyset(table: str, key: str, cursor: str | None) -> _Where:
    if not cursor:
        return _Where("TRUE")
    day, last = decode_cursor(cursor)
    sort = f"coalesce({table}.date, DATE '{_FAR.isoformat()}')"
    return _Where(f"({sort} > ? OR ({sort} = ? AND {table}.{key} > ?))", [day, day, last])


def list_events(
    store: Store, flt: EventFilter, *, limit: int = DEFAULT_LIMIT, cursor: str | None = None
) -> Page:
    """Events (reports) matching ``flt`` in event-date order (undated last), ``limit`` a page."""
    _check_limit(limit)
    where, after = event_where(store, flt), _keyset("events", "event_id", cursor)
    # Two steps: find the page's ids (a scan of the narrow columns), then read the wide JSON
    # of those rows only (an IN list is pushed into the scan).
    keys = store.query(
        f"""SELECT event_id, date FROM events WHERE {where.sql} AND {after.sql}
        ORDER BY coalesce(date, DATE '{_FAR.isoformat()}'), event_id LIMIT ?""",
        [*where.params, *after.params, limit + 1],
    )
    page = [key[0] for key in keys[:limit]]
    columns = [*_EVENT_FIELDS, *(f"{expr} AS {name}" for name, expr in _EVENT_EXTRA.items())]
    rows = (
        store.query(
            f"SELECT {', '.join(columns)} FROM events "
            f"WHERE event_id IN ({', '.join('?' for _ in page)})",
            page,
        )
        if page
        else []
    )
    names = [*_EVENT_FIELDS, *_EVENT_EXTRA]
    found = {row[0]: _jsonable(dict(zip(names, row, strict=True))) for row in rows}
    last = keys[limit - 1] if len(keys) > limit else None
    return Page([found[i] for i in page], encode_cursor(last[1], last[0]) if last else None)


def get_event(store: Store, event_id: str) -> dict[str, Any]:
    """One stored event as the coder wrote it, with its cluster and outlet."""
    rows = store.query(
        f"SELECT {_STORED}, cluster_id, outlet FROM events WHERE event_id = ?", [event_id]
    )
    if not rows:
        raise UnknownValue("event_id", f"no event {event_id!r} in the store")
    *values, cluster_id, outlet = rows[0]
    return {**_as_written(values), "cluster_id": cluster_id, "outlet": outlet}


def list_clusters(
    store: Store,
    flt: EventFilter,
    *,
    limit: int = DEFAULT_LIMIT,
    cursor: str | None = None,
    reports: bool = True,
) -> Page:
    """De-duplicated events matching ``flt`` in event-date order, each with its reports
    (outlet, article, speaker, sentence) when ``reports``: the framing by outlet."""
    _check_limit(limit)
    where, after = cluster_where(store, flt), _keyset("clusters", "cluster_id", cursor)
    rows = store.query(
        f"""SELECT {", ".join(_CLUSTER_FIELDS)} FROM clusters
        WHERE {where.sql} AND {after.sql}
        ORDER BY coalesce(date, DATE '{_FAR.isoformat()}'), cluster_id LIMIT ?""",
        [*where.params, *after.params, limit + 1],
    )
    items = [_jsonable(dict(zip(_CLUSTER_FIELDS, row, strict=True))) for row in rows[:limit]]
    if reports and items:
        found = cluster_reports(store, [c["cluster_id"] for c in items])
        for item in items:
            item["reports"] = found.get(item["cluster_id"], [])
    last = rows[limit - 1] if len(rows) > limit else None
    return Page(items, encode_cursor(last[7], last[0]) if last else None)


_REPORT_FIELDS = (
    "event_id",
    "article_id",
    "outlet",
    "title",
    "published",
    "url",
    "date",
    "source_code",
    "target_code",
    "cameo",
    "historical",
    "evidence",
    "speaker_code",
    "speaker_text",
    "verb",
    "place_country",
)


def cluster_reports(store: Store, cluster_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """The reports of each cluster: which outlet said what, when, on whose word."""
    rows = store.query(
        """SELECT e.cluster_id, e.event_id, e.article_id, e.outlet, a.title, a.published, a.url,
                  e.date, e.source_code, e.target_code, e.cameo, e.historical,
                  e.evidence_text, e.speaker_code, e.speaker_text, e.attribution_verb,
                  e.location_country
           FROM events e LEFT JOIN articles a ON a.article_id = e.article_id
           WHERE e.cluster_id IN (SELECT unnest(?::VARCHAR[]))
           ORDER BY a.published NULLS LAST, e.outlet, e.event_id""",
        [cluster_ids],
    )
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for cluster_id, *values in rows:
        out[cluster_id].append(_jsonable(dict(zip(_REPORT_FIELDS, values, strict=True))))
    return dict(out)


def alert_drivers(store: Store, alert: Alert, *, limit: int = 20) -> list[dict[str, Any]]:
    """The conflict events (clusters) in an alert's window that make up its intensity,
    strongest first."""
    flt = EventFilter(a=alert.a, b=alert.b, since=alert.window_start, until=alert.window_end)
    where = cluster_where(store, replace(flt, historical=False))
    rows = store.query(
        f"""SELECT {", ".join(_CLUSTER_FIELDS)} FROM clusters
        WHERE {where.sql} AND quad_class IN (3, 4) AND goldstein < 0
        ORDER BY goldstein, date, cluster_id LIMIT ?""",
        [*where.params, _check_limit(limit)],
    )
    return [_jsonable(dict(zip(_CLUSTER_FIELDS, row, strict=True))) for row in rows]


def _jsonable(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in row.items()}


def top_dyads(store: Store, *, limit: int = 20) -> list[dict[str, Any]]:
    """The dyads with the most de-duplicated, non-historical events (both sides known), with
    their cooperation and conflict counts and first and last event dates."""
    rows = store.query(
        """SELECT dyad, count(*), count(*) FILTER (WHERE quad_class IN (1, 2)),
                  count(*) FILTER (WHERE quad_class IN (3, 4)), min(date), max(date)
           FROM clusters
           WHERE NOT historical AND NOT starts_with(dyad, '|') AND NOT ends_with(dyad, '|')
             AND split_part(dyad, '|', 1) <> split_part(dyad, '|', 2)
           GROUP BY dyad ORDER BY count(*) DESC, dyad LIMIT ?""",
        [_check_limit(limit)],
    )
    names = ("events", "cooperation", "conflict", "first", "last")
    return [
        {
            "a": dyad.split("|", 1)[0],
            "b": dyad.split("|", 1)[1],
            **_jsonable(dict(zip(names, rest, strict=True))),
        }
        for dyad, *rest in rows
    ]


# ---- one article ---------------------------------------------------------------------------------
def get_article(store: Store, article_id: str) -> dict[str, Any]:
    """An article's text and metadata, its coded events (asserted or not, in text order)
    and the spans to highlight: ``{"kind", "start", "end", "event_id"}`` with kind one of
    source, target, trigger, speaker, location, evidence (character offsets into ``text``)."""
    rows = store.query(
        """SELECT article_id, title, url, outlet, published, origin, text, n_events, coded_at,
                  casus_version FROM articles WHERE article_id = ?""",
        [article_id],
    )
    if not rows:
        raise UnknownValue("article_id", f"no article {article_id!r} in the store")
    names = "article_id title url outlet published origin text n_events coded_at casus_version"
    article = _jsonable(dict(zip(names.split(), rows[0], strict=True)))
    article["coded_at"] = str(article["coded_at"])
    events = [
        {**_as_written(values), "cluster_id": cluster_id}
        for *values, cluster_id in store.query(
            f"""SELECT {_STORED}, cluster_id FROM events WHERE article_id = ?
               ORDER BY sentence_index, trigger_start, event_id""",
            [article_id],
        )
    ]
    return {**article, "events": events, "spans": article_spans(events, len(article["text"]))}


def article_spans(events: list[dict[str, Any]], length: int) -> list[dict[str, Any]]:
    """The highlightable spans of coded events, each inside ``[0, length]``, in text order."""
    spans: list[dict[str, Any]] = []
    for event in events:
        parts = {kind: event.get(kind) for kind in SPAN_KINDS}
        parts["speaker"] = (event.get("attribution") or {}).get("speaker")
        parts["evidence"] = event.get("evidence")
        for kind, part in parts.items():
            if not isinstance(part, dict) or part.get("start") is None:
                continue
            start, end = int(part["start"]), int(part.get("end") or part["start"])
            if 0 <= start < end <= length:
                spans.append(
                    {"kind": kind, "start": start, "end": end, "event_id": event["event_id"]}
                )
    return sorted(spans, key=lambda s: (s["start"], -s["end"], s["kind"]))


# ---- places ------------------------------------------------------------------------------------
def places(store: Store, flt: EventFilter, *, by: str = "place") -> list[dict[str, Any]]:
    """Events per country: where they happened (``by="place"``), or the country of their
    source or target. Each row has the country's name, a point to draw it at (the mean of
    the coded places, or the population centre of its cities), and counts by cooperation
    and conflict."""
    if by not in PLACE_KEYS:
        raise BadParameter("by", f"by must be one of {', '.join(PLACE_KEYS)}, got {by!r}")
    column = {"place": "location_country", "source": "source_country", "target": "target_country"}
    where = event_where(store, flt)
    lat, lon = "location_lat", "location_lon"
    rows = store.query(
        f"""SELECT {column[by]} AS country, count(*),
               count(*) FILTER (WHERE quad_class IN (1, 2)),
               count(*) FILTER (WHERE quad_class IN (3, 4)),
               avg(CAST({lat} AS DOUBLE)), avg(CAST({lon} AS DOUBLE))
        FROM events WHERE {where.sql} AND {column[by]} IS NOT NULL AND {column[by]} <> '---'
        GROUP BY country ORDER BY count(*) DESC, country""",
        where.params,
    )
    centres = country_points()
    out = []
    for country, n, coop, conflict, mean_lat, mean_lon in rows:
        name, c_lat, c_lon = centres.get(country, (country, None, None))
        if by != "place" or mean_lat is None:
            mean_lat, mean_lon = c_lat, c_lon
        out.append(
            {
                "country": country,
                "name": name,
                "lat": None if mean_lat is None else round(float(mean_lat), 3),
                "lon": None if mean_lon is None else round(float(mean_lon), 3),
                "events": int(n),
                "cooperation": int(coop),
                "conflict": int(conflict),
            }
        )
    return out


# ---- downloads ---------------------------------------------------------------------------------
def write_events(store: Store, flt: EventFilter, fmt: str, path: Path) -> int:
    """Write the events matching ``flt`` to ``path`` as csv or parquet, with the columns of
    ``casus export`` (docs/store.md); returns the number of rows. The rows stream through
    Python (csv, or pyarrow for parquet): DuckDB itself never touches a file, so this works
    where file access is disabled."""
    if fmt not in DOWNLOAD_FORMATS:
        raise BadParameter("format", f"format must be csv or parquet, got {fmt!r}")
    where = event_where(store, flt)
    query = (
        f"SELECT {', '.join(FLAT_COLUMNS)} FROM events WHERE {where.sql} "
        "ORDER BY date NULLS LAST, article_id, sentence_index, event_id"
    )
    with store.read() as con:
        if fmt == "csv":
            return _write_csv(con.execute(query, where.params), path)
        return _write_parquet(con.sql(query, params=where.params), path)


def _write_csv(cursor: duckdb.DuckDBPyConnection, path: Path) -> int:
    n = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(FLAT_COLUMNS)
        while chunk := cursor.fetchmany(FETCH):
            writer.writerows(["" if v is None else v for v in row] for row in chunk)
            n += len(chunk)
    return n


def _write_parquet(relation: duckdb.DuckDBPyRelation, path: Path) -> int:
    try:
        import pyarrow.parquet as pq
    except ImportError as e:
        raise StoreError("parquet downloads need pyarrow: pip install 'casus-events[web]'") from e
    # duckdb 2 names it to_arrow_reader; duckdb 1.x record_batch
    batches: Any = getattr(relation, "to_arrow_reader", None) or relation.record_batch
    reader = batches(FETCH)
    n = 0
    with pq.ParquetWriter(str(path), reader.schema) as writer:
        for batch in reader:
            writer.write_batch(batch)
            n += batch.num_rows
    return n

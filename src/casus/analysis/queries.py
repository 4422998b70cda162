"""Questions analysts ask of the store: timelines, dyad series, alerts, networks (SQL is
:mod:`casus.analysis.user_sql`).

Every function reads through a read-only connection, counts de-duplicated events (clusters,
docs/dedup.md) rather than reports, and validates its arguments before it touches the store:
an unknown actor code raises :class:`NotFound`, a bad date or range :class:`InputError`.
Clusters hold only asserted events (not negated, hypothetical or future).
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, TextIO

import networkx as nx

from casus.analysis.frames import Rows

# SQL moved to user_sql in 0.6.0; its names stay importable from here
from casus.analysis.user_sql import SqlResult as SqlResult
from casus.analysis.user_sql import check_sql as check_sql
from casus.analysis.user_sql import sql as sql
from casus.errors import InputError, NotFound
from casus.model import parse_iso_date
from casus.store.db import Store

FREQS = ("day", "week", "month", "quarter", "year")
ACTOR_RE = re.compile(r"[A-Z0-9]{3,30}")
CONFLICT_QUADS = (3, 4)


@dataclass(frozen=True, slots=True)
class TimelineRow:
    """One real-world event in a chronology (one cluster of reports)."""

    date: dt.date | None
    date_precision: str
    source: str | None
    cameo: str
    cameo_name: str
    target: str | None
    n_sources: int  # distinct outlets
    n_reports: int
    goldstein: float
    quad_class: int
    historical: bool
    evidence: str
    cluster_id: str

    @property
    def cameo_root(self) -> str:
        """The two-digit CAMEO root."""
        return self.cameo[:2]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready (date as ISO text)."""
        out = asdict(self)
        out["date"] = self.date.isoformat() if self.date else None
        out["cameo_root"] = self.cameo_root
        return out


@dataclass(frozen=True, slots=True)
class DyadRow:
    """Counts of a dyad's events in one period, by QuadClass, with Goldstein sum and mean."""

    period: dt.date
    n_events: int
    verbal_cooperation: int
    material_cooperation: int
    verbal_conflict: int
    material_conflict: int
    goldstein_sum: float
    goldstein_mean: float | None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready (period as ISO text)."""
        out = asdict(self)
        out["period"] = self.period.isoformat()
        return out


@dataclass(frozen=True, slots=True)
class Alert:
    """A dyad whose conflict intensity in the latest window stands out from its baseline."""

    a: str
    b: str
    window_start: dt.date
    window_end: dt.date
    count: int  # conflict events (clusters) in the window
    intensity: float  # sum of |Goldstein| of those events
    baseline_mean: float
    baseline_sd: float
    z: float

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        out = asdict(self)
        out["window_start"] = self.window_start.isoformat()
        out["window_end"] = self.window_end.isoformat()
        return out


TIMELINE_COLUMNS = (*TimelineRow.__dataclass_fields__, "cameo_root")
DYAD_COLUMNS = tuple(DyadRow.__dataclass_fields__)
ALERT_COLUMNS = tuple(Alert.__dataclass_fields__)


# ---- argument checks ---------------------------------------------------------------------------
def check_actor(store: Store, code: str) -> str:
    """The upper-cased actor code if the store knows it (as a code, a code prefix or a
    country); a name ("Azerbaijan", "Iranian") stands for its code. :class:`InputError` if
    it is neither a code nor a name, :class:`NotFound` if the store does not know it."""
    return _check_side(store, code)[0]


def _check_side(store: Store, code: str) -> tuple[str, bool]:
    """:func:`check_actor`, and whether every stored actor it matches has it as country
    (then the ``dyad`` column alone finds its events: :func:`dyad_filter`)."""
    value = code.strip().upper()
    if code.strip() != value or not ACTOR_RE.fullmatch(value):
        value = _code_of_name(code)  # "Azerbaijan", "iranian", "irngov"
    rows = store.query(
        "SELECT bool_and(country IS NOT DISTINCT FROM $1) FROM actors "
        "WHERE starts_with(code, $1) OR country = $1",
        [value],
    )
    if rows and rows[0][0] is not None:
        return value, bool(rows[0][0]) and len(value) == 3
    known = [
        r[0]
        for r in store.query(
            "SELECT DISTINCT unnest([code, country]) FROM actors WHERE code IS NOT NULL"
        )
    ]
    close = difflib.get_close_matches(value, [k for k in known if k], n=3)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    raise NotFound(
        f"unknown actor code {value!r}: no stored event has it as source or target{hint}"
    )


def _code_of_name(text: str) -> str:
    """The code of an actor name ("Azerbaijan" -> AZE), or the "not an actor code" error."""
    from casus.analysis.names import resolve_actor

    try:
        value = resolve_actor(text) if text.strip() else ""
    except NotFound:
        value = text.strip().upper()  # maybe a code the dictionaries lack: the store decides
    if not ACTOR_RE.fullmatch(value):
        raise InputError(
            f"{text!r} is not an actor code or name: give a country or bloc code (IRN), "
            "a full actor code (IRNGOV) or a name (Iran; see `casus actors`)"
        )
    return value


def date_range(
    since: str | dt.date | None,
    until: str | dt.date | None,
) -> tuple[dt.date | None, dt.date | None]:
    """``since``/``until`` as dates; :class:`InputError` if unreadable or reversed."""
    start = parse_iso_date(since, field_name="--since")
    end = parse_iso_date(until, field_name="--until")
    if start is not None and end is not None and start > end:
        raise InputError(f"--since {start} is after --until {end}: nothing can match")
    return start, end


def _side(prefix: str, code: str) -> tuple[str, list[Any]]:
    if len(code) == 3:
        return f"({prefix}_country = ? OR starts_with({prefix}_code, ?))", [code, code]
    return f"starts_with({prefix}_code, ?)", [code]


def dyad_filter(a: str, b: str, *, exact: bool = False) -> tuple[str, list[Any]]:
    """SQL condition (and parameters) for clusters between ``a`` and ``b``, either way.

    ``exact``: every stored actor matching ``a`` or ``b`` has it as its country (say AZE and
    IRN, with AZEGOV and IRNMIL of those countries); then the condition is ``dyad =
    'AZE|IRN'``, equal to the OR of prefixes and several times faster to filter.
    """
    if exact:
        return "dyad = ?", ["|".join(sorted((a, b)))]
    sa, pa = _side("source", a)
    tb, pb = _side("target", b)
    sb, qb = _side("source", b)
    ta, qa = _side("target", a)
    return f"(({sa} AND {tb}) OR ({sb} AND {ta}))", pa + pb + qb + qa


def period_conditions(
    since: dt.date | None, until: dt.date | None, *, column: str = "date"
) -> tuple[list[str], list[Any]]:
    """SQL conditions (and parameters) that keep ``column`` between ``since`` and ``until``
    (each bound optional)."""
    parts: list[str] = []
    params: list[Any] = []
    if since is not None:
        parts.append(f"{column} >= ?")
        params.append(since)
    if until is not None:
        parts.append(f"{column} <= ?")
        params.append(until)
    return parts, params


def _period_filter(
    since: dt.date | None, until: dt.date | None, column: str = "date"
) -> tuple[str, list[Any]]:
    parts, params = period_conditions(since, until, column=column)
    return (" AND ".join(parts) or "TRUE"), params


def _dyad_window(
    store: Store,
    a: str,
    b: str,
    since: str | dt.date | None,
    until: str | dt.date | None,
    *,
    include_historical: bool,
) -> tuple[str, list[Any]]:
    """SQL condition (and parameters) on ``clusters`` for the events between ``a`` and ``b``
    (either way) in the date range, historical ones only with ``include_historical``."""
    start, end = date_range(since, until)
    (a, exact_a), (b, exact_b) = _check_side(store, a), _check_side(store, b)
    where, params = dyad_filter(a, b, exact=exact_a and exact_b)
    period, pparams = _period_filter(start, end)
    hist = "TRUE" if include_historical else "NOT historical"
    return f"{where} AND {period} AND {hist}", params + pparams


# ---- timeline ------------------------------------------------------------------------------------
def timeline(
    store: Store,
    a: str,
    b: str,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    *,
    include_historical: bool = False,
) -> Rows[TimelineRow]:
    """The de-duplicated chronology of events between ``a`` and ``b`` (either direction):
    one row per cluster, in date order (undated events last, and only without a range)."""
    where, params = _dyad_window(store, a, b, since, until, include_historical=include_historical)
    rows = store.query(
        f"""
        SELECT date, date_precision, source_code, cameo, cameo_name, target_code, n_outlets,
               n_reports, goldstein, quad_class, historical, evidence, cluster_id
        FROM clusters WHERE {where}
        ORDER BY date NULLS LAST, first_report_date NULLS LAST, cluster_id
    """,
        params,
    )
    return Rows((TimelineRow(*row) for row in rows), columns=TIMELINE_COLUMNS)


# ---- dyad series ---------------------------------------------------------------------------------
def dyad_series(
    store: Store,
    a: str,
    b: str,
    freq: str = "week",
    *,
    include_historical: bool = False,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
) -> Rows[DyadRow]:
    """Events between ``a`` and ``b`` per period (``freq``): counts by QuadClass, Goldstein
    sum and mean, periods without events filled with zeros; historical events excluded
    unless ``include_historical``."""
    if freq not in FREQS:
        raise InputError(f"--freq must be one of {', '.join(FREQS)}, got {freq!r}")
    where, params = _dyad_window(store, a, b, since, until, include_historical=include_historical)
    rows = store.query(
        f"""
        SELECT CAST(date_trunc('{freq}', date) AS DATE) AS period, count(*),
               count(*) FILTER (WHERE quad_class = 1), count(*) FILTER (WHERE quad_class = 2),
               count(*) FILTER (WHERE quad_class = 3), count(*) FILTER (WHERE quad_class = 4),
               sum(goldstein), avg(goldstein)
        FROM clusters WHERE date IS NOT NULL AND {where}
        GROUP BY period ORDER BY period
    """,
        params,
    )
    found = {
        r[0]: DyadRow(
            r[0], r[1], r[2], r[3], r[4], r[5], round(float(r[6]), 3), round(float(r[7]), 3)
        )
        for r in rows
    }
    if not found:
        return Rows(columns=DYAD_COLUMNS)
    return Rows(
        (
            found.get(p) or DyadRow(p, 0, 0, 0, 0, 0, 0.0, None)
            for p in _periods(min(found), max(found), freq)
        ),
        columns=DYAD_COLUMNS,
    )


def _periods(first: dt.date, last: dt.date, freq: str) -> Iterator[dt.date]:
    current = first
    while current <= last:
        yield current
        current = next_period(current, freq)


def next_period(day: dt.date, freq: str) -> dt.date:
    """The start of the period after the one starting on ``day``."""
    if freq == "day":
        return day + dt.timedelta(days=1)
    if freq == "week":
        return day + dt.timedelta(days=7)
    months = {"month": 1, "quarter": 3, "year": 12}[freq]
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


# ---- alerts --------------------------------------------------------------------------------------
def alerts(
    store: Store,
    *,
    window_days: int = 30,
    baseline_windows: int = 6,
    min_count: int = 3,
    z: float = 2.0,
    as_of: str | dt.date | None = None,
) -> Rows[Alert]:
    """Dyads whose conflict intensity in the latest window stands out against their own past.

    Intensity is the sum of |Goldstein| over de-duplicated, non-historical QuadClass 3 and 4
    events. The latest window is the ``window_days`` days ending at ``as_of`` (default: the
    latest event date in the store); the baseline is the ``baseline_windows`` windows before
    it (a window without events counts as 0). A dyad is reported when the window holds at
    least ``min_count`` conflict events and (x - mean) / max(sd, 1, 0.1 * mean) >= ``z``.
    Results are sorted by z, highest first.
    """
    if window_days < 1 or baseline_windows < 2 or min_count < 1:
        raise InputError("window must be >= 1 day, baseline >= 2 windows, min count >= 1")
    end = parse_iso_date(as_of, field_name="--as-of")
    if end is None:
        row = store.query("SELECT max(date) FROM clusters WHERE NOT historical")
        end = row[0][0] if row and row[0][0] is not None else None
        if end is None:
            return Rows(columns=ALERT_COLUMNS)
    horizon = end - dt.timedelta(days=window_days * (baseline_windows + 1))
    rows = store.query(
        """
        SELECT dyad, datediff('day', date, ?) // ? AS k, count(*), sum(-goldstein)
        FROM clusters
        WHERE NOT historical AND date IS NOT NULL AND date <= ? AND date > ?
          AND quad_class IN (3, 4) AND goldstein < 0
          AND NOT starts_with(dyad, '|') AND NOT ends_with(dyad, '|')
        GROUP BY dyad, k
    """,
        [end, window_days, end, horizon],
    )
    per_dyad: dict[str, dict[int, tuple[int, float]]] = defaultdict(dict)
    for dyad, k, count, intensity in rows:
        per_dyad[dyad][int(k)] = (int(count), float(intensity))
    start = end - dt.timedelta(days=window_days - 1)
    found = [
        alert
        for dyad, windows in sorted(per_dyad.items())
        if (alert := _score(dyad, windows, baseline_windows, min_count, z, start, end))
    ]
    return Rows(sorted(found, key=lambda x: (-x.z, x.a, x.b)), columns=ALERT_COLUMNS)


def _score(
    dyad: str,
    windows: dict[int, tuple[int, float]],
    n: int,
    min_count: int,
    threshold: float,
    start: dt.date,
    end: dt.date,
) -> Alert | None:
    count, intensity = windows.get(0, (0, 0.0))
    if count < min_count:
        return None
    baseline = [windows.get(k, (0, 0.0))[1] for k in range(1, n + 1)]
    mean = sum(baseline) / n
    sd = math.sqrt(sum((x - mean) ** 2 for x in baseline) / n)
    score = (intensity - mean) / max(sd, 1.0, 0.1 * mean)
    if score < threshold:
        return None
    a, b = dyad.split("|", 1)
    return Alert(
        a, b, start, end, count, round(intensity, 3), round(mean, 3), round(sd, 3), round(score, 2)
    )


# ---- network -------------------------------------------------------------------------------------
def network(
    store: Store,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    *,
    level: str = "country",
    include_historical: bool = False,
) -> nx.DiGraph:
    """Actors as nodes, de-duplicated events as weighted edges (source -> target).

    ``level`` "country" merges actors into their country (or code when they have none);
    "code" keeps full actor codes. Edge attributes: ``events``, ``cooperation`` and
    ``conflict`` (counts of QuadClass 1-2 and 3-4), ``cooperation_weight`` and
    ``conflict_weight`` (sums of positive and of |negative| Goldstein), ``goldstein`` (sum).
    An event with a symmetric code (a pact) adds to both directions.
    """
    if level not in ("country", "code"):
        raise InputError(f"level must be 'country' or 'code', got {level!r}")
    start, end = date_range(since, until)
    period, params = _period_filter(start, end)
    hist = "TRUE" if include_historical else "NOT historical"
    pick = "coalesce({p}_country, {p}_code)" if level == "country" else "{p}_code"
    rows = store.query(
        f"""
        SELECT {pick.format(p="source")}, {pick.format(p="target")}, quad_class, goldstein,
               is_symmetric
        FROM clusters
        WHERE source_code IS NOT NULL AND target_code IS NOT NULL AND {period} AND {hist}
    """,
        params,
    )
    graph = nx.DiGraph(level=level)
    for src, tgt, quad, goldstein, symmetric in rows:
        pairs = [(src, tgt), (tgt, src)] if symmetric and src != tgt else [(src, tgt)]
        for u, v in pairs:
            _add_edge(graph, u, v, int(quad), float(goldstein))
    return graph


def _add_edge(graph: nx.DiGraph, u: str, v: str, quad: int, goldstein: float) -> None:
    for node in (u, v):
        if node not in graph:
            graph.add_node(node, label=node, events=0)
        graph.nodes[node]["events"] += 1
    if not graph.has_edge(u, v):
        graph.add_edge(
            u,
            v,
            events=0,
            cooperation=0,
            conflict=0,
            cooperation_weight=0.0,
            conflict_weight=0.0,
            goldstein=0.0,
        )
    edge = graph.edges[u, v]
    edge["events"] += 1
    edge["goldstein"] = round(edge["goldstein"] + goldstein, 3)
    if quad in CONFLICT_QUADS:
        edge["conflict"] += 1
        edge["conflict_weight"] = round(edge["conflict_weight"] + max(-goldstein, 0.0), 3)
    else:
        edge["cooperation"] += 1
        edge["cooperation_weight"] = round(edge["cooperation_weight"] + max(goldstein, 0.0), 3)


def graph_to_json(graph: nx.DiGraph) -> dict[str, Any]:
    """The graph as node-link JSON: ``{"directed", "nodes": [...], "links": [...]}``."""
    return {
        "directed": True,
        "graph": dict(graph.graph),
        "nodes": [{"id": n, **attrs} for n, attrs in sorted(graph.nodes(data=True))],
        "links": [
            {"source": u, "target": v, **attrs} for u, v, attrs in sorted(graph.edges(data=True))
        ],
    }


def graph_to_graphml(graph: nx.DiGraph) -> str:
    """The graph as GraphML text (for Gephi, yEd, Cytoscape)."""
    return "\n".join(nx.generate_graphml(graph)) + "\n"


# ---- export ------------------------------------------------------------------------------------
def export(
    store: Store,
    fmt: str,
    out: TextIO | Path,
    *,
    include_all: bool = False,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
) -> int:
    """Write the store's events as parquet, csv, jsonl, gdelt or plover (docs/store.md);
    returns the number of records written. See :mod:`casus.analysis.export`."""
    from casus.analysis.export import write_export

    start, end = date_range(since, until)
    return write_export(store, fmt, out, include_all=include_all, since=start, until=end)

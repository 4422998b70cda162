"""Keeping the store's clusters up to date, incrementally and in bounded chunks.

Clustering (:mod:`casus.dedup`) goes partition by partition (``dedup_key``), in date order,
and a report can only join a cluster whose periods lie within ``day_slack`` days of its own.
So a partition falls apart into *segments*: runs of reports whose periods (widened by the
slack) overlap, plus the undated reports, which only join reports of their own article. No
cluster crosses a segment, and clustering a segment alone gives exactly what clustering the
whole partition gives for it. An ingest therefore records, in ``pending_clusters``, the
partitions and periods it touched (in the same transaction as the events), and
:func:`refresh_clusters` re-clusters only the segments those periods reach:

1. DuckDB computes the segments from the date columns alone (a window query, no text);
2. the reports of the touched segments are read and clustered in Python, a bounded chunk of
   reports per transaction;
3. the cluster rows are aggregated in SQL from the events' new ``cluster_id``.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from casus.dedup import DEFAULT_PARAMS, Report, cluster_reports, is_symmetric
from casus.model import Actor, Event, EventDate, Location, content_id
from casus.ontology.cameo import load_cameo
from casus.store.db import Connection, Store

CHUNK_REPORTS = 50_000  # reports re-clustered per transaction (bounds memory)
SEGMENT_ROWS = 200_000  # reports whose dates are read at once to find segments
_LOOKBACK = DEFAULT_PARAMS.publication_lookback
_SLACK = DEFAULT_PARAMS.day_slack
# The period an event's date stands for (dedup._interval, in SQL).
FIRST_SQL = (
    "CASE WHEN date IS NULL OR date_precision = 'unknown' THEN NULL "
    f"WHEN date_basis = 'publication' THEN date - {_LOOKBACK} ELSE date END"
)
LAST_SQL = (
    "CASE WHEN date IS NULL OR date_precision = 'unknown' THEN NULL "
    "WHEN date_basis = 'publication' THEN date "
    "WHEN date_precision = 'week' THEN date + 6 "
    "WHEN date_precision = 'month' THEN last_day(date) "
    "WHEN date_precision = 'year' THEN make_date(year(date), 12, 31) "
    "WHEN date_precision = 'decade' THEN make_date(least(year(date) + 9, 9999), 12, 31) "
    "ELSE date END"
)
# Segments of dated reports: a new one starts where a report's period begins more than the
# slack after every earlier period of the partition has ended.
_SEGMENTS_SQL = f"""
    WITH p AS (
        SELECT event_id, article_id, dedup_key, {FIRST_SQL} AS first, {LAST_SQL} AS last
        FROM events WHERE asserted AND dedup_key IN (SELECT unnest($1::VARCHAR[]))
    ), o AS (
        SELECT *, max(last) OVER (PARTITION BY dedup_key ORDER BY first, event_id
                                  ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS reach
        FROM p WHERE first IS NOT NULL
    )
    SELECT dedup_key, event_id, article_id, first, last,
           sum(CASE WHEN reach IS NULL OR first - {_SLACK} > reach THEN 1 ELSE 0 END)
               OVER (PARTITION BY dedup_key ORDER BY first, event_id) AS segment
    FROM o
    UNION ALL
    SELECT dedup_key, event_id, article_id, NULL, NULL, NULL FROM p WHERE first IS NULL
"""


def mark_pending(con: Connection, where: str, params: Sequence[Any]) -> None:
    """Record the partitions and periods of the events ``WHERE where`` as pending."""
    con.execute(
        f"INSERT INTO pending_clusters SELECT dedup_key, {FIRST_SQL}, {LAST_SQL}, article_id "
        f"FROM events WHERE dedup_key IS NOT NULL AND ({where})",
        list(params),
    )


def refresh_clusters(store: Store, *, everything: bool = False) -> int:
    """Re-cluster the segments the pending periods reach (every partition, whole, with
    ``everything``), a bounded chunk of reports per transaction; returns the number of
    clusters written."""
    if everything:
        with store.transaction() as con:
            con.execute("DELETE FROM pending_clusters")
            con.execute(
                "INSERT INTO pending_clusters SELECT DISTINCT dedup_key, NULL, NULL, NULL "
                "FROM events WHERE dedup_key IS NOT NULL"
            )
    with store.read() as con:
        sizes = con.execute(
            "SELECT p.dedup_key, count(e.event_id) FROM (SELECT DISTINCT dedup_key "
            "FROM pending_clusters) p LEFT JOIN events e USING (dedup_key) "
            "GROUP BY p.dedup_key ORDER BY p.dedup_key"
        ).fetchall()
    written = 0
    group: list[str] = []
    total = 0
    for key, count in sizes:  # partitions in groups of a bounded number of reports
        if group and total + count > SEGMENT_ROWS:
            written += _refresh_keys(store, group)
            group, total = [], 0
        group.append(key)
        total += count
    if group:
        written += _refresh_keys(store, group)
    return written


def _refresh_keys(store: Store, keys: list[str]) -> int:
    """Re-cluster the touched segments of some partitions, chunk by chunk."""
    with store.read() as con:
        segments = _touched_segments(con, keys)
    written = 0
    chunk: list[list[str]] = []
    size = 0
    done_keys: list[str] = []
    for i, (key, event_ids) in enumerate(segments):
        chunk.append(event_ids)
        size += len(event_ids)
        last_of_key = i + 1 == len(segments) or segments[i + 1][0] != key
        if last_of_key:
            done_keys.append(key)
        if size >= CHUNK_REPORTS or i + 1 == len(segments):
            written += _recluster(store, chunk, done_keys)
            chunk, size, done_keys = [], 0, []
    # partitions with nothing left to cluster (their events were removed)
    with store.transaction() as con:
        con.execute(
            "DELETE FROM pending_clusters WHERE dedup_key IN (SELECT unnest(?::VARCHAR[]))",
            [keys],
        )
    return written


def _touched_segments(con: Connection, keys: list[str]) -> list[tuple[str, list[str]]]:
    """(partition, event ids) of every segment a pending period or article reaches, in
    partition order."""
    pending: dict[str, list[tuple[dt.date | None, dt.date | None, str | None]]] = defaultdict(list)
    for key, first, last, article in con.execute(
        "SELECT dedup_key, first, last, article_id FROM pending_clusters "
        "WHERE dedup_key IN (SELECT unnest(?::VARCHAR[]))",
        [keys],
    ).fetchall():
        pending[key].append((first, last, article))
    rows = con.execute(_SEGMENTS_SQL + " ORDER BY dedup_key", [keys]).fetchall()
    by_key: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for row in rows:
        by_key[row[0]].append(row[1:])
    out: list[tuple[str, list[str]]] = []
    for key in sorted(by_key):
        out.extend((key, ids) for ids in _segments_of(by_key[key], pending[key]))
    return out


def _segments_of(
    rows: list[tuple[Any, ...]],
    pending: list[tuple[dt.date | None, dt.date | None, str | None]],
) -> list[list[str]]:
    """Group one partition's reports into segments (joined through the articles of undated
    reports) and keep those a pending entry reaches."""
    parent: dict[Any, Any] = {}

    def find(x: Any) -> Any:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    undated_articles = {article for _, article, first, _, _ in rows if first is None}
    for event_id, article, first, _, segment in rows:
        node = ("s", segment) if first is not None else ("a", article)
        parent[find(("e", event_id))] = find(node)
        if first is not None and article in undated_articles:
            parent[find(("a", article))] = find(node)
    spans: dict[Any, list[Any]] = defaultdict(list)
    for event_id, article, first, last, _ in rows:
        spans[find(("e", event_id))].append((event_id, article, first, last))
    reach = _Reach(pending)
    return [[m[0] for m in members] for members in spans.values() if reach.touches(members)]


class _Reach:
    """The pending entries of one partition, indexed so that asking whether a segment is
    touched costs a binary search, not a scan of every entry."""

    def __init__(self, pending: list[tuple[dt.date | None, dt.date | None, str | None]]) -> None:
        self.whole = any(f is None and a is None for f, _, a in pending)
        self.articles = {a for _, _, a in pending if a is not None}
        periods = sorted((f, last) for f, last, _ in pending if f is not None and last is not None)
        self.firsts = [f for f, _ in periods]
        self.reach: list[dt.date] = []  # the latest end among the periods up to each one
        for _, last in periods:
            self.reach.append(max(last, self.reach[-1]) if self.reach else last)

    def touches(self, members: list[tuple[str, str, dt.date | None, dt.date | None]]) -> bool:
        """Whether a pending entry reaches the segment: its article, or a period within the
        slack of the segment's span (a span has no gap wider than the slack)."""
        if self.whole or any(m[1] in self.articles for m in members):
            return True
        dated = [(m[2], m[3]) for m in members if m[2] is not None and m[3] is not None]
        if not dated or not self.firsts:
            return False
        slack = dt.timedelta(days=_SLACK)
        low, high = min(f for f, _ in dated), max(last for _, last in dated)
        i = bisect.bisect_right(self.firsts, high + slack)  # periods starting early enough
        return i > 0 and self.reach[i - 1] >= low - slack


def _recluster(store: Store, segments: list[list[str]], done_keys: list[str]) -> int:
    """Cluster these segments and replace their clusters, in one transaction. A segment of
    one report is its own cluster (no need to read it); the others go through dedup."""
    singles = [ids[0] for ids in segments if len(ids) == 1]
    grouped = [i for ids in segments if len(ids) > 1 for i in ids]
    event_ids = singles + grouped
    with store.transaction() as con:
        clusters = cluster_reports(_load_reports(con, grouped)) if grouped else []
        members = [(r.event_id, c.cluster_id) for c in clusters for r in c.reports]
        specs = [(c.cluster_id, c.canonical.event_id, c.date, c.date_precision) for c in clusters]
        for event_id, day, precision in con.execute(
            "SELECT event_id, date, CASE WHEN date IS NULL THEN 'unknown' ELSE date_precision "
            "END FROM events WHERE event_id IN (SELECT unnest(?::VARCHAR[]))",
            [singles],
        ).fetchall():
            cluster_id = content_id("cluster", event_id)  # as dedup._finish names it
            members.append((event_id, cluster_id))
            specs.append((cluster_id, event_id, day, precision))
        old = con.execute(
            "SELECT DISTINCT cluster_id FROM events WHERE cluster_id IS NOT NULL "
            "AND event_id IN (SELECT unnest(?::VARCHAR[]))",
            [event_ids],
        ).fetchall()
        con.execute(
            "DELETE FROM clusters WHERE cluster_id IN (SELECT unnest(?::VARCHAR[]))",
            [[r[0] for r in old]],
        )
        _assign(con, event_ids, members, specs)
        con.execute(
            "DELETE FROM pending_clusters WHERE dedup_key IN (SELECT unnest(?::VARCHAR[]))",
            [done_keys],
        )
    return len(specs)


# What clustering reads of a report (dedup.py): the id's parts, the actors' keys and spans,
# the code, the date, the place, the evidence and the confidence. The rest of the event is not
# loaded: the cluster rows are built in SQL from the stored events.
_REPORT_COLUMNS = (
    "article_id, sentence_index, evidence_text, evidence_start, evidence_end, "
    "source_code, source_country, source_text, source_start, source_end, "
    "target_code, target_country, target_text, target_start, target_end, "
    "cameo, trigger_start, date, date_precision, date_basis, date_text, historical, "
    "location_name, location_precision, location_start, confidence, outlet, event_id"
)


def _load_reports(con: Connection, event_ids: list[str]) -> list[Report]:
    columns = ", ".join(f"e.{c.strip()}" for c in _REPORT_COLUMNS.split(","))
    rows = con.execute(
        f"""
        SELECT {columns}, a.published
        FROM events e LEFT JOIN articles a ON a.article_id = e.article_id
        WHERE e.event_id IN (SELECT unnest(?::VARCHAR[]))
    """,
        [event_ids],
    ).fetchall()
    return [_report(row) for row in rows]


def _report(row: tuple[Any, ...]) -> Report:
    (article, index, text, start, end, s_code, s_country, s_text, s_start, s_end) = row[:10]
    (t_code, t_country, t_text, t_start, t_end, cameo, trigger, day, precision, basis) = row[10:20]
    (when_text, historical, place, place_precision, place_start, confidence, outlet) = row[20:27]
    event_id, published = row[27:29]
    source = None if s_text is None else Actor(s_code, s_country, (), s_text, s_start, s_end)
    target = None if t_text is None else Actor(t_code, t_country, (), t_text, t_start, t_end)
    location = None
    if place is not None:
        location = Location(place, None, None, None, place_precision, "", place_start, 0)
    event = Event(
        article_id=article,
        sentence_index=index,
        evidence_text=text,
        evidence_start=start,
        evidence_end=end,
        source=source,
        target=target,
        cameo=cameo,
        cameo_name="",
        quad_class=0,
        goldstein=0.0,
        plover=None,
        plover_mode=None,
        trigger_text="",
        trigger_start=trigger,
        trigger_end=trigger,
        when=EventDate(day, precision, basis, when_text),
        historical=historical,
        location=location,
        confidence=confidence,
    )
    return Report(event, outlet, published, event_id)


def _assign(
    con: Connection,
    event_ids: list[str],
    members: list[tuple[str, str]],
    specs: list[tuple[str, str, dt.date | None, str]],
) -> None:
    """Set the reports' cluster ids, then build the cluster rows from them in SQL (every
    report of a segment joins exactly one cluster, so ``members`` covers ``event_ids``)."""
    if len(members) != len(event_ids):  # defensive: never leave a stale id behind
        con.execute(
            "UPDATE events SET cluster_id = NULL WHERE event_id IN (SELECT unnest(?::VARCHAR[]))",
            [event_ids],
        )
    if not specs:
        return
    con.execute(
        """
        UPDATE events SET cluster_id = m.cluster_id
        FROM (SELECT unnest(?::VARCHAR[]) AS event_id, unnest(?::VARCHAR[]) AS cluster_id) m
        WHERE events.event_id = m.event_id
    """,
        [[m[0] for m in members], [m[1] for m in members]],
    )
    symmetric = [c.code for c in load_cameo() if is_symmetric(c.code)]
    con.execute(
        """
        INSERT INTO clusters
        SELECT m.cluster_id, k.dyad, m.canonical, g.n_reports, g.n_articles, g.n_outlets,
               g.first_report, m.date, m.precision, k.source_code, k.source_country,
               k.target_code, k.target_country, list_contains($5::VARCHAR[], k.cameo),
               k.cameo, k.cameo_root, k.cameo_name, k.quad_class, k.goldstein,
               g.historical, k.evidence_text
        FROM (SELECT unnest($1::VARCHAR[]) AS cluster_id, unnest($2::VARCHAR[]) AS canonical,
                     unnest($3::DATE[]) AS date, unnest($4::VARCHAR[]) AS precision) m
        JOIN events k ON k.event_id = m.canonical
        JOIN (
            SELECT e.cluster_id, count(*) AS n_reports, count(DISTINCT e.article_id) AS n_articles,
                   count(DISTINCT coalesce(e.outlet, 'article:' || e.article_id)) AS n_outlets,
                   min(a.published) AS first_report, bool_and(e.historical) AS historical
            FROM events e LEFT JOIN articles a ON a.article_id = e.article_id
            WHERE e.cluster_id IN (SELECT unnest($1::VARCHAR[]))
            GROUP BY e.cluster_id
        ) g ON g.cluster_id = m.cluster_id
    """,
        [*([spec[i] for spec in specs] for i in range(4)), symmetric],
    )

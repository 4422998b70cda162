"""Keeping the store's clusters up to date: set-based in DuckDB, incremental, in bounded chunks.

Clustering (:mod:`casus.dedup`) goes partition by partition (``dedup_key``), in date order;
a report can only join a cluster whose periods lie within ``day_slack`` days of its own and
whose codes are related to its own. So a partition falls apart into *segments*: per code
group (:func:`casus.store.cluster_sql.group_sql`), runs of reports whose periods (widened by
the slack) overlap, joined through the articles of undated reports (which only join reports
of their own article). No cluster crosses a segment, and clustering a segment alone gives
exactly what clustering the whole partition gives for it. An ingest records, in
``pending_clusters``, the partitions and periods it touched (in the same transaction as the
events), and :func:`refresh_clusters` re-clusters only the segments those periods reach, one
transaction per bounded group of partitions:

1. DuckDB computes the segments (a window query over the date columns of the reports a
   pending period can reach: :func:`_scope`) and keeps the touched ones;
2. it pairs the reports of each small segment (a self-join) and evaluates the gates and,
   for the weak pairs that matter, the evidence: a connected component of the gate graph
   that is a clique of supported reports is one cluster, decided in SQL (most components:
   one report, or the reports of one event);
3. the other reports are read and clustered by :mod:`casus.dedup`, the reference;
4. cluster ids, canonical reports, best dates and the cluster rows are computed in SQL from
   the membership.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from casus.dedup import (
    DEFAULT_PARAMS,
    NUMBER_WORDS,
    PRECISION_RANK,
    STOPWORDS,
    Report,
    group_reports,
    is_symmetric,
)
from casus.model import Actor, Event, EventDate, Location
from casus.ontology.cameo import load_cameo
from casus.store.cluster_sql import (
    EXOTIC_SQL,
    FIRST_SQL,
    LAST_SQL,
    NUMBERS_SQL,
    PLACE_SQL,
    PRECISE_SQL,
    SLACK,
    SOURCE_KEY_SQL,
    STRONG_SQL,
    TARGET_KEY_SQL,
    TOKENS_SQL,
    WEAK_SUPPORT_SQL,
    families_sql,
    gate_sql,
    group_sql,
    words_sql,
)
from casus.store.cluster_windows import scope_windows
from casus.store.db import Connection, Store

GROUP_REPORTS = 1_000_000  # reports of the partitions re-clustered whole in one transaction
WINDOW_GROUP_PENDING = 100_000  # pending reports of the partitions re-clustered in windows
PAIR_LIMIT = 64  # segments up to this many reports are paired in SQL; larger go to dedup.py
CHUNK_REPORTS = 50_000  # reports handed to dedup.py at once
MEMORY_LIMIT = "1GB"  # DuckDB's memory during a refresh (beyond it, it spills to disk)
K = TypeVar("K")
_MAX_DATE = "DATE '9999-12-31'"
_WORK_TABLES = (
    "dd_x",
    "dd_w",
    "dd_m",
    "dd_py",
    "dd_win",
    "dd_in",
    "dd_all",
    "dd_pa",
    "dd_rids",
    "dd_span",
    "dd_coarse",
)
_IN_KEYS = "IN (SELECT unnest($keys::VARCHAR[]))"
# the events' columns read apart from the gates' (``dd_x``): the evidence of weak pairs and the
# canonical report's fields for the cluster rows
_WIDE = (
    "event_id, evidence_text, evidence_start, evidence_end, source_text, source_start, "
    "source_end, target_text, target_start, target_end, date_text, dyad, source_code, "
    "source_country, target_code, target_country, cameo, cameo_root, cameo_name, quad_class, "
    "goldstein, trigger_start, location_name, location_precision, location_start"
)


def mark_pending(con: Connection, where: str, params: Sequence[Any]) -> None:
    """Record the partitions and periods of the events ``WHERE where`` as pending."""
    con.execute(
        f"INSERT INTO pending_clusters SELECT dedup_key, {FIRST_SQL}, {LAST_SQL}, article_id "
        f"FROM events WHERE dedup_key IS NOT NULL AND ({where})",
        list(params),
    )


def refresh_clusters(store: Store, *, everything: bool = False) -> int:
    """Re-cluster the segments the pending periods reach (every partition, whole, with
    ``everything``), one transaction per group of partitions of a bounded number of
    reports; returns the number of clusters written. A run killed midway leaves the
    partitions it had not finished pending."""
    if everything:
        with store.transaction() as con:
            con.execute("DELETE FROM pending_clusters")
            con.execute(
                "INSERT INTO pending_clusters SELECT DISTINCT dedup_key, NULL, NULL, NULL "
                "FROM events WHERE dedup_key IS NOT NULL"
            )
    with store.read() as con:
        # a partition with a whole-partition row is re-clustered whole; the others only
        # around their pending periods and articles (sized by their pending rows)
        pending = con.execute(
            "SELECT dedup_key, bool_or(first IS NULL AND article_id IS NULL), count(*) "
            "FROM pending_clusters GROUP BY dedup_key ORDER BY dedup_key"
        ).fetchall()
        whole = [key for key, is_whole, _ in pending if is_whole]
        sizes = con.execute(
            "SELECT p.key, count(e.event_id) FROM (SELECT unnest($1::VARCHAR[]) AS key) p "
            "LEFT JOIN events e ON e.dedup_key = p.key GROUP BY p.key ORDER BY p.key",
            [whole],
        ).fetchall()
    windowed = [(str(key), int(n)) for key, is_whole, n in pending if not is_whole]
    written = 0
    for keys in _groups([(str(key), int(n)) for key, n in sizes], GROUP_REPORTS):
        written += _refresh_keys(store, keys)
    for keys in _groups(windowed, WINDOW_GROUP_PENDING):
        written += _refresh_keys(store, keys, windowed=True)
    return written


def _groups(sizes: Sequence[tuple[K, int]], bound: int) -> list[list[K]]:
    """The partitions (or segments) in consecutive groups whose sizes add up to at most
    ``bound`` (a larger one alone)."""
    groups: list[list[K]] = []
    total = 0
    for key, count in sizes:
        if not groups or (groups[-1] and total + count > bound):
            groups.append([])
            total = 0
        groups[-1].append(key)
        total += count
    return groups


def _refresh_keys(store: Store, keys: list[str], *, windowed: bool = False) -> int:
    """Re-cluster the touched segments of some partitions, in one transaction (``windowed``:
    none of them is pending whole)."""
    with store.transaction() as con:
        row = con.execute("SELECT current_setting('memory_limit')").fetchone()
        con.execute(f"SET memory_limit = '{MEMORY_LIMIT}'")
        try:
            written = 0
            if _load_work(con, keys, windowed=windowed):
                _decide_in_sql(con)
                written = _decide_in_python_and_write(con)
            con.execute(f"DELETE FROM pending_clusters WHERE dedup_key {_IN_KEYS}", {"keys": keys})
            for table in _WORK_TABLES:
                con.execute(f"DROP TABLE IF EXISTS {table}")
        finally:
            if row:
                con.execute(f"SET memory_limit = '{row[0]}'")
    return written


def _load_work(con: Connection, keys: list[str], *, windowed: bool = False) -> int:
    """``dd_w``: the reports of the touched segments of ``keys``, with what the gates need,
    their segment ``sid`` and its size ``n``, and ``id``: their rank in dedup's report
    order. Returns how many there are. ``windowed``: read only the reports that
    :func:`~casus.store.cluster_windows.scope_windows` finds around the pending periods (a
    join on the row id, which DuckDB turns into a filter of the table scan: the row groups
    holding none of them are skipped)."""
    symmetric = [c.code for c in load_cameo() if is_symmetric(c.code)]
    scope = "JOIN dd_rids i ON i.rid = e.rowid" if windowed and scope_windows(con, keys) else ""
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE dd_r AS
        SELECT row_number() OVER (ORDER BY first IS NULL, coalesce(first, {_MAX_DATE}),
                                  published, article_id, sentence_index, event_id) AS id, *
        FROM (
            SELECT e.event_id, e.article_id, e.sentence_index, e.dedup_key AS key, e.cameo,
                   ({group_sql()}) AS grp, e.cameo[:2] AS root, ({families_sql()}) AS fams,
                   {FIRST_SQL} AS first, {LAST_SQL} AS last, {PRECISE_SQL} AS precise,
                   e.date, e.date_precision, e.date_basis, {SOURCE_KEY_SQL} AS sk,
                   {TARGET_KEY_SQL} AS tk, list_contains($sym::VARCHAR[], e.cameo) AS sym,
                   {PLACE_SQL} AS place, a.published AS pub,
                   coalesce(a.published, {_MAX_DATE}) AS published, e.rowid AS rid,
                   e.cluster_id AS old_cluster, e.confidence, e.outlet, e.historical
            FROM events e {scope} LEFT JOIN articles a ON a.article_id = e.article_id
            WHERE e.asserted AND e.dedup_key {_IN_KEYS})
        """,
        {"keys": keys, "sym": symmetric},
    )
    _segments(con)
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE dd_w AS
        SELECT r.*, s.sid, count(*) OVER (PARTITION BY s.sid) AS n
        FROM dd_r r JOIN dd_seg s USING (id)
        WHERE s.sid IN (
            WITH spans AS (SELECT sid, any_value(key) AS key, min(first) AS lo,
                                  max(last) AS hi FROM dd_r JOIN dd_seg USING (id) GROUP BY sid),
                 p AS (SELECT DISTINCT * FROM pending_clusters WHERE dedup_key {_IN_KEYS})
            SELECT s.sid FROM spans s JOIN p ON p.dedup_key = s.key
            WHERE (p.first IS NULL AND p.article_id IS NULL)
               OR (p.first <= s.hi + {SLACK} AND p.last >= s.lo - {SLACK})
            UNION
            SELECT s.sid FROM dd_r r JOIN dd_seg s USING (id)
            JOIN p ON p.dedup_key = r.key AND p.article_id = r.article_id)
        """,
        {"keys": keys},
    )
    con.execute("DROP TABLE dd_r")
    con.execute("DROP TABLE dd_seg")
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE dd_x AS SELECT w.rid, {_WIDE} FROM events "
        f"JOIN (SELECT rid FROM dd_w) w ON w.rid = events.rowid WHERE dedup_key {_IN_KEYS}",
        {"keys": keys},
    )
    row = con.execute("SELECT count(*) FROM dd_w").fetchone()
    return int(row[0]) if row else 0


def _segments(con: Connection) -> None:
    """``dd_seg(id, sid)``, the segment of each report of ``dd_r``: dated reports by runs of
    overlapping periods per partition and code group; an undated report joins its article's
    segment (articles whose undated reports link several segments merge them); one without
    any is a segment per article."""
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE dd_seg AS
        WITH o AS (
            SELECT id, key, grp, first,
                   max(last) OVER (PARTITION BY key, grp ORDER BY first, id
                                   ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS reach
            FROM dd_r WHERE first IS NOT NULL
        ), s AS (
            SELECT id, key, grp, sum(CASE WHEN reach IS NULL OR first - {SLACK} > reach
                                          THEN 1 ELSE 0 END)
                       OVER (PARTITION BY key, grp ORDER BY first, id ROWS UNBOUNDED PRECEDING)
                       AS seg
            FROM o
        )
        SELECT id, dense_rank() OVER (ORDER BY key, grp, seg) AS sid FROM s
    """)
    links = con.execute("""
        SELECT list(DISTINCT s.sid ORDER BY s.sid) FROM dd_r r JOIN dd_seg s USING (id)
        JOIN (SELECT DISTINCT key, grp, article_id FROM dd_r WHERE first IS NULL) u
            USING (key, grp, article_id)
        GROUP BY r.key, r.grp, r.article_id HAVING count(DISTINCT s.sid) > 1
    """).fetchall()
    merged = _merge([row[0] for row in links])
    con.execute(
        "UPDATE dd_seg SET sid = m.root FROM (SELECT unnest($1::BIGINT[]) AS sid, "
        "unnest($2::BIGINT[]) AS root) m WHERE dd_seg.sid = m.sid",
        [list(merged), list(merged.values())],
    )
    con.execute("""
        INSERT INTO dd_seg
        WITH u AS (SELECT id, key, grp, article_id FROM dd_r WHERE first IS NULL),
             d AS (SELECT r.key, r.grp, r.article_id, min(s.sid) AS sid
                   FROM dd_r r JOIN dd_seg s USING (id) GROUP BY ALL),
             top AS (SELECT coalesce(max(sid), 0) AS top FROM dd_seg)
        SELECT u.id, coalesce(d.sid, top.top + dense_rank() OVER (
                   ORDER BY u.key, u.grp, u.article_id))
        FROM u LEFT JOIN d USING (key, grp, article_id), top
    """)


def _merge(links: list[list[int]]) -> dict[int, int]:
    """Union-find over the segments an undated article links: segment -> smallest root."""
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for sids in links:
        for sid in sids[1:]:
            low, high = sorted((find(sids[0]), find(sid)))
            parent[high] = low
    return {sid: find(sid) for sid in parent if find(sid) != sid}


def _decide_in_sql(con: Connection) -> None:
    """``dd_m(id, comp)`` for the reports SQL can decide: those of a connected component of
    the gate graph that is a clique (a report's neighbourhood, itself included, is shared by
    as many reports as it has) in which every report but the first is supported by an earlier
    one (a strong pair, or a weak one with similar evidence). Components never interact, and
    each such report finds exactly one cluster it may join, the clique's, so each clique is
    one cluster; ``comp`` is its smallest ``id``."""
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE dd_e AS
        SELECT a.sid, a.id AS x, b.id AS y, {STRONG_SQL} AS strong
        FROM dd_w a JOIN dd_w b ON a.sid = b.sid AND a.id < b.id
        WHERE a.n BETWEEN 2 AND {PAIR_LIMIT} AND {gate_sql()}
    """)
    _weak_support(con)
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE dd_m AS
        WITH both_ways AS (
            SELECT sid, x, y, supported, unsure FROM dd_e
            UNION ALL SELECT sid, y, x, supported, unsure FROM dd_e
        ), near AS (
            SELECT w.sid, w.id,
                   list_sort(list_append(list(b.y) FILTER (WHERE b.y IS NOT NULL), w.id))
                       AS clique,
                   coalesce(bool_or(b.y < w.id AND b.supported), false) AS backed,
                   coalesce(bool_or(b.unsure), false) AS unsure
            FROM dd_w w LEFT JOIN both_ways b ON b.sid = w.sid AND b.x = w.id
            WHERE w.n <= {PAIR_LIMIT} GROUP BY w.sid, w.id
        ), checked AS (
            SELECT *, count(*) OVER (PARTITION BY sid, clique) = len(clique)
                      AND NOT unsure AND (backed OR clique[1] = id) AS ok
            FROM near
        )
        SELECT id, clique[1] AS comp FROM checked
        WHERE (sid, clique[1]) IN (SELECT (sid, clique[1]) FROM checked
                                   GROUP BY sid, clique[1] HAVING bool_and(ok))
    """)
    con.execute("DROP TABLE dd_e")


def _weak_support(con: Connection) -> None:
    """Add to ``dd_e`` whether each pair is supported (``dedup._support`` is not None) and
    whether SQL is unsure of it (text whose lower-casing or digits SQL could read otherwise
    than Python: its segment goes to dedup.py). Only the reports of weak pairs are read."""
    # a weak pair (x, y) matters only when y has no strong pair with an earlier report
    con.execute("""
        CREATE OR REPLACE TEMP TABLE dd_e AS
        SELECT *, NOT strong AND y NOT IN (SELECT y FROM dd_e WHERE strong) AS weighed FROM dd_e
    """)
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE dd_t AS
        SELECT id, exotic, {TOKENS_SQL} AS tokens, {NUMBERS_SQL} AS numbers FROM (
            SELECT id, {EXOTIC_SQL} AS exotic, {words_sql()} AS ws
            FROM dd_w JOIN dd_x USING (rid)
            WHERE id IN (SELECT x FROM dd_e WHERE weighed UNION SELECT y FROM dd_e WHERE weighed))
        """,
        {
            "stop": sorted(STOPWORDS),
            "number_words": list(NUMBER_WORDS),
            "number_values": [str(v) for v in NUMBER_WORDS.values()],
        },
    )
    weak = WEAK_SUPPORT_SQL.format(evidence_min=DEFAULT_PARAMS.evidence_min)
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE dd_e AS
        SELECT e.sid, e.x, e.y,
               e.strong OR (e.weighed AND NOT a.exotic AND NOT b.exotic AND {weak}) AS supported,
               e.weighed AND (a.exotic OR b.exotic) AS unsure
        FROM dd_e e LEFT JOIN dd_t a ON a.id = e.x LEFT JOIN dd_t b ON b.id = e.y
    """)
    con.execute("DROP TABLE dd_t")


def _decide_in_python_and_write(con: Connection) -> int:
    """Cluster the segments SQL left undecided with :func:`casus.dedup.group_reports` (in a
    thread, a bounded chunk of whole segments at a time) while this thread writes the
    clusters SQL decided (DuckDB works without the GIL, so the two share the cores) and reads
    the next chunk; then write the others. Only two chunks are held in Python at once, so its
    memory does not grow with the number of undecided reports. Returns how many clusters
    were written."""
    top = con.execute("SELECT coalesce(max(id), 0) FROM dd_w").fetchone()
    sizes = con.execute(
        "SELECT sid, count(*) FROM dd_w WHERE id NOT IN (SELECT id FROM dd_m) "
        "GROUP BY sid ORDER BY sid"
    ).fetchall()
    con.execute("DELETE FROM clusters WHERE cluster_id IN (SELECT old_cluster FROM dd_w)")
    if not sizes:
        return _write(con, "dd_m")
    chunks: list[list[int]] = _groups([(int(sid), int(n)) for sid, n in sizes], CHUNK_REPORTS)
    ids: list[str] = []
    comps: list[int] = []
    with ThreadPoolExecutor(max_workers=1) as pool:
        grouped = pool.submit(
            _group_rows, _undecided(con, chunks[0]), (int(top[0]) if top else 0) + 1
        )
        written = _write(con, "dd_m")
        for sids in chunks[1:]:
            rows = _undecided(con, sids)  # read while the previous chunk is clustered
            next_comp = _collect(grouped.result(), ids, comps)
            grouped = pool.submit(_group_rows, rows, next_comp)
            del rows
        _collect(grouped.result(), ids, comps)
    con.execute(
        "CREATE OR REPLACE TEMP TABLE dd_py AS SELECT w.id, m.comp FROM (SELECT "
        "unnest($1::VARCHAR[]) AS event_id, unnest($2::BIGINT[]) AS comp) m "
        "JOIN dd_w w USING (event_id)",
        [ids, comps],
    )
    return written + _write(con, "dd_py")


def _collect(result: tuple[list[str], list[int], int], ids: list[str], comps: list[int]) -> int:
    """Add a chunk's event ids and cluster numbers to ``ids`` and ``comps``; returns the next
    free cluster number."""
    ids.extend(result[0])
    comps.extend(result[1])
    return result[2]


def _undecided(con: Connection, sids: list[Any]) -> list[tuple[Any, ...]]:
    """The rows of the reports SQL left undecided in the segments ``sids`` (what dedup.py
    reads), by segment."""
    columns = ", ".join(f"w.{c}" if c in _W_COLUMNS else f"x.{c}" for c in _REPORT_COLUMNS)
    return con.execute(
        f"""
        SELECT w.sid, {columns}, w.pub FROM dd_w w JOIN dd_x x USING (rid)
        WHERE w.sid BETWEEN $1 AND $2 AND w.id NOT IN (SELECT id FROM dd_m) ORDER BY w.sid
    """,
        [sids[0], sids[-1]],
    ).fetchall()


def _group_rows(rows: list[tuple[Any, ...]], next_comp: int) -> tuple[list[str], list[int], int]:
    """Each report's event id and cluster number (from ``next_comp``), clustering chunks of
    whole segments of ``rows`` with dedup.py, and the next free cluster number."""
    ids: list[str] = []
    comps: list[int] = []
    chunk: list[Report] = []
    sid = None
    for row in rows:
        if len(chunk) >= CHUNK_REPORTS and row[0] != sid:  # chunks of whole segments
            next_comp = _cluster_chunk(chunk, next_comp, ids, comps)
            chunk = []
        sid = row[0]
        chunk.append(_report(row[1:]))
    return ids, comps, _cluster_chunk(chunk, next_comp, ids, comps)


def _cluster_chunk(reports: list[Report], next_comp: int, ids: list[str], comps: list[int]) -> int:
    """Cluster some whole segments with dedup.py, adding each report's event id and cluster
    number to ``ids`` and ``comps``; returns the next free cluster number."""
    clusters = group_reports(reports)
    ids.extend(r.event_id for c in clusters for r in c)
    comps.extend(next_comp + n for n, c in enumerate(clusters) for _ in c)
    return next_comp + len(clusters)


def _write(con: Connection, membership: str) -> int:
    """Give the reports of ``membership`` (``id``, ``comp``: a table of the reports of some
    clusters) their clusters, and write the cluster rows; returns how many were written."""
    _cluster_rows(con, membership)
    con.execute(f"""
        UPDATE events SET cluster_id = x.cluster_id
        FROM (SELECT w.rid, c.cluster_id FROM {membership} m JOIN dd_w w USING (id)
              JOIN dd_c c USING (comp) WHERE c.cluster_id IS DISTINCT FROM w.old_cluster) x
        WHERE events.rowid = x.rid
    """)
    symmetric = [c.code for c in load_cameo() if is_symmetric(c.code)]
    con.execute(
        """
        INSERT INTO clusters
        SELECT c.cluster_id, k.dyad, k.event_id, c.n_reports, c.n_articles, c.n_outlets,
               c.first_report, c.date, c.precision, k.source_code, k.source_country,
               k.target_code, k.target_country, list_contains($1::VARCHAR[], k.cameo),
               k.cameo, k.cameo_root, k.cameo_name, k.quad_class, k.goldstein,
               c.historical, k.evidence_text
        FROM dd_c c JOIN dd_x k ON k.rid = c.canonical
    """,
        [symmetric],
    )
    row = con.execute("SELECT count(*) FROM dd_c").fetchone()
    con.execute("DROP TABLE dd_c")
    return int(row[0]) if row else 0


def _cluster_rows(con: Connection, membership: str) -> None:
    """``dd_c``: one row per cluster of ``membership``, with its id, canonical report and best date
    as ``dedup._finish`` chooses them, and its counts."""
    ranks = " ".join(f"WHEN '{p}' THEN {r}" for p, r in PRECISION_RANK.items())
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE dd_c AS
        WITH m AS (
            SELECT w.*, m.comp FROM {membership} m JOIN dd_w w USING (id)
        ), finest AS (
            SELECT comp, id, date, date_precision FROM m WHERE date IS NOT NULL
            QUALIFY (CASE date_precision {ranks} ELSE 5 END,
                     coalesce(date_basis = 'publication', false))
                  = min((CASE date_precision {ranks} ELSE 5 END,
                         coalesce(date_basis = 'publication', false)))
                        OVER (PARTITION BY comp)
        ), days AS (
            SELECT comp, date, count(*) AS n FROM finest GROUP BY comp, date
        ), best AS (
            SELECT d.comp, d.date, p.precision FROM days d
            JOIN (SELECT comp, arg_min(date_precision, id) AS precision FROM finest
                  GROUP BY comp) p USING (comp)
            QUALIFY row_number() OVER (PARTITION BY d.comp ORDER BY d.n DESC, d.date) = 1
        )
        SELECT left(sha1('cluster' || chr(31) || arg_min(m.event_id, m.id)), 16) AS cluster_id,
               m.comp, arg_min(m.rid, (-m.confidence, m.published, m.article_id,
                                   m.sentence_index, m.id)) AS canonical, count(*) AS n_reports,
               count(DISTINCT m.article_id) AS n_articles,
               count(DISTINCT coalesce(m.outlet, 'article:' || m.article_id)) AS n_outlets,
               min(m.pub) AS first_report, bool_and(m.historical) AS historical,
               any_value(b.date) AS date, coalesce(any_value(b.precision), 'unknown') AS precision
        FROM m LEFT JOIN best b USING (comp) GROUP BY m.comp
    """)


# What clustering reads of a report (dedup.py): the id's parts, the actors' keys and spans,
# the code, the date, the place, the evidence and the confidence (from dd_w, else dd_x). The
# rest of the event is not read: the cluster rows are built in SQL from the membership.
_REPORT_COLUMNS = (
    "article_id",
    "sentence_index",
    "evidence_text",
    "evidence_start",
    "evidence_end",
    "source_code",
    "source_country",
    "source_text",
    "source_start",
    "source_end",
    "target_code",
    "target_country",
    "target_text",
    "target_start",
    "target_end",
    "cameo",
    "trigger_start",
    "date",
    "date_precision",
    "date_basis",
    "date_text",
    "historical",
    "location_name",
    "location_precision",
    "location_start",
    "confidence",
    "outlet",
    "event_id",
)
_W_COLUMNS = frozenset(
    {
        "article_id",
        "sentence_index",
        "cameo",
        "date",
        "date_precision",
        "date_basis",
        "historical",
        "confidence",
        "outlet",
        "event_id",
    }
)


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

"""The windows of a daily re-cluster: which reports of the pending partitions can share a
segment with what an ingest touched, read without reading the partitions' history.

Per partition and code group, a window starts as the span of the pending periods and grows
until it covers every report whose period comes within the slack of it, every report of a
pending article, and every report of an article whose undated report lies in it; a segment
that reaches the window then lies wholly inside it. The windows grow over *candidates* read
from ``events`` in a few scans for all the partitions of a group at once (docs/dedup.md).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from casus.store.cluster_sql import FIRST_SQL, LAST_SQL, LOOKBACK, SLACK, group_sql
from casus.store.db import Connection

SCAN_MARGIN = 31  # days read beyond the windows, so that a window can grow without a new scan
# days after its date that a report's period can end: a decade's, else at most a month's
LONGEST = 3660
_IN_KEYS = "IN (SELECT unnest($keys::VARCHAR[]))"


def scope_windows(con: Connection, keys: list[str]) -> bool:
    """``dd_rids``: the rows of the partitions' reports that can share a segment with a
    pending entry, so that a daily run reads the days around it, not the history. Per
    partition and code group, a window starts as the pending periods' span and grows, until
    it stops growing, to cover every report whose period comes within the slack of it, every
    report of a pending article, and every report of an article whose undated report is in
    it: a segment reaching the window then lies wholly inside. The windows grow over
    candidates read from ``events`` in two scans (the reports dated near all the windows,
    then every report of their articles and of the pending articles), read again, wider,
    only when a window grows past them. False when the windows do not settle (the caller
    then reads the partitions whole)."""
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE dd_span AS SELECT dedup_key AS key, min(first) AS lo, "
        f"max(last) AS hi FROM pending_clusters WHERE dedup_key {_IN_KEYS} GROUP BY dedup_key",
        {"keys": keys},
    )
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE dd_pa AS SELECT DISTINCT dedup_key AS key, article_id "
        f"FROM pending_clusters WHERE dedup_key {_IN_KEYS} AND article_id IS NOT NULL",
        {"keys": keys},
    )
    # one window per partition and code group (segments never cross code groups), made
    # for the groups the candidates have, from the partition's pending span
    con.execute("CREATE OR REPLACE TEMP TABLE dd_win (key VARCHAR, grp VARCHAR, lo DATE, hi DATE)")
    margin = SCAN_MARGIN
    read: tuple[Any, Any] | None = None
    for _ in range(100):  # a window grows a few times at most; 100 bounds a pathological one
        lo, hi = con.execute(
            "SELECT min(lo) - $1::INT, max(hi) + $1::INT FROM "
            "(SELECT lo, hi FROM dd_win UNION ALL SELECT lo, hi FROM dd_span)",
            [SLACK],
        ).fetchone() or (None, None)
        if read is None or (lo is not None and (read[0] is None or lo < read[0] or hi > read[1])):
            wide = dt.timedelta(days=margin)
            read = (None, None) if lo is None else (lo - wide, hi + wide)
            _candidates(con, keys, *read)
            con.execute("""
                INSERT INTO dd_win SELECT DISTINCT a.key, a.grp, s.lo, s.hi
                FROM dd_all a JOIN dd_span s USING (key)
                WHERE (a.key, a.grp) NOT IN (SELECT (key, grp) FROM dd_win)
            """)
            margin *= 2
        elif not _grow(con):
            con.execute("CREATE OR REPLACE TEMP TABLE dd_rids AS SELECT DISTINCT rid FROM dd_in")
            return True
    return False


def _candidates(con: Connection, keys: list[str], lo: Any, hi: Any) -> None:
    """``dd_all``: the asserted reports of ``keys`` whose period meets ``[lo, hi]``, the
    undated reports of their articles and of the pending articles, and every report of the
    articles of those (scans of ``events`` on narrow columns)."""
    columns = (
        f"e.rowid AS rid, e.dedup_key AS key, ({group_sql()}) AS grp, e.article_id, "
        f"{FIRST_SQL} AS first, {LAST_SQL} AS last"
    )
    # the few reports dated to a year or a decade, or undated, in one scan of the date
    # columns (kept for a wider read); the others by a range of ``date`` alone, which DuckDB
    # checks against each row group's bounds (a store fed day by day: the last ones only)
    con.execute(
        f"""
        CREATE TEMP TABLE IF NOT EXISTS dd_coarse AS
        SELECT {columns} FROM events e JOIN dd_span s ON s.key = e.dedup_key
        WHERE e.asserted AND (e.date IS NULL OR e.date_precision IN ('year', 'decade', 'unknown'))
        """
    )
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE dd_all AS
        SELECT {columns} FROM events e JOIN dd_span s ON s.key = e.dedup_key
        WHERE e.asserted AND e.date BETWEEN $lo::DATE - 31 AND $hi::DATE + {LOOKBACK}
          AND {FIRST_SQL} <= $hi::DATE AND {LAST_SQL} >= $lo::DATE
        UNION
        SELECT * FROM dd_coarse WHERE first <= $hi::DATE AND last >= $lo::DATE
        """,
        {"lo": lo, "hi": hi},
    )
    # undated reports only join reports of their own article: those of the articles read
    # and of the pending articles, then every report of the articles they belong to
    con.execute("""
        INSERT INTO dd_all
        SELECT c.* FROM dd_coarse c
        JOIN (SELECT article_id FROM dd_all UNION SELECT article_id FROM dd_pa) USING (article_id)
        WHERE c.first IS NULL
    """)
    undated = con.execute("SELECT count(*) FROM dd_all WHERE first IS NULL").fetchone()
    if undated and undated[0]:
        con.execute(
            f"""
            INSERT INTO dd_all
            SELECT {columns} FROM events e
            JOIN (SELECT DISTINCT article_id FROM dd_all WHERE first IS NULL) USING (article_id)
            WHERE e.asserted AND e.dedup_key {_IN_KEYS}
              AND e.rowid NOT IN (SELECT rid FROM dd_all)
            """,
            {"keys": keys},
        )


def _grow(con: Connection) -> bool:
    """``dd_in``: the reports of ``dd_all`` that ``dd_win`` reaches; widen ``dd_win`` to them.
    Whether it grew."""
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE dd_in AS
        WITH e AS (SELECT * FROM dd_all), near AS (
            SELECT e.* FROM e JOIN dd_win w USING (key, grp)
            LEFT JOIN dd_pa p USING (key, article_id)
            WHERE p.article_id IS NOT NULL
               OR (e.first <= w.hi + {SLACK} AND e.last >= w.lo - {SLACK})
        ), linked AS (
            SELECT DISTINCT key, grp, article_id FROM near
            JOIN (SELECT DISTINCT key, grp, article_id FROM e WHERE first IS NULL) u
                USING (key, grp, article_id)
        )
        SELECT rid, key, grp, first, last FROM near
        UNION SELECT e.rid, e.key, e.grp, e.first, e.last FROM e
        JOIN linked USING (key, grp, article_id)
        """
    )
    grown = con.execute("""
        UPDATE dd_win SET lo = least(dd_win.lo, g.lo), hi = greatest(dd_win.hi, g.hi)
        FROM (SELECT key, grp, min(first) AS lo, max(last) AS hi FROM dd_in GROUP BY ALL) g
        WHERE dd_win.key = g.key AND dd_win.grp = g.grp
          AND ((dd_win.lo IS NULL AND g.lo IS NOT NULL) OR g.lo < dd_win.lo
               OR g.hi > dd_win.hi)
    """).fetchone()
    return bool(grown and grown[0])

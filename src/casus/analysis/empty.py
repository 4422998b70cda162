"""Why a query found nothing, in one sentence: an empty store, a dyad the store has never seen,
events filtered out by the date range, or only historical (background) events.

    rows = timeline(store, "AZE", "IRN", since="2024-01-01")
    if not rows:
        print(why_no_dyad_events(store, "AZE", "IRN", since="2024-01-01"))
"""

from __future__ import annotations

import datetime as dt

from casus.analysis.queries import date_range, dyad_filter
from casus.store.db import Store


def why_no_dyad_events(
    store: Store,
    a: str,
    b: str,
    *,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    include_historical: bool = False,
) -> str:
    """Why ``timeline``/``dyad_series`` of ``a`` and ``b`` (codes) came back empty."""
    if store.counts()["clusters"] == 0:
        return f"the store {store.path} is empty: run `casus ingest FILES --db {store.path}`"
    where, params = dyad_filter(a, b)
    rows = store.query(
        f"""SELECT count(*), count(*) FILTER (WHERE historical), count(date), min(date),
                   max(date)
            FROM clusters WHERE {where}""",
        params,
    )
    total, historical, dated, first, last = rows[0]
    pair = f"{a}–{b}"
    if total == 0:
        return f"no events between {pair} in the store (either direction)"
    if total == historical and not include_historical:
        return f"the {total} {pair} event(s) are all historical: add --historical"
    start, end = date_range(since, until)
    if (start or end) and dated:
        span = f"{first} .. {last}"
        return f"the {pair} events ({span}) are all filtered out by --since/--until"
    if dated == 0:
        return f"the {total} {pair} event(s) have no known date, so no period can count them"
    return f"no {pair} events match these options"


def why_no_alerts(store: Store, *, as_of: str | dt.date | None = None) -> str:
    """Why ``alerts`` came back empty."""
    if store.counts()["clusters"] == 0:
        return f"the store {store.path} is empty: run `casus ingest FILES --db {store.path}`"
    rows = store.query(
        """SELECT count(*), max(date) FROM clusters
           WHERE NOT historical AND quad_class IN (3, 4) AND date IS NOT NULL"""
    )
    conflicts, latest = rows[0]
    if conflicts == 0:
        return "no dated, non-historical conflict events (QuadClass 3-4) in the store"
    end = as_of or latest
    return (
        f"no dyad's conflict intensity in the window ending {end} stands out from its "
        "baseline (lower --z or --min-count to see weaker signals)"
    )

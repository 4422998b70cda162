"""Store benchmark: query times over >= 1M synthetic events, and ingest rate through the real
pipeline.

    .venv/bin/python benchmarks/bench_store.py [--events 1000000] [--articles 50]

1. Builds a store of synthetic events in bulk with DuckDB SQL (not through the NLP pipeline):
   bench_scale.build_store's real-shaped reports, one cluster per 1.6 reports.
2. Times ``dyad_series`` (weekly and monthly), ``timeline`` and ``alerts`` on it: the first
   call (opening the file) and the median of five warm calls.
3. Codes and stores ~50 generated news-like articles with the real pipeline and reports
   articles/s (model loading excluded) and the time of a second, idempotent run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench_scale import build_store

from casus.analysis import alerts, dyad_series, timeline
from casus.model import Article
from casus.store import Store, ingest

REPORTS_PER_EVENT = 1.6


def build_synthetic(path: Path, n_events: int) -> Store:
    """A store with ``n_events`` real-shaped reports (bench_scale.build_store) and one cluster
    per 1.6 reports, written directly (the clustering itself is timed by bench_scale.py)."""
    store = build_store(path, n_events)
    with store.transaction() as con:
        con.execute(f"""
            INSERT INTO clusters
            SELECT 'c' || event_id, dyad, event_id, 2, 2, 2, date, date, 'day', source_code,
                   source_country, target_code, target_country, false, cameo, cameo_root,
                   cameo_name, quad_class, goldstein, false, evidence_text
            FROM events WHERE hash(event_id) % 16 < {int(16 / REPORTS_PER_EVENT)}""")
        con.execute("""
            INSERT INTO actors
            SELECT code, code, [], min(date), max(date), count(*) FROM (
                SELECT source_country AS code, date FROM events
                UNION ALL SELECT target_country, date FROM events)
            GROUP BY code""")
    return store


def timed(func: Callable[[], Any], repeat: int = 5) -> tuple[float, float, Any]:
    """(first call seconds, median of ``repeat`` further calls, last result)."""
    start = time.perf_counter()
    result = func()
    first = time.perf_counter() - start
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = func()
        runs.append(time.perf_counter() - start)
    return first, statistics.median(runs), result


SENTENCES = (
    "{a} expelled {n} {b_adj} diplomats on {day}.",
    "{a} condemned {b} on {day} over the border incident.",
    "{a} and {b} signed a trade agreement on {day}.",
    "The foreign minister of {a} met his counterpart from {b} on {day}.",
    "{a} accused {b} of supporting rebels near the border.",
    "{a} imposed new sanctions on {b} on {day}.",
    "Troops from {a} shelled positions in {b} on {day}.",
    "{a} promised humanitarian aid to {b}.",
)
NAMES = (
    ("Azerbaijan", "Azerbaijani"),
    ("Iran", "Iranian"),
    ("Turkey", "Turkish"),
    ("Russia", "Russian"),
    ("Ukraine", "Ukrainian"),
    ("France", "French"),
    ("Germany", "German"),
    ("Egypt", "Egyptian"),
    ("Israel", "Israeli"),
    ("India", "Indian"),
)


def news_articles(n: int, seed: int = 6) -> list[Article]:
    """``n`` generated news-like articles of four to six sentences."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        lines = []
        for _ in range(rng.randint(4, 6)):
            (a, _), (b, b_adj) = rng.sample(NAMES, 2)
            lines.append(
                rng.choice(SENTENCES).format(
                    a=a,
                    b=b,
                    b_adj=b_adj,
                    n=rng.randint(2, 9),
                    day=rng.choice(["Monday", "Tuesday", "Thursday", "Friday"]),
                )
            )
        out.append(
            Article(
                " ".join(lines),
                id=f"bench-{i}",
                outlet=f"Outlet {i % 7}",
                published=dt.date(2023, 1, 2) + dt.timedelta(days=rng.randint(0, 360)),
            )
        )
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--articles", type=int, default=50)
    args = parser.parse_args(argv)
    rows: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        store = build_synthetic(Path(tmp) / "big.duckdb", args.events)
        counts = store.counts()
        rows.append(
            (
                f"build store: {counts['events']:,} events, {counts['clusters']:,} "
                "clusters (bulk SQL)",
                f"{time.perf_counter() - start:.1f} s",
            )
        )
        for label, func in (
            ("dyad_series AZE IRN, weekly", lambda: dyad_series(store, "AZE", "IRN", "week")),
            ("dyad_series AZE IRN, monthly", lambda: dyad_series(store, "AZE", "IRN", "month")),
            (
                "timeline AZE IRN, one year",
                lambda: timeline(store, "AZE", "IRN", "2020-01-01", "2020-12-31"),
            ),
            ("alerts, 30-day window", lambda: alerts(store, window_days=30)),
        ):
            first, warm, result = timed(func)
            rows.append(
                (
                    f"{label} ({len(result)} rows): first / warm median",
                    f"{first * 1000:.0f} / {warm * 1000:.0f} ms",
                )
            )
        rows.extend(bench_ingest(Path(tmp) / "news.duckdb", args.articles))
    width = max(len(label) for label, _ in rows)
    print(f"{'measure':<{width}}  result")
    print(f"{'-' * width}  {'-' * 14}")
    for label, value in rows:
        print(f"{label:<{width}}  {value}")


def bench_ingest(path: Path, n: int) -> list[tuple[str, str]]:
    import casus

    start = time.perf_counter()
    coder = casus.load()
    loaded = time.perf_counter() - start
    articles = news_articles(n)
    store = Store.open(path)
    stats = ingest(store, coder, articles, batch_size=16)
    again = ingest(store, coder, articles, batch_size=16)
    return [
        ("load model and tables", f"{loaded:.1f} s"),
        (
            f"ingest {n} articles ({stats.events} events, {stats.clusters} clusters)",
            f"{n / stats.seconds:.1f} articles/s",
        ),
        (f"re-ingest the same {n} articles (all skipped)", f"{again.seconds * 1000:.0f} ms"),
    ]


if __name__ == "__main__":
    main(sys.argv[1:])

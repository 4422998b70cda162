"""Store benchmark: query times over >= 1M synthetic events, and ingest rate through the real
pipeline.

    .venv/bin/python benchmarks/bench_store.py [--events 1000000] [--articles 50]

1. Builds a store of synthetic events in bulk with DuckDB SQL (not through the NLP pipeline):
   bench_scale.build_store's real-shaped reports, one cluster per 1.6 reports.
2. Times ``dyad_series`` (weekly and monthly), ``timeline`` and ``alerts`` on it: the first
   call (opening the file) and the median of five warm calls.
3. Codes and stores ~50 generated news-like articles with the real pipeline and reports
   articles/s (model loading excluded) and the time of a second, idempotent run.
4. De-duplication on a store without clusters (bench_scale.build_store): a full re-cluster
   and a daily one (every report dated the last day marked pending), each in a fresh
   process: reports/s (wall and per CPU-second) and the process's peak memory. With
   ``--baseline-src DIR`` (another checkout's ``src``, e.g. the main branch's) the same is
   measured with that code on a copy of the same store, in the same run, and the ratios
   are printed.

    .venv/bin/python benchmarks/bench_store.py --only dedup --baseline-src ../main/src

With ``--stores DIR`` the generated stores are kept in DIR (about 95 MB per million reports)
and reused by later runs with the same sizes (the 10M build takes minutes); each run works on
a copy.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import shutil
import statistics
import subprocess
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


# Run in a fresh process (its own peak memory) with the casus of sys.argv[2]: a full
# re-cluster, then a daily one (the reports dated the last day marked pending).
_DEDUP_CHILD = """
import json, resource, sys, time
sys.path.insert(0, sys.argv[2])
from casus.store import Store, refresh_clusters
from casus.store.clusters import mark_pending
store = Store.open(sys.argv[1])
def timed(**kw):
    start, cpu = time.perf_counter(), time.process_time()
    n = refresh_clusters(store, **kw)
    return {"clusters": n, "wall": time.perf_counter() - start, "cpu": time.process_time() - cpu}
full = timed(everything=True)
with store.transaction() as con:
    day = con.execute("SELECT max(date) FROM events").fetchone()[0]
    mark_pending(con, "date = ?", [day])
    pending = con.execute("SELECT count(*) FROM pending_clusters").fetchone()[0]
daily = timed()
daily["pending"] = pending
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"full": full, "daily": daily, "peak_mb": peak}))
"""


def measure_dedup(path: Path, src: Path) -> dict[str, Any]:
    """Full and daily re-clustering of the store at ``path`` with the casus in ``src``."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    done = subprocess.run(
        [sys.executable, "-c", _DEDUP_CHILD, str(path), str(src)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def bench_dedup(
    tmp: Path,
    sizes: list[int],
    baseline: Path | None,
    per_day: int | None,
    stores: Path | None = None,
) -> list[tuple[str, str]]:
    """Rows for the re-clustering of stores of each size, with this casus and the baseline's
    (on a copy of the same store, in the same run). With ``per_day``, each store has that
    many reports a day (its history grows with its size, as an archive does), so the daily
    re-cluster of its last day has the same work at every size."""
    rows: list[tuple[str, str]] = []
    daily: dict[int, float] = {}
    for n_events in sizes:
        days = 3650 if per_day is None else max(1, n_events // per_day)
        runs = _dedup_runs(tmp, n_events, days, baseline, stores)
        daily[n_events] = runs["this"]["daily"]["wall"]
        rows.extend(_dedup_rows(runs, n_events, days))
    if len(sizes) > 1:
        small, large = min(sizes), max(sizes)
        rows.append(
            (
                f"dedup: daily re-cluster at {large:,} / at {small:,} reports",
                f"{daily[large] / daily[small]:.2f}x ({daily[large]:.2f} / {daily[small]:.2f} s)",
            )
        )
    return rows


def _dedup_runs(
    tmp: Path, n_events: int, days: int, baseline: Path | None, stores: Path | None
) -> dict[str, dict[str, Any]]:
    path = tmp / f"dedup-{n_events}.duckdb"
    kept = None if stores is None else stores / f"dedup-{n_events}-{days}d.duckdb"
    if kept is not None and kept.exists():
        shutil.copy(kept, path)  # built by an earlier run: the same store, without its build
    else:
        build_store(path, n_events, days=days)
        if kept is not None:
            shutil.copy(path, kept)
    sources = [("this", Path(__file__).resolve().parent.parent / "src")]
    if baseline is not None:
        shutil.copy(path, tmp / "dedup-baseline.duckdb")
        sources.append(("baseline", baseline))
    runs = {}
    for label, src in sources:
        target = path if label == "this" else tmp / "dedup-baseline.duckdb"
        runs[label] = measure_dedup(target, src)
        target.unlink()
    return runs


def _dedup_rows(runs: dict[str, dict[str, Any]], n_events: int, days: int) -> list[tuple[str, str]]:
    rows = []
    for label, run in runs.items():
        full, daily = run["full"], run["daily"]
        rows.append(
            (
                f"dedup ({label}): full re-cluster, {n_events:,} reports over {days:,} days, "
                f"{full['clusters']:,} clusters",
                f"{full['wall']:.1f} s wall ({n_events / full['wall']:,.0f} reports/s), "
                f"{full['cpu']:.1f} CPU-s; peak {run['peak_mb']:,.0f} MB",
            )
        )
        rows.append(
            (
                f"dedup ({label}): daily re-cluster, {daily['pending']:,} pending reports "
                f"in {n_events:,}",
                f"{daily['wall']:.2f} s wall, {daily['cpu']:.2f} CPU-s",
            )
        )
    if "baseline" in runs:
        new, old = runs["this"], runs["baseline"]
        rows.append(
            (
                "dedup: this / baseline (full wall, full CPU, daily wall, peak memory)",
                f"{old['full']['wall'] / new['full']['wall']:.2f}x, "
                f"{old['full']['cpu'] / new['full']['cpu']:.2f}x, "
                f"{old['daily']['wall'] / new['daily']['wall']:.2f}x, "
                f"{new['peak_mb'] / old['peak_mb']:.2f}",
            )
        )
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--events", type=int, nargs="+", default=[1_000_000], help="store sizes (reports)"
    )
    parser.add_argument(
        "--per-day",
        type=int,
        default=None,
        help="reports a day (dedup; default: ten years at every size)",
    )
    parser.add_argument(
        "--stores",
        type=Path,
        default=None,
        help="dedup: keep the generated stores in this directory and reuse them in later runs",
    )
    parser.add_argument("--articles", type=int, default=50)
    parser.add_argument("--only", choices=("queries", "dedup"), default=None)
    parser.add_argument(
        "--baseline-src", type=Path, default=None, help="another casus src/ to compare dedup with"
    )
    args = parser.parse_args(argv)
    rows: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        if args.only != "queries":
            rows.extend(
                bench_dedup(Path(tmp), args.events, args.baseline_src, args.per_day, args.stores)
            )
        if args.only != "dedup":
            rows.extend(bench_queries(Path(tmp), args.events[0], args.articles))
    _print(rows)


def bench_queries(tmp: Path, n_events: int, n_articles: int) -> list[tuple[str, str]]:
    """Query times on a synthetic store and the ingest rate through the real pipeline."""
    rows: list[tuple[str, str]] = []
    start = time.perf_counter()
    store = build_synthetic(tmp / "big.duckdb", n_events)
    counts = store.counts()
    rows.append(
        (
            f"build store: {counts['events']:,} events, {counts['clusters']:,} clusters (bulk SQL)",
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
    rows.extend(bench_ingest(tmp / "news.duckdb", n_articles))
    return rows


def _print(rows: list[tuple[str, str]]) -> None:
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

"""Store benchmark: query times over >= 1M synthetic events, and ingest rate through the real
pipeline.

    .venv/bin/python benchmarks/bench_store.py [--events 1000000] [--articles 50]

1. Builds a store of synthetic events in bulk with DuckDB SQL (not through the NLP pipeline):
   60 countries, all CAMEO codes, dates over ten years, 1.6 reports per event on average.
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

from casus.analysis import alerts, dyad_series, timeline
from casus.model import Article
from casus.ontology.cameo import load_cameo
from casus.store import Store, ingest

COUNTRIES = (
    "AZE",
    "IRN",
    "ARM",
    "TUR",
    "RUS",
    "UKR",
    "GEO",
    "USA",
    "CHN",
    "FRA",
    "DEU",
    "GBR",
    "ISR",
    "PSE",
    "EGY",
    "SAU",
    "SYR",
    "IRQ",
    "JOR",
    "LBN",
    "IND",
    "PAK",
    "AFG",
    "BGD",
    "JPN",
    "KOR",
    "PRK",
    "TWN",
    "VNM",
    "PHL",
    "IDN",
    "MYS",
    "THA",
    "MMR",
    "SDN",
    "SSD",
    "ETH",
    "ERI",
    "SOM",
    "KEN",
    "NGA",
    "NER",
    "MLI",
    "BFA",
    "TCD",
    "LBY",
    "TUN",
    "DZA",
    "MAR",
    "SRB",
    "XKX",
    "BIH",
    "HRV",
    "HUN",
    "POL",
    "BLR",
    "LTU",
    "LVA",
    "EST",
)
REPORTS_PER_EVENT = 1.6


def build_synthetic(path: Path, n_events: int) -> Store:
    """A store with ``n_events`` event rows (reports) grouped into clusters, via SQL."""
    store = Store.open(path)
    codes = [c for c in load_cameo() if len(c.code) == 3]
    n_clusters = int(n_events / REPORTS_PER_EVENT)
    countries = "[" + ", ".join(f"'{c}'" for c in COUNTRIES) + "]"
    code_rows = ", ".join(
        f"({i}, '{c.code}', {c.quad_class}, {c.goldstein}, "
        f"'{c.name.replace(chr(39), chr(39) * 2)}', {str(c.symmetric).lower()})"
        for i, c in enumerate(codes)
    )
    with store.transaction() as con:
        con.execute(
            f"CREATE TEMP TABLE codes(idx INT, cameo VARCHAR, quad INT, gold DOUBLE, "
            f"name VARCHAR, sym BOOLEAN); INSERT INTO codes VALUES {code_rows}"
        )
        con.execute(f"""
            CREATE TEMP TABLE base AS
            SELECT i, {countries}[1 + (hash(i) % {len(COUNTRIES)})::INT] AS src,
                   {countries}[1 + (hash(i * 7 + 1) % {len(COUNTRIES)})::INT] AS tgt,
                   (hash(i * 3 + 2) % {len(codes)})::INT AS idx,
                   DATE '2015-01-01' + (hash(i * 13 + 5) % 3650)::INT AS day
            FROM range({n_clusters}) r(i)""")
        con.execute("""
            INSERT INTO clusters
            SELECT 'c' || i, least(src, tgt) || '|' || greatest(src, tgt), 'e' || i, 2, 2, 2,
                   day, day, 'day', src, src, tgt, tgt, sym, cameo, cameo[:2], name, quad, gold,
                   false, src || ' did ' || name || ' to ' || tgt
            FROM base JOIN codes USING (idx)""")
        con.execute(f"""
            INSERT INTO events
            SELECT 'e' || j, 'a' || (j // 4), 0, day, 'day', 'stated', false, src, src, tgt, tgt,
                   least(src, tgt) || '|' || greatest(src, tgt), cameo, cameo[:2], quad, gold,
                   NULL, false, false, false, false, true, NULL, 'Outlet ' || (j % 40), NULL,
                   0.8, 'bench', 'bench', 'c' || i,
                   json_object('event_id', 'e' || j, 'cameo', cameo, 'evidence',
                               json_object('text', src || ' did ' || name || ' to ' || tgt))
            FROM (SELECT j, j % {n_clusters} AS i FROM range({n_events}) r(j))
            JOIN base USING (i) JOIN codes USING (idx)""")
        con.execute("""
            INSERT INTO actors
            SELECT code, code, [], min(day), max(day), count(*) FROM (
                SELECT src AS code, day FROM base UNION ALL SELECT tgt, day FROM base)
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

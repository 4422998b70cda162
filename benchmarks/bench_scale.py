"""Scale benchmarks: workers, Ray, a projected GDELT day, dedup, store size, export memory.

    .venv/bin/python benchmarks/bench_scale.py                  # everything, a few minutes
    .venv/bin/python benchmarks/bench_scale.py --only store     # dedup/store/export only
    .venv/bin/python benchmarks/bench_scale.py build-store 1000000 /tmp/big.duckdb

Ratios come from one run, so a busy machine slows both sides alike; absolute figures are
noisy on a shared machine. The generated store has real-shaped events (every column filled as
the pipeline fills it: actors with texts and roles, a trigger, an evidence sentence, dates of
mixed precision) in 1.6 reports per real event, over 60 countries and ten years.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench_code import sentence

from casus.model import Article
from casus.ontology.cameo import load_cameo
from casus.store import Store
from casus.store.schema import EVENT_COLUMNS

HERE = Path(__file__).parent
COUNTRIES = tuple(
    [
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
        "FIN",
    ]
)
REPORTS_PER_EVENT = 1.6
BUILD_MEMORY = "2GB"


def build_store(path: Path, n_events: int, *, days: int = 3650) -> Store:
    """A store of ``n_events`` real-shaped reports (bulk SQL, not the NLP pipeline) over
    ``days`` days (ten years), stored in date order, as in a store fed day by day."""
    store = Store.open(path)
    codes = [c for c in load_cameo() if len(c.code) == 3]
    n_real = int(n_events / REPORTS_PER_EVENT)
    countries = "[" + ", ".join(f"'{c}'" for c in COUNTRIES) + "]"
    code_rows = ", ".join(
        f"({i}, '{c.code}', {c.quad_class}, {c.goldstein}, '{c.name.replace(chr(39), '')}')"
        for i, c in enumerate(codes)
    )
    values = {
        "event_id": "'e' || j",
        "article_id": "'a' || (j // 5)",
        "sentence_index": "(j % 5)::INT",
        "date": "day",
        "date_precision": "CASE WHEN j % 10 = 0 THEN 'week' ELSE 'day' END",
        "date_basis": "CASE WHEN j % 7 = 0 THEN 'publication' ELSE 'stated' END",
        "date_text": "CASE WHEN j % 7 = 0 THEN NULL ELSE 'on Tuesday' END",
        "date_note": "NULL",
        "date_reference": "NULL",
        "historical": "false",
        "source_code": "src || 'GOV'",
        "source_country": "src",
        "source_roles": "['GOV']",
        "source_text": "'the government of ' || src",
        "source_start": "0",
        "source_end": "22",
        "source_how": "'dictionary'",
        "target_code": "tgt",
        "target_country": "tgt",
        "target_roles": "[]::VARCHAR[]",
        "target_text": "'neighbouring ' || tgt",
        "target_start": "40",
        "target_end": "56",
        "target_how": "'dictionary'",
        "cameo": "cameo",
        "cameo_root": "cameo[:2]",
        "cameo_name": "name",
        "quad_class": "quad",
        "goldstein": "gold",
        "plover": "NULL",
        "plover_mode": "NULL",
        "trigger_text": "split_part(name, ' ', 1)",
        "trigger_start": "23",
        "trigger_end": "30",
        "evidence_text": "'The government of ' || src || ' said on Tuesday it would ' "
        "|| lower(name) || ' with neighbouring ' || tgt "
        "|| ' after talks in the capital, officials said.'",
        "evidence_start": "0",
        "evidence_end": "120",
        "negated": "false",
        "hypothetical": "false",
        "future": "false",
        "reported": "j % 3 = 0",
        "asserted": "true",
        "speaker_code": "NULL",
        "speaker_country": "NULL",
        "speaker_roles": "NULL",
        "speaker_text": "NULL",
        "speaker_start": "NULL",
        "speaker_end": "NULL",
        "speaker_how": "NULL",
        "outlet": "'Outlet ' || (j % 40)",
        "attribution_verb": "NULL",
        "quote_start": "NULL",
        "quote_end": "NULL",
        "location_name": "CASE WHEN j % 4 = 0 THEN 'Capital of ' || tgt END",
        "location_country": "CASE WHEN j % 4 = 0 THEN tgt END",
        "location_lat": "CASE WHEN j % 4 = 0 THEN 40.4 END",
        "location_lon": "CASE WHEN j % 4 = 0 THEN 49.8 END",
        "location_precision": "CASE WHEN j % 4 = 0 THEN 'country' END",
        "location_text": "CASE WHEN j % 4 = 0 THEN tgt END",
        "location_start": "CASE WHEN j % 4 = 0 THEN 90 END",
        "location_end": "CASE WHEN j % 4 = 0 THEN 95 END",
        "location_basis": "CASE WHEN j % 4 = 0 THEN 'sentence' END",
        "location_geonameid": "NULL",
        "location_admin1": "NULL",
        "location_feature_code": "NULL",
        "confidence": "0.55 + (j % 4) / 10",
        "pattern": "'lexicon/conflict.tsv:' || (j % 900)",
        "dyad": "least(src, tgt) || '|' || greatest(src, tgt)",
        "dedup_key": "least(src, tgt) || '|' || greatest(src, tgt)",
        "casus_version": "'bench'",
        "lexicon_version": "'bench'",
        "cluster_id": "NULL",
    }
    select = ", ".join(values[c] for c in EVENT_COLUMNS)
    with store.transaction() as con:
        con.execute(f"SET memory_limit = '{BUILD_MEMORY}'")  # the 10M build on a shared machine
        con.execute(
            "CREATE TEMP TABLE codes(idx INT, cameo VARCHAR, quad INT, gold DOUBLE, name VARCHAR);"
            f"INSERT INTO codes VALUES {code_rows}"
        )
        con.execute(f"""
            CREATE TEMP TABLE base AS
            SELECT i, {countries}[1 + (hash(i) % {len(COUNTRIES)})::INT] AS src,
                   {countries}[1 + (hash(i * 7 + 1) % {len(COUNTRIES)})::INT] AS tgt,
                   (hash(i * 3 + 2) % {len(codes)})::INT AS idx,
                   DATE '2015-01-01' + (hash(i * 13 + 5) % {days})::INT AS day
            FROM range({n_real}) r(i)""")
        con.execute(f"""
            INSERT INTO events ({", ".join(EVENT_COLUMNS)}) SELECT {select}
            FROM (SELECT j, hash(j) % {n_real} AS i FROM range({n_events}) r(j))
            JOIN base USING (i) JOIN codes USING (idx)
            ORDER BY day, j""")
    return store


def peak_mb() -> float:
    """Peak resident memory of this process, MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


_CHILD = """
import json, sys, time
from pathlib import Path
from casus.store import Store, refresh_clusters
from casus.analysis.export import write_export
path, what = sys.argv[1], sys.argv[2]
start, cpu = time.perf_counter(), time.process_time()
if what == "recluster":
    n = refresh_clusters(Store.open(path), everything=True)
else:
    n = write_export(Store.open(path), what, Path(path + "." + what), include_all=True)
from casus.batch.local import peak_mb
print(json.dumps({"n": n, "wall": time.perf_counter() - start, "cpu": time.process_time() - cpu,
                  "peak_mb": peak_mb()}))
"""


def measured(path: Path, what: str) -> dict[str, float]:
    """Run a re-cluster or an export in a fresh process: its count, wall and CPU seconds and
    its own peak memory (a child's, so the benchmark's own memory does not count)."""
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path), what],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def bench_store(n_events: int, rows: list[tuple[str, str]]) -> None:
    """Dedup rate, store bytes per event, export and re-cluster peak memory."""

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.duckdb"
        start = time.perf_counter()
        store = build_store(path, n_events)
        rows.append((f"build store ({n_events:,} reports, bulk SQL)", _secs(start)))
        del store  # the child process opens the file
        run = measured(path, "recluster")
        store = Store.open(path)
        rate, cpu_rate = n_events / run["wall"], n_events / run["cpu"]
        rows.append(
            (
                f"full re-cluster: {run['n']:,.0f} clusters",
                f"{rate:,.0f} reports/s wall ({run['wall']:.1f} s), {cpu_rate:,.0f} per "
                f"CPU-second; peak {run['peak_mb']:,.0f} MB",
            )
        )
        rows.append(
            (
                "full re-cluster of 10M, projected (wall / CPU)",
                f"{1e7 / rate / 60:.1f} / {1e7 / cpu_rate / 60:.1f} min",
            )
        )
        with store.transaction() as con:
            con.execute("CHECKPOINT")
        size = path.stat().st_size
        rows.append(("store bytes per event (events + clusters)", f"{size / n_events:,.0f}"))
        day = _one_day(store)
        rows.append(_incremental(store, day))
        del store
        for fmt in ("parquet", "csv"):
            run = measured(path, fmt)
            size = Path(f"{path}.{fmt}").stat().st_size / 1e6
            rows.append(
                (
                    f"export {fmt} ({run['n']:,.0f} rows, {size:,.0f} MB)",
                    f"{run['wall']:.1f} s; peak {run['peak_mb']:,.0f} MB",
                )
            )


def _one_day(store: Store) -> dt.date:
    row = store.query("SELECT max(date) FROM events")
    return row[0][0]  # type: ignore[no-any-return]


def _incremental(store: Store, day: dt.date) -> tuple[str, str]:
    """A daily ingest's re-cluster: one day's reports across all dyads marked pending."""
    from casus.store import refresh_clusters
    from casus.store.clusters import mark_pending

    with store.transaction() as con:
        mark_pending(con, "date = ?", [day])
        n = con.execute("SELECT count(*) FROM pending_clusters").fetchone()
    start = time.perf_counter()
    refresh_clusters(store)
    took = time.perf_counter() - start
    count = n[0] if n else 0
    return (f"incremental re-cluster of one day ({count} pending reports)", f"{took:.2f} s")


SENTENCES_PER_ARTICLE = 25
GDELT_ARTICLES = 100_000


def news(n: int, seed: int = 11) -> list[Article]:
    """``n`` news-like articles of 25 sentences (the clauses of bench_code.py)."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        sentences = [sentence(rng) for _ in range(SENTENCES_PER_ARTICLE)]
        out.append(
            Article(
                " ".join(sentences),
                id=f"scale-{seed}-{i}",
                outlet=f"Wire {i % 5}",
                published=dt.date(2023, 4, 9) - dt.timedelta(days=i % 30),
            )
        )
    return out


def _rate(executor: Any, articles: list[Article]) -> float:
    """Articles per second through an executor (after it has warmed up)."""
    start = time.perf_counter()
    n = sum(1 for _ in executor.pipe_results(articles))
    return n / (time.perf_counter() - start)


def bench_code(
    compare: int,
    gdelt: int,
    rows: list[tuple[str, str]],
    *,
    ray: bool,
    compare_ingest: bool = False,
) -> None:
    """casus / bare spaCy, 2 workers / 1, Ray 2 / 1, and a projected GDELT day."""
    from casus.batch.local import LocalExecutor
    from casus.coder import Coder
    from casus.config import Config

    articles = news(compare)
    warm = news(3 * 8 + 1, seed=99)
    coder = Coder()
    list(coder.pipe_results(warm[:2]))
    start, cpu = time.perf_counter(), time.process_time()
    n_sent = sum(len(list(doc.sents)) for doc in coder.nlp.pipe([a.text for a in articles]))
    bare = compare / (time.perf_counter() - start)
    bare_cpu = time.process_time() - cpu
    cpu = time.process_time()
    one = _rate(coder, articles)
    one_cpu = time.process_time() - cpu
    rows.append(
        (f"corpus: {compare} articles, {n_sent:,} sentences", f"{n_sent / compare:.0f}/art")
    )
    rows.append(
        ("casus / bare spaCy, 1 worker (articles/s)", f"{one / bare:.2f} ({one:.1f} / {bare:.1f})")
    )
    rows.append(
        ("the same in CPU seconds", f"{bare_cpu / one_cpu:.3f} ({bare_cpu:.2f} / {one_cpu:.2f} s)")
    )
    children = _children_cpu()
    with LocalExecutor(Config(), workers=2) as pool:
        list(pool.pipe_results(warm))  # start the workers (model load not timed)
        cpu = time.process_time()
        two = _rate(pool, articles)
        driver = (time.process_time() - cpu) * two / compare  # CPU seconds per wall second
        worker_mb = max(pool.worker_peak_mb())
    workers_cpu = _children_cpu() - children - _pool_start_cpu(warm)
    rows.append(("--workers 2 / 1 worker", f"{two / one:.2f}x ({two:.1f} articles/s)"))
    rows.append(("driver CPU during the 2-worker run", f"{driver:.0%} of a core"))
    bound = 2 * one_cpu / workers_cpu  # two workers' speed-up if each had a core to itself
    rows.append(
        (
            "CPU seconds: 1 worker / 2 workers together",
            f"{one_cpu:.1f} / {workers_cpu:.1f} (on 2 free cores at most {bound:.2f}x)",
        )
    )
    rows.append(("peak memory: driver / largest worker", f"{peak_mb():,.0f} / {worker_mb:,.0f} MB"))
    if ray:
        rows.append(_ray_ratio(articles, warm, one))
    if gdelt > 0:
        rows.extend(_gdelt_day(gdelt, compare=compare_ingest))


def _children_cpu() -> float:
    """CPU seconds of this process's ended children (a pool's workers, once it is closed)."""
    t = os.times()
    return t.children_user + t.children_system


def _pool_start_cpu(warm: list[Article]) -> float:
    """CPU seconds two workers spend starting and coding the warm-up articles (subtracted
    from a timed pool's, which leaves what the timed articles cost: independent of the load
    other jobs put on the machine, unlike the wall time)."""
    from casus.batch.local import LocalExecutor
    from casus.config import Config

    before = _children_cpu()
    with LocalExecutor(Config(), workers=2) as pool:
        list(pool.pipe_results(warm))
        pool.worker_peak_mb()
    return _children_cpu() - before


def _ray_ratio(articles: list[Article], warm: list[Article], one: float) -> tuple[str, str]:
    try:
        from casus.batch.ray import RayExecutor
        from casus.config import Config

        with RayExecutor(Config(), workers=2) as executor:
            list(executor.pipe_results(warm))
            rate = _rate(executor, articles)
    except Exception as e:  # a benchmark reports what it could not measure
        return ("Ray, 2 local workers / 1 worker", f"not measured: {e}")
    return ("Ray, 2 local workers / 1 worker", f"{rate / one:.2f}x ({rate:.1f} articles/s)")


def _gdelt_day(n: int, *, compare: bool = False) -> list[tuple[str, str]]:
    """Ingest ``n`` articles with two workers and project 100,000 (linearly: the coding,
    the writes and the daily re-cluster each grow with the articles of the day), with the
    time this process spends outside the coding: writing the batches and re-clustering."""
    from casus.batch.local import LocalExecutor
    from casus.config import Config
    from casus.store import ingest

    ingest_module = importlib.import_module("casus.store.ingest")  # not the function
    spent = {"store_events": 0.0, "refresh_clusters": 0.0, "_plan": 0.0}
    originals = {name: getattr(ingest_module, name) for name in spent}

    def timed(name: str) -> Any:
        def call(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return originals[name](*args, **kwargs)
            finally:
                spent[name] += time.perf_counter() - start

        return call

    articles = news(n, seed=5)
    with tempfile.TemporaryDirectory() as tmp, LocalExecutor(Config(), workers=2) as pool:
        list(pool.pipe_results(news(3 * 8 + 1, seed=98)))
        store = Store.open(Path(tmp) / "day.duckdb")
        for name in spent:
            setattr(ingest_module, name, timed(name))
        try:
            stats = ingest(store, pool, articles)
        finally:
            for name, func in originals.items():
                setattr(ingest_module, name, func)
    rate = n / stats.seconds
    hours = GDELT_ARTICLES / rate / 3600
    rows = _batch_by_batch(articles, rate) if compare else []
    return rows + [
        (
            f"ingest {n:,} articles x 25 sentences, --workers 2",
            f"{rate:.1f} articles/s, {rate * 25:,.0f} sentences/s, {stats.events:,} events",
        ),
        (
            "ingest: this process planning / writing batches / re-clustering",
            f"{spent['_plan']:.1f} / {spent['store_events']:.1f} / "
            f"{spent['refresh_clusters']:.1f} s of {stats.seconds:.1f} s (the writes overlap "
            "the workers' coding)",
        ),
        ("projected GDELT day (100,000 articles), ingest included", f"{hours:.2f} h"),
    ]


class _BatchByBatch:
    """An executor seen without its ``workers``: ingest codes it batch by batch (0.3.0)."""

    def __init__(self, executor: Any) -> None:
        self.cfg, self._executor = executor.cfg, executor

    @property
    def versions(self) -> dict[str, str]:
        return self._executor.versions  # type: ignore[no-any-return]

    def pipe_results(self, articles: Any) -> Any:
        return self._executor.pipe_results(articles)


def _batch_by_batch(articles: list[Article], streamed: float) -> list[tuple[str, str]]:
    """The same ingest, batch by batch (each batch coded, then written), on two workers."""
    from casus.batch.local import LocalExecutor
    from casus.config import Config
    from casus.store import ingest

    with tempfile.TemporaryDirectory() as tmp, LocalExecutor(Config(), workers=2) as pool:
        list(pool.pipe_results(news(3 * 8 + 1, seed=98)))
        stats = ingest(Store.open(Path(tmp) / "day.duckdb"), _BatchByBatch(pool), articles)
    rate = len(articles) / stats.seconds
    return [
        (
            "ingest --workers 2: streamed / batch by batch (0.3.0)",
            f"{streamed / rate:.2f}x ({streamed:.1f} / {rate:.1f} articles/s)",
        )
    ]


def _secs(start: float) -> str:
    return f"{time.perf_counter() - start:.1f} s"


class _Rows(list[tuple[str, str]]):
    """Result rows, each also shown on stderr as it comes (a long run shows progress)."""

    def append(self, row: tuple[str, str]) -> None:
        sys.stderr.write(f"{row[0]}: {row[1]}\n")
        super().append(row)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--only", choices=("store", "code"), default=None)
    parser.add_argument(
        "--articles", type=int, default=2000, help="articles ingested for the GDELT-day projection"
    )
    parser.add_argument(
        "--compare", type=int, default=120, help="articles for the spaCy/worker/Ray ratios"
    )
    parser.add_argument("--no-ray", action="store_true", help="skip the Ray measure")
    parser.add_argument(
        "--compare-ingest",
        action="store_true",
        help="also ingest the articles batch by batch (as 0.3.0 did) and print the ratio",
    )
    args = parser.parse_args(argv)
    rows: list[tuple[str, str]] = _Rows([("machine", f"{os.cpu_count()} cores")])
    if args.only in (None, "store"):
        bench_store(args.events, rows)
    if args.only in (None, "code"):
        bench_code(
            args.compare,
            args.articles,
            rows,
            ray=not args.no_ray,
            compare_ingest=args.compare_ingest,
        )
    width = max(len(label) for label, _ in rows)
    for label, value in rows:
        sys.stdout.write(f"{label:<{width}}  {value}\n")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "build-store":
        build_store(Path(sys.argv[3]), int(sys.argv[2]))
    else:
        main(sys.argv[1:])

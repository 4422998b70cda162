"""HTTP API load test on loopback: requests/s and latency of the events and dyad-series
endpoints over a store of 1M synthetic events.

    .venv/bin/python benchmarks/bench_api.py [--events 1000000] [--requests 300]
                                             [--concurrency 4] [--max-seconds 60]

1. Builds the synthetic store of benchmarks/bench_store.py (SQL, not the NLP pipeline).
2. Starts ``casus serve`` (uvicorn, one process) on 127.0.0.1 at a free port.
3. For each endpoint prepares ``--requests`` requests (random dyads of the 60 countries; for
   events a random page size, and every third request a second page through a cursor fetched
   beforehand, untimed), then sends them from ``--concurrency`` client threads with
   keep-alive, stopping early after ``--max-seconds``.
   Prints requests/s, p50/p95/max latency and the number of errors (non-200 answers).
Bounded in count and time; nothing leaves the machine.
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).parent))
from bench_store import COUNTRIES, build_synthetic  # noqa: E402


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    """``casus serve`` in a child process; returns once it answers /api/health."""
    env = dict(os.environ, CASUS_API_TOKEN="")
    proc = subprocess.Popen(
        [sys.executable, "-m", "casus.cli", "serve", "--db", str(db), "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("the server did not start within 60 s")


def load(
    base: str, paths: list[str], *, concurrency: int, max_seconds: float
) -> tuple[int, int, float, list[float]]:
    """(requests sent, errors, seconds, latencies) for a list of request paths."""
    latencies: list[float] = []
    errors = 0
    todo = list(reversed(paths))
    lock = threading.Lock()
    stop = time.monotonic() + max_seconds

    def worker() -> None:
        nonlocal errors
        with httpx.Client(base_url=base, timeout=30) as client:
            while time.monotonic() < stop:
                with lock:
                    if not todo:
                        return
                    path = todo.pop()
                start = time.perf_counter()
                try:
                    ok = client.get(path).status_code == 200
                except httpx.HTTPError:
                    ok = False
                took = time.perf_counter() - start
                with lock:
                    latencies.append(took)
                    errors += 0 if ok else 1

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return len(latencies), errors, time.perf_counter() - started, latencies


def dyad(rng: random.Random) -> tuple[str, str]:
    a, b = rng.sample(COUNTRIES, 2)
    return a, b


def events_path(rng: random.Random, client: httpx.Client) -> str:
    a, b = dyad(rng)
    path = f"/api/events?a={a}&b={b}&limit={rng.choice((20, 50, 100))}"
    if rng.random() < 1 / 3:  # a second page, through the cursor of the first
        cursor = client.get(path).json().get("next_cursor")
        if cursor:
            path += f"&cursor={cursor}"
    return path


def series_path(rng: random.Random, client: httpx.Client) -> str:
    a, b = dyad(rng)
    return f"/api/dyad-series?a={a}&b={b}&freq={rng.choice(('week', 'month'))}"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--max-seconds", type=float, default=60.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        start = time.perf_counter()
        build_synthetic(db, args.events).close()
        print(f"store: {args.events:,} events built in {time.perf_counter() - start:.1f}s")
        port = free_port()
        server = start_server(db, port)
        try:
            base = f"http://127.0.0.1:{port}"
            print(
                f"{'endpoint':<28}{'requests':>9}{'errors':>8}{'req/s':>8}"
                f"{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}"
            )
            endpoints = (("GET /api/events", events_path), ("GET /api/dyad-series", series_path))
            for name, maker in endpoints:
                rng = random.Random(7)
                with httpx.Client(base_url=base, timeout=30) as client:  # untimed: cursors
                    paths = [maker(rng, client) for _ in range(args.requests)]
                n, errors, seconds, lat = load(
                    base, paths, concurrency=args.concurrency, max_seconds=args.max_seconds
                )
                print(
                    f"{name:<28}{n:>9}{errors:>8}{n / seconds:>8.1f}"
                    f"{statistics.median(lat) * 1000:>9.1f}{percentile(lat, 0.95) * 1000:>9.1f}"
                    f"{max(lat) * 1000:>9.1f}"
                )
        finally:
            server.terminate()
            server.wait(timeout=30)
        print(
            f"(loopback, {args.concurrency} client threads, one uvicorn process, "
            f"{os.cpu_count()} CPUs)"
        )


if __name__ == "__main__":
    main()

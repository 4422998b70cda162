"""Long articles: seconds per sentence as one article grows, and the memory a 10 MB article needs.

    python benchmarks/bench_long.py                      # 10, 100, 1,000, 10,000 sentences + 10 MB
    python benchmarks/bench_long.py --sizes 10,100 --big-mb 0 --repeat 3

For each size N it codes enough articles of N sentences to make about 1,000 sentences (one
article from N = 1,000 up) and prints seconds per sentence. The cost of coding must be linear
in the length of an article, so the column must stay flat: the last line says whether the
slowest size is within 1.5x of the fastest. The 10 MB article is coded in a fresh process,
which prints its peak resident memory (the goal is under 1.5 GB: chunks of one article are
parsed one after another and their parses dropped once coded).
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from pathlib import Path

import casus
from casus.model import Article, parse_iso_date

FLAT_RATIO = 1.5
MEMORY_GOAL_MB = 1536
PUBLISHED = "2023-04-09"
COUNTRIES = ("Azerbaijan", "Iran", "Turkey", "Russia", "Armenia", "Georgia", "Iraq", "Syria")
TEMPLATES = (
    "{a} expelled {n} diplomats from {b} on Friday, the foreign ministry said.",
    "The president of {a} met the prime minister of {b} in the capital on Tuesday.",
    "{b} condemned the decision and summoned the ambassador of {a}.",
    "Officials in {a} said talks with {b} would resume next month.",
    "Troops from {a} shelled positions near the border with {b} overnight.",
    "{a} and {b} signed an agreement on energy cooperation last week.",
    "Protesters gathered outside the embassy of {b} in the capital of {a}.",
    "A spokesman for {b} denied that {a} had been warned about the attack.",
    "The weather was mild and markets were calm across the region.",
    "{a} accused {b} of violating the ceasefire, a claim {b} rejected.",
)


def sentences(count: int, seed: int = 0) -> str:
    """``count`` news-like sentences, five to a paragraph."""
    out: list[str] = []
    for i in range(count):
        k = i + seed
        a, b = COUNTRIES[k % 8], COUNTRIES[(k // 8 + k + 1) % 8]
        if a == b:
            b = "Lebanon"
        out.append(TEMPLATES[k % len(TEMPLATES)].format(a=a, b=b, n=k % 9 + 2))
        out.append("\n\n" if i % 5 == 4 else " ")
    return "".join(out).strip() + "\n"


def time_size(coder: casus.Coder, size: int, total: int = 1000) -> tuple[int, float]:
    """(articles coded, seconds) for articles of ``size`` sentences, about ``total`` in all."""
    n_articles = max(1, total // size)
    articles = [
        Article(text=sentences(size, seed=i * size), published=parse_iso_date(PUBLISHED))
        for i in range(n_articles)
    ]
    start = time.perf_counter()
    for result in coder.pipe_results(articles):
        if result.error:
            raise SystemExit(f"coding failed: {result.error}")
    return n_articles, time.perf_counter() - start


def big_article(megabytes: float) -> None:
    """Code one article of ``megabytes`` MB in this process and print time and peak memory."""
    coder = casus.load()
    chars = int(megabytes * 1_000_000)
    text = sentences(chars // 60)[:chars]  # sentences average about 75 characters
    start = time.perf_counter()
    result = next(coder.pipe_results([Article(text=text, published=parse_iso_date(PUBLISHED))]))
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    status = result.error or f"{len(result.events):,} events"
    print(f"{len(text) / 1e6:.1f} MB article: {seconds:.1f} s, {status}, peak RSS {peak_mb:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", default="10,100,1000,10000", help="sentences per article")
    parser.add_argument("--big-mb", type=float, default=10.0, help="0 skips the big article")
    parser.add_argument(
        "--repeat", type=int, default=1, help="time each size this often, keep the fastest"
    )
    parser.add_argument("--child-big", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_big:
        big_article(args.child_big)
        return
    coder = casus.load()
    time_size(coder, 10, total=50)  # warm up: lazy imports, first-batch allocations
    print(f"{'sentences/article':>18} {'articles':>9} {'seconds':>9} {'ms/sentence':>12}")
    per_sentence: list[float] = []
    for size in (int(s) for s in args.sizes.split(",")):
        runs = [time_size(coder, size) for _ in range(max(1, args.repeat))]
        n_articles, seconds = min(runs, key=lambda run: run[1])
        per_sentence.append(seconds / (n_articles * size))
        print(f"{size:>18,} {n_articles:>9} {seconds:>9.2f} {per_sentence[-1] * 1000:>12.2f}")
    ratio = max(per_sentence) / min(per_sentence)
    verdict = "flat" if ratio <= FLAT_RATIO else "NOT flat"
    print(f"slowest/fastest per sentence: {ratio:.2f}x ({verdict}; the goal is <= {FLAT_RATIO}x)")
    if args.big_mb > 0:
        child = [sys.executable, str(Path(__file__).resolve()), "--child-big", str(args.big_mb)]
        done = subprocess.run(child, capture_output=True, text=True, check=False)
        print(done.stdout.strip() or done.stderr.strip().splitlines()[-1])
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        verdict = "under" if peak < MEMORY_GOAL_MB else "OVER"
        print(f"peak memory {peak:.0f} MB: {verdict} the {MEMORY_GOAL_MB} MB goal")


if __name__ == "__main__":
    main()

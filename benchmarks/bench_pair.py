"""Paired A/B of casus's own stages between two source trees, for changes of a few percent.

    .venv/bin/python benchmarks/bench_pair.py /path/to/main/src src [--rounds 20] [--words N]
        [--files tests/data/gold/team.jsonl ...]   # news articles instead of the generated corpus

On a shared machine one run's CPU time moves by ±10% with the other jobs, so two runs of two
versions cannot tell a 2% change. Here each version runs in its own worker process, which
parses ``bench_code.corpus(N)`` once and then, when told, codes it again from the same parsed
Docs (their memos emptied first: every pass does all the stages' work, none of the parse).
The passes alternate (A B, B A, A B ...), so each pair of passes meets the same load, and the
median of the per-pair ratios B / A is what to read (below 1: B is faster). Both versions must
code the same number of events (checked each pass). Parsing is left out on purpose: it is the
same spaCy work for both; ``bench_code.py`` measures the whole.
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

HERE = Path(__file__).resolve().parent


def _worker(words: int, files: list[str]) -> None:
    """Parse the corpus once, then code it again from the same Docs on each line of stdin,
    answering "CPU-seconds events"."""
    sys.path.insert(0, str(HERE))
    from bench_code import corpus

    import casus
    from casus.config import Config

    articles = _articles(files) if files else corpus(words)
    coder = casus.load(Config())
    coder.code("Warm-up: Iran condemned Azerbaijan near Krasnohorivka.", published="2023-04-09")
    pipeline: Any = coder.pipeline
    parse = pipeline._parse
    parsed: dict[str, Any] = {}

    def recording(texts: list[str], batch_size: int) -> Iterator[Any]:
        for text, doc in zip(texts, parse(texts, batch_size), strict=True):
            parsed[text] = doc
            yield doc

    def replaying(texts: list[str], _batch_size: int) -> Iterator[Any]:
        for text in texts:
            doc = parsed[text]
            doc.user_data.clear()  # the stages' memos: each pass does all their work
            yield doc

    pipeline._parse = recording
    for _ in coder.pipe(articles, include_all=True):
        pass
    pipeline._parse = replaying
    for _ in coder.pipe(articles, include_all=True):  # warm: lazily loaded tables
        pass
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    for _line in sys.stdin:
        gc.collect()
        start = time.process_time()
        events = sum(len(coded) for _, coded in coder.pipe(articles, include_all=True))
        sys.stdout.write(f"{time.process_time() - start:.4f} {events}\n")
        sys.stdout.flush()


def _articles(files: list[str]) -> list[Any]:
    import casus
    from casus.io.readers import read_inputs

    return [a for a in read_inputs(files) if isinstance(a, casus.Article)]


def _start(src: str, words: int, files: list[str]) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=src)
    args = [sys.executable, __file__, "--worker", "--words", str(words), "--files", *files]
    proc = subprocess.Popen(args, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    if _stdout(proc).readline().strip() != "ready":
        raise SystemExit(f"the worker for {src} did not start")
    return proc


def _stdout(proc: subprocess.Popen[str]) -> IO[str]:
    assert proc.stdout is not None  # opened with PIPE
    return proc.stdout


def _pass(proc: subprocess.Popen[str]) -> tuple[float, int]:
    assert proc.stdin is not None  # opened with PIPE
    proc.stdin.write("go\n")
    proc.stdin.flush()
    spent, events = _stdout(proc).readline().split()
    return float(spent), int(events)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("a", nargs="?", help="source folder of version A (the baseline)")
    parser.add_argument("b", nargs="?", help="source folder of version B")
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--words", type=int, default=20_000)
    parser.add_argument("--files", nargs="*", default=[], help="gold files to code instead")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        _worker(args.words, args.files)
        return
    if not (args.a and args.b):
        parser.error("two source folders are needed")
    procs = [_start(args.a, args.words, args.files), _start(args.b, args.words, args.files)]
    times: list[list[float]] = [[], []]
    for round_ in range(args.rounds):
        counts = {}
        for side in (0, 1) if round_ % 2 == 0 else (1, 0):
            spent, counts[side] = _pass(procs[side])
            times[side].append(spent)
        if counts[0] != counts[1]:
            raise SystemExit(f"the versions code {counts[0]} and {counts[1]} events")
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.close()
        proc.wait()
    ratios = [b / a for a, b in zip(times[0], times[1], strict=True)]
    out = sys.stdout
    out.write(f"A ({args.a}): " + " ".join(f"{t:.3f}" for t in times[0]) + "\n")
    out.write(f"B ({args.b}): " + " ".join(f"{t:.3f}" for t in times[1]) + "\n")
    out.write("B / A per pair: " + " ".join(f"{r:.3f}" for r in ratios) + "\n")
    quartiles = statistics.quantiles(ratios, n=4)
    out.write(
        f"median B / A {statistics.median(ratios):.3f} (quartiles {quartiles[0]:.3f}–"
        f"{quartiles[2]:.3f}); stages CPU per pass, median: A {statistics.median(times[0]):.3f} s, "
        f"B {statistics.median(times[1]):.3f} s\n"
    )


if __name__ == "__main__":
    main()

"""Start-up: `casus code` on one sentence against a bare `spacy.load` and the same sentence.

    .venv/bin/python benchmarks/bench_startup.py [--rounds 7] [--text "..."]

Each round runs both commands once, in fresh processes, one after the other (so a busy
machine slows both alike), and measures wall time and CPU time (user + system, of the child).
Prints the median and the best round of each, and their ratios (goal: casus within 1.3x).
The on-disk cache of compiled tables and Python's bytecode (``__pycache__``, written even where
``PYTHONDONTWRITEBYTECODE`` is set) are warmed by one untimed run first, as after the first
use of an installation (pip compiles the bytecode when it installs casus).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

from casus.nlp import DEFAULT_MODEL

SENTENCE = "Iran condemned Azerbaijan on Monday after the talks in Vienna."
BARE = "import sys, spacy; nlp = spacy.load(sys.argv[1]); nlp(sys.stdin.read())"


ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def timed(command: list[str], text: str) -> tuple[float, float]:
    """Wall and CPU seconds of one run of ``command`` with ``text`` on stdin."""
    before = os.times()
    start = time.perf_counter()
    subprocess.run(command, input=text, text=True, capture_output=True, check=True, env=ENV)
    wall = time.perf_counter() - start
    after = os.times()
    cpu = (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--text", default=SENTENCE)
    args = parser.parse_args()
    casus = [sys.executable, "-m", "casus.cli", "code", "--published", "2023-04-09"]
    bare = [sys.executable, "-c", BARE, DEFAULT_MODEL]
    timed(casus, args.text)  # warms the on-disk cache, the bytecode and the file system
    timed(bare, args.text)
    runs: dict[str, list[tuple[float, float]]] = {"casus": [], "bare": []}
    for _ in range(args.rounds):
        runs["casus"].append(timed(casus, args.text))
        runs["bare"].append(timed(bare, args.text))
    rows = []
    for i, measure in enumerate(("wall", "CPU")):
        c = [r[i] for r in runs["casus"]]
        b = [r[i] for r in runs["bare"]]
        rows.append(
            (
                f"{measure}: casus code / bare spacy.load, median",
                f"{statistics.median(c):.2f} / {statistics.median(b):.2f} s "
                f"({statistics.median(c) / statistics.median(b):.2f}x)",
            )
        )
        rows.append(
            (
                f"{measure}: casus code / bare spacy.load, best",
                f"{min(c):.2f} / {min(b):.2f} s ({min(c) / min(b):.2f}x)",
            )
        )
    width = max(len(label) for label, _ in rows)
    sys.stdout.write(f"{'sentence':<{width}}  {args.text}\n")
    for label, value in rows:
        sys.stdout.write(f"{label:<{width}}  {value}\n")


if __name__ == "__main__":
    main()

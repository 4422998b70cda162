"""Throughput of `casus code` against the bare spaCy pipeline on the same generated corpus.

    make bench            # or: .venv/bin/python benchmarks/bench_code.py [--words N]

Prints sentences per second of casus end to end (reading, parsing, actors, events, dates,
attribution, places, JSON serialisation) and of bare ``nlp.pipe`` on the same texts, their
ratio (measured in one run, so machine noise affects both alike) in wall and in CPU time, and
peak memory.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import sys
import time

import casus
from casus.config import Config
from casus.model import Article

ACTORS = [
    "Iran",
    "Azerbaijan",
    "Israel",
    "Russia",
    "Ukraine",
    "Turkey",
    "Armenia",
    "the United States",
    "China",
    "Egypt",
    "Qatar",
    "the European Union",
    "NATO",
    "Saudi Arabia",
    "Pakistan",
]
DEMONYMS = [
    "Iranian",
    "Azerbaijani",
    "Israeli",
    "Russian",
    "Ukrainian",
    "Turkish",
    "Armenian",
    "American",
    "Chinese",
    "Egyptian",
]
CLAUSES = [
    "{a} expelled four {d} diplomats on {day}",
    "{a} condemned {b} over the attack on its embassy",
    "{d} forces shelled villages near the border with {b} {when}",
    "{a} and {b} signed a trade agreement in {year}",
    "the {d} foreign minister visited {b} {when}",
    "{a} warned that it would strike {b} if the attacks continued",
    "{a} did not condemn the strikes on {b}",
    "{a} urged {b} to resume talks",
    "{a} imposed new sanctions on {b}",
    "police in {b} arrested dozens of protesters {when}",
    "{a} denied any involvement in the attack",
    "{a} sent humanitarian aid to {b}",
    "the weather in the capital remained mild for the season",
    "officials said the economy grew by two percent",
]
WHEN = ["on Monday", "last week", "on March 29", "earlier this month", "yesterday", ""]


def sentence(rng: random.Random) -> str:
    """One news-like sentence from the clause templates."""
    a, b = rng.sample(ACTORS, 2)
    text = rng.choice(CLAUSES).format(
        a=a,
        b=b,
        d=rng.choice(DEMONYMS),
        day=rng.choice(["Friday", "Tuesday"]),
        when=rng.choice(WHEN),
        year=rng.randint(1995, 2022),
    )
    return text[0].upper() + text[1:] + "."


def corpus(words: int, seed: int = 7) -> list[Article]:
    """News-like articles of four to eight sentences until ``words`` words are reached."""
    rng = random.Random(seed)
    out: list[Article] = []
    total = 0
    while total < words:
        text = " ".join(sentence(rng) for _ in range(rng.randint(4, 8)))
        total += len(text.split())
        out.append(
            Article(
                text=text,
                id=f"bench-{len(out)}",
                published=dt.date(2023, 4, 9),
                outlet=rng.choice(["Wire A", "Wire B", "Wire C"]),
            )
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=50_000)
    parser.add_argument(
        "--prefilter", action="store_true", help="code with the sentence pre-filter on"
    )
    args = parser.parse_args()
    articles = corpus(args.words)
    coder = casus.load(Config(prefilter=args.prefilter))
    texts = [a.text for a in articles]
    # warm-up, so that throughput is measured without start-up (the small-places index is
    # loaded on the first place name the city index does not know; start-up is measured by
    # bench_scale.py)
    coder.code("Warm-up: Iran condemned Azerbaijan near Krasnohorivka.", published="2023-04-09")
    start, cpu = time.perf_counter(), time.process_time()
    sentences = sum(len(list(doc.sents)) for doc in coder.nlp.pipe(texts, batch_size=32))
    bare, bare_cpu = time.perf_counter() - start, time.process_time() - cpu
    start, cpu = time.perf_counter(), time.process_time()
    events = 0
    for _article, coded in coder.pipe(articles, include_all=True):
        for event in coded:
            json.dumps(event.to_dict())
            events += 1
    full, full_cpu = time.perf_counter() - start, time.process_time() - cpu
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    words = sum(len(t.split()) for t in texts)
    rows = [
        ("corpus", f"{len(articles)} articles, {words} words, {sentences} sentences"),
        ("bare spaCy nlp.pipe", f"{sentences / bare:,.0f} sentences/s ({bare:.1f} s)"),
        (
            "casus code (end to end)",
            f"{sentences / full:,.0f} sentences/s ({full:.1f} s), {events} events",
        ),
        ("ratio casus / spaCy", f"{bare / full:.2f} (casus takes {full / bare:.2f}x the time)"),
        # CPU seconds: what other jobs on a shared machine blur least
        ("ratio in CPU time", f"{bare_cpu / full_cpu:.3f} ({bare_cpu:.2f} / {full_cpu:.2f} s)"),
        ("peak memory (RSS)", f"{peak_mb:,.0f} MB"),
    ]
    width = max(len(r[0]) for r in rows)
    for name, value in rows:
        sys.stdout.write(f"{name:<{width}}  {value}\n")


if __name__ == "__main__":
    main()

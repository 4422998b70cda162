"""CPU time of casus's own stages against the spaCy parse, in one process (issue 14).

    .venv/bin/python benchmarks/bench_stages.py [--words N] [--files GOLD.jsonl ...]
        [--repeat R] [--time casus.engine.resolver:Resolver.resolve_all ...]

Wall-clock figures are useless on a shared machine; this measures ``time.process_time`` around
the parse (``Pipeline._parse``) and around each parsed-document stage separately, over the
generated corpus of ``bench_code.py`` (and any gold files given), and prints each stage's share
of the parse's CPU time. ``--time MODULE:QUALNAME`` adds a timer around any function or method
(its time is included in its stage's), to confirm a hot spot before optimising it: cProfile
misattributes time in this code.
"""

from __future__ import annotations

import argparse
import functools
import gc
import importlib
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import casus
from casus.config import Config
from casus.io.readers import read_inputs
from casus.model import Article
from casus.pipeline import Pipeline

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_code import corpus  # noqa: E402

SPENT: dict[str, float] = defaultdict(float)
CALLS: dict[str, int] = defaultdict(int)


def _timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            SPENT[name] += time.process_time() - start
            CALLS[name] += 1

    return wrapper


def _timed_parse(parse: Callable[..., Iterator[Any]]) -> Callable[..., Iterator[Any]]:
    """The parse is a generator: time each step of it, not the call."""

    @functools.wraps(parse)
    def wrapper(*args: Any, **kwargs: Any) -> Iterator[Any]:
        docs = parse(*args, **kwargs)
        while True:
            start = time.process_time()
            try:
                doc = next(docs)
            except StopIteration:
                SPENT["parse"] += time.process_time() - start
                return
            SPENT["parse"] += time.process_time() - start
            yield doc

    return wrapper


def _patch(target: str) -> None:
    """Wrap ``module:Qual.name`` in a timer (a module function also where it was imported)."""
    module_name, qualname = target.split(":")
    owner: Any = importlib.import_module(module_name)
    *path, attr = qualname.split(".")
    for part in path:
        owner = getattr(owner, part)
    original = owner.__dict__[attr] if isinstance(owner, type) else getattr(owner, attr)
    if isinstance(original, staticmethod):
        setattr(owner, attr, staticmethod(_timed(qualname, original.__func__)))
    elif isinstance(original, classmethod):
        setattr(owner, attr, classmethod(_timed(qualname, original.__func__)))
    elif isinstance(owner, type):
        setattr(owner, attr, _timed(qualname, original))
    else:
        wrapped = _timed(qualname, original)
        for module in list(sys.modules.values()):
            if getattr(module, "__name__", "").startswith("casus") and (
                getattr(module, attr, None) is original
            ):
                setattr(module, attr, wrapped)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=20_000)
    parser.add_argument("--files", nargs="*", type=Path, default=[])
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument(
        "--warm", action="store_true", help="code the corpus once, untimed, first (lazy tables)"
    )
    parser.add_argument("--time", nargs="*", default=[], help="MODULE:QUALNAME to time")
    parser.add_argument(
        "--gc-off",
        action="store_true",
        help="no garbage collection in the timed run (a full collection, ~0.1 s, falls in "
        "whichever stage allocates when it is due: without it, runs compare the work itself)",
    )
    args = parser.parse_args()
    articles: list[Article] = corpus(args.words) if args.words else []
    for path in args.files:
        articles += [a for a in read_inputs([str(path)]) if isinstance(a, Article)]
    coder = casus.load(Config())
    for target in args.time:  # after loading: the stages import their modules then
        _patch(target)
    coder.code("Warm-up: Iran condemned Azerbaijan near Krasnohorivka.", published="2023-04-09")
    if args.warm:
        for _ in coder.pipe(articles):
            pass
    pipeline: Any = coder.pipeline
    pipeline._parse = _timed_parse(pipeline._parse)
    stages = [_StageTimer(s) for s in Pipeline._parsed_stages(pipeline)]
    pipeline._parsed_stages = lambda: stages
    SPENT.clear()
    CALLS.clear()
    gc.collect()
    gc.callbacks.append(_gc_timer)
    if args.gc_off:
        gc.disable()
    events = 0
    start = time.process_time()
    for _ in range(args.repeat):
        for _article, coded in coder.pipe(articles, include_all=True):
            events += len(coded)
    total = time.process_time() - start
    gc.enable()
    gc.callbacks.remove(_gc_timer)
    parse = SPENT["parse"]
    own = sum(SPENT[f"stage {s.name}"] for s in stages)
    out = sys.stdout
    warm = ", after a warm-up pass" if args.warm else ""
    out.write(f"{len(articles)} articles x {args.repeat}{warm}, {events} events\n")
    out.write(f"{'parse (spaCy)':<48} {parse:8.3f} s\n")
    for name in [f"stage {s.name}" for s in stages] + [f"  {t.split(':')[1]}" for t in args.time]:
        spent = SPENT[name.strip()]
        calls = CALLS[name.strip()]
        out.write(f"{name:<48} {spent:8.3f} s {100 * spent / parse:6.2f}% ({calls} calls)\n")
    out.write(f"{'stages / parse':<48} {own:8.3f} s {100 * own / parse:6.1f}%\n")
    collected = f"{SPENT['gc']:8.3f} s {100 * SPENT['gc'] / parse:6.1f}%"
    out.write(f"{'garbage collection (inside the above)':<48} {collected} ({CALLS['gc']})\n")
    rest = total - parse - own
    out.write(f"{'the rest (before-parse stages, batching) / parse':<48} {rest:8.3f} s ")
    out.write(f"{100 * rest / parse:6.1f}%\n")


_GC_START = [0.0]


def _gc_timer(phase: str, info: dict[str, Any]) -> None:
    """Time the collections (``gc.callbacks``)."""
    if phase == "start":
        _GC_START[0] = time.process_time()
    else:
        SPENT["gc"] += time.process_time() - _GC_START[0]
        CALLS["gc"] += 1


class _StageTimer:
    """A stage with a CPU timer around it (same name, requires and assigns)."""

    def __init__(self, stage: Any) -> None:
        self.stage = stage
        self.name = stage.name
        self.requires = stage.requires
        self.assigns = stage.assigns

    def __call__(self, document: Any) -> Any:
        return _timed(f"stage {self.name}", self.stage)(document)


if __name__ == "__main__":
    main()

"""Which code casus chose where the gold has the same pair under another: the code-choice errors.

    .venv/bin/python benchmarks/code_confusions.py tests/data/gold/team.jsonl ...

For every false alarm whose (source, target) pair the gold has under another root (the
``pair_other_code`` bucket of `casus eval`), and every required gold event missed where only
other codes were found in its evidence sentence (``other_code``), prints the sentence, casus's
code, sides, trigger and lexicon pattern, and the gold's codes: the gold events of that pair
told in the same sentence first (a confusion of code), else all of them (often a wrong side).
A closing table counts (casus root, gold roots) for the same-sentence confusions. Never run it
on the held-out sets (docs/gold-annotation.md).
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from casus.coder import Coder
from casus.evaluation.gold import GoldArticle, GoldEvent, read_gold
from casus.evaluation.scorer import (
    _dyad_key,
    _dyad_ok,
    _has_actors,
    _is_duplicate,
    _match,
    actors_match,
    false_alarm_bucket,
    miss_bucket,
)
from casus.model import Article, Event


def _sides(event: Event) -> str:
    source = event.source.code if event.source else None
    target = event.target.code if event.target else None
    return f"{source} -> {target}"


def _codes(gold: GoldEvent) -> str:
    return "/".join(sorted(gold.codes or gold.roots))


def _told_in(gold: GoldEvent, sentence: str) -> bool:
    return bool(gold.evidence) and " ".join(gold.evidence.split()) in " ".join(sentence.split())


def _record(name: str, gold: GoldArticle, preds: list[Event], table: Counter[str]) -> None:
    dyad = _match(gold.events, preds, _dyad_ok)
    used = set(dyad.values())
    keys = {_dyad_key(preds[i]) for i in used}
    for i, pred in enumerate(preds):
        if i in used or _is_duplicate(pred, keys):
            continue
        if any(not g.required and _dyad_ok(g, pred) for g in gold.events):
            continue
        if false_alarm_bucket(gold.events, pred) != "pair_other_code":
            continue
        pair = [g for g in gold.events if _has_actors(g) and actors_match(g, pred, True)]
        here = [g for g in pair if _told_in(g, pred.evidence_text)]
        if here:
            roots = "/".join(sorted({r for g in here for r in g.roots}))
            table[f"{pred.cameo_root} for {roots}"] += 1
        shown = ", ".join(_codes(g) for g in here or pair)
        print(
            f"FA   {name} {gold.id} casus {pred.cameo} {_sides(pred)} {pred.trigger_text!r}"
            f" ({pred.pattern}); gold {'here' if here else 'elsewhere'} {shown}"
        )
        print(f"     {' '.join(pred.evidence_text.split())[:240]}")
    for gi, g in enumerate(gold.events):
        if not g.required or gi in dyad:
            continue
        bucket, there = miss_bucket(gold, g, preds)
        if bucket != "other_code":
            continue
        found = "; ".join(f"{p.cameo} {_sides(p)} {p.trigger_text!r}" for p in there[:3])
        print(f"MISS {name} {gold.id} gold {g.source} -> {g.target} {_codes(g)}; casus {found}")
        print(f"     {' '.join((g.evidence or '').split())[:240]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path, help="article-level gold files")
    args = parser.parse_args()
    coder = Coder()
    table: Counter[str] = Counter()
    for path in args.files:
        records = list(read_gold(path))
        articles = [
            Article(text=g.text, id=g.id, published=g.published, outlet=g.outlet) for g in records
        ]
        for gold, (_article, preds) in zip(records, coder.pipe(articles), strict=True):
            _record(path.stem, gold, preds, table)
    print("\nsame-sentence confusions (casus root for gold roots):")
    for key, count in table.most_common():
        print(f"{count:4d}  {key}")


if __name__ == "__main__":
    main()

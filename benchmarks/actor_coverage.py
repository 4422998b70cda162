"""How many gold actors casus finds: for each record of a sentence-level gold file, whether
every actor code the gold events name appears among the actors casus resolves in the text.

    .venv/bin/python benchmarks/actor_coverage.py GOLD [--actors FILE] [--agents FILE]

Used with the PETRARCH2 unit tests and their own dictionaries loaded through the importer
(see docs/dictionaries.md): the fictional actors (Arnor, Gondor, ...) exist only there.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

import casus
from casus.engine.resolver import Resolver
from casus.evaluation.gold import read_gold


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("--actors", type=Path, action="append", default=[])
    parser.add_argument("--agents", type=Path, action="append", default=[])
    args = parser.parse_args()
    cfg = casus.Config(petrarch_actors=tuple(args.actors), petrarch_agents=tuple(args.agents))
    coder = casus.load(cfg)
    records = [r for r in read_gold(args.gold) if r.events]
    full = exact = found_codes = wanted_codes = 0
    for record in records:
        got = _actor_codes(coder, record.text, record.published)
        wanted = {c for e in record.events for c in (e.source, e.target) if c}
        wanted = {c for c in wanted if not c.startswith(("---", '"'))}
        hits = {c for c in wanted if c in got}
        prefix_hits = {c for c in wanted if any(g.startswith(c[:3]) for g in got)}
        wanted_codes += len(wanted)
        found_codes += len(hits)
        exact += hits == wanted
        full += prefix_hits == wanted
    n = len(records)
    sys.stdout.write(
        f"{args.gold.name}: {n} records with events\n"
        f"  records whose gold actor codes all appear exactly among casus's actors: "
        f"{exact} ({100 * exact / n:.1f}%)\n"
        f"  records whose gold actors all appear by country part: {full} "
        f"({100 * full / n:.1f}%)\n"
        f"  gold actor codes found exactly: {found_codes} of {wanted_codes} "
        f"({100 * found_codes / max(wanted_codes, 1):.1f}%)\n"
    )


def _actor_codes(coder: casus.Coder, text: str, day: dt.date | None) -> set[str]:
    """Codes of every actor mention casus resolves in the text."""
    doc = coder.nlp(text)
    resolver = Resolver(doc, coder.dictionary, day, coder.gazetteer)
    return {m.actor.code for m in resolver.resolve_all() if m.actor.code}


if __name__ == "__main__":
    main()

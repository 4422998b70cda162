"""Rewrite the known-failure lists of the construction tests from what the engine does now.

    .venv/bin/python benchmarks/known_failures.py            # report only
    .venv/bin/python benchmarks/known_failures.py --write    # rewrite tests/data/*_known.txt

For every sentence of tests/data/event_sentences*.jsonl: if it passes, it leaves its known
list (a fix); if it fails, it stays with its old reason, or enters with the events it misses
and what was coded instead (a regression to look at before writing). Prints both lists.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import casus  # noqa: E402
import test_event_sentences as t  # noqa: E402


def _reason(record: dict, events: list) -> str:
    missing = [x for x in record["events"] if not t._found(x, events)]
    hits = [f for f in record["forbidden"] if t._forbidden_hit(f, events)]
    parts = []
    if missing:
        parts.append(
            "misses " + ", ".join(f"{x['source']}->{x.get('target')} {x['root']}" for x in missing)
        )
    if hits:
        parts.append(
            "emits forbidden "
            + ", ".join(
                f"{f.get('source')}->{f.get('target')} {'/'.join(f['roots'])}" for f in hits
            )
        )
    got = ", ".join(
        f"{e.source.code if e.source else None}->{e.target.code if e.target else None} {e.cameo}"
        for e in events[:3]
    )
    return "; ".join(parts) + f" (got {got or 'nothing'})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    coder = casus.load()
    for path in sorted((ROOT / "tests" / "data").glob("event_sentences*.jsonl")):
        known_path = path.with_name(f"{path.stem}_known.txt")
        old = t._known(known_path)
        header = [
            line
            for line in (
                known_path.read_text(encoding="utf-8").splitlines() if known_path.exists() else []
            )
            if line.startswith("#")
        ] or ["# id <TAB> what is still wrong (kept as strict xfail until fixed)"]
        new: dict[str, str] = {}
        fixed, broke = [], []
        for line in path.read_text(encoding="utf-8").splitlines():
            record = t.json.loads(line)
            events = coder.code(record["text"], published=record["published"])
            ok = all(t._found(x, events) for x in record["events"]) and not any(
                t._forbidden_hit(f, events) for f in record["forbidden"]
            )
            rid = record["id"]
            if ok:
                if rid in old:
                    fixed.append(rid)
                continue
            new[rid] = old.get(rid) or _reason(record, events)
            if rid not in old:
                broke.append(f"{rid}\t{new[rid]}")
        print(f"{path.name}: {len(fixed)} fixed, {len(broke)} newly failing, {len(new)} known")
        for line in broke:
            print("  NEW", line)
        if args.write:
            body = "\n".join(header + [f"{k}\t{v}" for k, v in new.items()]) + "\n"
            known_path.write_text(body, encoding="utf-8")


if __name__ == "__main__":
    main()

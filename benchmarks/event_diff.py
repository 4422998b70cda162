"""Did a change alter what casus codes? Snapshot the events of the fixtures, then compare.

    .venv/bin/python benchmarks/event_diff.py save /tmp/before      # before the change
    .venv/bin/python benchmarks/event_diff.py compare /tmp/before   # after: 0 = identical
    # one setting off and on, on more files (gold sets elsewhere), without a fixture:
    .venv/bin/python benchmarks/event_diff.py save /tmp/off --files a.jsonl --skip blind
    .venv/bin/python benchmarks/event_diff.py compare /tmp/off --files a.jsonl --skip blind \
        --set prefilter=true

The fixtures are the team and blind gold articles, the samples and the construction sentences
(every event, asserted or not, as `casus code --all` writes it). `compare` prints, per
fixture, the events only before and only after (by sentence, source, code and target), and
exits 1 when anything differs — the check a refactoring must pass (issue 10). ``--files`` adds
gold files or folders, ``--skip`` leaves fixtures out, ``--set KEY=VALUE`` codes with a changed
setting (TOML value syntax), so one run per setting shows what the setting changes.
"""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
from pathlib import Path
from typing import Any

import casus
from casus.config import Config
from casus.io.readers import read_inputs

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = {
    "team": ROOT / "tests/data/gold/team.jsonl",
    "blind": ROOT / "tests/data/gold/blind.jsonl",
    "samples": ROOT / "samples",
    **{p.stem: p for p in sorted((ROOT / "tests/data").glob("event_sentences*.jsonl"))},
}


def snapshot(coder: casus.Coder, path: Path) -> list[str]:
    """Every event of the fixture as one canonical JSON line, in input order."""
    articles = [a for a in read_inputs([str(path)]) if isinstance(a, casus.Article)]
    lines = []
    for _article, events in coder.pipe(articles, include_all=True):
        lines.extend(json.dumps(e.to_dict(), sort_keys=True, ensure_ascii=False) for e in events)
    return lines


def _short(line: str) -> str:
    e = json.loads(line)
    target = (e.get("target") or {}).get("code")
    return f"{e['article_id']}#{e['sentence_index']} {e['source']['code']} {e['cameo']} {target}"


def _settings(pairs: list[str]) -> dict[str, Any]:
    """``KEY=VALUE`` pairs as settings (the value in TOML syntax: true, 3, "text")."""
    return dict(tomllib.loads("\n".join(pairs)).items())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("save", "compare"))
    parser.add_argument("folder", type=Path)
    parser.add_argument("--files", nargs="*", type=Path, default=[], help="more inputs")
    parser.add_argument("--skip", nargs="*", default=[], help="fixtures left out")
    parser.add_argument("--set", nargs="*", default=[], help="settings KEY=VALUE (TOML)")
    args = parser.parse_args()
    coder = casus.load(Config().with_(**_settings(args.set)))
    changed = 0
    args.folder.mkdir(parents=True, exist_ok=True)
    inputs = {k: v for k, v in FIXTURES.items() if k not in args.skip}
    inputs.update({p.stem: p for p in args.files})
    for name, path in inputs.items():
        lines = snapshot(coder, path)
        file = args.folder / f"{name}.jsonl"
        if args.action == "save":
            file.write_text("\n".join(lines) + "\n", encoding="utf-8")
            print(f"{name}: {len(lines)} events saved")
            continue
        # a fixture with no events was saved as one empty line
        before = [line for line in file.read_text(encoding="utf-8").splitlines() if line]
        if before == lines:
            print(f"{name}: identical ({len(lines)} events)")
            continue
        changed += 1
        gone, new = set(before) - set(lines), set(lines) - set(before)
        print(f"{name}: {len(gone)} event(s) only before, {len(new)} only after")
        for line in sorted(gone)[:10]:
            print("  -", _short(line))
        for line in sorted(new)[:10]:
            print("  +", _short(line))
    sys.exit(1 if changed else 0)


if __name__ == "__main__":
    main()

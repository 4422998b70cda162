"""Lexicon coverage: for each CAMEO root and the most frequent 3-digit codes, how many patterns
the lexicon has and how many gold events of that family casus finds (``casus lexicon
coverage``, docs/lexicon-coverage.md)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from casus.coder import Coder
from casus.evaluation.gold import GoldArticle, GoldEvent
from casus.evaluation.scorer import found_events
from casus.model import Article
from casus.ontology.cameo import CameoTable
from casus.ontology.lexicon import Lexicon


@dataclass
class Family:
    """One row of the table: a root or a 3-digit code."""

    code: str
    name: str
    verbs: int = 0
    nouns: int = 0
    gold: int = 0
    detected: int = 0
    found: int = 0

    @property
    def patterns(self) -> int:
        """Verb and noun patterns together."""
        return self.verbs + self.nouns

    def to_dict(self) -> dict[str, Any]:
        """The row as JSON."""
        return {
            "code": self.code,
            "name": self.name,
            "patterns": self.patterns,
            "verb_patterns": self.verbs,
            "noun_patterns": self.nouns,
            "gold": self.gold,
            "detected": self.detected,
            "found": self.found,
        }


@dataclass
class Coverage:
    """The whole table: root rows, code rows, and the gold files it was measured on."""

    roots: list[Family] = field(default_factory=list)
    codes: list[Family] = field(default_factory=list)
    gold_files: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The table as JSON (``casus lexicon coverage --json``)."""
        return {
            "gold_files": self.gold_files,
            "roots": [r.to_dict() for r in self.roots],
            "codes": [c.to_dict() for c in self.codes],
        }


def family_of(event: GoldEvent) -> str:
    """The root a gold event is counted under: its smallest root (as in the confusion table)."""
    return sorted(event.roots)[0]


def three_digit_codes(event: GoldEvent) -> set[str]:
    """The 3-digit codes a gold event lists (4-digit codes count under their 3-digit code)."""
    return {c[:3] for c in event.codes if len(c) >= 3}


def count_patterns(lexicon: Lexicon, cameo: CameoTable) -> tuple[list[Family], dict[str, Family]]:
    """Pattern counts per root (all 20) and per 3-digit code (codes in the lexicon)."""
    roots = {r: Family(r, cameo.get(r).name) for r in cameo.roots()}
    codes: dict[str, Family] = {}
    for pattern in lexicon.patterns:
        rows = [roots[pattern.code[:2]]]
        if len(pattern.code) >= 3:
            three = pattern.code[:3]
            if three not in codes:
                codes[three] = Family(three, cameo.get(three).name)
            rows.append(codes[three])
        for row in rows:
            if pattern.kind == "verb":
                row.verbs += 1
            else:
                row.nouns += 1
    return list(roots.values()), codes


def measure_coverage(
    coder: Coder, records: Iterable[GoldArticle], *, top: int = 30, gold_files: Iterable[str] = ()
) -> Coverage:
    """Code the gold records and count, per family, required gold events found by detection
    (right type) and by the (source, target, root) matching. The code rows are the ``top``
    3-digit codes most frequent in the gold, then in the lexicon."""
    roots, codes = count_patterns(coder.lexicon, coder.cameo)
    by_root = {r.code: r for r in roots}
    records = list(records)
    articles = [
        Article(text=g.text, id=g.id, published=g.published, outlet=g.outlet) for g in records
    ]
    gold_codes: Counter[str] = Counter()
    for gold, (_article, events) in zip(records, coder.pipe(articles), strict=True):
        for event, detected, found in found_events(gold, events):
            rows = [by_root[family_of(event)]]
            for three in three_digit_codes(event):
                gold_codes[three] += 1
                if three not in codes:
                    codes[three] = Family(three, coder.cameo.get(three).name)
                rows.append(codes[three])
            for row in rows:
                row.gold += 1
                row.detected += int(detected)
                row.found += int(found)
    ranked = sorted(codes.values(), key=lambda f: (-gold_codes[f.code], -f.patterns, f.code))
    chosen = sorted(ranked[:top], key=lambda f: f.code)
    return Coverage(roots, chosen, list(gold_files))


def _share(found: int, total: int) -> str:
    return f"{found} ({100 * found / total:.0f}%)" if total else "-"


def _table(rows: list[Family], first: str) -> list[str]:
    lines = [
        f"| {first} | name | patterns (verb + noun) | gold events | detected | found |",
        "| --- | --- | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        lines.append(
            f"| {r.code} | {r.name} | {r.patterns} ({r.verbs} + {r.nouns}) | {r.gold} | "
            f"{_share(r.detected, r.gold)} | {_share(r.found, r.gold)} |"
        )
    total = Family("all", "")
    for r in rows if first == "root" else []:
        total.verbs += r.verbs
        total.nouns += r.nouns
        total.gold += r.gold
        total.detected += r.detected
        total.found += r.found
    if first == "root":
        lines.append(
            f"| all | | {total.patterns} ({total.verbs} + {total.nouns}) | {total.gold} | "
            f"{_share(total.detected, total.gold)} | {_share(total.found, total.gold)} |"
        )
    return lines


def format_coverage(coverage: Coverage, *, command: str) -> str:
    """The table as a Markdown page (docs/lexicon-coverage.md is this output)."""
    gold = ", ".join(f"`{g}`" for g in coverage.gold_files) or "no gold file"
    lines = [
        "# Lexicon coverage",
        "",
        "Generated by a command; do not edit by hand. To refresh it:",
        "",
        "```",
        command,
        "```",
        "",
        "For each CAMEO root and the 3-digit codes most frequent in the gold, how many lexicon",
        "patterns code it (verb and noun triggers; a 3-digit row counts its 4-digit codes too),",
        f"and how many required gold events of that family in {gold} casus finds. A gold event",
        "is counted under its smallest root, and under every 3-digit code it lists. *detected*:",
        "matched by event type alone; *found*: matched by (source, target, root), the main score",
        "of [`casus eval`](evaluation.md#metrics). How the lexicon works:",
        "[lexicon.md](lexicon.md).",
        "",
        "## Roots",
        "",
        *_table(coverage.roots, "root"),
        "",
        "## 3-digit codes",
        "",
        *_table(coverage.codes, "code"),
        "",
    ]
    return "\n".join(lines)

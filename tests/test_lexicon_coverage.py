"""`casus lexicon coverage`: pattern counts per CAMEO family, gold events found per family, and
the generated docs page kept in step with the lexicon."""

from __future__ import annotations

import datetime as dt
import json
import re

from casus.coder import Coder
from casus.evaluation.coverage import count_patterns, measure_coverage
from casus.evaluation.gold import GoldArticle, GoldEvent
from conftest import DATA, ROOT, run_cli

PAGE = ROOT / "docs" / "lexicon-coverage.md"


def test_every_root_is_counted_and_the_counts_add_up(coder: Coder) -> None:
    roots, codes = count_patterns(coder.lexicon, coder.cameo)
    assert [r.code for r in roots] == [f"{n:02d}" for n in range(1, 21)]
    assert sum(r.patterns for r in roots) == coder.lexicon.stats()["patterns"]
    assert codes["161"].patterns <= next(r for r in roots if r.code == "16").patterns


def test_docs_page_has_the_current_pattern_counts(coder: Coder) -> None:
    roots, _codes = count_patterns(coder.lexicon, coder.cameo)
    page = PAGE.read_text(encoding="utf-8")
    documented = dict(re.findall(r"^\| (\d\d) \| [^|]+ \| (\d+) \(", page, flags=re.M))
    assert documented == {r.code: str(r.patterns) for r in roots}, (
        "regenerate docs/lexicon-coverage.md with the command at its top"
    )


def _record(text: str, *events: GoldEvent) -> GoldArticle:
    return GoldArticle("c1", text, dt.date(2021, 8, 11), list(events), kind="article")


def test_found_and_missed_gold_events_are_counted_by_family(coder: Coder) -> None:
    recall = GoldEvent("LTU", "CHN", frozenset({"161"}), frozenset({"16"}))
    wrong_side = GoldEvent("CHN", "LTU", frozenset({"161"}), frozenset({"16"}))
    coverage = measure_coverage(
        coder, [_record("Lithuania recalled its ambassador from Beijing.", recall, wrong_side)]
    )
    row = next(r for r in coverage.roots if r.code == "16")
    assert (row.gold, row.detected, row.found) == (2, 1, 1)
    assert next(c for c in coverage.codes if c.code == "161").gold == 2


def test_coverage_command_prints_json_rows() -> None:
    result = run_cli("lexicon", "coverage", str(DATA / "gold" / "team.jsonl"), "--json", "--top=5")
    assert result.returncode == 0, result.stderr.decode()
    table = json.loads(result.stdout.decode())
    assert len(table["roots"]) == 20 and len(table["codes"]) == 5
    assert sum(r["gold"] for r in table["roots"]) > 100

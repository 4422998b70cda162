"""The code tables, the lexicon and the dictionaries: complete, and validated at load."""

from __future__ import annotations

from pathlib import Path

import pytest

from casus.errors import OntologyError
from casus.ontology.cameo import QUAD_CLASS_BY_ROOT, load_cameo
from casus.ontology.lexicon import build_lexicon, load_lexicon
from casus.ontology.words import _read, word_sequence, word_values


def test_cameo_table_has_every_root_and_about_310_codes() -> None:
    cameo = load_cameo()
    assert cameo.roots() == [f"{r:02d}" for r in range(1, 21)]
    assert 300 <= len(cameo) <= 320


@pytest.mark.parametrize(
    ("code", "root", "quad", "goldstein"),
    [
        ("161", "16", 4, -4.0),
        ("042", "04", 1, 1.9),
        ("057", "05", 1, 8.0),
        ("173", "17", 4, -5.0),
        ("138", "13", 3, -7.0),
        ("0871", "08", 2, 9.0),
    ],
)
def test_cameo_code_carries_root_quad_class_and_goldstein(
    code: str, root: str, quad: int, goldstein: float
) -> None:
    record = load_cameo().get(code)
    assert (record.root, record.quad_class, record.goldstein) == (root, quad, goldstein)


def test_quad_class_groups_roots_as_documented() -> None:
    assert [QUAD_CLASS_BY_ROOT[f"{r:02d}"] for r in (1, 5, 6, 8, 9, 13, 14, 20)] == [
        1,
        1,
        2,
        2,
        3,
        3,
        4,
        4,
    ]


def test_every_code_maps_to_plover_or_says_none() -> None:
    assert load_cameo().get("190").plover == "ASSAULT"
    assert load_cameo().get("010").plover is None


def test_lexicon_covers_all_roots_200_codes_and_1000_patterns() -> None:
    stats = load_lexicon().stats()
    assert stats["roots"] == 20 and stats["codes"] >= 200 and stats["patterns"] >= 1000


def test_more_specific_pattern_comes_first() -> None:
    patterns = load_lexicon().candidates("verb", "expel")
    assert patterns[0].obj is not None and patterns[0].code == "161"


def _user_lexicon(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "mine.tsv"
    path.write_text("code\tkind\tlemma\tobject\tprep\tcomp\tnote\n" + body, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("999\tverb\tzap\t-\t-\t-\t-\n", "unknown CAMEO code"),
        ("190\tverb\tzap\tNOSUCHCLASS\t-\t-\t-\n", "unknown noun class"),
        ("190\tverb\tzap\t-\t-\t-\t-\n190\tverb\tzap\t-\t-\t-\t-\n", "duplicate pattern"),
        ("190\tadverb\tzap\t-\t-\t-\t-\n", "kind must be verb or noun"),
        ("190\tverb\tzap\t-\tbeside\t-\t-\n", "preposition"),
    ],
)
def test_bad_user_lexicon_row_names_file_and_line(tmp_path: Path, body: str, message: str) -> None:
    path = _user_lexicon(tmp_path, body)
    with pytest.raises(OntologyError, match=message) as info:
        build_lexicon((path,))
    assert str(path) in str(info.value) and ":" in str(info.value)


def test_user_lexicon_pattern_is_used(tmp_path: Path) -> None:
    path = _user_lexicon(tmp_path, "1823\tverb\tzap\t-\t-\t-\tinvented verb\n")
    assert build_lexicon((path,)).candidates("verb", "zap")[0].code == "1823"


@pytest.mark.parametrize(
    ("tables", "message", "line"),
    [
        ([("words/verbs.tsv", "list\tword\tnote\nverbz\tsay\t-\n")], "unknown word list", 2),
        (
            [("words/verbs.tsv", "list\tword\tnote\nnegators\tnot\t-\nnegators\tNot\t-\n")],
            "already in negators",
            3,
        ),
        (
            [
                ("words/verbs.tsv", "list\tword\tnote\nnegators\tnot\t-\n"),
                ("words/nouns.tsv", "# a comment\nlist\tword\tnote\nnegators\tnever\t-\n"),
            ],
            "already in words/verbs.tsv",
            3,
        ),
    ],
)
def test_word_tables_reject_bad_rows_naming_the_line(
    tables: list[tuple[str, str]], message: str, line: int
) -> None:
    out: dict[str, dict[str, str]] = {}
    homes: dict[str, str] = {}
    with pytest.raises(OntologyError, match=message) as caught:
        for path, text in tables:
            _read(out, homes, path, text)
    assert caught.value.line == line


def test_word_tables_keep_the_order_of_lists_tried_in_turn_and_the_values() -> None:
    assert word_sequence("target_preps")[:2] == ("against", "with")
    assert word_values("pronoun_kinds")["they"] == "group"
    assert word_values("count_numbers")["dozens"] == "-12"

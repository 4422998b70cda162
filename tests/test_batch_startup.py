"""Start-up: compiled tables are cached on disk, rebuilt when unreadable, never required;
reference patterns are compiled when a sentence may need them."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path

import pytest

from casus.coder import Coder
from casus.engine.reference_time import ReferenceResolver, _required_word
from casus.ontology.cache import LazyRecords, cache_key, cached, pack_rows
from casus.ontology.references import load_references
from conftest import DATA

PUB = dt.date(2023, 4, 9)
REFERENCE_RECORDS = DATA / "reference_dates.jsonl"


def _counting() -> tuple[list[int], object]:
    calls: list[int] = []

    def build() -> dict[str, int]:
        calls.append(1)
        return {"Baku": 1}

    return calls, build


def test_a_cached_table_is_built_once_and_read_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CASUS_CACHE_DIR", str(tmp_path))
    calls, build = _counting()
    first = cached("table", cache_key("v1"), build)  # type: ignore[arg-type]
    again = cached("table", cache_key("v1"), build)  # type: ignore[arg-type]
    assert first == again == {"Baku": 1} and len(calls) == 1


def test_an_unreadable_entry_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CASUS_CACHE_DIR", str(tmp_path))
    key = cache_key("v1")
    (tmp_path / f"table-{key}.pickle").write_bytes(b"not a pickle")
    calls, build = _counting()
    assert cached("table", key, build) == {"Baku": 1} and len(calls) == 1  # type: ignore[arg-type]


def test_other_sources_give_another_key() -> None:
    assert cache_key("regions v1") != cache_key("regions v2")


def test_the_cache_can_be_turned_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CASUS_CACHE_DIR", "off")
    calls, build = _counting()
    cached("table", "k", build)  # type: ignore[arg-type]
    cached("table", "k", build)  # type: ignore[arg-type]
    assert len(calls) == 2 and not list(tmp_path.iterdir())


def test_lazy_records_are_built_on_first_lookup() -> None:
    built: list[tuple[str, int]] = []

    def make(name: str, size: int) -> tuple[str, int]:
        built.append((name, size))
        return name, size

    records = LazyRecords(pack_rows({"baku": [("Baku", 2)]}), make)
    assert "baku" in records and "paris" not in records and not built
    assert records.get("baku") == records["baku"] == [("Baku", 2)] and len(built) == 1
    assert records.get("paris") is None


@pytest.mark.parametrize(
    ("pattern", "word"),
    [
        ("independence of {C}", "independence"),
        ("(?:declaration|proclamation) of {C}'s independence", "independence"),
        ("belavezha accords?", "belavezha"),  # "accords?" may end without its s
        ("alma[- ]?ata (?:protocol|declaration)", "ata"),
        ("9/11(?: attacks)?", None),  # every word is in an optional group
        ("war[\\]x]? crimes", "crimes"),  # the x is in the class: not a word of every match
        ("rose revolution|tulip revolution", None),  # alternatives share no word
    ],
)
def test_a_reference_name_is_tried_only_when_a_word_it_needs_is_there(
    pattern: str, word: str | None
) -> None:
    assert _required_word(pattern) == word


def test_reference_patterns_are_compiled_on_first_need(coder: Coder) -> None:
    resolver = ReferenceResolver(load_references(), coder.dictionary)
    assert not resolver._patterns  # nothing compiled at start-up
    found = resolver.find("Protests grew in Tbilisi after the Rose Revolution.", 0, PUB, Counter())
    assert [span.when.reference for span in found if span.when] == ["rose_revolution"]
    assert 0 < len(resolver._patterns) < len(resolver.references) / 10


def test_the_word_gate_finds_what_trying_every_reference_finds(coder: Coder) -> None:
    gated = ReferenceResolver(load_references(), coder.dictionary)
    every = ReferenceResolver(load_references(), coder.dictionary)
    every._ungated, every._by_key = list(range(len(every.references))), {}
    texts = [json.loads(line)["text"] for line in REFERENCE_RECORDS.read_text().splitlines()]
    texts += [t.replace(" ", "-") for t in texts] + [t.upper() for t in texts]
    found = 0
    for text in texts:
        expected = every.find(text, 0, PUB, Counter(["AZE", "ARM"]))
        assert gated.find(text, 0, PUB, Counter(["AZE", "ARM"])) == expected, text
        found += len(expected)
    assert found > 100  # the texts do name reference events


def test_lazy_records_open_only_the_shard_a_lookup_needs() -> None:
    rows = pack_rows({"baku": [("Baku", 2)], "paris": [("Paris", 3)]})
    records = LazyRecords(rows, lambda *row: row)
    assert records.get("berlin") is None and records["baku"] == [("Baku", 2)]
    assert set(records._open) == {"b"}  # "paris" is still packed

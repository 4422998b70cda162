"""Start-up: compiled tables are cached on disk, rebuilt when unreadable, never required."""

from __future__ import annotations

from pathlib import Path

import pytest

from casus.ontology.cache import LazyRecords, cache_key, cached


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

    records = LazyRecords({"baku": [("Baku", 2)]}, make)
    assert "baku" in records and "paris" not in records and not built
    assert records.get("baku") == records["baku"] == [("Baku", 2)] and len(built) == 1
    assert records.get("paris") is None

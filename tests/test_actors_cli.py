"""Analyst access: names for codes both ways, DataFrames, charts, and empty results that say why."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image

from casus.analysis import dyad_series, sql, timeline
from casus.analysis.names import (
    codes_containing,
    codes_named,
    name_of,
    names_by_code,
    resolve_actor,
    search_actors,
)
from casus.cli.main import cli
from casus.errors import NotFound
from casus.store import Store
from conftest import build_event, put_events


@pytest.fixture()
def filled(store: Store) -> Store:
    put_events(
        store,
        [
            build_event("AZE", "IRN", "161", "2023-04-06", article="a1"),
            build_event("IRNGOV", "AZE", "111", "2023-05-07", article="a2", words="condemned"),
            build_event("AZE", "IRN", "057", "2023-06-05", article="a3", words="signed a pact"),
            build_event("AZE", "IRN", "190", "1992-01-01", article="a4", historical=True),
        ],
    )
    return store


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Azerbaijan", "AZE"),
        ("iranian", "IRN"),
        ("Tehran", "IRN"),
        ("Azerbaidjan", "AZE"),
        ("IRNGOV", "IRNGOV"),
        ("irn", "IRN"),
        ("Hamas", "PSEREBHMS"),
        ("United Nations", "IGOUNO"),
    ],
)
def test_names_resolve_to_codes(text: str, code: str) -> None:
    assert resolve_actor(text) == code


def test_an_unknown_name_suggests_close_ones() -> None:
    with pytest.raises(NotFound, match=r"did you mean .*AZE"):
        resolve_actor("Azrbjan")


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("AZE", "Azerbaijan"),
        ("IRNGOV", "Iran government"),
        ("---COP", "unknown country police"),
        ("PSEREBHMS", "Hamas"),
        (None, None),
    ],
)
def test_codes_have_readable_names(code: str | None, name: str | None) -> None:
    assert name_of(code) == name


def test_actors_command_looks_up_both_ways() -> None:
    code, out = _run("actors", "azerbaijan", "--format", "json")
    assert code == 0 and json.loads(out)[0]["code"] == "AZE"
    code, out = _run("actors", "AZE", "--format", "json")
    assert "Baku" in json.loads(out)[0]["phrases"]


def test_search_is_fuzzy_on_names() -> None:
    assert search_actors("Azerbajan")[0].code == "AZE"


@pytest.mark.parametrize(
    ("text", "first"), [("IRN", "IRN"), ("irngov", "IRNGOV"), ("US", "USA"), ("Baku", "AZE")]
)
def test_a_code_or_name_lists_its_likeliest_code_first(text: str, first: str) -> None:
    assert codes_named(text)[0] == first


def test_codes_are_found_by_part_of_a_name_or_code() -> None:
    assert "AZE" in codes_containing("azerbai") and "IRNGOV" in codes_containing("irngo")
    assert names_by_code()["AZE"][0] == "Azerbaijan"


def test_timeline_command_accepts_names(filled: Store) -> None:
    code, out = _run("timeline", "Azerbaijan", "Iran", "--db", filled.path, "--format", "json")
    assert code == 0 and [r["cameo"] for r in json.loads(out)] == ["161", "111", "057"]


def test_historical_events_are_left_out_by_default_everywhere(filled: Store) -> None:
    assert "190" not in {r.cameo for r in timeline(filled, "AZE", "IRN")}
    assert sum(r.n_events for r in dyad_series(filled, "AZE", "IRN", "year")) == 3
    assert "190" in {r.cameo for r in timeline(filled, "AZE", "IRN", include_historical=True)}


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (["timeline", "AZE", "IRN", "--since", "2024-01-01"], "filtered out by --since/--until"),
        (["timeline", "AZE", "TUR"], None),
        (["dyad", "AZE", "IRN", "--until", "2020-01-01"], "filtered out by --since/--until"),
    ],
)
def test_empty_results_say_why(filled: Store, args: list[str], reason: str | None) -> None:
    put_events(filled, [build_event("TUR", "GRC", "190", "2023-04-01", article="t1")])
    code, out = _run(*args, "--db", filled.path)
    assert code == 0 and out.startswith("no events: ")
    assert (reason or "no events between AZE–TUR in the store") in out


def test_an_empty_store_says_so(store: Store) -> None:
    code, out = _run("alerts", "--db", store.path)
    assert code == 0 and "is empty" in out


def test_dyad_plot_writes_a_png_of_the_documented_size(filled: Store, tmp_path: Path) -> None:
    target = tmp_path / "aze-irn.png"
    code, _ = _run(
        "dyad", "AZE", "IRN", "--freq", "month", "--plot", str(target), "--db", filled.path
    )
    with Image.open(target) as image:
        assert code == 0 and image.format == "PNG" and image.size == (1000, 450)
        assert len(set(image.convert("RGB").getdata())) > 10  # not a blank canvas


def test_terminal_chart_reads_without_colour(filled: Store) -> None:
    code, out = _run("dyad", "AZE", "IRN", "--freq", "month", "--db", filled.path)
    april, may = (line for line in out.splitlines() if line.startswith(("│ 2023-04", "│ 2023-05")))
    assert "░" in april and "█" not in april.split("│")[-2]
    assert "░" in may


def test_results_become_dataframes(filled: Store) -> None:
    rows = dyad_series(filled, "AZE", "IRN", "month")
    frame = rows.df()
    assert list(frame["n_events"]) == [1, 1, 1] and str(frame["period"].dtype).startswith(
        "datetime"
    )
    assert rows.pl()["n_events"].to_list() == [1, 1, 1]
    assert timeline(filled, "AZE", "IRN").df().shape[0] == 3
    assert sql(filled, "SELECT count(*) AS n FROM clusters").df()["n"][0] == 4


def test_empty_results_still_have_columns(filled: Store) -> None:
    frame = timeline(filled, "AZE", "IRN", since="2030-01-01").df()
    assert frame.empty and "cameo" in frame.columns


def test_progress_total_counts_files_and_json_lines(tmp_path: Path) -> None:
    from casus.cli.ingest import count_articles

    (tmp_path / "a.txt").write_text("one", encoding="utf-8")
    (tmp_path / "b.html").write_text("<p>two</p>", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text('{"text": "x"}\n\n{"text": "y"}\n', encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    assert count_articles([str(tmp_path)]) == 4
    assert count_articles(["-"]) is None

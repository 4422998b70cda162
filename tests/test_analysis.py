"""Timelines, dyad series, alerts, networks, exports and SQL over a hand-built store."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import duckdb
import networkx as nx
import pytest
from click.testing import CliRunner

from casus.analysis import alerts, dyad_series, export, network, sql, timeline
from casus.analysis.export import GDELT_COLUMNS
from casus.analysis.queries import graph_to_graphml, graph_to_json
from casus.errors import InputError, NotFound
from casus.model import Event
from casus.store import Store
from conftest import build_event, put_events

OUTLETS = {
    "a1": "Caspian Wire",
    "a2": "Baku Herald",
    "a3": "Gulf Monitor",
    "a4": "Persian Post",
    "a5": "Persian Post",
    "a6": "Levant Ledger",
    "a7": "Eurasia Brief",
    "a8": "Caspian Wire",
    "a9": "Baku Herald",
    "a10": "Anatolia Dispatch",
}
PUBLISHED = {
    "a1": "2023-04-07",
    "a2": "2023-04-07",
    "a3": "2023-04-08",
    "a4": "2023-04-08",
    "a5": "2023-05-03",
    "a6": "2023-06-06",
    "a7": "2023-06-06",
    "a8": "2023-04-09",
    "a9": "2023-04-21",
    "a10": "2023-04-12",
}
PACT = "signed a security pact with"


def story() -> list[Event]:
    """Azerbaijan-Iran, spring 2023: eleven reports of six events (one historical, one
    negated), plus a Turkey-Azerbaijan drill."""
    return [
        *(build_event("AZE", "IRN", "161", "2023-04-06", article=a) for a in ("a1", "a2", "a3")),
        build_event("IRNGOV", "AZE", "111", "2023-04-07", article="a4", words="condemned"),
        build_event(
            "IRN",
            "AZE",
            "161",
            "2023-05-02",
            article="a5",
            words="expelled four Azerbaijani diplomats",
        ),
        build_event("IRN", "AZE", "057", "2023-06-05", article="a6", words=PACT),
        build_event("AZE", "IRN", "057", "2023-06-05", article="a6", words=PACT),
        build_event("AZE", "IRN", "057", "2023-06-05", article="a7", words=PACT),
        build_event(
            "AZE",
            "IRN",
            "161",
            "1992-01-01",
            precision="year",
            article="a8",
            historical=True,
            sentence=2,
        ),
        build_event(
            "AZE", "IRN", "190", "2023-04-20", article="a9", words="attacked", negated=True
        ),
        build_event("TUR", "AZE", "062", "2023-04-12", article="a10", words="drilled with"),
    ]


@pytest.fixture()
def filled(store: Store) -> Store:
    put_events(store, story(), outlets=OUTLETS, published=PUBLISHED)
    return store


# ---- timeline -----------------------------------------------------------------------------------
def test_timeline_has_one_row_per_event_in_date_order(filled: Store) -> None:
    rows = timeline(filled, "AZE", "IRN", include_historical=True)
    assert [(r.date.isoformat() if r.date else None, r.cameo) for r in rows] == [
        ("1992-01-01", "161"),
        ("2023-04-06", "161"),
        ("2023-04-07", "111"),
        ("2023-05-02", "161"),
        ("2023-06-05", "057"),
    ]


def test_timeline_counts_the_outlets_of_each_event(filled: Store) -> None:
    rows = timeline(filled, "IRN", "AZE", since="2023-01-01")
    assert [r.n_sources for r in rows] == [3, 1, 1, 2]


def test_timeline_gives_who_did_what_to_whom_and_evidence(filled: Store) -> None:
    row = timeline(filled, "AZE", "IRN", since="2023-05-01", until="2023-05-31")[0]
    assert (row.source, row.cameo_name, row.target) == (
        "IRN",
        "Reduce or break diplomatic relations",
        "AZE",
    )
    assert row.evidence == "IRN expelled four Azerbaijani diplomats AZE."


def test_timeline_can_leave_out_historical_events(filled: Store) -> None:
    rows = timeline(filled, "AZE", "IRN", include_historical=False)
    assert all(r.date and r.date.year == 2023 for r in rows) and len(rows) == 4


def test_timeline_accepts_a_full_actor_code_as_a_prefix(filled: Store) -> None:
    rows = timeline(filled, "IRNGOV", "AZE")
    assert [r.cameo for r in rows] == ["111"]


def test_timeline_leaves_out_negated_events(filled: Store) -> None:
    assert "190" not in {r.cameo for r in timeline(filled, "AZE", "IRN")}
    assert filled.query("SELECT count(*) FROM events WHERE cameo = '190'") == [(1,)]


def test_unknown_actor_code_raises_not_found_naming_it(filled: Store) -> None:
    with pytest.raises(NotFound, match=r"unknown actor code 'IRQ'.*did you mean IRN"):
        timeline(filled, "AZE", "IRQ")


@pytest.mark.parametrize("code", ["I R N", "IR", "AZ-E", ""])
def test_malformed_actor_code_raises_input_error(filled: Store, code: str) -> None:
    with pytest.raises(InputError, match="not an actor code"):
        timeline(filled, "AZE", code)


@pytest.mark.parametrize(
    ("since", "until", "message"),
    [
        ("2023-06-01", "2023-04-01", "is after"),
        ("yesterday", None, "not a date"),
        (None, "2023-13-01", "not a date"),
    ],
)
def test_invalid_date_range_raises_input_error(
    filled: Store, since: str | None, until: str | None, message: str
) -> None:
    with pytest.raises(InputError, match=message):
        timeline(filled, "AZE", "IRN", since, until)


def test_failed_queries_write_nothing(filled: Store) -> None:
    path = Path(filled.path)
    before = path.read_bytes()
    for bad in (
        lambda: timeline(filled, "AZE", "XXX"),
        lambda: dyad_series(filled, "AZE", "IRN", since="2024-01-01", until="2023-01-01"),
        lambda: sql(filled, "DELETE FROM events"),
    ):
        with pytest.raises((NotFound, InputError)):
            bad()
    assert path.read_bytes() == before and not path.with_suffix(".duckdb.wal").exists()


# ---- dyad series --------------------------------------------------------------------------------
def test_dyad_series_counts_events_by_quad_class_per_month(filled: Store) -> None:
    rows = dyad_series(filled, "AZE", "IRN", "month")
    assert [
        (
            r.period.isoformat(),
            r.n_events,
            r.verbal_cooperation,
            r.verbal_conflict,
            r.material_conflict,
        )
        for r in rows
    ] == [("2023-04-01", 2, 0, 1, 1), ("2023-05-01", 1, 0, 0, 1), ("2023-06-01", 1, 1, 0, 0)]


def test_dyad_series_sums_and_averages_goldstein(filled: Store) -> None:
    april = dyad_series(filled, "AZE", "IRN", "month")[0]
    assert (april.goldstein_sum, april.goldstein_mean) == (-6.0, -3.0)


def test_dyad_series_counts_events_not_reports(filled: Store) -> None:
    june = dyad_series(filled, "AZE", "IRN", "month")[-1]
    assert june.n_events == 1  # three reports of one pact


def test_dyad_series_fills_weeks_without_events_with_zeros(filled: Store) -> None:
    rows = dyad_series(filled, "AZE", "IRN", "week")
    assert rows[0].period == dt.date(2023, 4, 3) and len(rows) == 10
    assert rows[1].n_events == 0 and rows[1].goldstein_mean is None


def test_dyad_series_includes_historical_events_only_when_asked(filled: Store) -> None:
    rows = dyad_series(filled, "AZE", "IRN", "year", include_historical=True)
    assert (rows[0].period, rows[0].n_events) == (dt.date(1992, 1, 1), 1)


def test_dyad_series_rejects_an_unknown_frequency(filled: Store) -> None:
    with pytest.raises(InputError, match="--freq"):
        dyad_series(filled, "AZE", "IRN", "fortnight")


# ---- alerts -------------------------------------------------------------------------------------
AS_OF = dt.date(2023, 12, 31)


def conflict_events(src: str, tgt: str, per_window: list[int], tag: str) -> list[Event]:
    """``per_window[k]`` attacks in the k-th 30-day window before AS_OF, four days apart."""
    out = []
    for k, n in enumerate(per_window):
        for i in range(n):
            day = AS_OF - dt.timedelta(days=30 * k + 1 + 4 * i)
            out.append(
                build_event(
                    src, tgt, "190", day.isoformat(), article=f"{tag}{k}-{i}", words="attacked"
                )
            )
    return out


@pytest.fixture()
def tense(store: Store) -> Store:
    events = (
        conflict_events("RUS", "UKR", [5, 1, 1, 1, 1, 1, 1], "r")
        + conflict_events("ARM", "AZE", [3, 3, 3, 3, 3, 3, 3], "a")
        + conflict_events("GEO", "RUS", [2], "g")
    )
    put_events(store, events)
    return store


def test_alerts_flag_a_dyad_whose_conflict_jumps_above_its_baseline(tense: Store) -> None:
    found = alerts(tense, window_days=30, as_of=AS_OF)
    assert [(a.a, a.b, a.count, a.intensity, a.baseline_mean) for a in found] == [
        ("RUS", "UKR", 5, 50.0, 10.0)
    ]
    assert found[0].z == 40.0


def test_alerts_need_the_minimum_count(tense: Store) -> None:
    found = alerts(tense, window_days=30, as_of=AS_OF, min_count=1)
    assert {(a.a, a.b) for a in found} == {("RUS", "UKR"), ("GEO", "RUS")}


def test_alerts_default_to_the_latest_event_date(tense: Store) -> None:
    assert alerts(tense)[0].window_end == AS_OF - dt.timedelta(days=1)


# ---- network ------------------------------------------------------------------------------------
def test_network_edges_weigh_conflict_and_cooperation(filled: Store) -> None:
    graph = network(filled, "2023-01-01", "2023-12-31")
    assert graph.edges["IRN", "AZE"]["conflict"] == 2
    assert graph.edges["IRN", "AZE"]["conflict_weight"] == 6.0
    assert graph.edges["TUR", "AZE"]["cooperation_weight"] == 7.4


def test_network_adds_symmetric_events_in_both_directions(filled: Store) -> None:
    graph = network(filled)
    assert graph.edges["AZE", "IRN"]["cooperation"] == 1
    assert graph.edges["IRN", "AZE"]["cooperation"] == 1


def test_network_writers_round_trip(filled: Store) -> None:
    graph = network(filled)
    parsed = nx.parse_graphml(graph_to_graphml(graph))
    data = json.loads(json.dumps(graph_to_json(graph)))
    assert set(parsed.edges) == set(graph.edges)
    assert {(x["source"], x["target"]) for x in data["links"]} == set(graph.edges)


# ---- exports ------------------------------------------------------------------------------------
def test_jsonl_export_gives_the_event_json_with_cluster_ids(filled: Store) -> None:
    out = io.StringIO()
    n = export(filled, "jsonl", out)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert n == len(records) == 10  # the negated report is left out
    assert all(r["cluster_id"] for r in records)
    assert Event.from_dict(records[0]).event_id == records[0]["event_id"]


def test_export_all_includes_non_asserted_events(filled: Store) -> None:
    assert export(filled, "jsonl", io.StringIO(), include_all=True) == 11


def test_csv_export_has_a_header_and_a_row_per_report(filled: Store) -> None:
    out = io.StringIO()
    export(filled, "csv", out, since="2023-06-01")
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert len(rows) == 3 and {r["cameo"] for r in rows} == {"057"}
    assert all("signed a security pact" in r["evidence_text"] for r in rows)


def test_parquet_export_writes_a_readable_file(filled: Store, tmp_path: Path) -> None:
    target = tmp_path / "events.parquet"
    export(filled, "parquet", target)
    assert duckdb.sql(f"SELECT count(*) FROM read_parquet('{target}')").fetchall() == [(10,)]


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_export_to_an_unwritable_path_is_an_input_error(
    filled: Store, tmp_path: Path, fmt: str
) -> None:
    with pytest.raises(InputError, match="cannot write"):
        export(filled, fmt, tmp_path / "no-such-dir" / f"events.{fmt}")


def test_parquet_export_needs_a_file(filled: Store) -> None:
    with pytest.raises(InputError, match="parquet"):
        export(filled, "parquet", io.StringIO())


def test_gdelt_export_has_the_61_event_columns_one_row_per_event(filled: Store) -> None:
    out = io.StringIO()
    export(filled, "gdelt", out, since="2023-04-06", until="2023-04-06")
    [row] = list(csv.reader(io.StringIO(out.getvalue()), delimiter="\t"))
    record = dict(zip(GDELT_COLUMNS, row, strict=True))
    assert (record["SQLDATE"], record["Actor1Code"], record["Actor2Code"]) == (
        "20230406",
        "AZE",
        "IRN",
    )
    assert (record["EventRootCode"], record["NumSources"], record["QuadClass"]) == ("16", "3", "4")


def test_plover_export_fills_the_spec_fields(filled: Store) -> None:
    out = io.StringIO()
    export(filled, "plover", out, since="2023-06-01")
    [record] = [json.loads(line) for line in out.getvalue().splitlines()]
    assert record["event"] == "SUPPORT" and record["date"] == "2023-06-05"
    assert {"id", "actor", "recipient", "mode", "context", "text", "quad_code"} <= set(record)


def test_unknown_export_format_is_an_input_error(filled: Store) -> None:
    with pytest.raises(InputError, match="export format"):
        export(filled, "xlsx", io.StringIO())


# ---- sql ----------------------------------------------------------------------------------------
def test_sql_runs_a_select(filled: Store) -> None:
    result = sql(filled, "SELECT cameo, count(*) AS n FROM events GROUP BY 1 ORDER BY 1")
    assert result.columns == ["cameo", "n"] and result.rows[0] == ("057", 3)


@pytest.mark.parametrize(
    "query",
    [
        "DELETE FROM events",
        "INSERT INTO actors VALUES ('X', NULL, [], NULL, NULL, 1)",
        "DROP TABLE events",
        "COPY events TO '/tmp/x.csv'",
        "ATTACH 'other.duckdb'",
        "SELECT 1; DELETE FROM events",
        "PRAGMA enable_profiling",
        "UPDATE events SET cameo='01'",
    ],
)
def test_sql_refuses_anything_that_is_not_a_read(filled: Store, query: str) -> None:
    with pytest.raises(InputError):
        sql(filled, query)
    assert filled.counts()["events"] == 11


def test_sql_cannot_read_files(filled: Store, tmp_path: Path) -> None:
    secret = tmp_path / "secret.csv"
    secret.write_text("a\n1\n")
    with pytest.raises(InputError, match="SQL error"):
        sql(filled, f"SELECT * FROM read_csv('{secret}')")


# ---- command line -------------------------------------------------------------------------------
@pytest.fixture()
def cli():  # type: ignore[no-untyped-def]
    from casus.cli.main import cli as group
    from casus.cli.store import register

    if "timeline" not in group.commands:
        register(group)
    return group


def test_timeline_command_prints_json(cli, filled: Store) -> None:  # type: ignore[no-untyped-def]
    result = CliRunner().invoke(
        cli,
        [
            "timeline",
            "aze",
            "irn",
            "--db",
            filled.path,
            "--since",
            "2023-01-01",
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    assert [r["cameo"] for r in json.loads(result.output)] == ["161", "111", "161", "057"]


def test_unknown_actor_on_the_command_line_is_one_line_and_exit_2(cli, filled: Store) -> None:  # type: ignore[no-untyped-def]
    result = CliRunner().invoke(cli, ["timeline", "AZE", "XYZ", "--db", filled.path])
    assert result.exit_code == 2
    assert result.output.strip().startswith("casus: error: unknown actor code 'XYZ'")


def test_dyad_command_draws_a_bar_chart(cli, filled: Store) -> None:  # type: ignore[no-untyped-def]
    result = CliRunner().invoke(cli, ["dyad", "AZE", "IRN", "--freq", "month", "--db", filled.path])
    assert result.exit_code == 0 and "█" in result.output and "2023-06-01" in result.output


def test_sql_command_writes_csv(cli, filled: Store) -> None:  # type: ignore[no-untyped-def]
    result = CliRunner().invoke(
        cli, ["sql", "SELECT count(*) AS n FROM clusters", "--db", filled.path, "--format", "csv"]
    )
    assert result.output.splitlines() == ["n", "6"]


def test_export_command_refuses_bad_dates_before_creating_the_file(
    cli,
    filled: Store,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    target = tmp_path / "out.jsonl"
    result = CliRunner().invoke(
        cli, ["export", "-o", str(target), "--since", "2023-02-30", "--db", filled.path]
    )
    assert result.exit_code == 2 and not target.exists()


def test_query_commands_do_not_create_a_store(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "casus.duckdb"
    result = CliRunner().invoke(cli, ["alerts", "--db", str(path)])
    assert result.exit_code == 2 and not path.exists()


def test_every_store_command_has_help_text() -> None:
    from casus.cli.store import commands

    for command in commands():
        assert command.help and len(command.help.split()) > 5, command.name
        assert all(p.help for p in command.params if isinstance(p, __import__("click").Option))

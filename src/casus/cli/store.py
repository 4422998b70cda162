"""The store commands: ``ingest``, ``timeline``, ``dyad``, ``alerts``, ``network``, ``export``,
``sql``. Each is a thin shell over :mod:`casus.store` and :mod:`casus.analysis`."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import click

from casus.cli.common import cell, run_safely, terminal_safe, writing
from casus.cli.ingest import ingest_command
from casus.cli.store_options import db_options, fmt_option, open_store
from casus.errors import InputError

BAR_WIDTH = 30
COOP_GLYPH, CONFLICT_GLYPH = "█", "░"  # distinguishable without colour
_CODE_RE = re.compile(r"[A-Z0-9]{3,30}")
_WINDOW_RE = re.compile(r"^(\d+)\s*([dw]?)$")
MAX_WINDOW_DAYS = 3660  # ten years: windows and baselines stay inside the calendar
MAX_BASELINE = 120


# ---- timeline -----------------------------------------------------------------------------------
@click.command("timeline")
@click.argument("a")
@click.argument("b")
@click.option("--since", help="First date YYYY-MM-DD.")
@click.option("--until", help="Last date YYYY-MM-DD.")
@click.option(
    "--historical",
    is_flag=True,
    help="Include events the articles mention as background (dated long before).",
)
@fmt_option("table", "csv", "json")
@db_options
@click.pass_context
@run_safely
def timeline_command(
    ctx: click.Context,
    a: str,
    b: str,
    since: str | None,
    until: str | None,
    historical: bool,
    fmt: str,
    db: str | None,
    wait: float | None,
) -> None:
    """The de-duplicated chronology of events between actors A and B (either direction).

    One row per real-world event: date, who, what, whom, the number of outlets that
    reported it, and one evidence sentence. A and B are codes (IRN, IRNGOV) or names
    (Iran, Iranian, Tehran; see `casus actors`). Historical events only with --historical.
    """
    from casus.analysis.queries import timeline

    store = open_store(ctx, db, wait)
    a, b = _actor_arg(a), _actor_arg(b)
    rows = timeline(store, a, b, since, until, include_historical=historical)
    dicts = [r.to_dict() for r in rows]
    if fmt != "table":
        _emit(dicts, fmt)
        return
    if not rows:
        _why_empty(store, a, b, since, until, historical)
        return
    table = _table("date", "source", "event", "target", "sources", "evidence")
    for r in rows:
        table.add_row(
            _show_date(r.date, r.date_precision),
            r.source or "-",
            f"{r.cameo} {r.cameo_name}",
            r.target or "-",
            str(r.n_sources),
            cell(r.evidence),
        )
    _print(table, f"{len(rows)} event(s) between {_pair(a, b)}")


# ---- dyad ---------------------------------------------------------------------------------------
@click.command("dyad")
@click.argument("a")
@click.argument("b")
@click.option(
    "--freq",
    type=click.Choice(["week", "month", "quarter", "year"]),
    default="week",
    show_default=True,
    help="Period length.",
)
@click.option("--since", help="First date YYYY-MM-DD.")
@click.option("--until", help="Last date YYYY-MM-DD.")
@click.option("--historical", is_flag=True, help="Include historical (background) events.")
@click.option(
    "--plot",
    "plot_path",
    type=click.Path(dir_okay=False),
    help="Also save the series as a PNG chart (1000 x 450) to this file.",
)
@fmt_option("table", "csv", "json")
@db_options
@click.pass_context
@run_safely
def dyad_command(
    ctx: click.Context,
    a: str,
    b: str,
    freq: str,
    since: str | None,
    until: str | None,
    historical: bool,
    plot_path: str | None,
    fmt: str,
    db: str | None,
    wait: float | None,
) -> None:
    """Events between A and B per period: counts by QuadClass, Goldstein sum and mean.

    A and B are codes or names, as for `casus timeline`. The table ends with a bar chart
    that reads without colour: cooperation (QuadClass 1-2) as █, conflict (3-4) as ░.
    Historical events are excluded unless --historical. --plot FILE.png saves a chart.
    """
    from casus.analysis.queries import dyad_series

    store = open_store(ctx, db, wait)
    a, b = _actor_arg(a), _actor_arg(b)
    rows = dyad_series(store, a, b, freq, include_historical=historical, since=since, until=until)
    if plot_path and rows:
        from casus.analysis.plot import plot_dyad

        plot_dyad(rows, Path(plot_path), title=f"{_pair(a, b)} per {freq}")
        click.echo(f"chart written to {plot_path}", err=True)
    if fmt != "table":
        _emit([r.to_dict() for r in rows], fmt)
        return
    if not rows:
        _why_empty(store, a, b, since, until, historical)
        return
    peak = max((r.n_events for r in rows), default=1) or 1
    table = _table(
        "period",
        "events",
        "verbal coop",
        "material coop",
        "verbal conflict",
        "material conflict",
        "Goldstein sum",
        "Goldstein mean",
        f"{COOP_GLYPH} cooperation {CONFLICT_GLYPH} conflict",
    )
    for r in rows:
        coop = r.verbal_cooperation + r.material_cooperation
        conf = r.verbal_conflict + r.material_conflict
        bar = (
            f"[green]{_bar(coop, peak, COOP_GLYPH)}[/green]"
            f"[red]{_bar(conf, peak, CONFLICT_GLYPH)}[/red]"
        )
        mean = "-" if r.goldstein_mean is None else f"{r.goldstein_mean:+.2f}"
        table.add_row(
            r.period.isoformat(),
            str(r.n_events),
            str(r.verbal_cooperation),
            str(r.material_cooperation),
            str(r.verbal_conflict),
            str(r.material_conflict),
            f"{r.goldstein_sum:+.1f}",
            mean,
            bar,
        )
    _print(table, f"{_pair(a, b)} per {freq}: {len(rows)} period(s)")


def _bar(n: int, peak: int, glyph: str = "█") -> str:
    return glyph * (round(n / peak * BAR_WIDTH) if n else 0)


def _actor_arg(text: str) -> str:
    """An actor argument as a code: codes pass, names resolve ("Azerbaijan" → AZE)."""
    from casus.analysis.names import resolve_actor
    from casus.errors import NotFound

    try:
        return resolve_actor(text)
    except NotFound:
        if _CODE_RE.fullmatch(text.strip()):
            return text  # code-shaped: the store's check says whether it knows it
        raise


def _pair(a: str, b: str) -> str:
    return f"{a.upper()}–{b.upper()}"


def _why_empty(
    store: Any, a: str, b: str, since: str | None, until: str | None, historical: bool
) -> None:
    from casus.analysis.empty import why_no_dyad_events

    reason = why_no_dyad_events(
        store, a.upper(), b.upper(), since=since, until=until, include_historical=historical
    )
    click.echo(f"no events: {reason}")


# ---- alerts -------------------------------------------------------------------------------------
@click.command("alerts")
@click.option(
    "--window",
    default="30d",
    show_default=True,
    help="Window length: days (30d, 30) or weeks (4w).",
)
@click.option(
    "--baseline",
    type=click.IntRange(min=2, max=MAX_BASELINE),
    default=6,
    show_default=True,
    help="Number of earlier windows forming the baseline.",
)
@click.option(
    "--min-count",
    type=click.IntRange(min=1),
    default=3,
    show_default=True,
    help="Conflict events the latest window needs.",
)
@click.option("--z", "z", type=float, default=2.0, show_default=True, help="z-score threshold.")
@click.option("--as-of", help="End of the latest window (default: latest event date).")
@fmt_option("table", "csv", "json")
@db_options
@click.pass_context
@run_safely
def alerts_command(
    ctx: click.Context,
    window: str,
    baseline: int,
    min_count: int,
    z: float,
    as_of: str | None,
    fmt: str,
    db: str | None,
    wait: float | None,
) -> None:
    """Dyads whose conflict intensity in the latest window stands out from their baseline.

    Intensity is the sum of |Goldstein| of de-duplicated conflict events (QuadClass 3-4);
    the score is a z-score against the previous windows (docs/store.md). Historical
    (background) events never count: alerts are about the latest window.
    """
    from casus.analysis.queries import alerts

    store = open_store(ctx, db, wait)
    found = alerts(
        store,
        window_days=parse_window(window),
        baseline_windows=baseline,
        min_count=min_count,
        z=z,
        as_of=as_of,
    )
    if fmt != "table":
        _emit([x.to_dict() for x in found], fmt)
        return
    if not found:
        from casus.analysis.empty import why_no_alerts

        click.echo(f"no alerts: {why_no_alerts(store, as_of=as_of)}")
        return
    table = _table("dyad", "window", "events", "intensity", "baseline", "sd", "z")
    for x in found:
        table.add_row(
            f"{x.a}–{x.b}",
            f"{x.window_start}..{x.window_end}",
            str(x.count),
            f"{x.intensity:.1f}",
            f"{x.baseline_mean:.1f}",
            f"{x.baseline_sd:.1f}",
            f"{x.z:.2f}",
        )
    _print(table, f"{len(found)} alert(s)")


def parse_window(text: str) -> int:
    """``30d``/``30`` -> 30 days, ``4w`` -> 28 days, at most :data:`MAX_WINDOW_DAYS`;
    :class:`InputError` otherwise."""
    match = _WINDOW_RE.match(text.strip().lower())
    if not match or len(match.group(1)) > 6 or int(match.group(1)) < 1:
        raise InputError(f"--window {text[:40]!r}: give days (30d) or weeks (4w)")
    days = int(match.group(1)) * (7 if match.group(2) == "w" else 1)
    if days > MAX_WINDOW_DAYS:
        raise InputError(f"--window {text!r} is too long: at most {MAX_WINDOW_DAYS} days")
    return days


# ---- network, export, sql -----------------------------------------------------------------------
@click.command("network")
@click.option("--since", help="First date YYYY-MM-DD.")
@click.option("--until", help="Last date YYYY-MM-DD.")
@click.option(
    "--level",
    type=click.Choice(["country", "code"]),
    default="country",
    show_default=True,
    help="Nodes are countries or full actor codes.",
)
@fmt_option("graphml", "json")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Output file (stdout).")
@db_options
@click.pass_context
@run_safely
def network_command(
    ctx: click.Context,
    since: str | None,
    until: str | None,
    level: str,
    fmt: str,
    output: str | None,
    db: str | None,
    wait: float | None,
) -> None:
    """The actor network: actors as nodes, cooperation and conflict as weighted edges."""
    from casus.analysis.queries import graph_to_graphml, graph_to_json, network

    graph = network(open_store(ctx, db, wait), since, until, level=level)
    text = (
        graph_to_graphml(graph)
        if fmt == "graphml"
        else json.dumps(graph_to_json(graph), ensure_ascii=False, indent=2) + "\n"
    )
    if output:
        with writing(output):
            Path(output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


@click.command("export")
@fmt_option("jsonl", "csv", "parquet", "gdelt", "gdelt-mentions", "plover", "polecat")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    help="Output file (stdout; parquet needs a file).",
)
@click.option(
    "--all",
    "include_all",
    is_flag=True,
    help="Also export negated, hypothetical and future events (jsonl, csv, parquet).",
)
@click.option("--since", help="First date YYYY-MM-DD.")
@click.option("--until", help="Last date YYYY-MM-DD.")
@db_options
@click.pass_context
@run_safely
def export_command(
    ctx: click.Context,
    fmt: str,
    output: str | None,
    include_all: bool,
    since: str | None,
    until: str | None,
    db: str | None,
    wait: float | None,
) -> None:
    """Export events: jsonl, csv, parquet (one row per report); gdelt (GDELT 2.0 Events, 61
    tab-separated columns), plover (PLOVER JSON lines) or polecat (POLECAT-style TSV), one
    record per de-duplicated event; gdelt-mentions (GDELT 2.0 Mentions, one row per report).
    docs/export-formats.md maps every field."""
    from casus.analysis.queries import date_range, export

    date_range(since, until)  # bad dates fail before any file is created
    store = open_store(ctx, db, wait)
    target: Any = Path(output) if output else sys.stdout
    with writing(output or "standard output"):
        n = export(store, fmt, target, include_all=include_all, since=since, until=until)
    if output:
        click.echo(f"{n} record(s) written to {output}", err=True)


@click.command("sql")
@click.argument("query")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many rows.")
@click.option(
    "--timeout",
    type=click.FloatRange(min=0.001, max=86_400),
    default=30.0,
    show_default=True,
    help="Seconds the statement may run before it is stopped.",
)
@fmt_option("table", "csv", "json")
@db_options
@click.pass_context
@run_safely
def sql_command(
    ctx: click.Context,
    query: str,
    limit: int | None,
    timeout: float,
    fmt: str,
    db: str | None,
    wait: float | None,
) -> None:
    """Run one read-only SQL statement on the store (SELECT, WITH, SHOW, DESCRIBE, ...).

    Tables: articles, events, clusters, actors (docs/store.md). The database is opened
    read-only and file access is disabled, so nothing can be written. The statement is
    stopped after --timeout seconds and returns at most 100,000 rows.
    """
    from casus.analysis.user_sql import check_sql, sql

    check_sql(query)
    result = sql(open_store(ctx, db, wait), query, limit=limit, timeout=timeout)
    if result.truncated:
        click.echo(
            f"casus: only the first {len(result.rows):,} rows are shown (row cap); "
            "add LIMIT/OFFSET or aggregate",
            err=True,
        )
    if fmt != "table":
        _emit(result.to_dicts(), fmt, columns=result.columns)
        return
    table = _table(*result.columns)
    for row in result.rows:
        table.add_row(*("" if v is None else cell(str(v)) for v in row))
    _print(table, f"{len(result.rows)} row(s)")


# ---- output helpers -----------------------------------------------------------------------------
def _show_date(day: dt.date | None, precision: str) -> str:
    if day is None:
        return "?"
    if precision == "month":
        return day.strftime("%Y-%m")
    if precision in ("year", "decade"):
        return str(day.year) + ("s" if precision == "decade" else "")
    return day.isoformat() + (" (week)" if precision == "week" else "")


def _table(*columns: str) -> Any:
    from rich.table import Table

    return Table(*columns)


def _print(table: Any, caption: str) -> None:
    from casus.cli.console import stdout_console

    table.caption = caption
    stdout_console().print(table)


def _emit(
    rows: list[dict[str, Any]],
    fmt: str,
    *,
    columns: Iterable[str] | None = None,
) -> None:
    out = terminal_safe(sys.stdout)
    if fmt == "json":
        out.write(json.dumps(rows, ensure_ascii=False, indent=2, default=str) + "\n")
        return
    names = list(columns) if columns is not None else (list(rows[0]) if rows else [])
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(names)
    for row in rows:
        writer.writerow(["" if row.get(n) is None else row.get(n) for n in names])


def commands() -> Iterator[click.Command]:
    """The store commands, in help order."""
    yield from (
        ingest_command,
        timeline_command,
        dyad_command,
        alerts_command,
        network_command,
        export_command,
        sql_command,
    )


def register(group: click.Group) -> None:
    """Add the store commands to the ``casus`` group."""
    for command in commands():
        group.add_command(command)

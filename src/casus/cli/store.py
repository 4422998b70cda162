"""The store commands: ``ingest``, ``timeline``, ``dyad``, ``alerts``, ``network``, ``export``,
``sql``. Each is a thin shell over :mod:`casus.store` and :mod:`casus.analysis`."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import click

from casus.cli.common import (
    EXIT_SKIPPED,
    articles_from,
    config_from,
    parse_published,
    run_safely,
    table_options,
)
from casus.cli.workers import worker_options
from casus.errors import InputError

F = TypeVar("F", bound=Callable[..., Any])
BAR_WIDTH = 30
_WINDOW_RE = re.compile(r"^(\d+)\s*([dw]?)$")


def _db_options(func: F) -> F:
    func = click.option(
        "--wait",
        type=float,
        default=None,
        help="Seconds to wait while another process holds the database "
        "(default 5 for queries, 60 for ingest).",
    )(func)
    func = click.option(
        "--db",
        type=click.Path(dir_okay=False),
        help="Store file (default: casus.duckdb here, or `db` in --config).",
    )(func)
    return func


def _fmt_option(*choices: str) -> Callable[[F], F]:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(list(choices)),
        default=choices[0],
        show_default=True,
        help="Output format.",
    )


def _open(
    ctx: click.Context,
    db: str | None,
    wait: float | None,
    *,
    create: bool = False,
) -> Any:
    from casus.store import READ_WAIT, WRITE_WAIT, Store

    path = Path(db) if db else config_from(ctx).db
    return Store.open(
        path,
        create=create,
        wait=READ_WAIT if wait is None else wait,
        write_wait=WRITE_WAIT if wait is None else wait,
    )


# ---- ingest -------------------------------------------------------------------------------------
@click.command("ingest")
@click.argument("inputs", nargs=-1)
@_db_options
@click.option("--published", help="Publication date YYYY-MM-DD for inputs that lack one.")
@click.option("--outlet", help="Outlet name for inputs that lack one.")
@click.option(
    "--batch-size",
    type=click.IntRange(min=1),
    default=64,
    show_default=True,
    help="Articles per committed transaction.",
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Progress bar on stderr (default: only when stdout is a terminal).",
)
@table_options
@worker_options
@click.pass_context
@run_safely
def ingest_command(
    ctx: click.Context,
    inputs: tuple[str, ...],
    db: str | None,
    wait: float | None,
    published: str | None,
    outlet: str | None,
    batch_size: int,
    progress: bool | None,
    lexicon_files: tuple[str, ...],
    dictionary_files: tuple[str, ...],
    petrarch_actors: tuple[str, ...],
    petrarch_agents: tuple[str, ...],
    workers: int | None,
    engine: str,
    address: str | None,
) -> None:
    """Code articles and store their events in the DuckDB store.

    INPUTS are .txt, .html and .jsonl files, directories of them, or - for stdin (the
    default). Articles already stored with the same text and versions are skipped; changed
    ones are re-coded and their events replaced. Each batch is one transaction, so an
    interrupted ingest resumes where it stopped. Exit status 1 if any input was skipped.
    """
    from casus.cli.workers import executor_from
    from casus.io.readers import Skipped, read_inputs
    from casus.store import WRITE_WAIT, ingest

    day = parse_published(published)
    cfg = config_from(
        ctx,
        lexicon_files=lexicon_files,
        dictionary_files=dictionary_files,
        petrarch_actors=petrarch_actors,
        petrarch_agents=petrarch_agents,
    )
    # ingest's reads (which articles are stored) wait as long as its writes
    store = _open(ctx, db, WRITE_WAIT if wait is None else wait, create=True)
    skipped: list[Skipped] = []
    articles = articles_from(
        read_inputs(list(inputs) or ["-"], published=day, outlet=outlet), skipped
    )
    show = progress if progress is not None else sys.stdout.isatty()
    with executor_from(cfg, workers, engine, address) as coder, _Progress(show) as advance:
        stats = ingest(store, coder, articles, batch_size=batch_size, on_batch=advance)
    for failure in stats.failed:
        click.echo(f"casus: skipped {failure}", err=True)
    click.echo(
        f"{stats.read} article(s): {stats.coded} coded, {stats.recoded} re-coded, "
        f"{stats.unchanged} unchanged; {stats.events} event(s) stored, "
        f"{stats.clusters} cluster(s) rebuilt in {store.path} ({stats.seconds:.1f}s)"
    )
    if skipped or stats.failed:
        click.echo(f"casus: {len(skipped) + len(stats.failed)} input(s) skipped", err=True)
        sys.exit(EXIT_SKIPPED)


class _Progress:
    """A rich progress bar on stderr (or nothing) whose ``advance(n)`` the ingest calls."""

    def __init__(self, show: bool) -> None:
        self.show = show
        self._bar: Any = None
        self._task: Any = None

    def __enter__(self) -> Callable[[int], None]:
        if self.show:
            from rich.progress import Progress

            from casus.cli.console import stderr_console

            self._bar = Progress(console=stderr_console())
            self._bar.__enter__()
            self._task = self._bar.add_task("ingesting", total=None)  # inputs are streamed
        return self.advance

    def advance(self, n: int) -> None:
        """Move the bar by ``n`` articles."""
        if self._bar is not None:
            self._bar.advance(self._task, n)

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)


# ---- timeline -----------------------------------------------------------------------------------
@click.command("timeline")
@click.argument("a")
@click.argument("b")
@click.option("--since", help="First date YYYY-MM-DD.")
@click.option("--until", help="Last date YYYY-MM-DD.")
@click.option(
    "--historical/--no-historical",
    default=True,
    show_default=True,
    help="Include events the articles mention as background (dated long before).",
)
@_fmt_option("table", "csv", "json")
@_db_options
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
    reported it, and one evidence sentence. A and B are country codes (IRN) or actor codes.
    """
    from casus.analysis.queries import timeline

    rows = timeline(_open(ctx, db, wait), a, b, since, until, include_historical=historical)
    dicts = [r.to_dict() for r in rows]
    if fmt != "table":
        _emit(dicts, fmt)
        return
    table = _table("date", "source", "event", "target", "sources", "evidence")
    for r in rows:
        table.add_row(
            _show_date(r.date, r.date_precision),
            r.source or "-",
            f"{r.cameo} {r.cameo_name}",
            r.target or "-",
            str(r.n_sources),
            r.evidence,
        )
    _print(table, f"{len(rows)} event(s) between {a.upper()} and {b.upper()}")


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
@_fmt_option("table", "csv", "json")
@_db_options
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
    fmt: str,
    db: str | None,
    wait: float | None,
) -> None:
    """Events between A and B per period: counts by QuadClass, Goldstein sum and mean.

    The table ends with a bar chart: cooperation (QuadClass 1-2) in green, conflict (3-4)
    in red. Historical events are excluded unless --historical.
    """
    from casus.analysis.queries import dyad_series

    rows = dyad_series(
        _open(ctx, db, wait), a, b, freq, include_historical=historical, since=since, until=until
    )
    if fmt != "table":
        _emit([r.to_dict() for r in rows], fmt)
        return
    peak = max((r.n_events for r in rows), default=1) or 1
    table = _table(
        "period",
        "events",
        "vcoop",
        "mcoop",
        "vconf",
        "mconf",
        "gold sum",
        "gold mean",
        "cooperation | conflict",
    )
    for r in rows:
        coop = r.verbal_cooperation + r.material_cooperation
        conf = r.verbal_conflict + r.material_conflict
        bar = f"[green]{_bar(coop, peak)}[/green][red]{_bar(conf, peak)}[/red]"
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
    _print(table, f"{a.upper()}–{b.upper()} per {freq}: {len(rows)} period(s)")


def _bar(n: int, peak: int) -> str:
    return "█" * (round(n / peak * BAR_WIDTH) if n else 0)


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
    type=click.IntRange(min=2),
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
@_fmt_option("table", "csv", "json")
@_db_options
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
    the score is a z-score against the previous windows (docs/store.md).
    """
    from casus.analysis.queries import alerts

    found = alerts(
        _open(ctx, db, wait),
        window_days=parse_window(window),
        baseline_windows=baseline,
        min_count=min_count,
        z=z,
        as_of=as_of,
    )
    if fmt != "table":
        _emit([x.to_dict() for x in found], fmt)
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
    """``30d``/``30`` -> 30 days, ``4w`` -> 28 days; :class:`InputError` otherwise."""
    match = _WINDOW_RE.match(text.strip().lower())
    if not match or int(match.group(1)) < 1:
        raise InputError(f"--window {text!r}: give days (30d) or weeks (4w)")
    return int(match.group(1)) * (7 if match.group(2) == "w" else 1)


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
@_fmt_option("graphml", "json")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Output file (stdout).")
@_db_options
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

    graph = network(_open(ctx, db, wait), since, until, level=level)
    text = (
        graph_to_graphml(graph)
        if fmt == "graphml"
        else json.dumps(graph_to_json(graph), ensure_ascii=False, indent=2) + "\n"
    )
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


@click.command("export")
@_fmt_option("jsonl", "csv", "parquet", "gdelt", "plover")
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
@_db_options
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
    """Export events: jsonl, csv, parquet (one row per report), gdelt (GDELT 2.0 event
    columns, tab-separated) or plover (PLOVER JSON), both one record per de-duplicated event."""
    from casus.analysis.queries import date_range, export

    date_range(since, until)  # bad dates fail before any file is created
    store = _open(ctx, db, wait)
    target: Any = Path(output) if output else sys.stdout
    n = export(store, fmt, target, include_all=include_all, since=since, until=until)
    if output:
        click.echo(f"{n} record(s) written to {output}", err=True)


@click.command("sql")
@click.argument("query")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many rows.")
@_fmt_option("table", "csv", "json")
@_db_options
@click.pass_context
@run_safely
def sql_command(
    ctx: click.Context, query: str, limit: int | None, fmt: str, db: str | None, wait: float | None
) -> None:
    """Run one read-only SQL statement on the store (SELECT, WITH, SHOW, DESCRIBE, ...).

    Tables: articles, events, clusters, actors (docs/store.md). The database is opened
    read-only and file access is disabled, so nothing can be written.
    """
    from casus.analysis.queries import check_sql, sql

    check_sql(query)
    result = sql(_open(ctx, db, wait), query, limit=limit)
    if fmt != "table":
        _emit(result.to_dicts(), fmt, columns=result.columns)
        return
    table = _table(*result.columns)
    for row in result.rows:
        table.add_row(*("" if v is None else str(v) for v in row))
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
    out = sys.stdout
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

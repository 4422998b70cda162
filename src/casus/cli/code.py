"""``casus code``: read articles, code them, write events."""

from __future__ import annotations

import datetime as dt
import itertools
import sys
from collections.abc import Iterator

import click

from casus.batch import Executor
from casus.cli.common import (
    EXIT_SKIPPED,
    articles_from,
    cell,
    config_from,
    parse_published,
    progress_option,
    report_skip,
    run_safely,
    table_options,
    terminal_safe,
)
from casus.cli.workers import executor_from, worker_options
from casus.coder import Result
from casus.io.readers import Skipped, read_inputs
from casus.io.writers import CsvWriter, table_rows, write_jsonl
from casus.io.writers import explain as explain_event
from casus.model import Event
from casus.sanitize import escape_terminal

PROGRESS_MIN_DOCS = 5


@click.command("code")
@click.argument("inputs", nargs=-1)
@click.option("--published", help="Publication date YYYY-MM-DD for inputs that lack one.")
@click.option("--outlet", help="Outlet name for inputs that lack one.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv", "table"]),
    default="jsonl",
    show_default=True,
    help="Output format.",
)
@click.option("--explain", is_flag=True, help="Print each event readably (overrides --format).")
@click.option(
    "--all",
    "include_all",
    is_flag=True,
    help="Also emit negated, hypothetical and future events, with their flags.",
)
@click.option("--batch-size", type=int, help="Documents per spaCy batch.")
@progress_option
@table_options
@worker_options
@click.pass_context
@run_safely
def code_command(
    ctx: click.Context,
    inputs: tuple[str, ...],
    published: str | None,
    outlet: str | None,
    fmt: str,
    explain: bool,
    include_all: bool,
    batch_size: int | None,
    progress: bool | None,
    workers: int | None,
    engine: str,
    address: str | None,
) -> None:
    """Code news articles into events.

    INPUTS are .txt, .html and .jsonl files, directories of them, or - for stdin (the
    default). Events go to stdout as JSON lines; problems go to stderr, one line each, and
    the exit status is 1 if any input was skipped.
    """
    day = parse_published(published)
    cfg = config_from(
        ctx,
        batch_size=batch_size,
    )
    coder = executor_from(cfg, workers, engine, address)
    with coder:
        _code(coder, inputs, day, outlet, fmt, explain, include_all, progress)


def _code(
    coder: Executor,
    inputs: tuple[str, ...],
    day: dt.date | None,
    outlet: str | None,
    fmt: str,
    explain: bool,
    include_all: bool,
    progress: bool | None,
) -> None:
    skipped: list[Skipped] = []
    articles = articles_from(
        read_inputs(list(inputs) or ["-"], published=day, outlet=outlet), skipped
    )
    show_progress = progress if progress is not None else sys.stdout.isatty()
    results = _with_progress(coder.pipe_results(articles), show_progress)
    out = terminal_safe(sys.stdout)  # article text on a terminal: controls escaped
    csv_writer = CsvWriter(out) if fmt == "csv" and not explain else None
    rows: list[list[str]] = []
    total = coded = 0
    for result in results:
        if result.failure is not None:
            report_skip(Skipped(result.failure.origin, result.failure.reason), skipped)
            continue
        coded += 1
        events = result.events if include_all else result.asserted()
        if explain:
            _explain(result, events)
        elif csv_writer is not None:
            csv_writer.write(events)
        elif fmt == "table":
            rows.extend(table_rows(events))
        else:
            write_jsonl(events, out)
        total += len(events)
    if fmt == "table" and not explain:
        _print_table(rows)
    if skipped:
        click.echo(
            f"casus: {len(skipped)} input(s) skipped, {coded} coded, {total} event(s)",
            err=True,
        )
        sys.exit(EXIT_SKIPPED)


def _with_progress(results: Iterator[Result], show: bool) -> Iterator[Result]:
    """Results, with a progress bar on stderr once more than a few documents are coded."""
    first = []
    for result in results:
        first.append(result)
        if len(first) > PROGRESS_MIN_DOCS:
            break
    if not show or len(first) <= PROGRESS_MIN_DOCS:
        yield from first
        yield from results
        return
    from rich.progress import Progress

    from casus.cli.console import stderr_console

    with Progress(console=stderr_console()) as bar:
        task = bar.add_task("coding", total=None)
        for result in itertools.chain(first, results):
            bar.advance(task)
            yield result


def _explain(result: Result, events: list[Event]) -> None:
    article = result.article
    title = article.title or article.origin or article.id
    pub = result.published.isoformat() if result.published else "no date"
    # human-readable: article text never reaches the terminal raw (ESC, bidi overrides)
    click.echo(escape_terminal(f"== {title} ({pub}): {len(events)} event(s)"))
    for warning in result.warnings:
        click.echo(escape_terminal(f"   note: {warning}"))
    for event in events:
        click.echo(escape_terminal(explain_event(event)))
        click.echo("")


def _print_table(rows: list[list[str]]) -> None:
    from rich.table import Table

    from casus.cli.console import stdout_console

    table = Table("date", "source", "event", "target", "goldstein", "flags", "evidence")
    for row in rows:
        table.add_row(*(cell(value) for value in row))
    stdout_console().print(table)

"""``casus ingest``: code articles and store their events, with a progress bar."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from casus.cli.common import (
    EXIT_SKIPPED,
    articles_from,
    config_from,
    parse_published,
    progress_option,
    run_safely,
    table_options,
)
from casus.cli.store_options import db_options, open_store
from casus.cli.workers import worker_options


# ---- ingest -------------------------------------------------------------------------------------
@click.command("ingest")
@click.argument("inputs", nargs=-1)
@db_options
@click.option("--published", help="Publication date YYYY-MM-DD for inputs that lack one.")
@click.option("--outlet", help="Outlet name for inputs that lack one.")
@click.option(
    "--batch-size",
    type=click.IntRange(min=1),
    default=64,
    show_default=True,
    help="Articles per committed transaction.",
)
@progress_option
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
    cfg = config_from(ctx)
    # ingest's reads (which articles are stored) wait as long as its writes
    store = open_store(ctx, db, WRITE_WAIT if wait is None else wait, create=True)
    skipped: list[Skipped] = []
    articles = articles_from(
        read_inputs(list(inputs) or ["-"], published=day, outlet=outlet), skipped
    )
    show = progress if progress is not None else sys.stdout.isatty()
    total = count_articles(list(inputs)) if show else None
    with executor_from(cfg, workers, engine, address) as coder, _Progress(show, total) as advance:
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


def count_articles(inputs: list[str]) -> int | None:
    """How many articles the inputs hold (files of a directory, lines of JSON Lines), for a
    progress bar with a total and an ETA; ``None`` for stdin. Counting reads no text."""
    from casus.io.readers import HTML_SUFFIXES, JSONL_SUFFIXES, TEXT_SUFFIXES

    known = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
    total = 0
    for raw in inputs or ["-"]:
        if raw == "-":
            return None
        path = Path(raw)
        files = (
            [p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in known]
            if path.is_dir()
            else [path]
        )
        for file in files:
            total += _lines(file) if file.suffix.lower() in JSONL_SUFFIXES else 1
    return total


def _lines(path: Path) -> int:
    try:
        with path.open("rb") as handle:
            return sum(1 for line in handle if line.strip())
    except OSError:
        return 0  # the reader reports it


class _Progress:
    """A rich progress bar on stderr (or nothing) whose ``advance(n)`` the ingest calls: with
    a total, it shows the count, the share done and the time left."""

    def __init__(self, show: bool, total: int | None = None) -> None:
        self.show = show
        self.total = total
        self._bar: Any = None
        self._task: Any = None

    def __enter__(self) -> Callable[[int], None]:
        if self.show:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TaskProgressColumn,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            from casus.cli.console import stderr_console

            self._bar = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TaskProgressColumn(),
                TimeElapsedColumn(),
                TextColumn("ETA"),
                TimeRemainingColumn(),
                console=stderr_console(),
            )
            self._bar.__enter__()
            self._task = self._bar.add_task("ingesting", total=self.total)
        return self.advance

    def advance(self, n: int) -> None:
        """Move the bar by ``n`` articles."""
        if self._bar is not None:
            self._bar.advance(self._task, n)

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)

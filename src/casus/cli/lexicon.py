"""``casus lexicon``: facts about the verb lexicon (coverage of the CAMEO families)."""

from __future__ import annotations

import json
import shlex
from pathlib import Path

import click

from casus.cli.common import config_from, run_safely


@click.group("lexicon")
def lexicon_group() -> None:
    """Facts about the verb lexicon."""


@lexicon_group.command("coverage")
@click.argument("gold", nargs=-1, type=click.Path(exists=True, dir_okay=False))
@click.option("--top", default=30, show_default=True, help="How many 3-digit codes to list.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable table on stdout.")
@click.option(
    "--lexicon",
    "lexicon_files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    help="Extra lexicon TSV file (repeatable).",
)
@click.pass_context
@run_safely
def coverage_command(
    ctx: click.Context,
    gold: tuple[str, ...],
    top: int,
    as_json: bool,
    lexicon_files: tuple[str, ...],
) -> None:
    """Patterns per CAMEO root and 3-digit code, and how many GOLD events of each are found
    (a Markdown page: docs/lexicon-coverage.md)."""
    # imported here: every other command starts without them (start-up, issue 14)
    from casus.coder import Coder
    from casus.evaluation.coverage import format_coverage, measure_coverage
    from casus.evaluation.gold import read_gold

    coder = Coder(config_from(ctx, lexicon_files=lexicon_files))
    records = [record for path in gold for record in read_gold(Path(path))]
    coverage = measure_coverage(coder, records, top=top, gold_files=gold)
    if as_json:
        click.echo(json.dumps(coverage.to_dict(), indent=2))
        return
    args = ["casus", "lexicon", "coverage", *gold] + ([f"--top={top}"] if top != 30 else [])
    click.echo(format_coverage(coverage, command=shlex.join(args) + " > docs/lexicon-coverage.md"))

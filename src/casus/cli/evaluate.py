"""``casus eval``: score casus against gold files."""

from __future__ import annotations

import json
from pathlib import Path

import click

from casus.cli.common import config_from, run_safely, table_options


@click.command("eval")
@click.argument("gold", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--show-errors",
    is_flag=True,
    help="List every miss, false alarm and forbidden event, grouped by cause.",
)
@click.option("--json", "as_json", is_flag=True, help="Machine-readable summary on stdout.")
@table_options
@click.pass_context
@run_safely
def eval_command(
    ctx: click.Context,
    gold: tuple[str, ...],
    show_errors: bool,
    as_json: bool,
) -> None:
    """Score casus against GOLD files (sentence-level or article-level JSON lines)."""
    # imported here: every other command starts without them (start-up, issue 14)
    from casus.coder import Coder
    from casus.evaluation.run import evaluate_files, format_report

    cfg = config_from(ctx)
    reports = evaluate_files(Coder(cfg), [Path(g) for g in gold])
    if as_json:
        payload = {
            name: r.to_dict() | ({"errors": r.errors} if show_errors else {})
            for name, r in reports.items()
        }
        click.echo(json.dumps(payload, indent=2, sort_keys=True))
        return
    for name, report in reports.items():
        click.echo(format_report(name, report, show_errors=show_errors))

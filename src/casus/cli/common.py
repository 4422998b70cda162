"""Shared CLI plumbing: error handling, options, the coder from options."""

from __future__ import annotations

import datetime as dt
import functools
import logging
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import click

from casus.config import Config, load_config
from casus.errors import CasusError, InputError
from casus.io.readers import Skipped
from casus.model import Article, parse_iso_date

F = TypeVar("F", bound=Callable[..., Any])
EXIT_SKIPPED = 1
EXIT_ERROR = 2


def run_safely(func: F) -> F:
    """Turn a CasusError into one line on stderr and exit status 2 (traceback with --debug)."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        ctx = click.get_current_context()
        debug = bool(ctx.find_root().params.get("debug"))
        try:
            return func(*args, **kwargs)
        except CasusError as e:
            if debug:
                raise
            click.echo(f"casus: error: {e}", err=True)
            sys.exit(EXIT_ERROR)
        except BrokenPipeError:  # `casus code ... | head`
            sys.exit(0)

    return wrapper  # type: ignore[return-value]


def parse_published(value: str | None) -> dt.date | None:
    """``--published`` as a date, or a clear error."""
    if value is None:
        return None
    try:
        return parse_iso_date(value, field_name="--published")
    except InputError as e:
        raise click.BadParameter(str(e)) from e


def config_from(ctx: click.Context, **overrides: Any) -> Config:
    """The configuration from ``--config`` and command options."""
    root = ctx.find_root().params
    path = root.get("config")
    cfg = load_config(Path(path) if path else None, model=root.get("model"))
    changes = {k: v for k, v in overrides.items() if v not in (None, ())}
    for key, files in ctx.meta.get(_TABLES_META, {}).items():  # kept aside by table_options
        if files:
            changes.setdefault(key, files)
    for key in _TABLE_KEYS:
        if key in changes:
            changes[key] = tuple(Path(p) for p in changes[key])
    return cfg.with_(**changes) if changes else cfg


def setup_logging(debug: bool, quiet: bool) -> None:
    """Log warnings (or everything with --debug) to stderr."""
    level = logging.DEBUG if debug else (logging.ERROR if quiet else logging.WARNING)
    logging.basicConfig(level=level, format="casus: %(levelname)s: %(message)s")


def report_skip(skip: Skipped, skipped: list[Skipped]) -> None:
    """One line on stderr for an input that is not coded; remember it for the exit status."""
    click.echo(f"casus: skipped {skip}", err=True)
    skipped.append(skip)


def articles_from(items: Iterable[Article | Skipped], skipped: list[Skipped]) -> Iterator[Article]:
    """The articles of a stream of reader items, reporting the skipped ones as they come (so a
    large corpus is never held in memory)."""
    for item in items:
        if isinstance(item, Skipped):
            report_skip(item, skipped)
        else:
            yield item


def _file_option(flag: str, dest: str, help_text: str) -> Callable[[F], F]:
    """A repeatable option naming a file the command reads."""
    return click.option(flag, dest, multiple=True, type=click.Path(dir_okay=False), help=help_text)


_TABLE_OPTIONS = (
    _file_option("--lexicon", "lexicon_files", "Extra verb-lexicon TSV file (repeatable)."),
    _file_option(
        "--dict", "dictionary_files", "Extra actor dictionary, TOML or YAML (repeatable)."
    ),
    _file_option(
        "--actors", "petrarch_actors", "PETRARCH-format actor dictionary to import (repeatable)."
    ),
    _file_option(
        "--agents", "petrarch_agents", "PETRARCH-format agent dictionary to import (repeatable)."
    ),
    _file_option(
        "--references",
        "reference_files",
        "Extra reference-event TSV file, dating 'after the X war' (repeatable).",
    ),
)
# Shared by the commands that code many inputs.
progress_option = click.option(
    "--progress/--no-progress",
    default=None,
    help="Progress bar on stderr (default: only when stdout is a terminal).",
)
_TABLES_META = "casus.tables"
_TABLE_KEYS = (
    "lexicon_files",
    "dictionary_files",
    "petrarch_actors",
    "petrarch_agents",
    "reference_files",
)


def table_options(func: F) -> F:
    """The user's own tables, shared by every command that codes text: --lexicon, --dict,
    --actors, --agents, --references (each repeatable). They reach :func:`config_from`
    through the click context, so commands need no parameters for them."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        tables = {key: kwargs.pop(key, ()) for key in _TABLE_KEYS}
        click.get_current_context().meta[_TABLES_META] = tables
        return func(*args, **kwargs)

    for option in reversed(_TABLE_OPTIONS):
        wrapper = option(wrapper)
    return wrapper  # type: ignore[return-value]

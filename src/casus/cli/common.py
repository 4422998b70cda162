"""Shared CLI plumbing: error handling, options, the coder from options."""

from __future__ import annotations

import datetime as dt
import functools
import io
import logging
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn, TextIO, TypeVar, cast

import click

from casus.config import REQUIRE_ACTORS, Config, load_config
from casus.errors import CasusError, InputError
from casus.io.readers import Skipped
from casus.model import Article, parse_iso_date
from casus.sanitize import escape_terminal

F = TypeVar("F", bound=Callable[..., Any])
EXIT_OK = 0
EXIT_SKIPPED = 1  # the command finished, but some input was skipped (each one reported)
EXIT_ERROR = 2  # usage, configuration, store or output-file error: nothing (more) was done
EXIT_INTERNAL = 3  # a bug in casus: one line, the traceback with --debug
EXIT_INTERRUPTED = 130


def run_safely(func: F) -> F:
    """Give a command the exit statuses a script can rely on (docs/cli.md): a CasusError or an
    output-file error becomes one line on stderr and status 2, any other exception one line
    and status 3 (the traceback only with ``--debug``); stdout is flushed inside, so a full
    disk is reported too. A closed pipe (``casus code ... | head``) ends quietly with 0."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        ctx = click.get_current_context()
        debug = bool(ctx.find_root().params.get("debug"))
        try:
            try:
                result = func(*args, **kwargs)
            except SystemExit:  # sys.exit(EXIT_SKIPPED) after output: flush it first
                sys.stdout.flush()
                raise
            sys.stdout.flush()
            return result
        except (click.ClickException, click.exceptions.Exit, click.Abort, SystemExit):
            raise
        except BrokenPipeError:
            _silence_stdout()
            sys.exit(EXIT_OK)
        except CasusError as e:
            if debug:
                raise
            _fail(str(e), EXIT_ERROR)
        except OSError as e:  # an output file: cannot open, write, or the disk is full
            if debug:
                raise
            _fail(f"cannot write {e.filename or 'the output'}: {e.strerror or e}", EXIT_ERROR)
        except KeyboardInterrupt:
            _fail("interrupted", EXIT_INTERRUPTED)
        except Exception as e:  # a bug: say so in one line, keep the traceback for --debug
            if debug:
                raise
            _fail(
                f"internal error ({type(e).__name__}: {str(e)[:300]}); run with --debug for "
                "the traceback and please report it",
                EXIT_INTERNAL,
                prefix="casus: ",
            )

    return wrapper  # type: ignore[return-value]


def _fail(message: str, status: int, *, prefix: str = "casus: error: ") -> NoReturn:
    click.echo(prefix + escape_terminal(message), err=True)
    sys.exit(status)


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that the interpreter's last flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real stdout (tests): nothing to silence
        pass


@contextmanager
def writing(path: str | Path) -> Iterator[None]:
    """Name ``path`` in any OSError raised while writing it (``/dev/full`` says nothing)."""
    try:
        yield
    except OSError as e:
        if e.filename is not None or isinstance(e, BrokenPipeError):
            raise
        raise OSError(e.errno, e.strerror, str(path)) from e


def terminal_safe(stream: TextIO) -> TextIO:
    """``stream`` itself, or, when it is a terminal, a wrapper that escapes control and bidi
    characters (machine-readable files keep the data as it is)."""
    try:
        tty = stream.isatty()
    except (AttributeError, ValueError):
        tty = False
    return cast(TextIO, _EscapingStream(stream)) if tty else stream


class _EscapingStream(io.TextIOBase):
    """A text stream writing through :func:`escape_terminal`."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(escape_terminal(text))
        return len(text)

    def flush(self) -> None:
        self._stream.flush()


def cell(text: str) -> str:
    """Article text for a rich table cell: terminal controls escaped, rich markup too."""
    from rich.markup import escape

    return escape(escape_terminal(text))


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
    if ctx.meta.get(_REQUIRE_META):
        changes.setdefault("require_actors", ctx.meta[_REQUIRE_META])
    return cfg.with_(**changes) if changes else cfg


def setup_logging(debug: bool, quiet: bool) -> None:
    """Log warnings (or everything with --debug) to stderr."""
    level = logging.DEBUG if debug else (logging.ERROR if quiet else logging.WARNING)
    logging.basicConfig(level=level, format="casus: %(levelname)s: %(message)s")


def report_skip(skip: Skipped, skipped: list[Skipped]) -> None:
    """One line on stderr for an input that is not coded; remember it for the exit status."""
    click.echo(f"casus: skipped {escape_terminal(str(skip))}", err=True)
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


_REQUIRE_META = "casus.require_actors"
_REQUIRE_OPTION = click.option(
    "--require-actors",
    "require_actors",
    type=click.Choice(REQUIRE_ACTORS),
    default=None,
    help="Keep only events whose source, target or both are known actors (default: none; "
    "a side the text does not name is written as ---).",
)


def table_options(func: F) -> F:
    """The user's own tables, shared by every command that codes text: --lexicon, --dict,
    --actors, --agents, --references (each repeatable). They reach :func:`config_from`
    through the click context, so commands need no parameters for them."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        tables = {key: kwargs.pop(key, ()) for key in _TABLE_KEYS}
        meta = click.get_current_context().meta
        meta[_TABLES_META] = tables
        meta[_REQUIRE_META] = kwargs.pop("require_actors", None)
        return func(*args, **kwargs)

    for option in reversed((*_TABLE_OPTIONS, _REQUIRE_OPTION)):
        wrapper = option(wrapper)
    return wrapper  # type: ignore[return-value]

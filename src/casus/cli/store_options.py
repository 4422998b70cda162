"""Options and the store opener shared by the store commands (:mod:`casus.cli.store`) and
``ingest`` (:mod:`casus.cli.ingest`)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from casus.cli.common import config_from
from casus.errors import InputError

F = TypeVar("F", bound=Callable[..., Any])
MAX_WAIT = 86_400.0


def db_options(func: F) -> F:
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


def fmt_option(*choices: str) -> Callable[[F], F]:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(list(choices)),
        default=choices[0],
        show_default=True,
        help="Output format.",
    )


def open_store(
    ctx: click.Context,
    db: str | None,
    wait: float | None,
    *,
    create: bool = False,
) -> Any:
    from casus.store import READ_WAIT, WRITE_WAIT, Store

    if wait is not None and not 0 <= wait <= MAX_WAIT:  # also refuses nan
        raise InputError(f"--wait must be between 0 and {MAX_WAIT:g} seconds, got {wait}")
    path = Path(db) if db else config_from(ctx).db
    return Store.open(
        path,
        create=create,
        wait=READ_WAIT if wait is None else wait,
        write_wait=WRITE_WAIT if wait is None else wait,
    )

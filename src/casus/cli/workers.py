"""The ``--workers``, ``--engine`` and ``--address`` options of ``casus code`` and
``casus ingest``: how many processes code, and where (docs/scale.md)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from casus.batch import ENGINES, Executor, open_executor
from casus.config import Config

F = TypeVar("F", bound=Callable[..., Any])


def worker_options(func: F) -> F:
    """Add ``--workers``, ``--engine`` and ``--address`` to a command."""
    func = click.option(
        "--address",
        help="Ray cluster to use with --engine ray (`auto`: the one this machine belongs "
        "to; default: start a local Ray for the run).",
    )(func)
    func = click.option(
        "--engine",
        type=click.Choice(list(ENGINES)),
        default="local",
        show_default=True,
        help="Where workers run: local processes, or Ray (needs the `ray` extra).",
    )(func)
    func = click.option(
        "--workers",
        type=click.IntRange(min=1),
        default=None,
        help="Worker processes coding in parallel (default: the number of cores).",
    )(func)
    return func


def executor_from(cfg: Config, workers: int | None, engine: str, address: str | None) -> Executor:
    """The executor the options ask for."""
    return open_executor(cfg, workers=workers, engine=engine, address=address)

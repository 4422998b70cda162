"""Coding on several cores or machines: executors that take articles and give back
:class:`~casus.coder.Result` objects in input order, exactly as one :class:`~casus.coder.Coder`
would.

    from casus.batch import open_executor
    with open_executor(cfg, workers=2) as coder:       # or engine="ray", address="auto"
        for result in coder.pipe_results(articles): ...
        ingest(store, coder, articles)                  # an executor codes for ingest too

Every worker builds its own pipeline from the :class:`~casus.config.Config` (model and tables
load once per worker); the coder itself is never pickled. docs/scale.md explains what runs
where.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Protocol

from casus.config import Config
from casus.errors import ConfigError

if TYPE_CHECKING:
    from casus.coder import Result
    from casus.model import Article

ENGINES = ("local", "ray")


class Executor(Protocol):
    """What :func:`casus.store.ingest` and ``casus code`` need of a coder."""

    cfg: Config

    @property
    def versions(self) -> dict[str, str]:
        """The casus and lexicon versions of the workers' pipelines."""
        ...

    def pipe_results(
        self, articles: Iterable[Article], *, batch_size: int | None = None
    ) -> Iterator[Result]:
        """Results in input order."""
        ...

    def close(self) -> None:
        """Stop the workers."""
        ...

    def __enter__(self) -> Executor: ...

    def __exit__(self, *exc: object) -> None: ...


def default_workers() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def open_executor(
    cfg: Config,
    *,
    workers: int | None = None,
    engine: str = "local",
    address: str | None = None,
) -> Executor:
    """An executor for ``engine`` ("local": a process pool on this machine; "ray": Ray
    workers, on a cluster at ``address`` or a local one) with ``workers`` workers."""
    n = default_workers() if workers is None else workers
    if n < 1:
        raise ConfigError(f"--workers must be at least 1, got {n}")
    if engine == "local":
        if address is not None:
            raise ConfigError("--address is for --engine ray")
        from casus.batch.local import LocalExecutor

        return LocalExecutor(cfg, workers=n)
    if engine == "ray":
        from casus.batch.ray import RayExecutor

        return RayExecutor(cfg, workers=n, address=address)
    raise ConfigError(f"engine must be one of {', '.join(ENGINES)}, got {engine!r}")


def chunks(articles: Iterable[Article], size: int, *, workers: int = 1) -> Iterator[list[Article]]:
    """Consecutive lists of ``size`` articles. With several ``workers``, the last ones, once
    the end of the input is in sight, get smaller and smaller (each a ``2 * workers``-th of
    what is left), so that the workers finish together instead of one coding a last full
    chunk while the others wait (15 chunks of 8 on two workers: one does 8, the other 7)."""
    ahead = size * (2 * workers + 1) if workers > 1 else size
    buffer: deque[Article] = deque()
    for article in articles:
        buffer.append(article)
        if len(buffer) >= ahead:
            yield [buffer.popleft() for _ in range(size)]
    while buffer:
        take = min(size, max(1, -(-len(buffer) // (2 * workers))))
        yield [buffer.popleft() for _ in range(take)]


__all__ = ["ENGINES", "Executor", "chunks", "default_workers", "open_executor"]

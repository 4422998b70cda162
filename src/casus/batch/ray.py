"""The Ray executor: coding on Ray workers, on this machine or a cluster.

One Ray actor per worker builds its :class:`~casus.coder.Coder` from the configuration once,
then codes chunks of consecutive articles sent to it as tasks; the driver keeps a bounded
number of chunks in flight and yields results in input order. Writing to the store stays with
the driver (one writer), which is what DuckDB allows. Needs the ``ray`` extra
(``pip install 'casus-events[ray]'``); docs/scale.md shows how to run it on a cluster.
"""

from __future__ import annotations

import importlib
from collections import deque
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from casus.batch import chunks
from casus.batch.local import (
    CHUNK,
    IN_FLIGHT,
    THREAD_VARIABLES,
    VersionedExecutor,
    limit_threads,
)
from casus.config import Config
from casus.errors import CasusError, ConfigError

if TYPE_CHECKING:
    from casus.coder import Result
    from casus.model import Article


class CoderWorker:
    """The body of one Ray actor: a coder built from the configuration, once."""

    def __init__(self, cfg: Config) -> None:
        limit_threads()
        from casus.coder import Coder

        self.coder = Coder(cfg)

    def code(self, articles: list[Article], batch_size: int | None) -> list[Result]:
        """Code a chunk of articles."""
        return list(self.coder.pipe_results(articles, batch_size=batch_size))


def _ray() -> Any:
    try:
        return importlib.import_module("ray")
    except ImportError as e:
        raise ConfigError(
            "--engine ray needs Ray: pip install 'casus-events[ray]' (or pip install ray)"
        ) from e


class RayExecutor(VersionedExecutor):
    """Code on ``workers`` Ray actors; ``address`` is a running cluster's ("auto": the one
    this machine belongs to), else a local Ray is started for the run and stopped after."""

    def __init__(self, cfg: Config, *, workers: int, address: str | None = None) -> None:
        super().__init__(cfg, workers=workers)
        self._ray = _ray()
        self._started = False
        if not self._ray.is_initialized():
            try:
                if address is None:
                    self._ray.init(
                        num_cpus=workers,
                        include_dashboard=False,
                        runtime_env={"env_vars": dict.fromkeys(THREAD_VARIABLES, "1")},
                        logging_level="ERROR",  # casus's stderr is for casus's messages
                        log_to_driver=False,
                    )
                else:
                    self._ray.init(address=address, logging_level="ERROR", log_to_driver=False)
            except Exception as e:  # Ray raises ConnectionError, RuntimeError, ...: translate
                raise CasusError(f"cannot start or reach Ray ({address or 'local'}): {e}") from e
            self._started = True
        remote = self._ray.remote(num_cpus=1)(CoderWorker)
        self._actors = [remote.remote(cfg) for _ in range(workers)]

    def pipe_results(
        self, articles: Iterable[Article], *, batch_size: int | None = None
    ) -> Iterator[Result]:
        """Code the articles on the actors, round robin; results in input order."""
        queue: deque[Any] = deque()
        for i, chunk in enumerate(chunks(articles, CHUNK)):
            actor = self._actors[i % len(self._actors)]
            queue.append(actor.code.remote(chunk, batch_size))
            if len(queue) >= self.workers * IN_FLIGHT:
                yield from self._get(queue.popleft())
        while queue:
            yield from self._get(queue.popleft())

    def _get(self, ref: Any) -> list[Result]:
        try:
            return list(self._ray.get(ref))
        except self._ray.exceptions.RayActorError as e:
            raise CasusError(f"a Ray worker died: {e}") from e

    def close(self) -> None:
        """Stop the actors (and the local Ray this executor started)."""
        for actor in self._actors:
            self._ray.kill(actor)
        self._actors = []
        if self._started:
            self._ray.shutdown()
            self._started = False

    def __enter__(self) -> RayExecutor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

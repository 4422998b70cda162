"""The local executor: a pool of worker processes on this machine.

Each worker process builds its own :class:`~casus.coder.Coder` from the configuration when
it starts (spawned, so nothing of the parent's spaCy state is shared or pickled) and codes
chunks of consecutive articles. The parent keeps a bounded number of chunks in flight and
yields the results in input order, so the output is the one a single process writes.
"""

from __future__ import annotations

import itertools
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from casus.batch import chunks
from casus.config import Config
from casus.errors import CasusError

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

    from casus.coder import Coder, Result
    from casus.model import Article

CHUNK = 8  # articles per task: big enough for spaCy's batching, small enough to balance
IN_FLIGHT = 3  # tasks queued per worker (bounds memory, keeps workers busy)

THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")

_worker_coder: Coder | None = None  # the coder of this worker process


def pipeline_versions(cfg: Config) -> dict[str, str]:
    """The versions a coder built from ``cfg`` records (reads the lexicon, not the model)."""
    from casus import __version__
    from casus.ontology.lexicon import load_lexicon

    return {"casus": __version__, "lexicon": load_lexicon(tuple(cfg.lexicon_files)).version}


class VersionedExecutor:
    """What every executor shares: its configuration and the versions its pipelines record."""

    def __init__(self, cfg: Config, *, workers: int) -> None:
        self.cfg = cfg
        self.workers = workers
        self._versions: dict[str, str] | None = None

    @property
    def versions(self) -> dict[str, str]:
        """The casus and lexicon versions of the workers' pipelines."""
        if self._versions is None:
            self._versions = pipeline_versions(self.cfg)
        return self._versions


class LocalExecutor(VersionedExecutor):
    """Code on ``workers`` processes (one, or an input of a few articles: in this process)."""

    def __init__(self, cfg: Config, *, workers: int) -> None:
        super().__init__(cfg, workers=workers)
        self._coder: Coder | None = None
        self._pool: ProcessPoolExecutor | None = None

    def pipe_results(
        self, articles: Iterable[Article], *, batch_size: int | None = None
    ) -> Iterator[Result]:
        """Code the articles; results in input order."""
        stream = iter(articles)
        if self._pool is None:
            # a few articles are coded here: starting workers would cost more than it saves
            head = list(itertools.islice(stream, CHUNK + 1))
            if self.workers == 1 or len(head) <= CHUNK:
                yield from self._local().pipe_results(
                    itertools.chain(head, stream), batch_size=batch_size
                )
                return
            stream = itertools.chain(head, stream)
        # imported here: one process (``casus code`` on a few articles) never needs them
        from concurrent.futures.process import BrokenProcessPool

        pool = self._start()
        queue: deque[Future[list[Result]]] = deque()
        try:
            for chunk in chunks(stream, CHUNK, workers=self.workers):
                queue.append(pool.submit(code_chunk, chunk, batch_size))
                if len(queue) >= self.workers * IN_FLIGHT:
                    yield from queue.popleft().result()
            while queue:
                yield from queue.popleft().result()
        except BrokenProcessPool as e:
            self.close()
            raise CasusError(f"a worker process died ({e}); run with --workers 1 to see why") from e
        finally:
            for future in queue:
                future.cancel()

    def worker_peak_mb(self) -> list[float]:
        """Peak resident memory of the workers, MB (asked of each a few times: the pool
        gives a task to whichever worker is free)."""
        if self._pool is None:
            return []
        futures = [self._pool.submit(peak_mb) for _ in range(self.workers * 4)]
        return sorted({f.result() for f in futures}, reverse=True)[: self.workers]

    def close(self) -> None:
        """Stop the worker processes."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> LocalExecutor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _local(self) -> Coder:
        if self._coder is None:
            from casus.coder import Coder

            self._coder = Coder(self.cfg)
        return self._coder

    def _start(self) -> ProcessPoolExecutor:
        if self._pool is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            self._pool = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=start_worker,
                initargs=(self.cfg, os.getpid()),
            )
        return self._pool


def start_worker(cfg: Config, parent: int | None = None) -> None:
    """Build this worker's coder from the configuration (once per process); on Linux, end
    with the process ``parent`` that started the pool."""
    global _worker_coder
    die_with_parent(parent)
    limit_threads()
    from casus.coder import Coder

    _worker_coder = Coder(cfg)


def die_with_parent(parent: int | None) -> None:
    """End this process when ``parent`` ends, even killed with SIGKILL (``kill -9`` of an
    ingest must not leave its workers loading a model nobody will ask for, holding the
    pipes of whoever started it). Linux only (``prctl``); elsewhere a worker finds its
    parent gone at its next task."""
    if parent is None or not sys.platform.startswith("linux"):
        return
    import ctypes
    import signal

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # it died before the signal was set
        os._exit(1)


def limit_threads() -> None:
    """One BLAS/OpenMP thread per worker: the workers are the parallelism, and more threads
    than cores only make them wait for each other. Call before numpy is imported."""
    for name in THREAD_VARIABLES:
        os.environ.setdefault(name, "1")


def peak_mb() -> float:
    """This process's peak resident memory, MB (``VmHWM``: unlike ``ru_maxrss`` it does not
    count the parent's memory a spawned process had before it started Python)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def code_chunk(articles: list[Article], batch_size: int | None = None) -> list[Result]:
    """Code a chunk of articles with this worker's coder."""
    if _worker_coder is None:  # a pool without the initializer: build it now
        raise CasusError("worker started without a configuration")
    return list(_worker_coder.pipe_results(articles, batch_size=batch_size))

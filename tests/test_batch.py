"""Workers: several processes (or Ray actors) code exactly what one coder codes, in the same
order, and an ingest through them stores the same events and clusters."""

from __future__ import annotations

import datetime as dt
import importlib.util
from collections.abc import Iterator
from pathlib import Path

import pytest

from casus.batch import open_executor
from casus.batch.local import CHUNK, LocalExecutor
from casus.coder import Coder
from casus.config import Config
from casus.errors import ConfigError
from casus.model import Article
from casus.store import Store, ingest
from conftest import run_cli

SENTENCES = (
    "Azerbaijan expelled four Iranian diplomats on Thursday.",
    "Iran condemned the expulsion.",
    "Turkish forces shelled villages near the border with Syria last week.",
    "Russia and Ukraine signed a grain agreement in Istanbul.",
    "The weather in the capital remained mild.",
)


def _articles(n: int) -> list[Article]:
    return [
        Article(
            " ".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(3)),
            id=f"w{i}",
            outlet=f"Wire {i % 3}",
            published=dt.date(2023, 4, 1) + dt.timedelta(days=i % 9),
        )
        for i in range(n)
    ]


def _coded(results: Iterator[object]) -> list[tuple[str, list[dict[str, object]]]]:
    return [(r.article.id, [e.to_dict() for e in r.events]) for r in results]  # type: ignore[attr-defined]


def _stored(store: Store) -> list[tuple[object, ...]]:
    return store.query(
        "SELECT e.event_id, e.cluster_id, c.n_reports FROM events e "
        "LEFT JOIN clusters c USING (cluster_id) ORDER BY e.event_id"
    )


@pytest.fixture(scope="module")
def two_workers() -> Iterator[LocalExecutor]:
    with LocalExecutor(Config(), workers=2) as executor:
        yield executor


def test_two_workers_code_what_one_coder_codes_in_order(
    coder: Coder, two_workers: LocalExecutor
) -> None:
    articles = _articles(3 * CHUNK + 1)
    assert _coded(two_workers.pipe_results(articles)) == _coded(coder.pipe_results(articles))
    assert two_workers._pool is not None  # the work went to the pool


def test_ingest_with_two_workers_stores_what_one_stores(
    coder: Coder, two_workers: LocalExecutor, tmp_path: Path
) -> None:
    one, two = Store.open(tmp_path / "one.duckdb"), Store.open(tmp_path / "two.duckdb")
    articles = _articles(2 * CHUNK + 3)
    ingest(one, coder, articles, batch_size=CHUNK * 2)
    stats = ingest(two, two_workers, articles, batch_size=CHUNK * 2)
    assert stats.events > 0 and _stored(two) == _stored(one)


def test_a_few_articles_are_coded_without_starting_workers(coder: Coder) -> None:
    with LocalExecutor(Config(), workers=2) as executor:
        coded = _coded(executor.pipe_results(_articles(2)))
        assert executor._pool is None
    assert coded == _coded(coder.pipe_results(_articles(2)))


@pytest.mark.parametrize(
    ("options", "message"),
    [({"workers": 0}, "at least 1"), ({"engine": "spark"}, "engine must be one of")],
)
def test_bad_worker_options_are_config_errors(options: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        open_executor(Config(), **options)  # type: ignore[arg-type]


@pytest.mark.skipif(importlib.util.find_spec("ray") is None, reason="ray is not installed")
def test_ray_workers_code_and_cluster_what_a_local_run_does(coder: Coder, tmp_path: Path) -> None:
    import ray

    from casus.batch.ray import RayExecutor

    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        articles = _articles(2 * CHUNK + 3)
        local, remote = Store.open(tmp_path / "l.duckdb"), Store.open(tmp_path / "r.duckdb")
        ingest(local, coder, articles, batch_size=CHUNK * 2)
        with RayExecutor(Config(), workers=2) as executor:
            coded = _coded(executor.pipe_results(articles))
            ingest(remote, executor, articles, batch_size=CHUNK * 2)
        assert coded == _coded(coder.pipe_results(articles))
        assert _stored(remote) == _stored(local)
    finally:
        ray.shutdown()


def test_cli_code_with_two_workers_writes_what_one_writes(tmp_path: Path) -> None:
    for i, article in enumerate(_articles(CHUNK + 4)):
        (tmp_path / f"a{i:02d}.txt").write_text(article.text, encoding="utf-8")
    runs = [
        run_cli("code", str(tmp_path), "--published", "2023-04-09", "--workers", n)
        for n in ("1", "2")
    ]
    assert [r.returncode for r in runs] == [0, 0]
    assert runs[0].stdout == runs[1].stdout and runs[0].stdout.count(b"\n") > CHUNK

"""Ingest with workers streams the articles to code across batches and writes each batch
when its results are in: the store and the counts are those of a batch-by-batch ingest,
with repeats across batches, stored articles, and a stream that fails midway."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from casus.coder import Coder, Result
from casus.model import Article
from casus.store import Store, ingest

SENTENCES = (
    "Azerbaijan expelled four Iranian diplomats on Thursday.",
    "Iran condemned the expulsion.",
    "Russia and Ukraine signed a grain agreement in Istanbul.",
    "Turkish forces shelled villages near the border with Syria last week.",
)


class _Coder:
    """The session's coder behind the interface of an executor with ``workers``; a stream of
    more than one article that holds ``bad`` raises, as a dying worker does."""

    def __init__(self, coder: Coder, workers: int, bad: str | None = None) -> None:
        self.cfg, self.workers, self._coder, self._bad = coder.cfg, workers, coder, bad
        self.calls = 0

    @property
    def versions(self) -> dict[str, str]:
        return self._coder.versions

    def pipe_results(self, articles: Iterable[Article]) -> Iterator[Result]:
        self.calls += 1
        for result in self._coder.pipe_results(articles):
            if result.article.id == self._bad:
                raise RuntimeError("worker died")
            yield result


def _articles() -> list[Article]:
    out = [
        Article(
            f"{SENTENCES[i % 4]} {SENTENCES[(i + 1) % 4]}",
            id=f"s{i}",
            outlet=f"Wire {i % 3}",
            published=dt.date(2023, 4, 1) + dt.timedelta(days=i % 5),
        )
        for i in range(14)
    ]
    return out + [out[2], out[9]]  # repeated in a later batch: stored once, counted unchanged


def _ingest(
    path: Path, coder: Coder, workers: int, *, bad: str | None = None
) -> tuple[dict[str, Any], list[tuple[Any, ...]], int]:
    store = Store.open(path)
    wrapped = _Coder(coder, workers, bad)
    articles = _articles()
    ingest(store, wrapped, articles[:3], batch_size=3)  # stored before: unchanged below
    stats = ingest(store, wrapped, articles, batch_size=3).to_dict()
    del stats["seconds"]
    rows = store.query(
        "SELECT e.article_id, e.event_id, e.cluster_id, c.n_reports FROM events e "
        "LEFT JOIN clusters c USING (cluster_id) ORDER BY e.event_id"
    )
    return stats, rows, wrapped.calls


@pytest.mark.parametrize("bad", [None, "s7", "s9"])  # s9 is repeated in a later batch
def test_a_streamed_ingest_stores_and_counts_what_batch_by_batch_does(
    coder: Coder, tmp_path: Path, bad: str | None
) -> None:
    streamed, streamed_rows, calls = _ingest(tmp_path / "two.duckdb", coder, 2, bad=bad)
    batched, batched_rows, batched_calls = _ingest(tmp_path / "one.duckdb", coder, 1, bad=bad)
    assert streamed == batched and streamed_rows == batched_rows
    assert streamed["unchanged"] == 5 and len(streamed_rows) > 0
    failed = [str(f) for f in streamed["failed"]]
    assert len(failed) == (bad is not None)  # a repeat of a failed article: reported once
    assert all(bad is not None and bad in f for f in failed)
    if bad is None:  # one stream, not one call per batch with articles to code (4 + 1)
        assert calls == 2 and batched_calls == 5

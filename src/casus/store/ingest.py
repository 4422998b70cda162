"""Ingest: code articles and store their events, idempotently, one transaction per batch.

- An article is identified by its id (a content hash of the text unless the input gives one).
  An article already stored with the same text hash and the same casus, lexicon and
  dictionary versions is skipped; with other versions (or another text) it is re-coded and its
  events are replaced in one transaction.
- Each batch of articles is committed as one transaction, so a process killed at any moment
  (``kill -9``) leaves whole articles in the store, and the next run skips them.
- Every event is stored, asserted or not, with its flags; the analysis functions choose.
- An id given twice in one input with different texts: the first is kept, the second is
  reported as failed (re-running the input then changes nothing). The same article (id and
  text) given twice is coded once; the repeat counts as unchanged, and if the first copy
  fails, the failure is reported once.
- The partitions and periods touched by a batch are marked pending in the same transaction;
  after the last batch the segments they reach are re-clustered (:mod:`casus.store.clusters`),
  so a killed run's pending work is done by the next run.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from casus.dedup import actor_key, dyad_key, known_dyad
from casus.errors import CasusError, InputError
from casus.failures import Failure
from casus.io.rows import event_row
from casus.model import Article, Event, content_id
from casus.store.clusters import mark_pending, refresh_clusters
from casus.store.db import Connection, Store
from casus.store.schema import (
    ARTICLE_COLUMNS,
    EVENT_COLUMNS,
    flatten,
    insert_columns,
    insert_sql,
)

if TYPE_CHECKING:  # the coder (spaCy) is only imported by those who code
    from casus.coder import Result
    from casus.config import Config

log = logging.getLogger("casus")

DEFAULT_BATCH_SIZE = 64
INSERT_CHUNK = 250  # rows per multi-row INSERT statement


class ArticleCoder(Protocol):
    """What ingest needs of a coder: a :class:`~casus.coder.Coder`, or an executor of
    :mod:`casus.batch` that codes on several workers."""

    cfg: Config

    @property
    def versions(self) -> dict[str, str]:
        """The casus and lexicon versions of the pipeline."""
        ...

    def pipe_results(self, articles: Iterable[Article]) -> Iterator[Result]:
        """Results in input order."""
        ...


@dataclass(frozen=True, slots=True)
class IngestStats:
    """What an ingest did."""

    read: int  # articles given
    coded: int  # articles coded for the first time
    recoded: int  # articles re-coded (other versions or text): events replaced
    unchanged: int  # articles skipped: stored with the same text and versions, or a repeat
    failed: tuple[Failure, ...]  # articles whose coding raised an error
    events: int  # event rows written
    events_removed: int  # event rows replaced
    batches: int  # transactions committed
    clusters: int  # clusters rebuilt afterwards
    seconds: float

    def to_dict(self) -> dict[str, Any]:
        """The statistics as JSON-ready data."""
        return {
            "read": self.read,
            "coded": self.coded,
            "recoded": self.recoded,
            "unchanged": self.unchanged,
            "failed": [str(f) for f in self.failed],
            "events": self.events,
            "events_removed": self.events_removed,
            "batches": self.batches,
            "clusters": self.clusters,
            "seconds": round(self.seconds, 3),
        }


def coder_versions(coder: ArticleCoder) -> dict[str, str]:
    """The versions recorded with stored events: casus, lexicon, and the dictionaries
    (a fingerprint of the bundled and the configured actor dictionary files)."""
    versions = dict(coder.versions)
    if "dictionaries" not in versions:
        versions["dictionaries"] = _dictionary_fingerprint(coder)
    return versions


def ingest(
    store: Store,
    coder: ArticleCoder,
    articles: Iterable[Article],
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    on_batch: Callable[[int], None] | None = None,
    cluster: bool = True,
) -> IngestStats:
    """Code articles and store them, one transaction per batch of ``batch_size`` articles.

    Already-stored articles with the same text and versions are skipped; changed ones are
    re-coded and replaced. ``on_batch(n)`` is called after each batch with its article count.
    With ``cluster`` (the default) the touched dyads are re-clustered at the end.
    """
    if batch_size < 1:
        raise InputError(f"batch size must be at least 1, got {batch_size}")
    started = time.perf_counter()
    versions = coder_versions(coder)
    totals = _Totals()
    batches = _batches(_first_of_each_id(articles, totals), batch_size)
    if getattr(coder, "workers", 1) > 1:
        _ingest_streamed(store, coder, batches, versions, totals, on_batch)
    for batch in batches:  # one process (or what is left after a failed stream)
        todo, stored_ids = _plan_batch(store, batch, versions, totals)
        _write_batch(store, batch, _code(coder, todo, totals.failed), stored_ids, versions, totals)
        if on_batch is not None:
            on_batch(len(batch))
    clusters = refresh_clusters(store) if cluster else 0
    return IngestStats(
        read=totals.read,
        coded=totals.coded,
        recoded=totals.recoded,
        unchanged=totals.unchanged,
        failed=tuple(totals.failed),
        events=totals.events,
        events_removed=totals.removed,
        batches=totals.batches,
        clusters=clusters,
        seconds=time.perf_counter() - started,
    )


@dataclass(slots=True)
class _Totals:
    read: int = 0
    coded: int = 0
    recoded: int = 0
    unchanged: int = 0
    events: int = 0
    removed: int = 0
    batches: int = 0
    failed: list[Failure] = field(default_factory=list)

    def add(self, written: int, removed: int, coded: int, recoded: int) -> None:
        self.events += written
        self.removed += removed
        self.coded += coded
        self.recoded += recoded
        self.batches += 1


@dataclass(slots=True)
class _Planned:
    batch: list[Article]
    todo: list[Article]
    stored_ids: set[str]


def _ingest_streamed(
    store: Store,
    coder: ArticleCoder,
    batches: Iterator[list[Article]],
    versions: Mapping[str, str],
    totals: _Totals,
    on_batch: Callable[[int], None] | None,
) -> None:
    """Ingest with workers: the articles to code go to the workers as one stream, so that
    they code the next batches while this process writes one (a batch no longer ends with
    idle workers waiting for its last chunk and for its commit); each batch is written, in
    order, once its results are in. If the stream fails, the batches planned and not yet
    written are coded again batch by batch (``_code`` retries a failed batch one article
    at a time), and the caller goes on batch by batch."""
    planned: deque[_Planned] = deque()

    def feed() -> Iterator[Article]:
        for batch in batches:
            todo, stored_ids = _plan_batch(store, batch, versions, totals)
            planned.append(_Planned(batch, todo, stored_ids))
            yield from todo

    def write_ready(results: list[Result]) -> None:
        while planned and len(results) >= len(planned[0].todo):
            head = planned.popleft()
            mine = results[: len(head.todo)]
            del results[: len(head.todo)]
            if [r.article.id for r in mine] != [a.id for a in head.todo]:
                raise CasusError("the coder returned results out of order")
            coded = _results(mine, totals.failed)
            _write_batch(store, head.batch, coded, head.stored_ids, versions, totals)
            if on_batch is not None:
                on_batch(len(head.batch))

    results: list[Result] = []
    try:
        for result in coder.pipe_results(feed()):
            results.append(result)
            write_ready(results)
    except Exception:  # one bad document must not stop the ingest: code batch by batch
        log.debug("the stream of batches failed; coding the rest batch by batch")
        while planned:
            head = planned.popleft()
            coded = _code(coder, head.todo, totals.failed)
            _write_batch(store, head.batch, coded, head.stored_ids, versions, totals)
            if on_batch is not None:
                on_batch(len(head.batch))
        return
    write_ready(results)  # batches with nothing to code after the last result


def _plan_batch(
    store: Store,
    batch: list[Article],
    versions: Mapping[str, str],
    totals: _Totals,
) -> tuple[list[Article], set[str]]:
    totals.read += len(batch)
    todo, stored_ids = _plan(store, batch, versions)
    totals.unchanged += len(batch) - len(todo)
    return todo, stored_ids


def _write_batch(
    store: Store,
    batch: list[Article],
    coded: list[tuple[Article, list[Event]]],
    stored_ids: set[str],
    versions: Mapping[str, str],
    totals: _Totals,
) -> None:
    if coded:
        written, removed = store_events(store, coded, versions)
        recoded = sum(1 for article, _ in coded if article.id in stored_ids)
        totals.add(written, removed, len(coded) - recoded, recoded)


def store_events(
    store: Store, items: Sequence[tuple[Article, Sequence[Event]]], versions: Mapping[str, str]
) -> tuple[int, int]:
    """Write articles with their events in one transaction, replacing any stored events of
    those articles; mark the touched partitions and periods for re-clustering. Returns
    (written, removed)."""
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    article_rows: list[tuple[Any, ...]] = []
    event_rows: list[dict[str, Any]] = []
    for article, events in items:
        unique = _unique(events)
        article_rows.append(_article_row(article, len(unique), versions, now))
        event_rows.extend(store_row(event, article, versions) for event in unique)
    ids = [article.id for article, _ in items]
    in_ids = "article_id IN (SELECT unnest(?::VARCHAR[]))"
    in_list = "IN (SELECT unnest(?::VARCHAR[]))"
    with store.transaction() as con:
        old = con.execute(
            f"SELECT source_code, target_code, cluster_id FROM events WHERE {in_ids}", [ids]
        ).fetchall()
        stale = sorted({c for _, _, c in old if c is not None})
        # the old reports and every member of their clusters must be re-clustered
        mark_pending(con, f"{in_ids} OR cluster_id {in_list}", [ids, stale])
        con.execute(f"DELETE FROM clusters WHERE cluster_id {in_list}", [stale])
        con.execute(f"UPDATE events SET cluster_id = NULL WHERE cluster_id {in_list}", [stale])
        con.execute(f"DELETE FROM events WHERE {in_ids}", [ids])
        insert_columns(con, "events", EVENT_COLUMNS, event_rows)
        con.execute(f"DELETE FROM articles WHERE {in_ids}", [ids])
        _insert(con, "articles", ARTICLE_COLUMNS, article_rows)
        mark_pending(con, in_ids, [ids])
        codes = {c for s, t, _ in old for c in (s, t) if c}
        codes.update(c for row in event_rows for c in (row["source_code"], row["target_code"]) if c)
        _refresh_actors(con, sorted(codes))
    return len(event_rows), len(old)


def store_row(event: Event, article: Article, versions: Mapping[str, str]) -> dict[str, Any]:
    """One events-table row: :func:`casus.io.rows.event_row` plus the store's own columns."""
    row = event_row(event)
    key = dyad_key(actor_key(event.source), actor_key(event.target))
    row["outlet"] = article.outlet or row["outlet"]
    row["dyad"] = known_dyad(key)
    row["dedup_key"] = key
    row["casus_version"] = versions["casus"]
    row["lexicon_version"] = versions["lexicon"]
    row["cluster_id"] = None
    return row


# ---- planning and coding ---------------------------------------------------------------------
def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _first_of_each_id(articles: Iterable[Article], totals: _Totals) -> Iterator[Article]:
    """The first copy of each article. A repeat (same id and text) is counted as read and
    unchanged: the first copy's outcome is the article's, coded or failed, whichever batch
    the repeat falls in and however many workers code. One that repeats an id with another
    text is reported and the first kept, so the same input stored twice gives the same
    store."""
    seen: dict[str, str] = {}  # id -> text hash
    for article in articles:
        digest = text_hash(article.text)
        first = seen.get(article.id)
        if first is None:
            seen[article.id] = digest
            yield article
            continue
        if first == digest:  # the same article again
            totals.read += 1
            totals.unchanged += 1
        else:
            totals.failed.append(
                Failure(
                    article.origin or article.id,
                    f"duplicate id {article.id!r} with another text (the first one is kept)",
                )
            )


def _plan(
    store: Store,
    batch: list[Article],
    versions: Mapping[str, str],
) -> tuple[list[Article], set[str]]:
    """The articles of the batch that need coding, and which of them are already stored."""
    ids = [a.id for a in batch]
    rows = store.query(
        "SELECT article_id, text_hash, casus_version, lexicon_version, "
        "dictionary_version FROM articles "
        "WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
        [ids],
    )
    stored = {r[0]: tuple(r[1:]) for r in rows}
    todo: list[Article] = []
    for article in batch:  # each id once (_first_of_each_id)
        wanted = (
            text_hash(article.text),
            versions["casus"],
            versions["lexicon"],
            versions.get("dictionaries"),
        )
        if stored.get(article.id) != wanted:
            todo.append(article)
    return todo, set(stored)


def _code(
    coder: ArticleCoder,
    articles: list[Article],
    failed: list[Failure],
) -> list[tuple[Article, list[Event]]]:
    """Code a batch; if the batch fails, code its articles one by one and report failures."""
    if not articles:
        return []
    try:
        results = list(coder.pipe_results(articles))
    except Exception:  # one bad document must not stop the ingest: retry one at a time
        log.debug("batch failed; coding its %d articles one by one", len(articles))
        results = []
        for article in articles:
            try:
                results.extend(coder.pipe_results([article]))
            except Exception as e:  # reported with the article, like a skipped input
                where = article.origin or article.id
                failed.append(Failure(where, f"coding failed: {e}", "pipeline"))
    return _results(results, failed)


def _results(results: list[Result], failed: list[Failure]) -> list[tuple[Article, list[Event]]]:
    """The coded articles with their events; the failures reported."""
    out: list[tuple[Article, list[Event]]] = []
    for result in results:
        if result.failure is not None:  # a stage failed on it: report, do not store it as coded
            failed.append(result.failure)
        else:
            out.append((result.article, result.events))
    return out


# ---- rows ------------------------------------------------------------------------------------
def text_hash(text: str) -> str:
    """The hash recorded for an article's text (sha1, hex)."""
    return content_id(text, length=40)


def _unique(events: Sequence[Event]) -> list[Event]:
    seen: set[str] = set()
    out: list[Event] = []
    for event in events:
        if event.event_id not in seen:
            seen.add(event.event_id)
            out.append(event)
    return out


def _article_row(
    article: Article, n_events: int, versions: Mapping[str, str], now: dt.datetime
) -> tuple[Any, ...]:
    return (
        article.id,
        article.title,
        article.url,
        article.outlet,
        article.published,
        article.origin,
        article.text,
        text_hash(article.text),
        n_events,
        now,
        versions["casus"],
        versions["lexicon"],
        versions.get("dictionaries"),
    )


def _insert(
    con: Connection, table: str, columns: tuple[str, ...], rows: list[tuple[Any, ...]]
) -> None:
    for start in range(0, len(rows), INSERT_CHUNK):
        chunk = rows[start : start + INSERT_CHUNK]
        con.execute(insert_sql(table, columns, len(chunk)), flatten(chunk))


def _refresh_actors(con: Connection, codes: list[str]) -> None:
    """Recompute the actors rows of ``codes`` from the events table."""
    if not codes:
        return
    con.execute("DELETE FROM actors WHERE code IN (SELECT unnest(?::VARCHAR[]))", [codes])
    con.execute(
        """
        INSERT INTO actors
        SELECT code, any_value(country), list_sort(list_distinct(flatten(list(roles)))),
               min(date), max(date), count(*)
        FROM (
            SELECT source_code AS code, source_country AS country, date,
                   source_roles AS roles
            FROM events WHERE source_code IN (SELECT unnest($1::VARCHAR[]))
            UNION ALL
            SELECT target_code, target_country, date,
                   target_roles
            FROM events WHERE target_code IN (SELECT unnest($1::VARCHAR[]))
        )
        GROUP BY code
    """,
        [codes],
    )


def _dictionary_fingerprint(coder: ArticleCoder) -> str:
    from casus.ontology.tables import data_files

    digest = hashlib.sha1()
    for name, text in sorted(data_files("actors", "*.tsv")):
        digest.update(name.encode("utf-8"))
        digest.update(text.encode("utf-8"))
    cfg = coder.cfg
    for path in (*cfg.dictionary_files, *cfg.petrarch_actors, *cfg.petrarch_agents):
        digest.update(str(path).encode("utf-8"))
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"<unreadable>")
    return digest.hexdigest()[:12]

"""The DuckDB store: opening, refusing bad files, locking, idempotent and resumable ingest."""

from __future__ import annotations

import datetime as dt
import importlib
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from casus.coder import Coder, Result
from casus.errors import StoreError
from casus.io.readers import read_inputs
from casus.io.rows import EVENT_FIELDS, event_from_row
from casus.model import Article
from casus.store import SCHEMA_VERSION, Store, ingest, store_events
from conftest import DATA, TEST_VERSIONS, build_event

CORPUS = DATA / "dedup" / "articles.jsonl"
ingest_module = importlib.import_module("casus.store.ingest")  # the package re-exports ingest()
RUNNER = (
    "from casus.cli.main import cli; from casus.cli.store import register; "
    "'ingest' in cli.commands or register(cli); cli(prog_name='casus')"
)


class FakeCoder:
    """Codes "SRC TGT CAMEO YYYY-MM-DD" lines (one event each) with chosen versions."""

    def __init__(self, lexicon: str = "lex-1") -> None:
        self.versions = {**TEST_VERSIONS, "lexicon": lexicon}
        self.calls = 0

    def pipe_results(self, articles: Iterable[Article]) -> Iterator[Result]:
        for article in articles:
            self.calls += 1
            events = [
                build_event(*line.split()[:4], article=article.id, sentence=i)
                for i, line in enumerate(article.text.splitlines())
                if line.strip()
            ]
            yield Result(article, events, [])


def fake_articles(n: int = 6) -> list[Article]:
    pairs = [("AZE", "IRN", "161"), ("IRN", "AZE", "111"), ("TUR", "AZE", "062")]
    return [
        Article(
            text="{} {} {} 2023-04-{:02d}".format(*pairs[i % 3], 1 + i),
            id=f"art{i}",
            outlet=f"Outlet {i % 2}",
            published=dt.date(2023, 4, 2 + i),
        )
        for i in range(n)
    ]


def snapshot(store: Store) -> dict[str, object]:
    """Everything ingest writes, to compare before and after."""
    return {
        "articles": store.query(
            "SELECT article_id, text_hash, n_events, coded_at, "
            "lexicon_version FROM articles ORDER BY 1"
        ),
        "events": store.query("SELECT event_id, article_id, cluster_id FROM events ORDER BY 1"),
        "clusters": store.query("SELECT * FROM clusters ORDER BY 1"),
        "actors": store.query("SELECT * FROM actors ORDER BY 1"),
    }


def consistency_problems(store: Store) -> list[tuple[object, ...]]:
    """Events without their article, or articles whose stored events are incomplete."""
    orphans = store.query(
        "SELECT event_id FROM events WHERE article_id NOT IN (SELECT article_id FROM articles)"
    )
    partial = store.query("""SELECT a.article_id, a.n_events, count(e.event_id)
                             FROM articles a LEFT JOIN events e USING (article_id)
                             GROUP BY a.article_id, a.n_events
                             HAVING count(e.event_id) <> a.n_events""")
    return orphans + partial


def file_state(path: Path) -> tuple[bytes, list[str]]:
    return path.read_bytes(), sorted(p.name for p in path.parent.iterdir())


# ---- opening ------------------------------------------------------------------------------------
def test_new_store_records_the_current_schema_version(store: Store) -> None:
    assert store.query("SELECT max(version) FROM schema_version") == [(SCHEMA_VERSION,)]


def test_reopening_a_store_keeps_its_data(tmp_path: Path) -> None:
    path = tmp_path / "casus.duckdb"
    store_events(
        Store.open(path), [(Article("x", id="a1"), [build_event(article="a1")])], TEST_VERSIONS
    )
    assert Store.open(path).counts()["events"] == 1


def test_querying_a_missing_store_creates_no_file(tmp_path: Path) -> None:
    path = tmp_path / "none.duckdb"
    with pytest.raises(StoreError, match="no store at"):
        Store.open(path, create=False)
    assert not path.exists()


def test_text_file_is_refused_as_not_a_store_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.duckdb"
    path.write_text("shopping list: bread, milk\n" * 50)
    before = file_state(path)
    with pytest.raises(StoreError, match="not a casus store"):
        Store.open(path)
    assert file_state(path) == before


def test_corrupt_duckdb_file_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "casus.duckdb"
    Store.open(path)
    data = bytearray(path.read_bytes())
    data[4096:] = os.urandom(len(data) - 4096)  # keep the header, scramble the blocks
    path.write_bytes(bytes(data))
    before = file_state(path)
    with pytest.raises(StoreError, match="casus store|cannot open"):
        Store.open(path).counts()
    assert file_state(path) == before


def test_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "casus.duckdb"
    path.touch()
    with pytest.raises(StoreError, match="empty file"):
        Store.open(path)
    assert path.stat().st_size == 0


def test_foreign_duckdb_database_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "sales.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE sales (id INTEGER, amount DOUBLE)")
    con.close()
    before = file_state(path)
    with pytest.raises(StoreError, match=r"not a casus store.*sales"):
        Store.open(path)
    assert file_state(path) == before


def test_store_from_a_newer_casus_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "casus.duckdb"
    Store.open(path)
    con = duckdb.connect(str(path))
    con.execute("INSERT INTO schema_version VALUES (99, 'future', now())")
    con.close()
    with pytest.raises(StoreError, match="newer casus"):
        Store.open(path)


@pytest.fixture()
def locked(tmp_path: Path) -> Iterator[Path]:
    """A store held open for writing by another process."""
    path = tmp_path / "casus.duckdb"
    Store.open(path)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
            "print('ready', flush=True); time.sleep(60)",
            str(path),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
    yield path
    holder.kill()
    holder.wait()
    holder.stdout.close()


def test_locked_store_fails_fast_with_a_clear_message(locked: Path) -> None:
    started = time.monotonic()
    with pytest.raises(StoreError, match="locked by another process"):
        Store.open(locked, create=False, wait=0.3)
    assert time.monotonic() - started < 5


def test_ingest_into_a_locked_store_fails_and_writes_nothing(locked: Path) -> None:
    store = Store(locked, wait=0.2, write_wait=0.2)
    before = file_state(locked)
    coder = FakeCoder()
    with pytest.raises(StoreError, match="locked by another process"):
        ingest(store, coder, fake_articles(2))  # type: ignore[arg-type]
    assert file_state(locked) == before and coder.calls == 0


def test_cli_query_on_a_locked_store_exits_2_with_one_line(locked: Path) -> None:
    from casus.cli.main import cli
    from casus.cli.store import register

    if "timeline" not in cli.commands:
        register(cli)
    result = CliRunner().invoke(
        cli, ["timeline", "AZE", "IRN", "--db", str(locked), "--wait", "0.2"]
    )
    assert result.exit_code == 2
    assert "locked by another process" in result.output


# ---- ingest -------------------------------------------------------------------------------------
def test_ingest_stores_every_article_and_event(store: Store) -> None:
    stats = ingest(store, FakeCoder(), fake_articles(6), batch_size=4)  # type: ignore[arg-type]
    assert (stats.coded, stats.events, stats.batches) == (6, 6, 2)
    assert store.counts()["articles"] == 6 and store.counts()["events"] == 6


def test_ingesting_the_same_input_twice_changes_nothing(store: Store) -> None:
    ingest(store, FakeCoder(), fake_articles(6))  # type: ignore[arg-type]
    before = snapshot(store)
    coder = FakeCoder()
    stats = ingest(store, coder, fake_articles(6))  # type: ignore[arg-type]
    assert (stats.unchanged, stats.events, coder.calls) == (6, 0, 0)
    assert snapshot(store) == before


def test_same_article_twice_in_one_input_is_coded_once(store: Store) -> None:
    article = fake_articles(1)[0]
    stats = ingest(store, FakeCoder(), [article, article])  # type: ignore[arg-type]
    assert (stats.coded, stats.unchanged, store.counts()["events"]) == (1, 1, 1)


def test_lexicon_change_recodes_and_replaces_events(store: Store) -> None:
    ingest(store, FakeCoder("lex-1"), fake_articles(6))  # type: ignore[arg-type]
    stats = ingest(store, FakeCoder("lex-2"), fake_articles(6))  # type: ignore[arg-type]
    assert (stats.recoded, stats.events_removed) == (6, 6)
    assert store.query(
        "SELECT count(*), count(DISTINCT event_id), "
        "list_distinct(list(lexicon_version)) FROM events"
    ) == [(6, 6, ["lex-2"])]


def test_changed_text_under_the_same_id_replaces_the_old_events(store: Store) -> None:
    ingest(
        store,
        FakeCoder(),
        [
            Article(
                "AZE IRN 161 2023-04-06\nAZE IRN 111 2023-04-06",  # type: ignore[arg-type]
                id="story",
            )
        ],
    )
    ingest(store, FakeCoder(), [Article("IRN AZE 057 2023-06-05", id="story")])  # type: ignore[arg-type]
    assert store.query("SELECT cameo FROM events") == [("057",)]


def test_failed_write_rolls_back_the_whole_batch(store: Store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    ingest(store, FakeCoder("lex-1"), fake_articles(3))  # type: ignore[arg-type]
    before = snapshot(store)

    def broken(con, table, columns, rows):  # type: ignore[no-untyped-def]
        raise duckdb.IOException("disk full")

    monkeypatch.setattr(ingest_module, "_insert", broken)
    with pytest.raises(StoreError, match="nothing changed"):
        ingest(store, FakeCoder("lex-2"), fake_articles(3))  # type: ignore[arg-type]
    assert snapshot(store) == before


def test_article_that_fails_to_code_is_reported_and_the_rest_stored(store: Store) -> None:
    class Flaky(FakeCoder):
        def pipe_results(self, articles: Iterable[Article]) -> Iterator[Result]:
            for result in super().pipe_results(articles):
                if result.article.id == "art1":
                    raise ValueError("parser crashed")
                yield result

    stats = ingest(store, Flaky(), fake_articles(3))  # type: ignore[arg-type]
    assert [f.origin for f in stats.failed] == ["art1"]  # no origin: the article id
    assert store.counts()["articles"] == 2


def test_all_events_are_stored_with_their_flags(store: Store) -> None:
    negated = build_event(article="a1", negated=True)
    store_events(store, [(Article("x", id="a1"), [negated])], TEST_VERSIONS)
    assert store.query("SELECT negated, asserted FROM events") == [(True, False)]


def test_actors_table_counts_mentions_as_source_or_target(store: Store) -> None:
    ingest(store, FakeCoder(), fake_articles(6))  # type: ignore[arg-type]
    assert store.query("SELECT code, mentions FROM actors ORDER BY code") == [
        ("AZE", 6),
        ("IRN", 4),
        ("TUR", 2),
    ]


def test_ingest_clusters_the_stored_events(store: Store) -> None:
    ingest(store, FakeCoder(), fake_articles(6))  # type: ignore[arg-type]
    unclustered = store.query("SELECT count(*) FROM events WHERE asserted AND cluster_id IS NULL")
    assert unclustered == [(0,)] and store.query("SELECT count(*) FROM pending_clusters") == [(0,)]


# ---- real pipeline ----------------------------------------------------------------------
def test_real_ingest_of_the_same_corpus_twice_changes_nothing(store: Store, coder: Coder) -> None:
    articles = [a for a in read_inputs([str(CORPUS)]) if isinstance(a, Article)]
    first = ingest(store, coder, articles)
    before = snapshot(store)
    second = ingest(store, coder, articles)
    assert first.coded == len(articles) and first.events > 0
    assert (second.unchanged, second.events, snapshot(store)) == (len(articles), 0, before)


def test_real_recode_after_lexicon_change_replaces_not_duplicates(
    store: Store, coder: Coder, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    articles = [a for a in read_inputs([str(CORPUS)]) if isinstance(a, Article)][:5]
    ingest(store, coder, articles)
    before = store.query("SELECT event_id FROM events ORDER BY 1")
    monkeypatch.setattr(
        Coder, "versions", property(lambda self: {"casus": "0.1.0", "lexicon": "edited"})
    )
    stats = ingest(store, coder, articles)
    assert stats.recoded == len(articles)
    assert store.query("SELECT event_id FROM events ORDER BY 1") == before
    assert store.query("SELECT DISTINCT lexicon_version FROM events") == [("edited",)]


def _cli(*args: str) -> list[str]:
    """``python -m casus.cli ARGS``, registering the store commands if main.py does not yet."""
    return [sys.executable, "-c", RUNNER, *args]


def _stored_articles(path: Path) -> int:
    try:
        return int(Store.open(path, create=False, wait=0.05).counts()["articles"])
    except StoreError:
        return 0  # not created yet, or locked by the writer for a moment


def test_killed_ingest_leaves_a_consistent_store_and_resumes(
    tmp_path: Path,
    coder: Coder,
) -> None:
    inputs = tmp_path / "news.jsonl"
    # enough articles that the kill lands mid-ingest even on a fast machine with two workers:
    # the poll below may find the store locked for a while, and 40 one-sentence articles were
    # sometimes all stored before it could read two
    total = 200
    pairs = [
        ("Azerbaijan", "Iranian"),
        ("Iran", "Azerbaijani"),
        ("Turkey", "Greek"),
        ("Russia", "Ukrainian"),
        ("France", "German"),
    ]
    articles = [
        {
            "id": f"k{i:02d}",
            "outlet": f"Outlet {i % 4}",
            "published": f"2023-03-{1 + i % 28:02d}",
            "text": f"{pairs[i % 5][0]} expelled {i + 2} {pairs[i % 5][1]} diplomats on Monday.",
        }
        for i in range(total)
    ]
    inputs.write_text("".join(json.dumps(a) + "\n" for a in articles))
    db = tmp_path / "casus.duckdb"
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    proc = subprocess.Popen(
        _cli("ingest", str(inputs), "--db", str(db), "--batch-size", "2", "--no-progress"),
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while _stored_articles(db) < 2 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    assert proc.wait() == -signal.SIGKILL, "the ingest finished before it could be killed"
    store = Store.open(db, create=False)
    stored = store.counts()["articles"]
    assert 2 <= stored < total and consistency_problems(store) == []

    done = subprocess.run(
        _cli("ingest", str(inputs), "--db", str(db), "--batch-size", "2"),
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert f"{total - stored} coded, 0 re-coded, {stored} unchanged" in done.stdout
    expected = {
        e.event_id
        for r in coder.pipe_results(Article.from_dict(a) for a in articles)
        for e in r.events
    }
    assert {r[0] for r in store.query("SELECT event_id FROM events")} == expected
    assert consistency_problems(store) == []
    assert store.query(
        "SELECT count(*) FROM events WHERE asserted AND dyad IS NOT NULL AND cluster_id IS NULL"
    ) == [(0,)]


def test_ingest_command_reports_skipped_inputs_and_exits_1(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Azerbaijan expelled four Iranian diplomats on Thursday.")
    db = tmp_path / "casus.duckdb"
    done = subprocess.run(
        _cli(
            "ingest",
            str(good),
            str(tmp_path / "missing.txt"),
            "--db",
            str(db),
            "--published",
            "2023-04-07",
        ),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 1
    assert "missing.txt: no such file or directory" in done.stderr
    assert Store.open(db, create=False).counts()["articles"] == 1


def test_events_and_articles_keep_their_public_json(store: Store) -> None:
    event = build_event(article="a1")
    store_events(store, [(Article("x", id="a1"), [event])], TEST_VERSIONS)
    [row] = store.query(f"SELECT {', '.join(EVENT_FIELDS)} FROM events")
    assert event_from_row(dict(zip(EVENT_FIELDS, row, strict=True))) == event

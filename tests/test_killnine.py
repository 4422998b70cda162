"""kill -9 during ``casus ingest`` loses and duplicates nothing (issue 13 keeps it guarded).

Two ingests of one small corpus are killed with SIGKILL as soon as each has committed more
than the one before; a last ingest finishes the job. The store must then hold exactly what one
clean, uninterrupted ingest stores: 0 events lost, 0 duplicated.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import duckdb

from casus.coder import Coder
from casus.model import Article
from casus.store import Store, ingest

COUNTRIES = ["Azerbaijan", "Iran", "Turkey", "Russia", "Armenia", "Georgia"]
BATCH = 4
TRIALS = 2


def _corpus() -> list[dict[str, str]]:
    rows = []
    for i in range(48):
        a, b = COUNTRIES[i % 6], COUNTRIES[(i // 6 + i + 1) % 6]
        if a == b:
            b = "Iraq"
        rows.append(
            {
                "id": f"k{i}",
                "published": f"2023-04-{i % 28 + 1:02d}",
                "outlet": f"Wire {i % 3}",
                "text": f"{a} expelled {i % 9 + 2} diplomats from {b} on Friday. "
                f"{b} condemned the decision of {a}.",
            }
        )
    return rows


def _stored(path: Path) -> int | None:
    """Articles committed so far, or None while the ingest holds the file."""
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error:
        return None
    try:
        row = con.execute("SELECT count(*) FROM articles").fetchone()
        return int(row[0]) if row else 0
    except duckdb.Error:
        return None
    finally:
        con.close()


def _ingest(corpus: Path, db: Path) -> subprocess.Popen[bytes]:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    return subprocess.Popen(
        [sys.executable, "-m", "casus.cli", "ingest", str(corpus), "--db", str(db),
         "--batch-size", str(BATCH), "--no-progress"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
    )  # fmt: skip


def _kill_after_progress(proc: subprocess.Popen[bytes], db: Path, done: int) -> int:
    """SIGKILL ``proc`` once more than ``done`` articles are committed; the count it reached."""
    deadline = time.monotonic() + 300
    while proc.poll() is None and time.monotonic() < deadline:
        count = _stored(db) if db.exists() else None
        if count is not None and count > done:
            proc.kill()
            break
        time.sleep(0.02)
    proc.communicate(timeout=60)  # reaps it and closes its pipe
    return _stored(db) or 0


def _events(db: Path) -> list[tuple[str, int]]:
    return Store.open(db, create=False).query(
        "SELECT event_id, count(*) FROM events GROUP BY event_id ORDER BY event_id"
    )


def test_kill_9_during_ingest_loses_and_duplicates_nothing(coder: Coder, tmp_path: Path) -> None:
    rows = _corpus()
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    clean = tmp_path / "clean.duckdb"
    ingest(Store.open(clean), coder, [Article.from_dict(r) for r in rows], batch_size=BATCH)

    killed = tmp_path / "killed.duckdb"
    done = 0
    for _ in range(TRIALS):
        done = _kill_after_progress(_ingest(corpus, killed), killed, done)
    ingest(Store.open(killed), coder, [Article.from_dict(r) for r in rows], batch_size=BATCH)

    expected, found = dict(_events(clean)), dict(_events(killed))
    assert expected and set(expected) - set(found) == set()  # 0 lost
    assert set(found) - set(expected) == set() and max(found.values()) == 1  # 0 duplicated
    counts = Store.open(killed, create=False).counts()
    assert counts == Store.open(clean, create=False).counts()

"""The store at scale: typed columns, the v1 -> v2 migration, strict dyads, incremental
re-clustering that matches a full one."""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

import duckdb
import pytest

from casus.analysis import dyad_series, timeline
from casus.analysis.queries import _check_side, dyad_filter
from casus.io.rows import EVENT_FIELDS, event_from_row
from casus.model import Actor, Article, Event
from casus.store import SCHEMA_VERSION, Store, refresh_clusters, store_events
from casus.store.schema import MIGRATIONS
from conftest import TEST_VERSIONS, build_event


def _clusters(store: Store) -> set[tuple[str, ...]]:
    """Each cluster as the sorted ids of its reports, plus its row's counts and date."""
    rows = store.query(
        "SELECT c.cluster_id, c.n_reports, c.n_outlets, c.date, list_sort(list(e.event_id)) "
        "FROM clusters c JOIN events e USING (cluster_id) GROUP BY ALL"
    )
    return {(r[0], str(r[1]), str(r[2]), str(r[3]), *r[4]) for r in rows}


def _random_events(rng: random.Random, article: str, n: int) -> list[Event]:
    pairs = [("AZE", "IRN"), ("IRN", "AZE"), ("TUR", "ARM"), ("RUS", "UKR")]
    out = []
    for i in range(n):
        src, tgt = rng.choice(pairs)
        day = dt.date(2023, 4, 1) + dt.timedelta(days=rng.randint(0, 40))
        out.append(
            build_event(
                src,
                tgt,
                rng.choice(["174", "161", "111", "190", "057"]),
                day.isoformat(),
                precision=rng.choice(["day", "day", "week"]),
                basis=rng.choice(["stated", "publication"]),
                article=article,
                sentence=i,
                words=rng.choice(["expelled four diplomats", "shelled the border villages"]),
            )
        )
    return out


def _put(store: Store, articles: dict[str, list[Event]]) -> None:
    items = [
        (Article(f"text {a}", id=a, outlet=f"Outlet {len(a) % 3}"), events)
        for a, events in articles.items()
    ]
    store_events(store, items, TEST_VERSIONS)


def test_incremental_refresh_gives_the_clusters_of_a_full_recluster(store: Store) -> None:
    rng = random.Random(3)
    for batch in range(6):
        _put(store, {f"b{batch}a{i}": _random_events(rng, f"b{batch}a{i}", 4) for i in range(5)})
        refresh_clusters(store)
    # re-code two stored articles with other events: their old clusters must not survive
    _put(store, {"b1a1": _random_events(rng, "b1a1", 2), "b3a0": []})
    refresh_clusters(store)
    incremental = _clusters(store)
    refresh_clusters(store, everything=True)
    assert incremental == _clusters(store) and len(incremental) > 20


def test_refresh_touches_only_the_segments_of_the_new_days(store: Store) -> None:
    _put(store, {"old": [build_event(day="2023-01-05", article="old")]})
    refresh_clusters(store)
    [(before,)] = store.query("SELECT cluster_id FROM events")
    _put(store, {"new": [build_event(day="2023-06-05", article="new")]})
    with store.read() as con:
        pending = con.execute("SELECT min(first), max(last) FROM pending_clusters").fetchall()
    refresh_clusters(store)
    assert pending == [(dt.date(2023, 6, 5), dt.date(2023, 6, 5))]
    assert store.query("SELECT cluster_id FROM events WHERE article_id = 'old'") == [(before,)]


@pytest.mark.parametrize(
    ("source", "dyad"),
    [
        (Actor("AZE", "AZE", (), "Azerbaijan", 0, 10), "AZE|IRN"),
        (Actor(None, None, (), "gunmen", 0, 6, how="unknown"), None),
        (Actor("---COP", None, ("COP",), "police", 0, 6, how="generic"), None),
    ],
)
def test_dyad_is_null_unless_both_sides_are_known(
    store: Store, source: Actor, dyad: str | None
) -> None:
    event = build_event(article="a1").with_(source=source)
    store_events(store, [(Article("x", id="a1"), [event])], TEST_VERSIONS)
    refresh_clusters(store)
    assert store.query("SELECT dyad FROM events") == [(dyad,)]
    assert store.query("SELECT count(*) FROM clusters WHERE cluster_id IS NOT NULL") == [(1,)]


def test_a_version_1_store_is_migrated_to_columns(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    event = build_event(article="a1", place="Baku")
    con = duckdb.connect(str(path))
    for statement in MIGRATIONS[0].statements:
        con.execute(statement)
    con.execute("INSERT INTO schema_version VALUES (1, 'v1', now())")
    values = (event.event_id, "a1", 0, event.when.date, "day", "stated", False, "AZE", "AZE")
    values += ("IRN", "IRN", "AZE|IRN", "174", "17", 4, -5.0, event.plover, False, False, False)
    values += (False, True, None, "Wire", None, 0.8, "old", "lex", None)
    con.execute(
        f"INSERT INTO events VALUES ({', '.join('?' * 29)}, ?)",
        [*values, json.dumps(event.to_dict())],
    )
    con.execute("INSERT INTO pending_dyads VALUES ('AZE|IRN')")
    con.close()
    store = Store.open(path)
    [row] = store.query(f"SELECT {', '.join(EVENT_FIELDS)} FROM events")
    rebuilt = event_from_row(dict(zip(EVENT_FIELDS, row, strict=True)))
    assert rebuilt.with_(attribution=event.attribution) == event and rebuilt.location
    assert store.query("SELECT max(version) FROM schema_version") == [(SCHEMA_VERSION,)]
    assert store.query("SELECT dedup_key, first FROM pending_clusters") == [("AZE|IRN", None)]


def test_a_version_3_store_keeps_its_clusters_without_a_key_index(tmp_path: Path) -> None:
    # a key's index is held in memory once written to: it grew with the store (schema v4)
    path = tmp_path / "v3.duckdb"
    con = duckdb.connect(str(path))
    for migration in MIGRATIONS[:3]:
        for statement in migration.statements:
            con.execute(statement)
        con.execute("INSERT INTO schema_version VALUES (?, 'old', now())", [migration.version])
    row = ("c1", "AZE|IRN", "e1", 2, 2, 1, None, None, "unknown", "AZE", "AZE", "IRN", "IRN")
    row += (False, "042", "04", "Make a visit", 1, 1.9, False, "The minister visited Tehran.")
    con.execute(f"INSERT INTO clusters VALUES ({', '.join('?' * len(row))})", list(row))
    con.close()
    store = Store.open(path)
    assert store.query("SELECT cluster_id, n_reports, evidence FROM clusters") == [
        ("c1", 2, "The minister visited Tehran.")
    ]
    keys = "SELECT count(*) FROM duckdb_constraints() WHERE table_name = 'clusters' AND "
    assert store.query(keys + "constraint_type IN ('PRIMARY KEY', 'UNIQUE')") == [(0,)]


def test_dyad_fast_path_finds_what_the_code_filter_finds(store: Store) -> None:
    rng = random.Random(5)
    _put(store, {f"a{i}": _random_events(rng, f"a{i}", 5) for i in range(8)})
    refresh_clusters(store)
    where, params = dyad_filter("AZE", "IRN", exact=True)
    assert where.startswith("dyad = ")
    slow = store.query(
        "SELECT cluster_id FROM clusters WHERE ((source_country = 'AZE' AND target_country = "
        "'IRN') OR (source_country = 'IRN' AND target_country = 'AZE')) ORDER BY 1"
    )
    fast = store.query(f"SELECT cluster_id FROM clusters WHERE {where} ORDER BY 1", params)
    assert fast == slow and slow
    assert timeline(store, "AZE", "IRN") and dyad_series(store, "IRN", "AZE")
    assert _check_side(store, "aze") == ("AZE", True)

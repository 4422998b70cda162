"""The store's set-based re-clustering (casus/store/clusters.py, SQL) gives exactly the
clusters of the pure reference (casus/dedup.py) on generated reports: unknown sides, missing
targets, family codes, coarse and publication dates, places, several outlets a day."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pytest

import casus.store.cluster_windows as cluster_windows
import casus.store.clusters as store_clusters
from casus.dedup import PRECISION_RANK, Report, cluster_reports
from casus.model import Actor, Article, Event, EventDate, Location
from casus.store import Store, refresh_clusters, store_events
from casus.store.cluster_sql import FIRST_SQL, LAST_SQL, LOOKBACK
from conftest import TEST_VERSIONS

COUNTRIES = ("AZE", "IRN", "TUR", "ARM", "RUS", "UKR", "GEO", "ISR")
UNKNOWN_SIDES: tuple[tuple[str | None, str | None, str], ...] = (
    ("---COP", None, "the police"),  # a role of unknown country
    (None, None, "gunmen"),  # an unknown actor
)
FAMILY = {"161": "174", "166": "161", "174": "166", "190": "183", "193": "200", "057": "0871"}
CODES = (*FAMILY, "042", "043", "111", "112", "051", "0871")
WORDS = (
    ("expelled four diplomats from", "expelled 4 diplomats from", "ordered six staff of"),
    ("shelled border villages of", "bombed the capital of", "shelled the villages of"),
    ("signed a ceasefire with", "agreed a truce with", "signed a deal with"),
    ("visited", "hosted talks with", "criticized the decision of"),
)
PRECISIONS = ("day", "day", "day", "week", "month", "year", "unknown")
BASES = ("stated", "stated", "inferred", "publication")
PLACES = (None, None, None, "Kharkiv", "Odesa")


def _side(rng: random.Random) -> tuple[str | None, str | None, str]:
    if rng.random() < 0.1:
        return rng.choice(UNKNOWN_SIDES)
    country = rng.choice(COUNTRIES)
    return rng.choice(
        ((country + "GOV", country, f"the {country} government"), (country, country, country))
    )


def _report(
    rng: random.Random, real: dict[str, Any], article: str, sentence: int, published: dt.date
) -> Event:
    """One report of a real event: its sides (swapped now and then), its code or a related
    one, a date of some precision, words of its kind, maybe a place."""
    source, target = real["sides"]
    if target is not None and rng.random() < 0.3:
        source, target = target, source
    words = rng.choice(WORDS[real["kind"]])
    cameo = FAMILY.get(real["code"], real["code"]) if rng.random() < 0.25 else real["code"]
    when_text = rng.choice((None, "on Thursday", "last week"))
    target_text = target[2] if target else "the area"
    text = f"{source[2]} {words} {target_text}" + (f" {when_text}" if when_text else "")
    place = real["place"] if rng.random() < 0.8 else rng.choice(PLACES)
    text += f" in {place}." if place else "."
    start = len(source[2]) + len(words) + 2
    precision = rng.choice(PRECISIONS)
    day = None if precision == "unknown" else real["day"]
    if day and rng.random() < 0.3:
        day += dt.timedelta(days=rng.randint(-3, 3))
    loc = None
    if place:
        at = text.rfind(place)
        loc = Location(place, None, None, None, "city", place, at, at + len(place))
    return Event(
        article_id=article,
        sentence_index=sentence,
        evidence_text=text,
        evidence_start=0,
        evidence_end=len(text),
        source=Actor(source[0], source[1], (), source[2], 0, len(source[2])),
        target=Actor(target[0], target[1], (), target[2], start, start + len(target[2]))
        if target
        else None,
        cameo=cameo,
        cameo_name="",
        quad_class=1,
        goldstein=0.0,
        plover=None,
        plover_mode=None,
        trigger_text=words.split()[0],
        trigger_start=len(source[2]) + 1,
        trigger_end=len(source[2]) + 1 + len(words.split()[0]),
        when=EventDate(day, precision, rng.choice(BASES), when_text),
        location=loc,
        confidence=rng.choice((0.6, 0.7, 0.8)),
    )


def _articles(seed: int, n: int) -> list[tuple[Article, list[Event]]]:
    """About ``n`` articles reporting real events (one to five reports each, some articles
    with two) over two years, with a busy month for one dyad; several outlets a day."""
    rng = random.Random(seed)
    reports: dict[str, list[Event]] = {}
    meta: dict[str, tuple[str | None, dt.date]] = {}
    for i in range(n // 2):
        busy = rng.random() < 0.15
        target = None if rng.random() < 0.1 else _side(rng)
        real = {
            "sides": (("AZEGOV", "AZE", "Baku"), ("IRN", "IRN", "Iran"))
            if busy
            else (_side(rng), target),
            "code": rng.choice(CODES),
            "day": dt.date(2023, 4, 1) + dt.timedelta(days=rng.randint(0, 30 if busy else 700)),
            "place": rng.choice(PLACES),
        }
        real["kind"] = (
            0
            if real["code"][:2] in ("16", "17")
            else 1
            if real["code"][:2] in ("18", "19", "20")
            else 2
            if real["code"] in ("057", "0871")
            else 3
        )
        for _ in range(rng.randint(1, 5)):
            article = f"s{seed}e{i}a{rng.randint(0, 3)}"
            published = real["day"] + dt.timedelta(days=rng.randint(0, 2))
            outlet = rng.choice(("Wire A", "Wire B", "Herald", "Monitor", "Post", None))
            meta.setdefault(article, (outlet, published))
            event = _report(rng, real, article, rng.randint(0, 2), meta[article][1])
            reports.setdefault(article, []).append(event)
    out = []
    for article, events in reports.items():
        outlet, published = meta[article]
        unique = {e.event_id: e for e in events}  # the store keeps one of identical events
        out.append(
            (
                Article(f"text {article}", id=article, outlet=outlet, published=published),
                list(unique.values()),
            )
        )
    return out


def _reference(items: list[tuple[Article, list[Event]]]) -> set[tuple[Any, ...]]:
    """What dedup.py makes of the reports the store clusters (those with a partition)."""
    reports = [
        Report(e, article.outlet, article.published)
        for article, events in items
        for e in events
        if Report(e).dyad is not None
    ]
    return {
        (
            c.cluster_id,
            c.canonical.event_id,
            c.date,
            c.date_precision,
            c.n_reports,
            c.n_articles,
            c.n_outlets,
            c.first_report,
            tuple(sorted(r.event_id for r in c.reports)),
        )
        for c in cluster_reports(reports)
    }


def _stored(store: Store) -> set[tuple[Any, ...]]:
    rows = store.query(
        "SELECT c.cluster_id, c.canonical_event_id, c.date, c.date_precision, c.n_reports, "
        "c.n_articles, c.n_outlets, c.first_report_date, list_sort(list(e.event_id)) "
        "FROM clusters c JOIN events e USING (cluster_id) GROUP BY ALL"
    )
    return {(*r[:8], tuple(r[8])) for r in rows}


@pytest.fixture(scope="module")
def generated() -> list[tuple[Article, list[Event]]]:
    return _articles(seed=14, n=1800)


def test_sql_clusters_equal_the_reference_on_generated_reports(
    store: Store, generated: list[tuple[Article, list[Event]]]
) -> None:
    store_events(store, generated, TEST_VERSIONS)
    refresh_clusters(store)
    expected = _reference(generated)
    assert _stored(store) == expected
    assert len(expected) > 500 and any(len(c[-1]) > 2 for c in expected)


def test_incremental_batches_equal_the_reference(
    store: Store, generated: list[tuple[Article, list[Event]]]
) -> None:
    for start in range(0, len(generated), 150):  # daily batches, re-clustered after each
        store_events(store, generated[start : start + 150], TEST_VERSIONS)
        refresh_clusters(store)
    assert _stored(store) == _reference(generated)


def test_the_python_path_gives_the_same_clusters(
    store: Store, generated: list[tuple[Article, list[Event]]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_clusters, "PAIR_LIMIT", 1)  # every segment of 2+ to dedup.py
    store_events(store, generated[:300], TEST_VERSIONS)
    refresh_clusters(store)
    assert _stored(store) == _reference(generated[:300])


def test_undecided_reports_read_in_small_chunks_give_the_same_clusters(
    store: Store, generated: list[tuple[Article, list[Event]]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_clusters, "PAIR_LIMIT", 1)
    monkeypatch.setattr(store_clusters, "CHUNK_REPORTS", 7)  # many chunks of whole segments
    read = []
    undecided = store_clusters._undecided
    monkeypatch.setattr(
        store_clusters, "_undecided", lambda con, sids: read.append(sids) or undecided(con, sids)
    )
    store_events(store, generated[:300], TEST_VERSIONS)
    refresh_clusters(store)
    assert _stored(store) == _reference(generated[:300])
    assert len(read) > 10


def test_rerunning_and_reingesting_never_duplicate(
    store: Store, generated: list[tuple[Article, list[Event]]]
) -> None:
    items = generated[:200]
    store_events(store, items, TEST_VERSIONS)
    refresh_clusters(store)
    first = _stored(store)
    refresh_clusters(store, everything=True)
    store_events(store, items, TEST_VERSIONS)  # the same articles again: replaced, not added
    refresh_clusters(store)
    [(clusters, distinct)] = store.query(
        "SELECT (SELECT count(*) FROM clusters), count(DISTINCT cluster_id) FROM events"
    )
    assert _stored(store) == first and clusters == distinct == len(first)


def test_segments_of_strong_pairs_are_decided_without_dedup_py(
    store: Store, generated: list[tuple[Article, list[Event]]], monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(5)
    day = dt.date(2023, 4, 6)
    items = []
    for i in range(6):  # one expulsion reported by six outlets, dated to the day
        sides = (("AZEGOV", "AZE", "Baku"), None)
        real = {"sides": sides, "kind": 0, "code": "161", "day": day, "place": None}
        event = _report(rng, real, f"x{i}", 0, day)
        event = event.with_(
            cameo=rng.choice(("161", "164", "166")),
            when=EventDate(day, "day", "stated", None),
            location=None,
        )
        items.append((Article(f"x{i}", id=f"x{i}", outlet=f"Outlet {i}", published=day), [event]))

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("dedup.py was asked")

    monkeypatch.setattr(store_clusters, "group_reports", refuse)
    store_events(store, items, TEST_VERSIONS)
    refresh_clusters(store)
    assert _stored(store) == _reference(items) and len(_stored(store)) == 1


def test_a_refresh_that_dies_midway_leaves_a_consistent_store(
    store: Store, generated: list[tuple[Article, list[Event]]], monkeypatch: pytest.MonkeyPatch
) -> None:
    store_events(store, generated, TEST_VERSIONS)
    monkeypatch.setattr(store_clusters, "GROUP_REPORTS", 300)  # many transactions
    monkeypatch.setattr(store_clusters, "WINDOW_GROUP_PENDING", 300)
    write, calls = store_clusters._write, []

    def dies_on_the_third(con: Any, membership: str) -> int:
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt  # as a kill between two statements of one group
        return write(con, membership)

    monkeypatch.setattr(store_clusters, "_write", dies_on_the_third)
    with pytest.raises(KeyboardInterrupt):
        refresh_clusters(store)
    [(orphans, empty, pending)] = store.query(
        "SELECT (SELECT count(*) FROM events e WHERE cluster_id IS NOT NULL AND NOT EXISTS "
        "(SELECT 1 FROM clusters c WHERE c.cluster_id = e.cluster_id)), "
        "(SELECT count(*) FROM clusters c WHERE NOT EXISTS "
        "(SELECT 1 FROM events e WHERE e.cluster_id = c.cluster_id)), "
        "(SELECT count(*) FROM pending_clusters)"
    )
    assert (orphans, empty) == (0, 0) and pending > 0 and len(_stored(store)) > 0
    monkeypatch.setattr(store_clusters, "_write", write)
    refresh_clusters(store)  # the next run finishes the job
    assert _stored(store) == _reference(generated)


def test_daily_batches_read_in_narrow_windows_equal_the_reference(
    store: Store, generated: list[tuple[Article, list[Event]]], monkeypatch: pytest.MonkeyPatch
) -> None:
    # articles in publication order, a few days per batch, as a daily ingest; no margin, so
    # the windows outgrow what was read and the candidates are read again, wider
    monkeypatch.setattr(cluster_windows, "SCAN_MARGIN", 0)
    reads = []
    candidates = cluster_windows._candidates
    monkeypatch.setattr(
        cluster_windows, "_candidates", lambda *a: reads.append(1) or candidates(*a)
    )
    items = sorted(generated, key=lambda item: (item[0].published, item[0].id))
    for start in range(0, len(items), 120):
        store_events(store, items[start : start + 120], TEST_VERSIONS)
        refresh_clusters(store)
    batches = (len(items) + 119) // 120
    assert len(reads) > batches and _stored(store) == _reference(items)


@pytest.mark.parametrize("precision", sorted(PRECISION_RANK))
@pytest.mark.parametrize("basis", ["stated", "publication"])
def test_the_daily_scan_bounds_cover_every_precision(
    store: Store, precision: str, basis: str
) -> None:
    # _candidates reads reports dated at most 31 days before a window (a month's period),
    # or LONGEST for a year or a decade: a period of any precision must end within that
    longest = cluster_windows.LONGEST if precision in ("year", "decade") else 31
    with store.read() as con:
        [(first, last, day)] = con.execute(
            f"SELECT {FIRST_SQL}, {LAST_SQL}, date FROM (SELECT DATE '2024-01-01' AS date, "
            "$1 AS date_precision, $2 AS date_basis)",
            [precision, basis],
        ).fetchall()
    assert precision == "unknown" or (last - day).days <= longest
    assert first is None or (day - first).days <= LOOKBACK

"""Rules where the store's SQL re-clustering and dedup.py must agree, each checked on both
paths (SQL, and dedup.py for every segment): the symmetric-code swap from either side, and
the crude stem the evidence overlap compares."""

from __future__ import annotations

import datetime as dt

import pytest

import casus.store.clusters as store_clusters
from casus.dedup import STOPWORDS, _stem
from casus.model import Article, Event
from casus.store import Store, refresh_clusters, store_events
from casus.store.cluster_sql import TOKENS_SQL
from conftest import TEST_VERSIONS, build_event

DAY = dt.date(2023, 6, 5)


def _item(
    article: str, source: str, target: str, cameo: str, verb: str, basis: str = "stated"
) -> tuple[Article, list[Event]]:
    """A one-report article: ``source`` ``verb`` ``target`` (``"AZE expelled IRN."``)."""
    event = build_event(
        source,
        target,
        cameo,
        DAY.isoformat(),
        basis=basis,
        article=article,
        words=verb,
        confidence=0.7,
    )
    return Article(event.evidence_text, id=article, outlet=f"Outlet {article}", published=DAY), [
        event
    ]


def _clusters(
    store: Store, items: list[tuple[Article, list[Event]]], path: str, mp: pytest.MonkeyPatch
) -> int:
    if path == "python":
        mp.setattr(store_clusters, "PAIR_LIMIT", 1)  # every segment of 2+ goes to dedup.py
    store_events(store, items, TEST_VERSIONS)
    refresh_clusters(store)
    [(n,)] = store.query("SELECT count(DISTINCT cluster_id) FROM events")
    return int(n)


@pytest.mark.parametrize("path", ["sql", "python"])
@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        # "Azerbaijan and Iran signed a pact" (057, symmetric) / "Iran cooperated with
        # Azerbaijan" (051, not symmetric), the same day: one event, whichever comes first
        (("AZE", "IRN", "057"), ("IRN", "AZE", "051"), 1),
        (("AZE", "IRN", "051"), ("IRN", "AZE", "057"), 1),
        (("AZE", "IRN", "051"), ("IRN", "AZE", "051"), 2),  # neither symmetric: two events
    ],
)
def test_a_swapped_direction_joins_when_either_code_is_symmetric(
    store: Store,
    path: str,
    first: tuple[str, str, str],
    second: tuple[str, str, str],
    expected: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    items = [_item("a1", *first, "agreed with"), _item("a2", *second, "agreed with")]
    assert _clusters(store, items, path, monkeypatch) == expected


@pytest.mark.parametrize("path", ["sql", "python"])
def test_expelled_and_expels_are_one_word_for_a_weak_match(
    store: Store, path: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # dated by publication only, so the pair is weak and needs similar evidence: the
    # only content words are "expelled" and "expels", which the stem makes one ("expel")
    items = [
        _item("b1", "AZE", "IRN", "161", "expelled", "publication"),
        _item("b2", "AZE", "IRN", "161", "expels", "publication"),
    ]
    assert _clusters(store, items, path, monkeypatch) == 1


WORDS = [
    "expelled",
    "expels",
    "expelling",
    "agreed",
    "needed",
    "succeed",
    "succeeds",
    "shelling",
    "bombed",
    "buses",
    "sanctions",
    "talks",
    "attacked",
    "called",
    "killed",
    "met",
]


def test_the_sql_stem_is_the_python_stem(store: Store) -> None:
    # every rule of dedup._stem ("-ing", "-ed", "-es", "-s", the doubled last letter) in
    # SQL, on words where each one decides
    with store.read() as con:
        [(tokens,)] = con.execute(
            f"SELECT list_sort({TOKENS_SQL}) FROM (SELECT $words::VARCHAR[] AS ws)",
            {"words": WORDS, "stop": sorted(STOPWORDS)},
        ).fetchall()
    assert tokens == sorted({_stem(w) for w in WORDS if w not in STOPWORDS})
    assert _stem("expelled") == _stem("expels") == "expel"
    assert _stem("succeed") != _stem("succeeds")  # the "-ed" rule, not the "-s" one

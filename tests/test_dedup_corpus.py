"""End to end on the team-written corpus (tests/data/dedup/articles.jsonl): seventeen short
articles from eight fictional outlets reporting five events, coded by the real pipeline,
stored, de-duplicated and queried.

The events: Azerbaijan expels four Iranian diplomats (Thu 6 April 2023, four outlets); Iran
condemns Azerbaijan (Fri 7 April, three outlets); the look-alike: Iran expels four Azerbaijani
diplomats (Tue 2 May, three outlets); Iran and Azerbaijan sign a border security agreement
(Mon 5 June, four outlets, told in both directions); Turkey and Azerbaijan hold joint drills
(Wed 12 April, three outlets). One outlet also reports Baku's reaction to the May expulsion.
"""

from __future__ import annotations

import datetime as dt

import pytest

from casus.analysis import dyad_series, timeline
from casus.coder import Coder
from casus.io.readers import read_inputs
from casus.model import Article
from casus.store import Store, ingest
from conftest import DATA

CORPUS = DATA / "dedup" / "articles.jsonl"


@pytest.fixture(scope="module")
def corpus_store(coder: Coder, tmp_path_factory: pytest.TempPathFactory) -> Store:
    store = Store.open(tmp_path_factory.mktemp("corpus") / "casus.duckdb")
    articles = [a for a in read_inputs([str(CORPUS)]) if isinstance(a, Article)]
    assert len(articles) >= 12
    ingest(store, coder, articles, batch_size=5)
    return store


def test_corpus_has_articles_from_many_outlets() -> None:
    articles = [a for a in read_inputs([str(CORPUS)]) if isinstance(a, Article)]
    assert len(articles) >= 12 and len({a.outlet for a in articles}) >= 6


def test_timeline_lists_each_real_event_once_in_order(corpus_store: Store) -> None:
    rows = timeline(corpus_store, "AZE", "IRN")
    assert [(r.date, r.cameo_root) for r in rows] == [
        (dt.date(2023, 4, 6), "16"),
        (dt.date(2023, 4, 7), "11"),
        (dt.date(2023, 5, 2), "16"),
        (dt.date(2023, 5, 2), "11"),  # "Baku called the decision regrettable" (one outlet)
        (dt.date(2023, 6, 5), "05"),
    ]


def test_each_event_counts_every_outlet_that_reported_it(corpus_store: Store) -> None:
    rows = timeline(corpus_store, "AZE", "IRN")
    assert [r.n_sources for r in rows] == [4, 3, 3, 1, 4]


def test_april_and_may_expulsions_are_two_events_in_opposite_directions(
    corpus_store: Store,
) -> None:
    expulsions = [r for r in timeline(corpus_store, "AZE", "IRN") if r.cameo_root == "16"]
    assert [
        (r.source[:3] if r.source else None, r.target[:3] if r.target else None) for r in expulsions
    ] == [("AZE", "IRN"), ("IRN", "AZE")]
    assert expulsions[0].cluster_id != expulsions[1].cluster_id


def test_pact_told_in_both_directions_is_one_event(corpus_store: Store) -> None:
    [pact] = [r for r in timeline(corpus_store, "IRN", "AZE") if r.cameo == "057"]
    articles = corpus_store.query(
        "SELECT count(DISTINCT article_id), count(DISTINCT source_code) "
        "FROM events WHERE cluster_id = ?",
        [pact.cluster_id],
    )
    assert articles[0][0] == 4 and articles[0][1] >= 2  # four articles, both directions


def test_other_dyads_keep_their_own_events(corpus_store: Store) -> None:
    [drill] = timeline(corpus_store, "TUR", "AZE")
    assert (drill.date, drill.cameo_root, drill.n_sources) == (dt.date(2023, 4, 12), "06", 3)


def test_dyad_series_counts_events_per_month(corpus_store: Store) -> None:
    rows = dyad_series(corpus_store, "AZE", "IRN", "month")
    assert [
        (r.period, r.n_events, r.verbal_cooperation, r.verbal_conflict, r.material_conflict)
        for r in rows
    ] == [
        (dt.date(2023, 4, 1), 2, 0, 1, 1),
        (dt.date(2023, 5, 1), 2, 0, 1, 1),
        (dt.date(2023, 6, 1), 1, 1, 0, 0),
    ]


def test_every_asserted_report_belongs_to_a_cluster(corpus_store: Store) -> None:
    assert corpus_store.query(
        "SELECT count(*) FROM events WHERE asserted AND dyad IS NOT NULL AND cluster_id IS NULL"
    ) == [(0,)]

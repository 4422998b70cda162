"""Cross-source de-duplication on hand-built events (casus.dedup)."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from casus.dedup import Report, cluster_reports, codes_related, match
from casus.model import Event


def report(event: Event, outlet: str | None = None, published: str | None = None) -> Report:
    return Report(event, outlet, dt.date.fromisoformat(published) if published else None)


def clusters_of(*reports: Report) -> list[list[str]]:
    """Clusters as sorted lists of article ids, sorted (easy to compare)."""
    found = cluster_reports(reports)
    return sorted(sorted(r.event.article_id for r in c.reports) for c in found)


def test_same_event_from_different_outlets_forms_one_cluster(make_event):  # type: ignore[no-untyped-def]
    reports = [
        report(make_event(article=f"a{i}"), outlet)
        for i, outlet in enumerate(["Caspian Wire", "Baku Herald", "Gulf Monitor"])
    ]
    [cluster] = cluster_reports(reports)
    assert (cluster.n_reports, cluster.n_outlets, cluster.n_articles) == (3, 3, 3)


def test_reports_from_one_outlet_count_as_one_source(make_event):  # type: ignore[no-untyped-def]
    reports = [report(make_event(article=f"a{i}"), "Caspian Wire") for i in range(3)]
    [cluster] = cluster_reports(reports)
    assert (cluster.n_reports, cluster.n_outlets) == (3, 1)


def test_april_and_may_expulsions_in_opposite_directions_stay_apart(make_event):  # type: ignore[no-untyped-def]
    baku = make_event("AZE", "IRN", "161", "2023-04-06", article="baku")
    tehran = make_event(
        "IRN",
        "AZE",
        "161",
        "2023-05-02",
        article="tehran",
        words="expelled four Azerbaijani diplomats",
    )
    assert clusters_of(report(baku), report(tehran)) == [["baku"], ["tehran"]]


def test_reversed_direction_of_non_symmetric_code_stays_apart_on_same_day(make_event):  # type: ignore[no-untyped-def]
    one = make_event("AZE", "IRN", "161", article="a1")
    other = make_event("IRN", "AZE", "161", article="a2")
    assert clusters_of(report(one), report(other)) == [["a1"], ["a2"]]


def test_symmetric_pact_reported_in_both_directions_is_one_cluster(make_event):  # type: ignore[no-untyped-def]
    words = "signed a security pact with"
    one = make_event("IRN", "AZE", "057", "2023-06-05", article="a1", words=words)
    other = make_event("AZE", "IRN", "057", "2023-06-05", article="a2", words=words)
    assert clusters_of(report(one, "X"), report(other, "Y")) == [["a1", "a2"]]


def test_visit_and_host_reports_of_one_meeting_form_one_cluster(make_event):  # type: ignore[no-untyped-def]
    visit = make_event("AZE", "IRN", "042", article="a1", words="visited")
    host = make_event("IRN", "AZE", "043", article="a2", words="hosted")
    assert clusters_of(report(visit), report(host)) == [["a1", "a2"]]


def test_unrelated_codes_on_the_same_day_stay_apart(make_event):  # type: ignore[no-untyped-def]
    expel = make_event("AZE", "IRN", "161", article="a1")
    praise = make_event("AZE", "IRN", "051", article="a2", words="praised")
    assert clusters_of(report(expel), report(praise)) == [["a1"], ["a2"]]


def test_codes_of_the_expulsion_family_cluster_with_similar_evidence(make_event):  # type: ignore[no-untyped-def]
    expel = make_event("AZE", "IRN", "161", article="a1", words="expelled four diplomats")
    deport = make_event("AZE", "IRN", "174", article="a2", words="expelled four embassy staff")
    assert clusters_of(report(expel), report(deport)) == [["a1", "a2"]]


@pytest.mark.parametrize(
    ("a", "b", "related"),
    [
        ("161", "161", 1.0),
        ("1621", "1623", 0.8),
        ("161", "163", 0.6),
        ("161", "174", 0.4),
        ("193", "183", 0.4),
        ("161", "111", None),
        ("057", "0871", 0.4),
    ],
)
def test_code_relation_follows_the_documented_table(
    a: str,
    b: str,
    related: float | None,
) -> None:
    assert codes_related(a, b) == related


@pytest.mark.parametrize(
    ("day", "together"),
    [("2023-04-07", True), ("2023-04-08", True), ("2023-04-09", False), ("2023-04-20", False)],
)
def test_day_precision_dates_cluster_within_two_days(
    make_event,
    day: str,  # type: ignore[no-untyped-def]
    together: bool,
) -> None:
    first = make_event(day="2023-04-06", article="a1")
    later = make_event(day=day, article="a2")
    assert (len(cluster_reports([report(first), report(later)])) == 1) is together


def test_month_precision_report_joins_a_day_report_of_that_month(make_event):  # type: ignore[no-untyped-def]
    day = make_event(day="2023-04-06", article="a1")
    month = make_event(day="2023-04-01", precision="month", article="a2")
    assert clusters_of(report(day), report(month)) == [["a1", "a2"]]


def test_month_precision_report_stays_apart_from_another_month(make_event):  # type: ignore[no-untyped-def]
    april = make_event(day="2023-04-06", article="a1")
    may = make_event(day="2023-05-01", precision="month", article="a2")
    assert clusters_of(report(april), report(may)) == [["a1"], ["a2"]]


def test_year_precision_reports_of_one_year_cluster(make_event):  # type: ignore[no-untyped-def]
    one = make_event(day="2021-01-01", precision="year", article="a1")
    other = make_event(day="2021-01-01", precision="year", article="a2")
    assert clusters_of(report(one), report(other)) == [["a1", "a2"]]


def test_publication_dated_report_joins_the_event_of_the_days_before(make_event):  # type: ignore[no-untyped-def]
    stated = make_event(day="2023-04-06", article="a1")
    undated = make_event(day="2023-04-10", basis="publication", article="a2")
    assert clusters_of(report(stated), report(undated)) == [["a1", "a2"]]


def test_unknown_dates_never_cluster_across_articles(make_event):  # type: ignore[no-untyped-def]
    one = make_event(day=None, article="a1")
    other = make_event(day=None, article="a2")
    assert clusters_of(report(one), report(other)) == [["a1"], ["a2"]]


def test_unknown_date_clusters_with_its_own_article(make_event):  # type: ignore[no-untyped-def]
    dated = make_event(day="2023-04-06", article="a1", sentence=0)
    undated = make_event(day=None, article="a1", sentence=3)
    [cluster] = cluster_reports([report(dated), report(undated)])
    assert cluster.n_reports == 2


def test_one_article_with_two_stated_days_reports_two_events(make_event):  # type: ignore[no-untyped-def]
    monday = make_event(day="2023-04-03", article="a1", sentence=0)
    tuesday = make_event(day="2023-04-04", article="a1", sentence=1)
    assert len(cluster_reports([report(monday), report(tuesday)])) == 2


def test_weak_match_with_conflicting_numbers_is_vetoed(make_event):  # type: ignore[no-untyped-def]
    four = make_event(
        day="2023-04-10", basis="publication", article="a1", words="expelled four diplomats"
    )
    six = make_event(
        day="2023-04-10", basis="publication", article="a2", words="expelled six diplomats"
    )
    assert clusters_of(report(four), report(six)) == [["a1"], ["a2"]]


def test_weak_match_with_unrelated_evidence_is_vetoed(make_event):  # type: ignore[no-untyped-def]
    one = make_event(
        cameo="161",
        day="2023-04-10",
        basis="publication",
        article="a1",
        words="closed its embassy in",
    )
    other = make_event(
        cameo="174",
        day="2023-04-10",
        basis="publication",
        article="a2",
        words="deported smugglers back to",
    )
    assert match(report(one), report(other)) is None


def test_attacks_on_different_named_cities_stay_apart(make_event):  # type: ignore[no-untyped-def]
    kharkiv = make_event("RUS", "UKR", "195", article="a1", words="bombed", place="Kharkiv")
    odesa = make_event("RUS", "UKR", "195", article="a2", words="bombed", place="Odesa")
    assert clusters_of(report(kharkiv), report(odesa)) == [["a1"], ["a2"]]


def test_canonical_report_is_the_most_confident_then_the_earliest(make_event):  # type: ignore[no-untyped-def]
    early = report(make_event(article="early", confidence=0.7), "X", "2023-04-06")
    late = report(make_event(article="late", confidence=0.9), "Y", "2023-04-08")
    tie = report(make_event(article="tie", confidence=0.9), "Z", "2023-04-07")
    [cluster] = cluster_reports([early, late, tie])
    assert cluster.canonical.event.article_id == "tie"


def test_cluster_date_prefers_the_finest_stated_precision(make_event):  # type: ignore[no-untyped-def]
    month = make_event(day="2023-04-01", precision="month", article="a1")
    published = make_event(day="2023-04-08", basis="publication", article="a2")
    stated = make_event(day="2023-04-06", article="a3")
    [cluster] = cluster_reports([report(month), report(published), report(stated)])
    assert (cluster.date, cluster.date_precision) == (dt.date(2023, 4, 6), "day")


def test_first_report_is_the_earliest_publication_date(make_event):  # type: ignore[no-untyped-def]
    reports = [
        report(make_event(article=f"a{i}"), f"O{i}", pub)
        for i, pub in enumerate(["2023-04-08", "2023-04-06", "2023-04-07"])
    ]
    [cluster] = cluster_reports(reports)
    assert cluster.first_report == dt.date(2023, 4, 6)


def test_clusters_do_not_depend_on_input_order(make_event):  # type: ignore[no-untyped-def]
    reports = [
        report(make_event(day=f"2023-04-{d:02d}", article=f"a{d}-{i}"), f"O{i}")
        for d in (1, 2, 6, 7, 15)
        for i in range(3)
    ]
    shuffled = list(reports)
    random.Random(7).shuffle(shuffled)
    ids = {c.cluster_id for c in cluster_reports(reports)}
    assert ids == {c.cluster_id for c in cluster_reports(shuffled)}


def test_chained_reports_do_not_stretch_one_cluster_across_weeks(make_event):  # type: ignore[no-untyped-def]
    reports = [report(make_event(day=f"2023-04-{d:02d}", article=f"a{d}")) for d in (1, 3, 5, 7, 9)]
    assert all(c.n_reports <= 2 for c in cluster_reports(reports))


def test_events_without_actors_are_each_their_own_cluster(make_event):  # type: ignore[no-untyped-def]
    reports = [report(make_event(None, None, article=f"a{i}")) for i in range(2)]
    assert len(cluster_reports(reports)) == 2

"""The HTTP API in-process: every route, its filters, pagination, empty results, bad
parameters (one error shape, 4xx) and the write token. The store is the bundled samples,
coded once per session with the real model."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import warnings
from pathlib import Path
from typing import Any

import duckdb
import pytest

from casus.analysis import network, timeline
from casus.coder import Coder
from casus.store import Store
from conftest import ROOT, build_event, put_events

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

with warnings.catch_warnings():  # starlette >= 1.1 asks for httpx2, which PyPI may lack
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from casus.api import create_app  # noqa: E402

_BUILT: dict[str, Path] = {}


def samples_db(tmp_path_factory: pytest.TempPathFactory, coder: Coder) -> Path:
    """The bundled samples coded into a store, built once per session (shared by the API,
    schema and browser tests)."""
    if "db" not in _BUILT:
        from casus.io.readers import read_inputs
        from casus.model import Article
        from casus.store import ingest

        path = tmp_path_factory.mktemp("api-store") / "samples.duckdb"
        articles = [a for a in read_inputs([str(ROOT / "samples")]) if isinstance(a, Article)]
        ingest(Store.open(path), coder, articles)
        _BUILT["db"] = path
    return _BUILT["db"]


@pytest.fixture(scope="session")
def db(tmp_path_factory: pytest.TempPathFactory, coder: Coder) -> Path:
    return samples_db(tmp_path_factory, coder)


@pytest.fixture(scope="session")
def client(db: Path, coder: Coder) -> TestClient:
    return TestClient(create_app(db, token="", coder=coder))


def get(client: TestClient, url: str, status: int = 200) -> dict[str, Any]:
    response = client.get(url)
    assert response.status_code == status, response.text
    body: dict[str, Any] = response.json()
    assert body["ok"] is (status == 200)
    return body


def assert_error(body: dict[str, Any], status: int, field: str | None) -> None:
    assert set(body) == {"ok", "error", "status", "code", "field"}
    assert body["ok"] is False and body["status"] == status and body["error"]
    assert body["field"] == field


# ---- health and events ---------------------------------------------------------------------------
def test_health_reports_the_store_and_read_only_mode(client: TestClient) -> None:
    body = get(client, "/api/health")
    assert body["counts"]["articles"] == 10 and body["counts"]["events"] > 20
    assert body["writes"] is False


def test_events_of_a_dyad_have_both_countries(client: TestClient) -> None:
    events = get(client, "/api/events?a=AZE&b=IRN&limit=500")["events"]
    assert events
    for event in events:
        sides = {event["source_code"][:3], (event["target_code"] or "")[:3]}
        assert sides == {"AZE", "IRN"}


def test_actor_names_filter_like_their_codes(client: TestClient) -> None:
    by_name = get(client, "/api/events?a=Azerbaijan&b=Iran&limit=500")["events"]
    by_code = get(client, "/api/events?a=AZE&b=IRN&limit=500")["events"]
    assert by_name == by_code


@pytest.mark.parametrize(
    ("query", "check"),
    [
        ("cameo=16", lambda e: e["cameo"].startswith("16")),
        ("quad_class=4", lambda e: e["quad_class"] == 4),
        ("outlet=caspian%20wire", lambda e: e["outlet"] == "Caspian Wire"),
        ("q=diplomats", lambda e: "diplomats" in e["evidence"].lower()),
        ("historical=false", lambda e: not e["historical"]),
        ("since=2023-04-01&until=2023-04-30", lambda e: "2023-04-01" <= e["date"] <= "2023-04-30"),
        ("actor=UKR", lambda e: "UKR" in (e["source_code"][:3], (e["target_code"] or "")[:3])),
    ],
)
def test_event_filters_select_matching_events(client: TestClient, query: str, check: Any) -> None:
    events = get(client, f"/api/events?{query}&limit=500")["events"]
    assert events
    assert all(check(e) for e in events)


def test_all_adds_negated_and_hypothetical_events(client: TestClient) -> None:
    asserted = get(client, "/api/events?limit=500")["events"]
    everything = get(client, "/api/events?all=true&limit=500")["events"]
    assert all(e["asserted"] for e in asserted)
    assert len(everything) > len(asserted)
    assert any(not e["asserted"] for e in everything)


def test_cursor_pagination_walks_every_event_once_in_order(client: TestClient) -> None:
    whole = [e["event_id"] for e in get(client, "/api/events?limit=500")["events"]]
    seen: list[str] = []
    cursor = ""
    while True:
        body = get(client, f"/api/events?limit=7&cursor={cursor}")
        seen += [e["event_id"] for e in body["events"]]
        if body["next_cursor"] is None:
            break
        cursor = body["next_cursor"]
    assert seen == whole


def test_no_match_is_an_empty_page_not_an_error(client: TestClient) -> None:
    body = get(client, "/api/events?since=2099-01-01")
    assert body["events"] == [] and body["count"] == 0 and body["next_cursor"] is None
    assert get(client, "/api/clusters?q=zzzzqqq")["clusters"] == []


@pytest.mark.parametrize(
    ("url", "status", "field"),
    [
        ("/api/events?since=2023-13-01", 400, "since"),
        ("/api/events?since=2023-05-01&until=2023-04-01", 400, "since"),
        ("/api/events?quad_class=7", 400, "quad_class"),
        ("/api/events?limit=0", 400, "limit"),
        ("/api/events?cameo=abc", 400, "cameo"),
        ("/api/events?cursor=not-a-cursor", 400, "cursor"),
        ("/api/events?a=AZE", 400, "b"),
        ("/api/events?actor=ZZZ", 404, "actor"),
        ("/api/events?period=2023-04-03&freq=fortnight", 400, "freq"),
        ("/api/clusters?historical=maybe", 400, "historical"),
        ("/api/dyad-series?a=AZE&b=IRN&freq=hourly", 400, None),
        ("/api/dyad-series?a=AZE", 400, "b"),
        ("/api/timeline?a=AZE&b=Atlantis", 404, "b"),
        ("/api/alerts?window_days=0", 400, "window_days"),
        ("/api/network?level=planet", 400, None),
        ("/api/places?by=weather", 400, "by"),
        ("/api/actors?q=", 400, "q"),
        ("/api/actors/not%20a%20code", 400, "code"),
        ("/api/actors/QQQ", 404, "code"),
        ("/api/articles/nope", 404, "article_id"),
        ("/api/events/nope", 404, "event_id"),
        ("/api/sql?q=DELETE%20FROM%20events", 400, "q"),
        ("/api/no-such-route", 404, None),
    ],
)
def test_bad_requests_get_the_one_error_shape(
    client: TestClient, url: str, status: int, field: str | None
) -> None:
    assert_error(get(client, url, status), status, field)


def test_wrong_method_gets_the_error_shape(client: TestClient) -> None:
    response = client.delete("/api/events")
    assert response.status_code == 405
    assert_error(response.json(), 405, None)


def test_one_event_is_returned_whole(client: TestClient) -> None:
    first = get(client, "/api/events?a=AZE&b=IRN&limit=1")["events"][0]
    event = get(client, f"/api/events/{first['event_id']}")["event"]
    assert event["evidence"]["text"] == first["evidence"]
    assert event["source"]["code"] == first["source_code"]


# ---- clusters, timeline, dyad series ------------------------------------------------------------
def test_clusters_carry_their_reports_with_outlets(client: TestClient) -> None:
    clusters = get(client, "/api/clusters?limit=500")["clusters"]
    assert clusters
    for cluster in clusters:
        assert len(cluster["reports"]) == cluster["n_reports"]
        assert len({r["outlet"] for r in cluster["reports"]}) == cluster["n_outlets"]


def test_a_period_lists_the_clusters_the_series_counts(client: TestClient) -> None:
    series = get(client, "/api/dyad-series?a=AZE&b=IRN&freq=week")["series"]
    assert sum(row["n_events"] for row in series) >= 1
    for row in series:
        url = f"/api/clusters?a=AZE&b=IRN&period={row['period']}&freq=week&historical=false"
        assert len(get(client, url)["clusters"]) == row["n_events"]


def test_timeline_route_returns_the_python_timeline(client: TestClient, db: Path) -> None:
    body = get(client, "/api/timeline?a=Azerbaijan&b=IRN")
    expected = [r.to_dict() for r in timeline(Store.open(db, create=False), "AZE", "IRN")]
    assert (body["a"], body["b"]) == ("AZE", "IRN")
    assert body["timeline"] == expected


def test_dyads_are_ranked_by_events_with_both_sides_known(client: TestClient) -> None:
    dyads = get(client, "/api/dyads?limit=50")["dyads"]
    counts = [d["events"] for d in dyads]
    assert counts == sorted(counts, reverse=True)
    assert all(d["a"] and d["b"] and d["a"] != d["b"] for d in dyads)
    aze_irn = next(d for d in dyads if (d["a"], d["b"]) == ("AZE", "IRN"))
    series = get(client, "/api/dyad-series?a=AZE&b=IRN")["series"]
    assert aze_irn["events"] == sum(row["n_events"] for row in series)


def test_dyad_series_fills_empty_periods(client: TestClient) -> None:
    series = get(client, "/api/dyad-series?a=AZE&b=IRN&freq=day")["series"]
    days = [dt.date.fromisoformat(r["period"]) for r in series]
    assert days == [days[0] + dt.timedelta(days=i) for i in range(len(days))]


# ---- alerts, network, places -------------------------------------------------------------------
def test_alerts_list_the_events_that_drove_them(store: Store, coder: Coder) -> None:
    as_of = dt.date(2023, 6, 30)
    events = [
        build_event(
            "RUS", "UKR", "190", (as_of - dt.timedelta(days=d)).isoformat(), article=f"r{d}"
        )
        for d in (1, 5, 9, 13, 45, 100)
    ]
    put_events(store, events)
    body = get(TestClient(create_app(store, coder=coder)), "/api/alerts?as_of=2023-06-30")
    assert [(a["a"], a["b"], a["count"]) for a in body["alerts"]] == [("RUS", "UKR", 4)]
    drivers = body["alerts"][0]["drivers"]
    assert len(drivers) == 4 and all(d["quad_class"] == 4 for d in drivers)


def test_alerts_on_a_quiet_store_are_empty(client: TestClient) -> None:
    assert get(client, "/api/alerts")["alerts"] == []


def test_network_route_is_the_python_network(client: TestClient, db: Path) -> None:
    body = get(client, "/api/network")
    graph = network(Store.open(db, create=False))
    assert {(link["source"], link["target"]) for link in body["links"]} == set(graph.edges)
    assert {node["id"] for node in body["nodes"]} == set(graph.nodes)


def test_places_count_events_where_they_happened(client: TestClient) -> None:
    places = {p["country"]: p for p in get(client, "/api/places")["places"]}
    aze = places["AZE"]
    assert aze["name"] == "Azerbaijan" and aze["cooperation"] + aze["conflict"] == aze["events"]
    assert 38 < aze["lat"] < 42 and 45 < aze["lon"] < 51


def test_basemap_is_served_offline(client: TestClient) -> None:
    points = get(client, "/api/basemap")["points"]
    assert len(points) > 500
    assert all(-90 <= lat <= 90 and -180 <= lon <= 180 for lat, lon in points)


# ---- articles and actors -----------------------------------------------------------------------
def test_article_spans_point_into_its_text(client: TestClient) -> None:
    first = get(client, "/api/events?a=AZE&b=IRN&limit=1")["events"][0]
    article = get(client, f"/api/articles/{first['article_id']}")["article"]
    text = article["text"]
    evidence = [s for s in article["spans"] if s["kind"] == "evidence"]
    assert len(evidence) == len(article["events"])
    by_id = {e["event_id"]: e for e in article["events"]}
    for span in evidence:
        assert text[span["start"] : span["end"]] == by_id[span["event_id"]]["evidence"]["text"]
    # every source span shows its event's source phrase (which event comes first depends on
    # the dates, so no particular phrase is named)
    sources = [s for s in article["spans"] if s["kind"] == "source"]
    assert sources
    for span in sources:
        assert text[span["start"] : span["end"]] == by_id[span["event_id"]]["source"]["text"]


@pytest.mark.parametrize(
    ("query", "code"), [("azerbai", "AZE"), ("Tehran", "IRNGOV"), ("UKR", "UKR")]
)
def test_actor_lookup_finds_codes_by_name(client: TestClient, query: str, code: str) -> None:
    assert code in [a["code"] for a in get(client, f"/api/actors?q={query}")["actors"]]


def test_actor_code_gives_its_names(client: TestClient) -> None:
    # a bare country code is a target here: sources carry their role (actors.md)
    actor = get(client, "/api/actors/EGY")["actor"]
    assert "Egypt" in actor["names"] and actor["in_store"] is True


def test_sql_is_read_only_and_bounded(client: TestClient) -> None:
    body = get(client, "/api/sql?q=SELECT%20event_id%20FROM%20events&limit=3")
    assert body["columns"] == ["event_id"] and len(body["rows"]) == 3


# ---- downloads ---------------------------------------------------------------------------------
def test_csv_download_holds_the_filtered_events(client: TestClient) -> None:
    wanted = get(client, "/api/events?quad_class=4&limit=500")["events"]
    response = client.get("/api/events.csv?quad_class=4")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    lines = response.text.strip().splitlines()
    assert lines[0].startswith("event_id,") and len(lines) == len(wanted) + 1


def test_parquet_download_holds_the_filtered_events(client: TestClient, tmp_path: Path) -> None:
    wanted = {e["event_id"] for e in get(client, "/api/events?a=AZE&b=IRN&limit=500")["events"]}
    response = client.get("/api/events.parquet?a=AZE&b=IRN")
    assert response.status_code == 200
    path = tmp_path / "x.parquet"
    path.write_bytes(response.content)
    rows = duckdb.sql(f"SELECT event_id FROM '{path}'").fetchall()
    assert {r[0] for r in rows} == wanted


def test_download_with_a_bad_filter_is_an_error_not_a_file(client: TestClient) -> None:
    assert_error(get(client, "/api/events.csv?since=yesterday", 400), 400, "since")


# ---- coding and ingest -------------------------------------------------------------------------
def test_code_returns_events_without_storing(client: TestClient) -> None:
    before = get(client, "/api/health")["counts"]["events"]
    text = "Baku expelled four Iranian diplomats on Friday."
    response = client.post("/api/code", json={"text": text, "published": "2023-04-09"})
    assert response.status_code == 200, response.text
    events = response.json()["events"]
    assert [(e["source"]["country"], e["cameo_root"], e["target"]["country"]) for e in events] == [
        ("AZE", "16", "IRN")
    ]
    assert get(client, "/api/health")["counts"]["events"] == before


@pytest.mark.parametrize(
    ("body", "status", "field"),
    [
        ({"text": "x" * 100_001}, 413, "text"),
        ({"text": "Baku protested.", "published": "Friday"}, 400, "published"),
        ({"text": ""}, 400, "text"),
        ({"words": "no text"}, 400, "text"),
    ],
)
def test_code_refuses_bad_or_oversized_input(
    client: TestClient, body: dict[str, Any], status: int, field: str
) -> None:
    response = client.post("/api/code", json=body)
    assert response.status_code == status
    assert_error(response.json(), status, field)


def test_code_refuses_a_body_over_the_limit_before_reading_it(client: TestClient) -> None:
    response = client.post("/api/code", content=io.BytesIO(b"{" + b" " * 600_000 + b"}"))
    assert response.status_code == 413
    assert_error(response.json(), 413, None)


def test_ingest_is_forbidden_without_a_configured_token(client: TestClient) -> None:
    response = client.post("/api/articles", json={"articles": [{"text": "Baku protested."}]})
    assert response.status_code == 403 and response.json()["code"] == "writes_disabled"


@pytest.mark.parametrize("header", [None, "Bearer wrong", "Bearer s3cret-but-longer", "s3cre"])
def test_ingest_refuses_a_missing_or_wrong_token(
    db: Path, coder: Coder, header: str | None
) -> None:
    app = TestClient(create_app(db, token="s3cret", coder=coder))
    headers = {"Authorization": header} if header else {}
    response = app.post("/api/articles", json={"articles": [{"text": "x"}]}, headers=headers)
    assert response.status_code == 403 and response.json()["code"] == "bad_token"


def test_ingest_with_the_token_stores_articles(
    db: Path, coder: Coder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "copy.duckdb"
    shutil.copy(db, copy)
    monkeypatch.setenv("CASUS_API_TOKEN", "s3cret")
    app = TestClient(create_app(copy, coder=coder))
    article = {"text": "Ankara condemned Athens on Monday.", "published": "2024-02-07", "id": "t1"}
    response = app.post(
        "/api/articles", json={"articles": [article]}, headers={"Authorization": "Bearer s3cret"}
    )
    assert response.status_code == 200, response.text
    assert response.json()["coded"] == 1
    assert get(app, "/api/events?article_id=t1")["events"][0]["cameo_root"] == "11"


# ---- pages -------------------------------------------------------------------------------------
@pytest.mark.parametrize("page", ["dyad", "timeline", "article", "network", "map", "alerts"])
def test_every_page_is_served_with_its_nav_and_twin_link(client: TestClient, page: str) -> None:
    response = client.get(f"/{page}")
    assert response.status_code == 200
    assert f'data-page="{page}"' in response.text and 'id="json-twin"' in response.text
    assert "http://" not in response.text and "https://" not in response.text


def test_assets_reference_nothing_outside_the_server(client: TestClient) -> None:
    for asset in ("app.js", "style.css"):
        text = client.get(f"/static/{asset}").text
        assert "//cdn" not in text and "https://" not in text


def test_sql_cannot_read_files_through_the_server(client: TestClient) -> None:
    body = get(client, "/api/sql?q=SELECT%20*%20FROM%20read_csv('/etc/hostname')", 400)
    assert_error(body, 400, "q")
    assert "disabled" in body["error"]


def test_serve_refuses_a_missing_store(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from casus.cli.main import cli

    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2
    assert "no store at" in result.output

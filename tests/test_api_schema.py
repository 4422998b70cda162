"""Schema-driven tests: requests generated from the OpenAPI spec (schemathesis + hypothesis,
bounded and derandomized) never get a 5xx, and every error uses the one error shape."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import pytest

from casus.coder import Coder
from test_api import samples_db

schemathesis = pytest.importorskip("schemathesis")
hypothesis = pytest.importorskip("hypothesis")

with warnings.catch_warnings():  # schemathesis calls ASGI apps through starlette's test client
    warnings.simplefilter("ignore")
    import starlette.testclient  # noqa: F401

from casus.api import create_app  # noqa: E402

EXAMPLES = 30  # per operation: bounded, and derandomized so a run is reproducible
ERROR_KEYS = {"ok", "error", "status", "code", "field"}
ROUTES = (
    "GET /api/health",
    "GET /api/events",
    "GET /api/events.csv",
    "GET /api/events.parquet",
    "GET /api/events/{event_id}",
    "GET /api/clusters",
    "GET /api/timeline",
    "GET /api/dyad-series",
    "GET /api/dyads",
    "GET /api/alerts",
    "GET /api/network",
    "GET /api/places",
    "GET /api/basemap",
    "GET /api/sql",
    "GET /api/articles/{article_id}",
    "GET /api/actors",
    "GET /api/actors/{code}",
    "POST /api/code",
    "POST /api/articles",
)


@pytest.fixture(scope="session")
def api_schema(tmp_path_factory: pytest.TempPathFactory, coder: Coder) -> Any:
    db: Path = samples_db(tmp_path_factory, coder)
    app = create_app(db, token="", coder=coder, max_code_chars=2000)
    return schemathesis.openapi.from_asgi("/api/openapi.json", app)


def operations(schema: Any) -> list[Any]:
    return [result.ok() for result in schema.get_all_operations()]


def check(case: Any) -> None:
    response = case.call()
    assert response.status_code < 500, f"{case.method} {case.formatted_path}: {response.text}"
    if response.status_code >= 400:
        body = response.json()
        assert set(body) == ERROR_KEYS and body["ok"] is False
        assert body["status"] == response.status_code


def test_the_spec_documents_every_api_route(api_schema: Any) -> None:
    assert {op.label for op in operations(api_schema)} == set(ROUTES)


# schemathesis' own pytest plugin (from_fixture) does not run under pytest 9: drive its
# hypothesis strategies directly, one bounded run per operation.
@pytest.mark.parametrize("label", ROUTES)
def test_generated_requests_never_get_a_server_error(api_schema: Any, label: str) -> None:
    (operation,) = [op for op in operations(api_schema) if op.label == label]

    @hypothesis.given(case=operation.as_strategy())
    @hypothesis.settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(hypothesis.HealthCheck),
    )
    def run(case: Any) -> None:
        check(case)

    run()

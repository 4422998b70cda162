"""PLOVER records to the manual's field names, checked against the shipped JSON Schema."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import jsonschema
import pytest

from casus.analysis.plover_export import POLECAT_COLUMNS, plover_schema
from casus.analysis.queries import export
from casus.coder import Coder
from casus.store import Store
from conftest import build_event, put_events
from samples_store import SAMPLES, build_sample_store


@pytest.fixture(scope="module")
def records(coder: Coder, tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    store = build_sample_store(coder, tmp_path_factory.mktemp("plover") / "s.duckdb")
    out = io.StringIO()
    export(store, "plover", out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_the_schema_is_itself_valid() -> None:
    jsonschema.Draft202012Validator.check_schema(plover_schema())


def test_every_exported_record_satisfies_the_schema(records: list[dict[str, Any]]) -> None:
    validator = jsonschema.Draft202012Validator(plover_schema())
    errors = [(r["id"], e.message) for r in records for e in validator.iter_errors(r)]
    assert len(records) > 20 and errors == []


def test_schema_rejects_the_old_field_names() -> None:
    old = {"id": "x", "date": "2023-01-01", "source": [], "event": "AID"}
    assert not jsonschema.Draft202012Validator(plover_schema()).is_valid(old)


def test_every_record_has_a_date_and_says_where_it_came_from(
    records: list[dict[str, Any]],
) -> None:
    assert all(r["date"] for r in records)
    assert {r["date_basis"] for r in records} <= {"event", "publication", "coding"}


def test_publication_is_the_outlet_or_the_dateline_agency(records: list[dict[str, Any]]) -> None:
    # samples/03 has neither an outlet nor a dateline: its records alone have no publication
    no_outlet = (SAMPLES / "03-pyongyang-warns-drills.txt").read_text(encoding="utf-8")
    unknown = [r["text"] for r in records if r["cite_info"]["publication"] is None]
    assert all(text in no_outlet for text in unknown)
    assert sum(r["cite_info"]["publication"] == "Caspian Wire" for r in records) > 3


def test_publication_is_the_article_outlet(store: Store) -> None:
    put_events(store, [build_event(cameo="190")], outlets={"a1": "Baku Herald"})
    out = io.StringIO()
    export(store, "plover", out)
    assert json.loads(out.getvalue())["cite_info"]["publication"] == "Baku Herald"


def test_actors_carry_entity_text(records: list[dict[str, Any]]) -> None:
    actors = [a for r in records for a in r["actor"]]
    # a side the text does not name ("were detained": by whom is not said; a target from the
    # dyad in focus) has no entity text: null, never an empty string
    assert actors and all(len(a["actor"]) == 3 for a in actors)
    assert all(a["entity_text"] is None or a["entity_text"].strip() for a in actors)
    assert sum(a["entity_text"] is not None for a in actors) > len(actors) / 2


def test_located_events_have_the_place_fields(records: list[dict[str, Any]]) -> None:
    located = [r["event_loc"] for r in records if r["event_loc"]["resolved_place"]]
    cities = [loc for loc in located if loc["feature_code"] in ("PPL", "PPLC")]
    assert cities and all(loc["geonameid"] and loc["lat"] is not None for loc in cities)


def test_undated_event_takes_the_publication_date(store: Store) -> None:
    put_events(store, [build_event(cameo="190", day=None)], published={"a1": "2023-05-02"})
    out = io.StringIO()
    export(store, "plover", out)
    [record] = [json.loads(line) for line in out.getvalue().splitlines()]
    assert (record["date"], record["date_basis"]) == ("2023-05-02", "publication")


def test_polecat_tsv_has_a_header_and_a_row_per_record(store: Store) -> None:
    put_events(store, [build_event(cameo="190"), build_event(cameo="042", article="a2")])
    out = io.StringIO()
    assert export(store, "polecat", out) == 2
    rows = list(csv.reader(io.StringIO(out.getvalue()), delimiter="\t"))
    assert tuple(rows[0]) == POLECAT_COLUMNS
    assert sorted(r[2] for r in rows[1:]) == ["ASSAULT", "CONSULT"]

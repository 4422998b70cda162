"""On whose word (tests/data/attribution.tsv) and where (tests/data/places.tsv).

Rows casus still gets wrong are listed in attribution_places_known.txt (strict xfails)."""

from __future__ import annotations

import csv
import datetime as dt
from typing import Any

import pytest

from casus.coder import Coder
from casus.engine.resolver import Resolver
from casus.ontology.actors import split_code
from casus.stages.attribution import AttributionStage
from casus.stages.places import TERRITORIAL_ROOTS, locate
from conftest import DATA

DAY = dt.date(2024, 1, 15)  # the rows carry no date; one when all their officials served
KNOWN = {
    line.split("\t")[0]: line.split("\t", 1)[1].strip()
    for line in (DATA / "attribution_places_known.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
}


def _rows(name: str) -> list[Any]:
    rows = list(
        csv.DictReader((DATA / name).read_text(encoding="utf-8").splitlines(), delimiter="\t")
    )
    out = []
    for n, row in enumerate(rows, start=2):
        key = f"{name}:{n}"
        marks = [pytest.mark.xfail(reason=KNOWN[key], strict=True)] if key in KNOWN else []
        out.append(pytest.param(row, marks=marks, id=key))
    return out


def _parse(coder: Coder, row: dict[str, str]) -> tuple[Any, Resolver, Any]:
    doc = coder.nlp(row["text"])
    resolver = Resolver(doc, coder.dictionary, DAY, coder.gazetteer)
    resolver.resolve_all()
    return doc, resolver, next(t for t in doc if t.text == row["trigger"])


def _parts(code: str | None) -> tuple[str, ...] | None:
    if code is None or code == "-":
        return None
    parts = split_code(code)
    return (parts.country, *parts.roles)


@pytest.mark.parametrize("row", _rows("attribution.tsv"))
def test_event_is_attributed_to_the_annotated_speaker(coder: Coder, row: dict[str, str]) -> None:
    doc, resolver, trigger = _parse(coder, row)
    got = AttributionStage().attribute(doc, trigger, resolver, "Test Wire")
    speaker = got.speaker.code if got.speaker else None
    assert (_parts(speaker), got.verb or "-") == (_parts(row["speaker_code"]), row["verb"])
    assert (got.quote_start is not None) == (row["quoted"] == "yes")
    if speaker is None:
        assert got.outlet == "Test Wire"


@pytest.mark.parametrize("row", _rows("places.tsv"))
def test_event_place_is_resolved(coder: Coder, row: dict[str, str]) -> None:
    doc, resolver, trigger = _parse(coder, row)
    prefer = tuple(
        a.country
        for a in (resolver.actor_for(t) for t in doc if t.dep_ in ("nsubj", "nsubjpass", "dobj"))
        if a is not None and a.country
    )
    coded = [
        e
        for e in coder.code(row["text"], published=DAY, include_all=True)
        if e.trigger_text == row["trigger"]
    ]
    territorial = bool(coded) and coded[0].cameo_root in TERRITORIAL_ROOTS
    found = locate(doc, trigger, coder.gazetteer, prefer, territorial=territorial)
    if row["place"] == "-":
        assert found is None
    else:
        assert found is not None and (found.country or "-", found.precision) == (
            row["country"],
            row["precision"],
        )

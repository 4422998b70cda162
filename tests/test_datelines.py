"""Datelines: place, country, date, agency, and where the text starts after them."""

from __future__ import annotations

import csv

import pytest

from casus.coder import Coder
from casus.engine.datelines import blank_dateline, parse_dateline
from conftest import DATA

ROWS = list(
    csv.DictReader(
        (DATA / "datelines.tsv").read_text(encoding="utf-8").splitlines(), delimiter="\t"
    )
)


@pytest.mark.parametrize("row", ROWS, ids=[r["text"][:24] for r in ROWS])
def test_dateline_is_parsed_as_annotated(coder: Coder, row: dict[str, str]) -> None:
    found = parse_dateline(row["text"], coder.gazetteer)
    if row["place"] == "-":
        assert found is None
        return
    assert found is not None
    date = (
        found.date.isoformat()
        if found.date
        else (f"{found.month_day[0]:02d}-{found.month_day[1]:02d}" if found.month_day else "-")
    )
    got = (
        found.place,
        found.country or "-",
        date,
        found.agency or "-",
        row["text"][found.end : found.end + 20],
    )
    assert got == (row["place"], row["country"], row["date"], row["agency"], row["stripped_start"])


def test_blanked_dateline_keeps_offsets(coder: Coder) -> None:
    text = "TEHRAN, April 7 (IRNA) \u2013 Iran summoned the envoy."
    found = parse_dateline(text, coder.gazetteer)
    assert found is not None
    blanked = blank_dateline(text, found)
    assert len(blanked) == len(text) and blanked.strip().startswith("Iran summoned")


def test_dateline_gives_the_publication_date_when_metadata_lacks_one(coder: Coder) -> None:
    text = "BAKU, April 7, 2023 (Caspian Wire) \u2013 Azerbaijan expelled four Iranian diplomats."
    events = coder.code(text, published=None)
    assert events and all(e.when.date is not None for e in events)


def test_article_without_any_date_leaves_relative_dates_unknown(coder: Coder) -> None:
    events = coder.code("Azerbaijan expelled four Iranian diplomats on Friday.", published=None)
    assert events and events[0].when.precision == "unknown" and events[0].when.date is None


def test_dateline_after_a_headline_line_is_found(coder: Coder) -> None:
    text = (
        "Baku expels envoys\nBAKU, April 7 (APA) \u2013 Azerbaijan expelled four Iranian diplomats."
    )
    found = parse_dateline(text, coder.gazetteer)
    assert found is not None and (found.place, found.country) == ("Baku", "AZE")
    assert text[found.end :].startswith("Azerbaijan expelled")

"""Event dates: every date shape of tests/data/dates.tsv, resolved against publication."""

from __future__ import annotations

import csv
import datetime as dt
from typing import Any

import pytest

from casus.coder import Coder
from casus.dates import period_end
from casus.engine.temporal import relative_offset, resolve_expression
from casus.engine.time_spans import date_spans
from casus.model import EventDate
from casus.stages.dates import DateStage
from conftest import DATA

ROWS = list(
    csv.DictReader((DATA / "dates.tsv").read_text(encoding="utf-8").splitlines(), delimiter="\t")
)
# Rows the current rules get wrong, with the reason (kept visible rather than deleted).
KNOWN_WRONG = {
    "North Korea fired three cruise missiles into the Yellow Sea yesterday": (
        "the parser attaches 'yesterday' to the reporting verb"
    ),
    "India and Pakistan once fought a brief war": (
        "'once' is not recognised as a vague time expression"
    ),
}


def _date_of(coder: Coder, text: str, trigger: str, published: dt.date) -> EventDate:
    doc = coder.nlp(text)
    stage = DateStage(30)
    target = next(t for t in doc if t.text == trigger)
    stated: dict[int, EventDate] = {}
    for index, sent in enumerate(doc.sents):
        for token in sent:
            if token.pos_ == "VERB" or token.i == target.i:
                when = stage.date_for(doc, token, published, stated, index)
                if when.basis == "stated" and when.date is not None:
                    stated[index] = when
                if token.i == target.i:
                    return when
    raise AssertionError("trigger not reached")


def _params() -> list[Any]:
    out = []
    for row in ROWS:
        marks = [
            pytest.mark.xfail(reason=reason, strict=True)
            for key, reason in KNOWN_WRONG.items()
            if row["text"].startswith(key)
        ]
        out.append(pytest.param(row, marks=marks, id=f"{row['trigger']}-{row['published']}"))
    return out


@pytest.mark.parametrize("row", _params())
def test_event_date_matches_the_annotated_date(coder: Coder, row: dict[str, str]) -> None:
    when = _date_of(coder, row["text"], row["trigger"], dt.date.fromisoformat(row["published"]))
    expected = None if row["date"] == "-" else row["date"]
    got = when.date.isoformat() if when.date else None
    assert (got, when.precision, when.basis) == (expected, row["precision"], row["basis"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on Friday", (dt.date(2023, 4, 7), "day")),
        ("last year", (dt.date(2022, 1, 1), "year")),
        ("in the first Karabakh war in 1992", (dt.date(1992, 1, 1), "year")),
        ("March 29", (dt.date(2023, 3, 29), "day")),
        ("over the past few days", (dt.date(2023, 4, 3), "week")),
        ("the 1990s", (dt.date(1990, 1, 1), "decade")),
    ],
)
def test_expression_resolves_against_the_seed_publication_date(
    text: str, expected: tuple[dt.date, str]
) -> None:
    assert resolve_expression(text, dt.date(2023, 4, 9)) == expected


def test_relative_expression_without_publication_date_is_unresolved() -> None:
    assert resolve_expression("last Friday", None) is None


def test_absolute_year_resolves_without_publication_date() -> None:
    assert resolve_expression("in 2005", None) == (dt.date(2005, 1, 1), "year")


def test_month_day_after_publication_falls_in_the_previous_year() -> None:
    assert resolve_expression("December 30", dt.date(2024, 1, 2)) == (dt.date(2023, 12, 30), "day")


@pytest.mark.parametrize(
    ("text", "offset"),
    [
        ("two days later", (2, 0)),
        ("the next day", (1, 0)),
        ("a week later", (7, 0)),
        ("two months later", (0, 2)),
        ("three days earlier", (-3, 0)),
        ("the previous day", (-1, 0)),
        ("the day before", (-1, 0)),
        ("hours later", (0, 0)),
        ("Later that day", (0, 0)),
        ("that night", (0, 0)),
        ("the next morning", (1, 0)),
        ("the following evening", (1, 0)),
        ("days later", (3, 0)),
        ("Weeks later", (21, 0)),
        ("months later", (0, 3)),
        ("days before", (-3, 0)),
        ("within hours", (0, 0)),
        ("Within a week", (7, 0)),
        ("within days", (3, 0)),
        ("within two weeks", (14, 0)),
        ("within 48 hours", (2, 0)),
        ("within a month", (0, 1)),
    ],
)
def test_relative_chain_offsets(text: str, offset: tuple[int, int]) -> None:
    assert relative_offset(text) == offset


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Within a week, Mali recalled its ambassador from Algiers.", "Within a week"),
        ("Rebels overran the town within days.", "within days"),
        ("Within hours of the vote, police arrested the opposition leader.", "hours"),
    ],
)
def test_a_stretch_after_within_counts_on_unless_it_is_of_an_act(
    coder: Coder, text: str, span: str
) -> None:
    sent = next(iter(coder.nlp(text).sents))
    assert span in [found for _start, _end, found in date_spans(sent)]


@pytest.mark.parametrize("text", ["hours", "the day before yesterday", "within the week"])
def test_phrases_that_count_from_something_else_are_no_offsets(text: str) -> None:
    assert relative_offset(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the last day of 2020", (dt.date(2020, 12, 31), "day")),
        ("the first day of March", (dt.date(2024, 3, 1), "day")),
        ("the end of June", (dt.date(2023, 6, 21), "month")),
        ("the middle of last month", (dt.date(2024, 2, 11), "month")),
        ("the beginning of 2021", (dt.date(2021, 1, 1), "month")),
        ("the end of the year", (dt.date(2024, 12, 1), "month")),
        ("the end of the 1990s", (dt.date(1999, 1, 1), "year")),
        ("the first week of March", (dt.date(2024, 3, 1), "week")),
        ("the last week of July 2019", (dt.date(2019, 7, 25), "week")),
        ("the eve of Sunday", (dt.date(2024, 3, 9), "day")),
        ("the eve of the summit", None),
    ],
)
def test_part_of_a_period_resolves_within_it(
    text: str, expected: tuple[dt.date, str] | None
) -> None:
    # published Wednesday 13 March 2024
    assert resolve_expression(text, dt.date(2024, 3, 13)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("in April last year", (dt.date(2023, 4, 1), "month")),
        ("May of last year", (dt.date(2023, 5, 1), "month")),
        ("in January this year", (dt.date(2024, 1, 1), "month")),
        ("late June next year", (dt.date(2025, 6, 21), "month")),
        ("the previous year", (dt.date(2023, 1, 1), "year")),
        ("April", (dt.date(2023, 4, 1), "month")),  # the last April before publication
    ],
)
def test_a_month_of_a_year_named_from_publication(text: str, expected: tuple[dt.date, str]) -> None:
    # published Wednesday 13 March 2024
    assert resolve_expression(text, dt.date(2024, 3, 13)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tuesday last week", dt.date(2024, 3, 5)),
        ("on Friday of next week", dt.date(2024, 3, 22)),
        ("earlier on Monday", dt.date(2024, 3, 11)),
        ("late on Sunday night", dt.date(2024, 3, 10)),
    ],
)
def test_weekday_with_a_week_or_part_of_day(text: str, expected: dt.date) -> None:
    assert resolve_expression(text, dt.date(2024, 3, 13)) == (expected, "day")


@pytest.mark.parametrize(
    ("start", "precision", "end"),
    [
        (dt.date(2023, 2, 1), "month", dt.date(2023, 2, 28)),
        (dt.date(2022, 1, 1), "year", dt.date(2022, 12, 31)),
        (dt.date(2023, 4, 3), "week", dt.date(2023, 4, 9)),
        (dt.date(2020, 1, 1), "decade", dt.date(2029, 12, 31)),
        (dt.date(9995, 1, 1), "decade", dt.date(9999, 12, 31)),
        (dt.date(2023, 4, 3), "day", dt.date(2023, 4, 3)),
    ],
)
def test_period_end_follows_precision(start: dt.date, precision: str, end: dt.date) -> None:
    assert period_end(start, precision) == end

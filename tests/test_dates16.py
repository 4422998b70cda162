"""Date expressions of dates16: ranges of days written before their month, halves of a
period and its first or last days or weeks (the dates in context are in
tests/data/dates_in_context_dates16.jsonl)."""

from __future__ import annotations

import datetime as dt

import pytest

from casus.engine.temporal import resolve_expression

PUBLISHED = dt.date(2025, 7, 28)  # a Monday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("25-26 July 2025", dt.date(2025, 7, 25)),
        ("on 25\u201326 July", dt.date(2025, 7, 25)),
        ("the night of 21-22 May", dt.date(2025, 5, 21)),
        ("between 6 and 9 July", dt.date(2025, 7, 6)),
        ("from 6 to 9 July", dt.date(2025, 7, 6)),
        ("1st and 2nd of July", dt.date(2025, 7, 1)),
        ("July 25-26", dt.date(2025, 7, 25)),
        ("12 July", dt.date(2025, 7, 12)),
    ],
)
def test_range_of_days_starts_on_its_first_day(text: str, expected: dt.date) -> None:
    assert resolve_expression(text, PUBLISHED) == (expected, "day")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the second half of May", (dt.date(2025, 5, 16), "month")),
        ("the first half of March", (dt.date(2025, 3, 1), "month")),
        ("the first half of 2021", (dt.date(2021, 1, 1), "month")),
        ("the second half of last year", (dt.date(2024, 7, 1), "month")),
        ("the last days of April", (dt.date(2025, 4, 24), "week")),
        ("the first days of May", (dt.date(2025, 5, 1), "week")),
        ("the final weeks of 2024", (dt.date(2024, 12, 1), "month")),
        ("the first weeks of June", (dt.date(2025, 6, 1), "month")),
        ("the last week of May", (dt.date(2025, 5, 25), "week")),
        ("the first days of the conflict", None),
    ],
)
def test_half_or_edge_of_a_period_resolves_within_it(
    text: str, expected: tuple[dt.date, str] | None
) -> None:
    assert resolve_expression(text, PUBLISHED) == expected

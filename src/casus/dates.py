"""Calendar helpers shared by the date resolver (``engine/temporal.py``) and ``dedup``.

Kept apart from the engine so that dedup, which sits below the store, needs nothing of it.
"""

from __future__ import annotations

import datetime as dt

# English month names and their abbreviations as one regular-expression alternation, lower-case:
# "Oct.", "Sept", "September".
MONTH_PATTERN = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)


def shift_months(day: dt.date, months: int) -> dt.date:
    """The first day of the month ``months`` after (or, negative, before) ``day``'s month."""
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def period_end(start: dt.date, precision: str) -> dt.date:
    """The last day of the period that starts on ``start`` with the given precision
    (``week``, ``month``, ``year``, ``decade``; any other precision is the day itself)."""
    if precision == "week":
        return start + dt.timedelta(days=6)
    if precision == "month":
        return shift_months(start, 1) - dt.timedelta(days=1)
    if precision == "year":
        return dt.date(start.year, 12, 31)
    if precision == "decade":
        return dt.date(min(start.year + 9, dt.MAXYEAR), 12, 31)
    return start

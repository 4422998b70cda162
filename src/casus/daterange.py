"""The range of dates casus accepts, and date arithmetic that cannot overflow.

News is dated between :data:`MIN_DATE` and :data:`MAX_DATE`. A publication date outside that
range is refused where it enters (:func:`check_date`); a resolved event date outside it (``a
million days ago``, ``the year 9999``) is dropped (:func:`bounded`) or clamped
(:func:`clamped_shift`) instead of raising ``OverflowError`` deep inside a stage.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from typing import Any

from casus.errors import InputError

MIN_DATE = dt.date(1800, 1, 1)
MAX_DATE = dt.date(2200, 12, 31)


def in_range(day: dt.date) -> bool:
    """Whether ``day`` lies in the accepted range."""
    return MIN_DATE <= day <= MAX_DATE


def check_date(day: dt.date, field_name: str = "published") -> dt.date:
    """``day`` if it is in range; :class:`InputError` naming the field otherwise."""
    if not in_range(day):
        raise InputError(
            f"{field_name} {day.isoformat()} is out of range "
            f"(casus accepts {MIN_DATE.isoformat()} to {MAX_DATE.isoformat()})"
        )
    return day


def bounded(
    func: Callable[..., tuple[dt.date, str] | None],
) -> Callable[..., tuple[dt.date, str] | None]:
    """Decorate a resolver returning ``(date, precision)`` or ``None`` so that an overflow or an
    impossible date gives ``None``, and so does a date outside the accepted range."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> tuple[dt.date, str] | None:
        try:
            found = func(*args, **kwargs)
        except (OverflowError, ValueError):  # "10000000 days ago", "year 0"
            return None
        if found is None or not in_range(found[0]):
            return None
        return found

    return wrapper


def clamped_shift(
    func: Callable[[dt.date, tuple[int, int]], dt.date],
) -> Callable[[dt.date, tuple[int, int]], dt.date]:
    """Decorate ``shift(day, (days, months))`` so the result is clamped into the range instead
    of overflowing ("100000000 days later" lands on :data:`MAX_DATE`)."""

    @functools.wraps(func)
    def wrapper(day: dt.date, offset: tuple[int, int]) -> dt.date:
        try:
            moved = func(day, offset)
        except (OverflowError, ValueError):
            moved = MAX_DATE if offset[0] > 0 or offset[1] > 0 else MIN_DATE
        return min(max(moved, MIN_DATE), MAX_DATE)

    return wrapper

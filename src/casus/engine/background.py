"""The date of an act told as background ("agreed on Monday to ban flights **after Minsk
arrested a journalist**"): it came before its anchor, so it takes the latest time the
article states that ends before the anchor's date (docs/dates.md, "A background clause")."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from casus.dates import period_end
from casus.model import EventDate


def latest_earlier(
    stated: Iterable[EventDate], anchor: EventDate, window: dt.timedelta
) -> EventDate | None:
    """The latest of the article's ``stated`` times whose whole period ends before the
    anchor's date ("later this month" does not) and that starts at most ``window`` before
    it, as an inferred date with a note; ``None`` when there is none ("The flight was
    diverted to Minsk on Sunday" dates the arrest before Monday's decision to Sunday)."""
    if anchor.date is None:
        return None
    base = anchor.date
    earlier = [
        d
        for d in stated
        if d.date is not None and base - window <= d.date and period_end(d.date, d.precision) < base
    ]
    if not earlier:
        return None
    last = max(earlier, key=lambda d: d.date or dt.date.min)
    note = f"before {base.isoformat()}: the latest earlier date in the article"
    return EventDate(last.date, last.precision, "inferred", last.text, note, last.reference)

"""The date of an act told as background ("agreed on Monday to ban flights **after Minsk
arrested a journalist**"): it came before its anchor, so it takes the latest time the
article states that ends before the anchor's date (docs/dates.md, "A background clause")."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from casus.dates import period_end
from casus.engine.temporal import NUMBERS
from casus.model import EventDate

if TYPE_CHECKING:
    from spacy.tokens import Token


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


# the units of a stretch that ends at its anchor ("after four days of fighting"), in days
STRETCH_UNITS = {"day": 1, "week": 7}


def stretch_start(words: Sequence[Token], anchor: EventDate) -> EventDate | None:
    """The first day of a counted stretch that the ``words`` of a background clause name
    and that ends before its anchor's day ("agreed on Monday to a ceasefire **after four days of
    fighting** killed nearly 100 people": the fighting began four days before Monday), as an
    inferred date; ``None`` when the clause counts no days or weeks or the anchor is no day
    the article states (an act "after" another with no stretch may be the same day's: "police
    fired tear gas on Tuesday after protesters threw stones")."""
    if anchor.date is None or anchor.precision != "day" or anchor.basis == "publication":
        return None
    for token in words:
        unit = STRETCH_UNITS.get(token.lemma_.lower())
        counted = [c for c in token.children if c.dep_ == "nummod" and c.like_num]
        stretch = any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)
        if unit is None or not counted or not stretch:
            continue
        amount = _number(counted[0].lower_)
        if amount is None:
            return None
        start = anchor.date - dt.timedelta(days=amount * unit)
        text = " ".join(w.text for w in token.subtree if w.i <= token.i)
        note = f"the start of {text} before {anchor.date.isoformat()}"
        return EventDate(start, "day", "inferred", text, note, anchor.reference)
    return None


def _number(word: str) -> int | None:
    """A small count written in digits or as a word of ``duration_numbers`` ("4", "four")."""
    return int(word) if word.isdigit() else NUMBERS.get(word)

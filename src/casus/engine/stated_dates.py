"""What a temporal expression names, given what the article has stated before it, and the
tests on an event's tense the date stage makes before choosing one (``stages/dates.py``)."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from casus.engine.date_attachment import FUTURE_GOVERNORS, with_light_verb
from casus.engine.modality import is_future_locally
from casus.engine.temporal import (
    PERIODS,
    lacks_year,
    parse_with_dateparser,
    period_start,
    relative_offset,
    resolve_expression,
    shift,
    that_period,
)
from casus.model import EventDate

if TYPE_CHECKING:
    from spacy.tokens import Token

UNRESOLVABLE = re.compile(
    r"^(?:(?:many |several |some )?(?:years|decades) ago|in the past|"
    r"long ago)$",
    re.IGNORECASE,
)


def is_future(trigger: Token, events: frozenset[int]) -> bool:
    """Whether an event is to come: its own verb, or the light verb of a noun event ("will
    resume **talks** on Monday"), is future or governed by a plan."""
    return any(
        is_future_locally(t) or _future_governed(t) for t in with_light_verb(trigger, events)
    )


def after_the_fact(trigger: Token, found: EventDate, pub: dt.date | None) -> bool:
    """Whether a time after publication was given to an act told in the simple past:
    a done act cannot happen next week, so the time belongs to what it plans."""
    return (
        trigger.tag_ == "VBD"
        and found.basis != "publication"
        and found.date is not None
        and pub is not None
        and found.date > pub
    )


def _future_governed(trigger: Token) -> bool:
    t = trigger
    for _ in range(3):
        if t.dep_ not in ("xcomp", "acomp") or t.head.i == t.i:
            return False
        t = t.head
        if t.lemma_.lower() in FUTURE_GOVERNORS or is_future_locally(t):
            return True
    return False


def resolve_stated(
    text: str,
    pub: dt.date | None,
    future: bool,
    stated: dict[int, EventDate],
    sentence: int,
    within: EventDate | None = None,
) -> EventDate:
    """What a temporal expression of sentence ``sentence`` names: a relative offset
    ("two days later") counts from the last date ``stated`` up to that sentence; a month
    with no year inside a historical frame ``within`` is in that frame's year."""
    if UNRESOLVABLE.match(text.strip()):
        return EventDate(None, "unknown", "stated", text, "expression names no datable time")
    offset = relative_offset(text)
    if offset is not None and future and text.strip().lower().startswith("within"):
        # "ordered the advisers to leave within a week": a deadline ahead, no day of its own
        return EventDate(None, "unknown", "stated", text, "a stretch ahead names no day")
    if offset is not None:
        earlier = [stated[k] for k in sorted(stated) if k <= sentence]
        if offset == (0, 0):  # "hours later", "the same day": only a day has a same day
            earlier = [e for e in earlier if e.precision == "day"]
        base = earlier[-1] if earlier else None
        if base is not None and base.date is not None:
            # "in 2019 … days later": still 2019, from its first day
            kept = not offset[1] and base.precision != "day"
            moved = base.date if kept else shift(base.date, offset)
            return EventDate(moved, _moved_precision(base, offset), "inferred", text)
        if pub is not None and not offset[1]:
            return EventDate(pub, "day", "publication", text)
        # "the previous month" with nothing told before it is last month (read below)
    period = that_period(text)
    if period is not None:
        return _in_period(text, period, pub, stated, sentence)
    if within is not None and within.date is not None and lacks_year(text):
        # "In 1992, Israel sold arms to Baku. In May, …": May 1992, not this May; but not a
        # month before the frame began: "Talks collapsed at the end of 2023. Washington
        # imposed sanctions in January" is no January 2023 (read as without a frame)
        framed = resolve_expression(text, dt.date(within.date.year, 12, 31), future=future)
        if framed is not None and framed[0] >= within.date:
            return EventDate(framed[0], framed[1], "stated", text)
    found = resolve_expression(text, pub, future=future)
    if found is None and "," in text:
        found = resolve_expression(text.split(",", 1)[0], pub, future=future)
    if found is None and re.search(r"\d", text):
        found = parse_with_dateparser(text, pub)
    if found is None:
        note = (
            "no publication date to resolve it against"
            if pub is None
            else "expression names no resolvable time"
        )
        return EventDate(None, "unknown", "stated", text, note)
    return EventDate(found[0], found[1], "stated", text)


def _moved_precision(base: EventDate, offset: tuple[int, int]) -> str:
    """The precision of a date moved by ``offset`` from ``base``: whole years from a year
    stay a year ("in 2012 … **four years later**" → 2016); other month moves land on a
    month; day moves keep the base's."""
    months = offset[1]
    if months and months % 12 == 0 and base.precision in ("year", "decade"):
        return "year"
    return "month" if months else base.precision


def _in_period(
    text: str, period: str, pub: dt.date | None, stated: dict[int, EventDate], sentence: int
) -> EventDate:
    """The period ("later that month") of the last date ``stated`` up to ``sentence`` that
    is no coarser: "Tension flared **in December 2023** … Ali and Maduro met **later that
    month**" → December 2023 (month). With none told before, "earlier in the week" is the
    publication's week, and "later that year" names none."""
    finer = PERIODS[: PERIODS.index(period) + 1]
    told = [stated[k] for k in sorted(stated) if k <= sentence and stated[k].precision in finer]
    base = told[-1] if told else None
    earlier = text.lower().lstrip().startswith("earlier")
    if base is not None and base.date is not None and period == "week" and not earlier:
        # "On Saturday, commanders met … **The same week**, Beijing acknowledged …": the
        # day told is in that week, and is as near as a week's act can be put ("earlier in
        # the week" is before it: the week, from its Monday)
        return EventDate(base.date, base.precision, "inferred", text)
    if base is not None and base.date is not None:
        return EventDate(period_start(base.date, period), period, "inferred", text)
    if pub is None or " in the " not in f" {text.lower()} ":
        # "later that year" with no time told before names no year
        return EventDate(None, "unknown", "stated", text, "no time told before it")
    # "earlier in the week" told of the publication's own week
    return EventDate(period_start(pub, period), period, "stated", text)

"""The time a vow, pledge, threat or plan points to, and when it dates the plan itself.

A time on the act that a plan, vow, pledge, promise or threat is about is that act's, and
it is to come: "Protest organisers **vowed to return** to the streets **on Monday**" is next
Monday's return, and the vow is not dated by it (the governors are the ``future_governors``
word list; ``date_attachment`` does not climb from such an act to its governor). But a
planned act whose whole time is already over names a plan made by then: "the standby
force ECOWAS **threatened to send** into Niger **in 2023**" dates the threat 2023, since a
2023 sending was threatened no later than 2023."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from casus.engine.date_attachment import FUTURE_GOVERNORS
from casus.engine.narrative import is_historical
from casus.model import EventDate

if TYPE_CHECKING:
    from spacy.tokens import Token

NOTE = "a plan for a time already past: made by then"


def past_plan(
    trigger: Token, governing: Callable[[Token], EventDate | None], pub: dt.date | None
) -> EventDate | None:
    """The time of the act a plan verb governs ("threatened **to send** troops in 2023"),
    when that time ended before publication; ``None`` otherwise."""
    if trigger.lemma_.lower() not in FUTURE_GOVERNORS:
        return None
    for planned in (c for c in trigger.children if c.dep_ == "xcomp"):
        when = governing(planned)
        if when is not None and is_historical(when, pub, dt.timedelta(0)):
            return EventDate(when.date, when.precision, "inferred", when.text, NOTE)
    return None

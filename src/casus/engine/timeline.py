"""A timeline's entries: a paragraph that opens with a date and a colon tells the acts of
that date, in the past or in the present of a chronology ("24 March: NATO aircraft begin
striking … Moscow **condemns** the strikes"). The date stage gives an act of such a
paragraph with no time from the rules before it the entry's date (docs/dates.md)."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from casus.engine.sentences import document_text
from casus.engine.temporal import resolve_expression
from casus.model import EventDate

if TYPE_CHECKING:
    from spacy.tokens import Token

# The label of an entry: a few words before a colon at the start of its paragraph ("24
# March:", "April 13:", "Yesterday:"); a clock time ("18:40 - …") has no space after it.
ENTRY_LABEL = re.compile(r"\s*([^:\n]{3,30}):\s")
NOTE = "the date of the timeline entry its paragraph opens with"


def entry_date(trigger: Token, pub: dt.date | None) -> EventDate | None:
    """The date that labels the timeline entry holding the trigger, or ``None`` when its
    paragraph opens with no date label ("Background: …" names none). The paragraph is
    the text after the last line break before the trigger (spaCy may run a heading into
    the entry's first sentence)."""
    text = document_text(trigger.doc)
    m = ENTRY_LABEL.match(text, text.rfind("\n", 0, trigger.idx) + 1)
    found = resolve_expression(m.group(1), pub) if m is not None else None
    if m is None or found is None:
        return None
    if "," in m.group(1) and resolve_expression(m.group(1).split(",")[0], pub) is None:
        return None  # a dateline ("KYIV, June 5:"): the lead's rules date its paragraph
    return EventDate(found[0], found[1], "inferred", m.group(1), NOTE)

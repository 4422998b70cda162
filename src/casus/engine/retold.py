"""The day of an undated statement that the next sentence retells with its occasion.

News sums a statement up first and gives its occasion and day in the sentence after:
"The Indian embassy **denied** that New Delhi had closed the border. **In a statement on
Tuesday** it said the hold-ups were caused by unrest on the Nepali side"; "Morocco **said**
it regretted the decision. **In a statement issued late on Tuesday**, its foreign ministry
rejected the pretexts". The first statement is of that day, not of the lead's (rule 8 of
docs/dates.md) nor of the publication day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from casus.engine.narrative import new_paragraph
from casus.engine.sentences import sentence_of
from casus.engine.story_day import simple_past
from casus.model import EventDate
from casus.ontology.words import word_list

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

STATEMENT_OCCASIONS = word_list("statement_occasions")
# The owner of a speaker that refers back to the one before: "**its** foreign ministry".
BACK_OWNERS = frozenset({"its", "his", "her", "their"})
# The note of a date given by ``retold_day``.
RETOLD = "the day of the statement the next sentence retells"


def retold_day(
    trigger: Token,
    governing: Callable[[Token, int], EventDate | None],
    sentence: int,
    pub: dt.date | None,
) -> EventDate | None:
    """The day of an undated statement in the simple past that the next sentence of its
    paragraph retells: that sentence opens with the statement's occasion ("In a statement
    on Tuesday, …"), its speaker refers back (a pronoun, or a noun owned by one: "its
    foreign ministry"), and its main verb is dated by ``governing`` (a day, not after
    ``pub``). ``None`` otherwise."""
    if pub is None or not simple_past(trigger):
        return None
    sent = sentence_of(trigger)
    doc = trigger.doc
    if sent.end >= len(doc):
        return None
    after = sentence_of(doc[sent.end])
    if new_paragraph(doc, after) or not (_opens_with_occasion(after) and _speaker_back(after)):
        return None
    found = governing(after.root, sentence + 1)
    if found is None or found.date is None or found.precision != "day" or found.date > pub:
        return None
    return EventDate(found.date, "day", "inferred", found.text, RETOLD)


def _opens_with_occasion(sent: Span) -> bool:
    """Whether a sentence opens with "In a statement", "In a televised address", …"""
    first = sent[0]
    if first.lower_ != "in":
        return False
    return any(c.dep_ == "pobj" and c.lemma_.lower() in STATEMENT_OCCASIONS for c in first.children)


def _speaker_back(sent: Span) -> bool:
    """Whether the main verb's subject refers back: "it", "he", "its foreign ministry"."""
    for child in sent.root.children:
        if child.dep_ != "nsubj":
            continue
        if child.tag_ == "PRP":
            return True
        return any(c.dep_ == "poss" and c.lower_ in BACK_OWNERS for c in child.children)
    return False

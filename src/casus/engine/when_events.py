"""The time of a "when" clause that tells a well-known past event without dating it.

Background is often set by a clause instead of a date: "Pakistan **had closed** its embassy
**when the Taliban took over**", "Kyiv cut ties with Moscow **when Russia invaded Ukraine**".
The clause names an event of the reference table (``reference_events.tsv``) in the form of
a clause, not of a noun phrase, so the date stage reads it as the noun phrase it stands for
("the Taliban takeover", "Russia's invasion of Ukraine", "the collapse of the Soviet
Union": the ``event_nouns`` word list gives the noun of each verb) and looks that up like
"during the Taliban takeover", or, for an event that is still going on, "at the start of
Russia's invasion of Ukraine". Without this, such an act took the lead's day or the
publication day; a clause that names no known event gives nothing, and the act is dated by
the rules that follow."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING

from casus.engine.reference_time import ReferenceResolver
from casus.model import EventDate
from casus.ontology.words import word_values

if TYPE_CHECKING:
    from spacy.tokens import Token

EVENT_NOUNS = word_values("event_nouns")
# how a clause's event is put to the reference table: its span first, then its start
RELATIONS = ("during the ", "at the start of the ")


def when_reference(
    clause: Token,
    references: ReferenceResolver | None,
    pub: dt.date | None,
    countries: Counter[str],
) -> EventDate | None:
    """The date of the reference event a past "when" clause tells ("when the Taliban took
    over" → August 2021), or ``None``."""
    if references is None or clause.tag_ != "VBD" or not _marked_when(clause):
        return None
    for phrase in _noun_phrases(clause):
        for relation in RELATIONS:
            for span in references.find(relation + phrase, 0, pub, countries):
                if span.when is not None and span.when.date is not None:
                    w = span.when
                    words = (t.text for t in clause.subtree if t.lower_ != "when")
                    text = "when " + " ".join(words)
                    return EventDate(w.date, w.precision, "reference", text, w.note, w.reference)
    return None


def _marked_when(clause: Token) -> bool:
    return any(c.dep_ in ("mark", "advmod") and c.lower_ == "when" for c in clause.children)


def _noun_phrases(clause: Token) -> Iterator[str]:
    """The noun phrases a clause may stand for: "the Taliban took over Kabul" → "Taliban
    takeover of Kabul", "Taliban's takeover of Kabul", "Taliban takeover"; "the Soviet
    Union collapsed" → "collapse of the Soviet Union"."""
    particle = next((c.lower_ for c in clause.children if c.dep_ == "prt"), None)
    lemma = clause.lemma_.lower()
    noun = EVENT_NOUNS.get(f"{lemma} {particle}") if particle else None
    noun = noun or EVENT_NOUNS.get(lemma)
    subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    if noun is None or subject is None:
        return
    who = " ".join(t.text for t in subject.subtree if t.dep_ != "det")
    whom = next((c for c in clause.children if c.dep_ == "dobj"), None)
    if whom is not None:
        what = " ".join(t.text for t in whom.subtree)
        yield f"{who} {noun} of {what}"
        yield f"{who}'s {noun} of {what}"
    else:
        yield f"{noun} of " + " ".join(t.text for t in subject.subtree)
    yield f"{who} {noun}"

"""The same event told twice: a noun event with no time of its own ("Armenia's **recall** of
its ambassador has put a spotlight on …") takes the stated date of the same act told
elsewhere in the article ("Yerevan recalled the envoy on Thursday"). docs/dates.md, rule 7.
A headline's act ("Iran **seizes** British-flagged tanker") is the act its article tells, and
takes the day the article gives it further down."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from casus.engine.sentences import sentence_of, sentence_text
from casus.engine.time_spans import STOPS
from casus.model import Event, EventDate

if TYPE_CHECKING:
    from spacy.tokens import Token


def date_named_events(events: list[Event], triggers: list[Token]) -> list[Event]:
    """A noun event with no time of its own ("Armenia's recall of its ambassador has put a
    spotlight on …") takes the stated date of the same event told elsewhere in the article
    ("Yerevan recalled the envoy on Thursday"): same CAMEO code, same countries on each side.
    Only a definite or possessed singular noun names one known event; "strikes" may be many."""
    out = list(events)
    for i, (event, trigger) in enumerate(zip(events, triggers, strict=True)):
        sides = _countries(event)
        if event.when.basis != "publication" or None in sides or not _names_one_event(trigger):
            continue
        told = [
            other
            for other in events
            if other.when.basis in ("stated", "reference")
            and other.when.date is not None
            and other.cameo == event.cameo
            and _countries(other) == sides
        ]
        if told:
            same = min(told, key=lambda o: abs(o.sentence_index - event.sentence_index))
            note = f"dated like the same event in sentence {same.sentence_index}"
            w = same.when
            when = EventDate(w.date, w.precision, "inferred", w.text, note, w.reference)
            out[i] = event.with_(when=when)
    return out


# How far before publication the day of the act a headline tells may be.
HEADLINE_REACH = dt.timedelta(days=7)
HEADLINE = "a headline: dated like the same act in sentence"


def date_headlines(events: list[Event], triggers: list[Token], pub: dt.date | None) -> list[Event]:
    """An act of a headline with no time of its own (the article's first line, with no
    closing stop: "Iran **seizes** British-flagged tanker in Strait of Hormuz") takes the
    day the article gives the same act further down, within a week before publication
    ("Iran's Revolutionary Guards have seized a British-flagged oil tanker …", dated Friday
    by the sentence after it): a headline tells the article's own act in the present, not
    an act of the publication day. Same CAMEO root, same countries on each side; the
    nearest telling."""
    out = list(events)
    for i, (event, trigger) in enumerate(zip(events, triggers, strict=True)):
        sides = _countries(event)
        if pub is None or event.when.basis != "publication" or None in sides:
            continue
        if not _in_headline(trigger):
            continue
        told = [
            other
            for other in events
            if other.sentence_index > event.sentence_index
            and other.when.basis != "publication"
            and other.when.precision == "day"
            and other.when.date is not None
            and pub - HEADLINE_REACH <= other.when.date <= pub
            and other.cameo_root == event.cameo_root
            and _countries(other) == sides
        ]
        if told:
            same = min(told, key=lambda o: o.sentence_index)
            w = same.when
            note = f"{HEADLINE} {same.sentence_index}"
            out[i] = event.with_(when=EventDate(w.date, "day", "inferred", w.text, note))
    return out


def _in_headline(trigger: Token) -> bool:
    """Whether the trigger is in the article's first line, a headline with no closing stop
    above running text."""
    sent = sentence_of(trigger)
    if sent.start != 0 or sent.end >= len(trigger.doc):
        return False
    return not sentence_text(sent).rstrip().endswith(STOPS)


def _names_one_event(trigger: Token) -> bool:
    return trigger.tag_ == "NN" and any(
        c.dep_ == "poss" or c.lower_ in ("the", "this", "that") for c in trigger.children
    )


def _countries(event: Event) -> tuple[str | None, str | None]:
    return (
        event.source.country if event.source is not None else None,
        event.target.country if event.target is not None else None,
    )

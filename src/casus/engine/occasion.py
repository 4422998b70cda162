"""The lead's day for what the parties to the lead's meeting said and agreed there.

News gives the day of a meeting once ("The two presidents **met** in Yerevan **on
Tuesday**", "talks **held on January 7**") and reports what the participants said and agreed
at it further down, undated ("The leaders **agreed** to reopen the border", "Aliyev
**called** for a peace treaty"). Those statements are the meeting's, not the publication
day's, nor a reaction the day after it (``news_time.reaction_day``). A statement by
someone who was not at the meeting ("Moscow **welcomed** the talks") is a reaction, and
keeps its own convention; so does a statement told as coming **later**, one with a time of
its own, one in a background or reported clause, a future one, and any statement after the
article has moved on to another day (the same conditions as ``story_day``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from casus.engine.date_attachment import background_clause, reported_earlier
from casus.engine.narrative import Frame
from casus.engine.news_time import is_reaction_day
from casus.engine.stated_dates import is_future
from casus.engine.story_day import story_day, story_lead
from casus.model import Event, EventDate
from casus.ontology.words import word_list

if TYPE_CHECKING:
    from spacy.tokens import Token

# CAMEO root of consultations: meetings, visits, talks, calls (040-046)
MEETING_ROOT = "04"
# QuadClasses of statements (verbal cooperation and conflict)
VERBAL_QUADS = frozenset({1, 3})
COLLECTIVE_HEADS = word_list("collective_heads")
# what marks a plural subject as the parties themselves: "the two leaders", "both sides"
PARTY_WORDS = frozenset({"the", "both", "two"})
NOTE = "said or agreed at the meeting of the article's lead"


def occasion_dates(
    events: list[Event],
    triggers: Sequence[Token],
    frames: Sequence[Frame],
    stated: dict[int, EventDate],
    pub: dt.date | None,
    event_tokens: frozenset[int],
) -> list[Event]:
    """``events`` with the statements the lead meeting's participants made there dated to
    the lead's day; ``stated`` maps sentences to the day stated for one of their events."""
    lead = story_lead(frames, stated, pub)
    if lead is None:
        return events
    index, day = lead
    parties = _parties(events, index, day)
    if not parties:
        return events
    out = list(events)
    for i, (event, trigger) in enumerate(zip(events, triggers, strict=True)):
        if not _candidate(event, trigger, index, parties):
            continue
        future = is_future(trigger, event_tokens)
        found = story_day(
            trigger, frames, stated, event.sentence_index, pub, future=future, statement=True
        )
        if found is not None:
            out[i] = event.with_(
                when=EventDate(found.date, found.precision, "inferred", found.text, NOTE)
            )
    return out


def _parties(events: list[Event], index: int, day: EventDate) -> frozenset[str]:
    """The countries on either side of a meeting the lead sentence dates to its day."""
    out: set[str] = set()
    for event in events:
        if (
            event.sentence_index == index
            and event.cameo_root == MEETING_ROOT
            and event.when.date == day.date
        ):
            out.update(a.country for a in (event.source, event.target) if a and a.country)
    return frozenset(out)


def _candidate(event: Event, trigger: Token, index: int, parties: frozenset[str]) -> bool:
    """An undated statement after the lead by one of the meeting's parties, to another or
    to no one, in the article's own clause (not background, not reported)."""
    if event.sentence_index <= index or event.quad_class not in VERBAL_QUADS:
        return False
    if not (event.when.basis == "publication" or is_reaction_day(event.when)):
        return False
    source = event.source.country if event.source is not None else None
    target = event.target.country if event.target is not None else None
    ours = source in parties and (target is None or target in parties)
    if not ours and not _the_parties(trigger):
        return False
    return background_clause(trigger) is None and reported_earlier(trigger) is None


def _the_parties(trigger: Token) -> bool:
    """Whether the subject of a statement refers back to the meeting's parties as a group:
    "**the two leaders** agreed", "**both sides** called for …", "the delegations": a
    plural of the ``collective_heads`` word list with "the", "both" or "two" and no
    country of its own."""
    for subject in (c for c in trigger.children if c.dep_ == "nsubj"):
        if subject.tag_ != "NNS" or subject.lemma_.lower() not in COLLECTIVE_HEADS:
            continue
        words = {c.lower_ for c in subject.children if c.dep_ in ("det", "nummod", "predet")}
        own = any(c.ent_type_ in ("NORP", "GPE") for c in subject.children)
        if words & PARTY_WORDS and not own:
            return True
    return False

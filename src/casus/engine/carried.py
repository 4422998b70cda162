"""Times an event takes from around its clause when it has none of its own: the sentence's
own time, the previous sentence's, the narrative frame (rules 4–6 of docs/dates.md), the day
of the article's lead, and last the publication date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from casus.engine.date_attachment import past_perfect
from casus.engine.narrative import Frame, clause_tense, framed_date
from casus.engine.sentences import sentence_of
from casus.engine.story_day import fronted_report, past_conjunct
from casus.model import EventDate

if TYPE_CHECKING:
    from spacy.tokens import Token

REPORTED_BY = "done by the day of the report that closes its sentence"


def carried_date(
    trigger: Token,
    stated: dict[int, EventDate],
    sentence: int,
    frame: Frame | None,
    *,
    future: bool,
) -> EventDate | None:
    """A time carried over from around the sentence: the sentence's own narrative frame, the
    previous sentence's time for a past-tense event, else the frame the sentence inherits."""
    own = frame.own if frame is not None and not future and frame.own is not None else None
    if own is not None and frame is not None and frame.perfect and not past_perfect(trigger):
        own = None  # "Azerbaijani troops had shelled a village in May, and Yerevan demanded …"
    framed = framed_date(own, trigger) if own is not None else None
    if framed is not None:  # "In February, gunmen opened fire …; Georgetown blamed …"
        return framed
    if own is not None and own.precision == "day" and closed_by_report(trigger):
        # "Guterres has called on both sides …, his spokesperson said on Sunday"
        return EventDate(own.date, own.precision, "inferred", own.text, REPORTED_BY)
    # the previous sentence's own time (of its main clause: not "…, who stormed towns on
    # Saturday"), or without frames the date stated in it
    previous = frame.previous if frame is not None else stated.get(sentence - 1)
    if previous is not None and frame is not None and frame.previous_perfect:
        # "Estonia had expelled a Russian diplomat last month. Moscow called the move
        # hostile": the story's act, not the past perfect aside's
        previous = previous if past_perfect(trigger) else None
    past = trigger.tag_ in ("VBD", "VBN") or past_conjunct(trigger)
    if previous is not None and past and not future:
        # "Baku expelled four diplomats on Thursday. They left the country" — the next
        # sentence's past-tense event continues the story.
        return EventDate(
            previous.date,
            previous.precision,
            "inferred",
            previous.text,
            previous.note,
            previous.reference,
        )
    # ---- hook: the narrative frame (engine/reference_time.py)
    held = frame.inherited if frame is not None and not future else None
    # ---- end hook
    return framed_date(held, trigger) if held is not None else None


def closed_by_report(trigger: Token) -> bool:
    """Whether an act in the present perfect is told in a clause that a verb of saying with
    a day of its own closes ("Guterres **has called** on both sides to protect civilians,
    his spokesperson said in a statement issued **late on Sunday**"): it was done by that
    day, and news dates it so, not by the sentence before it."""
    if clause_tense(trigger) != "present" or not any(
        c.dep_ == "aux" and c.lemma_.lower() == "have" for c in trigger.children
    ):
        return False
    root = sentence_of(trigger).root
    return any(c.i == trigger.i or c.is_ancestor(trigger) for c in fronted_report(root))


def names_the_story(main: Token) -> bool:
    """Whether a clause says when the story's own act came: "**The incident came** little
    more than a week after Polish jets shot down drones" (a definite common noun subject of
    "come", pointing back at what the article reports)."""
    return main.lemma_.lower() == "come" and any(
        c.dep_ == "nsubj"
        and c.pos_ == "NOUN"
        and any(w.dep_ == "det" and w.lower_ in ("the", "this", "that") for w in c.children)
        for c in main.children
    )


def lead_date(frames: Sequence[Frame], pub: dt.date | None) -> EventDate | None:
    """The day of the article's lead, when one of its first two sentences states one for
    its main verb within a week before publication ("Estonia **on Friday** summoned …")."""
    for frame in frames[:2]:
        own = frame.own
        if own is not None and own.date is not None and pub is not None:
            recent = pub - dt.timedelta(days=7) <= own.date <= pub
            return own if own.precision == "day" and recent else None
    return None


def publication_date(pub: dt.date | None) -> EventDate:
    """The publication date, the last resort; a note says what to do when there is none."""
    if pub is None:
        return EventDate(
            None,
            "unknown",
            "publication",
            None,
            "no publication date: give --published or a dateline",
        )
    return EventDate(pub, "day", "publication", None)


def since_perfect(trigger: Token) -> bool:
    """Whether the trigger is a perfect with a bare "since" ("NATO **has since deployed**
    700 more troops") or "since then": the act came after the time the text has just told,
    not on the publication day."""
    perfect = any(
        c.dep_ in ("aux", "auxpass") and c.lemma_.lower() == "have" for c in trigger.children
    )
    return perfect and any(
        c.dep_ in ("advmod", "prep")
        and c.lower_ == "since"
        and all(w.lower_ == "then" for w in c.children)  # "have killed 100 fighters since then"
        and (c.dep_ == "advmod" or list(c.children))
        for c in trigger.children
    )


def since_date(previous: EventDate | None) -> EventDate | None:
    """The time a "has since" act came after: the previous sentence's own day or month, as
    an inferred date that says it is a lower bound."""
    if previous is None or previous.date is None or previous.basis == "publication":
        return None
    note = f"after {previous.date.isoformat()}: 'since' the time told just before"
    return EventDate(
        previous.date, previous.precision, "inferred", previous.text, note, previous.reference
    )


# Kinds of names whose bearer an object-control verb has do the infinitive ("forced
# **Ruto** to withdraw", "urged **Tajikistan** to investigate"): no purpose of the deed.
AGENT_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def purpose_head(trigger: Token) -> Token | None:
    """The deed in the simple past (or past perfect) whose purpose the trigger's infinitive
    tells, or ``None``: the purpose is pursued at the deed's time, whatever the rules give it.
    "Traders blocked the road on Saturday. Police fired tear gas **to disperse** them" is
    Saturday's, as the firing is; so are "used water cannon **to break up** the crowd" and
    "stormed a hostel **to arrest** suspects" (parsed as a clause on the object). An
    infinitive that the object does ("forced Ruto to withdraw") is none."""
    if trigger.tag_ != "VB" or not any(
        c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children
    ):
        return None
    head = trigger.head
    if trigger.dep_ == "relcl" and head.dep_ == "dobj" and head.pos_ == "NOUN":
        head = head.head  # "stormed a hostel to arrest suspects"
    elif trigger.dep_ == "xcomp":
        objects = [c for c in head.children if c.dep_ == "dobj"]
        if not objects or any(_an_agent(o) for o in objects):
            return None  # "agreed to impose", "urged Tajikistan to investigate"
    elif trigger.dep_ != "advcl":
        return None
    perfect = trigger.dep_ != "xcomp" and _past_perfect(head)
    return head if (head.tag_ == "VBD" or perfect) and head.i != trigger.i else None


def _past_perfect(verb: Token) -> bool:
    """A verb in the past perfect ("security forces **had gone in** to arrest 'criminals'"),
    whose purpose clause is a deed's (not "had urged residents to leave", an object's)."""
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children)


def _an_agent(token: Token) -> bool:
    return token.pos_ in ("PRON", "PROPN") or token.ent_type_ in AGENT_ENTITIES


def as_inferred(when: EventDate) -> EventDate:
    """A date taken from another predicate: inferred, unless it is the publication date."""
    if when.basis in ("publication", "inferred"):
        return when
    return EventDate(when.date, when.precision, "inferred", when.text, when.note, when.reference)

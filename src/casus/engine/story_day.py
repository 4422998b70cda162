"""The day of the article's story for an undated act that carries the lead's story on.

News gives the lead's day once ("Kenyan police fired tear gas at protesters **on
Tuesday**") and tells the rest of that story in undated simple-past sentences further down
("Officers **arrested** dozens of demonstrators", "Indian troops **returned fire**"). Such an
act happened on the lead's day, not on the publication day (rule 8 of docs/dates.md). It is
not so for background (past perfect, present perfect, a time of its own, a historical frame),
nor for an act that came later ("later", "afterwards"). Once a sentence moves the story on to
a later day ("Odinga condemned the arrests **on Wednesday**. … The minister **warned** …"),
the undated acts after it take that day. An earlier day told since is background: the
undated acts of the paragraph that told it keep that day ("Philippine authorities said **on
Monday** they had arrested three Chinese nationals. … The embassy **denied** the
allegations"), and the story returns to its day in the next paragraph; a historical passage
is background the story returns from too. An undated lead whose day is told only further
down ("The attack took place on Monday", "…, officials said on Monday") has
that day.
Statements in the simple past are so dated too ("Tehran **denied** the account", "The two
leaders **agreed** to reopen transport links"): news tells the reactions and the words of the
lead's day with its story. A statement in the present perfect ("Washington **has
condemned** the raids") is a reaction, dated by engine/news_time.py."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from casus.engine.date_attachment import came_later, is_below
from casus.engine.modality import REPORTING_VERBS
from casus.engine.narrative import Frame, new_paragraph
from casus.engine.sentences import sentence_of, sentences
from casus.engine.temporal import relative_offset, shift
from casus.engine.time_spans import anchor_token, date_spans
from casus.model import EventDate

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# how many sentences the lead may be: its own day is stated in one of the first two
LEAD_SENTENCES = 2
# an undated lead's day may be told as far down as the sixth sentence ("The attack took
# place on Monday", "…, officials said on Monday")
LATE_SENTENCES = 6
# the lead's day is the story's within a week before publication
LEAD_REACH = dt.timedelta(days=7)
# The note of a date given by ``story_day``.
STORY_DAY = "the day of the article's lead: an undated act that carries its story on"
# The note of a date given by ``paragraph_day``.
PARAGRAPH_DAY = "the day told earlier in its paragraph: an undated act that carries it on"
_PARAGRAPHS = "casus.paragraph_starts"
# A stretch of time is no time of its own: "blocked the avenue **for several hours**".
DURATION = re.compile(
    r"(?:for )?(?:(?:several|a few|many|some|about|nearly|\w+) )?(?:hours|days|weeks|months)$",
    re.IGNORECASE,
)


def story_lead(
    frames: Sequence[Frame], stated: dict[int, EventDate], pub: dt.date | None
) -> tuple[int, EventDate] | None:
    """The index and day of the lead sentence: the first of the first two sentences with
    an own time, or a day stated for one of its events ("Chinese vessels fired water cannon
    at Philippine boats **on Saturday**, the coast guard said"), when that time is a day
    within a week before publication. A day stated for an event comes before a coarser
    own time: "For the third time **this month**, a Chinese vessel turned its water cannon
    on a Philippine ship **on Monday**" is Monday's story, and so does a report's own later
    day: "Chinese ships fired water cannon at Philippine boats **on Saturday**, the coast
    guard said **on Sunday**" is Saturday's story."""
    return _recent_day(_first_time(frames, stated, 0, LEAD_SENTENCES), pub)


def late_lead(
    frames: Sequence[Frame],
    stated: dict[int, EventDate],
    reports: dict[int, EventDate],
    pub: dt.date | None,
) -> tuple[int, EventDate] | None:
    """The index and day of the sentence that tells an undated lead's day further down,
    when the first two sentences tell no time at all: "Gunmen stormed a police station,
    killing six officers. … **The attack took place on Monday** near Djibo" (within the
    first ``LATE_SENTENCES``; the first time told must be a day within a week before
    publication, as for a lead). ``reports`` maps sentences to the day told in a clause
    their reporting verb closes ("The strikes came late **on Sunday**, a war monitor
    said")."""
    if _first_time(frames, stated, 0, LEAD_SENTENCES) is not None:
        return None
    # the sentences' own and reported times only: the days stated for events further down
    # are not yet known when the lead's own acts are dated
    return _recent_day(_first_time(frames, reports, LEAD_SENTENCES, LATE_SENTENCES), pub)


def _first_time(
    frames: Sequence[Frame], stated: dict[int, EventDate], start: int, stop: int
) -> tuple[int, EventDate] | None:
    """The first sentence from ``start`` to ``stop`` with an own time or a day stated for
    one of its events, and that time (the day, if finer or earlier: ``_before``)."""
    for index in range(start, min(stop, len(frames))):
        own, day = frames[index].own, stated.get(index)
        if own is None or day is not None and day.precision == "day" and _before(day, own):
            own = day or own
        if own is not None and own.date is not None:
            return index, own
    return None


def _recent_day(
    found: tuple[int, EventDate] | None, pub: dt.date | None
) -> tuple[int, EventDate] | None:
    """``found`` when its time is a day within a week before publication."""
    if found is None or pub is None:
        return None
    own = found[1]
    if own.date is None or own.precision != "day":
        return None
    return found if pub - LEAD_REACH <= own.date <= pub else None


def _before(day: EventDate, own: EventDate) -> bool:
    """Whether a day stated for a lead's act is finer than, or before, the lead's own time."""
    if own.precision != "day":
        return True
    return day.date is not None and own.date is not None and day.date < own.date


def fronted_report(root: Token) -> list[Token]:
    """The clause a reporting main verb tells, when it comes first ("Troops exchanged fire
    on Tuesday, **officials said**"); none for another verb or a report told after its
    verb ("Officials said on Tuesday that …" has the report's own time)."""
    if root.lemma_.lower() not in REPORTING_VERBS:
        return []
    return [c for c in root.children if c.dep_ == "ccomp" and c.i < root.i]


def simple_past(trigger: Token) -> bool:
    """A verb in the simple past, active or passive ("arrested", "were killed"), or a
    participle clause on one ("…, wounding two soldiers"); not a perfect ("has launched",
    "had begun"), another participle, or a noun other than the subject of a simple-past
    verb ("**Clashes** between vigilantes and the gunmen **left** 12 people dead")."""
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("nsubj", "nsubjpass"):
        return trigger.head.pos_ in ("VERB", "AUX") and simple_past(trigger.head)
    if trigger.pos_ not in ("VERB", "AUX"):
        return False
    if trigger.tag_ == "VBG" and trigger.dep_ in ("advcl", "xcomp") and trigger.head.i != trigger.i:
        # "Pakistani soldiers opened fire on forward posts, **wounding** two soldiers": the
        # participle clause is as past as the verb it hangs on
        return simple_past(trigger.head)
    auxes = [c for c in trigger.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lemma_.lower() in ("have", "will", "shall") or a.tag_ == "MD" for a in auxes):
        return False
    if trigger.tag_ == "VBD" or past_conjunct(trigger):
        return not auxes or all(a.lower_ in ("did",) for a in auxes)
    return trigger.tag_ == "VBN" and any(a.lower_ in ("was", "were") for a in auxes)


def past_conjunct(trigger: Token) -> bool:
    """Whether a verb tagged as a bare form is a past the tagger misread: conjoined to a
    verb in the simple past, with no auxiliary and no subject of its own, as a verb whose
    past is its base form is ("Crowds looted shops **and set up** burning barricades",
    "stormed the offices **and set fire** to papers"; also put, cut, hit, shut, spread)."""
    return (
        trigger.tag_ in ("VB", "VBP")
        and trigger.dep_ == "conj"
        and trigger.head.tag_ == "VBD"
        and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in trigger.children)
    )


def _story_on(
    frames: Sequence[Frame], lead: int, sentence: int, day: EventDate, pub: dt.date
) -> EventDate:
    """The story's day at ``sentence``: the lead's, moved on by a later day a sentence since
    states for itself ("The opposition leader condemned the violence **on Wednesday**").
    An earlier day ("**On Monday**, officers raided the homes of two aides"), a coarser
    time or a historical passage ("In 2019, …") is background the story returns from: the
    sentence right after it is carried by rule 5, a framed one by its frame. A relative
    offset counts from the story's day ("**Two days later**, …" moves it on; "**Hours
    later**" does not)."""
    for frame in frames[lead + 1 : sentence + 1]:
        own = frame.own
        if frame.inherited is not None or own is None or own.date is None or day.date is None:
            continue
        told = own.date
        offset = relative_offset(own.text or "")
        if offset is not None:
            # "Hours later, …", "Two days later, …": counted from the story's day
            if offset[1] or offset[0] <= 0:
                continue
            told = shift(day.date, offset)
        if own.precision == "day" and day.date < told <= pub:
            day = dataclasses.replace(own, date=told)
    return day


def holds(period: EventDate, day: EventDate) -> bool:
    """Whether a week, a month or a year holds a day: "The protest was the largest since
    lawmakers passed the law **earlier this week**" does not move the story off Tuesday."""
    if period.date is None or day.date is None:
        return False
    if period.precision == "week":
        return period.date <= day.date < period.date + dt.timedelta(days=7)
    if period.precision == "month":
        return (period.date.year, period.date.month) == (day.date.year, day.date.month)
    return period.precision == "year" and period.date.year == day.date.year


def story_day(
    trigger: Token,
    frames: Sequence[Frame],
    stated: dict[int, EventDate],
    sentence: int,
    pub: dt.date | None,
    *,
    future: bool,
    reports: dict[int, EventDate] | None = None,
    statement: bool = False,
) -> EventDate | None:
    """The story's day for an undated simple-past act after the lead (``story_lead``), or
    before or after an undated lead's day told further down (``late_lead``): the lead's
    day, or a later day a sentence since has moved the story to (``_story_on``); ``None``
    otherwise. ``stated`` maps the sentences dated so far to the last day stated for one
    of their events, ``reports`` to the day told in a clause a reporting verb closes. A
    ``statement`` told after the story has moved on to a later day is left to the reaction
    rule (``news_time.reaction_day``: the day after that day)."""
    lead = story_lead(frames, stated, pub)
    late = lead is None
    lead = lead or late_lead(frames, stated, reports or {}, pub)
    if lead is None or pub is None or future or not simple_past(trigger) or came_later(trigger):
        return None
    if _since_clause(trigger):
        return None  # "who has been held since he was overthrown": the start of a state
    index, day = lead
    told = [
        text
        for start, end, text in date_spans(sentence_of(trigger))
        if not DURATION.match(text) and not _about_an_object(trigger, start, end)
    ]
    if sentence == index or sentence >= len(frames) or told or frames[sentence].inherited:
        # a sentence that states a time anywhere ("Dendias, who flew to Adana on Sunday,
        # offered his condolences") is not an undated continuation
        return None
    if sentence < index and not late:
        return None  # before a lead told in the first sentences: a headline
    moved = _story_on(frames, index, sentence, day, pub)
    told_here = paragraph_day(trigger.doc, frames, index, sentence, moved, pub)
    if told_here is not None:
        # "Philippine authorities said on Monday they had arrested three Chinese nationals.
        # … The Chinese embassy denied the allegations": the paragraph's day, not the lead's
        return EventDate(told_here.date, "day", "inferred", told_here.text, PARAGRAPH_DAY)
    if statement and moved.date != day.date:
        return None
    day = moved
    return EventDate(day.date, day.precision, "inferred", day.text, STORY_DAY)


def _about_an_object(trigger: Token, start: int, end: int) -> bool:
    """Whether the time at these character offsets is told in a relative clause on a noun
    after the trigger, outside its clause: an older fact about what the act is about, not a
    time of the act ("He **accused** Rabat of backing the MAK, a group **that the
    authorities classified as terrorist in May**" carries the story's day on). A clause on
    the subject, before the trigger, still tells the actor's own recent act ("Dendias,
    who flew to Adana on Sunday, offered his condolences")."""
    t = anchor_token(trigger.doc, start, end)
    for _ in range(12):
        if t.head.i == t.i or t.i == trigger.i:
            return False
        if t.dep_ in ("relcl", "acl") and t.head.i > trigger.i:
            return not is_below(trigger, t)
        t = t.head
    return False


def paragraph_day(
    doc: Doc, frames: Sequence[Frame], lead: int, sentence: int, day: EventDate, pub: dt.date
) -> EventDate | None:
    """The day an earlier sentence of the act's own paragraph, after the lead, tells for
    itself, when it is a day before the story's ``day`` (the lead's, or a later one the
    story has moved on to) within ``LEAD_REACH`` of publication:
    such a paragraph tells another strand of the story, and its undated acts are that
    strand's ("Philippine authorities said **on Monday** they had arrested three Chinese
    nationals. … The Chinese embassy **denied** the allegations", in a Wednesday digest
    whose lead is Tuesday's). The nearest sentence with a time of its own decides: a later
    day, a coarser time or a historical passage leaves the act to the story's day, and so
    does a new paragraph ("On Monday, officers raided the homes of two aides.\n\nHis
    lawyers condemned the prosecution" is the lead's day). A past perfect aside ("Estonia
    had expelled a diplomat on Monday") is skipped. ``None`` otherwise."""
    starts = _paragraph_starts(doc)
    if day.date is None or not lead < sentence < len(starts) or starts[sentence]:
        return None
    for index in range(sentence - 1, lead, -1):
        frame = frames[index]
        own = frame.own
        if own is not None and own.date is not None and not frame.perfect:
            recent = own.precision == "day" and pub - LEAD_REACH <= own.date < day.date
            return own if recent and frame.inherited is None else None
        if starts[index]:
            break
    return None


def _paragraph_starts(doc: Doc) -> list[bool]:
    """For each sentence of ``doc``, whether it opens a paragraph (kept with the Doc)."""
    memo: list[bool] | None = doc.user_data.get(_PARAGRAPHS)
    if memo is None:
        memo = [new_paragraph(doc, sent) for sent in sentences(doc)]
        doc.user_data[_PARAGRAPHS] = memo
    return memo


def _since_clause(trigger: Token) -> bool:
    """Whether the trigger's clause opens a state that runs up to now ("Bazoum, who has
    been held in Niamey **since he was overthrown**"): its act is older than the story."""
    t = trigger
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    return t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "since" for c in t.children)


def is_story_day(when: EventDate) -> bool:
    """Whether a date is the lead's day (or its paragraph's) given to an undated act
    (``story_day``): a guess like the publication day, so an act its clause reports
    ("Tehran denied the account, saying its navy **had warned** the tanker first") is dated
    no later than it."""
    return when.note in (STORY_DAY, PARAGRAPH_DAY)

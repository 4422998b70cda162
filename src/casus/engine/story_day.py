"""The day of the article's story for an undated act that carries the lead's story on.

News gives the lead's day once ("Kenyan police fired tear gas at protesters **on
Tuesday**") and tells the rest of that story in undated simple-past sentences further down
("Officers **arrested** dozens of demonstrators", "Indian troops **returned fire**"). Such an
act happened on the lead's day, not on the publication day (rule 8 of docs/dates.md). It is
not so for background (past perfect, present perfect, a time of its own, a historical frame),
for an act that came later ("later", "afterwards"), nor once the article has moved to another
day ("Odinga condemned the arrests **on Wednesday**. … The minister **warned** …").
Statements in the simple past are so dated too ("Tehran **denied** the account", "The two
leaders **agreed** to reopen transport links"): news tells the reactions and the words of the
lead's day with its story. A statement in the present perfect ("Washington **has
condemned** the raids") is a reaction, dated by engine/news_time.py."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from casus.engine.date_attachment import came_later
from casus.engine.modality import REPORTING_VERBS
from casus.engine.narrative import Frame
from casus.engine.sentences import sentence_of
from casus.engine.time_spans import date_spans
from casus.model import EventDate

if TYPE_CHECKING:
    from spacy.tokens import Token

# how many sentences the lead may be: its own day is stated in one of the first two
LEAD_SENTENCES = 2
# the lead's day is the story's within a week before publication
LEAD_REACH = dt.timedelta(days=7)
# The note of a date given by ``story_day``.
STORY_DAY = "the day of the article's lead: an undated act that carries its story on"
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
    for index, frame in enumerate(frames[:LEAD_SENTENCES]):
        own, day = frame.own, stated.get(index)
        if own is None or day is not None and day.precision == "day" and _before(day, own):
            own = day or own
        if own is not None and own.date is not None and pub is not None:
            recent = pub - LEAD_REACH <= own.date <= pub
            return (index, own) if own.precision == "day" and recent else None
    return None


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
    "had begun"), another participle or a noun."""
    if trigger.pos_ not in ("VERB", "AUX"):
        return False
    if trigger.tag_ == "VBG" and trigger.dep_ in ("advcl", "xcomp") and trigger.head.i != trigger.i:
        # "Pakistani soldiers opened fire on forward posts, **wounding** two soldiers": the
        # participle clause is as past as the verb it hangs on
        return simple_past(trigger.head)
    auxes = [c for c in trigger.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lemma_.lower() in ("have", "will", "shall") or a.tag_ == "MD" for a in auxes):
        return False
    if trigger.tag_ == "VBD":
        return not auxes or all(a.lower_ in ("did",) for a in auxes)
    return trigger.tag_ == "VBN" and any(a.lower_ in ("was", "were") for a in auxes)


def _moved(frame: Frame, day: EventDate) -> bool:
    """Whether a sentence sets the text in a time other than the lead's day: its own
    ("… condemned the arrests **on Wednesday**") or a historical frame ("In 2019, …")."""
    own = frame.own
    if frame.inherited is not None:
        return True
    return own is not None and own.date != day.date and not holds(own, day)


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
) -> EventDate | None:
    """The lead's day for an undated simple-past act after the lead, while no later
    sentence has set the story on another time; ``None`` otherwise. ``stated`` maps the
    sentences dated so far to the last day stated for one of their events."""
    lead = story_lead(frames, stated, pub)
    if lead is None or future or not simple_past(trigger) or came_later(trigger):
        return None
    index, day = lead
    told = [text for _s, _e, text in date_spans(sentence_of(trigger)) if not DURATION.match(text)]
    if sentence <= index or sentence >= len(frames) or told:
        # a sentence that states a time anywhere ("Dendias, who flew to Adana on Sunday,
        # offered his condolences") is not an undated continuation
        return None
    if any(_moved(f, day) for f in frames[index + 1 : sentence + 1]):
        return None  # the article has moved to another time since the lead
    return EventDate(day.date, day.precision, "inferred", day.text, STORY_DAY)


def is_story_day(when: EventDate) -> bool:
    """Whether a date is the lead's day given to an undated act (``story_day``): a guess
    like the publication day, so an act its clause reports ("Tehran denied the account,
    saying its navy **had warned** the tanker first") is dated no later than it."""
    return when.note == STORY_DAY

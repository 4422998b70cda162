"""Conventions of news writing about time that the date stage applies around its rules
(``stages/dates.py``, docs/dates.md):

- a time written before a noun dates that noun only: "condemned the raids as a violation of
  **the November 2024 ceasefire**" is not a condemnation of November 2024;
- a time a plan is made *for* is the plan's, not the act's: "**called** a general strike
  **for Friday**" is not dated Friday;
- "overnight" in a story about an earlier day is the night after that day: "Afghan forces
  attacked border posts late **on Saturday**. Pakistani troops returned fire **overnight**";
- an undated statement by someone whose relative clause dates a visit was made on it: "The
  envoy, **who visited Tbilisi on Tuesday**, said Washington would review its ties";
- a noun event "N days after" which another act is told is N days before it: "fighting
  that began on Oct. 8, 2023, **a day after the Hamas attack**" (the attack: Oct. 7);
- an act told as an answer to a dated act came after it: "South Korea **responded to
  Saturday's missile test by summoning** the Russian ambassador" (the day after Saturday,
  no later than publication);
- an act "after" a time long past, with no time of its own, is no earlier than that time:
  "ECOWAS **had imposed** sanctions on Niger after soldiers toppled Bazoum **in July 2023**";
- a lead in the present perfect with no time is told on the day its next sentence gives:
  "Russia **has sent** nine planes to Italy … The aircraft landed near Rome **on Sunday**",
  also in a clause a reporting verb closes, when the lead tells no other act ("The tanker
  was surrounded **on Friday afternoon**, its owner said");
- an undated reaction in a story told two or more days after its day came the day after it:
  "Chinese ships fired water cannon at Philippine boats **on Saturday** … The United States
  **has condemned** China's actions" (a Monday story): Sunday, not Monday."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from casus.dates import period_end
from casus.engine.date_attachment import BACKGROUND_MARKS, INTERVAL_UNITS, came_later
from casus.engine.narrative import Frame
from casus.engine.plans import past_plan
from casus.engine.sentences import sentence_of, sentence_text, sentences
from casus.engine.story_day import LEAD_REACH, fronted_report, holds, simple_past, story_lead
from casus.engine.time_spans import STOPS
from casus.model import EventDate
from casus.ontology.words import word_list

if TYPE_CHECKING:
    from spacy.tokens import Token

# Prepositions that make a noun the setting of the act, so that its time is the act's too:
# "bombed Gori **during** the 2008 war" (not "on" or "over", which often name a topic:
# "talks on the 2015 deal").
SETTINGS = frozenset({"in", "at", "during", "amid", "since", "throughout"})
# Dependency labels of a word written before the noun it modifies ("the 2015 deal").
PREMODIFIER_DEPS = frozenset({"compound", "nmod", "amod", "nummod", "npadvmod"})
# Nouns that are part of the time itself: "Monday night", "Tuesday morning".
TIME_NOUNS = frozenset(
    {"morning", "afternoon", "evening", "night", "day", "week", "weekend", "month", "year"}
)
# A "for" time that is a stretch, not a point a plan is made for: "for the past two years".
STRETCH = re.compile(r"\b(?:hours|days|weeks|months|years|decades)\b", re.IGNORECASE)
VISIT_VERBS = word_list("visit_verbs")
ASSEMBLY_VERBS = word_list("assembly_verbs")
ANSWER_VERBS = word_list("answer_verbs")
ANSWER_NOUNS = word_list("answer_nouns")
STANDING = word_list("standing_adverbs")
# An "after" time this far before publication bounds an undated act from below: a recent
# one may as well be followed by the publication day.
LONG_PAST = dt.timedelta(days=30)
# Words that bring another act into a present-perfect lead (``_tells_background``).
LEAD_MARKS = frozenset({"after", "following", "once", "when", "as", "since", "before"})
LEAD_PREPOSITIONS = frozenset({"after", "following"})
# The note of a reaction's date (``reaction_day``).
REACTION = "a reaction: the day after the story's day"
# How far before publication the day of a relative clause on a deed's subject or object may
# be, to date the deed (``aside_day``): a recent day, as against old background.
ASIDE_REACH = dt.timedelta(days=30)


def premodified_noun(anchor: Token) -> Token | None:
    """The noun a time is written before, inside its noun phrase ("the **November 2024**
    ceasefire", "a **2013** referendum"), or ``None``; a time noun is part of the time
    ("**Monday** night")."""
    if anchor.dep_ not in PREMODIFIER_DEPS:
        return None
    noun = anchor.head
    if noun.i <= anchor.i or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    if noun.lemma_.lower() in TIME_NOUNS:
        return None
    return noun


def dates_another_noun(anchor: Token, pred: Token) -> bool:
    """Whether a time written before a noun other than ``pred`` belongs to that noun, not to
    ``pred``: "Salam **condemned** the raids as a violation of the November 2024 ceasefire"."""
    noun = premodified_noun(anchor)
    if noun is None or noun.i == pred.i:
        return False
    return not (noun.dep_ == "pobj" and noun.head.lower_ in SETTINGS)


def planned_for(anchor: Token, text: str) -> bool:
    """Whether a time names the point a plan is made for ("called a general strike **for
    Friday**", "set the vote for March"), not the time of the act; a stretch after "for"
    is a duration ("held for the past two years")."""
    return anchor.dep_ == "pobj" and anchor.head.lower_ == "for" and not STRETCH.search(text)


def is_overnight(text: str) -> bool:
    """Whether an expression is a bare "overnight"."""
    return text.strip().lower() == "overnight"


def night_after(text: str, before: EventDate | None, pub: dt.date | None) -> EventDate | None:
    """The night after the day told just before a bare "overnight" ("attacked border posts
    late on Saturday. Troops returned fire **overnight**" → Saturday), when that day is
    before publication; ``None`` otherwise (the night before publication stands)."""
    if before is None or before.date is None or before.precision != "day" or pub is None:
        return None
    if before.date >= pub:
        return None
    note = f"the night after {before.date.isoformat()}: the day told just before"
    return EventDate(before.date, "day", "inferred", text, note)


def visit_clause(trigger: Token) -> Token | None:
    """The verb of a relative clause on the trigger's subject that tells the speaker's visit
    ("The envoy, **who visited** Tbilisi on Tuesday, said …") or the meeting of the body
    that speaks ("Foreign ministers, **who met** in Brussels on Monday, agreed …"; not "who
    met the ambassador": a meeting with someone is no occasion of all it says), or
    ``None``."""
    subjects = [c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass")]
    for subject in subjects:
        for clause in subject.children:
            if clause.dep_ != "relcl":
                continue
            lemma = clause.lemma_.lower()
            if lemma in VISIT_VERBS or lemma in ASSEMBLY_VERBS and _met_as_a_body(clause):
                return clause
    return None


def _met_as_a_body(clause: Token) -> bool:
    """Whether a meeting verb has no object and no "with" phrase ("met in Addis Ababa")."""
    return not any(
        c.dep_ in ("dobj", "dative") or c.dep_ == "prep" and c.lower_ == "with"
        for c in clause.children
    )


def visit_day(found: EventDate | None, pub: dt.date | None) -> EventDate | None:
    """A visit's day as the date of what the visitor said, when it is a day within a week
    before publication; ``None`` otherwise."""
    if found is None or found.date is None or found.precision != "day" or pub is None:
        return None
    if not pub - dt.timedelta(days=7) <= found.date <= pub:
        return None
    note = "said on the visit its speaker's relative clause dates"
    return EventDate(found.date, "day", "inferred", found.text, note)


def aside_clauses(trigger: Token) -> list[Token]:
    """The verbs of the relative and participle clauses on the trigger's subject or object
    ("Air defences shot down **a drone that had crossed** into Algerian airspace on the
    night of March 31"; "**Gunmen, who arrived** on motorcycles on Sunday, **torched** …")."""
    args = [c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    return [
        clause
        for arg in args
        for clause in arg.children
        if clause.dep_ in ("relcl", "acl") and clause.pos_ in ("VERB", "AUX")
    ]


def aside_day(found: EventDate | None, pub: dt.date | None) -> EventDate | None:
    """The day a relative clause on a deed's subject or object tells, as the deed's, when it
    is a recent day (within ``ASIDE_REACH`` before publication); ``None`` otherwise: "Russia,
    which annexed Crimea in 2014, shelled Kherson" is not a shelling of 2014."""
    if found is None or found.date is None or found.precision != "day" or pub is None:
        return None
    if not pub - ASIDE_REACH <= found.date <= pub:
        return None
    note = "the day a relative clause on its subject or object tells"
    return EventDate(found.date, "day", "inferred", found.text, note)


def noun_offset(trigger: Token) -> tuple[str, Token] | None:
    """The interval and the predicate of an "N units after/before" phrase whose object is
    the trigger, a noun event: "expelled two diplomats on Friday, **a week after** the
    drone incursion" → ("a week after", expelled); "began on Oct. 8, **a day after** the
    attack" (the interval in apposition to the date) → ("a day after", began)."""
    mark = trigger.head
    if trigger.dep_ != "pobj" or mark.lower_ not in ("after", "before") or mark.dep_ != "prep":
        return None
    units = [c for c in mark.children if c.dep_ == "npadvmod"]
    if mark.head.dep_ in ("appos", "npadvmod"):
        units.append(mark.head)
    for unit in units:
        if unit.lemma_.lower() not in INTERVAL_UNITS:
            continue
        amount = " ".join(w.lower_ for w in unit.subtree if w.i < mark.i and w.i <= unit.i)
        main = mark.head if unit.i != mark.head.i else unit.head
        for _ in range(4):  # up from the date the interval stands by to its verb
            if main.pos_ in ("VERB", "AUX") or main.head.i == main.i:
                break
            main = main.head
        if main.pos_ in ("VERB", "AUX"):
            return f"{amount if amount != unit.lower_ else 'a few ' + amount} {mark.lower_}", main
    return None


def answered(trigger: Token) -> Token | None:
    """The noun of the act the trigger answers: "responded to **Saturday's attack** by
    launching air strikes", "struck rebel bases **in retaliation for** the ambush"."""
    verb = trigger.head.head if trigger.dep_ == "pcomp" and trigger.head.lower_ == "by" else None
    if verb is not None and verb.lemma_.lower() in ANSWER_VERBS:
        holders = [verb]
    else:
        holders = [
            n
            for p in trigger.children
            if p.dep_ == "prep" and p.lower_ == "in"
            for n in p.children
            if n.dep_ == "pobj" and n.lemma_.lower() in ANSWER_NOUNS
        ]
    for holder in holders:
        for prep in (c for c in holder.children if c.dep_ == "prep" and c.lower_ in ("to", "for")):
            return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None


def answer_day(found: EventDate | None, pub: dt.date | None) -> EventDate | None:
    """The date of an answer to an act of ``found``'s time: the day after a day, as for a
    reaction (the publication day when that is no later), else the coarser time itself."""
    if found is None or found.date is None or pub is None or found.date > pub:
        return None
    note = f"an answer to the act of {found.date.isoformat()}"
    if found.precision != "day":
        return EventDate(found.date, found.precision, "inferred", found.text, note)
    day = min(found.date + dt.timedelta(days=1), pub)
    return EventDate(day, "day", "inferred", found.text, note)


def after_clauses(trigger: Token) -> list[Token]:
    """The heads of the "after"/"following" clauses and phrases on the trigger's verb:
    "had imposed sanctions **after soldiers toppled** Bazoum in July 2023", "boycotted
    parliament **after the 2024 vote**"."""
    out: list[Token] = []
    # a conjunct shares its head's "after": "had imposed sanctions after …, and had
    # threatened to use force"
    heads = [trigger, trigger.head] if trigger.dep_ == "conj" else [trigger]
    for child in (c for h in heads for c in _phrase_children(h)):
        if child.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in BACKGROUND_MARKS for m in child.children
        ):
            out.append(child)
        elif child.dep_ == "prep" and child.lower_ in BACKGROUND_MARKS:
            out += [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
    return out


def _phrase_children(head: Token) -> list[Token]:
    """The children of ``head``, and those of the phrases it takes that hold no verb:
    "boycotted parliament **for months after** the 2024 vote"."""
    out = list(head.children)
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ not in BACKGROUND_MARKS:
            for obj in (c for c in child.children if c.dep_ == "pobj"):
                out += [c for c in obj.children if c.dep_ == "prep"]
    return out


def after_bound(found: EventDate | None, pub: dt.date | None) -> EventDate | None:
    """The time of an "after" clause as the date of an undated act that follows it, when
    that time is long past (``LONG_PAST``): the act is no earlier, and a recent time says
    nothing against the publication day. The whole period must be long past: "recalled
    its ambassador after the parliament adopted a resolution **last month**" (published on
    the 20th) may be this month's act, and is not dated to the 1st of last month."""
    if found is None or found.date is None or pub is None:
        return None
    if period_end(found.date, found.precision) > pub - LONG_PAST:
        return None
    note = f"after {found.text or found.date.isoformat()}: the act has no time of its own"
    return EventDate(found.date, found.precision, "inferred", found.text, note, found.reference)


def _present_perfect(trigger: Token, *, shared: bool = False) -> bool:
    """ "has condemned", "have been expelled"; not one with "long" or "repeatedly". With
    ``shared``, also a conjunct that shares its head's "has": "Kenya has recalled its
    ambassador and **ordered** Somalia's envoy to go home"."""
    if trigger.tag_ not in ("VBN", "VBD"):
        return False
    own = [c for c in trigger.children if c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass")]
    if not own and shared and trigger.dep_ == "conj" and trigger.head.i != trigger.i:
        return _present_perfect(trigger.head, shared=True)  # no aux nor subject of its own
    if trigger.tag_ != "VBN" or not any(a.lower_ in ("has", "have") for a in own):
        return False
    return not any(c.dep_ == "advmod" and c.lower_ in STANDING for c in trigger.children)


def delayed_lead(
    trigger: Token,
    frames: Sequence[Frame],
    sentence: int,
    pub: dt.date | None,
    reported: dict[int, EventDate] | None = None,
) -> EventDate | None:
    """The day the next sentence tells, for an undated act in the present perfect (or a
    conjunct sharing its "has") in the article's first sentence, when that day is within a
    week before publication (news often leads with "has" and gives the time in the next
    paragraph); ``None`` otherwise. Lines above the lead with no closing stop (a headline,
    an "Updated 14:05, Saturday" line) do not count as its first sentence. A day the next
    sentence tells only in a clause its reporting verb closes (``reported``) counts when
    the lead tells no other act: "Iran's Revolutionary Guards have seized a tanker. The
    vessel was surrounded by four boats **on Friday afternoon**, its owner said" is the
    seizure's day, but "Kenya has suspended flights after gunmen attacked a convoy. The
    convoy came under fire **on Monday**, police said" is the attack's day."""
    if pub is None or not _present_perfect(trigger, shared=True):
        return None
    if not 0 <= sentence < len(frames) - 1 or not _opening(trigger, sentence):
        return None
    told = frames[sentence + 1].own
    if told is None and reported and not _tells_background(trigger):
        told = reported.get(sentence + 1)
    if told is None or told.date is None or told.precision != "day":
        return None
    if not pub - LEAD_REACH <= told.date <= pub:
        return None
    note = "a lead in the present perfect: the day its next sentence tells"
    return EventDate(told.date, "day", "inferred", told.text, note)


def _tells_background(trigger: Token) -> bool:
    """Whether the trigger's sentence tells another act as its background or its time ("…
    after gunmen attacked a convoy", "following the attack", "when troops crossed"): a day
    the next sentence reports may be that act's."""
    return any(
        t.dep_ == "mark"
        and t.lower_ in LEAD_MARKS
        or t.dep_ == "prep"
        and t.lower_ in LEAD_PREPOSITIONS
        for t in sentence_of(trigger)
    )


# How many unstopped lines (a headline, an "Updated …" line) may stand above the lead.
HEAD_LINES = 2


def _opening(trigger: Token, sentence: int) -> bool:
    """Whether the trigger's sentence is the article's first, or comes right after at most
    ``HEAD_LINES`` lines that end with no stop (a headline, a time stamp)."""
    if sentence > HEAD_LINES:
        return False
    doc = trigger.doc
    heads = sentences(doc)[:sentence]
    return all(not sentence_text(s).rstrip().endswith(STOPS) for s in heads)


def reaction_day(
    trigger: Token,
    frames: Sequence[Frame],
    stated: dict[int, EventDate],
    sentence: int,
    pub: dt.date | None,
    *,
    statement: bool,
) -> EventDate | None:
    """The day after the story's day for an undated reaction told after the lead: a
    statement in the simple past or present perfect ("Washington **has condemned** the
    raids"), when the story's day (the lead's, or a later
    day the article has moved to) is two days or more before publication. ``None``
    otherwise: the publication day is then as good (a reaction to yesterday's news)."""
    lead = story_lead(frames, stated, pub)
    if lead is None or pub is None or came_later(trigger):
        return None
    index, day = lead
    if sentence <= index or sentence >= len(frames) or frames[sentence].inherited is not None:
        return None
    if not statement or not (_present_perfect(trigger) or simple_past(trigger)):
        return None
    if day.date is None:
        return None
    # the story may have moved on since the lead: "Beijing summoned the ambassador on Sunday"
    told = [f.own.date for f in frames[index + 1 : sentence + 1] if f.own is not None]
    base = max((t for t in told if t is not None and day.date < t <= pub), default=day.date)
    if base >= pub - dt.timedelta(days=1):
        return None
    note = f"{REACTION} ({base.isoformat()})"
    return EventDate(base + dt.timedelta(days=1), "day", "inferred", None, note)


def is_reaction_day(when: EventDate) -> bool:
    """Whether a date is a reaction's (``reaction_day``): like the publication day, a guess
    with no time told for it, so an act its clause reports is dated from before it."""
    return when.note is not None and when.note.startswith(REACTION)


def told_first(anchor: Token, start: int) -> tuple[bool, int]:
    """The order in which the dates written before a relative offset ("the same day", "two
    days later") are tried, as a sort key, last first: the day of an act comes before
    the day it was reported on, so "Russian drones struck Odesa **on Saturday**, the
    governor said **on Sunday**. **On the same day**, Ukraine hit a refinery" counts from
    Saturday; among acts, the last date written."""
    return (not report_time(anchor), start)


def report_time(anchor: Token) -> bool:
    """Whether a time is that of a verb of saying after what it reports ("…, the governor
    said **on Sunday**"); not of a statement told for itself ("the minister said on Sunday
    that …")."""
    t = anchor
    for _ in range(4):
        if t.pos_ in ("VERB", "AUX"):
            return bool(fronted_report(t))
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def finest(found: Sequence[EventDate]) -> EventDate:
    """Of the times that govern one act, in text order, the first, unless a later one is a
    day inside it: "For the third time **this month**, a Chinese vessel turned its water
    cannon on a Philippine ship **on Monday**" is Monday's act; "In 2019, … on Monday" keeps
    2019 when that Monday is not in it."""
    first = found[0]
    for later in found[1:]:
        if later.precision == "day" and first.precision != "day" and holds(first, later):
            return later
    return first


def around_act(
    trigger: Token,
    governing: Callable[[Token], EventDate | None],
    pub: dt.date | None,
    statement: bool,
) -> EventDate | None:
    """The day of the visit a speaker's relative clause tells, for a ``statement``
    (``visit_day``), or the day a relative clause on a deed's subject or object tells
    (``aside_day``), else the past time of a planned act (``plans.past_plan``), else the
    time of the act it answers (``answer_day``), else the time of an "after" clause or
    phrase on the act, as a lower bound (``after_bound``);
    ``governing`` gives the time that governs a clause's verb or a noun."""
    visit = visit_clause(trigger) if statement else None
    found = visit_day(governing(visit), pub) if visit is not None else None
    for clause in () if statement else aside_clauses(trigger):
        # a deed and the scene its doer or its object was in: "shot down a drone that had
        # crossed into Algerian airspace on the night of March 31"
        found = found or aside_day(governing(clause), pub)
    found = found or past_plan(trigger, governing, pub)  # "threatened to send troops in 2023"
    answer = answered(trigger) if found is None else None
    if answer is not None:  # "responded to Saturday's attack by launching air strikes"
        found = answer_day(governing(answer), pub)
    for clause in after_clauses(trigger) if found is None else ():
        found = after_bound(governing(clause), pub)
        if found is not None:
            break
    return found


def undated_day(
    trigger: Token,
    frames: Sequence[Frame],
    stated: dict[int, EventDate],
    sentence: int,
    pub: dt.date | None,
    statement: bool,
) -> EventDate | None:
    """The day of an act told with no time of its own: a present-perfect lead's
    (``delayed_lead``), else a reaction's (``reaction_day``)."""
    return delayed_lead(trigger, frames, sentence, pub, stated) or reaction_day(
        trigger, frames, stated, sentence, pub, statement=statement
    )

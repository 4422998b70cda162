"""Event dates: the temporal expression that governs each event, resolved against the
publication date; otherwise a date inferred from a linked clause or an earlier sentence;
otherwise the publication date."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from typing import TYPE_CHECKING

from casus.document import Document
from casus.engine import news_time
from casus.engine.answers import ANSWER_REACH, answer_verb
from casus.engine.background import latest_earlier, stretch_start
from casus.engine.carried import (
    as_inferred,
    carried_date,
    lead_date,
    names_the_story,
    publication_date,
    purpose_head,
    since_date,
    since_perfect,
)
from casus.engine.date_anchors import (
    Anchor,
    Dating,
    article_dates,
    attaches,
    dating_anchors,
    sentence_anchors,
)
from casus.engine.date_attachment import (
    APPROXIMATE,
    background_clause,
    background_words,
    came_later,
    end_point,
    expressing_clause,
    is_below,
    linked_predicates,
    offset_clause,
    past_perfect,
    reported_earlier,
    time_clauses,
    with_light_verb,
)
from casus.engine.narrative import Frame, article_countries, is_historical, narrative_frames
from casus.engine.occasion import occasion_dates
from casus.engine.reference_time import ReferenceResolver
from casus.engine.retold import retold_day
from casus.engine.sentences import sentence_of, sentence_text, sentences
from casus.engine.stated_dates import UNRESOLVABLE, after_the_fact, is_future, resolve_stated
from casus.engine.story_day import LATE_SENTENCES, fronted_report, is_story_day, story_day
from casus.engine.temporal import counts_from_before, relative_offset, shift
from casus.engine.timeline import entry_date
from casus.engine.told_twice import date_headlines, date_named_events
from casus.engine.when_events import when_reference
from casus.model import Event, EventDate
from casus.ontology.cameo import QUAD_CLASS_BY_ROOT

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Roots of acts done by saying so (intents, refusals, threats): an act planned in the future
# is dated by the clause that expresses it ("said she would not step down" is a refusal of
# the day she said so).
EXPRESSED_ROOTS = frozenset({"03", "12", "13"})
# QuadClasses of material acts (cooperation, conflict), as against statements: a statement
# may be dated by its speaker's visit, or as a reaction (engine/news_time.py).
MATERIAL_QUADS = frozenset({2, 4})
# How far before an undated report a reported past perfect act may be dated: news gives the
# date of an older act ("said it had been warned of the attack" is not last week's).
REPORTED = dt.timedelta(days=3)
# How far before its anchor an undated background act may take the article's latest earlier
# date: an older act is told with its own time ("agreed on Thursday after ministers held
# talks" is not dated by "since Feb. 13" three weeks before, told further down).
BACKGROUND = dt.timedelta(days=7)
# How long before publication a dateline's date may be and still be the story's present.
DATELINE_REACH = dt.timedelta(days=7)
# Sentences a relative offset ("two days later") looks through for the date it counts from:
# its own and the two before it.
OFFSET_REACH = 3


def story_now(document: Document) -> dt.date | None:
    """The day the story is told from: its dateline's date when that is up to
    ``DATELINE_REACH`` before publication (a wire story filed "BEIRUT, Jan 26" and published
    the next day says "yesterday" of January 25), else the publication date."""
    pub, dateline = document.published, document.dateline
    if pub is None or dateline is None or dateline.date is None:
        return pub
    return dateline.date if pub - DATELINE_REACH <= dateline.date < pub else pub


class DateStage:
    """Dates every event (see the module docstring) and flags historical ones."""

    name: str = "dates"
    requires: tuple[str, ...] = ("events", "triggers")
    assigns: tuple[str, ...] = ("events",)

    def __init__(
        self, historical_days: int = 30, references: ReferenceResolver | None = None
    ) -> None:
        self.historical = dt.timedelta(days=historical_days)
        self.references = references

    def __call__(self, document: Document) -> Document:
        pub = story_now(document)
        doc = document.parsed()
        stated: dict[int, EventDate] = {}  # sentence index -> last stated date
        out: list[Event] = []
        events = frozenset(t.i for t in document.triggers)
        # ---- hook: reference events and the narrative frame (engine/reference_time.py)
        countries = article_countries(document.mentions)
        frames = narrative_frames(
            doc,
            lambda sent, i, frame: self.sentence_date(
                doc, sent, pub, i, countries, events=events, within=frame
            ),
            lambda when: is_historical(when, pub, self.historical),
            last=max((e.sentence_index for e in document.events), default=-1),
        )
        # ---- end hook
        dating = Dating(doc, pub, stated, countries, events, tuple(frames))
        for event, trigger in document.coded():
            index = event.sentence_index
            when = self._date(
                dating,
                trigger,
                index,
                frames[index] if 0 <= index < len(frames) else None,
                expressed=event.cameo_root in EXPRESSED_ROOTS,
                material=QUAD_CLASS_BY_ROOT.get(event.cameo_root) in MATERIAL_QUADS,
            )
            if when.basis in ("stated", "reference") and when.date is not None:
                stated[event.sentence_index] = when
            elif is_story_day(when):
                dating.story[index] = when
            out.append(event.with_(when=when, historical=is_historical(when, pub, self.historical)))
        named = date_headlines(date_named_events(out, document.triggers), document.triggers, pub)
        told = {**self._told(dating), **stated}  # said at the lead's meeting (engine/occasion.py)
        dated = occasion_dates(named, document.triggers, frames, told, pub, events)
        document.events = [  # an event dated again comes back as a new copy: flagged again
            e if e is first else e.with_(historical=is_historical(e.when, pub, self.historical))
            for e, first in zip(dated, out, strict=True)
        ]
        return document

    def date_for(
        self,
        doc: Doc,
        trigger: Token,
        pub: dt.date | None,
        stated: dict[int, EventDate],
        sentence: int,
        *,
        countries: Counter[str] | None = None,
        events: frozenset[int] = frozenset(),
        frame: Frame | None = None,
        frames: tuple[Frame, ...] = (),
        expressed: bool = False,
        material: bool = False,
    ) -> EventDate:
        """The date of the event whose predicate is ``trigger``; ``stated`` maps earlier
        sentence indexes to the dates stated there (filled in by the caller); ``countries``
        (how often the article names each) settle bare reference names ("the revolution");
        ``events`` are the token indexes of the document's event triggers (a noun event owns
        the time of its noun phrase); ``frame`` is the sentence's narrative frame. In order of
        evidence: a date governing the trigger; the main predicate's date moved by an "N days
        after" clause; one governing a linked predicate; a time carried over from the frame or
        the previous sentence; the publication date. An ``expressed`` event (an intent or a
        threat) whose trigger is the planned act is dated by the clause that expresses it;
        an event in a background clause ("after Minsk arrested a journalist") with no time
        of its own by the latest earlier date in the article. An act in the simple past with
        no time at all takes the day of the article's lead when it carries the lead's story
        on; a ``material`` act (a deed, not a statement) is not dated by a speaker's visit
        nor as a reaction."""
        dating = Dating(
            doc, pub, stated, countries if countries is not None else Counter(), events, frames
        )
        return self._date(dating, trigger, sentence, frame, expressed=expressed, material=material)

    def _date(
        self,
        d: Dating,
        trigger: Token,
        sentence: int,
        frame: Frame | None,
        *,
        expressed: bool = False,
        material: bool = False,
    ) -> EventDate:
        """:meth:`date_for` within one document's :class:`Dating`."""
        future = is_future(trigger, d.events)
        within = frame.inherited if frame is not None else None
        speaker = expressing_clause(trigger) if expressed else None
        if speaker is not None:
            # "Erdogan said on Saturday that Turkey would launch an operation": the threat is
            # Saturday's, whenever the operation may come
            return self._date(d, speaker, sentence, frame)
        found = self._governing(d, trigger, sentence, within)
        if found is not None and after_the_fact(trigger, found, d.pub):
            found = None  # "summoned them to Brussels for talks next week": the talks' time
        if found is not None and expressed and _ahead(found, d.pub):
            # "Under the deal, troops will begin joint patrols on March 15": the intent is
            # made public by now; March 15 is the patrols' time
            found = None
        if found is None:
            found = self._interval_date(d, trigger, sentence, frame)
        background = background_clause(trigger) if found is None else None
        if background is not None:
            # a date of the background clause itself first ("after Minsk forced a jet to land
            # on Sunday and arrested a journalist"), then the latest earlier date
            found = self._linked_date(d, trigger, sentence, future, within, inside=background)
            if found is None:
                found = self._background_date(d, background.head, sentence, frame, background)
        reported = reported_earlier(trigger) if found is None and background is None else None
        if reported is not None:
            found = self._linked_date(d, trigger, sentence, future, within, inside=reported)
            if found is None:
                found = self._background_date(d, reported.head, sentence, frame, undated=True)
        if found is None and not future and since_perfect(trigger):
            # "Clashes … on May 29 left 30 peacekeepers injured. NATO has since deployed …"
            before = d.frames[sentence - 1].own if 0 < sentence <= len(d.frames) else None
            found = since_date(before or d.stated.get(sentence - 1))
        if found is None:
            found = self._surrounding_date(d, trigger, sentence, frame, future)
        if found is None:  # "24 March: … Moscow condemns the strikes"
            found = entry_date(trigger, d.pub)
        head = purpose_head(trigger) if found is None and not future else None
        if head is not None:  # "Police fired tear gas to disperse them": the firing's day
            return as_inferred(self._date(d, head, sentence, frame, material=material))
        own = background is None and reported is None and not future
        if found is None and own:  # "had imposed sanctions after … in July 2023"
            found = news_time.around_act(
                trigger, lambda t: self._governing(d, t, sentence, within), d.pub, not material
            )
        answer = answer_verb(trigger) if found is None and own else None
        if answer is not None:  # "On May 1, the court ordered … Caracas responded by declaring"
            found = news_time.answer_day(self._answered_date(d, answer, sentence), d.pub)
        if found is None and own and not material:  # "… denied it. In a statement on Tuesday …"
            found = retold_day(
                trigger, lambda t, i: self._governing(d, t, i, None), sentence, d.pub
            )
        told = {**self._told(d), **d.stated} if found is None and own else {}
        if found is None and own:
            reports = self._told(d)
            found = story_day(
                trigger,
                d.frames,
                told,
                sentence,
                d.pub,
                future=future,
                reports=reports,
                statement=not material,
            )
        if found is None and own:  # "Russia has sent …", "The United States has condemned …"
            found = news_time.undated_day(trigger, d.frames, told, sentence, d.pub, not material)
        if found is None or after_the_fact(trigger, found, d.pub):
            return publication_date(d.pub)
        return found

    def _answered_date(self, d: Dating, verb: Token, sentence: int) -> EventDate | None:
        """The latest date of the acts told before an answer that names no act
        (``engine/answers.py``): those of its own sentence before its verb, else those of
        the nearest of the ``ANSWER_REACH`` sentences before it that dates an act."""
        sents = sentences(d.doc)[max(sentence - ANSWER_REACH, 0) : sentence + 1]
        for back, sent in enumerate(reversed(sents)):
            index = sentence - back
            acts = [
                self._date(d, d.doc[i], index, d.frames[index] if index < len(d.frames) else None)
                for i in range(sent.start, sent.end)
                if i in d.events and (back or i < verb.i)
            ]
            dated = [
                w
                for w in acts
                if w.date is not None
                and w.basis != "publication"
                and not news_time.is_reaction_day(w)
                and (d.pub is None or w.date <= d.pub)  # not a plan told with it
            ]
            if dated:
                return max(dated, key=lambda w: w.date or dt.date.min)
        return None

    def _told(self, d: Dating) -> dict[int, EventDate]:
        """The day told by a lead sentence that a reporting verb closes ("Indian and
        Pakistani troops exchanged fire late **on Tuesday**, officials said"), by sentence
        index, for the lead's day (``engine/story_day.py``), in the sentences that may tell
        an undated lead's day (``LATE_SENTENCES``); the sentence's own frame keeps the
        report's time, so the next sentence is not carried to that day."""
        memo: dict[dt.date | None, dict[int, EventDate]] = d.doc.user_data.setdefault(
            "casus.told", {}
        )
        if d.pub in memo:
            return memo[d.pub]
        out: dict[int, EventDate] = {}
        for index, sent in enumerate(sentences(d.doc)[:LATE_SENTENCES]):
            for clause in fronted_report(sent.root):
                found = self._governing(d, clause, index, None)
                if found is not None and found.date is not None:
                    out[index] = found
        memo[d.pub] = out
        return out

    def _surrounding_date(
        self, d: Dating, trigger: Token, sentence: int, frame: Frame | None, future: bool
    ) -> EventDate | None:
        """A time from around the trigger's clause (rules 3–6 of docs/dates.md): a linked
        predicate's, a time clause's, else one carried over from the sentence or the text
        before; not the day of the clause around it for an act that came **later** ("…, and
        Israeli aircraft later struck"), though a year or a month may hold both."""
        within = frame.inherited if frame is not None else None
        found = self._linked_date(d, trigger, sentence, future, within)
        if found is None:
            found = self._time_clause_date(d, trigger, sentence, within)
        if found is None and past_perfect(trigger):
            # a flashback dated by its own "after" clause, not by the sentence before: "The
            # juntas left ECOWAS in January. ECOWAS had imposed sanctions after soldiers
            # toppled Bazoum in July 2023"
            for clause in news_time.after_clauses(trigger):
                found = found or news_time.after_bound(
                    self._governing(d, clause, sentence, within), d.pub
                )
        if found is None:
            found = carried_date(trigger, d.stated, sentence, frame, future=future)
        if found is not None and found.precision == "day" and came_later(trigger):
            return None
        return found

    def _time_clause_date(
        self, d: Dating, trigger: Token, sentence: int, within: EventDate | None
    ) -> EventDate | None:
        """The time of a "when"/"as" clause, or of the clause before a colon, that sets the
        time of the trigger's clause or of a predicate it is linked to (``time_clauses``):
        "… in November 2020: Eritrean troops crossed the border **to fight** alongside …"."""
        for clause in (c for p in (trigger, *linked_predicates(trigger)) for c in time_clauses(p)):
            found = self._governing(d, clause, sentence, within)
            found = found or when_reference(clause, self.references, d.pub, d.countries)
            if found is not None and found.date is not None:
                w = found
                return EventDate(w.date, w.precision, "inferred", w.text, w.note, w.reference)
        return None

    def _interval_date(
        self, d: Dating, trigger: Token, sentence: int, frame: Frame | None
    ) -> EventDate | None:
        """The date of an event in an "N days after …" clause: the main predicate's date,
        moved back by N days ("The march came two days after gunmen overran the town")."""
        found = offset_clause(trigger) or news_time.noun_offset(trigger)  # "a week after the raid"
        if found is None:
            return None
        text, main = found
        # the clause is N days before the main predicate when it follows "after"
        amount, _, mark = text.rpartition(" ")
        amount = APPROXIMATE.sub("", amount)  # "little more than a week after": a week
        offset = relative_offset(f"{amount} {'earlier' if mark == 'after' else 'later'}")
        if offset is None:
            return None
        if main.i < sentence_of(trigger).start:  # the main clause is the sentence before
            sentence -= 1
            frame = d.frames[sentence] if 0 <= sentence < len(d.frames) else None
        base = self._date(d, main, sentence, frame)
        if base.basis == "publication" and names_the_story(main):
            base = lead_date(d.frames, d.pub) or base
        if base.date is None:
            return None
        precision = "month" if offset[1] else base.precision
        moved = shift(base.date, offset)
        if d.pub is not None and moved > d.pub and not is_future(trigger, d.events):
            return None  # "flew to Kathmandu two days before the charter was adopted": done
        return EventDate(moved, precision, "inferred", text, base.note)

    def _background_date(
        self,
        d: Dating,
        main: Token,
        sentence: int,
        frame: Frame | None,
        clause: Token | None = None,
        *,
        undated: bool = False,
    ) -> EventDate | None:
        """The date of an event in a background ``clause`` with no time of its own: the
        start of a stretch it counts back from its anchor ("after four days of fighting"),
        else the latest earlier time in the article (``engine/background.py``), else
        ``None``. ``undated``
        (a reported act): the latest earlier time only when ``main`` has no time but the
        publication date. A reported past perfect
        act is dated by a report that has a time of its own ("said **on Friday** that its
        navy had warned the tanker"), the time the text ties it to; a report with
        none ("Tehran denied it, saying its navy **had warned** the tanker first") is no
        later than publication, and the act came before it, within ``REPORTED`` days."""
        if undated:
            within = frame.inherited if frame is not None else None
            own = self._governing(d, main, sentence, within)
            if own is not None and own.date is not None:  # the report's own time
                w = own
                return EventDate(w.date, w.precision, "inferred", w.text, w.note, w.reference)
        base = self._date(d, main, sentence, frame)
        guessed = news_time.is_reaction_day(base) or is_story_day(base)
        if undated and base.basis != "publication" and not guessed:
            return None
        if undated and is_story_day(base) and base.date is not None:
            # the act came before a report of the story's day, or on that day itself
            base = dataclasses.replace(base, date=base.date + dt.timedelta(days=1))
        stretch = stretch_start(background_words(clause), base) if clause is not None else None
        if stretch is not None:
            return stretch
        window = REPORTED if undated else BACKGROUND
        return latest_earlier(
            article_dates(d.doc, d.pub, d.countries, self.references), base, window
        )

    def _linked_date(
        self,
        d: Dating,
        trigger: Token,
        sentence: int,
        future: bool,
        within: EventDate | None = None,
        *,
        inside: Token | None = None,
    ) -> EventDate | None:
        """A date governing a predicate linked to the trigger (its light verb, a conjunct),
        unless the date modifies a name; only predicates of the clause ``inside``, if given."""
        anchors = dating_anchors(d, trigger, self.references)
        for pred in linked_predicates(trigger):
            if inside is not None and pred.i != inside.i and not is_below(pred, inside):
                continue
            for item in anchors:
                _s, _e, text, _anchor, ref = item
                if attaches(d, item, pred, anchors):
                    # an offset counts from the last date told, as for the linked predicate
                    # itself: "Less than 48 hours later, jets destroyed tanks, and warships fired"
                    before = self._stated_before(d, item, anchors, sentence)
                    found = ref or resolve_stated(text, d.pub, future, before, sentence, within)
                    if found.date is not None:
                        return EventDate(
                            found.date,
                            found.precision,
                            "inferred",
                            text,
                            found.note,
                            found.reference,
                        )
        return None

    def sentence_date(
        self,
        doc: Doc,
        sent: Span,
        pub: dt.date | None,
        index: int,
        countries: Counter[str],
        *,
        events: frozenset[int] = frozenset(),
        within: EventDate | None = None,
    ) -> EventDate | None:
        """The time a sentence is set in: an expression governing its main verb, or one that
        opens the sentence or a line of it ("In 1992, …", "After the independence of Baku,
        …"), which the parser may attach to a headline merged into the sentence."""
        dating = Dating(doc, pub, {}, countries, events)
        found = self._governing(dating, sent.root, index, within)
        if found is not None and found.date is not None:
            return found
        for start, _e, text, _anchor_token, ref in sentence_anchors(
            doc, sent.root, pub, countries, self.references
        ):
            # the sentence's own text: doc.text would rebuild the whole document per call
            written = sentence_text(sent)
            before = written[: start - sent.start_char].rsplit("\n", 1)[-1].strip().lower()
            if before not in ("", "in", "on", "at", "by", "during", "since", "from", "after"):
                continue
            found = ref or resolve_stated(text, pub, False, {}, index, within)
            if found.date is not None:
                return found
        return None

    def governing_date(
        self,
        doc: Doc,
        trigger: Token,
        pub: dt.date | None,
        stated: dict[int, EventDate],
        sentence: int,
        countries: Counter[str],
        *,
        events: frozenset[int] = frozenset(),
        within: EventDate | None = None,
    ) -> EventDate | None:
        """The date of a temporal expression that governs ``trigger`` (rule 1 of
        docs/dates.md), or ``None``. ``within`` is the narrative frame the sentence is in:
        a month without a year ("In April, …") falls in the frame's year."""
        return self._governing(
            Dating(doc, pub, stated, countries, events), trigger, sentence, within
        )

    def _governing(
        self, d: Dating, trigger: Token, sentence: int, within: EventDate | None
    ) -> EventDate | None:
        """:meth:`governing_date` within one document's :class:`Dating`."""
        anchors = dating_anchors(d, trigger, self.references)
        if not anchors:  # most sentences state no time
            return None
        future = is_future(trigger, d.events)
        for loose in (False, True):
            for pred in with_light_verb(trigger, d.events):
                args = (d, pred, anchors, sentence, within, future, loose)
                found = [w for item in anchors if (w := self._resolved(item, *args)) is not None]
                if found:  # "this month … on Monday": the day (``news_time.finest``)
                    return news_time.finest(found)
        return None

    def _resolved(
        self,
        item: Anchor,
        d: Dating,
        pred: Token,
        anchors: list[Anchor],
        sentence: int,
        within: EventDate | None,
        future: bool,
        loose: bool,
    ) -> EventDate | None:
        """The date of one expression that governs ``pred``, or ``None``."""
        _s, _e, text, anchor, ref = item
        if not attaches(d, item, pred, anchors, loose=loose):
            return None
        if ref is not None:
            return ref
        end = end_point(anchor)
        if end in ("until", "till") or end == "by" and loose:
            # an end point: "closed its border until Friday"; a deadline is not the time of
            # the order: "ordered them to leave by Friday"
            return None
        if (loose or pred.tag_ == "VB") and text.lower().startswith("within"):
            return None  # a deadline: "ordered the envoy to leave within 48 hours on Friday"
        if not future and news_time.planned_for(anchor, text):
            return None  # "called a general strike for Friday": the strike's time
        ahead = future or end == "by" and pred.tag_ == "VB"
        before = self._stated_before(d, item, anchors, sentence)
        found = resolve_stated(text, d.pub, ahead, before, sentence, within)
        if news_time.is_overnight(text) and not future:  # "late on Saturday … overnight"
            told = self._told_before(d, item, anchors, sentence)
            found = news_time.night_after(text, told, d.pub) or found
        if found.date is None and d.pub is not None and not UNRESOLVABLE.match(text.strip()):
            return None  # a duration ("a one-year state of emergency"), no date
        return found

    def _stated_before(
        self, d: Dating, item: Anchor, anchors: list[Anchor], sentence: int
    ) -> dict[int, EventDate]:
        """``stated`` with the last date written before a relative offset, in its own
        sentence or the two before it: "announced on February 10; the next day the minister
        told Parliament …" counts from February 10 even when the announcement is not an
        event, and so does "Rebels took Goma on January 27. **Two days later**, …"."""
        if not counts_from_before(item[2]):
            return d.stated
        found = self._told_before(d, item, anchors, sentence)
        if found is None:  # "For the record: … in 2022. At the end of the meeting, Pashinyan
            # invited Erdogan … The same day, Pashinyan met the Patriarch": the story's day
            return {**d.story, **d.stated}
        return {**d.stated, sentence: found}

    def _told_before(
        self, d: Dating, item: Anchor, anchors: list[Anchor], sentence: int
    ) -> EventDate | None:
        """The last date written before an expression, in its own sentence or the two
        before it (relative offsets left out). An offset in days counts from a day of the
        sentence before a coarser time written after it: "On 14 May residents rallied,
        demanding an inquiry into the November killings. **Two days later** police broke up
        the rally" is 16 May."""
        earlier = [a for a in anchors if a[1] <= item[0]]
        sent = sentence_of(item[3])
        offset = relative_offset(item[2])
        in_days = offset is not None and offset[1] == 0
        for _ in range(OFFSET_REACH):
            order = sorted(earlier, key=lambda a: news_time.told_first(a[3], a[0]), reverse=True)
            coarse: EventDate | None = None
            for _s, _e, text, _anchor, ref in order:  # an act's day before a report's
                if counts_from_before(text):
                    continue
                found = ref or resolve_stated(text, d.pub, False, {}, sentence)
                if found.date is not None and (found.precision == "day" or not in_days):
                    return found
                coarse = coarse or (found if found.date is not None else None)
            if coarse is not None:
                return coarse
            if sent.start == 0:
                break
            sent = sentence_of(d.doc[sent.start - 1])
            earlier = sentence_anchors(d.doc, sent.root, d.pub, d.countries, self.references)
        return None


def _ahead(when: EventDate, pub: dt.date | None) -> bool:
    """Whether a date is after publication: the time of a planned act, never of the plan."""
    return when.date is not None and pub is not None and when.date > pub

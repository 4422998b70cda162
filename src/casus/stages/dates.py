"""Event dates: the temporal expression that governs each event, resolved against the
publication date; otherwise a date inferred from a linked clause or an earlier sentence;
otherwise the publication date."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeAlias

from casus.document import Document
from casus.engine.background import latest_earlier
from casus.engine.date_attachment import (
    APPROXIMATE,
    COARSE,
    FUTURE_GOVERNORS,
    background_clause,
    clause_verb,
    expressing_clause,
    governed_by,
    is_below,
    is_setting,
    linked_predicates,
    modifies_a_name,
    offset_clause,
    owning_noun,
    with_light_verb,
)
from casus.engine.modality import is_future_locally
from casus.engine.reference_time import (
    Frame,
    ReferenceResolver,
    article_countries,
    framed_date,
    is_historical,
    narrative_frames,
)
from casus.engine.sentences import sentence_of, sentence_text
from casus.engine.temporal import (
    lacks_year,
    parse_with_dateparser,
    relative_offset,
    resolve_expression,
    shift,
)
from casus.model import Event, EventDate

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_Anchor: TypeAlias = "tuple[int, int, str, Token, EventDate | None]"

EXTRA_TIME = re.compile(
    r"\b((?:in|over|during) (?:the )?(?:past|last|recent) (?:few |several |two |three )?"
    r"(?:days|weeks|months|years)|in recent (?:days|weeks|months|years)|"
    r"(?:the )?(?:next|following|same) day|\w+ (?:days|weeks|months) later|"
    r"(?:last|this) (?:morning|afternoon|evening|night)|yesterday|today|tonight|overnight|"
    r"(?:on )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?: (?:morning|afternoon|evening|night))?|(?:many |several |some )?(?:years|decades) ago|"
    r"in the past|long ago)\b",
    re.IGNORECASE,
)
# Roots of acts done by saying so (intents, threats): an act planned in the future is dated
# by the clause that expresses it.
EXPRESSED_ROOTS = frozenset({"03", "13"})
UNRESOLVABLE = re.compile(
    r"^(?:(?:many |several |some )?(?:years|decades) ago|in the past|"
    r"long ago)$",
    re.IGNORECASE,
)


def _date_spans(sent: Span) -> list[tuple[int, int, str]]:
    """(start char, end char, text) of the sentence's temporal expressions: spaCy DATE and
    TIME entities plus the span phrases spaCy misses."""
    spans = [(e.start_char, e.end_char, e.text) for e in _entities(sent, ("DATE", "TIME"))]
    for m in EXTRA_TIME.finditer(sentence_text(sent)):
        start = sent.start_char + m.start()
        if not any(s <= start < e for s, e, _ in spans):
            spans.append((start, sent.start_char + m.end(), m.group(0)))
    return spans


def _entities(sent: Span, labels: tuple[str, ...]) -> list[Span]:
    """The sentence's entities with these labels that begin in it (cut at its end). The
    document's entities are listed once and kept with the Doc: ``Span.ents`` scans every
    entity of the document (long documents would be quadratic), and reading each
    sentence's tokens for their entity tags cost more than the rest of the date search."""
    doc = sent.doc
    memo: dict[tuple[str, ...], list[tuple[int, int]]] = doc.user_data.setdefault(
        "casus.entities", {}
    )
    found = memo.get(labels)
    if found is None:
        found = memo[labels] = [(e.start, e.end) for e in doc.ents if e.label_ in labels]
    first = bisect.bisect_left(found, (sent.start, 0))
    out: list[Span] = []
    for start, end in found[first:]:
        if start >= sent.end:
            break
        out.append(doc[start : min(end, sent.end)])
    return out


def _covering(doc: Doc, start: int, end: int) -> Span:
    """The tokens that cover these character offsets (found in this document's text)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        raise ValueError(f"no tokens at characters {start}-{end}")
    return span


def _anchor(doc: Doc, start: int, end: int) -> Token:
    return _covering(doc, start, end).root


def _modifies_next(doc: Doc, start: int, end: int) -> bool:
    last = _covering(doc, start, end)[-1]
    return bool(last.dep_ in ("compound", "amod", "nmod") and last.head.i > last.i)


def _future_governed(trigger: Token) -> bool:
    t = trigger
    for _ in range(3):
        if t.dep_ not in ("xcomp", "acomp") or t.head.i == t.i:
            return False
        t = t.head
        if t.lemma_.lower() in FUTURE_GOVERNORS or is_future_locally(t):
            return True
    return False


def _carried_date(
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
    framed = framed_date(own, trigger) if own is not None else None
    if framed is not None:  # "In February, gunmen opened fire …; Georgetown blamed …"
        return framed
    # the previous sentence's own time (of its main clause: not "…, who stormed towns on
    # Saturday"), or without frames the date stated in it
    previous = frame.previous if frame is not None else stated.get(sentence - 1)
    if previous is not None and trigger.tag_ in ("VBD", "VBN") and not future:
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


def _date_named_events(events: list[Event], triggers: list[Token]) -> list[Event]:
    """A noun event with no time of its own ("Armenia's recall of its ambassador has put a
    spotlight on …") takes the stated date of the same event told elsewhere in the article
    ("Yerevan recalled the envoy on Thursday"): same CAMEO code, same countries on each side.
    Only a definite or possessed singular noun names one known event; "strikes" may be many."""
    out = list(events)
    for i, (event, trigger) in enumerate(zip(events, triggers, strict=True)):
        if event.when.basis != "publication" or not _names_one_event(trigger):
            continue
        told = [
            other
            for other in events
            if other.when.basis in ("stated", "reference")
            and other.when.date is not None
            and other.cameo == event.cameo
            and _countries(other) == _countries(event)
            and None not in _countries(event)
        ]
        if told:
            same = min(told, key=lambda o: abs(o.sentence_index - event.sentence_index))
            note = f"dated like the same event in sentence {same.sentence_index}"
            w = same.when
            when = EventDate(w.date, w.precision, "inferred", w.text, note, w.reference)
            out[i] = event.with_(when=when)
    return out


def _names_one_event(trigger: Token) -> bool:
    return trigger.tag_ == "NN" and any(
        c.dep_ == "poss" or c.lower_ in ("the", "this", "that") for c in trigger.children
    )


def _countries(event: Event) -> tuple[str | None, str | None]:
    return (
        event.source.country if event.source is not None else None,
        event.target.country if event.target is not None else None,
    )


def _publication_date(pub: dt.date | None) -> EventDate:
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


@dataclass(frozen=True)
class Dating:
    """What dating one document's events shares, found once per document: its parse, its
    publication date, the dates stated so far (sentence index -> date, filled in by the
    caller as events are dated), how often the article names each country (to settle bare
    reference names such as "the revolution"), and the token indexes of its event triggers
    (a noun event owns the time of its noun phrase)."""

    doc: Doc
    pub: dt.date | None
    stated: dict[int, EventDate]
    countries: Counter[str]
    events: frozenset[int]


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
        pub = document.published
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
        dating = Dating(doc, pub, stated, countries, events)
        for event, trigger in document.coded():
            index = event.sentence_index
            when = self._date(
                dating,
                trigger,
                index,
                frames[index] if 0 <= index < len(frames) else None,
                expressed=event.cameo_root in EXPRESSED_ROOTS,
            )
            if when.basis in ("stated", "reference") and when.date is not None:
                stated[event.sentence_index] = when
            out.append(event.with_(when=when))
        out = _date_named_events(out, document.triggers)
        document.events = [
            e.with_(historical=is_historical(e.when, pub, self.historical)) for e in out
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
        expressed: bool = False,
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
        of its own by the latest earlier date in the article."""
        dating = Dating(doc, pub, stated, countries if countries is not None else Counter(), events)
        return self._date(dating, trigger, sentence, frame, expressed=expressed)

    def _date(
        self,
        d: Dating,
        trigger: Token,
        sentence: int,
        frame: Frame | None,
        *,
        expressed: bool = False,
    ) -> EventDate:
        """:meth:`date_for` within one document's :class:`Dating`."""
        future = is_future_locally(trigger) or _future_governed(trigger)
        within = frame.inherited if frame is not None else None
        speaker = expressing_clause(trigger) if expressed else None
        if speaker is not None:
            # "Erdogan said on Saturday that Turkey would launch an operation": the threat is
            # Saturday's, whenever the operation may come
            return self._date(d, speaker, sentence, frame)
        found = self._governing(d, trigger, sentence, within)
        if found is None:
            found = self._interval_date(d, trigger, sentence, frame)
        background = background_clause(trigger) if found is None else None
        if background is not None:
            # a date of the background clause itself first ("after Minsk forced a jet to land
            # on Sunday and arrested a journalist"), then the latest earlier date
            found = self._linked_date(d, trigger, sentence, future, within, inside=background)
            if found is None:
                found = self._background_date(d, background.head, sentence, frame)
        if found is None:
            found = self._linked_date(d, trigger, sentence, future, within)
        if found is None:
            found = _carried_date(trigger, d.stated, sentence, frame, future=future)
        return found if found is not None else _publication_date(d.pub)

    def _interval_date(
        self, d: Dating, trigger: Token, sentence: int, frame: Frame | None
    ) -> EventDate | None:
        """The date of an event in an "N days after …" clause: the main predicate's date,
        moved back by N days ("The march came two days after gunmen overran the town")."""
        found = offset_clause(trigger)
        if found is None:
            return None
        text, main = found
        # the clause is N days before the main predicate when it follows "after"
        amount, _, mark = text.rpartition(" ")
        amount = APPROXIMATE.sub("", amount)  # "little more than a week after": a week
        offset = relative_offset(f"{amount} {'earlier' if mark == 'after' else 'later'}")
        if offset is None:
            return None
        base = self._date(d, main, sentence, frame)
        if base.date is None:
            return None
        precision = "month" if offset[1] else base.precision
        return EventDate(shift(base.date, offset), precision, "inferred", text, base.note)

    def _background_date(
        self, d: Dating, main: Token, sentence: int, frame: Frame | None
    ) -> EventDate | None:
        """The date of an event in a background clause with no time of its own: the latest
        earlier time in the article (``engine/background.py``), else ``None``."""
        base = self._date(d, main, sentence, frame)
        return latest_earlier(self._article_dates(d.doc, d.pub, d.countries), base, self.historical)

    def _article_dates(
        self, doc: Doc, pub: dt.date | None, countries: Counter[str]
    ) -> list[EventDate]:
        """Every time the article states, resolved on its own (relative offsets left out)."""
        memo: dict[dt.date | None, list[EventDate]] = doc.user_data.setdefault(
            "casus.article_dates", {}
        )
        if pub in memo:
            return memo[pub]
        out = []
        for sent in doc.sents:
            for _s, _e, text, _anchor_token, ref in self._anchors(doc, sent.root, pub, countries):
                if ref is None and relative_offset(text) is not None:
                    continue
                found = ref or self._resolve(text, pub, False, {}, 0)
                if found.date is not None:
                    out.append(found)
        memo[pub] = out
        return out

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
        anchors = self._dating_anchors(d, trigger)
        for pred in linked_predicates(trigger):
            if inside is not None and pred.i != inside.i and not is_below(pred, inside):
                continue
            for item in anchors:
                _s, _e, text, _anchor, ref = item
                if self._attaches(d, item, pred, anchors):
                    found = ref or self._resolve(text, d.pub, future, d.stated, sentence, within)
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

    def _dating_anchors(self, d: Dating, trigger: Token) -> list[_Anchor]:
        """The sentence's temporal expressions that may date ``trigger``: not a year inside
        a name."""
        anchors = self._anchors(d.doc, trigger, d.pub, d.countries)
        if not anchors:
            return anchors
        candidates = with_light_verb(trigger, d.events)
        return [a for a in anchors if not modifies_a_name(a[3], candidates)]

    def _attaches(
        self,
        d: Dating,
        item: _Anchor,
        pred: Token,
        anchors: list[_Anchor],
        *,
        loose: bool = False,
    ) -> bool:
        """Whether an expression dates ``pred``: it governs it, and no noun event below
        ``pred`` owns it ("Tehran criticised Bayramov's visit last week": the visit's)."""
        owner = self._owner(d, item, anchors)
        if owner is not None and owner.i == pred.i:
            return True
        if owner is not None and not is_below(pred, owner) and not is_setting(owner, pred):
            return False
        return governed_by(item[3], pred, loose=loose)

    def _owner(self, d: Dating, item: _Anchor, anchors: list[_Anchor]) -> Token | None:
        """The noun event that owns an expression (``owning_noun``), if any."""
        doc, events = d.doc, d.events
        # the same for every expression of the document: found once, kept with the Doc
        memo: dict[frozenset[int], frozenset[int]] = doc.user_data.setdefault(
            "casus.noun_events", {}
        )
        nouns = memo.get(events)
        if nouns is None:
            nouns = memo[events] = frozenset(i for i in events if doc[i].pos_ == "NOUN")
        if not nouns:
            return None
        start, end, text, anchor, ref = item
        verb = clause_verb(anchor)
        other = verb is not None and any(
            (a[1] <= start or a[0] >= end) and governed_by(a[3], verb) for a in anchors
        )
        coarse = (ref or self._resolve(text, d.pub, False, {}, 0)).precision in COARSE
        return owning_noun(
            _covering(doc, start, end), nouns, coarse=coarse, clause_has_other_time=other
        )

    def _anchors(
        self, doc: Doc, trigger: Token, pub: dt.date | None, countries: Counter[str]
    ) -> list[_Anchor]:
        """The sentence's temporal expressions with their root tokens; a reference-event
        phrase comes with its date, and the dates inside it ("since the 1979 revolution")
        are dropped."""
        sent = sentence_of(trigger)
        # found once per sentence, kept with the Doc itself (never on the stage, which every
        # document and thread shares)
        memo: dict[tuple[int, dt.date | None], list[_Anchor]] = doc.user_data.setdefault(
            "casus.date_anchors", {}
        )
        key = (sent.start, pub)
        cached = memo.get(key)
        if cached is not None:
            return list(cached)
        refs = [
            r
            for r in (
                self.references.find(sentence_text(sent), sent.start_char, pub, countries)
                if self.references is not None
                else []
            )
            # an unresolved name keeps the year inside it as a date; a name that modifies a
            # noun is no reference: "took part in the war games"
            if r.when is not None and not _modifies_next(doc, r.start, r.end)
        ]
        out: list[_Anchor] = [
            (s, e, text, _anchor(doc, s, e), None)
            for s, e, text in _date_spans(sent)
            if not any(r.start <= s < r.end for r in refs)
        ]
        out += [(r.start, r.end, r.text, _anchor(doc, r.start, r.end), r.when) for r in refs]
        memo[key] = out
        return list(out)

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
        for start, _e, text, _anchor_token, ref in self._anchors(doc, sent.root, pub, countries):
            # the sentence's own text: doc.text would rebuild the whole document per call
            written = sentence_text(sent)
            before = written[: start - sent.start_char].rsplit("\n", 1)[-1].strip().lower()
            if before not in ("", "in", "on", "at", "by", "during", "since", "from", "after"):
                continue
            found = ref or self._resolve(text, pub, False, {}, index, within)
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
        anchors = self._dating_anchors(d, trigger)
        if not anchors:  # most sentences state no time
            return None
        future = is_future_locally(trigger) or _future_governed(trigger)
        candidates = with_light_verb(trigger, d.events)
        for loose in (False, True):
            for pred in candidates:
                for item in anchors:
                    _s, _e, text, _anchor, ref = item
                    if not self._attaches(d, item, pred, anchors, loose=loose):
                        continue
                    if ref is not None:
                        return ref
                    before = self._stated_before(item, anchors, d.pub, d.stated, sentence)
                    found = self._resolve(text, d.pub, future, before, sentence, within)
                    if (
                        found.date is None
                        and d.pub is not None
                        and not UNRESOLVABLE.match(text.strip())
                    ):
                        continue  # a duration ("a one-year state of emergency"), no date
                    return found
        return None

    def _stated_before(
        self,
        item: _Anchor,
        anchors: list[_Anchor],
        pub: dt.date | None,
        stated: dict[int, EventDate],
        sentence: int,
    ) -> dict[int, EventDate]:
        """``stated`` with the last date written before a relative offset in its own
        sentence: "announced on February 10; the next day the minister told Parliament …"
        counts from February 10 even when the announcement is not an event."""
        if relative_offset(item[2]) is None:
            return stated
        for _s, _e, text, _anchor, ref in sorted(
            (a for a in anchors if a[1] <= item[0]), key=lambda a: a[0], reverse=True
        ):
            if relative_offset(text) is not None:
                continue
            found = ref or self._resolve(text, pub, False, {}, sentence)
            if found.date is not None:
                return {**stated, sentence: found}
        return stated

    def _resolve(
        self,
        text: str,
        pub: dt.date | None,
        future: bool,
        stated: dict[int, EventDate],
        sentence: int,
        within: EventDate | None = None,
    ) -> EventDate:
        if UNRESOLVABLE.match(text.strip()):
            return EventDate(None, "unknown", "stated", text, "expression names no datable time")
        offset = relative_offset(text)
        if offset is not None:
            earlier = [stated[k] for k in sorted(stated) if k <= sentence]
            if earlier and earlier[-1].date is not None:
                base = earlier[-1]
                moved = shift(base.date, offset)  # type: ignore[arg-type]
                precision = "month" if offset[1] else base.precision
                return EventDate(moved, precision, "inferred", text)
            if pub is not None:
                return EventDate(pub, "day", "publication", text)
        if within is not None and within.date is not None and lacks_year(text):
            # "In 1992, Israel sold arms to Baku. In May, …": May 1992, not this May
            pub = dt.date(within.date.year, 12, 31)
        found = resolve_expression(text, pub, future=future)
        if found is None and "," in text:
            found = resolve_expression(text.split(",", 1)[0], pub, future=future)
        if found is None and re.search(r"\d", text):
            found = parse_with_dateparser(text, pub)
        if found is None:
            note = (
                "no publication date to resolve it against"
                if pub is None
                else "expression names no resolvable time"
            )
            return EventDate(None, "unknown", "stated", text, note)
        return EventDate(found[0], found[1], "stated", text)

"""The temporal expressions of a sentence: spaCy's DATE and TIME entities, joined where spaCy
cuts a part-of phrase from its time ("the eve of" + "Sunday"), plus the phrases spaCy misses
("two days later", "hours later", "in recent days"). The date stage (``stages/dates.py``)
decides which event each one dates and resolves it (``engine/temporal.py``)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from casus.engine.folded import fold, folded
from casus.engine.sentences import entities, sentence_text, sentences
from casus.engine.temporal import WITHIN

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Every phrase begins with a word character: the look-ahead lets the scan skip the rest.
EXTRA_TIME = re.compile(
    r"(?=\w)\b((?:in|over|during) (?:the )?(?:past|last|recent) (?:few |several |two |three )?"
    r"(?:days|weeks|months|years)|in recent (?:days|weeks|months|years)|"
    r"(?:the )?(?:next|following|same) day|(?:(?:a few|a couple of|several|some|\d+|two|three|"
    r"four|five|six|seven|eight|nine|ten) )?(?:days|weeks|months) later|"
    r"(?:last|this) (?:morning|afternoon|evening|night)|yesterday|today|tonight|overnight|"
    r"(?:on )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?: (?:morning|afternoon|evening|night))?|(?:many |several |some )?(?:years|decades) ago|"
    r"in the past|long ago|(?:hours|minutes|moments) (?:later|earlier)|"
    r"(?:later|earlier) (?:that|in the) day|that (?:morning|evening|night)|"
    r"(?:late|early|later|earlier) in the (?:morning|afternoon|evening|night)|"
    r"(?:the )?(?:next|following) (?:morning|evening|night))\b",
    re.IGNORECASE,
)
_EXTRA_TIME_FOLDED = folded(EXTRA_TIME)  # for an ASCII sentence in lower case
# A stamp's full date ("20 July 2019", "April 2, 2025") or clock time ("14:05").
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
STAMP = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\s+\d{{4}}|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|"
    r"\d{1,2}:\d{2})\b",
    re.IGNORECASE,
)
# What a sentence of running text ends with (a headline or a stamp does not).
STOPS = (".", "!", "?", '"', "\u201d")
# A stamp line stands among the first lines of the article, above its running text.
STAMP_LINES = 3
STAMP_REACH = 300
# Every phrase EXTRA_TIME finds contains one of these words (in lower case): an ASCII sentence
# without any of them is not scanned (most sentences state no such time).
EXTRA_TIME_WORDS = (
    "day",  # days, today, yesterday, Monday ... Sunday
    "week",
    "month",
    "year",
    "decade",
    "morning",
    "afternoon",
    "evening",
    "night",  # tonight, overnight
    "past",
    "ago",
    "later",
    "earlier",
)


def date_spans(sent: Span) -> list[tuple[int, int, str]]:
    """(start char, end char, text) of the sentence's temporal expressions: spaCy DATE and
    TIME entities plus the span phrases spaCy misses; none in a stamp line
    (``stamp_line``)."""
    if stamp_line(sent):
        return []
    spans = _joined([(e.start_char, e.end_char, e.text) for e in _entities(sent, ("DATE", "TIME"))])
    spans = _cut_stretch(spans)
    spans = _cut_owner(spans)
    spans = _counted_on(spans, sentence_text(sent), sent.start_char)
    spans = _within(spans, sentence_text(sent), sent.start_char)
    spans = _later_in(spans, sentence_text(sent), sent.start_char)
    written = sentence_text(sent)
    for m in _extra_times(written):
        start = sent.start_char + m.start()
        if not any(s <= start < e for s, e, _ in spans):  # the phrase as written
            spans.append((start, sent.start_char + m.end(), written[m.start() : m.end()]))
    spans = [s for s in spans if not _part_of_dated_day(s, written, sent.start_char)]
    return _named_night(spans, sentence_text(sent), sent.start_char)


# A part of a day with no day of its own, an offset from the day told before
# (temporal.SAME_DAY), unless an "of" phrase gives its day.
PART_OF_DAY = re.compile(
    r"(?:late|early|later|earlier) in the (?:morning|afternoon|evening|night)", re.IGNORECASE
)
OF_DAY = re.compile(r"\s+of\s", re.IGNORECASE)


def _part_of_dated_day(span: tuple[int, int, str], written: str, offset: int) -> bool:
    """Whether a span is a part of a day whose "of" phrase dates it: "**Late in the evening**
    of 3 July, soldiers raided the camp" is 3 July's (the date after "of" is a span of its
    own), not the day told before."""
    start, end, text = span
    return (
        PART_OF_DAY.fullmatch(text) is not None and OF_DAY.match(written, end - offset) is not None
    )


def stamp_line(sent: Span) -> bool:
    """Whether a sentence is a line above the article's running text that stamps it with
    the day it was issued or updated: "Updated 14:05, Saturday 20 July 2019", "The Asia
    Briefing - Wednesday, April 2, 2025", "Wednesday 7 May 2025" (a full date or a clock
    time, no closing stop, only such lines above it). It tells the time of no act: a lead
    or an act told further down is not dated by it."""
    text = sentence_text(sent).rstrip()
    if sent.start_char > STAMP_REACH or text.endswith(STOPS) or not STAMP.search(text):
        return False
    for number, other in enumerate(sentences(sent.doc)):
        if other.start >= sent.start:
            return True
        if number >= STAMP_LINES or sentence_text(other).rstrip().endswith(STOPS):
            return False
    return True


def _extra_times(written: str) -> Iterator[re.Match[str]]:
    """The matches of :data:`EXTRA_TIME` in a sentence (none without one of its words); the
    matches of an ASCII sentence are of its lower case (the same offsets)."""
    lowered = fold(written)  # str.lower folds ASCII as the regular expression's IGNORECASE does
    if lowered is None:
        return EXTRA_TIME.finditer(written)
    if not any(word in lowered for word in EXTRA_TIME_WORDS):
        return iter(())
    return _EXTRA_TIME_FOLDED.finditer(lowered)


def _named_night(
    spans: list[tuple[int, int, str]], written: str, offset: int
) -> list[tuple[int, int, str]]:
    """Spans without an "overnight" whose night the next span names: "attacked the port
    **overnight on Thursday**" is Thursday's, not the night before publication."""
    out = []
    for start, end, text in spans:
        named = text.lower() == "overnight" and any(
            written[end - offset : s - offset].strip().lower() in ("", "on", "into", "to")
            for s, _e, _t in spans
            if s > end
        )
        if not named:
            out.append((start, end, text))
    return out


# One day's time run on by spaCy into another day's owner: "counting the cost on **Monday of
# Saturday's** strikes" is Monday (the counting) and Saturday (the strikes).
_DAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday)"
OWNER_OF = re.compile(
    rf"({_DAY}(?: (?:morning|afternoon|evening|night))?) of ({_DAY}(?:['\u2019]s?)?)"
)


def _cut_owner(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Spans of one day "of" another day's noun cut in two (``OWNER_OF``): the second is
    the time of the noun it owns, not a part of the first ("the eve of Sunday's vote"
    is kept whole: "the eve" is no day)."""
    out = []
    for start, end, text in spans:
        m = OWNER_OF.fullmatch(text.lower())
        if m is None:
            out.append((start, end, text))
            continue
        out.append((start, start + m.end(1), text[: m.end(1)]))
        out.append((start + m.start(2), end, text[m.start(2) :]))
    return out


# The words before a period that spaCy leaves out of it: "earlier in" + "the week".
LATER_IN = re.compile(r"\b(?:later|earlier) in\s+$", re.IGNORECASE)


def _later_in(
    spans: list[tuple[int, int, str]], written: str, offset: int
) -> list[tuple[int, int, str]]:
    """Spans of "the week", "the month" or "the year" joined to the "earlier in" or "later
    in" before them: "air strikes on Kabul **earlier in the week**" is a period of the day
    the story is at (``temporal.that_period``), not the bare week."""
    out = []
    for start, end, text in spans:
        before = LATER_IN.search(written, 0, start - offset)
        if before is not None and text.lower() in ("the week", "the month", "the year"):
            start, text = offset + before.start(), written[before.start() : end - offset]
        out.append((start, end, text))
    return out


# An amount of hours that spaCy cuts from the word that makes it an offset: "Less than 48 hours"
# + "later".
HOURS_THEN = re.compile(r"\s+(later|afterwards|afterward|earlier)\b", re.IGNORECASE)
# "before" or "after" with no object of its own, which spaCy cuts from "the day" it makes an
# offset: "**The day before**, Poland had placed Gazprom on a sanctions list" (not "the day
# before the vote", which counts from the vote).
DAY_THEN = re.compile(r"\s+(before|after)(?=\s*(?:[,.;:!?)]|$))", re.IGNORECASE)
BARE_DAYS = frozenset({"the day", "a day"})


def _counted_on(
    spans: list[tuple[int, int, str]], written: str, offset: int
) -> list[tuple[int, int, str]]:
    """Spans of hours joined to the "later" after them, and a bare day to the "before" or
    "after" with no object after it, so that they count from the time told before: "On
    Thursday night the council voted. **Less than 48 hours later**, jets struck"."""
    out = []
    for start, end, text in spans:
        then = HOURS_THEN.match(written, end - offset)
        if then is not None and text.lower().endswith(("hours", "hour")):
            end, text = end + then.end() - then.start(), text + " " + then.group(1)
        then = DAY_THEN.match(written, end - offset)
        if then is not None and text.lower() in BARE_DAYS:
            end, text = end + then.end() - then.start(), text + " " + then.group(1)
        out.append((start, end, text))
    return out


# "within" before a stretch, and "of" after one: "within hours **of** the vote" counts from
# the vote, not from the time told before it.
WITHIN_BEFORE = re.compile(r"\bwithin\s+$", re.IGNORECASE)
OF_AFTER = re.compile(r"\s+of\b", re.IGNORECASE)


def _within(
    spans: list[tuple[int, int, str]], written: str, offset: int
) -> list[tuple[int, int, str]]:
    """Spans of a stretch joined to the "within" before them, so that they count from the
    time told before: "Algeria shot down a drone on March 31. **Within a week**, Mali
    recalled its ambassador" (``temporal.WITHIN``). Not "within hours **of** the vote",
    whose stretch counts from a time the text may not tell: that one is a duration, as
    before (no date)."""
    out = []
    for start, end, text in spans:
        before = WITHIN_BEFORE.search(written[: start - offset])
        joined = text if before is None else written[before.start() : end - offset]
        if WITHIN.fullmatch(joined.lower()):
            if OF_AFTER.match(written, end - offset):
                if before is None:  # spaCy's own "within hours" span: the stretch alone
                    start, text = start + len("within "), text[len("within ") :]
            elif before is not None:
                start, text = offset + before.start(), joined
        out.append((start, end, text))
    return out


# A time that spaCy runs on into the stretch of a background phrase after it: "in **January
# after months** of tension", "on **Monday after weeks** of protests".
STRETCH_AFTER = re.compile(
    r"\s+(?:after|since|following|amid)\s+(?P<stretch>(?:(?:a few|several|many|some|\d+|two|"
    r"three|four|five|six|seven|eight|nine|ten)\s+)?(?:hours|days|weeks|months|years|decades))$",
    re.IGNORECASE,
)


def _cut_stretch(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Entities cut before a stretch that spaCy joins to them: the time dates the act, the
    stretch does not (it stays a span of its own, as spaCy gives it when it does not join
    them: a duration of the background): "The juntas left ECOWAS **in January** after
    months of tension" is January's, not the publication day's."""
    out: list[tuple[int, int, str]] = []
    for start, end, text in spans:
        cut = STRETCH_AFTER.search(text)
        if cut is None or cut.start() == 0:
            out.append((start, end, text))
            continue
        out.append((start, start + cut.start(), text[: cut.start()]))
        out.append((start + cut.start("stretch"), end, cut.group("stretch")))
    return out


def _joined(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Entities with a part-of phrase joined to the time it is part of: spaCy reads "the eve
    of Sunday's vote" as "the eve of" and "Sunday"."""
    out: list[tuple[int, int, str]] = []
    for start, end, text in spans:
        if out and out[-1][2].lower().endswith(" of") and 0 < start - out[-1][1] <= 1:
            first = out.pop()
            start, text = first[0], f"{first[2]} {text}"
        out.append((start, end, text))
    return out


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
        found = memo[labels] = [(e.start, e.end) for e in entities(doc) if e.label_ in labels]
    first = bisect.bisect_left(found, (sent.start, 0))
    out: list[Span] = []
    for start, end in found[first:]:
        if start >= sent.end:
            break
        out.append(doc[start : min(end, sent.end)])
    return out


def covering(doc: Doc, start: int, end: int) -> Span:
    """The tokens that cover these character offsets (found in this document's text)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        raise ValueError(f"no tokens at characters {start}-{end}")
    return span


def anchor_token(doc: Doc, start: int, end: int) -> Token:
    """The root token of the expression at these character offsets."""
    return covering(doc, start, end).root


def modifies_next(doc: Doc, start: int, end: int) -> bool:
    """Whether the phrase at these offsets modifies the word after it ("the war games")."""
    last = covering(doc, start, end)[-1]
    return bool(last.dep_ in ("compound", "amod", "nmod") and last.head.i > last.i)

"""The narrative frame of each sentence of an article: :func:`narrative_frames` carries a past
date over the following sentences that state no time of their own, until the text returns to
the present; undated events inherit it (``stages/dates.py``). The rules are in
docs/dates.md."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from casus.dates import period_end
from casus.engine.date_attachment import past_perfect
from casus.engine.folded import fold, folded
from casus.engine.sentences import (
    column,
    document_text,
    lemmas,
    sentence_text,
    sentences,
    symbol_ids,
)
from casus.model import EventDate
from casus.ontology.words import word_list

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from casus.model import Mention

# Words that say the text is back in the present ("now it is the biggest buyer").
PRESENT_MARKERS = re.compile(
    r"\b(now|nowadays|these days|currently|at present|presently|recently|lately|today|"
    r"this (?:week|month|year)|in recent (?:days|weeks|months)|(?:over |in )?the (?:past|last)"
    r" (?:few |several |two |three )?(?:days|weeks))\b",
    re.IGNORECASE,
)
_PRESENT_FOLDED = folded(PRESENT_MARKERS)  # for an ASCII sentence in lower case
REPORTING = word_list("narrative_reporting_verbs")
PRESENT_TAGS = ("VBZ", "VBP")
# Subordinators of a temporal clause ("while" and "since" often mean "whereas", "because").
TIME_MARKERS = frozenset({"as", "when", "after", "before", "once", "until"})
# Openings by which a new paragraph carries the story on ("However, very soon, it became …").
CONTINUATIONS = re.compile(
    r"^\W*(however|then|later|soon|very soon|afterwards|subsequently|but|meanwhile|at the time|"
    r"at that time|back then|by then|that year|the (?:following|next) year|in the following)\b",
    re.IGNORECASE,
)


# ---- the narrative frame -------------------------------------------------------------------


def clause_tense(token: Token) -> str | None:
    """``past``, ``present`` or ``future`` of the finite clause around ``token`` (climbing
    from a participle or noun to its verb); ``None`` when there is none."""
    t = token
    for _ in range(8):
        if t.pos_ in ("VERB", "AUX"):
            auxes = [c for c in t.children if c.dep_ in ("aux", "auxpass")]
            tags = [a.tag_ for a in auxes] + [t.tag_]
            if any(a.lemma_.lower() in ("will", "shall") for a in auxes):
                return "future"
            if any(a.lemma_.lower() == "have" and a.tag_ in ("VBZ", "VBP") for a in auxes):
                return "present"
            if "VBD" in tags:
                return "past"
            if "VBZ" in tags or "VBP" in tags:
                return "present"
            if "MD" in tags:
                return None
        if t.head.i == t.i:
            return None
        t = t.head
    return None


def returns_to_present(sent: Span, *, earlier: bool = True) -> bool:
    """Whether a sentence brings the text back to the present: "now", "these days",
    "recently"…, a present-tense main clause, or a present-tense reporting verb. With
    ``earlier=False``, "earlier this week/month/year" does not count: it names a past time,
    and a clause it dates may be a report's aside ("Its foreign ministry said a conference
    **earlier this month** had only presented seismic data, and it urged Nairobi …")."""
    written = sentence_text(sent)
    lowered = fold(written)  # the same offsets: "earlier this" is read in lower case anyway
    found = (
        PRESENT_MARKERS.finditer(written) if lowered is None else _PRESENT_FOLDED.finditer(lowered)
    )
    if any(earlier or not _earlier_this(m) for m in found):
        return True
    root = sent.root
    if clause_tense(root) == "present":
        return True
    # the tag first: it rules out most tokens without reading their lemma (the Doc's
    # columns: no Token per word)
    doc = sent.doc
    tags, words, present = column(doc, "TAG"), lemmas(doc), symbol_ids(doc, PRESENT_TAGS)
    return any(tags[i] in present and words[i] in REPORTING for i in range(sent.start, sent.end))


def _earlier_this(marker: re.Match[str]) -> bool:
    return marker.group(0).lower().startswith("this ") and marker.string[
        : marker.start()
    ].lower().endswith("earlier ")


def ends_in_present(sent: Span) -> bool:
    """Whether the last main clause of a sentence is in the present: "China delivered masks
    on Saturday, and it **has dispatched** a team of experts" ends back in the present, so
    the next sentence is not carried to Saturday."""
    last = sent.root
    for _ in range(8):
        conjuncts = [c for c in last.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
        if not conjuncts:
            break
        last = conjuncts[-1]
    return last.i != sent.root.i and clause_tense(last) == "present"


def has_time_clause(sent: Span) -> bool:
    """Whether the main verb has a fronted temporal clause ("As the leaders met in
    Washington, two rockets were fired"): the sentence sets its own time, and the previous
    sentence's date is not carried into it."""
    return any(
        c.dep_ == "advcl"
        and c.i < sent.root.i  # fronted: "…, while Bahrain signed" is a contrast, no time
        and any(m.dep_ == "mark" and m.lower_ in TIME_MARKERS for m in c.children)
        for c in sent.root.children
    )


def new_paragraph(doc: Doc, sent: Span) -> bool:
    # the characters just before the sentence, from the tokens before it (doc.text would
    # rebuild the whole document for every sentence)
    if sent.start > 0:
        before = document_text(doc)[doc[max(0, sent.start - 2)].idx : doc[sent.start].idx]
        if "\n" in before[-3:]:
            return True
    return sentence_text(sent).lstrip().startswith("\n")


@dataclass(frozen=True, slots=True)
class Frame:
    """The time a sentence is set in: its own (a governing expression of its main verb) and
    the one it inherits from the sentences before it."""

    own: EventDate | None
    inherited: EventDate | None
    previous: EventDate | None = None  # the previous sentence's own time
    # whether the sentence's main clause is in the past perfect: its time is anterior to the
    # story's, and dates only acts told in the past perfect too
    perfect: bool = False
    previous_perfect: bool = False  # the same, of the previous sentence


def narrative_frames(
    doc: Doc,
    own_date: Callable[[Span, int, EventDate | None], EventDate | None],
    is_historical: Callable[[EventDate], bool],
    *,
    last: int | None = None,
) -> list[Frame]:
    """The frame of each sentence. A historical date stated for a sentence's main verb sets
    the frame; it lasts until a sentence returns to the present, a recent date is stated, or
    a paragraph opens without carrying the story on ("However, …", "Then …").
    ``own_date(sentence, index, frame)`` gives a sentence's own time, read within the
    frame in force (a month without a year falls in the frame's year). With ``last``, only
    the frames up to that sentence index (a frame depends on the sentences before it only:
    those after the last event need none)."""
    frames: list[Frame] = []
    current: EventDate | None = None
    previous: EventDate | None = None
    previous_perfect = False
    for index, sent in enumerate(sentences(doc)):
        if last is not None and index > last:
            break
        # the tests below only end a frame or a carried time: neither is asked when there
        # is none (most sentences of most articles), the cheapest first
        if current is not None and new_paragraph(doc, sent) and not _carries_on(sent):
            current = None
        present = (current is not None or previous is not None) and returns_to_present(sent)
        if current is not None and present:
            current = None
        own = own_date(sent, index, current)
        # the previous sentence's time is carried past an "earlier this month" aside
        carried = previous
        if carried is not None and (
            has_time_clause(sent) or present and returns_to_present(sent, earlier=False)
        ):
            carried = None
        if carried is not None and carried.precision != "day" and new_paragraph(doc, sent):
            # "Washington sanctioned him in late December.\n\nOpposition leaders called …":
            # a paragraph goes back to the story, unless the time before it was a day
            carried = None
        perfect = past_perfect(sent.root)
        frames.append(Frame(own, current, carried, perfect, previous_perfect))
        dated = own is not None and own.date is not None
        # "He has been confined to his house since early August." runs up to now: the next
        # sentence is neither carried back to August nor framed in it
        since = own is not None and f"since {own.text}".lower() in sentence_text(sent).lower()
        previous = own if dated and not ends_in_present(sent) and not since else None
        previous_perfect = perfect
        if own is not None and own.date is not None and not perfect:
            # "Mali expelled the ambassador on Monday. In 2022, Paris had withdrawn its
            # troops. The junta accused France …": a past perfect aside sets no frame
            current = own if is_historical(own) and not since else None
    return frames


def _carries_on(sent: Span) -> bool:
    """Whether a sentence opens by carrying the story on in the past ("Then …")."""
    return bool(CONTINUATIONS.match(sentence_text(sent))) and clause_tense(sent.root) == "past"


def framed_date(frame: EventDate, trigger: Token) -> EventDate | None:
    """The frame's date for an event of a past-tense clause; the basis is ``inferred`` and the
    reference (if any) is kept."""
    if frame.date is None or clause_tense(trigger) != "past":
        return None
    return EventDate(
        frame.date, frame.precision, "inferred", frame.text, frame.note, frame.reference
    )


def article_countries(mentions: Iterable[Mention]) -> Counter[str]:
    """How often each country is mentioned in the article (by its actors)."""
    out: Counter[str] = Counter()
    for mention in mentions:
        country = getattr(mention.actor, "country", None)
        if country and country != "---":
            out[country] += 1
    return out


def is_historical(when: EventDate, pub: dt.date | None, days: dt.timedelta) -> bool:
    """Whether a date's period ends more than ``days`` before publication."""
    if when.date is None or pub is None:
        return False
    return period_end(when.date, when.precision) < pub - days

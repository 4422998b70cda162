"""The per-document dating context and the temporal expressions that may date an event.

:class:`Dating` is what dating one document's events shares (stages/dates.py builds it once
per document). The functions find a sentence's temporal expressions with their root tokens,
a reference-event phrase with its date (:func:`sentence_anchors`), every time an article
states (:func:`article_dates`), and whether an expression dates a predicate (:func:`attaches`:
it governs it, and no noun event below the predicate owns it). What they find is kept with
the Doc (``user_data``), never on the stage, which every document and thread shares.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeAlias

from casus.engine import news_time
from casus.engine.date_attachment import (
    COARSE,
    clause_verb,
    governed_by,
    is_below,
    is_setting,
    modifies_a_name,
    owning_noun,
    with_light_verb,
)
from casus.engine.narrative import Frame
from casus.engine.sentences import sentence_of, sentence_text, sentences
from casus.engine.stated_dates import resolve_stated
from casus.engine.temporal import counts_from_before
from casus.engine.time_spans import anchor_token, covering, date_spans, modifies_next
from casus.model import EventDate
from casus.ontology.lexicon import load_lexicon
from casus.ontology.words import word_list

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from casus.engine.reference_time import ReferenceResolver

# Tags of a verb in the simple present ("condemns", "welcome").
PRESENT_TAGS = frozenset({"VBZ", "VBP"})
# A market's reading at a time, no act: "well above Tuesday's close".
READING_NOUNS = word_list("reading_nouns")
# Reactions, whose object act happened before them (a subset of presupposing_verbs).
REACTION_VERBS = frozenset(
    {"condemn", "denounce", "deplore", "criticise", "criticize", "decry", "welcome", "praise"}
    | {"hail", "applaud", "blame", "mourn", "protest"}
)
# A temporal expression of a sentence: character start and end, its text, its root token, and
# the date of a reference-event phrase ("since the 1979 revolution"), else None.
Anchor: TypeAlias = "tuple[int, int, str, Token, EventDate | None]"


@dataclass(frozen=True)
class Dating:
    """What dating one document's events shares, found once per document: its parse, its
    publication date, the dates stated so far (sentence index -> date, filled in by the
    caller as events are dated), how often the article names each country (to settle bare
    reference names such as "the revolution"), and the token indexes of its event triggers
    (a noun event owns the time of its noun phrase), and the narrative frame of each
    sentence, when known (an "N days after" clause cut off from its main clause by the
    parser is dated from the sentence before), and the lead's day given to the undated acts
    that carry the story on (sentence index -> date), which a later "the same day" may count
    from."""

    doc: Doc
    pub: dt.date | None
    stated: dict[int, EventDate]
    countries: Counter[str]
    events: frozenset[int]
    frames: tuple[Frame, ...] = ()
    story: dict[int, EventDate] = field(default_factory=dict)


def sentence_anchors(
    doc: Doc,
    trigger: Token,
    pub: dt.date | None,
    countries: Counter[str],
    references: ReferenceResolver | None,
) -> list[Anchor]:
    """The sentence's temporal expressions with their root tokens; a reference-event
    phrase comes with its date, and the dates inside it ("since the 1979 revolution")
    are dropped."""
    sent = sentence_of(trigger)
    # found once per sentence, kept with the Doc itself (never on the stage, which every
    # document and thread shares)
    memo: dict[tuple[int, dt.date | None], list[Anchor]] = doc.user_data.setdefault(
        "casus.date_anchors", {}
    )
    key = (sent.start, pub)
    cached = memo.get(key)
    if cached is not None:
        return list(cached)
    refs = [
        r
        for r in (
            references.find(sentence_text(sent), sent.start_char, pub, countries)
            if references is not None
            else []
        )
        # an unresolved name keeps the year inside it as a date; a name that modifies a
        # noun is no reference: "took part in the war games"
        if r.when is not None and not modifies_next(doc, r.start, r.end)
    ]
    out: list[Anchor] = [
        (s, e, text, anchor_token(doc, s, e), None)
        for s, e, text in date_spans(sent)
        if not any(r.start <= s < r.end for r in refs)
    ]
    out += [(r.start, r.end, r.text, anchor_token(doc, r.start, r.end), r.when) for r in refs]
    memo[key] = out
    return list(out)


def article_dates(
    doc: Doc,
    pub: dt.date | None,
    countries: Counter[str],
    references: ReferenceResolver | None,
) -> list[EventDate]:
    """Every time the article states, resolved on its own (relative offsets and a market
    reading's time, "Tuesday's close", left out)."""
    memo: dict[dt.date | None, list[EventDate]] = doc.user_data.setdefault(
        "casus.article_dates", {}
    )
    if pub in memo:
        return memo[pub]
    out = []
    for sent in sentences(doc):
        for _s, _e, text, token, ref in sentence_anchors(
            doc, sent.root, pub, countries, references
        ):
            if ref is None and (counts_from_before(text) or _reading_time(token)):
                continue
            found = ref or resolve_stated(text, pub, False, {}, 0)
            if found.date is not None:
                out.append(found)
    memo[pub] = out
    return out


def _reacted_acts(doc: Doc) -> frozenset[int]:
    """The act nouns a reaction takes as its object, coded as events or not (no doer named):
    "the two ministers **condemned** the **launch** of ballistic missiles earlier this month"
    (the launch owns its time as a coded noun event would)."""
    lexicon = load_lexicon()
    return frozenset(
        t.i
        for t in doc
        if t.pos_ == "NOUN"
        and t.dep_ == "dobj"
        and t.head.lemma_.lower() in REACTION_VERBS
        and lexicon.has_lemma("noun", t.lemma_.lower())
    )


def _reading_time(token: Token) -> bool:
    """Whether a time is a market reading's own ("prices settled well above **Tuesday's**
    close"): it tells when a price stood, not when an act was done."""
    return token.dep_ == "poss" and token.head.lemma_.lower() in READING_NOUNS


def dating_anchors(d: Dating, trigger: Token, references: ReferenceResolver | None) -> list[Anchor]:
    """The sentence's temporal expressions that may date ``trigger``: not a year inside
    a name."""
    anchors = sentence_anchors(d.doc, trigger, d.pub, d.countries, references)
    if not anchors:
        return anchors
    candidates = with_light_verb(trigger, d.events)
    return [a for a in anchors if not modifies_a_name(a[3], candidates)]


def attaches(
    d: Dating,
    item: Anchor,
    pred: Token,
    anchors: list[Anchor],
    *,
    loose: bool = False,
) -> bool:
    """Whether an expression dates ``pred``: it governs it, and no noun event below
    ``pred`` owns it ("Tehran criticised Bayramov's visit last week": the visit's)."""
    owner = _owner(d, item, anchors)
    if owner is not None and owner.i == pred.i:
        return True
    if news_time.dates_another_noun(item[3], pred):  # "the November 2024 ceasefire"
        return False
    if owner is not None and not is_below(pred, owner) and not is_setting(owner, pred):
        return False
    return governed_by(item[3], pred, loose=loose)


def _owner(d: Dating, item: Anchor, anchors: list[Anchor]) -> Token | None:
    """The noun event that owns an expression (``owning_noun``), if any."""
    doc, events = d.doc, d.events
    # the same for every expression of the document: found once, kept with the Doc
    memo: dict[frozenset[int], frozenset[int]] = doc.user_data.setdefault("casus.noun_events", {})
    nouns = memo.get(events)
    if nouns is None:
        coded = frozenset(i for i in events if doc[i].pos_ == "NOUN")
        nouns = memo[events] = coded | _reacted_acts(doc)
    if not nouns:
        return None
    start, end, text, anchor, ref = item
    verb = clause_verb(anchor)
    other = verb is not None and any(
        (a[1] <= start or a[0] >= end) and governed_by(a[3], verb) for a in anchors
    )
    when = ref or resolve_stated(text, d.pub, False, {}, 0)
    # a past day is no time of a verb in the present: "The coalition **condemns** the
    # government's **deportation yesterday** of 1,086 migrants" (the deportation's)
    past_of_present = (
        verb is not None
        and verb.tag_ in PRESENT_TAGS
        and when.date is not None
        and d.pub is not None
        and when.date < d.pub
    )
    coarse = when.precision in COARSE or past_of_present
    return owning_noun(covering(doc, start, end), nouns, coarse=coarse, clause_has_other_time=other)

"""The pair "the two sides" refers to, set on the resolver before each frame is coded.

The parties of the earlier act a noun of the clause refers back to ("accused both sides of
violating **the truce**" → the truce's two parties), else the two sides of the latest event
nearby whose sides the text names, else the article's main dyad
(docs/actors.md#collective-phrases).
"""

from __future__ import annotations

from itertools import chain
from typing import TYPE_CHECKING

from casus.engine.collectives import COLLECTIVE_HEADS, names_pair
from casus.engine.context import is_country
from casus.engine.focus import FOCUS_SENTENCES
from casus.engine.frames import Frame
from casus.engine.matching import PatternMatcher
from casus.engine.reactions import antecedent
from casus.engine.scope import Scope
from casus.engine.sentences import lemmas, sentence_index, sentence_of
from casus.engine.sides import civil_war
from casus.model import Actor, Event

if TYPE_CHECKING:
    from spacy.tokens import Token

# How a side is found when the text names it (not a pronoun's or a place's guess).
NAMED = frozenset({"dictionary", "person", "metonym"})


def _two_countries(event: Event) -> tuple[Actor, Actor] | None:
    """The event's two sides, when they are a pair "the two sides" can refer to."""
    if event.source is None or event.target is None:
        return None
    return _named_pair(event.source, event.target)


def _named_pair(source: Actor, target: Actor) -> tuple[Actor, Actor] | None:
    """The two sides, when both are actors the text names, of different countries or a state
    and the insurgents of its own country: "Colombia's government and the ELN resumed talks.
    ... both sides had agreed to a ceasefire" → COLGOV and COLREB, not the guarantor countries
    named beside the phrase (pair_members.py keeps such a pair domestic)."""
    if (
        source.country
        and target.country
        and is_country(source.country)
        and is_country(target.country)
        and (source.country != target.country or civil_war(source, target))
        and source.how in NAMED
        and target.how in NAMED
    ):
        return source, target
    return None


def referred_dyad(
    scope: Scope, frame: Frame, matcher: PatternMatcher
) -> tuple[Actor, Actor] | None:
    """The two parties of the earlier act that a definite event noun of the clause refers
    back to: "A ceasefire between Israel and Iran … Trump accused both sides of violating the
    truce" → ISR and IRN, not the two sides of the latest event (Qatar condemning Iran)."""
    for token in frame.pred.subtree:
        if token.pos_ != "NOUN" or token.i == frame.pred.i:
            continue
        event = antecedent(token, scope, matcher) or _mentioned(token, scope, matcher)
        pair = _two_countries(event) if event is not None else None
        if pair is not None:
            return pair
    return None


def _mentioned(noun: Token, scope: Scope, matcher: PatternMatcher) -> Event | None:
    """The latest earlier event whose sentence names the definite event noun: "India and
    Pakistan agreed to a ceasefire. … accused both countries of violating the ceasefire" (the
    agreeing, coded 035, has the ceasefire as its object)."""
    if matcher.noun_trigger(noun) is None:
        return None
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children):
        return None
    words = {noun.lower_, noun.lemma_.lower()}
    for event in reversed(scope.earlier):
        text = {w.strip(".,;:\"'").lower() for w in event.evidence_text.split()}
        if words & text and _two_countries(event) is not None:
            return event
    return None


def recent_dyad(
    scope: Scope, frame: Frame, matcher: PatternMatcher | None = None
) -> tuple[Actor, Actor] | None:
    """What "the two sides" refers to: the two sides of the latest event coded before this
    frame in its sentence or the two before, when both are countries' actors the text names;
    else the article's main dyad (its two most mentioned countries, each at least twice):
    "Burkina Faso expelled three French diplomats. … ECOWAS called on both sides to resolve
    their differences" → BFA and FRA, not the last two countries named ("turned to Russia")."""
    # only a clause with "both sides" in it needs the act it refers to (kept cheap elsewhere)
    pairs = (
        matcher is not None
        and _collective_words(frame.pred)
        and any(names_pair(t) for t in frame.pred.subtree)
    )
    referred = referred_dyad(scope, frame, matcher) if pairs and matcher is not None else None
    if referred is None and pairs:
        referred = _between(scope, frame)
    if referred is not None:
        return referred
    sentence = scope.resolver.sentence_of(frame.pred)
    # latest first, without copying the article's events per frame
    for event in chain(reversed(scope.current), reversed(scope.earlier)):
        if event.sentence_index < sentence - FOCUS_SENTENCES:
            break
        pair = _two_countries(event)
        if pair is not None:
            return pair
    context = scope.document.context
    main = context.pair() if context is not None else None
    if main is None:
        return None
    at = frame.pred.idx + scope.offset
    first, second = (Actor(c, c, (), "", at, at, "context") for c in main)
    return first, second


def _between(scope: Scope, frame: Frame) -> tuple[Actor, Actor] | None:
    """The two sides a "between" phrase before the clause names in its sentence: "A ceasefire
    between the Sri Lankan government and the Tamil Tigers came into force after the two sides
    signed a truce brokered by Norway" → LKAGOV and LKAREB, not the mediator met before (the
    act the phrase tells is coded after the clause's verbs)."""
    for token in sentence_of(frame.pred):
        if token.i >= frame.pred.i:
            break
        if token.lower_ != "between" or token.dep_ != "prep":
            continue
        first = next((c for c in token.children if c.dep_ == "pobj"), None)
        second = next((c for c in first.children if c.dep_ == "conj"), None) if first else None
        if first is None or second is None:
            continue
        one, other = scope.resolver.actor_for(first), scope.resolver.actor_for(second)
        if one is None or other is None:
            continue
        pair = _named_pair(one, other)
        if pair is not None:
            return pair
    return None


def _collective_words(token: Token) -> bool:
    """Whether the token's sentence has a word that may refer back to a pair ("sides",
    "countries", "neighbours"), kept per sentence: most sentences have none."""
    memo: dict[int, bool] = token.doc.user_data.setdefault("casus.collective_words", {})
    index = sentence_index(token)
    found = memo.get(index)
    if found is None:
        sent = sentence_of(token)
        found = memo[index] = not COLLECTIVE_HEADS.isdisjoint(
            lemmas(token.doc)[sent.start : sent.end]
        )
    return found

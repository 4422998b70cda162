"""Where an act happened is no party to it (docs/event-model.md, "Venues are not targets").

Beside the "in" and "at" phrases that `pairs.without_venues` and the target finder already
set aside, two more kinds of place phrase name where an act was done:

- "on" with a venue noun: "Ali and Maduro met **on the island of St Vincent**", "the two
  ministers met **on the sidelines of the ASEAN meeting**". A gathering's sidelines
  (`occasion_nouns`) never make its organisation a party, whoever else is named.
- the place of a gathering: "CARICOM leaders, **meeting in Barbados**, called for ...", "**at a
  summit in Jakarta**, ASEAN leaders urged ...", "talks **hosted in Doha**". A country named only
  there is no side of the sentence's acts (`gathering_countries`), save a visit's host.
- a place that keeps another state's forces, struck for them: "Iran fired missiles at the air
  base in Qatar, **which hosts U.S. forces**" is aimed at the United States, not at Qatar.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casus.engine.allies import countries_only_in
from casus.engine.frames import Frame, prep_objects
from casus.engine.sentences import document_words, sentence_of
from casus.ontology.words import word_list

if TYPE_CHECKING:
    from spacy.tokens import Token

    from casus.engine.resolver import Resolver
    from casus.engine.scope import Scope
    from casus.model import Actor

VENUE_NOUNS = word_list("venue_nouns")
OCCASION_NOUNS = word_list("occasion_nouns")
HOST_VERBS = word_list("host_verbs")
GATHERING_VERBS = word_list("gathering_verbs")
GATHERING_NOUNS = word_list("gathering_nouns")
# a participle or relative clause beside the subject or the clause: "leaders, meeting in ..."
GATHERING_DEPS = frozenset({"acl", "advcl", "relcl"})
# "at a summit in ...", "during talks in ...", "on the sidelines of a meeting in ..."
GATHERING_PREPS = frozenset({"at", "during", "of"})
VISIT_VERBS = word_list("visit_verbs")


def _on_objects(frame: Frame) -> list[Token]:
    """The objects of the "on" phrases of the predicate and of its objects."""
    found = list(frame.preps.get("on", []))
    for obj in frame.objects:
        inner: dict[str, list[Token]] = {}
        prep_objects(obj, inner)
        found += inner.get("on", [])
    return found


def on_venues(frame: Frame) -> list[Token]:
    """Heads of "on" phrases that say where the act was done: "on the island of St Vincent",
    "on the sidelines of the summit"."""
    return [t for t in _on_objects(frame) if t.lemma_.lower() in VENUE_NOUNS]


def occasions(frame: Frame) -> list[Token]:
    """Heads of "on the sidelines of ..." phrases: whatever they name is never a party."""
    return [t for t in _on_objects(frame) if t.lemma_.lower() in OCCASION_NOUNS]


def is_venue(token: Token, resolver: Resolver) -> bool:
    """Whether a place phrase's head says where, not who: a place name ("in Moscow") or a
    venue noun ("on the island of St Vincent")."""
    return resolver.is_place_name(token) or token.lemma_.lower() in VENUE_NOUNS


def _in_places(head: Token) -> list[Token]:
    """The objects of the head's own "in" phrases."""
    return [
        obj
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ == "in"
        for obj in prep.children
        if obj.dep_ == "pobj"
    ]


def _set_off(token: Token) -> bool:
    """A bare past participle after a comma, which the parser took for the sentence's verb:
    "African Union leaders, **convened** in Addis Ababa, appealed for calm"."""
    return (
        token.tag_ == "VBN"
        and token.i > 0
        and token.doc[token.i - 1].text == ","
        and not any(c.dep_ in ("aux", "auxpass") for c in token.children)
    )


def gathering_places(pred: Token) -> list[Token]:
    """Heads of the phrases of the predicate's sentence that say where its sides met: the
    "in" place of a gathering participle ("leaders, **meeting in Barbados**, ...", "talks
    hosted in Doha") or of a gathering noun ("at a summit in Jakarta", "on the sidelines of a
    meeting in Geneva")."""
    words = document_words(pred.doc)  # asked for every side placed: most documents have none
    if GATHERING_VERBS.isdisjoint(words) and GATHERING_NOUNS.isdisjoint(words):
        return []
    return [
        place
        for token in sentence_of(pred)
        if _gathering_verb(token) or _gathering_noun(token)
        for place in _in_places(token)
    ]


def _gathering_verb(token: Token) -> bool:
    """A participle or relative clause of coming together: "meeting", "gathered", "who met"."""
    return token.lemma_.lower() in GATHERING_VERBS and (
        (token.dep_ in GATHERING_DEPS and token.tag_ in ("VBG", "VBN", "VBD")) or _set_off(token)
    )


def _gathering_noun(token: Token) -> bool:
    """A gathering in an "at", "during" or "of" phrase: "at a summit", "the sidelines of a
    meeting"."""
    return (
        token.lemma_.lower() in GATHERING_NOUNS
        and token.dep_ == "pobj"
        and token.head.lower_ in GATHERING_PREPS
    )


def gathering_countries(pred: Token, resolver: Resolver) -> set[str]:
    """The countries the predicate's sentence names only as where its sides met
    (`gathering_places`), which are no side of its acts: "Gulf ministers, meeting in Qatar,
    condemned the attack" is aimed at no Qatar. A visit's place is its host ("visiting Tehran
    for a summit"), and a country also named elsewhere in the sentence is not set aside."""
    if pred.lemma_.lower() in VISIT_VERBS:
        return set()
    places = {t.i for h in gathering_places(pred) for t in h.subtree}
    if not places:
        return set()
    sentence = sentence_of(pred)
    return countries_only_in(sentence, places, resolver)


def spans(scope: Scope, heads: list[Token]) -> list[tuple[int, int]]:
    """The article character spans of the phrases under ``heads``."""
    return [
        (h.left_edge.idx + scope.offset, h.right_edge.idx + len(h.right_edge) + scope.offset)
        for h in heads
    ]


def hosted_forces(scope: Scope, frame: Frame, target: Actor | None) -> Actor | None:
    """The forces a struck place keeps, when a relative clause says so: "fired missiles at
    the Al Udeid air base in Qatar, which hosts U.S. forces" → the United States; else the
    target unchanged."""
    if target is None or target.how == "person":
        return target
    doc = frame.pred.doc
    if HOST_VERBS.isdisjoint(document_words(doc)):
        return target  # no hosting verb in the document (every pair asks: most have none)
    span = doc.char_span(
        target.start - scope.offset, target.end - scope.offset, alignment_mode="expand"
    )
    if span is None:
        return target
    place = span.root
    # "the base in Qatar, which hosts ..." or "Qatar, which hosts ...": the place or the noun
    # whose "in" phrase it is
    holders = [place]
    if place.dep_ == "pobj" and place.head.dep_ == "prep":
        holders.append(place.head.head)
    for holder in holders:
        for clause in holder.children:
            if clause.dep_ not in ("relcl", "acl") or clause.lemma_.lower() not in HOST_VERBS:
                continue
            for obj in clause.children:
                if obj.dep_ != "dobj":
                    continue
                for actor in scope.resolver.actors_for(obj):
                    if actor.known and actor.country and actor.country != target.country:
                        return actor
    return target

"""Where an act happened is no party to it (docs/event-model.md, "Venues are not targets").

Beside the "in" and "at" phrases that `pairs.without_venues` and the target finder already
set aside, two more kinds of place phrase name where an act was done:

- "on" with a venue noun: "Ali and Maduro met **on the island of St Vincent**", "the two
  ministers met **on the sidelines of the ASEAN meeting**". A gathering's sidelines
  (`occasion_nouns`) never make its organisation a party, whoever else is named.
- a place that keeps another state's forces, struck for them: "Iran fired missiles at the air
  base in Qatar, **which hosts U.S. forces**" is aimed at the United States, not at Qatar.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casus.engine.frames import Frame, prep_objects
from casus.engine.sentences import document_words
from casus.ontology.words import word_list

if TYPE_CHECKING:
    from spacy.tokens import Token

    from casus.engine.resolver import Resolver
    from casus.engine.scope import Scope
    from casus.model import Actor

VENUE_NOUNS = word_list("venue_nouns")
OCCASION_NOUNS = word_list("occasion_nouns")
HOST_VERBS = word_list("host_verbs")


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

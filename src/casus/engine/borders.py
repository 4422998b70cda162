"""The country on the other side of a border the clause does not name.

A border, a frontier or a crossing lies between two countries, so an act done to it or at it
is aimed at the country beyond: "Caracas had closed that border on Thursday", "Islamabad
closed the Torkham crossing", "12,000 soldiers were deployed along the frontier". Where the
clause names the neighbour ("its border with Brazil", "the Brazilian border"), the target
finder has it already (``engine/targets.py``). Where it does not, the border is the one named
with its neighbour in the sentences just before ("On the border with Brazil, soldiers fired on
protesters. Caracas had closed that border on Thursday" → Brazil), else the neighbour is the
other of the article's two main countries, else the other country of the dyad in focus
(``engine/focus.py``); never a side of the source's own country
(docs/event-model.md#the-dyad-in-focus).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casus.engine.context import is_country
from casus.engine.frames import Frame, border_neighbour
from casus.engine.scope import Scope
from casus.engine.sentences import sentence_index, sentences
from casus.model import Actor
from casus.ontology.words import word_list

if TYPE_CHECKING:
    from spacy.tokens import Token

# A border and the places on it: "that border", "the Torkham crossing", "a checkpoint".
BORDER_NOUNS = word_list("border_words") | word_list("border_points")
# Where a border stands in a clause of force posture: "deployed along the frontier".
BORDER_PREPS = ("near", "along", "on", "at", "to", "across", "off")
# How many sentences back a bare border may refer to one named with its neighbour.
BORDER_SENTENCES = 2


def bare_border(frame: Frame) -> bool:
    """Whether the act is done to, or at, a border whose other side the clause does not name
    ("closed that border", "massed troops on the frontier"; not "its border with Brazil")."""
    return _bare_border(frame) is not None


def beyond(scope: Scope, other: Actor | None, frame: Frame, source: Actor) -> Actor | None:
    """The country across a bare border: the neighbour of a border named just before, else the
    other of the article's two main countries, else the side in focus when it is another
    country (not a third state that only dealt with the source); across a border lies a
    foreign state, never the source's own people. For an act at no bare border, the side in
    focus as it is."""
    border = _bare_border(frame)
    if border is None:
        return other
    for actor in (_named_before(scope, border, source), _pair_other(scope, source), other):
        if actor is None or not actor.known or not actor.country:
            continue
        country = actor.country
        if is_country(country) and country != source.country:
            return Actor(country, country, (), actor.text, actor.start, actor.end, "context")
    return None


def unnamed(frame: Frame, targets: list[Actor | None]) -> list[Actor | None]:
    """No target, where the act is at a bare border and its only targets are phrases that name
    no actor ("closed its main crossings at Torkham and Chaman"), so that the country across
    the border is looked for; else the targets as they are."""
    if targets and all(t is None or t.code is None for t in targets) and bare_border(frame):
        return [None]
    return targets


def _pair_other(scope: Scope, source: Actor) -> Actor | None:
    """The other of the article's two main countries, when the source's is one of them (the
    side in focus may be a third party, or one of the source's own)."""
    context = scope.document.context
    pair = context.pair() if context is not None else None
    if not pair or source.country not in pair:
        return None
    country = pair[1] if pair[0] == source.country else pair[0]
    return Actor(country, country, (), "", source.start, source.start, "context")


def _bare_border(frame: Frame) -> Token | None:
    places = list(frame.objects) + [t for p in BORDER_PREPS for t in frame.preps.get(p, [])]
    return next((t for t in places if _border_noun(t) and border_neighbour(t) is None), None)


def _named_before(scope: Scope, border: Token, source: Actor) -> Actor | None:
    """The neighbour of the latest border named with one, in the border's sentence (before
    it) or the two before: "on the border with Brazil ... Caracas had closed that border"."""
    doc = border.doc
    start = sentences(doc)[max(0, sentence_index(border) - BORDER_SENTENCES)].start
    for token in reversed(doc[start : border.i]):
        neighbour = border_neighbour(token) if _border_noun(token) else None
        if neighbour is None:
            continue
        for actor in scope.resolver.actors_for(neighbour):
            if actor.known and actor.country != source.country:
                return actor
    return None


def _border_noun(token: Token) -> bool:
    """A border noun, alone or with its compound ("border crossing", "land border")."""
    lemma = token.lemma_.lower()
    return lemma in BORDER_NOUNS or any(
        f"{c.lemma_.lower()} {lemma}" in BORDER_NOUNS
        for c in token.children
        if c.dep_ == "compound"
    )

"""The country on the other side of a border the clause does not name.

A border, a frontier or a crossing lies between two countries, so an act done to it or at it
is aimed at the country beyond: "Caracas had closed that border on Thursday", "Islamabad
closed the Torkham crossing", "12,000 soldiers were deployed along the frontier". Where the
clause names the neighbour ("its border with Brazil", "the Brazilian border"), the target
finder has it already (``engine/targets.py``). Where it does not, the neighbour is the other
country of the dyad in focus (``engine/focus.py``), never a side of the source's own country
(docs/event-model.md#the-dyad-in-focus).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casus.engine.context import is_country
from casus.engine.frames import Frame, border_neighbour
from casus.model import Actor
from casus.ontology.words import word_list

if TYPE_CHECKING:
    from spacy.tokens import Token

# A border and the places on it: "that border", "the Torkham crossing", "a checkpoint".
BORDER_NOUNS = word_list("border_words") | word_list("border_points")
# Where a border stands in a clause of force posture: "deployed along the frontier".
BORDER_PREPS = ("near", "along", "on", "at", "to", "across", "off")


def bare_border(frame: Frame) -> bool:
    """Whether the act is done to, or at, a border whose other side the clause does not name
    ("closed that border", "massed troops on the frontier"; not "its border with Brazil")."""
    places = list(frame.objects) + [t for p in BORDER_PREPS for t in frame.preps.get(p, [])]
    return any(_border_noun(token) and border_neighbour(token) is None for token in places)


def beyond(other: Actor | None, frame: Frame, source: Actor) -> Actor | None:
    """The side in focus as the target, unless the act is at a bare border and that side is
    no other country: across a border lies a foreign state, never the source's own people."""
    if other is None or not bare_border(frame):
        return other
    country = other.country
    if not other.known or not country or not is_country(country) or country == source.country:
        return None
    return Actor(country, country, (), other.text, other.start, other.end, "context")


def _border_noun(token: Token) -> bool:
    """A border noun, alone or with its compound ("border crossing", "land border")."""
    lemma = token.lemma_.lower()
    return lemma in BORDER_NOUNS or any(
        f"{c.lemma_.lower()} {lemma}" in BORDER_NOUNS
        for c in token.children
        if c.dep_ == "compound"
    )

"""The states a plural subject lists in apposition act one by one
(docs/actors.md#coordinated-sides): "the three members of the Alliance of Sahel States — Mali,
Burkina Faso and Niger — recalled their ambassadors" is done by Mali, Burkina Faso and Niger,
not by the alliance; "two neighbours, Hungary and Slovakia, blocked the sanctions" likewise.

The parser hangs a dash-set apposition on the nearest noun, often the end of the head's "of"
phrase ("States"), so the apposition is looked for on the head and down its "of" chain.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from casus.engine.context import is_country
from casus.model import Actor
from casus.ontology.words import word_list

if TYPE_CHECKING:
    from spacy.tokens import Token

    from casus.engine.resolver import Resolver

STATE_MEMBERS = word_list("state_members")
# How many "of" phrases down the head the apposition may hang ("members of the Alliance of
# Sahel States").
OF_DEPTH = 3


def listed_members(token: Token, actor_for: Callable[[Token], Actor | None]) -> list[Actor]:
    """The countries the apposition of a plural state head lists, one actor each; empty
    unless it lists at least two and every item is a country. ``token`` may be the head or
    the object of its "of" phrase ("the Alliance" of "the three members of the Alliance"),
    which is what a quantifier-like head unwraps to."""
    of = token.head if token.dep_ == "pobj" and token.head.lower_ == "of" else None
    if of is not None and of.head.lemma_.lower() in STATE_MEMBERS:
        token = of.head
    if token.lemma_.lower() not in STATE_MEMBERS or token.tag_ != "NNS":
        return []
    for noun in _of_chain(token):
        listed = next((c for c in noun.children if c.dep_ == "appos"), None)
        if listed is None:
            continue
        items = [listed, *(c for c in listed.subtree if c.dep_ == "conj" and c.head.i != c.i)]
        actors = [actor_for(item) for item in items]
        countries = [
            a
            for a in actors
            if a is not None and a.country and is_country(a.country) and not a.roles
        ]
        if len(countries) == len(items) >= 2:
            return countries
        return []
    return []


def _of_chain(token: Token) -> list[Token]:
    """The head and the objects of its nested "of" phrases, nearest first."""
    chain = [token]
    for _ in range(OF_DEPTH):
        of = next((c for c in chain[-1].children if c.dep_ == "prep" and c.lower_ == "of"), None)
        inner = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        if inner is None:
            break
        chain.append(inner)
    return chain


def unowned(noun: Token, resolver: Resolver) -> bool:
    """Whether the noun's possessive pronoun is left unresolved, as "their" is for the
    several states a subject lists ("the members — Mali and Niger — recalled **their**
    ambassadors from Algiers": each its own, so the "from" phrase names the target)."""
    poss = next((c for c in noun.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
    return poss is not None and resolver.actor_for(poss) is None

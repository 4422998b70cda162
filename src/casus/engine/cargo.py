"""What a vehicle that is sent carries: the cargo is what is sent.

"Russia sent nine military transport planes carrying doctors and ventilators to Italy" sends
doctors and ventilators (aid, 07), as "dispatched trucks loaded with food" sends food.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casus.ontology.words import word_list

if TYPE_CHECKING:
    from spacy.tokens import Token

CARRIER_NOUNS = word_list("carrier_nouns")
# Participles that say what a vehicle carries: "carrying", "loaded with", "laden with".
CARRYING_VERBS = frozenset({"carry", "transport", "bring", "ferry", "deliver"})
LOADING_VERBS = frozenset({"load", "lade", "pack", "fill", "stock"})


def cargo(objects: list[Token]) -> list[Token]:
    """The cargo nouns of the vehicle objects among ``objects`` (empty when none is a
    vehicle or says what it carries)."""
    out: list[Token] = []
    for obj in objects:
        if obj.lemma_.lower() not in CARRIER_NOUNS:
            continue
        for clause in obj.children:
            if clause.dep_ != "acl" or clause.pos_ != "VERB":
                continue
            lemma = clause.lemma_.lower()
            if lemma in CARRYING_VERBS:
                out.extend(t for c in clause.children if c.dep_ == "dobj" for t in _and(c))
            elif lemma in LOADING_VERBS or clause.lower_ == "laden":
                out.extend(
                    t
                    for p in clause.children
                    if p.dep_ == "prep" and p.lower_ == "with"
                    for g in p.children
                    if g.dep_ == "pobj"
                    for t in _and(g)
                )
    return out


def _and(token: Token) -> list[Token]:
    """The noun and the nouns coordinated with it: "doctors, equipment and ventilators"."""
    out = [token]
    for child in token.children:
        if child.dep_ == "conj":
            out.extend(_and(child))
    return out

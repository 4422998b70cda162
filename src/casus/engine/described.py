"""An object given as what someone calls it: "struck what the army described as Hamas targets".

The parser makes "what" the object of the describing verb, and that clause the complement of
the act, so the act has no object of its own. What was struck is the description: the "as"
phrase ("described as Hamas targets"), or the predicate of "called"/"termed" ("what it called
terrorist infrastructure").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

DESCRIBING_VERBS = frozenset(
    {"describe", "call", "term", "label", "identify", "characterize", "characterise", "say"}
)
FREE_RELATIVES = frozenset({"what", "whatever"})


def described_objects(verb: Token) -> list[Token]:
    """The nouns of the description that stands for ``verb``'s missing object, or []."""
    for clause in verb.children:
        if clause.dep_ != "ccomp" or clause.lemma_.lower() not in DESCRIBING_VERBS:
            continue
        if not any(c.dep_ == "dobj" and c.lower_ in FREE_RELATIVES for c in clause.children):
            continue
        for child in clause.children:
            if child.dep_ == "prep" and child.lower_ == "as":
                return [g for g in child.children if g.dep_ == "pobj"]
            if child.dep_ in ("oprd", "attr", "xcomp") and child.pos_ in ("NOUN", "PROPN"):
                return [child]
    return []

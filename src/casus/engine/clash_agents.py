"""Who did a passive act done in a clash: "Two protesters were killed in clashes with
police" names no agent, but the clash names the other side, and the killing is theirs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casus.ontology.words import word_list

if TYPE_CHECKING:
    from spacy.tokens import Token

CLASH_NOUNS = word_list("clash_nouns")
# the prepositions that put an act inside a clash: "killed in clashes with", "wounded during
# fighting with"
INSIDE = frozenset({"in", "during", "amid"})


def clash_agents(verb: Token) -> list[Token]:
    """The other side of the clash a passive verb's act happened in ("were killed in clashes
    with security forces" → forces, with its conjuncts); empty when there is none."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in INSIDE:
            continue
        for noun in (c for c in prep.children if c.dep_ == "pobj"):
            if noun.lemma_.lower() not in CLASH_NOUNS:
                continue
            for inner in noun.children:
                if inner.dep_ == "prep" and inner.lower_ == "with":
                    return [
                        t
                        for o in inner.children
                        if o.dep_ == "pobj"
                        for t in [o, *(c for c in o.children if c.dep_ == "conj")]
                    ]
    return []

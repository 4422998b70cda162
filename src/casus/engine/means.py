"""Nouns that name a means, not an actor (docs/actors.md#role-nouns).

"force" is a military role noun ("a peacekeeping force", "the force's commander"), but bare
"force" is what is used, threatened or renounced: "pledged not to use force against each
other", "took the town by force", "the use of military force". So is "the full force of the
law". Such a phrase names no side; the act's side is looked for elsewhere ("against each
other", the warned rioters).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

MEANS_NOUNS = frozenset({"force"})
# dependencies that make "force" a body of troops: "a force", "the force", "its force",
# "a 5,000-strong force"
BODY_DEPS = frozenset({"det", "poss", "nummod"})
# "the full force of the law": an "of" object that names an abstraction, not troops
ABSTRACT_OWNERS = frozenset({"law", "arms", "habit", "argument", "gravity"})


def means_noun(head: Token) -> bool:
    """Whether a singular "force" names a means (used, threatened, renounced), not troops."""
    if head.lemma_.lower() not in MEANS_NOUNS or head.tag_ != "NN":
        return False
    if not any(c.dep_ in BODY_DEPS for c in head.children):
        return True
    return any(
        c.dep_ == "prep"
        and c.lower_ == "of"
        and any(o.lemma_.lower() in ABSTRACT_OWNERS for o in c.children if o.dep_ == "pobj")
        for c in head.children
    )

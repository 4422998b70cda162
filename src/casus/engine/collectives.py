"""Which phrases refer back to a pair of actors (docs/actors.md#collective-phrases).

"the two sides", "both countries", "both armies" name their pair with a number; "The
neighbours fought a six-week war in 2020" and "the rivals" do it with a plural relational noun
and "the" alone (`pair_nouns`). "two soldiers" only counts people, and "its neighbours",
"Western allies" say whose they are.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casus.ontology.words import word_list

if TYPE_CHECKING:
    from spacy.tokens import Token

COLLECTIVE_HEADS = word_list("collective_heads")
PAIR_NOUNS = word_list("pair_nouns")
# "the warring parties", "the negotiating parties": still the pair, not some parties
PAIR_QUALIFIERS = word_list("pair_qualifiers")
# heads that only say the pair are people, so the pair keeps its own codes: "the two men"
# after two presidents are named are the presidents (not civilians)
PLAIN_PAIR_HEADS = word_list("plain_pair_heads")
COUNTING = frozenset({"both", "two"})


def names_pair(token: Token) -> bool:
    """Whether a noun phrase refers back to two actors: "the two sides", "both countries",
    "the neighbours", "the warring parties" (not "two soldiers", "its neighbours")."""
    lemma = token.lemma_.lower()
    if lemma not in COLLECTIVE_HEADS:
        return False
    words = {c.lower_ for c in token.children if c.dep_ in ("det", "nummod", "predet")}
    if words & COUNTING:
        # "two soldiers" counts people, it does not refer back
        lefts = {c.lower_ for c in token.lefts}
        return "two" not in words or bool({"the", "both"} & (words | lefts))
    if lemma not in PAIR_NOUNS or token.tag_ != "NNS":
        return False
    words = [c.lower_ for c in token.children if c.lower_ not in PAIR_QUALIFIERS]
    return words == ["the"]

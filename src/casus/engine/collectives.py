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

    from casus.model import Actor

COLLECTIVE_HEADS = word_list("collective_heads")
PAIR_NOUNS = word_list("pair_nouns")
# "the warring parties", "the negotiating parties": still the pair, not some parties
PAIR_QUALIFIERS = word_list("pair_qualifiers")
# heads that only say the pair are people, so the pair keeps its own codes: "the two men"
# after two presidents are named are the presidents (not civilians)
PLAIN_PAIR_HEADS = word_list("plain_pair_heads")
COUNTING = frozenset({"both", "two"})
# "the parties" refer back to a pair only as the doers, and only to the sides of an act the
# text names (not the two most mentioned countries): "The parties agreed to strengthen
# cooperation", "the text agreed by the parties"; parties urged or supported ("urged the
# warring parties to return to talks") are every side of a country's conflict (all_sides.py)
DOER_ONLY_PAIR_NOUNS = frozenset({"party"})


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
    if lemma in DOER_ONLY_PAIR_NOUNS and not _doer(token):
        return False
    kept = [c.lower_ for c in token.children if c.lower_ not in PAIR_QUALIFIERS]
    return kept == ["the"]


def _doer(token: Token) -> bool:
    """Whether a noun phrase is its clause's subject or a passive verb's "by" agent."""
    return token.dep_ == "nsubj" or (token.dep_ == "pobj" and token.head.dep_ == "agent")


def doers_only(lemma: str) -> bool:
    """Whether a pair noun refers back only to the sides of an act the text names: "the
    parties" (not the two latest countries named, nor the article's main pair)."""
    return lemma in DOER_ONLY_PAIR_NOUNS


def pair_fits(lemma: str, pair: list[Actor]) -> bool:
    """Whether the pair found for a collective phrase may be what it refers to: for "the
    parties" not the article's two most mentioned countries ("the warring parties agreed to a
    truce" in a Sudan story that named the Saudi hosts more often than the army)."""
    return not doers_only(lemma) or all(a.how != "context" for a in pair)

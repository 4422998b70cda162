"""Reciprocal objects: co-subjects that act on each other ("accused each other of lying"), also
when the reciprocal is the possessor of the object ("expelled each other's diplomats",
"shelled each other's positions"). Such an object is no side of its own: each co-subject does
the act to the other."""

from __future__ import annotations

from typing import TYPE_CHECKING

from casus.engine.sentences import document_words, subtree_words
from casus.ontology.words import word_list

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from casus.engine.frames import Frame
    from casus.model import Actor

RECIPROCALS = word_list("reciprocals")  # "each other", "one another"
# the word each reciprocal ends in: a text without any has no reciprocal
RECIPROCAL_ENDS = frozenset(phrase.split()[-1] for phrase in RECIPROCALS)


def reciprocal_object(token: Token) -> bool:
    """Whether an object is a reciprocal ("each other") or is owned by one: "each other's
    military advisers", "one another's consulates"."""
    if not _reciprocal_words(token.doc):
        return False
    if subtree_words(token) in RECIPROCALS:
        return True
    return any(c.dep_ == "poss" and _owner_words(c) in RECIPROCALS for c in token.children)


def reciprocal_frame(frame: Frame) -> bool:
    """Whether the frame's act is done by its co-subjects to each other: an object or a
    prepositional object is reciprocal."""
    if not _reciprocal_words(frame.pred.doc):
        return False
    return any(
        reciprocal_object(o) for o in frame.objects + [p for ps in frame.preps.values() for p in ps]
    )


def reciprocal_side(actor: Actor) -> bool:
    """Whether a resolved target is only the reciprocal phrase ("each other", "each other's
    diplomats"): the co-subjects are the parties, not this phrase."""
    words = actor.text.lower().replace("’", "'").split()
    return " ".join(words[:2]).removesuffix("'s") in RECIPROCALS


def _reciprocal_words(doc: Doc) -> bool:
    """Whether the document has a word a reciprocal ends in ("other", "another"): every frame
    and object asks, and most documents have none."""
    return not RECIPROCAL_ENDS.isdisjoint(document_words(doc))


def _owner_words(poss: Token) -> str:
    """The possessor's words without the possessive mark: "each other's" -> "each other"; the
    parser may hang "one" of "one another's goods" on the verb, so the word before counts."""
    words = " ".join(t.lower_ for t in poss.subtree if t.dep_ != "case")
    if words in ("other", "another") and poss.i > 0:
        return f"{poss.doc[poss.i - 1].lower_} {words}"
    return words


__all__ = ["RECIPROCALS", "reciprocal_frame", "reciprocal_object", "reciprocal_side"]

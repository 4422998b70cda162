"""Acts stated under an adjective of readiness: "ready to talk", "ready for direct talks".

"Norway is willing to send material" states an intent by its infinitive; "the movement was
ready for direct talks", "Kyiv is open to negotiations" state it by an event noun after
"for"/"to". The noun's act is the one the copula's subject says it is ready for, so that
subject is the noun's holder, and the statement is the intent of the noun's code
(intents.py), never the act itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casus.ontology.words import word_list

if TYPE_CHECKING:
    from spacy.tokens import Token

WILLINGNESS = word_list("willingness")
# "ready for talks", "open to negotiations"
READY_PREPS = frozenset({"for", "to"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def willingness_of(pred: Token) -> Token | None:
    """The adjective of readiness an act is stated under: its infinitive's ("ready to talk")
    or the event noun's after "for"/"to" ("ready for direct talks"); else None."""
    head = pred.head
    if pred.dep_ == "xcomp" and head.lemma_.lower() in WILLINGNESS:
        return head
    if pred.dep_ == "pobj" and pred.pos_ == "NOUN" and head.lower_ in READY_PREPS:
        word = head.head
        if word.lower_ in WILLINGNESS and (word.pos_ == "ADJ" or word.tag_ == "VBN"):
            return word  # "is prepared for talks": the parser's passive participle
    return None


def ready_holders(noun: Token) -> list[Token]:
    """Who says it is ready for the act a noun names: the subject of the adjective's copula
    ("the movement was ready for direct talks" → the movement); else none."""
    adjective = willingness_of(noun)
    if adjective is None:
        return []
    if adjective.dep_ == "acomp":
        return [c for c in adjective.head.children if c.dep_ in SUBJECT_DEPS]
    return [c for c in adjective.children if c.dep_ in SUBJECT_DEPS]

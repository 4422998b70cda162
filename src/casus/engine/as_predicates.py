"""Object predicates introduced by "as": "described the deal **as an act of aggression**",
"regards the deployment **as a threat**", "views the drills **as provocative**".

The parser hangs the "as" phrase on the verb as a prepositional phrase, so it is neither an
object nor an ``oprd``. When the verb also has an object (or a passive subject) the phrase
says what that object is taken to be, which is what the evaluative patterns
(``111 verb describe NEGATIVE_EVALUATION``) read. A verb without an object ("served as a
mediator", "works as an adviser") has no object predicate.

A naming verb's label is an object predicate too, where the parser makes it an apposition of
the object because the object has a possessive: "called **the court's verdict** a disgrace to
justice" (``label_appositions``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casus.engine.sentences import in_sentence_with
from casus.ontology.words import word_list

if TYPE_CHECKING:
    from spacy.tokens import Token

HAS_OBJECT_DEPS = ("dobj", "nsubjpass")
AS_PREDICATE_DEPS = ("pobj", "amod", "acomp")
# the preposition the phrase opens with: a child of the verb, so a word of its sentence
AS_WORDS = frozenset({"as"})
NAMING_VERBS = word_list("naming_verbs")
LABEL_DETERMINERS = frozenset({"a", "an"})
# how the parser hangs the label on the object: "the verdict an attack" (appos), "the
# verdict a disgrace to justice" (npadvmod)
LABEL_DEPS = frozenset({"appos", "npadvmod"})


def as_predicates(verb: Token) -> list[Token]:
    """The words of ``verb``'s "as" phrase that predicate something of its object, or []."""
    if not in_sentence_with(verb, AS_WORDS):  # most sentences have no "as": no child read
        return []
    return read_as_phrase(verb)


def read_as_phrase(verb: Token) -> list[Token]:
    """``as_predicates`` without its sentence gate: the words of ``verb``'s "as" phrase."""
    objects = [c for c in verb.children if c.dep_ in HAS_OBJECT_DEPS]
    if not objects:
        return []
    # the parser also hangs the phrase on the object: "dismissed Washington's remarks **as
    # groundless**" (remarks → as → groundless)
    heads = [verb, *(o for o in objects if o.i > verb.i)]
    return [
        word
        for head in heads
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ == "as" and prep.i > head.i
        for word in prep.children
        if word.dep_ in AS_PREDICATE_DEPS
    ]


def label_appositions(verb: Token) -> list[Token]:
    """The label a naming verb gives its object, parsed as a modifier of the object: "called
    the court's verdict **an attack** on the Serb people". Only an indefinite noun phrase
    right after the object counts; an apposition set off by a comma names the object
    again ("called Lavrov, the foreign minister, ...")."""
    if verb.lemma_.lower() not in NAMING_VERBS:
        return []
    return [
        appos
        for obj in verb.children
        if obj.dep_ == "dobj"
        for appos in obj.children
        if appos.dep_ in LABEL_DEPS
        and appos.i > obj.i
        and appos.left_edge.lower_ in LABEL_DETERMINERS
        and appos.left_edge.i == obj.i + 1
    ]

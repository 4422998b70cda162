"""A pronoun in reported speech that stands for the speaker: "two activists said **they** had
been beaten by unidentified men", "the journalist said **he** was beaten by police".

The pattern's object class ("182 verb beat CIVILIAN") must be read on the speaker's noun, not
on the pronoun, or the event is lost. Only the simplest case is taken: the pronoun is the
subject (or passive subject) of the complement clause of a reporting verb, and agrees in
number with that verb's subject noun.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casus.engine.modality import REPORTING_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Token

PLURAL_PRONOUNS = frozenset({"they", "them"})
SINGULAR_PRONOUNS = frozenset({"he", "him", "she", "her"})


def speaker_antecedent(pronoun: Token) -> Token | None:
    """The noun of the speaker that ``pronoun`` refers back to, or None."""
    word = pronoun.lower_
    if word not in PLURAL_PRONOUNS | SINGULAR_PRONOUNS:
        return None
    if pronoun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    clause = pronoun.head
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in REPORTING_VERBS:
        return None
    speaker = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
    if speaker is None or speaker.pos_ != "NOUN":
        return None
    plural = speaker.tag_ == "NNS"
    return speaker if plural == (word in PLURAL_PRONOUNS) else None

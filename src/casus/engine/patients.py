"""The plural pronoun that undergoes a passive act stands for an earlier patient: "Police
detained five opposition supporters. They were beaten in custody" → the supporters, "... Three
of them were taken to hospital" → the supporters, not the police.

Subject pronouns otherwise prefer an earlier subject (salience.py); a passive subject is the
one the act is done to, and in news the people an act is done to are those an earlier act was
done to (its object), whether the doer is named ("they were later charged by prosecutors") or
not. Only "they"/"them" in the plural: "it was condemned" keeps the subject rule. A pronoun a
reporting verb governs ("activists said they had been beaten") is its reporter, found first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

# pronouns that stand for people in the plural, as passive subjects or in a partitive
PLURAL_PRONOUNS = frozenset({"they", "them"})


def _passive_verb(token: Token) -> Token | None:
    """The verb whose passive subject the pronoun is, directly ("they were detained") or in
    a partitive ("three of them were killed", "one of them was taken into custody")."""
    if token.dep_ == "nsubjpass":
        return token.head
    prep = token.head
    if token.dep_ == "pobj" and prep.lower_ == "of" and prep.head.dep_ == "nsubjpass":
        return prep.head.head
    return None


def passive_patient(token: Token) -> bool:
    """Whether ``token`` is a plural pronoun that undergoes a passive act."""
    return token.lower_ in PLURAL_PRONOUNS and _passive_verb(token) is not None

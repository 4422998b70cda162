"""A relative of a person is of that person's country (docs/actors.md#relatives).

"Castillo's wife", "the wife of Pedro Castillo", "Netanyahu's son", "his daughters" (after a
leader) are no office holders: they take the person's country and the elite role (ELI), not
the person's office: "Mexico granted asylum to Castillo's wife and children" → MEX → PERELI.
A relative of someone casus cannot place stays as before (a role-only or unresolved side).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casus.engine.context import is_country
from casus.engine.phrases import of_object
from casus.model import Actor
from casus.ontology.words import word_list, word_values

if TYPE_CHECKING:
    from spacy.tokens import Token

    from casus.engine.resolver import Resolver

RELATIVE_NOUNS = word_list("relative_nouns")
PERSON_HEADS = frozenset(w for w, kind in word_values("definite_heads").items() if kind == "person")
PERSON_PRONOUNS = frozenset({"his", "her"})
ELITE = "ELI"


def _kin(head: Token) -> Token | None:
    """Whose relative the head is: its possessor or "of" object ("Castillo's wife", "the
    wife of Pedro Castillo"); a conjunct shares its first conjunct's ("Castillo's wife and
    children")."""
    if head.lemma_.lower() not in RELATIVE_NOUNS or head.pos_ != "NOUN":
        return None
    owner = next((c for c in head.children if c.dep_ == "poss"), None) or of_object(head)
    if owner is None and head.dep_ == "conj" and head.head.lemma_.lower() in RELATIVE_NOUNS:
        return _kin(head.head)
    return owner


def relative_side(resolver: Resolver, head: Token, text: str, start: int, end: int) -> Actor | None:
    """The actor a relative noun names, when whose relative it is is a person of a known
    country; else None."""
    owner_token = _kin(head)
    if owner_token is None:
        return None
    owner = resolver.actor_for(owner_token)
    if owner is None or owner.country is None or not is_country(owner.country):
        return None
    person = (
        owner.how == "person"
        or owner_token.lower_ in PERSON_PRONOUNS
        or owner_token.lemma_.lower() in PERSON_HEADS
    )
    if not person:
        return None  # "the country's sons", "the family of the victims"
    code = owner.country + ELITE
    how = "pronoun" if owner.how == "pronoun" else "person"
    return Actor(code, owner.country, (ELITE,), text, start, end, how)

"""Blocs and their members as sides (docs/actors.md#memberships).

News names a bloc by its members as often as by its name: "the bloc's members", "member
states of the African Union", "its allies" (Estonia's: NATO). And it names a member by its
bloc: "NATO member Turkey" is Turkey, not NATO. The bloc of "allies" comes from the
memberships table (``ontology/data/memberships.tsv``), on the publication date.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casus.engine.context import is_country
from casus.engine.phrases import of_object
from casus.model import Actor
from casus.ontology.memberships import alliance_of
from casus.ontology.words import word_list

if TYPE_CHECKING:
    from spacy.tokens import Token

    from casus.engine.resolver import Resolver

STATE_MEMBERS = word_list("state_members")
# adjectives that leave "allies" the alliance's: "its closest allies", "key allies"
ALLIANCE_QUALIFIERS = word_list("alliance_qualifiers")
MEMBER = "member"


def _member_head(head: Token) -> bool:
    """ "members", "member states", "member countries", "member nations" (not "the party's
    members" heads of other nouns)."""
    lemma = head.lemma_.lower()
    if lemma == MEMBER:
        return True
    return lemma in STATE_MEMBERS and any(
        c.dep_ in ("compound", "amod") and c.lower_ in (MEMBER, "member-state")
        for c in head.children
    )


def _organisation(actor: Actor | None) -> bool:
    return actor is not None and actor.code is not None and actor.country == "IGO"


def bloc_side(resolver: Resolver, head: Token, text: str, start: int, end: int) -> Actor | None:
    """The side a member noun names, or None when it names no bloc or member:

    - a member named in apposition keeps its own code: "NATO member Turkey condemned" → TUR;
    - the members of a bloc are the bloc: "the bloc's members", "member states of the African
      Union", "its members" (after ECOWAS) → the organisation's code."""
    if head.pos_ != "NOUN" or not _member_head(head):
        return None
    for child in head.children:
        if child.dep_ == "appos" and child.i > head.i and child.pos_ == "PROPN":
            named = resolver.actor_for(child)
            if named is not None and named.country is not None and is_country(named.country):
                return named
    owner = next((resolver.actor_for(c) for c in head.children if c.dep_ == "poss"), None)
    if owner is None:
        inner = of_object(head)
        owner = resolver.actor_for(inner) if inner is not None else None
    if not _organisation(owner):
        return None
    assert owner is not None and owner.code is not None
    how = "pronoun" if owner.how == "pronoun" else "dictionary"
    return Actor(owner.code, owner.country, owner.roles, text, start, end, how)


def allies_side(
    resolver: Resolver, head: Token, owner: Actor | None, text: str, start: int, end: int
) -> Actor | None:
    """Whose "allies" a state's are: the military alliance it belongs to on the publication
    date (NATO), or None: "Estonia requested consultations with its allies" → NATO,
    "Tallinn and its allies" → NATO; "Israel and its allies", "Ukraine's allies", the United
    States' allies (it is also in AUKUS, the Quad and the Five Eyes) and "its allies in Asia"
    name no alliance and stay unresolved."""
    if head.lemma_.lower() != "ally" or head.tag_ != "NNS":
        return None  # "Washington stood with its ally": one state, not the alliance
    if head.dep_ == "conj" and owner is not None and owner.how == "pronoun":
        # "Russia warned the United States and its allies": "its" is the first conjunct's
        owner = resolver.actor_for(head.head)
    if owner is None or owner.country is None:
        return None
    if not is_country(owner.country) or set(owner.roles) - {"GOV", "MIL"}:
        return None
    for child in head.children:
        if child.dep_ in ("amod", "compound") and child.lower_ not in ALLIANCE_QUALIFIERS:
            return None  # "its regional allies", "its Gulf allies"
        if child.dep_ == "prep" and child.lower_ in ("in", "across", "from", "outside"):
            inner = of_object(head, child.lower_)
            named = resolver.actor_for(inner) if inner is not None else None
            if _organisation(named) and named is not None and named.code is not None:
                # "Russia and its allies in the CSTO" → the CSTO
                return Actor(named.code, named.country, named.roles, text, start, end, "dictionary")
            return None  # "its allies in the Pacific"
    bloc = alliance_of(owner.country, resolver.day)
    if bloc is None:
        return None
    how = "pronoun" if owner.how == "pronoun" else "dictionary"
    return Actor(bloc, "IGO", (), text, start, end, how)

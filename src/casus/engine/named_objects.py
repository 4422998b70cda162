"""Noun classes an object has by its name rather than its noun, and the name a noun is given in
close apposition. "seized Scarborough Shoal" takes a
named place (PLACE_NAMED), "quit ECOWAS" leaves a named organisation (MEMBER_BODY).

A lexicon row's object class is matched against the object's lemma forms; a proper name has no
lemma a class can list, so the classes a name gives are added here: a place entity (GPE, LOC, FAC)
is a PLACE_NAMED, a name the actor dictionary knows as an inter-governmental organisation is a
MEMBER_BODY, a name after a ship prefix ("intercepted the MT Horse") is a VESSEL. Only rows that
name these classes use them (docs/lexicon.md#named-objects), so a verb that takes many things by
name ("entered Cairo", "took Russia to court") is not affected.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casus.engine.sentences import entity_of
from casus.ontology.actors import load_dictionary
from casus.ontology.words import word_list

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
PLACE_NAMED = "PLACE_NAMED"
MEMBER_BODY = "MEMBER_BODY"
IGO_PREFIX = "IGO"
VESSEL = "VESSEL"
VESSEL_PREFIXES = word_list("vessel_prefixes")


def _entity(token: Token) -> Span | None:
    if not token.ent_type_:
        return None
    return entity_of(token)


def _ship_name(token: Token) -> bool:
    """A name after a ship prefix: "intercepted the MT Horse", "the USS Carney" (the parser
    makes the prefix a compound of the name, or the name's first word)."""
    if token.pos_ != "PROPN":
        return False
    words = [c for c in token.children if c.dep_ == "compound" and c.i < token.i] + [token]
    return words[0].lower_.replace(".", "") in VESSEL_PREFIXES and len(words) > 1


def _name_classes(token: Token) -> set[str]:
    if _ship_name(token):
        return {VESSEL}
    entity = _entity(token)
    if entity is not None and entity.label_ in PLACE_ENTITIES:
        return {PLACE_NAMED}
    if entity is not None and entity.label_ == "ORG":
        text = entity.text.removeprefix("the ").removeprefix("The ")
    elif token.pos_ == "PROPN" or (token.is_upper and len(token) > 1):
        text = token.text  # an acronym the model tags as nothing ("quit ECOWAS")
    else:
        return set()
    if any(e.code.startswith(IGO_PREFIX) for e in load_dictionary().find(text)):
        return {MEMBER_BODY}
    return set()


def named_classes(token: Token) -> set[str]:
    """The classes an object phrase has by its name or by the name in apposition to it ("the West
    African bloc ECOWAS", "the oil cartel OPEC"); found once per token."""
    memo: dict[int, set[str]] = token.doc.user_data.setdefault("casus.named_classes", {})
    found = memo.get(token.i)
    if found is None:
        found = _name_classes(token)
        for child in token.children:
            if child.dep_ == "appos":
                found |= _name_classes(child)
        memo[token.i] = found
    return found


def close_apposition(head: Token) -> Token | None:
    """The name right after a common noun, with no comma between ("the regional bloc ECOWAS",
    "the oil cartel OPEC"): a close apposition, which names the noun's referent."""
    if head.pos_ != "NOUN" or head.i + 1 >= len(head.doc):
        return None
    name = head.doc[head.i + 1]
    return name if name.dep_ == "appos" and name.head.i == head.i and name.pos_ == "PROPN" else None

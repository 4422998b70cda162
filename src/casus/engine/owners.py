"""Whose a thing is: its possessor, a country adjective, a "by", "from" or "of" phrase
("military exercises by Iranian forces"). For a ship, plane or cargo a participle may say it:
a hyphenated flag or owner ("a Greek-flagged tanker", "a Russian-owned superyacht") or an
owner's clause ("a vessel owned by an Israeli firm"). Seizing, hijacking or striking such a
craft is aimed at that country (docs/gold-annotation.md, "Conventions"): the named owner before
the flag, since a flag is often one of convenience ("a Liberian-flagged vessel owned by an
Israeli firm" → Israel).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casus.engine.frames import demonym_actor, prefixed
from casus.ontology.words import word_list

if TYPE_CHECKING:
    from spacy.tokens import Token

    from casus.engine.resolver import Resolver
    from casus.model import Actor

FLAG_PARTICIPLES = word_list("flag_participles")
OWNING_PARTICIPLES = word_list("owning_participles")
LINKING_PARTICIPLES = word_list("linking_participles")
LINKS = frozenset({"to", "with"})
SEAT_PARTICIPLES = word_list("seat_participles")
SEATED_NOUNS = word_list("seated_nouns")
SEAT = "in"
OWNER_PREPS = frozenset({"by", "from", "of"})


def owner_of(token: Token, resolver: Resolver, depth: int = 0) -> Actor | None:
    """The actor an object noun belongs to: possessor, country adjective, "by" or "of"
    phrase ("military exercises by Iranian forces"), or whose the "of" phrase's noun is
    ("banned imports of Turkish goods" → Turkey); of a craft, its named owner, then its
    flag ("a Greek-flagged tanker", below)."""
    held = owner_phrase(token) if depth < 2 else None  # "a network of smugglers tied to X"
    if held is not None:
        owner = resolver.actor_for(held)
        owner = owner if owner is not None and owner.code else owner_of(held, resolver, 2)
        if owner is not None and owner.code is not None:
            return owner
    for child in modifiers(token):
        if child.dep_ == "poss" or (
            child.dep_ in ("amod", "compound") and child.i < token.i and not prefixed(child)
        ):
            actor = (
                resolver.actor_for(child)
                if child.dep_ == "poss"
                else (
                    flag_owner(child, resolver)
                    or demonym_actor(child, resolver)
                    or (resolver.actor_for(child) if child.pos_ == "PROPN" else None)
                )
            )
            if (
                actor is not None
                and actor.code is not None
                and not named_after(child, actor, token, resolver)
            ):
                return actor
    objects = _first_objects(token)  # one walk over the children for the three words
    for word in ("by", "from", "of"):  # "calls by Belarus", "an offer from Afghanistan"
        inner = objects.get(word)
        if inner is not None:
            actor = resolver.actor_for(inner)
            if actor is not None and actor.code is not None:
                return actor
            if word == "of" and depth < 1:  # "imports of Turkish goods", "assets of its banks"
                actor = owner_of(inner, resolver, depth + 1)
                if actor is not None:
                    return actor
    return None


def modifiers(token: Token) -> list[Token]:
    """The noun's children, then the country adjectives the parser hung on one of its
    compounds: "the **Russian** missile strikes on Kyiv" ("Russian" modifies "missile"); not
    one joined to it by a hyphen, which says what the compound is: "a French-language radio
    station" is no French station."""
    children = list(token.children)
    return children + [
        g
        for c in children
        if c.dep_ == "compound" and c.i < token.i
        for g in c.children
        if g.dep_ == "amod" and g.i < c.i and g.whitespace_
    ]


def _first_objects(token: Token) -> dict[str, Token]:
    """The object of the first "by", "from" and "of" phrase on ``token`` that has one."""
    found: dict[str, Token] = {}
    for child in token.children:
        if child.dep_ != "prep":
            continue
        word = child.lower_
        if word in OWNER_PREPS and word not in found:
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                found[word] = pobj
    return found


def owner_phrase(token: Token) -> Token | None:
    """The noun of the owner's clause on ``token``: "a vessel owned by an Israeli firm" →
    firm, "entities linked to North Korea's weapons programme" → programme, "companies
    based in the United Arab Emirates" → the Emirates."""
    for clause in token.children:
        if clause.dep_ != "acl":
            continue
        lemma = clause.lemma_.lower()
        for by in clause.children:
            owning = lemma in OWNING_PARTICIPLES and (
                by.dep_ == "agent" or (by.dep_ == "prep" and by.lower_ == "by")
            )
            linking = lemma in LINKING_PARTICIPLES and by.dep_ == "prep" and by.lower_ in LINKS
            # "seven companies based in the United Arab Emirates": the seat's country
            seated = (
                lemma in SEAT_PARTICIPLES
                and by.dep_ == "prep"
                and by.lower_ == SEAT
                and token.lemma_.lower() in SEATED_NOUNS
            )
            if owning or linking or seated:
                return next((g for g in by.children if g.dep_ == "pobj"), None)
    return None


def flag_owner(modifier: Token, resolver: Resolver) -> Actor | None:
    """The country of a hyphenated flag or owner modifier: "Greek" in "a Greek-flagged
    tanker", "Russian" in "a Russian-owned yacht"."""
    if modifier.lower_ not in FLAG_PARTICIPLES or modifier.i < 2:
        return None
    doc = modifier.doc
    if doc[modifier.i - 1].text != "-":
        return None
    word = doc[modifier.i - 2]
    if word.head.i != modifier.i:
        return None
    actor = demonym_actor(word, resolver) or resolver.actor_for(word)
    return actor if actor is not None and actor.code is not None else None


def named_after(modifier: Token, actor: Actor, head: Token, resolver: Resolver) -> bool:
    """Whether a town only names a thing after where it was made: "the Zurich protocols",
    "the Dayton accords" (but "Darfur rebels" are the rebels of Darfur)."""
    return modifier.dep_ == "compound" and actor.how == "place" and resolver.actor_for(head) is None


def kept_by(token: Token, resolver: Resolver) -> str | None:
    """The country that has the forces a role noun names, as the object of "have": "Portugal
    has 60 military instructors training Mozambican marines" → PRT, "France has 5,000 troops
    fighting jihadists in the Sahel" → FRA (not the country where they serve)."""
    if token.dep_ != "dobj" or token.head.lemma_.lower() != "have":
        return None
    for subject in token.head.children:
        if subject.dep_ == "nsubj":
            actor = resolver.actor_for(subject)
            if actor is not None and actor.country and not actor.roles:
                return actor.country
    return None

"""One actor per country coordinated in a phrase that names the members of a group.

"Officials from Armenia and Azerbaijan met in Geneva", "delegations from Serbia and Kosovo":
the role noun is no one country's, so it is one actor per country of its "from" phrase (ARMGOV
and AZEGOV), and the meeting is between them. So is a plural role's "of" phrase: "the
governments of Venezuela, Cuba and Nicaragua condemned the coup", "the embassies of the United
States, Canada and Australia urged the government" are three sources each (one of them alone
was coded before).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from casus.model import Actor
from casus.ontology.actors import join_code

if TYPE_CHECKING:
    from spacy.tokens import Token

MEMBER_PREPS = frozenset({"from"})
# Tags of a head whose "of" phrase lists members too: a plural ("the governments of").
PLURAL_TAGS = frozenset({"NNS", "NNPS"})


def member_actors(
    token: Token,
    actor: Actor | None,
    actor_for: Callable[[Token], Actor | None],
    pair: Callable[[Token], list[Actor]],
) -> list[Actor]:
    """The role ``actor`` once for each country coordinated in ``token``'s "from" phrase (a
    plural's "of" phrase too), or of the pair it refers back to ("corps commanders from both
    armies", ``pair``: the resolver's collective reading); empty unless there are at least
    two such countries."""
    if actor is None or (actor.code is not None and actor.how == "person"):
        return []
    # "Leaders of France, Germany and Italy": a plural member head is its "of" country
    bare = token.tag_ in PLURAL_TAGS and actor.code is not None and actor.code == actor.country
    if not actor.roles and not bare:
        return []
    for prep in token.children:
        listed = prep.lower_ == "of" and token.tag_ in PLURAL_TAGS
        if prep.dep_ != "prep" or not (prep.lower_ in MEMBER_PREPS or listed):
            continue
        first = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if first is None:
            continue
        countries = [str(a.country) for a in pair(first) if a.country]
        if len(set(countries)) >= 2:
            return _each(actor, list(dict.fromkeys(countries)))
        conjuncts = [first, *first.conjuncts]
        countries = []
        for named in (actor_for(c) for c in conjuncts):
            # "officials from Armenia and its army": only countries count
            if named is None or named.country is None or named.roles:
                return []
            if named.country not in countries:
                countries.append(named.country)
        if len(countries) >= 2:
            return _each(actor, countries)
    return []


def _each(actor: Actor, countries: list[str]) -> list[Actor]:
    """The role actor once for each country."""
    return [
        Actor(
            join_code(country, actor.roles),
            country,
            actor.roles,
            actor.text,
            actor.start,
            actor.end,
            "dictionary",
        )
        for country in countries
    ]

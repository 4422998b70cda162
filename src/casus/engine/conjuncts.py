"""One actor per country coordinated in a phrase that names the members of a group.

"Officials from Armenia and Azerbaijan met in Geneva", "delegations from Serbia and Kosovo":
the role noun is no one country's, so it is one actor per country of its "from" phrase (ARMGOV
and AZEGOV), and the meeting is between them. Not "of": "the presidents of Venezuela and
Guyana" are often each other's counterparts, resolved by the collective readings.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from casus.model import Actor
from casus.ontology.actors import join_code

if TYPE_CHECKING:
    from spacy.tokens import Token

MEMBER_PREPS = frozenset({"from"})


def member_actors(
    token: Token,
    actor: Actor | None,
    actor_for: Callable[[Token], Actor | None],
    pair: Callable[[Token], list[Actor]],
) -> list[Actor]:
    """The role ``actor`` once for each country coordinated in ``token``'s "from" phrase, or
    of the pair it refers back to ("corps commanders from both armies", ``pair``: the
    resolver's collective reading); empty unless there are at least two such countries."""
    if actor is None or not actor.roles or (actor.code is not None and actor.how == "person"):
        return []
    for prep in token.children:
        if prep.dep_ != "prep" or prep.lower_ not in MEMBER_PREPS:
            continue
        first = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if first is None:
            continue
        countries = [str(a.country) for a in pair(first) if a.country]
        if len(set(countries)) >= 2:
            return _each(actor, list(dict.fromkeys(countries)))
        conjuncts = [first] + [c for c in first.children if c.dep_ == "conj"]
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

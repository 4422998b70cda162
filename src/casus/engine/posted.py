"""Who summons or expels an envoy when the text does not say: the country it is posted to.

"Iran's ambassador **in Baku** was summoned on Monday", "The Russian ambassador **to Poland**
was summoned", "two diplomats at the embassy **in Tehran** were expelled": an agentless summons
or expulsion of an envoy (`envoy_nouns`) is done by the government of the country the envoy
is posted to (docs/actors.md#implicit-agents).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casus.engine.context import is_country
from casus.engine.frames import Frame, unwrap_quantifier
from casus.engine.scope import Scope
from casus.model import Actor
from casus.ontology.words import word_list

if TYPE_CHECKING:
    from spacy.tokens import Token

ENVOY_NOUNS = word_list("envoy_nouns")
# Summoning (11x), expelling and recalling (16x): acts a host state does to an envoy.
HOST_ROOTS = frozenset({"11", "16"})
POSTING_PREPS = frozenset({"in", "to", "at"})


def host_state(frame: Frame, scope: Scope, root: str) -> Actor | None:
    """The government of the country the envoy in an agentless passive is posted to."""
    if root not in HOST_ROOTS:
        return None
    envoys = [unwrap_quantifier(c) for c in frame.pred.children if c.dep_ in ("nsubjpass", "dobj")]
    for envoy in envoys:
        if envoy.lemma_.lower() not in ENVOY_NOUNS:
            continue
        own = scope.resolver.actor_for(envoy)
        for place in _posted_at(envoy):
            actor = scope.resolver.actor_for(place)
            # a country, a place or a capital (not "the Iranian embassy": that is the sender)
            named = (
                actor is not None and actor.known and (not actor.roles or actor.how == "metonym")
            )
            country = actor.country if actor is not None and named else None
            if country and is_country(country) and (own is None or own.country != country):
                start = place.idx + scope.offset
                return Actor(country + "GOV", country, ("GOV",), "", start, start, "context")
    return None


def _posted_at(envoy: Token) -> list[Token]:
    """The places an envoy noun is posted to: "ambassador in Baku", "envoy to Poland", "two
    diplomats at the embassy in Tehran" (through a mission to where it is)."""
    out = []
    for prep in envoy.children:
        if prep.dep_ == "prep" and prep.lower_ in POSTING_PREPS | {"of"}:
            for place in (g for g in prep.children if g.dep_ == "pobj"):
                if place.lemma_.lower() in ENVOY_NOUNS:
                    out += _posted_at(place)
                elif prep.lower_ != "of":
                    out.append(place)
    return out

"""Who summons or expels an envoy when the text does not say: the country it is posted to;
and where an acting envoy sits, which is no side of its acts.

"Iran's ambassador **in Baku** was summoned on Monday", "The Russian ambassador **to Poland**
was summoned", "two diplomats at the embassy **in Tehran** were expelled": an agentless summons
or expulsion of an envoy (`envoy_nouns`) is done by the government of the country the envoy
is posted to (docs/actors.md#implicit-agents).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casus.engine.allies import countries_only_in
from casus.engine.context import is_country
from casus.engine.frames import Frame, unwrap_quantifier
from casus.engine.resolver import Resolver
from casus.engine.scope import Scope
from casus.engine.sentences import sentence_of
from casus.model import Actor
from casus.ontology.words import word_list

if TYPE_CHECKING:
    from spacy.tokens import Token

ENVOY_NOUNS = word_list("envoy_nouns")
# An organisation's office in a country deals with it: "the UN mission in Libya condemned".
ENVOY_POSTS = word_list("envoy_posts")
PERSON_ENVOYS = ENVOY_NOUNS - ENVOY_POSTS
# Summoning (11x), expelling and recalling (16x): acts a host state does to an envoy.
HOST_ROOTS = frozenset({"11", "16"})
POSTING_PREPS = frozenset({"in", "to", "at"})
# Where an envoy sits ("the ambassador in Manila"), as against whom it is accredited to
# ("the ambassador to Poland", a title that names the other side of its dealings).
STATIONED_PREPS = frozenset({"in", "at"})
# A relative pronoun subject stands for the noun its clause hangs from ("a diplomat who asked").
RELATIVE_TAGS = frozenset({"WP", "WDT"})


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


def posting_countries(frame: Frame, resolver: Resolver) -> set[str]:
    """The countries the sentence names only as where the acting envoy sits, which are no
    side of its act: "the US ambassador in Manila condemned the manoeuvres" is aimed at
    whoever made them, not at the Philippines, and "a Western diplomat in Bamako said" no
    appeal to Mali (docs/event-model.md#the-dyad-in-focus). "The ambassador to Poland" is
    his title and is not set aside, nor a country the sentence also names elsewhere."""
    places = {
        t.i
        for subject in frame.subjects
        for place in _stationed_at(_noun(subject))
        for t in place.subtree
    }
    if not places:
        return set()
    return countries_only_in(sentence_of(frame.pred), places, resolver)


def _noun(subject: Token) -> Token:
    """The noun a subject stands for: a relative pronoun's antecedent, else the subject."""
    if subject.tag_ in RELATIVE_TAGS and subject.head.dep_ == "relcl":
        return subject.head.head
    return unwrap_quantifier(subject)


def _stationed_at(envoy: Token) -> list[Token]:
    """The places an envoy sits in: "ambassador in Manila", "diplomats at the embassy in
    Tehran" (through a mission to where it is); none for a mission itself (`envoy_posts`)."""
    if envoy.lemma_.lower() not in PERSON_ENVOYS:
        return []
    return [place for place in _posted_at(envoy) if place.head.lower_ in STATIONED_PREPS]

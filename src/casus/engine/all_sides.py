"""Appeals to "all sides" or "all parties": the country whose crisis they are parties to
(docs/actors.md#all-sides).

Outsiders appeal to every party of a country's crisis at once: "the United States urged all
sides to refrain from violence" after a disputed vote in Gabon, "the Commission calls on all
parties to return to the negotiating table" about the war in Sudan. Every gold set that meets
the phrase (team, dev-long-events, fresh, fresh2, independent-dev) codes its target as that
country, bare: the parties are not named, so neither is a role. The country is the one the
speaker's own phrase places it in ("The OSCE Mission in Kosovo called on all sides" → KSV),
else the country the story has named most so far, the speaker's own included ("President
Joko Widodo asked all sides to accept the verdict" → IDN). "Both sides" is a pair
(:mod:`casus.engine.collectives`).
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from casus.engine.context import country_evidence, is_country
from casus.engine.phrases import clause_subject
from casus.model import Actor
from casus.ontology.gazetteer import countries
from casus.ontology.words import word_list

if TYPE_CHECKING:
    from spacy.tokens import Token

    from casus.engine.resolver import Resolver

ALL_SIDES_HEADS = word_list("all_sides_heads")
ALL_WORDS = frozenset({"all"})
PLURAL_TAGS = frozenset({"NNS"})


def all_sides(resolver: Resolver, head: Token, text: str, start: int, end: int) -> Actor | None:
    """The country "all sides" / "all parties" (``head``) stands for, as a bare country
    actor (how ``context``); None for any other phrase or when the story has named no
    country but the speaker's."""
    if head.lemma_.lower() not in ALL_SIDES_HEADS or head.tag_ not in PLURAL_TAGS:
        return None
    if not any(c.lower_ in ALL_WORDS and c.i < head.i for c in head.children):
        return None
    named = _own_place(resolver, head)  # "urged all parties in Pakistan": Pakistan
    if named is not None:
        return Actor(named, named, (), text, start, end, "context")
    speaker = clause_subject(head)
    if speaker is not None and speaker.i == head.i and head.head.dep_ == "ccomp":
        speaker = clause_subject(head.head.head)  # "China said all sides should resolve …"
    if speaker is not None and speaker.i != head.i:
        placed = _placed_in(resolver, speaker)
        if placed is not None:
            return Actor(placed, placed, (), text, start, end, "context")
    # the speaker's own country counts: "President Joko Widodo asked all sides to accept
    # the verdict" is Indonesia's crisis
    country = most_named(resolver, head)
    if country is None:
        return None
    return Actor(country, country, (), text, start, end, "context")


def most_named(resolver: Resolver, token: Token) -> str | None:
    """The country (a state, not a region such as Southeast Asia) the story has named most in
    the mentions before ``token``, the first named on a tie: the country a story is about
    so far."""
    known = countries()
    counts = Counter(
        country
        for seen in resolver.earlier(token)
        if (country := country_evidence(seen.actor)) is not None and country in known
    )
    return counts.most_common(1)[0][0] if counts else None


def _placed_in(resolver: Resolver, speaker: Token) -> str | None:
    """The country of the place the speaker's phrase is in: "The OSCE Mission in Kosovo"."""
    for prep in (c for c in speaker.children if c.dep_ == "prep" and c.lower_ == "in"):
        for place in (c for c in prep.children if c.dep_ == "pobj"):
            actor = resolver.cached(place.i)
            if actor is not None and (country := country_evidence(actor)) is not None:
                return country
    return None


def _own_place(resolver: Resolver, head: Token) -> str | None:
    """The country an "in" phrase of the phrase itself names: "all parties in Pakistan" →
    PAK, whoever speaks (not the speaker's country, nor the story's)."""
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "in"):
        for place in (c for c in prep.children if c.dep_ == "pobj"):
            actor = resolver.actor_for(place)
            country = country_evidence(actor) if actor is not None else None
            if country is not None and is_country(country):
                return country
    return None

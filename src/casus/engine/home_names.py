"""Institutions named by a name several states share, by the story's country
(docs/actors.md#offices-without-a-country).

"Congress" alone is the US Congress in the dictionary; in a story filed from Lima, or one
whose last sentences are about Peru and not the United States, it is Peru's
(``ontology/data/home_institutions.tsv``): "LIMA — Congress rejected a bill to bring the
elections forward" → PERLEG. A country word in the phrase decides first: "Peru's Congress",
"the Peruvian Congress" → PERLEG, "the US Congress" → USALEG.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casus.engine.antecedents import NATIONAL_OFFICES
from casus.engine.context import country_evidence, is_country
from casus.model import Actor
from casus.ontology.actors import Entry, split_code
from casus.ontology.institutions import home_institution, shared_names

if TYPE_CHECKING:
    from spacy.tokens import Token

    from casus.engine.resolver import Resolver

# How many sentences back (besides its own) a country makes a story "about" it.
STORY_REACH = 2
US = "USA"
# the roles of a state's own institutions (not "the opposition party")
OFFICE_ROLES = frozenset({"GOV", "LEG"})


def _story_country(resolver: Resolver, head: Token) -> str | None:
    """The dateline's country; else the latest country named in the head's sentence and the
    two before it, unless the United States is among them (then the US Congress is meant)."""
    if resolver.dateline is not None and is_country(resolver.dateline):
        return resolver.dateline
    here = resolver.sentence_of(head)
    named = [
        c
        for seen in resolver.recent(head)
        if here - seen.sentence <= STORY_REACH and (c := country_evidence(seen.actor)) is not None
    ]
    if not named or US in named:
        return None
    return named[-1]


def home_side(
    resolver: Resolver,
    head: Token,
    head_entry: Entry,
    modifier_entry: Entry | None,
    where: tuple[str, int, int],
) -> Actor | None:
    """The actor a shared institution name is in this story, or None to keep the
    dictionary's reading (``where`` is the phrase's text, start and end)."""
    name = head.lower_
    if name not in shared_names() or head_entry.kind not in ("seat", "name"):
        return None
    if modifier_entry is not None:
        country: str | None = split_code(modifier_entry.code).country  # "Peru's Congress"
    elif any(c.dep_ in ("compound", "amod", "poss", "nmod") for c in head.children):
        return None  # a modifier casus cannot place: leave the dictionary's reading
    else:
        country = _story_country(resolver, head)
    if country is None:
        return None
    code = home_institution(name, country)
    if code is None or code == head_entry.code:
        return None
    parts = split_code(code)
    text, start, end = where
    # a name of the tables, read in the story's country (not a role guessed from context,
    # which the engine may re-place: "Congress condemned the ELN rebels" stays COLLEG)
    return Actor(code, parts.country, parts.roles, text, start, end, "dictionary")


def is_institution(actor: Actor, token: Token | None) -> bool:
    """Whether a role-only actor is a state's own institution named without a country
    ("parliament", "the cabinet", "the ruling party"; not "the opposition party")."""
    if token is None or token.lemma_.lower() not in NATIONAL_OFFICES:
        return False
    return bool(set(actor.roles) & OFFICE_ROLES)


def filed_institution(resolver: Resolver, actor: Actor, token: Token | None) -> str | None:
    """The dateline's country for a state's institution named without a country
    (``national_offices``: "the cabinet", "parliament", "the junta", "the ruling party"), which
    outranks the places of its event's arguments: "MADRID — Parliament condemned Morocco's
    treatment of migrants" → ESPLEG (Morocco is what it condemned), "ANKARA — The cabinet
    approved sanctions against Israel" → TURGOV. None without such a dateline, or when the
    dateline is the seat of an organisation ("BRUSSELS — Parliament voted" is as likely the
    European Parliament's)."""
    if not is_institution(actor, token):
        return None
    country = resolver.dateline
    if country is None or not is_country(country) or resolver.dateline_place is None:
        return None
    seats = resolver.dictionary.find(resolver.dateline_place, resolver.day)
    if any(e.kind == "seat" and not is_country(split_code(e.code).country) for e in seats):
        return None
    return country

"""The country a story is set in, as the target of help sent into it from outside.

A foreign state or organisation that sends aid, peacekeepers or forces into the country a
story is set in often goes unnamed as the receiver: "PORT-AU-PRINCE – UN agencies flew in
aid" is aid to Haiti, "HONIARA – Canberra sent police and soldiers to restore order" is a
deployment to the Solomon Islands, "HONIARA – The US envoy arrived in the capital" a visit to
them. When the clause names no target and no dyad is in focus, such an act takes the story's
country: its dateline's, else the country the article is mostly about
(docs/actors.md#the-storys-own-country). Only a source from outside that country: "Haiti flew
in aid" names no receiver. Other acts never take it: a statement or a strike without a
target is no act on the country the story was filed from.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casus.engine.context import is_country
from casus.engine.frames import Frame, argument_tokens, place_in
from casus.engine.scope import Scope
from casus.model import Actor
from casus.ontology.words import word_list

if TYPE_CHECKING:
    from spacy.tokens import Token

# Aid (07x, peacekeepers 074 among it) and force posture (15x: deployments) are sent into
# the country a story is set in.
SENT_ROOTS = frozenset({"07", "15"})
# and visitors arrive in it: "HONIARA – The US envoy arrived in the capital on Friday" (042).
VISIT_CODE = "042"
# Occupying territory (192): a place taken that the clause does not name lies in the country
# the story is about.
TAKEN_CODE = "192"
# Sides that take ground from their own state: "the RSF took the city" (Sudan's).
INSURGENT_ROLES = frozenset({"REB", "INS", "SEP", "RAD", "UAF"})
# Violence done to a site (an attack, an assault, a coercive act such as arson: 17x-20x).
SITE_ROOTS = frozenset({"17", "18", "19", "20"})
# Sites held by whoever the story's country is: "attacked the base", "strikes on the plant".
STRUCK_SITES = word_list("struck_sites")
# Places of civilians: "air strikes on markets", "an air strike on the town" (its people).
CIVILIAN_SITES = word_list("civilian_sites")
SITES = STRUCK_SITES | CIVILIAN_SITES
# Where a site struck stands in the clause: its object, or what the act is "on" or "at".
SITE_PREPS = ("on", "at", "against", "upon")


def story_country(scope: Scope) -> str | None:
    """Where the story is set: its dateline's country, else its main country."""
    context = scope.document.context
    if context is None:
        return None
    country = context.dateline or context.main_country()
    return country if country is not None and is_country(country) else None


def setting_target(scope: Scope, frame: Frame, source: Actor, code: str) -> Actor | None:
    """The story's country as the receiver of aid, forces or a visit sent by a known side
    from outside it, for a clause that names no target."""
    sent = code[:2] in SENT_ROOTS or code.startswith(VISIT_CODE)
    if not sent or not source.known or not source.country:
        return None
    country = story_country(scope)
    if country is None or country == source.country:
        return None
    start = frame.pred.idx + scope.offset
    return Actor(country, country, (), "", start, start, "context")


def taken_ground(scope: Scope, frame: Frame, source: Actor, code: str) -> Actor | None:
    """The country of a place taken that the clause does not name, as the target of the
    taking: "Hundreds were killed after the RSF took the city" in a story about Sudan →
    Sudan (the side that held it is not said; its country is where it lies). The story's
    main country, else its dateline's, unless that is the taker's own and the taker is no
    insurgent. Not for a place whose holder is named ("the rebel
    stronghold", "the SSA's headquarters"): whose it was is then the target, not where."""
    context = scope.document.context
    if not code.startswith(TAKEN_CODE) or context is None or frame.kind != "verb":
        return None  # "last month's U.S. invasion" names no place taken
    if not frame.objects or _held(scope, frame):
        return None
    country = context.main_country()
    if country is None or not is_country(country):
        return None
    if country == source.country and not set(source.roles) & INSURGENT_ROLES:
        return None  # "Russian forces took the village" in a Moscow story: not Russia's
    start = frame.pred.idx + scope.offset
    return Actor(country, country, (), "", start, start, "context")


def struck_site(scope: Scope, frame: Frame, source: Actor, code: str) -> Actor | None:
    """The country of a site struck that names no holder and no place, as the target of the
    violence: "the PKK carried out the attack on the base late on Friday" in a story about
    Turkey → Turkey; "the registration office was set on fire" in one about Kosovo → Kosovo.
    The story's main country, else its dateline's; never the striker's own state unless the
    striker is an insurgent or no one named ("Russian jets hit the airfield" in a Moscow
    story is no attack on Russia). A place of civilians is its people, whoever strikes it:
    "the army carried out air strikes on markets" in a story about Sudan → SDNCVL."""
    context = scope.document.context
    site = _site(frame) if code[:2] in SITE_ROOTS and context is not None else None
    if site is None or context is None:
        return None
    if place_in(argument_tokens(frame), scope.resolver.gazetteer, None) is not None:
        return None  # "shelled a camp outside El Fasher": the place's people (home_people)
    country = context.main_country()
    if country is None or not is_country(country):
        return None
    # taking a village (192) is no violence done to its people
    civilian = site.lemma_.lower() in CIVILIAN_SITES and not code.startswith(TAKEN_CODE)
    # a state strikes its own towns and markets in a war at home, not in one abroad
    # ("Russian artillery pounded the town" after Russia's strikes on Ukraine)
    own = source.country == country and not set(source.roles) & INSURGENT_ROLES
    if own and (not civilian or _fights_abroad(scope, country)):
        return None
    # the site's own span: a relative clause on it may still name who is there ("the base,
    # which houses American troops", venues.hosted_forces)
    start = site.idx + scope.offset
    side, roles = (country + "CVL", ("CVL",)) if civilian else (country, ())
    return Actor(side, country, roles, site.text, start, start + len(site.text), "context")


def _fights_abroad(scope: Scope, country: str) -> bool:
    """Whether an earlier event of the story is violence between ``country`` and another
    country (either way), by a side that is no insurgent."""
    for e in scope.earlier:
        if e.cameo_root not in SITE_ROOTS or e.source is None or e.target is None:
            continue
        if set(e.source.roles) & INSURGENT_ROLES:
            continue
        sides = (e.source.country or "", e.target.country or "")
        if country in sides and sides[0] != sides[1] and all(map(is_country, sides)):
            return True
    return False


def _site(frame: Frame) -> Token | None:
    """The site the act is done to (no actor): its object or its "on"/"at" phrase."""
    heads = [*frame.objects, *(t for p in SITE_PREPS for t in frame.preps.get(p, []))]
    return next((t for t in heads if t.lemma_.lower() in SITES), None)


def _held(scope: Scope, frame: Frame) -> bool:
    """Whether a taken place's phrase names who held it: "the rebel stronghold"."""
    return any(
        c.dep_ in ("poss", "amod", "compound") and scope.resolver.actor_for(c) is not None
        for o in frame.objects
        for c in o.children
    )

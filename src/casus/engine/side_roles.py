"""The role of an event's side by convention, from how the text names it and what it does.

The resolver codes a phrase from its words alone ("Russia" → RUS, "Russia's defence ministry"
→ RUSGOVMIL). Once the event is coded, what the side does says what it stands for
(``data/side_roles.tsv``; docs/actors.md#roles-of-event-sides):

- a country named bare as the source of a political act is its government: "Oman said it had
  brokered the deal" → OMNGOV; of an act of force, its armed forces: "Israel struck targets in
  Syria" → ISRMIL. Targets keep the code the text gives them.
- a side carries one role: "Israel's defence minister warned" → ISRGOV, "Russia's defence
  ministry said it had downed 25 drones" → RUSMIL (the institution, and "it" for it).

The engine reasons with the resolver's codes; only the coded events' sides are rewritten, in
the events stage, before the later stages and every output.
"""

from __future__ import annotations

import dataclasses

from casus.model import Actor, Event
from casus.ontology.actors import join_code, split_code
from casus.ontology.gazetteer import countries
from casus.ontology.side_roles import side_roles
from casus.ontology.words import word_list, word_values

# a bare code from these is a country the text named: not a place inside it ("Tabriz"), and
# not a country guessed for a generic or unknown side
NAMED_HOWS = frozenset({"dictionary", "pronoun", "context"})
INSTITUTION_NOUNS = word_list("institution_nouns")
PRONOUN_KINDS = word_values("pronoun_kinds")
INSTITUTION_PRONOUNS = frozenset({"thing", "group"})


def with_roles(event: Event) -> Event:
    """The event with its sides' roles set by convention (itself when nothing changes)."""
    source = _single(_source_role(event.source, event.cameo))
    target = _single(event.target)
    if source is event.source and target is event.target:
        return event
    return event.with_(source=source, target=target)  # no round trip through __init__


def _source_role(actor: Actor | None, cameo: str) -> Actor | None:
    """A bare country source takes the role of its event's three-digit code or root
    ("Russia urged" → RUSGOV, "Israel struck" → ISRMIL, "Turkey sealed the border" → TURGOV)."""
    if actor is None or actor.code is None or actor.how not in NAMED_HOWS:
        return actor
    if actor.code != actor.country or actor.code not in countries():
        return actor
    roles = side_roles().source_roles
    role = roles.get(cameo[:3], roles.get(cameo[:2]))
    if role is None:
        return actor
    return _recoded(actor, actor.code, (role,))


def _single(actor: Actor | None) -> Actor | None:
    """A side with stacked roles keeps one: the table's, else its first."""
    if actor is None or actor.code is None:
        return actor
    parts = split_code(actor.code)
    if len(parts.roles) < 2:
        return actor
    person, institution = side_roles().single.get(parts.roles, (parts.roles[0], parts.roles[0]))
    role = institution if _institution(actor) else person
    return _recoded(actor, parts.country, (role,), parts.tags)


def _institution(actor: Actor) -> bool:
    """Whether a side names an institution ("the defence ministry", "it" for it) rather than a
    person, an office holder or a government ("the defence minister", "he", "the junta")."""
    if actor.how == "person":
        return False
    words = actor.text.lower().split()
    if len(words) == 1 and words[0] in PRONOUN_KINDS:
        return PRONOUN_KINDS[words[0]] in INSTITUTION_PRONOUNS
    return any(_bare(w) in INSTITUTION_NOUNS for w in words)


def _bare(word: str) -> str:
    """A word without its punctuation and possessive ending ("ministry's" → "ministry")."""
    word = word.strip('.,;:"“”')
    for ending in ("'s", "’s", "'", "’"):
        if word.endswith(ending):
            return word[: -len(ending)]
    return word


def _recoded(
    actor: Actor, country: str, roles: tuple[str, ...], tags: tuple[str, ...] = ()
) -> Actor:
    code = join_code(country, roles, tags)
    if code == actor.code:
        return actor
    return dataclasses.replace(actor, code=code, roles=roles)

"""The role of an event's side by convention, from how the text names it and what it does.

The resolver codes a phrase from its words alone ("Russia" → RUS, "Russia's defence ministry"
→ RUSGOVMIL). Once the event is coded, what the side does says what it stands for
(``data/side_roles.tsv``; docs/actors.md#roles-of-event-sides):

- a country named bare as the source of a political act is its government: "Oman said it had
  brokered the deal" → OMNGOV; of an act of force, its armed forces: "Israel struck targets in
  Syria" → ISRMIL. A country named bare as the target of a political act is its government
  too: "Japan urged China to release the crew" → CHNGOV; a target of force, aid or coercion,
  a people ("Tunisians") and a target the text does not name keep the code they have, but
  a country's military asset struck is its armed forces ("attacked Pakistani border posts"
  → PAKMIL), and a counterpart holds the other side's office ("his Tajik counterpart").
- a side carries one role: "Israel's defence minister warned" → ISRGOV, "Russia's defence
  ministry said it had downed 25 drones" → RUSMIL (the institution, and "it" for it).

The engine reasons with the resolver's codes; only the coded events' sides are rewritten, in
the events stage, before the later stages and every output.
"""

from __future__ import annotations

import dataclasses

from casus.model import Actor, Event
from casus.ontology.actors import join_code, load_dictionary, split_code
from casus.ontology.gazetteer import countries
from casus.ontology.side_roles import side_roles
from casus.ontology.words import word_list, word_values

# a bare code from these is a country the text named: not a place inside it ("Tabriz"), and
# not a country guessed for a generic or unknown side
NAMED_HOWS = frozenset({"dictionary", "pronoun", "context"})
INSTITUTION_NOUNS = word_list("institution_nouns")
PRONOUN_KINDS = word_values("pronoun_kinds")
INSTITUTION_PRONOUNS = frozenset({"thing", "group"})
COUNTERPART_NOUNS = frozenset({"counterpart", "counterparts"})
MILITARY_ASSETS = word_list("military_assets")
CIVILIAN_CRAFT_WORDS = word_list("civilian_craft_words")
FORCE_ROOTS = frozenset({"18", "19", "20"})
# words that end the noun phrase after a country adjective ("Pakistani border posts in Kurram")
PHRASE_ENDS = frozenset(
    {"in", "near", "on", "at", "of", "and", "or", "with", "from", "to", "by", "along", "across"}
)
# "all sides", "all parties": every party to one country's crisis, not its government
ALL_WORDS = frozenset({"all"})


def with_roles(event: Event) -> Event:
    """The event with its sides' roles set by convention (itself when nothing changes)."""
    source = _single(_source_role(event.source, event.cameo))
    target = _single(_force_target(event) or _target_role(event.target, event.cameo))
    source, target = _counterpart(source, target), _counterpart(target, source)
    if source is event.source and target is event.target:
        return event
    return event.with_(source=source, target=target)  # no round trip through __init__


def _source_role(actor: Actor | None, cameo: str) -> Actor | None:
    """A bare country source takes its act's role, and so does a capital that stands for the
    government: "Ankara deployed thousands of troops to Idlib" → TURMIL, as "Turkey" would."""
    if actor is not None and actor.how == "metonym" and actor.code == f"{actor.country}GOV":
        bare = dataclasses.replace(actor, code=actor.country, roles=(), how="dictionary")
        recoded = _bare_role(bare, cameo, side_roles().source_roles)
        if recoded is not None and recoded is not bare and recoded.code != actor.code:
            return dataclasses.replace(actor, code=recoded.code, roles=recoded.roles)
        return actor
    return _bare_role(actor, cameo, side_roles().source_roles)


def _counterpart(actor: Actor | None, other: Actor | None) -> Actor | None:
    """A counterpart holds the other side's office in its own country: "Tashiev (the Kyrgyz
    security chief) met his Tajik counterpart" → TJKSPY, "Shoigu spoke with his Armenian
    counterpart" → ARMGOV (a minister's single role)."""
    if actor is None or other is None or actor.code is None or other.code is None:
        return actor
    words = actor.text.lower().split()
    if not words or _bare(words[-1]) not in COUNTERPART_NOUNS or not actor.country:
        return actor
    theirs = split_code(other.code)
    # a former office holder (ELI, by the publication date) had a counterpart in office then
    if len(theirs.roles) != 1 or theirs.roles == ("ELI",) or theirs.country == actor.country:
        return actor
    return _recoded(actor, actor.country, theirs.roles)


def _force_target(event: Event) -> Actor | None:
    """A country's military asset struck is its armed forces: "Afghan forces attacked
    **Pakistani** border posts" → PAKMIL, "shot down several Peruvian planes" → PERMIL; not a
    passenger plane or a fishing boat, and not the villages or towns it holds."""
    actor = event.target
    if actor is None or actor.code is None or event.cameo[:2] not in FORCE_ROOTS:
        return None
    if actor.how not in NAMED_HOWS or actor.code != actor.country or actor.code not in countries():
        return None
    offset = actor.end - event.evidence_start
    after = event.evidence_text[offset:].split()[:3] if offset >= 0 else []
    for word in (*actor.text.split()[1:], *after):
        bare = _bare(word).lower()
        if bare in CIVILIAN_CRAFT_WORDS or bare in PHRASE_ENDS:
            return None
        if _asset(bare):
            return _recoded(actor, actor.code, ("MIL",))
        if not bare.isalpha() or word[-1] in ",;:":
            return None
    return None


def _asset(word: str) -> bool:
    """Whether a noun (singular or plural) names a military asset."""
    return any(
        word.endswith(end) and word[: len(word) - len(end)] in MILITARY_ASSETS
        for end in ("", "s", "es")
    )


def _target_role(actor: Actor | None, cameo: str) -> Actor | None:
    """A bare country the text names as the target of a political act is its government
    ("Japan urged China" → CHNGOV), not a people named by its demonym ("urged Tunisians")
    nor every party to its crisis ("urged all sides"); a pair of states is the two governments
    ("accused both countries")."""
    if actor is None or not actor.text.strip() or _people(actor.text) or _parties(actor.text):
        return actor
    return _bare_role(actor, cameo, side_roles().target_roles)


def _parties(text: str) -> bool:
    """Whether a phrase names every party to a crisis ("all sides", "all Lebanese parties")."""
    return any(_bare(w) in ALL_WORDS for w in text.lower().split())


def _people(text: str) -> bool:
    """Whether a phrase ends in a people's name ("Tunisians", "ethnic Albanians")."""
    words = text.split()
    entries = load_dictionary().find(_bare(words[-1])) if words else []
    return any(e.kind == "people" for e in entries)


def _bare_role(actor: Actor | None, cameo: str, roles: dict[str, str]) -> Actor | None:
    """A bare country side takes the role of its event's three-digit code or root
    ("Russia urged" → RUSGOV, "Israel struck" → ISRMIL, "Turkey sealed the border" → TURGOV)."""
    if actor is None or actor.code is None or actor.how not in NAMED_HOWS:
        return actor
    if actor.code != actor.country or actor.code not in countries():
        return actor
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

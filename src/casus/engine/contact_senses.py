"""Which contact a verb of travel, sending or speech is, by who moves, what is sent and who is
spoken to.

CAMEO's 042 "make a visit" is people travelling to meet; its 010 "make statement" is speech
to no one in particular. Two common verbs cross those lines by their sides, not their words:

- Armed forces arriving are deployed, not visiting (:func:`arriving_forces`): "the first
  Rwandan troops arrived in Mozambique" is a build-up of forces (154), "CSTO peacekeeping
  forces arrived in Kazakhstan" sends peacekeepers (074).
- Ships and boats that arrive, head or return somewhere visit no one (:func:`arriving_forces`):
  "most of the French boats have begun heading back to Normandy", "picked up by a passing
  merchant vessel and landed in Djibouti" (a plane or a convoy may carry visitors, and a
  navy's ships are forces, so those keep their codes).
- Sending one's own warships or jets to a place is a show of force, not military aid
  (:func:`sent_platforms`): "Jakarta sent warships and fighter jets to the same waters" (154);
  "sent fighter jets to Ukraine" stays aid (072).
- Speaking to a state's leader or office is consulting (:func:`spoken_to`, CAMEO 040: "all
  consultations and meetings"): "Johnson has spoken to Jersey's chief minister"; speaking
  to reporters or a crowd stays a statement (010).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from casus.engine.frames import unwrap_quantifier
from casus.ontology.words import word_list

if TYPE_CHECKING:
    from spacy.tokens import Token

    from casus.engine.frames import Frame
    from casus.model import Actor
    from casus.ontology.lexicon import Lexicon, Pattern

VISIT_CODE = "042"
TRAVEL_LEMMAS = frozenset(word_list("travel_verbs"))
PEACEKEEPING_CODE = "074"
FORCE_BUILDUP_CODE = "154"
PEACEKEEPER_CLASS = "PEACEKEEPER"
FORCE_CLASSES = frozenset({"TROOPS", "POLICE"})
VESSEL_CLASS = "VESSEL"
# vessels that are forces, or that carry people who do visit ("the president's plane landed")
CARRIER_CLASSES = frozenset({"NAVAL_FORCE", "AIRCRAFT", "PEACEKEEPER"}) | FORCE_CLASSES
CARRIER_WORDS = frozenset({"plane", "aircraft", "airliner", "jet", "bus", "convoy", "warship"})
MILITARY_AID_CODE = "072"
SENDING_LEMMAS = frozenset({"send", "dispatch", "deploy"})
# what a state deploys rather than hands over (missiles and drones are also handed over)
PLATFORM_CLASSES = frozenset({"AIRCRAFT", "VESSEL", "NAVAL_FORCE", "TROOPS"})
HANDED_CLASSES = frozenset({"MISSILE"})
RECIPIENT_PREPS = ("to", "into")
RECIPIENT_ENTITIES = frozenset({"GPE", "NORP", "ORG", "PERSON"})
OWN_WORD = "own"
OWN_PHRASE_DEPS = frozenset({"poss", "compound", "amod"})
STATEMENT_CODE = "010"
CONSULT_CODE = "040"
SPEECH_LEMMAS = frozenset({"speak", "talk"})
ADDRESSEE_PREP = "to"
# the sides one consults: a state's offices and forces, not its press or its people
OFFICE_ROLES = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})


def arriving_forces(pattern: Pattern | None, frame: Frame, lexicon: Lexicon) -> Pattern | None:
    """A visit (042) whose travellers are armed forces is a deployment: peacekeepers sent to
    a country (074, "peacekeeping forces of the CSTO arrived in Kazakhstan"), else a build-up
    of forces (154, as "deployed troops" is: "the first Rwandan troops arrived in Pemba").
    Ships or boats that travel make none (None)."""
    if (
        pattern is None
        or pattern.code != VISIT_CODE
        or pattern.obj is not None
        or frame.kind != "verb"
        or pattern.lemma not in TRAVEL_LEMMAS
    ):
        return pattern
    classes: set[str] = set()
    heads = {unwrap_quantifier(s).lemma_.lower() for s in frame.subjects}
    for subject in frame.subjects:
        for form in _forms(unwrap_quantifier(subject)):
            classes |= lexicon.classes_of(form)
    if VESSEL_CLASS in classes and not classes & CARRIER_CLASSES and not heads & CARRIER_WORDS:
        return None  # "the French boats headed back to Normandy": ships move, no one visits
    if PEACEKEEPER_CLASS in classes:
        return replace(pattern, code=PEACEKEEPING_CODE)
    if classes & FORCE_CLASSES:
        return replace(pattern, code=FORCE_BUILDUP_CODE)
    return pattern


def sent_platforms(pattern: Pattern | None, frame: Frame, lexicon: Lexicon) -> Pattern | None:
    """Military aid (072) sent as warships, jets or troops that are the sender's own ("its own
    jets and ships") or sent to a place no one is named in ("to the same waters") is a
    deployment, 154 (CAMEO 072 provides military equipment to the target)."""
    if (
        pattern is None
        or pattern.code != MILITARY_AID_CODE
        or frame.kind != "verb"
        or pattern.lemma not in SENDING_LEMMAS
        or not frame.objects
    ):
        return pattern
    for obj in frame.objects:
        classes: set[str] = set()
        for form in _forms(obj):
            classes |= lexicon.classes_of(form)
        if not classes & PLATFORM_CLASSES or classes & HANDED_CLASSES:
            return pattern
    own = any(c.lower_ == OWN_WORD for o in frame.objects for c in o.children)
    recipients = [t for p in RECIPIENT_PREPS for t in frame.preps.get(p, [])]
    # the phrase's own words, not a place further on ("the waters off the Natuna islands")
    named = any(
        w.ent_type_ in RECIPIENT_ENTITIES
        for t in recipients
        for w in (t, *(c for c in t.children if c.dep_ in OWN_PHRASE_DEPS))
    )
    if own or not named:
        return replace(pattern, code=FORCE_BUILDUP_CODE)
    return pattern


def _forms(noun: Token) -> list[str]:
    """A noun's lemma, and each modifier before it with the lemma: "force", "peacekeeping
    force", "police officer"."""
    lemma = noun.lemma_.lower()
    mods = [
        c.lemma_.lower() for c in noun.children if c.dep_ in ("compound", "amod") and c.i < noun.i
    ]
    return [lemma, *(f"{mod} {lemma}" for mod in mods)]


def spoken_to(pattern: Pattern, targets: list[Actor | None]) -> Pattern:
    """Speaking to (010) a state's office or leader is consulting it (040): "Macron spoke to
    Putin for two hours"; "spoke to reporters" keeps 010."""
    if (
        pattern.code != STATEMENT_CODE
        or pattern.lemma not in SPEECH_LEMMAS
        or pattern.prep != ADDRESSEE_PREP
    ):
        return pattern
    if not any(t is not None and t.known and set(t.roles) & OFFICE_ROLES for t in targets):
        return pattern
    return replace(pattern, code=CONSULT_CODE)

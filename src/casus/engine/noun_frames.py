"""The frame of a nominal event: who acts and on whom when the event is a noun ("Iran's
expulsion of four diplomats", "a Russian drone attack on Kyiv", "held talks with Baku").

Split from frames.py, which reads the frames of verbs; a noun's frame borrows from them where a
light verb, a journey or a report lends the noun its subject.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casus.engine.calls import call_parties
from casus.engine.frames import (
    MEASURE_NOUNS,
    Frame,
    agentive_holders,
    demonym_actor,
    passive_victims,
    prefixed,
    prep_objects,
    verb_ancestor,
    verb_frame,
    with_conjuncts,
)
from casus.engine.modality import REPORTING_VERBS
from casus.engine.presupposition import dated_possessor
from casus.engine.readiness import ready_holders
from casus.engine.resolver import QUANTIFIER_HEADS
from casus.engine.undergone import reacted_from
from casus.ontology.words import word_list

if TYPE_CHECKING:
    from spacy.tokens import Token

    from casus.engine.resolver import Resolver

LIGHT_VERBS = word_list("light_verbs")
STANDING_NOUNS = word_list("standing_nouns")  # "has a treaty with": held, not done
TRAVEL_VERBS = word_list("travel_verbs")
WEAPON_NOUNS = word_list("weapon_nouns")
MOTION_NOUNS = word_list("motion_nouns")


def noun_frame(noun: Token, resolver: Resolver) -> Frame:
    """The frame of a nominal event: possessor, demonym or "by" phrase acts; "of" is the
    object; a light verb lends its subject ("held talks")."""
    frame = Frame(noun, "noun", lemma=noun.lemma_.lower())
    for child in noun.children:
        if child.dep_ == "poss" and child.i != getattr(dated_possessor(noun), "i", None):
            frame.subjects.extend(with_conjuncts(child))
        elif child.dep_ in ("amod", "compound") and child.i < noun.i:
            if prefixed(child):  # "anti-Iranian allegations": Iran is not the accuser
                continue
            actor = resolver.actor_for(child) if child.pos_ in ("PROPN", "NOUN") else None
            if actor is None and child.pos_ in ("ADJ", "PROPN"):
                actor = demonym_actor(child, resolver)
            if actor is not None and actor.code is not None and actor.how != "place":
                frame.subjects.append(child)
            elif child.pos_ == "NOUN":
                frame.objects.append(child)
    if not frame.subjects:
        frame.subjects = _weapon_owners(noun, resolver)
    prep_objects(noun, frame.preps)
    frame.subjects.extend(frame.preps.pop("by", []))
    frame.objects.extend(frame.preps.get("of", []))
    reacted_from(noun, frame, prep_objects)  # "drew criticism from Tehran", "a demand from"
    if not frame.subjects:  # "the expulsion of four diplomats by Azerbaijan" (by on the object)
        for obj in frame.preps.get("of", []):
            inner: dict[str, list[Token]] = {}
            prep_objects(obj, inner)
            frame.subjects.extend(inner.get("by", []))
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ in ("in", "by"):
        # "Soleimani was killed in a U.S. drone strike": the victim is the target
        victims = passive_victims(head.head)
        frame.objects[:0] = victims
        if victims:  # "killed in Israeli strikes on Gaza" (the parser hangs "on Gaza" on killed)
            harm_preps: dict[str, list[Token]] = {}
            prep_objects(head.head, harm_preps)
            for word, tokens in harm_preps.items():
                if word not in ("in", "by"):
                    frame.preps.setdefault(word, []).extend(tokens)
    if not frame.subjects and noun.dep_ == "pobj":
        frame.subjects = agentive_holders(head)
    counted = _counter(noun)  # "responded with a first wave of sanctions"
    if not frame.subjects and counted.dep_ in ("dobj", "pobj", "attr"):
        verb = counted.head if counted.dep_ != "pobj" else counted.head.head
        if verb.pos_ == "VERB" and verb.lemma_.lower() in LIGHT_VERBS and not _held(verb, noun):
            frame.subjects = verb_frame(verb).subjects
            prep_objects(verb, frame.preps)
        elif noun.dep_ == "pobj" and head.lower_ in ("in", "as"):
            # "said ... in an implicit warning to Baku": the speaker of the governing verb
            speech = verb_ancestor(noun)
            if speech is not None and speech.lemma_.lower() in REPORTING_VERBS:
                frame.subjects = verb_frame(speech).subjects
                frame.complements = [c for c in speech.children if c.dep_ == "ccomp"]
    call_parties(noun, frame, verb_frame)  # "thanked Kagame in a telephone call"
    if not frame.subjects:  # "the movement was ready for direct talks"
        frame.subjects = ready_holders(noun)
    if not frame.subjects and _travelled_for(noun):
        # "negotiators returned to Geneva for talks": who travels holds them
        frame.subjects = verb_frame(head.head).subjects
    if not frame.subjects and frame.lemma in MOTION_NOUNS and noun.dep_ in ("nsubj", "nsubjpass"):
        # "the deployment of Russian troops to Belarus began": what moves is who acts (not in
        # "opposed the deployment of a regional force", which may never happen)
        frame.subjects = list(frame.preps.get("of", []))
    return frame


def _held(verb: Token, noun: Token) -> bool:
    """Whether the light verb only says its subject holds the arrangement the noun names: "the
    United States, which **has** a mutual defence **treaty** with Manila" (no signing), but
    "held talks", "had a meeting" (done)."""
    return verb.lemma_.lower() == "have" and noun.lemma_.lower() in STANDING_NOUNS


def _travelled_for(noun: Token) -> bool:
    """Whether the noun is what a journey is for: "flew to Moscow **for talks**"."""
    prep = noun.head
    return (
        noun.dep_ == "pobj"
        and prep.lower_ == "for"
        and prep.head.pos_ == "VERB"
        and prep.head.lemma_.lower() in TRAVEL_VERBS
    )


def _weapon_owners(noun: Token, resolver: Resolver) -> list[Token]:
    """The nationality on the weapon that names a nominal attack: "a **Russian** drone and
    missile attack on western Ukraine" (the drone is Russian, so is the attack). A nationality
    on any other modifier is no agent ("the Azerbaijani embassy attack")."""
    owners = []
    for child in noun.children:
        if child.dep_ not in ("compound", "nmod") or child.i > noun.i:
            continue
        if child.lemma_.lower() not in WEAPON_NOUNS:
            continue
        for mod in child.children:
            if mod.dep_ == "amod" and mod.i < child.i and not prefixed(mod):
                actor = demonym_actor(mod, resolver)
                if actor is not None and actor.code is not None and actor.how != "place":
                    owners.append(mod)
    return owners


def _counter(noun: Token) -> Token:
    """The quantity phrase that stands in the clause for a counted event noun: "a first
    **wave** of sanctions", "a **series** of strikes" (else the noun itself)."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.i != head.i:
        counter = head.head
        if counter.lemma_.lower() in QUANTIFIER_HEADS | MEASURE_NOUNS:
            return counter
    return noun

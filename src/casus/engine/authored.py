"""Who made the thing a reaction names, when no coded event is its antecedent: the author of a
finding, ruling, resolution, pledge or report named by a definite noun.

News reports the act first and the reactions after it, naming the act by a noun: "Investigators
from the watchdog found that a helicopter had dropped the cylinders. Moscow dismissed **the
findings**" (the watchdog's), "The Security Council voted to authorise force. Putin compared
**the resolution** to a crusade" (the Council's), "Netanyahu's pledge to annex the valley ...
Riyadh condemned **the pledge**" (Israel's). The verb that made the thing is often not an event
casus codes ("found", "voted"), so the rule reads the text itself: the latest earlier verb of
the noun's own ``authored_nouns`` verbs, or an earlier mention of the same noun, gives the
author by its subject, its "by" agent or its possessor.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casus.engine.context import is_country
from casus.engine.frames import with_conjuncts
from casus.engine.phrases import clause_subject
from casus.engine.sides import dissent, governed
from casus.model import Actor
from casus.ontology.words import word_values

if TYPE_CHECKING:
    from spacy.tokens import Token

    from casus.engine.scope import Scope

# noun -> the verbs that make it: "findings" ← "found", "the resolution" ← "adopted", "voted".
# "*": only an earlier mention says who made it ("issued an arrest warrant ... the warrant").
AUTHORED_NOUNS = {
    noun: frozenset(verbs.split()) - {"*"} for noun, verbs in word_values("authored_nouns").items()
}
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
# The dependencies inside a maker's phrase that may name whom it acts for: "Investigators
# from the Organisation for the Prohibition of Chemical Weapons (OPCW)".
PHRASE_DEPS = frozenset({"prep", "pobj", "appos", "compound", "poss", "nmod"})
# not where it sat: "ministers meeting in Brussels", "a court in Paris" (but "judges at the
# court" act for it)
PHRASE_PREPS = frozenset({"from", "of", "for", "at"})
# How many tokens back the making verb may be: a few sentences of a short story.
REACH = 160


def authors_of(noun: Token, scope: Scope, source: Actor) -> list[Actor]:
    """The actors who made what a definite noun names (a finding, ruling, resolution, pledge,
    deal), from the latest earlier verb that makes it or earlier mention of it, every
    coordinated maker ("Armenia and Azerbaijan agreed ... France praised the deal" → both);
    never the reacting side itself. Empty when the noun is no such thing or the text names no
    author."""
    verbs = AUTHORED_NOUNS.get(noun.lemma_.lower())
    if verbs is None or not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in noun.children):
        return []
    doc = noun.doc
    for token in reversed(doc[max(0, noun.i - REACH) : noun.i]):
        if token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in verbs:
            makers = _makers(_doer(token), scope, source)
        elif token.pos_ == "NOUN" and token.lemma_.lower() == noun.lemma_.lower():
            makers = _makers(_owner(token), scope, source)
        else:
            continue
        if makers:
            return makers
    return []


def _doer(verb: Token) -> Token | None:
    """Who did a verb: its subject ("Investigators from the OPCW found"), else its "by" agent
    in the passive ("a resolution drafted by France"); not the "by" of a manner ("voted by a
    large majority")."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None:
        return subject
    for child in verb.children:
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return clause_subject(verb)


def _owner(mention: Token) -> Token | None:
    """Who made an earlier mention of the thing: its possessor ("Netanyahu's pledge"), its
    "by" phrase ("a ruling by the court"), else the subject of the verb it is the object of
    ("the council adopted a resolution") or the "in" phrase of ("said in a report")."""
    for child in mention.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ == "by":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    if mention.dep_ == "dobj" and mention.head.pos_ in ("VERB", "AUX"):
        return _doer(mention.head)
    prep = mention.head
    if mention.dep_ == "pobj" and prep.lower_ == "in" and prep.head.pos_ in ("VERB", "AUX"):
        return _doer(prep.head)  # "Human Rights Watch said in a report"
    return None


def _makers(token: Token | None, scope: Scope, source: Actor) -> list[Actor]:
    """The known actors a maker's phrase and its conjuncts name, one per code."""
    found: list[Actor] = []
    for maker in with_conjuncts(token) if token is not None else []:
        actor = _maker(maker, scope, source)
        if actor is not None and all(a.code != actor.code for a in found):
            found.append(actor)
    return found


def _maker(token: Token, scope: Scope, source: Actor) -> Actor | None:
    """The known actor a maker's phrase names, unless it is the reacting side's own country."""
    actor = next(
        (a for t in _phrase(token) if (a := scope.resolver.actor_for(t)) and a.known), None
    )
    return actor if actor is not None and other_side(actor, source) else None


def _phrase(head: Token) -> list[Token]:
    """A maker's phrase, head first, then its nouns and prepositional phrases in text order
    (not its relative clauses: "the council, which Moscow criticised, ...")."""
    inside: list[Token] = []
    stack = [head]
    while stack:
        token = stack.pop()
        inside.append(token)
        stack.extend(
            c
            for c in token.children
            if c.dep_ in PHRASE_DEPS and (c.dep_ != "prep" or c.lower_ in PHRASE_PREPS)
        )
    nouns = sorted((t for t in inside[1:] if t.pos_ in ("NOUN", "PROPN")), key=lambda t: t.i)
    return [head, *nouns]


def other_side(doer: Actor, source: Actor) -> bool:
    """Whether the doer of an act is another side than the one reacting to it: another country,
    or its own state for a non-state side ("The rights commission condemned what it called
    the excessive use of force" → the police), or its own people for a state."""
    if doer.code == source.code:
        return False
    if doer.country != source.country or not is_country(doer.country or ""):
        return True  # two organisations ("IGO") are two sides
    return dissent(source, doer) or governed(source, doer)

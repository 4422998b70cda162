"""The parties of a deal named by who concluded it, the sides a reaction to the deal is about.

"The European Union praised the peace deal **reached by Armenia and Azerbaijan**" and "NATO
welcomed the truce **agreed between Serbia and Kosovo**": the welcome or the praise goes to
each party of the deal, one event per party, as when the deal is "between" them
(docs/event-model.md#objects-and-targets). Only verbs of concluding a deal
(``concluding_verbs``) name parties: "the deal brokered by Qatar" names its mediator, which
mediated.py reads.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casus.engine.modality import REPORTING_VERBS
from casus.model import Actor
from casus.ontology.words import word_list

if TYPE_CHECKING:
    from spacy.tokens import Token

    from casus.engine.resolver import Resolver

CONCLUDING_VERBS = word_list("concluding_verbs")
PARTY_PREPS = frozenset({"by", "between"})


def deal_parties(noun: Token, resolver: Resolver) -> list[Actor]:
    """Every known actor of the "by" or "between" phrase of the participle that says who
    concluded ``noun``, one per code; empty when there is no such participle. spaCy may hang
    the participle as a clause over the noun ("welcomed the ceasefire agreed by India and
    Pakistan": "ceasefire" the subject of "agreed"), which is read the same way."""
    verbs = [c for c in noun.children if c.dep_ in ("acl", "relcl") and c.i > noun.i]
    head = noun.head
    if noun.dep_ == "nsubj" and head.dep_ == "ccomp" and noun in concluded_objects(head.head):
        verbs.append(head)  # the misparsed reduced relative
    found: list[Actor] = []
    for verb in verbs:
        if verb.lemma_.lower() not in CONCLUDING_VERBS:
            continue
        for prep in verb.children:
            if prep.dep_ not in ("agent", "prep") or prep.lower_ not in PARTY_PREPS:
                continue
            for first in (g for g in prep.children if g.dep_ == "pobj"):
                for token in [first, *(c for c in first.subtree if c.dep_ == "conj")]:
                    for actor in resolver.actors_for(token):
                        if actor.known and all(a.code != actor.code for a in found):
                            found.append(actor)
    return found


def concluded_objects(verb: Token) -> list[Token]:
    """The deal a verb with no object acts on when spaCy made the deal the subject of a
    reduced relative hung on the verb: "welcomed the ceasefire agreed by India and Pakistan"
    ("ceasefire" the subject of the clause "agreed by …")."""
    if verb.lemma_.lower() in REPORTING_VERBS:
        return []  # "said the sides agreed between them …" reports their agreeing
    for clause in verb.children:
        if (
            clause.dep_ == "ccomp"
            and clause.tag_ in ("VBN", "VBD")  # "welcomed the truce agreed between …"
            and clause.lemma_.lower() in CONCLUDING_VERBS
            and any(
                c.dep_ in ("agent", "prep") and c.lower_ in PARTY_PREPS for c in clause.children
            )
        ):
            return [c for c in clause.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"]
    return []

"""Nominal events the sentence takes as having happened, and nouns that name what did harm
(docs/event-model.md#nominal-events): an event noun with no named agent is coded only when
its clause presupposes the act ("An armed attack on the embassy left one guard dead"), never
when it only names a possibility ("the threat of an attack").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casus.ontology.words import word_list

if TYPE_CHECKING:
    from spacy.tokens import Token

# Verbs and prepositions that take the act their object names as having happened.
PRESUPPOSING_VERBS = word_list("presupposing_verbs")
PRESUPPOSING_PREPS = word_list("presupposing_preps")
HARM_VERBS = word_list("harm_verbs")
# Words of a time that owns an act: "**Saturday's** strikes", "**last week's** attack".
DAY_WORDS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday"}
    | {"week", "weekend", "month", "year", "night", "today"}
)
# What an act named by its day may still be ahead of: "ahead of Sunday's talks".
PENDING_WORDS = frozenset({"ahead", "before", "for", "until", "prior", "awaiting", "await"})


def presupposed(noun: Token) -> bool:
    """Whether the sentence takes the act a noun names as having happened: the subject of a
    finite verb ("An armed attack on the embassy left one guard dead"), the object of a
    reaction ("condemned the attack"), the time of another act ("after the coup", "since
    the expulsion", "amid fighting"), the subject of a past relative clause ("protests that
    erupted after her death"). "the threat of an attack" is none of these."""
    head = noun.head
    if dated_possessor(noun) is not None:
        # "the cost of Saturday's strikes on the Abqaiq plant": a dated act is a past one
        return not {head.lower_, head.head.lower_, head.lemma_.lower()} & PENDING_WORDS
    if noun.dep_ in ("nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        return head.tag_ in ("VBD", "VBZ", "VBP", "VBN")
    if noun.dep_ == "dobj" and head.lemma_.lower() in PRESUPPOSING_VERBS:
        return True
    if noun.dep_ == "pobj" and head.lower_ in PRESUPPOSING_PREPS:
        return True
    return any(_past_relative(c) for c in noun.children if c.dep_ == "relcl")


def dated_possessor(noun: Token) -> Token | None:
    """The time that owns a nominal act, which names when, not who: "**Saturday's** drone
    strikes", "**last week's** attack"."""
    for child in noun.children:
        if child.dep_ != "poss":
            continue
        if child.ent_type_ in ("DATE", "TIME") or child.lemma_.lower() in DAY_WORDS:
            return child
    return None


def _past_relative(verb: Token) -> bool:
    """A past relative clause whose subject is the act itself: "protests **that erupted**
    after her death", "the strike, **which killed** seven officers"."""
    if not any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("that", "which") for c in verb.children
    ):
        return False
    if verb.tag_ == "VBD":
        return True
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return (
        verb.tag_ == "VBN"
        and bool(auxes)
        and all(a.lower_ in ("has", "have", "had", "was", "were") for a in auxes)
    )


def harm_context(noun: Token) -> bool:
    """Whether a noun is the cause of harm in its clause: "were killed in Israeli strikes",
    "was destroyed by shelling"."""
    head = noun.head
    return (
        noun.dep_ == "pobj"
        and head.lower_ in ("in", "by", "during")
        and head.head.lemma_.lower() in HARM_VERBS
    )


__all__ = ["harm_context", "presupposed"]

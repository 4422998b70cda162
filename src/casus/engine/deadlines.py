"""A deadline given to another actor to do something is an ultimatum (CAMEO 139).

"The Czech government gave Moscow until the end of May to cut its embassy staff", "the junta
gave the French ambassador 72 hours to leave": "give" has no pattern for a time limit, and the
act asked for is the recipient's, not the giver's; the giving is the ultimatum, and the one
given the time is its target. "gave the talks more time" (no infinitive) and "gave Kyiv
$2 billion to buy arms" (no time limit) are no ultimatums.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from casus.engine.frames import Frame
    from casus.ontology.lexicon import Lexicon, Pattern

DEADLINE_VERBS = frozenset({"give"})
# "until the end of May", "till Friday", "by midnight"
DEADLINE_PREPS = frozenset({"until", "till", "by"})
# "48 hours", "a week", "ten days"
TIME_UNITS = frozenset({"minute", "hour", "day", "week", "month"})
ULTIMATUM_LEMMA = "issue"
ULTIMATUM_OBJECT = "ultimatum"
RECIPIENT_PREP = "to"
# how the parser attaches the act demanded: to the verb or to the time phrase
INFINITIVE_DEPS = frozenset({"advcl", "xcomp", "acl", "relcl"})


def _time_limit(verb: Token) -> Token | None:
    """The time a deadline gives: its "until" phrase or a count of time units."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in DEADLINE_PREPS:
            return child
        if child.dep_ in ("dobj", "npadvmod") and child.lemma_.lower() in TIME_UNITS:
            return child
    return None


def _is_infinitive(token: Token) -> bool:
    return (
        token.pos_ == "VERB"
        and token.dep_ in INFINITIVE_DEPS
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in token.children)
    )


def _infinitive(verb: Token, limit: Token) -> bool:
    """Whether the deadline is for an act: "to cut its embassy staff" (the parser hangs it on
    the verb or on the time phrase)."""
    heads = [verb, limit, *limit.subtree]
    return any(_is_infinitive(c) for head in heads for c in head.children)


def demanded_by_deadline(pred: Token) -> bool:
    """Whether a verb is the act a deadline demands ("gave Hamas a week to release the
    hostages"): the recipient's act, not yet done, and not the giver's."""
    if not _is_infinitive(pred):
        return False
    for verb in (pred.head, pred.head.head, pred.head.head.head):
        if verb.lemma_.lower() in DEADLINE_VERBS and verb.pos_ == "VERB":
            limit = _time_limit(verb)
            return limit is not None and _recipient(verb, limit) is not None
    return False


def _recipient(verb: Token, limit: Token) -> Token | None:
    """Who is given the time: the dative, else the direct object that is not the time."""
    for dep in ("dative", "dobj"):
        for child in verb.children:
            if child.dep_ == dep and child.i != limit.i and child.lower_ not in ("to", "for"):
                return child
    return None


def deadline_ultimatum(
    token: Token, frame: Frame, lexicon: Lexicon
) -> tuple[Frame, Pattern] | None:
    """The ultimatum a deadline given to someone states, with that someone as its "to"
    phrase; else None."""
    if token.lemma_.lower() not in DEADLINE_VERBS or frame.passive:
        return None
    limit = _time_limit(token)
    if limit is None or not _infinitive(token, limit):
        return None
    recipient = _recipient(token, limit)
    if recipient is None:
        return None
    issued = [
        p
        for p in lexicon.candidates("verb", ULTIMATUM_LEMMA)
        if p.obj == ULTIMATUM_OBJECT and p.prep == RECIPIENT_PREP
    ]
    if not issued:  # "issue an ultimatum to": the row whose code and target rule it takes
        return None
    pattern = issued[0]
    given = replace(
        frame,
        objects=[],
        preps={RECIPIENT_PREP: [recipient]},
        datives=[],
        complements=[],
        predicates=[],
        particles=set(),
    )
    return given, pattern

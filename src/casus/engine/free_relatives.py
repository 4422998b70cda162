"""A name given inside another act is part of that act: "condemned **what they called** a
coup", "apologised for **what it called** a mistake", "denounced what it described as
aggression". The free relative ("what X called Y") is the object of the condemning or the
apology; the naming is how the speaker refers to what it condemns, not a second statement.
Coded on its own, the evaluative "call" comes out as a second criticism (111) with no target,
or one aimed at whoever the sentence names last.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casus.ontology.words import word_list

if TYPE_CHECKING:
    from spacy.tokens import Token

    from casus.model import Event

NAMING_VERBS = word_list("naming_verbs")
FREE_RELATIVE_WORDS = frozenset({"what", "whatever"})
# how a free relative hangs on the act it names the object of: "condemned what …" (ccomp),
# "apologised for what …" (pcomp)
ARGUMENT_DEPS = frozenset({"ccomp", "pcomp", "xcomp", "dobj", "pobj"})


def without_named_objects(events: list[tuple[Event, Token]]) -> list[tuple[Event, Token]]:
    """``events`` (one sentence's) without the namings that are a free relative inside
    another act ("condemned what they called a coup": only the condemnation)."""
    return [(e, t) for e, t in events if not named_in_free_relative(t)]


def named_in_free_relative(trigger: Token) -> bool:
    """Whether ``trigger`` is the naming verb of a free relative that is an argument of
    another word: "condemned **what they called** a coup"."""
    if trigger.lemma_.lower() not in NAMING_VERBS or trigger.dep_ not in ARGUMENT_DEPS:
        return False
    if trigger.head.i == trigger.i:
        return False
    return any(
        c.dep_ in ("dobj", "nsubjpass") and c.lower_ in FREE_RELATIVE_WORDS
        for c in trigger.children
    )


__all__ = ["named_in_free_relative", "without_named_objects"]

"""States that have held since a time, told in the perfect passive with no doer: "the land
border between Armenia and Turkey has been closed since 1993", "flights have been suspended
since March". The sentence describes how things stand, not an act; the act that began the
state is coded where the text tells it ("when Ankara sealed it"). A count of people or things
acted on since then is a tally of acts and stays one: "three crossings have been closed
since Monday". Only verbs whose participle names a lasting state of a thing count
(``state_participles``): a person "detained since Monday" may be told of nowhere else.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casus.ontology.words import word_list

if TYPE_CHECKING:
    from spacy.tokens import Token

PERFECT_AUX = frozenset({"have", "has", "had", "'s", "'ve", "'d"})
STATE_PARTICIPLES = word_list("state_participles")
SINCE = "since"


def standing_state(verb: Token) -> bool:
    """Whether the verb is a state participle in the perfect passive with no agent, a
    "since" time and a subject that is no count: a state of affairs, no event."""
    if verb.tag_ != "VBN" or verb.lemma_.lower() not in STATE_PARTICIPLES:
        return False
    children = list(verb.children)
    if not any(c.dep_ == "auxpass" and c.lower_ == "been" for c in children):
        return False
    if not any(c.dep_ == "aux" and c.lower_ in PERFECT_AUX for c in children):
        return False
    if any(c.dep_ == "agent" for c in children):
        return False
    if not any(_since(c) for c in children):
        return False
    subjects = [c for c in children if c.dep_ == "nsubjpass"]
    return bool(subjects) and not any(_count(s) for s in subjects)


def _since(child: Token) -> bool:
    """A "since" phrase or clause: "since 1994", "since the coup", "since Ankara sealed it"."""
    if child.dep_ == "prep" and child.lower_ == SINCE:
        return True
    return child.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ == SINCE for m in child.children
    )


def _count(subject: Token) -> bool:
    """A subject that counts what was acted on: "three crossings", "dozens of flights"."""
    return any(t.like_num or t.dep_ in ("nummod", "quantmod") for t in subject.subtree)

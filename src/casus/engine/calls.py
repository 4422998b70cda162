"""The parties of a call in which something else was done.

"Nyusi thanked Kagame in a telephone call", "the minister assured her counterpart during a
phone conversation that ...": the call is an event of its own (CAMEO 041), between whoever
does the act it carries and whom that act is done to. The noun frame of such a call has no
subject of its own, so without this it would not be coded beside the thanks.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from casus.ontology.words import word_list

if TYPE_CHECKING:
    from spacy.tokens import Token

# Nouns of a conversation held at a distance: "in a phone call", "during a video conference".
CALL_NOUNS = word_list("call_nouns")
# Prepositions by which a call carries the act of the verb it hangs on.
CALL_PREPS = frozenset({"in", "during", "over"})
# The verb's arguments that are the other party of the call: "thanked Kagame", "told him".
PARTNER_DEPS = frozenset({"dobj", "dative"})


def call_parties(noun: Token, frame: Any, verb_frame: Callable[[Token], Any]) -> None:
    """Give the call ``noun`` (a frame with no subjects yet) the subjects of the verb it is
    said in, and the verb's object as the partner ("with") when the call names none.
    ``verb_frame`` builds the verb's frame (it follows relative clauses: "Nyusi, who thanked
    Kagame in a telephone call")."""
    verb = call_host(noun)
    if frame.subjects or verb is None:
        return
    frame.subjects = list(verb_frame(verb).subjects)
    if frame.subjects and not frame.preps.get("with"):
        partners = [c for c in verb.children if c.dep_ in PARTNER_DEPS]
        if partners:
            frame.preps["with"] = partners[:1]


def call_host(noun: Token) -> Token | None:
    """The verb whose act a call noun carries ("thanked" in "thanked Kagame in a telephone
    call last Thursday"), which also gives the call its time; None for any other noun."""
    head = noun.head
    if (
        noun.dep_ != "pobj"
        or head.lower_ not in CALL_PREPS
        or head.head.pos_ != "VERB"
        or not _call(noun)
    ):
        return None
    return head.head


def _call(noun: Token) -> bool:
    """Whether the noun is a call: a call noun with another before it ("phone call",
    "telephone conversation", "video call"); a bare "conversation" may be an interview."""
    lemma = noun.lemma_.lower()
    modifiers = {c.lemma_.lower() for c in noun.children if c.dep_ in ("compound", "amod")}
    return lemma in CALL_NOUNS and bool(modifiers & CALL_NOUNS)

"""Objects a sentence leaves out because the text just said them
(docs/event-model.md#elided-objects): "France expelled 35 Russian diplomats. Spain expelled 25
more", "police arrested 12 protesters and detained another 20": what the count counts is the
counted noun before it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from casus.engine.phrases import of_object
from casus.engine.sentences import sentence_of

if TYPE_CHECKING:
    from spacy.tokens import Token

# Counts that head what they count ("dozens of diplomats"); an elided count ("25 more")
# stands for the nearest counted noun before it.
COUNT_NOUNS = frozenset({"dozens", "hundreds", "thousands", "scores"})
# How many sentences back (besides its own) the counted noun is looked for.
BACK_SENTENCES = 1


def elided_object(token: Token) -> Token | None:
    """The noun an elliptical count object stands for ("25 more", "another 20", "dozens
    more"): the nearest counted noun before it, in its sentence or the one before ("imposed
    sanctions on 20 Russian officials ... sanctioned 15 more" → officials)."""
    if token.dep_ != "dobj" or not _elliptical(token):
        return None
    first = sentence_of(token).start
    for _ in range(BACK_SENTENCES):
        if first > 0:
            first = sentence_of(token.doc[first - 1]).start
    for earlier in reversed(token.doc[first : token.i]):
        if earlier.pos_ != "NOUN" or _elliptical(earlier):
            continue
        if any(c.dep_ == "nummod" for c in earlier.children):
            return earlier  # "20 Russian officials"
        counted = of_object(earlier) if earlier.lower_ in COUNT_NOUNS else None
        if counted is not None:
            return counted  # "dozens of Russian diplomats"
    return None


def _elliptical(token: Token) -> bool:
    """Whether an object is a bare count the text means as "more of the same": "25 more",
    "another 20", "dozens more" (with "more" on the verb)."""
    children = list(token.children)
    if token.lower_ == "more":
        return any(c.dep_ == "nummod" for c in children)
    if token.pos_ == "NUM":
        return any(c.lower_ == "another" for c in children)
    if token.lower_ in COUNT_NOUNS:
        return of_object(token) is None and any(
            c.lower_ == "more" for c in token.head.children if c.dep_ == "advmod"
        )
    return False

"""An order to another actor whose content the lexicon does not code is still a demand.

"The International Court of Justice ordered Myanmar to take all measures to prevent genocide",
"the court ordered Venezuela to refrain from holding elections": the ordered act ("take
measures", "refrain") has no pattern, so the "order" patterns, which code by what is ordered,
find nothing; the order itself is a demand (100) on its object. Orders to one's own forces are
dropped by the idiom table before this ("ordered the army to withdraw").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casus.engine.sentences import document_words, sentence_of

if TYPE_CHECKING:
    from spacy.tokens import Token

    from casus.engine.frames import Frame
    from casus.engine.matching import PatternMatcher
    from casus.ontology.lexicon import Lexicon, Pattern

ORDERING_VERBS = frozenset({"order", "instruct", "direct", "command"})
DEMAND_LEMMA = "demand"
# The parser's readings of the ordered act: "ordered Myanmar to take" (xcomp), "ordered that
# Myanmar take" (ccomp).
ORDERED_DEPS = frozenset({"xcomp", "ccomp"})


def bare_order(
    token: Token, frame: Frame, matcher: PatternMatcher, lexicon: Lexicon
) -> tuple[Frame, Pattern] | None:
    """The demand an order states when no pattern codes what it orders, else None."""
    if token.lemma_.lower() not in ORDERING_VERBS or frame.passive or not frame.objects:
        return None
    if not any(c.dep_ in ORDERED_DEPS for c in token.children):
        return None
    if matcher.idioms.find(token, sentence_of(token), document_words(token.doc)) is not None:
        return None
    if matcher.best_pattern(frame) is not None:
        return None
    demand = next((p for p in lexicon.candidates("verb", DEMAND_LEMMA) if p.specificity == 0), None)
    return (frame, demand) if demand is not None else None

"""The pair "the two sides" refers to, set on the resolver before each frame is coded.

The two sides of the latest event nearby whose sides the text names, else the article's main
dyad (docs/actors.md#collective-phrases).
"""

from __future__ import annotations

from casus.engine.context import is_country
from casus.engine.frames import Frame
from casus.engine.scope import Scope
from casus.engine.sides import FOCUS_SENTENCES
from casus.model import Actor

# How a side is found when the text names it (not a pronoun's or a place's guess).
NAMED = frozenset({"dictionary", "person", "metonym"})


def recent_dyad(scope: Scope, frame: Frame) -> tuple[Actor, Actor] | None:
    """What "the two sides" refers to: the two sides of the latest event coded before this
    frame in its sentence or the two before, when both are countries' actors the text names;
    else the article's main dyad (its two most mentioned countries, each at least twice):
    "Burkina Faso expelled three French diplomats. … ECOWAS called on both sides to resolve
    their differences" → BFA and FRA, not the last two countries named ("turned to Russia")."""
    sentence = scope.resolver.sentence_of(frame.pred)
    for event in reversed(scope.earlier + scope.current):
        if event.sentence_index < sentence - FOCUS_SENTENCES:
            break
        source, target = event.source, event.target
        if (
            source is not None
            and target is not None
            and source.country
            and target.country
            and is_country(source.country)
            and is_country(target.country)
            and source.country != target.country
            and source.how in NAMED
            and target.how in NAMED
        ):
            return source, target
    context = scope.document.context
    pair = context.pair() if context is not None else None
    if pair is None:
        return None
    at = frame.pred.idx + scope.offset
    first, second = (Actor(c, c, (), "", at, at, "context") for c in pair)
    return first, second

"""Where a role-only source is from when the article's main country cannot be its country.

A role-only source ("the foreign ministry", "the junta", "a spokesperson") takes the article's
main country from context, but never the country its act is done to
(docs/actors.md#country-from-context). When the article is mostly about that target, the
latest other country named in the act's sentence or the two before says whose the speaker
is ("… outside the French embassy in Niamey. The junta accused France" → NER), else the
story's dateline: "BEIJING – A spokesperson for the Taiwan Affairs Office condemned the
remarks of Taiwan's leader" → CHNGOV, "TEHRAN – The foreign ministry urged Baku to release
the detainees" → IRNGOV. Only for what a state's roles say or how they deal (roots 01-14):
who arrests or fights ("Presidential guard officers detained the president") is no matter of
which other country was named last or where the story was filed.
"""

from __future__ import annotations

from casus.engine.context import is_country
from casus.engine.frames import Frame
from casus.engine.scope import Scope
from casus.engine.sides import STATE_ROLES, generic_actor, in_country
from casus.model import Actor

# How far back a country named before the act still says whose a role-only speaker is.
NEARBY_SENTENCES = 2


def other_home(
    source: Actor, targets: list[Actor | None], frame: Frame, scope: Scope, *, speech: bool
) -> Actor:
    """The source in the latest other country named near its act, or the dateline's, when
    that is none of the targets' and the source is a state role that speaks or deals (roots
    01-14, ``speech``); else the source with its guessed country dropped."""
    if not speech or not source.roles or not set(source.roles) <= STATE_ROLES:
        return generic_actor(source)
    avoid = {t.country for t in targets if t is not None and t.country}
    avoid.add(str(source.country))  # the main country it was given: that of a target
    here = scope.resolver.sentence_of(frame.pred)
    named = [
        str(seen.actor.country)
        for seen in scope.resolver.recent(frame.pred)
        if seen.actor.country
        and is_country(seen.actor.country)
        and here - seen.sentence <= NEARBY_SENTENCES
    ]
    context = scope.document.context
    dateline = context.dateline if context is not None else None
    for country in [*reversed(named), dateline]:
        if country is not None and is_country(country) and country not in avoid:
            return in_country(source, country, "context")
    return generic_actor(source)

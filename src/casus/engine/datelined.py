"""The dateline's country for a role-only source the article's main country cannot be.

A role-only source ("the foreign ministry", "a spokesperson") takes the article's main country
from context, but never the country its act is done to (docs/actors.md#country-from-context).
When the article is mostly about that target, the story's dateline still says where the
speaker is: "BEIJING – A spokesperson for the Taiwan Affairs Office condemned the remarks of
Taiwan's leader" → CHNGOV, "TEHRAN – The foreign ministry urged Baku to release the
detainees" → IRNGOV. Only for peaceful acts of a state's roles: who fights is no matter of
where the story was filed.
"""

from __future__ import annotations

from casus.engine.context import is_country
from casus.engine.scope import Scope
from casus.engine.sides import STATE_ROLES, generic_actor, in_country
from casus.model import Actor


def other_home(
    source: Actor, targets: list[Actor | None], scope: Scope, *, peaceful: bool
) -> Actor:
    """The source in the dateline's country when that is none of the targets' and the source
    is a peaceful state role; else the source with its guessed country dropped."""
    context = scope.document.context
    dateline = context.dateline if context is not None else None
    if (
        peaceful
        and dateline is not None
        and is_country(dateline)
        and source.roles
        and set(source.roles) <= STATE_ROLES
        and all(t is None or t.country != dateline for t in targets)
    ):
        return in_country(source, dateline, "context")
    return generic_actor(source)

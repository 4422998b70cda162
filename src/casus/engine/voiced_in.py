"""Who voices an agentless passive criticism or rejection "in" a capital: the capital's
government (docs/actors.md#country-from-context, "Implicit agents").

News reports a government's reaction by the seat it came from: "the Moscow-led bloc, which
was criticised in Bishkek for staying silent" → KGZGOV; "the proposal was rejected in
Tehran" → IRNGOV. Only verbal conflict (criticism, accusation, rejection) is read this way:
where a signing or a meeting took place ("the deal was signed in Doha") is only a venue,
and a place that is no seat of government ("was criticised in Kansas", "in Germany") names
no one who spoke.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casus.model import Actor

if TYPE_CHECKING:
    from casus.engine.frames import Frame
    from casus.engine.resolver import Resolver

# Roots of what a government is said to have voiced: disapprove (11), reject (12).
VOICED_ROOTS = frozenset({"11", "12"})


def voiced_in(frame: Frame, resolver: Resolver, root: str) -> Actor | None:
    """The government of the capital an agentless passive criticism happened "in", or
    None (also when the clause names more than one such capital)."""
    if root not in VOICED_ROOTS or not frame.passive or frame.subjects:
        return None
    seats = []
    for token in frame.preps.get("in", []):
        actor = resolver.actor_for(token)
        if actor is not None and actor.how == "metonym" and actor.country:
            seats.append(actor)
    if len({a.country for a in seats}) != 1:
        return None
    seat = seats[0]
    return Actor(seat.code, seat.country, seat.roles, seat.text, seat.start, seat.end, "context")

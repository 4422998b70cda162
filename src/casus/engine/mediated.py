"""The parties of a mediated thing named by a noun that modifies another clause's act.

"Yemen's Houthi rebels and the Saudi-led coalition exchanged detainees under a deal
**brokered by Oman**" and "The presidents agreed not to use force, after a meeting **mediated
by Brazilian officials**": the deal and the meeting are between who did the clause's act, so
the mediation (045) is between them (docs/event-model.md#objects-and-targets).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from casus.engine.frames import with_conjuncts
from casus.engine.phrases import clause_subject
from casus.engine.resolver import Resolver
from casus.engine.sides import as_context
from casus.model import Actor

if TYPE_CHECKING:
    from spacy.tokens import Token

ActorsOf = Callable[[list["Token"], Resolver], list[Actor]]


def clause_parties(
    noun: Token, resolver: Resolver, source: Actor, actors: ActorsOf
) -> list[Actor | None]:
    """The subjects of the act a mediated noun is an adverbial of ("exchanged detainees
    **under a deal** brokered by Oman" → who exchanged), other than the mediator's country."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.head.pos_ not in ("VERB", "AUX"):
        return []
    # "agreed not to use force …, after a meeting mediated by …": the subject of "agreed"
    subject = clause_subject(prep.head)
    subjects = with_conjuncts(subject) if subject is not None else []
    found: list[Actor | None] = []
    for actor in actors(subjects, resolver):
        if (
            actor.known
            and actor.country != source.country
            and all(a is None or a.code != actor.code for a in found)
        ):
            found.append(as_context(actor))
    return found

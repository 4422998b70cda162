"""One sentence's events once an act told inside another is settled (prec14): the toll of a
coded attack is that attack (:mod:`casus.engine.casualties`), a name given in a free relative
is part of the act it is the object of (:mod:`casus.engine.free_relatives`), and a pronoun
object takes up the target of the verb it is conjoined to
(:mod:`casus.engine.pronoun_objects`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from casus.engine.casualties import without_told_casualties
from casus.engine.free_relatives import without_named_objects
from casus.engine.pronoun_objects import with_taken_up_targets

if TYPE_CHECKING:
    from spacy.tokens import Token

    from casus.model import Event


def told_once(events: list[tuple[Event, Token]]) -> list[tuple[Event, Token]]:
    """``events`` (one sentence's) with each act told once and pronoun objects taken up."""
    return with_taken_up_targets(without_named_objects(without_told_casualties(events)))


__all__ = ["told_once"]

"""Harm to trade told with a verb of force.

"Hit" and "targeted" with no one named to do them and businesses as the ones they are done to
are harm to trade, not force: "Ghanaian traders have also been hit" (by a border closure),
"Japan, whose own companies have been targeted" (by hackers). Force keeps its code when the
clause names who did it or how ("shops were hit in the shelling", "exporters were hit by
the tariffs" leave it to their phrase), or when what was hit is a place or a country's
people ("two Ukrainian factories were hit overnight").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from casus.engine.frames import Frame
    from casus.model import Actor

HARM_LEMMAS = frozenset({"hit", "target"})
FORCE_ROOTS = frozenset({"18", "19", "20"})
CAUSE_PREPS = frozenset({"by", "in", "during", "with", "from"})
TRADE_ROLES = frozenset({"BUS"})


def trade_harm(root: str, frame: Frame, sources: list[Actor], targets: list[Actor | None]) -> bool:
    """Whether an act of force is only harm done to businesses by no one named."""
    if root not in FORCE_ROOTS or frame.kind != "verb" or not frame.passive:
        return False
    if frame.lemma not in HARM_LEMMAS or CAUSE_PREPS & frame.preps.keys():
        return False
    if any(s.known for s in sources) or not targets:
        return False
    return all(t is not None and t.roles and set(t.roles) <= TRADE_ROLES for t in targets)

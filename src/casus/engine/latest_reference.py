"""Which of several like reference events a bare definite noun names: the latest.

"The regional bloc suspended Burkina Faso **after the coup**": Burkina Faso had two coups in
2022 (January and September), and the reference table has a row for each. A definite
singular noun in news about the country names the one the story is about, the latest
before publication, not an earlier one the article would have had to tell apart. This
holds only when every row left is of the same countries and began in the same year, so
that "after the coup" is 2022 whichever it is; "the war" in an article about Armenia and
Azerbaijan (1992 or 2020) still gives no date."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from casus.ontology.references import Reference


def latest_alike(refs: Sequence[Reference]) -> Reference | None:
    """The latest of rows that all have the same countries and began in the same year;
    ``None`` otherwise. ``refs`` are rows that began before publication."""
    if not refs or len({frozenset(r.countries) for r in refs}) != 1:
        return None
    if len({r.start.year for r in refs}) != 1:
        return None  # "the war with Azerbaijan": 1992 or 2020, the article must say
    return max(refs, key=lambda r: r.start)

"""Which states belong to which bloc or inter-governmental organisation, and when.

The table (``data/memberships.tsv``) is written from public facts: NATO's enlargements, the
EU's (and the United Kingdom's departure), ECOWAS (and the Sahel juntas' exit), the African
Union's suspensions, ASEAN, the GCC, the SCO, BRICS, the G7/G8, the G20, the Arab League,
OPEC, the CSTO, the Quad, AUKUS and the Five Eyes.

    from casus.ontology.memberships import members_of
    members_of("NATO", on="2023-04-04")      # Finland's first day: "FIN" is in
    members_of("IGOWAFWAS", on="2025-06-01")  # Mali, Burkina Faso and Niger are out

The event engine reads it to say whose allies "its allies" are
(:func:`alliance_of`); analysts read it to group events by bloc.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from casus.errors import NotFound, OntologyError
from casus.ontology.tables import Row, data_files, read_tsv

MEMBERSHIPS_FILE = "memberships.tsv"
HEADER = ("bloc", "member", "from", "to", "status", "note")
STATUSES = frozenset({"member", "suspended"})
# Military alliances whose members a story calls "allies" without naming the alliance:
# "Estonia requested consultations with its allies" (NATO's Article 4).
ALLIANCES = ("IGOWSTNAT",)
# Security groupings: a state in more than one has allies beyond any one alliance ("the
# United States and its allies" in a story about the Philippines are no NATO).
SECURITY_GROUPS = frozenset({"IGOWSTNAT", "IGOCST", "IGOQUD", "IGOAUK", "IGOFVE"})


@dataclass(frozen=True, slots=True)
class Membership:
    """One period of one member in one bloc (``start``/``end`` inclusive; None is open)."""

    bloc: str
    member: str
    start: dt.date | None
    end: dt.date | None
    status: str

    def covers(self, day: dt.date | None) -> bool:
        """Whether the period holds on ``day`` (every period holds on an unknown day)."""
        if day is None:
            return True
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


def _membership(row: Row) -> Membership:
    bloc, member = row.require("bloc"), row.require("member")
    if not bloc.startswith("IGO"):
        raise row.error(f"bloc {bloc!r} is not an IGO code (see actors/igos.tsv)")
    status = row.require("status")
    if status not in STATUSES:
        raise row.error(f"status {status!r} is not one of {', '.join(sorted(STATUSES))}")
    start, end = row.date("from"), row.date("to")
    if start is not None and end is not None and end < start:
        raise row.error(f"'to' {end} is before 'from' {start}")
    return Membership(bloc, member, start, end, status)


def read_memberships(text: str, path: str) -> tuple[Membership, ...]:
    """The rows of a memberships table, validated (errors name the file and line)."""
    return tuple(_membership(row) for row in read_tsv(text, path, HEADER))


@lru_cache(maxsize=1)
def load_memberships() -> tuple[Membership, ...]:
    """The bundled table, read once per process."""
    text = dict(data_files("", "*.tsv"))[MEMBERSHIPS_FILE]
    return read_memberships(text, MEMBERSHIPS_FILE)


def _day(on: dt.date | str | None) -> dt.date | None:
    if on is None or isinstance(on, dt.date):
        return on
    try:
        return dt.date.fromisoformat(on)
    except ValueError as e:
        raise OntologyError(f"{on!r} is not a YYYY-MM-DD date") from e


@lru_cache(maxsize=256)
def _bloc_code(bloc: str) -> str:
    """The bloc's code for a code or a name ("NATO", "the African Union")."""
    codes = {m.bloc for m in load_memberships()}
    if bloc.upper() in codes:
        return bloc.upper()
    from casus.ontology.actors import load_dictionary

    found = [e.code for e in load_dictionary().find(bloc, None) if e.code in codes]
    if not found:
        raise NotFound(f"no membership table for bloc {bloc!r} (known: {', '.join(sorted(codes))})")
    return found[0]


def members_of(
    bloc: str, *, on: dt.date | str | None = None, include_suspended: bool = False
) -> frozenset[str]:
    """The members of a bloc on a day: codes of states (or of organisations, such as the EU in
    the G20). ``bloc`` is a code (``IGOWSTNAT``) or a name the actor tables know ("NATO").
    A suspended member is left out unless ``include_suspended``; ``on=None`` means every
    state that was ever a member. Raises :class:`~casus.errors.NotFound` for an unknown bloc."""
    code, day = _bloc_code(bloc), _day(on)
    rows = [m for m in load_memberships() if m.bloc == code and m.covers(day)]
    members = {m.member for m in rows if m.status == "member"}
    if day is not None and not include_suspended:
        members -= {m.member for m in rows if m.status == "suspended"}
    return frozenset(members)


def blocs_of(member: str, *, on: dt.date | str | None = None) -> frozenset[str]:
    """The blocs a state belongs to on a day (suspensions count as membership here)."""
    day = _day(on)
    return frozenset(
        m.bloc
        for m in load_memberships()
        if m.member == member and m.status == "member" and m.covers(day)
    )


def alliance_of(member: str, day: dt.date | None) -> str | None:
    """The military alliance whose members a story calls a state's "allies", when the state
    belongs to one on ``day`` and to no other security grouping (None otherwise): "Estonia
    ... its allies" → NATO; the United States, Britain and Canada (also in AUKUS, the Quad or
    the Five Eyes) have allies beyond NATO. Without a date no alliance is assumed (Sweden's
    allies in 2020 were no NATO)."""
    if day is None:
        return None
    groups = blocs_of(member, on=day) & SECURITY_GROUPS
    if len(groups) != 1:
        return None
    return next((bloc for bloc in ALLIANCES if bloc in groups), None)

"""The table of side-role conventions (``data/side_roles.tsv``), validated.

Which role a bare country takes as the source of an event of a CAMEO root ("Russia urged …"
→ RUSGOV, "Israel struck …" → ISRMIL), and which single role a side with stacked roles keeps
("Israel's defence minister" → ISRGOV, "Russia's defence ministry" → RUSMIL). The engine
applies them (:mod:`casus.engine.side_roles`); docs/actors.md#roles-of-event-sides.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from casus.ontology.actors import ROLE_CODES
from casus.ontology.tables import Row, data_files, read_tsv

SIDE_ROLES_FILE = "side_roles.tsv"
HEADER = ("kind", "key", "role", "institution", "note")
KINDS = ("source", "target", "single")


@dataclass(frozen=True, slots=True)
class SideRoles:
    """The conventions: a bare source's and a bare named target's role by CAMEO root or
    three-digit code (the code wins); a stack's single role for a person or office, and for
    an institution."""

    source_roles: dict[str, str]
    target_roles: dict[str, str]
    single: dict[tuple[str, ...], tuple[str, str]]


def _role(row: Row, column: str) -> str:
    role = row.require(column)
    if role not in ROLE_CODES:
        raise row.error(f"{column} {role!r} is not a role code")
    return role


def read_side_roles(text: str, path: str) -> SideRoles:
    """Parse the table; errors name the file and line (an unknown kind, a key that is no
    root or three-digit code, a role that is no role code, a key listed twice)."""
    by_root: dict[str, dict[str, str]] = {"source": {}, "target": {}}
    single: dict[tuple[str, ...], tuple[str, str]] = {}
    for row in read_tsv(text, path, HEADER):
        kind, keys = row.require("kind"), tuple(row.require("key").split())
        if kind not in KINDS:
            raise row.error(f"kind {kind!r} is not one of {', '.join(KINDS)}")
        if kind in by_root:
            _add_roots(row, keys, by_root[kind])
            continue
        if len(keys) < 2 or any(k not in ROLE_CODES for k in keys):
            raise row.error(f"{' '.join(keys)!r} is not a stack of role codes")
        if keys in single:
            raise row.error(f"stack {' '.join(keys)} is listed twice")
        single[keys] = (_role(row, "role"), _role(row, "institution"))
    return SideRoles(by_root["source"], by_root["target"], single)


def _add_roots(row: Row, keys: tuple[str, ...], into: dict[str, str]) -> None:
    role = _role(row, "role")
    for root in keys:
        if len(root) not in (2, 3) or not root.isdigit() or not "01" <= root[:2] <= "20":
            raise row.error(f"{root!r} is not a CAMEO root or three-digit code")
        if root in into:
            raise row.error(f"code {root} is listed twice")
        into[root] = role


@lru_cache(maxsize=1)
def side_roles() -> SideRoles:
    """The bundled conventions (loaded once per process)."""
    text = dict(data_files("", "*.tsv"))[SIDE_ROLES_FILE]
    return read_side_roles(text, SIDE_ROLES_FILE)

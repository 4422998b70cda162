"""The CAMEO event code table, Goldstein values, QuadClass and the CAMEO → PLOVER mapping.

The tables are ``data/cameo.tsv`` and ``data/plover.tsv``; this module is the single source of
codes for the rest of casus.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from casus.errors import NotFound, OntologyError
from casus.ontology.tables import data_files, read_tsv

CODE_RE = re.compile(r"^(0[1-9]|1[0-9]|20)[0-9]{0,2}$")
PLOVER_TYPES = frozenset(
    [
        "AGREE",
        "CONSULT",
        "SUPPORT",
        "CONCEDE",
        "COOPERATE",
        "AID",
        "RETREAT",
        "REQUEST",
        "ACCUSE",
        "REJECT",
        "THREATEN",
        "PROTEST",
        "SANCTION",
        "MOBILIZE",
        "COERCE",
        "ASSAULT",
    ]
)
# QuadClass by root. casus groups 05 (diplomatic cooperation) with verbal cooperation;
# GDELT puts 05 under material cooperation (docs/event-model.md explains the choice).
QUAD_CLASS_BY_ROOT = {
    **{f"{r:02d}": 1 for r in range(1, 6)},
    **{f"{r:02d}": 2 for r in range(6, 9)},
    **{f"{r:02d}": 3 for r in range(9, 14)},
    **{f"{r:02d}": 4 for r in range(14, 21)},
}
QUAD_CLASS_NAMES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO event code with everything casus attaches to it."""

    code: str
    name: str
    goldstein: float
    symmetric: bool
    plover: str | None
    plover_mode: str | None
    plover_context: str | None

    @property
    def root(self) -> str:
        """The two-digit root."""
        return self.code[:2]

    @property
    def quad_class(self) -> int:
        """QuadClass 1–4 (verbal/material cooperation/conflict)."""
        return QUAD_CLASS_BY_ROOT[self.root]

    def event_fields(self) -> dict[str, Any]:
        """The fields of an event that this code sets (``Event(**code.event_fields())``)."""
        return {
            "cameo": self.code,
            "cameo_name": self.name,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "plover": self.plover,
            "plover_mode": self.plover_mode,
        }


class CameoTable:
    """All CAMEO event codes, looked up by code string."""

    def __init__(self, codes: dict[str, CameoCode]) -> None:
        self._codes = codes

    def __contains__(self, code: object) -> bool:
        return code in self._codes

    def __len__(self) -> int:
        return len(self._codes)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self._codes.values())

    def get(self, code: str) -> CameoCode:
        """The code's record; :class:`NotFound` for an unknown code."""
        try:
            return self._codes[code]
        except KeyError as e:
            raise NotFound(f"unknown CAMEO code {code!r}") from e

    def roots(self) -> list[str]:
        """The 20 root codes in order."""
        return sorted(c for c in self._codes if len(c) == 2)


def _parse_cameo(text: str, path: str) -> dict[str, CameoCode]:
    codes: dict[str, CameoCode] = {}
    for row in read_tsv(text, path, ("code", "name", "goldstein", "symmetric")):
        code = row.require("code")
        if not CODE_RE.match(code):
            raise row.error(f"{code!r} is not a CAMEO event code (2-4 digits, root 01-20)")
        if code in codes:
            raise row.error(f"duplicate code {code!r}")
        if len(code) > 2 and code[:2] not in codes:
            raise row.error(f"code {code!r} comes before its root {code[:2]!r}")
        try:
            goldstein = float(row.require("goldstein"))
        except ValueError as e:
            raise row.error(f"goldstein {row.get('goldstein')!r} is not a number") from e
        if not -10.0 <= goldstein <= 10.0:
            raise row.error(f"goldstein {goldstein} is outside [-10, 10]")
        sym = row.require("symmetric")
        if sym not in ("0", "1"):
            raise row.error(f"symmetric must be 0 or 1, found {sym!r}")
        codes[code] = CameoCode(code, row.require("name"), goldstein, sym == "1", None, None, None)
    return codes


def _attach_plover(codes: dict[str, CameoCode], text: str, path: str) -> dict[str, CameoCode]:
    out = dict(codes)
    seen: set[str] = set()
    for row in read_tsv(text, path, ("cameo", "plover", "mode", "context")):
        code = row.require("cameo")
        if code not in codes:
            raise row.error(f"unknown CAMEO code {code!r}")
        if code in seen:
            raise row.error(f"duplicate CAMEO code {code!r}")
        seen.add(code)
        plover = row.get("plover")
        if plover is not None and plover not in PLOVER_TYPES:
            raise row.error(f"unknown PLOVER event type {plover!r}")
        base = codes[code]
        out[code] = CameoCode(
            base.code,
            base.name,
            base.goldstein,
            base.symmetric,
            plover,
            row.get("mode"),
            row.get("context"),
        )
    missing = sorted(set(codes) - seen)
    if missing:
        raise OntologyError(f"no PLOVER row for CAMEO codes {', '.join(missing[:10])}", path=path)
    return out


@lru_cache(maxsize=1)
def load_cameo() -> CameoTable:
    """The bundled CAMEO table (loaded once per process)."""
    files = dict(data_files("", "*.tsv"))
    codes = _parse_cameo(files["cameo.tsv"], "cameo.tsv")
    return CameoTable(_attach_plover(codes, files["plover.tsv"], "plover.tsv"))


@lru_cache(maxsize=1)
def load_intentions() -> dict[str, tuple[str | None, str | None]]:
    """Root → (the 03x/13x code of an actor's stated future action of that root, the 12x code
    of its stated refusal) from ``data/intentions.tsv``. A refusal to comment is 011, not a
    12x rejection, and a promise to comment codes nothing: root 01 has no intent code."""
    cameo = load_cameo()
    out: dict[str, tuple[str | None, str | None]] = {}
    for row in read_tsv(
        dict(data_files("", "*.tsv"))["intentions.tsv"],
        "intentions.tsv",
        ("root", "code", "refusal", "note"),
    ):
        root, code, refusal = row.require("root"), row.get("code"), row.get("refusal")
        if root not in cameo or len(root) != 2:
            raise row.error(f"{root!r} is not a CAMEO root")
        if code is not None and (code not in cameo or code[:2] not in ("03", "13")):
            raise row.error(f"{code!r} must be a CAMEO 03x or 13x code")
        if refusal is not None and (refusal not in cameo or refusal[:2] not in ("12", "01")):
            raise row.error(f"refusal {refusal!r} must be a CAMEO 12x code (or 011)")
        out[root] = (code, refusal)
    return out

"""Users' own actor dictionaries in TOML or YAML (docs/dictionaries.md#your-own).

[[actor]]                        # a country, group, IGO... or a metonym
code = "AZEGOV"
names = ["Baku government"]
kind = "name"                    # name | adj | people | capital | seat (default name)
from = "2003-10-31"              # optional validity
[[person]]
code = "IRNGOV"
name = "Nasser Kanaani"
aliases = ["Kanani"]
from = "2022-05-01"
to = "2024-09-01"
[[role]]
role = "GOV"                     # or "GOV MIL"
nouns = ["envoy", "emissary"]
"""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path
from typing import Any

from casus.errors import OntologyError
from casus.ontology.actors import (
    CODE_RE,
    ENTRY_KINDS,
    ROLE_CODES,
    ActorDictionary,
    Entry,
    role_key,
)
from casus.ontology.tables import read_user_file

SECTIONS = {"actor", "person", "role"}


def _load(path: Path) -> dict[str, Any]:
    text = read_user_file(path)
    suffix = path.suffix.lower()
    if suffix == ".toml":
        try:
            return tomllib.loads(text)
        except tomllib.TOMLDecodeError as e:
            raise OntologyError(f"invalid TOML: {e}", path=str(path)) from e
    if suffix in (".yaml", ".yml"):
        import yaml

        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as e:
            mark = getattr(e, "problem_mark", None)
            line = mark.line + 1 if mark is not None else None
            raise OntologyError(
                f"invalid YAML: {getattr(e, 'problem', e)}", path=str(path), line=line
            ) from e
        if not isinstance(data, dict):
            raise OntologyError(
                "a dictionary file must be a mapping with actor/person/role lists", path=str(path)
            )
        return data
    raise OntologyError("dictionary files must end in .toml, .yaml or .yml", path=str(path))


def _date(value: Any, where: str, path: Path) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as e:
        raise OntologyError(f"{where}: {value!r} is not a YYYY-MM-DD date", path=str(path)) from e


def _code(value: Any, where: str, path: Path) -> str:
    if not isinstance(value, str) or not CODE_RE.match(value):
        raise OntologyError(
            f"{where}: code {value!r} must be 3-letter parts (e.g. IRNGOV)", path=str(path)
        )
    return value


def load_user_dictionary(path: Path) -> ActorDictionary:
    """Read a user's TOML/YAML dictionary; every error names the file and the entry."""
    data = _load(path)
    unknown = sorted(repr(k) if not isinstance(k, str) else k for k in set(data) - SECTIONS)
    if unknown:
        raise OntologyError(
            f"unknown section(s) {', '.join(unknown)}; use actor, person, role", path=str(path)
        )
    out = ActorDictionary()
    for n, item in enumerate(data.get("actor", []), start=1):
        where = f"actor #{n}"
        code = _code(item.get("code"), where, path)
        kind = item.get("kind", "name")
        if kind not in ENTRY_KINDS:
            raise OntologyError(
                f"{where}: kind must be one of {', '.join(ENTRY_KINDS)}", path=str(path)
            )
        start, end = _date(item.get("from"), where, path), _date(item.get("to"), where, path)
        if start and end and start > end:
            raise OntologyError(f"{where}: date range ends before it starts", path=str(path))
        names = item.get("names") or []
        if not names:
            raise OntologyError(f"{where}: no names", path=str(path))
        for name in names:
            out.add_phrase(str(name), Entry(code, kind, start, end, f"{path}:{where}", str(name)))
    spans: dict[str, list[tuple[dt.date, dt.date, str]]] = {}
    for n, item in enumerate(data.get("person", []), start=1):
        where = f"person #{n}"
        code = _code(item.get("code"), where, path)
        name = item.get("name")
        if not name:
            raise OntologyError(f"{where}: no name", path=str(path))
        start, end = _date(item.get("from"), where, path), _date(item.get("to"), where, path)
        lo, hi = start or dt.date.min, end or dt.date.max
        if lo > hi:
            raise OntologyError(f"{where}: date range ends before it starts", path=str(path))
        for other_lo, other_hi, other_code in spans.get(name, []):
            if lo <= other_hi and other_lo <= hi and other_code != code:
                raise OntologyError(f"{where}: {name} {code} overlaps {other_code}", path=str(path))
        spans.setdefault(name, []).append((lo, hi, code))
        entry = Entry(code, "person", start, end, f"{path}:{where}", name)
        for form in [name, *item.get("aliases", [])]:
            out.add_person(str(form), entry)
    for n, item in enumerate(data.get("role", []), start=1):
        where = f"role #{n}"
        roles = tuple(str(item.get("role", "")).split())
        bad = [r for r in roles if r not in ROLE_CODES]
        if not roles or bad:
            raise OntologyError(
                f"{where}: unknown role {' '.join(bad) or '(none)'}", path=str(path)
            )
        for noun in item.get("nouns", []):
            out.roles[role_key(str(noun))] = roles
    return out

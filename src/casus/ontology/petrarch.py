"""Importer for PETRARCH/TABARI-format actor and agent dictionaries.

Actors: ``NAME [CODE]`` or a ``NAME`` line followed by indented ``[CODE <restriction>]`` lines,
``+SYNONYM`` lines, date restrictions ``<YYMMDD`` (before), ``>YYMMDD`` (after) and
``YYYYMMDD - YYYYMMDD``; words joined by ``_``. Agents: ``NOUN {PLURALS} [~CODE]``.
Comments (``#``, ``<!-- -->``) are skipped. Errors name the file and line.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from pathlib import Path

from casus.errors import OntologyError
from casus.ontology.actors import ActorDictionary, Entry, role_key
from casus.ontology.tables import read_user_file

CODE_BLOCK = re.compile(r"\[([^\]]*)\]")
AGENT_LINE = re.compile(r"^\s*([^{\[]+?)\s*(?:\{([^}]*)\})?\s*\[\s*~?([A-Za-z~]+)\s*\]\s*$")
RESTRICTION = re.compile(
    r"^(?P<code>[A-Za-z0-9~/\-]+)\s*(?:(?P<op>[<>])\s*(?P<d>\d{6,8})|"
    r"(?P<d1>\d{6,8})\s*-\s*(?P<d2>\d{6,8}))?\s*$"
)


def _date(text: str, path: str, line: int) -> dt.date:
    try:
        if len(text) == 6:
            year = int(text[:2])
            year += 2000 if year <= 30 else 1900
            return dt.date(year, int(text[2:4]), int(text[4:6]))
        return dt.date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError as e:
        raise OntologyError(f"bad date {text!r} in a code restriction", path=path, line=line) from e


def _strip_comments(lines: list[str]) -> Iterable[tuple[int, str]]:
    in_block = False
    for number, raw in enumerate(lines, start=1):
        line = raw
        if in_block:
            if "-->" in line:
                in_block = False
                line = line.split("-->", 1)[1]
            else:
                continue
        if "<!--" in line:
            before, after = line.split("<!--", 1)
            if "-->" not in after:
                in_block = True
            line = before + (after.split("-->", 1)[1] if "-->" in after else "")
        line = _drop_comment(line)
        if line.strip():
            yield number, line.rstrip()


def _drop_comment(line: str) -> str:
    """Cut a "#" comment, but not a "#" inside a code block ("[###]")."""
    depth = 0
    for i, char in enumerate(line):
        if char == "[":
            depth += 1
        elif char == "]":
            depth = max(0, depth - 1)
        elif char == "#" and depth == 0:
            return line[:i]
    return line


def _name(text: str) -> str:
    """A dictionary name as text: "MINAS_TIRITH" → "minas tirith". PETRARCH writes every name in
    capitals, so capitals carry no meaning here (unlike casus's exact-case short forms)."""
    return " ".join(text.replace("_", " ").split()).lower()


def _restricted(block: str, path: str, line: int) -> Entry | None:
    block = block.strip()
    if block.split()[0].strip("+#-") == "" if block else True:
        return None  # [+++] [###] [--- <950630]: TABARI's discard and unknown codes
    m = RESTRICTION.match(block)
    if m is None:
        raise OntologyError(f"cannot read code block [{block}]", path=path, line=line)
    # a compound "[FRO/BIL/SAM]" names several actors; casus keeps the first (documented)
    code = m.group("code").upper().split("/")[0]
    if code.startswith("---") or not code.strip("-"):
        return None
    start = end = None
    if m.group("op") == "<":
        end = _date(m.group("d"), path, line) - dt.timedelta(days=1)
    elif m.group("op") == ">":
        start = _date(m.group("d"), path, line)
    elif m.group("d1"):
        start, end = _date(m.group("d1"), path, line), _date(m.group("d2"), path, line)
        if start > end:
            raise OntologyError(f"date range [{block}] ends before it starts", path=path, line=line)
    return Entry(code, "name", start, end, f"{path}:{line}")


def import_actors(path: Path, into: ActorDictionary) -> int:
    """Read a PETRARCH actor dictionary into ``into``; returns the number of names."""
    text = read_user_file(path)
    names: list[str] = []
    entries: list[Entry] = []
    count = 0

    def flush() -> None:
        nonlocal count
        for name in names:
            for entry in entries:
                into.add_phrase(
                    name, Entry(entry.code, "name", entry.start, entry.end, entry.where, name)
                )
            count += bool(entries)

    for number, line in _strip_comments(text.splitlines()):
        stripped = line.strip()
        if stripped.startswith("+") or stripped.startswith("="):
            if not names:
                raise OntologyError("synonym before any actor name", path=str(path), line=number)
            names.append(_name(stripped[1:]))
            continue
        if line[0].isspace() and stripped.startswith("["):
            if not names:
                raise OntologyError("code block before any actor name", path=str(path), line=number)
            for block in CODE_BLOCK.findall(stripped):
                entry = _restricted(block, str(path), number)
                if entry is not None:
                    entries.append(entry)
            continue
        if "!" in stripped:  # substitution markers (!PERSON!) are not supported: skip
            continue
        flush()
        names, entries = [], []
        head = stripped.split("[", 1)[0]
        if not head.strip():
            raise OntologyError("code block without a name", path=str(path), line=number)
        names.append(_name(head))
        for block in CODE_BLOCK.findall(stripped):
            entry = _restricted(block, str(path), number)
            if entry is not None:
                entries.append(entry)
        if "[" in stripped and "]" not in stripped:
            raise OntologyError("unclosed [ in code block", path=str(path), line=number)
    flush()
    return count


def import_agents(path: Path, into: ActorDictionary) -> int:
    """Read a PETRARCH agent dictionary (role nouns) into ``into``."""
    text = read_user_file(path)
    count = 0
    for number, line in _strip_comments(text.splitlines()):
        if "!" in line:
            continue
        m = AGENT_LINE.match(line)
        if m is None:
            raise OntologyError(
                f"cannot read agent line {line.strip()!r} (expected NOUN {{PLURALS}} [~CODE])",
                path=str(path),
                line=number,
            )
        noun, plurals, code = m.groups()
        code = code.strip("~").upper()
        if len(code) % 3:
            raise OntologyError(
                f"agent code {code!r} is not 3-letter parts", path=str(path), line=number
            )
        roles = tuple(code[i : i + 3] for i in range(0, len(code), 3))
        forms = [noun] + [p for p in (plurals or "").split() if p]
        for form in forms:
            into.roles[role_key(_name(form))] = roles
        count += 1
    return count


def import_petrarch(actor_files: Iterable[Path], agent_files: Iterable[Path]) -> ActorDictionary:
    """A dictionary made of PETRARCH-format files (used to override the bundled one)."""
    out = ActorDictionary()
    for path in actor_files:
        import_actors(Path(path), out)
    for path in agent_files:
        import_agents(Path(path), out)
    return out

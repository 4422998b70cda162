"""Reference events: well-known events that date a phrase such as "after the independence of
Baku" or "during the second Karabakh war".

The bundled table is ``data/reference_events.tsv``; users add rows in the same format with
``--references FILE`` (a row with a bundled id replaces it). Format: docs/dates.md.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from casus.errors import OntologyError
from casus.ontology.tables import Row, data_files, read_tsv, read_user_file

REFERENCES_FILE = "reference_events.tsv"
HEADER = ("id", "names", "generic", "countries", "start", "end", "precision", "note")
PRECISIONS = ("day", "month", "year")
ID_RE = re.compile(r"^[a-z0-9_]+$")
COUNTRY_RE = re.compile(r"^[A-Z]{3}$")
DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
GENERIC_RE = re.compile(r"^[a-z][a-z ]*[a-z]$")
# "@independence" in the names column stands for these patterns; {C} is a name or capital of
# the row's first country, {A} its adjective ("after Azerbaijani independence").
MACROS = {
    "@independence": (
        "independence of {C}",
        "{A} independence",
        "{C}'s independence",
        "{C} independence",
        "independence day of {C}",
        "(?:declaration|proclamation|restoration) of {C}'s independence",
        "(?:declaration|proclamation|restoration) of (?:the )?(?:{A}|{C}) independence",
        "{C}'s (?:declaration|proclamation|restoration) of independence",
    ),
}


@dataclass(frozen=True, slots=True)
class Reference:
    """One reference event: how it is named, who took part, and when it happened."""

    id: str
    names: tuple[str, ...]  # regular expressions, {C}/{A} for the first country's names
    generic: tuple[str, ...]  # bare nouns that name it when the article's countries pick it
    countries: tuple[str, ...]
    start: dt.date
    end: dt.date | None  # None: still going on ("ongoing" in the table)
    precision: str  # day | month | year: how exactly the dates are known
    note: str
    path: str
    line: int


def _read_date(row: Row, column: str, precision: str) -> dt.date | None:
    value = row.get(column)
    if value is None:
        return None
    m = DATE_RE.match(value)
    if m is None:
        raise row.error(f"column {column!r}: {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = m.groups()
    written = "day" if day else ("month" if month else "year")
    if PRECISIONS.index(written) > PRECISIONS.index(precision):
        raise row.error(f"column {column!r}: {value!r} is coarser than the precision {precision}")
    try:
        if column == "end" and day is None:  # "1994" ends on 31 December
            if month is None:
                return dt.date(int(year), 12, 31)
            last = dt.date(int(year) + int(month) // 12, int(month) % 12 + 1, 1)
            return last - dt.timedelta(days=1)
        return dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError as e:
        raise row.error(f"column {column!r}: {value!r} is no calendar date") from e


def _names(row: Row, countries: tuple[str, ...]) -> tuple[str, ...]:
    out: list[str] = []
    for raw in row.require("names").split(";"):
        name = raw.strip().lower().replace("{c}", "{C}").replace("{a}", "{A}")
        if not name:
            raise row.error("an empty name between ';'")
        expanded = MACROS.get(name)
        if expanded is None and name.startswith("@"):
            raise row.error(f"unknown macro {name!r}; known: {', '.join(sorted(MACROS))}")
        for pattern in expanded or (name,):
            if ("{C}" in pattern or "{A}" in pattern) and not countries:
                raise row.error(f"{pattern!r} needs a country in the countries column")
            try:
                re.compile(pattern.replace("{C}", "x").replace("{A}", "x"))
            except re.error as e:
                raise row.error(f"name {pattern!r} is not a valid regular expression: {e}") from e
            out.append(pattern)
    return tuple(out)


def _reference(row: Row) -> Reference:
    ref_id = row.require("id")
    if not ID_RE.match(ref_id):
        raise row.error(f"id {ref_id!r} must be lower case letters, digits and '_'")
    countries = tuple(c.strip() for c in (row.get("countries") or "").split(";") if c.strip())
    for code in countries:
        if not COUNTRY_RE.match(code):
            raise row.error(f"country {code!r} is not a three-letter code")
    precision = row.require("precision")
    if precision not in PRECISIONS:
        raise row.error(f"precision {precision!r} must be one of {', '.join(PRECISIONS)}")
    start = _read_date(row, "start", precision)
    if start is None:
        raise row.error("column 'start' is empty")
    # an empty end: a single day (or month, year); "ongoing": still going on
    end = None if row.get("end") == "ongoing" else (_read_date(row, "end", precision) or start)
    if row.get("end") is None and precision != "day":
        end = _read_date(Row({"end": row.cells["start"]}, row.path, row.line), "end", precision)
    if end is not None and end < start:
        raise row.error(f"end {end} is before start {start}")
    generic = tuple(g.strip().lower() for g in (row.get("generic") or "").split(";") if g.strip())
    for word in generic:
        if not GENERIC_RE.match(word):
            raise row.error(f"generic noun {word!r} must be lower-case words")
    return Reference(
        id=ref_id,
        names=_names(row, countries),
        generic=generic,
        countries=countries,
        start=start,
        end=end,
        precision=precision,
        note=row.require("note"),
        path=row.path,
        line=row.line,
    )


def read_references(text: str, path: str) -> list[Reference]:
    """The rows of one reference table, validated (errors name the file and line)."""
    out: list[Reference] = []
    seen: dict[str, int] = {}
    for row in read_tsv(text, path, HEADER):
        ref = _reference(row)
        if ref.id in seen:
            raise row.error(f"id {ref.id!r} is already on line {seen[ref.id]}")
        seen[ref.id] = row.line
        out.append(ref)
    return out


@lru_cache(maxsize=1)
def _bundled() -> tuple[Reference, ...]:
    """The bundled table, from the on-disk cache of compiled tables when it is current
    (validating its patterns compiles each of them)."""
    from casus.ontology.cache import cache_key, cached, code_of

    text = dict(data_files("", "*.tsv"))[REFERENCES_FILE]
    key = cache_key(text, *code_of(__file__))
    return cached("references", key, lambda: tuple(read_references(text, REFERENCES_FILE)))


def load_references(extra: tuple[Path, ...] = ()) -> tuple[Reference, ...]:
    """The bundled reference events plus the user's files; a user's row replaces the bundled
    row with the same id."""
    rows = {ref.id: ref for ref in _bundled()}
    for path in extra:
        for ref in read_references(read_user_file(path), str(path)):
            rows[ref.id] = ref
    if not rows:
        raise OntologyError("no reference events", path=REFERENCES_FILE)
    return tuple(rows.values())

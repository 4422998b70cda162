"""Institutions several states call by one name ("Congress"), by the story's country.

The table (``data/home_institutions.tsv``) lists, for a shared name, the code it has in each
country that uses it: "Congress" in a story from Lima is Peru's legislature (PERLEG), in one
from New Delhi the Congress party (INDPTYINC).
"""

from __future__ import annotations

from functools import lru_cache

from casus.ontology.actors import check_code
from casus.ontology.tables import data_files, read_tsv

INSTITUTIONS_FILE = "home_institutions.tsv"
HEADER = ("name", "country", "code", "note")


def read_institutions(text: str, path: str) -> dict[tuple[str, str], str]:
    """(lower-case name, country) -> code, validated (errors name the file and line)."""
    out: dict[tuple[str, str], str] = {}
    for row in read_tsv(text, path, HEADER):
        key = (row.require("name").lower(), row.require("country"))
        if key in out:
            raise row.error(f"{key[0]!r} in {key[1]} is listed twice")
        code = check_code(row, row.require("code"))
        if not code.startswith(key[1]):
            raise row.error(f"code {code} is not of country {key[1]}")
        out[key] = code
    return out


@lru_cache(maxsize=1)
def _table() -> dict[tuple[str, str], str]:
    text = dict(data_files("", "*.tsv"))[INSTITUTIONS_FILE]
    return read_institutions(text, INSTITUTIONS_FILE)


@lru_cache(maxsize=1)  # the resolver asks for every name that is a dictionary's head
def shared_names() -> frozenset[str]:
    """The lower-case names the table lists ("congress")."""
    return frozenset(name for name, _ in _table())


def home_institution(name: str, country: str) -> str | None:
    """The code ``name`` has in ``country``, or None when that country has no such body."""
    return _table().get((name.lower(), country))

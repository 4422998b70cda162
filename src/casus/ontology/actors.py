"""Actor dictionaries: countries, blocs, IGOs, groups, role nouns and office holders.

Formats: docs/dictionaries.md. The bundled tables are ``data/actors/*.tsv``; users add TOML/YAML
files (``casus.ontology.userdict``) or PETRARCH-format files (``casus.ontology.petrarch``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from casus.errors import OntologyError
from casus.ontology.tables import Row, data_files, read_tsv

ROLE_CODES = frozenset(
    [
        "GOV",
        "MIL",
        "COP",
        "JUD",
        "LEG",
        "OPP",
        "REB",
        "SPY",
        "CVL",
        "MED",
        "BUS",
        "EDU",
        "HLH",
        "LAB",
        "REF",
        "HRI",
        "NGO",
        "ELI",
        "IGO",
        "MNC",
        "REL",
        "MOD",
        "RAD",
        "AGR",
        "CRM",
        "DEV",
        "ENV",
        "INS",
        "SEP",
        "UAF",
        "IMG",
        "PTY",
    ]
)
ENTRY_KINDS = ("name", "adj", "people", "capital", "seat")
ENTRY_HEADER = ("code", "kind", "text", "from", "to", "note")
ROLE_HEADER = ("role", "text", "note")
PERSON_HEADER = ("code", "name", "aliases", "from", "to", "office", "note")
CODE_RE = re.compile(r"^[A-Z]{3}([A-Z0-9]{3})*$")
_NORM_RE = re.compile(r"[.\u2019\u2018`]")


@lru_cache(maxsize=1 << 16)  # pure; the resolver asks for the same phrases again and again
def role_key(text: str) -> str:
    """The matching form of a role noun phrase: lower case, hyphens as spaces."""
    return " ".join(text.lower().replace("-", " ").split())


@lru_cache(maxsize=1 << 16)  # pure; the resolver asks for the same phrases again and again
def exact_key(text: str) -> str | None:
    """Short all-capital forms ("US", "WHO", "IS") match only in capitals: ``=US``."""
    bare = text.replace(".", "").strip()
    if bare.isupper() and bare.isalpha() and len(bare) <= 4:
        return "=" + bare
    return None


@lru_cache(maxsize=1 << 16)  # pure; the resolver asks for the same phrases again and again
def normalize(text: str) -> str:
    """The matching form of a name: lower case, no dots, straight apostrophes, single spaces,
    no leading "the"."""
    text = _NORM_RE.sub(lambda m: "" if m.group(0) == "." else "'", text.lower())
    text = text.replace("-", " ").replace("\u2013", " ").replace(" '", "'")
    words = text.split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


@dataclass(frozen=True, slots=True)
class CodeParts:
    """An actor code split into its country/region/IGO part, roles and group tags."""

    country: str
    roles: tuple[str, ...]
    tags: tuple[str, ...]

    @property
    def code(self) -> str:
        """The code rebuilt from its parts."""
        return self.country + "".join(self.roles) + "".join(self.tags)


@lru_cache(maxsize=1 << 14)  # pure, and its parts are immutable: asked for every actor made
def split_code(code: str) -> CodeParts:
    """Split ``AZEGOV`` into (AZE, (GOV,), ()); ``LBNREBHEZ`` into (LBN, (REB,), (HEZ,))."""
    chunks = [code[i : i + 3] for i in range(0, len(code), 3)]
    country, rest = chunks[0], chunks[1:]
    roles = tuple(c for c in rest if c in ROLE_CODES)
    tags = tuple(c for c in rest if c not in ROLE_CODES)
    return CodeParts(country, roles, tags)


def join_code(country: str, roles: Iterable[str], tags: Iterable[str] = ()) -> str:
    """Build a code from parts, dropping repeated roles (``IRN`` + GOV + GOV → ``IRNGOV``)."""
    seen: list[str] = []
    for role in roles:
        if role not in seen:
            seen.append(role)
    return country + "".join(seen) + "".join(tags)


@dataclass(frozen=True, slots=True)
class Entry:
    """A dictionary phrase: what it names, how (kind) and when it is valid."""

    code: str
    kind: str
    start: dt.date | None
    end: dt.date | None
    where: str
    label: str = ""

    def valid_on(self, day: dt.date | None) -> bool:
        """Whether the entry applies on ``day`` (an unknown day accepts every entry)."""
        if day is None:
            return True
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass
class ActorDictionary:
    """Everything actor resolution looks up, indexed by normalized phrase."""

    phrases: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    roles: dict[str, tuple[str, ...]] = field(default_factory=dict)
    people: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    max_words: int = 1
    # the words of the people's names and how many names they came from (:meth:`person_words`)
    _person_words: tuple[int, frozenset[str]] = field(
        default=(0, frozenset()), init=False, repr=False, compare=False
    )

    def person_words(self) -> frozenset[str]:
        """Every word of the people's names, as :func:`normalize` writes them; found again
        only when a name has been added since."""
        count, words = self._person_words
        if count != len(self.people):
            words = frozenset(word for key in self.people for word in key.split())
            self._person_words = (len(self.people), words)
        return words

    def add_phrase(self, text: str, entry: Entry) -> None:
        """Index one phrase variant (short capitals only in capitals: "US" is not "us")."""
        key = exact_key(text) or normalize(text)
        if not key:
            return
        self.phrases[key].append(entry)
        self.max_words = max(self.max_words, len(key.split()))

    def add_person(self, text: str, entry: Entry) -> None:
        """Index one name or alias of an office holder."""
        key = normalize(text)
        if key:
            self.people[key].append(entry)
            self.max_words = max(self.max_words, len(key.split()))

    def lookup(self, text: str, day: dt.date | None = None) -> list[Entry]:
        """Phrase entries valid on ``day`` (people first, then names, capitals, seats...)."""
        key = normalize(text)
        found = [e for e in self.people.get(key, ()) if e.valid_on(day)]
        return found + self.find(text, day)

    def find(self, text: str, day: dt.date | None = None) -> list[Entry]:
        """Name entries for a phrase valid on ``day`` (exact-case short forms included)."""
        exact = exact_key(text)
        key = normalize(text)
        if key not in self.phrases and (exact is None or exact not in self.phrases):
            return []  # most phrases the resolver tries name nothing: no lists to build
        found = [e for e in self.phrases.get(exact, ()) if e.valid_on(day)] if exact else []
        found += [e for e in self.phrases.get(key, ()) if e.valid_on(day)]
        # an entry restricted to a period is more specific than an open one
        return sorted(found, key=lambda e: e.start is None and e.end is None)

    def role_of(self, lemma_phrase: str) -> tuple[str, ...] | None:
        """Roles signalled by a role noun lemma or compound phrase (``foreign ministry`` → GOV)."""
        return self.roles.get(role_key(lemma_phrase))

    def merge(self, other: ActorDictionary, *, override: bool) -> None:
        """Add another dictionary's entries; with ``override`` its phrases replace ours."""
        for key, entries in other.phrases.items():
            self.phrases[key] = list(entries) if override else self.phrases[key] + entries
        for key, entries in other.people.items():
            self.people[key] = list(entries) if override else self.people[key] + entries
        self.roles.update(other.roles)
        self.max_words = max(self.max_words, other.max_words)


def check_code(row: Row, code: str) -> str:
    """Validate an actor code's shape and role parts."""
    if not CODE_RE.match(code):
        raise row.error(f"actor code {code!r} must be 3-letter parts (e.g. IRNGOV)")
    return code


def _dates(row: Row) -> tuple[dt.date | None, dt.date | None]:
    start, end = row.date("from"), row.date("to")
    if start and end and start > end:
        raise row.error(f"date range {start} .. {end} ends before it starts")
    return start, end


def load_entries(text: str, path: str, into: ActorDictionary) -> None:
    """Read a countries/blocs/igos/groups table into ``into``."""
    for row in read_tsv(text, path, ENTRY_HEADER):
        code = check_code(row, row.require("code"))
        kind = row.require("kind")
        if kind not in ENTRY_KINDS:
            raise row.error(f"kind must be one of {', '.join(ENTRY_KINDS)}, found {kind!r}")
        start, end = _dates(row)
        for variant in row.require("text").split("|"):
            label = variant.strip()
            into.add_phrase(label, Entry(code, kind, start, end, f"{path}:{row.line}", label))


def load_roles(text: str, path: str, into: ActorDictionary) -> None:
    """Read a roles table: role code(s) and the noun lemmas that signal them."""
    for row in read_tsv(text, path, ROLE_HEADER):
        roles = tuple(row.require("role").split())
        bad = [r for r in roles if r not in ROLE_CODES]
        if bad:
            raise row.error(f"unknown role code {', '.join(bad)}")
        for variant in row.require("text").split("|"):
            key = role_key(variant)
            if key:
                into.roles[key] = roles


def load_people(text: str, path: str, into: ActorDictionary) -> None:
    """Read office holders; a person's rows with different codes must not overlap in time."""
    spans: dict[str, list[tuple[dt.date, dt.date, str, int]]] = defaultdict(list)
    for row in read_tsv(text, path, PERSON_HEADER):
        code = check_code(row, row.require("code"))
        name = row.require("name")
        start, end = _dates(row)
        lo, hi = start or dt.date.min, end or dt.date.max
        for other_lo, other_hi, other_code, other_line in spans[name]:
            if lo <= other_hi and other_lo <= hi and other_code != code:
                raise row.error(
                    f"{name}: {code} {lo}..{hi} overlaps {other_code} at line {other_line}"
                )
        spans[name].append((lo, hi, code, row.line))
        office = row.get("office") or ""
        entry = Entry(code, "person", start, end, f"{path}:{row.line}", f"{name} ({office})")
        into.add_person(name, entry)
        for alias in (row.get("aliases") or "").split("|"):
            if alias.strip():
                into.add_person(alias.strip(), entry)


def build_dictionary() -> ActorDictionary:
    """The bundled dictionaries, validated."""
    out = ActorDictionary()
    for name, text in data_files("actors", "*.tsv"):
        base = name.rsplit("/", 1)[-1]
        if base in ("roles.tsv", "generic.tsv"):
            load_roles(text, name, out)
        elif base.startswith("people"):
            load_people(text, name, out)
        else:
            load_entries(text, name, out)
    if not out.phrases:
        raise OntologyError("no actor dictionary files found", path="actors/")
    return out


@lru_cache(maxsize=1)
def load_dictionary() -> ActorDictionary:
    """The bundled dictionaries, loaded once per process (from the on-disk cache of compiled
    tables when it is current: a fifth of the time)."""
    from casus.ontology.cache import cache_key, cached, code_of

    texts = [text for _, text in data_files("actors", "*.tsv")]
    return cached("actors", cache_key(*texts, *code_of(__file__)), build_dictionary)

"""Actor names and codes, both ways, from the bundled actor dictionaries.

    from casus.analysis.names import name_of, resolve_actor, search_actors
    resolve_actor("Azerbaijan")        # "AZE"
    name_of("IRNGOV")                  # "Iran government"
    search_actors("azerbaijan")[0]     # ActorMatch(code="AZE", name="Azerbaijan", ...)

Names are the dictionary's phrases (country names, adjectives, capitals, IGOs, groups, office
holders); a code without a phrase of its own is named from its country and roles.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from casus.errors import NotFound
from casus.ontology.actors import CODE_RE, load_dictionary, normalize, split_code
from casus.ontology.tables import data_files, read_tsv

CODE_LIKE = re.compile(r"^[A-Z0-9-]{3,30}$")
FUZZY_CUTOFF = 0.75  # difflib ratio for "did you mean" suggestions
SURE_CUTOFF = 0.88  # a single suggestion this close is taken as the answer
KIND_ORDER = {"name": 0, "person": 1, "adj": 2, "capital": 3, "seat": 4, "people": 5}


@dataclass(frozen=True, slots=True)
class ActorMatch:
    """One answer of :func:`search_actors`: the code, its name, the phrase that matched, how
    (``code``, ``name``, ``adj``, ``capital``, ``person``, ``fuzzy`` ...) and a 0-1 score."""

    code: str
    name: str
    matched: str
    how: str
    score: float

    def to_dict(self) -> dict[str, object]:
        """JSON-ready."""
        return {
            "code": self.code,
            "name": self.name,
            "matched": self.matched,
            "how": self.how,
            "score": round(self.score, 3),
        }


@dataclass(frozen=True, slots=True)
class _Index:
    names: dict[str, str]  # code -> display name (first "name" phrase)
    phrases: dict[str, list[tuple[str, str, str]]]  # key -> (code, kind, phrase)
    roles: dict[str, str]  # role code -> word ("GOV" -> "government")


@lru_cache(maxsize=1)
def _index() -> _Index:
    dictionary = load_dictionary()
    names: dict[str, str] = {}
    phrases: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for key, entries in dictionary.phrases.items():
        for entry in entries:
            phrases[key.lstrip("=").lower()].append((entry.code, entry.kind, entry.label))
            if entry.kind == "name":
                names.setdefault(entry.code, entry.label)
    for key, entries in dictionary.people.items():
        for entry in entries:
            phrases[key].append((entry.code, "person", entry.label.split(" (")[0]))
    for code_key, items in phrases.items():
        items.sort(key=lambda item: (KIND_ORDER.get(item[1], 9), code_key))
    return _Index(names, dict(phrases), _role_words())


def _role_words() -> dict[str, str]:
    """The first lemma of each single-role row of roles.tsv ("GOV" -> "government")."""
    out: dict[str, str] = {}
    for name, text in data_files("actors", "roles.tsv"):
        for row in read_tsv(text, name, ("role", "text", "note")):
            roles = row.require("role").split()
            if len(roles) == 1:
                out.setdefault(roles[0], row.require("text").split("|")[0])
    return out


def name_of(code: str | None) -> str | None:
    """A readable name for an actor code: the dictionary's name for the code, else its
    country's name with its roles ("IRNGOVMIL" -> "Iran government military"); ``None`` for
    an unknown actor (no code)."""
    if not code:
        return None
    index = _index()
    parts = split_code(code)
    if code in index.names and (len(code) == 3 or parts.tags):
        return index.names[code]  # countries, IGOs, groups: "Hamas", not "Palestine rebels"
    if not _known_code(code):
        return index.names.get(code)
    base = index.names.get(parts.country) or (
        "unknown country" if parts.country == "---" else parts.country
    )
    words = [index.roles.get(r, r) for r in parts.roles] + list(parts.tags)
    return " ".join([base, *words])


def _known_code(code: str) -> bool:
    """A code of a known country (or ``---``) followed by role codes only, or a code the
    dictionary itself uses."""
    if code in _index().names:
        return True
    if not (CODE_RE.match(code) or code.startswith("---")) or len(code) % 3:
        return False
    parts = split_code(code)
    return (parts.country == "---" or parts.country in _index().names) and not parts.tags


def search_actors(text: str, *, limit: int = 10) -> list[ActorMatch]:
    """Actors whose code or name matches ``text``: an exact code (and the codes it prefixes),
    exact phrases (names, adjectives, capitals, office holders), then close spellings."""
    query = text.strip()
    if not query:
        return []
    index = _index()
    out: dict[str, ActorMatch] = {}
    upper = query.upper()
    if CODE_LIKE.match(upper) and _known_code(upper[:3]):
        for code in sorted(c for c in index.names if c.startswith(upper)):
            score = 1.0 if code == upper else 0.9
            named = name_of(code) or code
            out.setdefault(code, ActorMatch(code, named, code, "code", score))
        if upper not in out and _known_code(upper):
            out[upper] = ActorMatch(upper, name_of(upper) or upper, upper, "code", 1.0)
    key = normalize(query)
    for code, kind, phrase in index.phrases.get(key, ()):
        out.setdefault(code, ActorMatch(code, name_of(code) or code, phrase, kind, 1.0))
    if len(out) < limit:
        for close in difflib.get_close_matches(key, list(index.phrases), n=limit, cutoff=0.75):
            score = difflib.SequenceMatcher(None, key, close).ratio()
            for code, _, phrase in index.phrases[close][:1]:
                out.setdefault(
                    code, ActorMatch(code, name_of(code) or code, phrase, "fuzzy", score)
                )
    ranked = sorted(out.values(), key=lambda m: (-m.score, KIND_ORDER.get(m.how, 9), m.code))
    return ranked[:limit]


def resolve_actor(text: str) -> str:
    """The actor code a user means by ``text``: a code as given ("IRN", "irngov"), or a name,
    adjective or capital ("Azerbaijan", "Iranian", "Tehran"), or one close spelling
    ("Azerbaidjan"). :class:`NotFound` names the close candidates otherwise."""
    query = text.strip()
    index = _index()
    exact = index.phrases.get(normalize(query))
    if exact:
        return exact[0][0]
    upper = query.upper()
    if _known_code(upper):
        return upper
    matches = search_actors(query, limit=5)
    if (
        matches
        and matches[0].score >= SURE_CUTOFF
        and (len(matches) == 1 or matches[1].score < matches[0].score)
    ):
        return matches[0].code
    hint = "; ".join(f"{m.code} ({m.name})" for m in matches[:3])
    raise NotFound(
        f"no actor named {text!r}"
        + (f": did you mean {hint}?" if hint else "; try `casus actors NAME`")
    )


def codes_named(text: str) -> list[str]:
    """Every code ``text`` could mean, most likely first: the text itself when written as a
    code ("IRNGOV"), the dictionary's entries for the phrase ("Tehran", "US"; entries for a
    period before open ones), then the text upper-cased as a code ("irngov")."""
    query = text.strip()
    upper = query.upper()
    code_like = CODE_LIKE.match(upper) is not None
    codes = [upper] if code_like and query.isupper() else []
    codes += [entry.code for entry in load_dictionary().find(query)]
    if code_like:
        codes.append(upper)
    return list(dict.fromkeys(codes))


@lru_cache(maxsize=1)
def names_by_code() -> dict[str, list[str]]:
    """Each code's dictionary labels, names first (then abbreviations, adjectives, peoples,
    capitals and the like, office holders last)."""
    dictionary = load_dictionary()
    rank = {"name": 0, "abbrev": 1, "people": 3, "adj": 2}
    found: dict[str, dict[str, int]] = defaultdict(dict)
    for entries in dictionary.phrases.values():
        for entry in entries:
            if entry.label:
                found[entry.code].setdefault(entry.label, rank.get(entry.kind, 4))
    for entries in dictionary.people.values():
        for entry in entries:
            if entry.label:
                found[entry.code].setdefault(entry.label, 5)
    return {code: sorted(names, key=lambda n: (names[n], n)) for code, names in found.items()}


def codes_containing(text: str) -> set[str]:
    """Codes one of whose labels contains ``text``, or that start with it (any case)."""
    needle = text.strip().lower()
    names = names_by_code()
    codes = {c for c, labels in names.items() if any(needle in n.lower() for n in labels)}
    return codes | {c for c in names if c.lower().startswith(needle)}


def phrases_of(code: str, *, limit: int = 20) -> list[tuple[str, str]]:
    """(kind, phrase) of the dictionary entries that code to exactly ``code``: its names,
    adjectives, capitals, office holders."""
    found = {
        (kind, phrase)
        for items in _index().phrases.values()
        for entry_code, kind, phrase in items
        if entry_code == code
    }
    return sorted(found, key=lambda item: (KIND_ORDER.get(item[0], 9), item[1]))[:limit]

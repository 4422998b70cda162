"""Historical time: dates from well-known reference events.

``"after the independence of Baku"`` names a row of ``reference_events.tsv`` (Azerbaijan's
independence, 1991) with the relation *after*; :class:`ReferenceResolver` finds such phrases in
a sentence and resolves them to a date with ``basis="reference"``. The narrative time frame
that carries such a date over the following sentences is in ``engine/narrative.py``. The
rules are in docs/dates.md.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from casus.engine.folded import folded
from casus.engine.latest_reference import latest_alike
from casus.errors import OntologyError
from casus.model import EventDate
from casus.ontology.actors import ActorDictionary
from casus.ontology.references import Reference

if TYPE_CHECKING:
    pass

# Relation words before a reference, longest first within each relation.
RELATIONS: tuple[tuple[str, str], ...] = (
    (
        r"(?:immediately|shortly|soon|right|just|directly|not long|long|(?:a )?(?:few |"
        r"several |many )?(?:days|weeks|months|years)|in the (?:first )?(?:days|weeks|"
        r"months|years)) (?:after|following)",
        "after",
    ),
    (r"in the (?:wake|aftermath) of|after the end of|after|following", "after"),
    (r"ever since|since the end of|since", "since"),
    (r"at the (?:start|beginning|outbreak|onset) of|at the dawn of", "start"),
    (r"at the (?:end|close) of|by the end of|towards? the end of", "end"),
    (
        r"(?:immediately |shortly |just |long |(?:in the )?(?:days|weeks|months|years) )"
        r"(?:before|leading up to)|in the (?:run|lead)[- ]up to|on the eve of|prior to|"
        r"ahead of|before|until|till|up to",
        "before",
    ),
    (
        r"at the (?:time|height) of|in the (?:course|midst) of|during|throughout|amidst|"
        r"amid|in",
        "during",
    ),
)
_YEAR = r"(?:1[89]|20)\d\d"
_LETTERS = re.compile(r"[a-z]+")
MAX_WORDS_KEPT = 1 << 16  # words whose gate words are kept (a bound on memory)
# Nouns a name may be followed by and still name the event: "the Euromaidan protests".
TAIL_NOUNS = r"(?:protests?|uprising|movement|demonstrations|crisis|conflict|era|period|years)"
SPACE = r"[\s\u00a0-]+"


@dataclass(frozen=True, slots=True)
class ReferenceSpan:
    """A phrase in the text that names a reference event, with its relation and date."""

    start: int
    end: int
    text: str
    relation: str
    when: EventDate | None  # None: the phrase names no single reference event


def _flex(pattern: str) -> str:
    """A name as written in the table, with each space matching spaces or a hyphen and each
    apostrophe a straight or curly one."""
    return pattern.replace(" ", SPACE).replace("'", "['\u2019]")


def _alternation(names: Iterable[str]) -> str:
    unique = sorted({n for n in names if n}, key=len, reverse=True)
    return "|".join(_flex(re.escape(n)) for n in unique)


def country_names(dictionary: ActorDictionary) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Normalised names and capitals, and adjectives, of each plain country code."""
    names: dict[str, set[str]] = {}
    adjectives: dict[str, set[str]] = {}
    for key, entries in dictionary.phrases.items():
        if key.startswith("="):
            continue
        for entry in entries:
            if len(entry.code) != 3:
                continue
            if entry.kind in ("name", "capital"):
                names.setdefault(entry.code, set()).add(key)
            elif entry.kind in ("adj", "people"):
                adjectives.setdefault(entry.code, set()).add(key)
    return names, adjectives


class ReferenceResolver:
    """Finds reference-event phrases in sentences and dates them."""

    def __init__(self, references: Iterable[Reference], dictionary: ActorDictionary) -> None:
        self.references = tuple(references)
        self._names, self._adjectives = country_names(dictionary)
        self._by_name: dict[str, str] = {}
        for table in (self._names, self._adjectives):
            for code, words in table.items():
                for word in words:
                    self._by_name.setdefault(word, code)
        # The patterns are compiled on first need (start-up, issue 14: compiling all of them
        # took most of a second): a reference is tried only when a word every match of one
        # of its names contains follows the relation word.
        self._ungated: list[int] = []  # references with a name that has no such word
        self._by_key: dict[str, list[int]] = {}
        for i, ref in enumerate(self.references):
            self._check(ref)
            keys = _required_words(ref.names)
            if keys is None:
                self._ungated.append(i)
            for key in keys or ():
                self._by_key.setdefault(key, []).append(i)
        # the gate words in table order, to list a sentence's without testing all of them
        self._key_position = {key: n for n, key in enumerate(self._by_key)}
        self._patterns: dict[int, re.Pattern[str]] = {}
        generic: dict[str, list[Reference]] = {}
        for ref in self.references:
            for word in ref.generic:
                generic.setdefault(word, []).append(ref)
        self._generic = generic
        # a space in a noun matches a hyphen too ("civil-war"): the gate looks for one word
        self._generic_keys = tuple({max(noun.split(), key=len) for noun in generic})
        relations = "|".join(f"(?P<r{i}>{p})" for i, (p, _) in enumerate(RELATIONS))
        # every relation begins with a letter: the look-ahead lets the scan skip the rest
        # (a third faster)
        self._relation_re = re.compile(rf"(?=[a-z])\b(?:{relations}){SPACE}", re.IGNORECASE)
        self._relation_folded = folded(self._relation_re)  # for an ASCII sentence, lowered
        # the gate words inside each word of the text, found once per word (issue 14)
        self._keys_in: dict[str, tuple[tuple[str, ...], bool]] = {}
        self._generic_letters = all(_LETTERS.fullmatch(key) for key in self._generic_keys)

    @cached_property
    def _generic_re(self) -> re.Pattern[str]:
        qualifier = _alternation(self._by_name)
        return re.compile(
            rf"(?:the{SPACE})?(?:(?P<year>{_YEAR}){SPACE})?(?:(?P<q>{qualifier})(?:['\u2019]s)?{SPACE})?"
            rf"(?P<noun>{_alternation(self._generic)})\b(?:{SPACE}(?:of|in){SPACE}(?P<year2>{_YEAR})\b"
            rf"|{SPACE}(?:in|with|against|of|over){SPACE}(?:the{SPACE})?(?P<q2>{qualifier})\b)?",
            re.IGNORECASE,
        )

    @cached_property
    def _place_re(self) -> re.Pattern[str]:
        qualifier = _alternation(self._by_name)
        return re.compile(
            rf"{SPACE}(?:in|with|against|of|over){SPACE}(?:the{SPACE})?(?P<q>{qualifier})\b",
            re.IGNORECASE,
        )

    def words(self) -> set[str]:
        """The words of the references' names and generic nouns (lower case, three letters or
        more): a sentence without any of them names no reference event."""
        out: set[str] = set()
        for ref in self.references:
            for text in (*ref.names, *ref.generic):
                # the letters of the regular expressions, outside escapes ("\\s")
                out.update(w for w in re.findall(r"(?<!\\)[a-z]{3,}", text) if w)
        return out

    def _check(self, ref: Reference) -> None:
        """A name with {C} needs the country's names in the dictionaries (checked at load)."""
        code = ref.countries[0] if ref.countries else ""
        if any("{C}" in pattern for pattern in ref.names) and code not in self._names:
            raise OntologyError(
                f"{ref.id}: no country names for {code} in the actor dictionaries",
                path=ref.path,
                line=ref.line,
            )

    def _candidates(
        self, rest: str, keys: list[str] | None = None, lowered: str | None = None
    ) -> Iterator[tuple[Reference, re.Pattern[str]]]:
        """The references whose names may match at the start of ``rest``, compiled; ``keys``
        (when given) are the gate words the whole sentence contains, the only ones ``rest``
        may contain; ``lowered`` is ``rest.lower()`` when the caller has it."""
        lowered = rest.lower() if lowered is None else lowered
        if lowered.isascii():
            found = set(self._ungated)
            for key in self._by_key if keys is None else keys:
                if key in lowered:
                    found.update(self._by_key[key])
            order: Iterable[int] = sorted(found)  # the table's order, as without the gate
        else:  # a non-ASCII text may case-fold unlike str.lower: try them all
            order = range(len(self.references))
        for i in order:
            ref = self.references[i]
            pattern = self._patterns.get(i)
            if pattern is None:
                pattern = self._compile(ref, self._names, self._adjectives)
                self._patterns[i] = pattern
            yield ref, pattern

    @staticmethod
    def _compile(
        ref: Reference, names: dict[str, set[str]], adjectives: dict[str, set[str]]
    ) -> re.Pattern[str]:
        code = ref.countries[0] if ref.countries else ""
        parts = []
        for pattern in ref.names:
            if "{A}" in pattern and code not in adjectives:
                pattern = pattern.replace("{A}", "{C}")  # no adjective: the name stands in
            pattern = _flex(pattern)
            pattern = pattern.replace("{C}", f"(?:{_alternation(names.get(code, ()))})")
            pattern = pattern.replace("{A}", f"(?:{_alternation(adjectives.get(code, ()))})")
            parts.append(pattern)
        return re.compile(
            rf"(?:the{SPACE})?(?:{'|'.join(parts)})\b(?:{SPACE}{TAIL_NOUNS}\b)?", re.IGNORECASE
        )

    def find(
        self,
        text: str,
        offset: int,
        pub: dt.date | None,
        countries: Counter[str],
    ) -> list[ReferenceSpan]:
        """The reference phrases of a sentence (``offset``: where it starts in the document),
        each from its relation word to the end of the name."""
        out: list[ReferenceSpan] = []
        keys: list[str] | None = None  # the gate words of the sentence, found once
        # an ASCII sentence in lower case keeps every offset: lowered once, not per match
        lowered = text.lower() if text.isascii() else None
        generic = True  # whether a generic noun may follow some relation word
        relations = (
            self._relation_re.finditer(text)
            if lowered is None
            else self._relation_folded.finditer(lowered)  # the same offsets, three times faster
        )
        for m in relations:
            if keys is None and lowered is not None:
                keys, generic = self._gate_words(lowered)
            found = self._match_at(text, m.end(), pub, countries, keys, lowered, generic)
            if found is None:  # most relation words ("in", "after") begin no reference
                continue
            # the one relation group that matched (the groups inside it capture nothing)
            relation = RELATIONS[int(str(m.lastgroup)[1:])][1]
            end, ref = found
            phrase = text[m.start() : end]
            when = None if ref is None else to_event_date(ref, relation, phrase)
            out.append(ReferenceSpan(offset + m.start(), offset + end, phrase, relation, when))
        return out

    def _gate_words(self, lowered: str) -> tuple[list[str], bool]:
        """The gate words an ASCII sentence in lower case contains, and whether it contains
        a generic noun's. Both are letters only, so each lies inside one run of letters: the
        runs repeat from sentence to sentence, and each is searched once."""
        found: set[str] = set()
        generic = False
        for run in set(_LETTERS.findall(lowered)):
            known = self._keys_in.get(run)
            if known is None:
                if len(self._keys_in) >= MAX_WORDS_KEPT:
                    self._keys_in.clear()
                known = self._keys_in[run] = (
                    tuple(key for key in self._by_key if key in run),
                    any(key in run for key in self._generic_keys),
                )
            found.update(known[0])
            generic = generic or known[1]
        if not self._generic_letters:  # a generic noun's word with a hyphen or an apostrophe
            generic = any(key in lowered for key in self._generic_keys)
        return sorted(found, key=self._key_position.__getitem__), generic

    def _match_at(
        self,
        text: str,
        pos: int,
        pub: dt.date | None,
        countries: Counter[str],
        keys: list[str] | None = None,
        lowered: str | None = None,
        generic: bool = True,
    ) -> tuple[int, Reference | None] | None:
        best_end, named = -1, []
        rest = lowered[pos:] if lowered is not None else None
        for ref, pattern in self._candidates(text[pos:], keys, rest):
            m = pattern.match(text, pos)
            if m is None:
                continue
            if m.end() > best_end:
                best_end, named = m.end(), [ref]
            elif m.end() == best_end:
                named.append(ref)
        if named:
            tail = self._place_re.match(text, best_end)
            hint = self._by_name.get(_norm(tail.group("q"))) if tail else None
            picked = [r for r in named if hint in r.countries] if hint else []
            return best_end, _choose_named(picked or named, pub, countries)
        if not generic:
            return None  # no generic noun in the whole sentence: the pattern cannot match
        rest = text[pos:].lower() if rest is None else rest
        if rest.isascii() and not any(key in rest for key in self._generic_keys):
            return None  # no generic noun follows: the pattern cannot match
        m = self._generic_re.match(text, pos)
        if m is None:
            return None
        year_text = m.group("year") or m.group("year2")
        qualifier = m.group("q") or m.group("q2")
        hint = self._by_name.get(_norm(qualifier)) if qualifier else None
        refs = self._generic[m.group("noun").lower().replace("-", " ")]
        chosen = _choose_generic(refs, pub, countries, int(year_text) if year_text else None, hint)
        return m.end(), chosen


def _required_words(names: Iterable[str]) -> tuple[str, ...] | None:
    """One word per name that every match of that name contains (its longest literal word
    outside groups, classes and quantifiers), or ``None`` when some name has none: a text
    without any of these words cannot match the reference."""
    keys: list[str] = []
    for name in names:
        word = _required_word(name)
        if word is None:
            return None
        keys.append(word)
    return tuple(keys)


def _required_word(pattern: str) -> str | None:
    """The longest lower-case word of ``pattern`` that every match contains, if any."""
    words: list[str] = []
    depth, i, current = 0, 0, ""
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            current, i = "", i + 2
            continue
        if c == "[":  # a character class: skip to its end
            current, i = "", _class_end(pattern, i)
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            return None  # alternatives at the top: no word is common to all
        if depth == 0 and "a" <= c <= "z":
            current += c
        else:
            if current and c not in "?*+{":
                words.append(current)
            current = ""
        i += 1
    if current:
        words.append(current)
    return max(words, key=len) if words else None


def _class_end(pattern: str, start: int) -> int:
    """Where the character class opened at ``start`` ends (after its "]"; a "]" first in the
    class and an escaped one belong to it)."""
    i = start + 1
    if i < len(pattern) and pattern[i] == "^":
        i += 1
    if i < len(pattern) and pattern[i] == "]":
        i += 1
    while i < len(pattern) and pattern[i] != "]":
        i += 2 if pattern[i] == "\\" else 1
    return i + 1


def _norm(text: str) -> str:
    return " ".join(text.lower().replace("-", " ").replace("'s", "").split())


def _before_pub(refs: list[Reference], pub: dt.date | None) -> list[Reference]:
    return [r for r in refs if pub is None or r.start <= pub]


def _by_countries(refs: list[Reference], countries: Counter[str]) -> list[Reference]:
    """The references that share the most countries with the article (then the most
    mentions): "the war" in an article on Russia and Georgia is the 2008 war."""
    scored = [
        ((sum(1 for c in r.countries if countries[c]), sum(countries[c] for c in r.countries)), r)
        for r in refs
    ]
    if not (scored := [s for s in scored if s[0][0] > 0]):
        return []
    top = max(s for s, _ in scored)
    return [r for s, r in scored if s == top]


def _choose_named(
    refs: list[Reference], pub: dt.date | None, countries: Counter[str]
) -> Reference | None:
    """A name that several rows share ("the Velvet Revolution": Czechoslovakia 1989, Armenia
    2018) is settled by the article's countries, else by the latest before publication."""
    refs = _before_pub(refs, pub)
    if len(refs) > 1:
        refs = _by_countries(refs, countries) or refs
    return max(refs, key=lambda r: r.start) if refs else None


def _choose_generic(
    refs: list[Reference],
    pub: dt.date | None,
    countries: Counter[str],
    year: int | None,
    hint: str | None,
) -> Reference | None:
    """A bare noun ("the revolution", "the 2003 invasion") names a row only when its year,
    its country word, or else the article's countries leave exactly one."""
    refs = _before_pub(refs, pub)
    if year is not None:
        refs = [r for r in refs if r.start.year <= year <= (r.end or r.start).year]
    if hint is not None:
        refs = [r for r in refs if hint in r.countries]
    if len(refs) == 1 and (year is not None or hint is not None):
        return refs[0]
    refs = _by_countries(refs, countries)
    return refs[0] if len(refs) == 1 else latest_alike(refs)  # "after the coup": the latest


def _covering(start: dt.date, end: dt.date) -> tuple[dt.date, str]:
    """The shortest period of casus precisions that starts with ``start`` and holds ``end``."""
    if (start.year, start.month) == (end.year, end.month):
        return start.replace(day=1), "month"
    if start.year == end.year:
        return dt.date(start.year, 1, 1), "year"
    return dt.date(start.year, 1, 1), "decade"


def to_event_date(ref: Reference, relation: str, text: str) -> EventDate | None:
    """The date a relation to ``ref`` gives: *after* and *since* from its end, *before* up to
    its start, *during* its span; precision at most a year, except a span within a month."""
    if relation == "during":
        if ref.end is None:
            return None  # during a war still going on: any year since it began
        if ref.precision == "year":
            date, precision = dt.date(ref.start.year, 1, 1), "year"
            if ref.end.year != ref.start.year:
                precision = "decade"
        else:
            date, precision = _covering(ref.start, ref.end)
        note = f"during {ref.id} ({_span(ref)})"
        return EventDate(date, precision, "reference", text, note, ref.id)
    point = ref.start if relation in ("start", "before") else ref.end or ref.start
    notes = {
        "after": "after",
        "since": "an open range since",
        "end": "at the end of",
        "start": "at the start of",
        "before": "before",
    }
    note = f"{notes[relation]} {ref.id} ({_span(ref)})"
    return EventDate(dt.date(point.year, 1, 1), "year", "reference", text, note, ref.id)


def _span(ref: Reference) -> str:
    if ref.end is None:
        return f"{ref.start.isoformat()} – ongoing"
    if ref.end == ref.start:
        return ref.start.isoformat()
    return f"{ref.start.isoformat()} – {ref.end.isoformat()}"

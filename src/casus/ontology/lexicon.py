"""The verb lexicon: patterns (lemma + particle + object class + preposition + complement) → CAMEO.

Format and semantics: docs/lexicon.md. Bundled files live in ``data/lexicon/``; users add their
own with the same format. Every row is validated when loaded.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from casus.errors import OntologyError
from casus.ontology.cameo import CameoTable, load_cameo
from casus.ontology.tables import Row, data_files, read_tsv, read_user_file
from casus.ontology.words import word_list

PATTERN_HEADER = ("code", "kind", "lemma", "object", "prep", "comp", "note")
CLASS_HEADER = ("class", "lemma", "note")
# Bundled files in data/lexicon/ that are not patterns: idioms*.tsv is read by ontology/idioms.py
# (it is still part of the lexicon version, so changing it re-codes stored articles).
NOT_PATTERNS = ("idioms",)
KINDS = ("verb", "noun")
PREPOSITIONS = word_list("pattern_preps")
CLASS_RE = re.compile(r"^[A-Z][A-Z_]*$")
LEMMA_RE = re.compile(r"^[a-z][a-z'\-]*( [a-z][a-z'\-]*){0,3}$")
ROOT_RE = re.compile(r"^(0[1-9]|1[0-9]|20)$")


@dataclass(frozen=True, slots=True)
class Pattern:
    """One lexicon pattern. ``obj`` is ``None``, a class name (upper case) or a lemma."""

    code: str
    kind: str
    lemma: str
    particle: str | None
    obj: str | None
    prep: str | None
    comp: frozenset[str]
    where: str  # "file:line"
    # found once, at construction: the matcher compares it for every candidate of every frame
    specificity: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "specificity", self._specificity())

    @property
    def key(self) -> tuple[str, str, str | None, str | None, tuple[str, ...]]:
        """What makes two patterns the same pattern (duplicates are errors)."""
        full = self.lemma if self.particle is None else f"{self.lemma} {self.particle}"
        return (self.kind, full, self.obj, self.prep, tuple(sorted(self.comp)))

    def _specificity(self) -> int:
        """More specific patterns win: object lemma 4, object class 3, prep 2, comp 2,
        particle 1."""
        score = 0
        if self.obj is not None:
            score += 3 if self.obj.isupper() else 4
        if self.prep is not None:
            score += 2
        if self.comp:
            score += 2
        if self.particle is not None:
            score += 1
        return score


class Lexicon:
    """Patterns indexed by (kind, lemma), plus the noun classes they refer to."""

    def __init__(
        self, patterns: Iterable[Pattern], classes: dict[str, frozenset[str]], version: str
    ) -> None:
        self.classes = classes
        self.version = version
        self._by_lemma: dict[tuple[str, str], list[Pattern]] = defaultdict(list)
        self.patterns: list[Pattern] = []
        for pattern in patterns:
            self._by_lemma[(pattern.kind, pattern.lemma)].append(pattern)
            self.patterns.append(pattern)
        for group in self._by_lemma.values():
            group.sort(key=lambda p: -p.specificity)
        # what the matcher asks of every lemma's whole list for each frame, found once here
        self._particles = {
            key: frozenset(p.particle for p in group if p.particle)
            for key, group in self._by_lemma.items()
        }
        self._with_objects = frozenset(
            key for key, group in self._by_lemma.items() if any(p.obj is not None for p in group)
        )
        self._class_of: dict[str, set[str]] = defaultdict(set)
        for name, lemmas in classes.items():
            for lemma in lemmas:
                self._class_of[lemma].add(name)

    def candidates(self, kind: str, lemma: str) -> list[Pattern]:
        """Patterns for a verb or noun lemma, most specific first."""
        return self._by_lemma.get((kind, lemma), [])

    def particles(self, kind: str, lemma: str) -> frozenset[str]:
        """The particles of a lemma's patterns ("back" of "strike back"), as
        ``{p.particle for p in candidates(kind, lemma) if p.particle}``."""
        return self._particles.get((kind, lemma), frozenset())

    def has_objects(self, kind: str, lemma: str) -> bool:
        """Whether one of a lemma's patterns names an object, as
        ``any(p.obj is not None for p in candidates(kind, lemma))``."""
        return (kind, lemma) in self._with_objects

    def classes_of(self, lemma: str) -> set[str]:
        """The noun classes a (possibly multiword) noun lemma belongs to."""
        return self._class_of.get(lemma, set())

    def has_lemma(self, kind: str, lemma: str) -> bool:
        """Whether any pattern uses this lemma."""
        return (kind, lemma) in self._by_lemma

    def stats(self) -> dict[str, int]:
        """Counts for docs and tests: patterns, distinct codes, roots, classes."""
        codes = {p.code for p in self.patterns}
        return {
            "patterns": len(self.patterns),
            "codes": len(codes),
            "roots": len({c[:2] for c in codes}),
            "classes": len(self.classes),
        }


def parse_classes(text: str, path: str) -> dict[str, set[str]]:
    """Noun classes of one file; a duplicate (class, lemma) in the file is an error."""
    out: dict[str, set[str]] = defaultdict(set)
    for row in read_tsv(text, path, CLASS_HEADER):
        name = row.require("class")
        if not CLASS_RE.match(name):
            raise row.error(f"class name {name!r} must be upper case letters and _")
        lemma = row.require("lemma").lower()
        if lemma in out[name]:
            raise row.error(f"duplicate lemma {lemma!r} in class {name}")
        out[name].add(lemma)
    return out


def _parse_pattern(row: Row, cameo: CameoTable, classes: dict[str, frozenset[str]]) -> Pattern:
    code = row.require("code")
    if code not in cameo:
        raise row.error(f"unknown CAMEO code {code!r}")
    kind = row.require("kind")
    if kind not in KINDS:
        raise row.error(f"kind must be verb or noun, found {kind!r}")
    lemma_cell = row.require("lemma")
    if not LEMMA_RE.match(lemma_cell):
        raise row.error(f"lemma {lemma_cell!r} must be lower-case words")
    words = lemma_cell.split()
    particle = None
    if kind == "verb":
        if len(words) > 2:
            raise row.error(f"a verb lemma is one word and at most one particle: {lemma_cell!r}")
        lemma, particle = words[0], (words[1] if len(words) == 2 else None)
    else:
        lemma = lemma_cell
    obj = row.get("object")
    if obj is not None:
        if obj.isupper():
            if obj not in classes:
                raise row.error(f"unknown noun class {obj!r}")
        elif not LEMMA_RE.match(obj):
            raise row.error(f"object {obj!r} must be a CLASS or a lower-case lemma")
    prep = row.get("prep")
    if prep is not None and prep not in PREPOSITIONS:
        raise row.error(f"preposition {prep!r} is not one of {', '.join(sorted(PREPOSITIONS))}")
    comp: frozenset[str] = frozenset()
    comp_cell = row.get("comp")
    if comp_cell is not None:
        roots = [c.strip() for c in comp_cell.split(",")]
        bad = [r for r in roots if not ROOT_RE.match(r)]
        if bad:
            raise row.error(f"comp must list two-digit CAMEO roots, found {', '.join(bad)}")
        comp = frozenset(roots)
    return Pattern(code, kind, lemma, particle, obj, prep, comp, f"{row.path}:{row.line}")


def parse_patterns(
    text: str, path: str, cameo: CameoTable, classes: dict[str, frozenset[str]]
) -> list[Pattern]:
    """All patterns of one file, validated (unknown code, bad class, duplicate → error)."""
    out: list[Pattern] = []
    seen: dict[tuple[object, ...], str] = {}
    for row in read_tsv(text, path, PATTERN_HEADER):
        pattern = _parse_pattern(row, cameo, classes)
        if pattern.key in seen:
            raise row.error(f"duplicate pattern (same as {seen[pattern.key]})")
        seen[pattern.key] = pattern.where
        out.append(pattern)
    return out


def _merge(groups: Iterable[dict[str, set[str]]]) -> dict[str, frozenset[str]]:
    merged: dict[str, set[str]] = defaultdict(set)
    for group in groups:
        for name, lemmas in group.items():
            merged[name] |= lemmas
    return {name: frozenset(lemmas) for name, lemmas in merged.items()}


def build_lexicon(extra_files: tuple[Path, ...] = ()) -> Lexicon:
    """The bundled lexicon plus users' files (user patterns override bundled ones with the same
    key; duplicates within the bundled files, or within one user file, are errors)."""
    cameo = load_cameo()
    bundled = data_files("lexicon", "*.tsv")
    user = [(str(p), read_user_file(p)) for p in extra_files]
    class_texts = [(n, t) for n, t in bundled + user if Path(n).name.startswith("noun_classes")]
    pattern_texts = [
        (n, t) for n, t in bundled if not Path(n).name.startswith(("noun_classes", *NOT_PATTERNS))
    ]
    user_patterns = [(n, t) for n, t in user if not Path(n).name.startswith("noun_classes")]
    classes = _merge(parse_classes(t, n) for n, t in class_texts)
    patterns: dict[tuple[object, ...], Pattern] = {}
    for name, text in pattern_texts:
        for pattern in parse_patterns(text, name, cameo, classes):
            if pattern.key in patterns:
                raise OntologyError(
                    f"duplicate pattern (same as {patterns[pattern.key].where})",
                    path=name,
                    line=int(pattern.where.rsplit(":", 1)[1]),
                )
            patterns[pattern.key] = pattern
    for name, text in user_patterns:
        for pattern in parse_patterns(text, name, cameo, classes):
            patterns[pattern.key] = pattern
    digest = hashlib.sha1()
    for _name, text in sorted(bundled + user):
        digest.update(text.encode("utf-8"))
    return Lexicon(patterns.values(), classes, digest.hexdigest()[:12])


@lru_cache(maxsize=8)
def load_lexicon(extra_files: tuple[Path, ...] = ()) -> Lexicon:
    """The lexicon, built once per process for a given set of user files (the bundled one
    from the on-disk cache of compiled tables when it is current: a third of the time)."""
    if extra_files:
        return build_lexicon(extra_files)
    from casus.ontology.cache import cache_key, cached, code_of

    sources = [
        text
        for folder, glob in (("lexicon", "*.tsv"), ("words", "*.tsv"), ("", "*.tsv"))
        for _, text in data_files(folder, glob)
    ]
    return cached("lexicon", cache_key(*sources, *code_of(__file__)), build_lexicon)

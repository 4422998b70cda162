"""Figurative language that looks like an event: "burned its bridges", "a war of words",
"killed the deal", "a charm offensive".

The table is ``data/lexicon/idioms.tsv`` (format: docs/lexicon.md#figurative-language). Each
row is a sequence of words and an action: ``drop`` (no event) or a CAMEO code (the event is
coded with it instead). The event engine asks :meth:`Idioms.apply` about every pattern it
chooses, before an event is built.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from casus.ontology.cameo import CameoTable, load_cameo
from casus.ontology.lexicon import Pattern
from casus.ontology.tables import Row, data_files, read_tsv

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

HEADER = ("words", "action", "note")
GAP = "..."
# A gap "..." stands for up to this many tokens.
MAX_GAP = 4
MAX_ITEMS = 8
# An aside a gap reads over as one token: ", including judges and police commanders,".
ASIDE_CLOSE = {",": ",", "(": ")", "--": "--"}
MAX_ASIDE = 12
WORD_RE = re.compile(r"^[a-z][a-z'\-]*(\|[a-z][a-z'\-]*)*$")
# Words of the trigger's clause that count as part of it: "launched a charm offensive" is
# figurative because its object is.
ARGUMENT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "oprd", "pobj"})
DROP = "drop"


@dataclass(frozen=True, slots=True)
class Idiom:
    """One row: ``items`` are sets of word alternatives, or ``None`` for a gap."""

    items: tuple[frozenset[str] | None, ...]
    code: str | None  # None: drop the event
    where: str  # "file:line"

    def matches(self, tokens: list[Token], anchors: set[int]) -> bool:
        """Whether the words occur in the sentence, in order, covering an anchor token."""
        first = tokens[0].i if tokens else 0
        lemmas = [t.lemma_.lower() for t in tokens]
        lowers = [t.lower_ for t in tokens]
        return self.matches_words(lemmas, lowers, first, anchors, name_ends(tokens))

    def matches_words(
        self,
        lemmas: list[str],
        lowers: list[str],
        first: int,
        anchors: set[int],
        names: tuple[int, ...] = (),
    ) -> bool:
        """Like :meth:`matches`, on the sentence's lemmas and lower-case words; ``first`` is
        the token index of the first (the words are read once per sentence, not per idiom);
        ``names`` gives, for each word, where a name beginning there ends (:func:`name_ends`)."""
        words = _Words(lemmas, lowers, names)
        return any(
            _match(words, self.items, start, 0, [], anchors, first) for start in range(len(lemmas))
        )


@dataclass(frozen=True, slots=True)
class _Words:
    """A sentence's lemmas and lower-case words, and where a name beginning at each ends."""

    lemmas: list[str]
    lowers: list[str]
    names: tuple[int, ...]


def name_ends(tokens: list[Token]) -> tuple[int, ...]:
    """For each token, the position (in ``tokens``) just past the name of two or more words
    that begins there, else its own position plus one: a gap reads a long name as one word
    ("told NATO Secretary-General Jens Stoltenberg in a telephone call")."""
    proper = [t.pos_ == "PROPN" for t in tokens]
    # a hyphen inside a name is part of it ("Secretary - General")
    inside = [
        proper[i] or (t.text == "-" and 0 < i < len(tokens) - 1 and proper[i - 1] and proper[i + 1])
        for i, t in enumerate(tokens)
    ]
    ends = [i + 1 for i in range(len(tokens))]
    run_end = len(tokens)
    for i in range(len(tokens) - 1, -1, -1):
        if not inside[i]:
            run_end = i
        elif proper[i] and run_end - i >= 2:
            ends[i] = run_end
    return tuple(ends)


def _word_of(token: Token) -> tuple[str, str]:
    return token.lemma_.lower(), token.lower_


def _match(
    words: _Words,
    items: tuple[frozenset[str] | None, ...],
    ti: int,
    ii: int,
    matched: list[int],
    anchors: set[int],
    first: int,
) -> bool:
    if ii == len(items):
        return bool(anchors.intersection(first + i for i in matched))
    item = items[ii]
    lemmas, lowers = words.lemmas, words.lowers
    if item is None:  # a gap: skip 0 to MAX_GAP tokens before the next word
        return any(
            _match(words, items, at, ii + 1, matched, anchors, first)
            for at in _gap_ends(lowers, ti, words.names)
        )
    if ti >= len(lemmas) or (lemmas[ti] not in item and lowers[ti] not in item):
        return False
    return _match(words, items, ti + 1, ii + 1, [*matched, ti], anchors, first)


def _gap_ends(lowers: list[str], start: int, names: tuple[int, ...] = ()) -> list[int]:
    """Where a gap from ``start`` may end: up to MAX_GAP tokens on, where an aside between
    commas or brackets counts as none ("added 12 officials, including two judges, to its
    sanctions list") and a long name as one ("NATO Secretary-General Jens Stoltenberg")."""
    ends: list[int] = []
    at, budget = start, MAX_GAP
    while at < len(lowers) and budget >= 0:
        ends.append(at)
        closing = ASIDE_CLOSE.get(lowers[at])
        if closing is not None:
            close = _closing(lowers, at, closing)
            if close is not None:
                at = close + 1
                continue
        if names and names[at] > at + 1:  # a name: its words may end the gap, at one's cost
            ends.extend(range(at + 1, names[at]))
            at, budget = names[at], budget - 1
            continue
        at, budget = at + 1, budget - 1
    return ends


def _closing(lowers: list[str], opening: int, closing: str) -> int | None:
    """The token that closes the aside opened at ``opening``, if it is near."""
    for at in range(opening + 1, min(len(lowers), opening + MAX_ASIDE + 1)):
        if lowers[at] == closing:
            return at
    return None


class Idioms:
    """The idiom rows, indexed by every word they contain."""

    def __init__(self, idioms: list[Idiom]) -> None:
        self.idioms = idioms
        # file order, for sorting candidates (``list.index`` compares whole rows, one by one)
        self._position = {id(idiom): n for n, idiom in enumerate(idioms)}
        self._by_word: dict[str, list[Idiom]] = defaultdict(list)
        for idiom in idioms:
            for word in _words(idiom):
                self._by_word[word].append(idiom)
        self._by_first: dict[str, list[Idiom]] = defaultdict(list)
        for idiom in idioms:
            for word in next(item for item in idiom.items if item):
                self._by_first[word].append(idiom)
        self._first_words = frozenset(self._by_first)

    def find(
        self, trigger: Token, sent: Span | None = None, words: frozenset[str] | None = None
    ) -> Idiom | None:
        """The first idiom (in file order) that covers the trigger or one of its objects
        (found once per trigger and kept with the Doc: every candidate frame asks again).
        ``sent`` is the trigger's sentence when the caller has it: ``Token.sent`` scans the
        whole document for sentence starts on every call (the engine passes its memo,
        ``engine/sentences.py``). ``words``, when the caller has them, are every lemma and
        lower-case word of the document: an idiom with a word the document lacks is not
        tried, and the sentence's words are not read."""
        memo: dict[tuple[int, int], Idiom | None] = trigger.doc.user_data.setdefault(
            "casus.idioms", {}
        )
        key = (id(self), trigger.i)
        if key not in memo:
            memo[key] = self._find(trigger, sent, words)
        return memo[key]

    def _find(
        self, trigger: Token, sent: Span | None, words: frozenset[str] | None
    ) -> Idiom | None:
        # only the idioms whose every word the document has (the sentence's words are among
        # the document's): most documents have none, and then no trigger is read at all
        by_word = self._by_word if words is None else self._in_document(trigger, words)
        if not by_word:
            return None
        near = [trigger] + [c for c in trigger.children if c.dep_ in ARGUMENT_DEPS]
        candidates = {
            id(idiom): idiom
            for token in near
            for word in _word_of(token)
            for idiom in by_word.get(word, ())
        }
        if not candidates:
            return None
        sent = trigger.sent if sent is None else sent
        words_of_sent, present = _sentence_words(sent)
        anchors = {t.i for t in near}
        # an idiom with a word the sentence lacks cannot match (the cheap test first)
        ordered = sorted(
            (idiom for idiom in candidates.values() if _possible(idiom, present)),
            key=lambda idiom: self._position[id(idiom)],
        )
        return next(
            (
                idiom
                for idiom in ordered
                if idiom.matches_words(
                    words_of_sent.lemmas,
                    words_of_sent.lowers,
                    sent.start,
                    anchors,
                    words_of_sent.names,
                )
            ),
            None,
        )

    def _in_document(self, trigger: Token, words: frozenset[str]) -> dict[str, list[Idiom]]:
        """The word index of the idioms that may occur in the trigger's document (every word
        item has an alternative among its ``words``), built once per Doc and kept with it."""
        memo: dict[int, dict[str, list[Idiom]]] = trigger.doc.user_data.setdefault(
            "casus.idiom_index", {}
        )
        index = memo.get(id(self))
        if index is None:
            index = memo[id(self)] = {}
            # an idiom is possible only if its first word is in the document (one set
            # operation finds those: few of them, and in most documents none)
            for first in self._first_words & words:
                for idiom in self._by_first[first]:
                    if _possible(idiom, words):
                        for word in _words(idiom):
                            index.setdefault(word, []).append(idiom)
        return index

    def apply(
        self,
        trigger: Token,
        pattern: Pattern | None,
        kind: str,
        sent: Span | None = None,
        words: frozenset[str] | None = None,
    ) -> Pattern | None:
        """The pattern to code with after figurative language is taken into account: ``None``
        for a dropped idiom, a recoded pattern ("a war of words" → 111), or ``pattern``
        (``sent``: the trigger's sentence, as for :meth:`find`)."""
        idiom = self.find(trigger, sent, words)
        if idiom is None:
            return pattern
        if idiom.code is None:
            return None
        if pattern is None:
            return Pattern(
                idiom.code, kind, trigger.lemma_.lower(), None, None, None, frozenset(), idiom.where
            )
        return replace(pattern, code=idiom.code, where=f"{idiom.where} via {pattern.where}")


def recoded(pattern: Pattern) -> bool:
    """Whether an idiom row gave ``pattern`` its code: "noted developments with deep concern"
    (012) is a reading as specific as a pattern with an object, no bare report."""
    return pattern.where.split(" via ", 1)[0].startswith("lexicon/idioms")


def _words(idiom: Idiom) -> set[str]:
    """Every word alternative of the idiom's items."""
    return {word for item in idiom.items if item for word in item}


def _possible(idiom: Idiom, words: frozenset[str]) -> bool:
    """Whether every word item of the idiom has an alternative among ``words``."""
    return all(item is None or not item.isdisjoint(words) for item in idiom.items)


def _sentence_words(sent: Span) -> tuple[_Words, frozenset[str]]:
    """The lemmas, lower-case words and name ends of a sentence's tokens, and the set of the
    words, read once per sentence and kept with the Doc (strings and ints only: nothing for
    the garbage collector to follow)."""
    memo: dict[int, tuple[_Words, frozenset[str]]] = sent.doc.user_data.setdefault(
        "casus.idiom_words", {}
    )
    found = memo.get(sent.start)
    if found is None:
        tokens = list(sent)
        lemmas = [t.lemma_.lower() for t in tokens]
        lowers = [t.lower_ for t in tokens]
        words = _Words(lemmas, lowers, name_ends(tokens))
        found = memo[sent.start] = (words, frozenset((*lemmas, *lowers)))
    return found


def _parse_row(row: Row, cameo: CameoTable) -> Idiom:
    words = row.require("words").split()
    if len(words) > MAX_ITEMS:
        raise row.error(f"at most {MAX_ITEMS} words and gaps, found {len(words)}")
    if words[0] == GAP or words[-1] == GAP:
        raise row.error("words must not start or end with a gap '...'")
    items: list[frozenset[str] | None] = []
    for word in words:
        if word == GAP:
            if items and items[-1] is None:
                raise row.error("two gaps '...' in a row")
            items.append(None)
        elif WORD_RE.match(word):
            items.append(frozenset(word.split("|")))
        else:
            raise row.error(f"word {word!r} must be lower-case letters (alternatives with |)")
    action = row.require("action")
    if action != DROP and action not in cameo:
        raise row.error(f"action must be 'drop' or a CAMEO code, found {action!r}")
    return Idiom(tuple(items), None if action == DROP else action, f"{row.path}:{row.line}")


def parse_idioms(text: str, path: str, cameo: CameoTable) -> list[Idiom]:
    """The idioms of one file, validated (bad words, unknown code, duplicate → error)."""
    out: list[Idiom] = []
    seen: dict[tuple[frozenset[str] | None, ...], str] = {}
    for row in read_tsv(text, path, HEADER):
        idiom = _parse_row(row, cameo)
        if idiom.items in seen:
            raise row.error(f"duplicate idiom (same words as {seen[idiom.items]})")
        seen[idiom.items] = idiom.where
        out.append(idiom)
    return out


@lru_cache(maxsize=1)
def load_idioms() -> Idioms:
    """The bundled idiom table (every ``data/lexicon/idioms*.tsv``), loaded once."""
    cameo = load_cameo()
    idioms = [
        idiom
        for name, text in data_files("lexicon", "idioms*.tsv")
        for idiom in parse_idioms(text, name, cameo)
    ]
    return Idioms(idioms)

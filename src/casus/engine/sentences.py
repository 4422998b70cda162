"""The sentence of a token, and other tables of a document, found once per document.

spaCy's ``Token.sent`` walks back to the sentence start and forward to its end on every
call, creating a Token for each word it passes; the stages ask for the sentence of the same
triggers many times, so the sentences are listed once and kept with the Doc itself (never on
a stage, which every document and thread shares). The same holds for the document's parts of
speech and words (``with_pos``, ``document_words``), read from the Doc's arrays: ints and
strings only, nothing that keeps Tokens alive. ``column`` reads one attribute of every token
from the Doc's arrays (``doc.to_array``) once per document, and ``string_of`` turns its
hashes back into strings through a table shared by every Doc (spaCy's hashes are those of the
strings, the same in every vocabulary): a rule that scans a whole sentence for a word reads
these lists, and builds no Token for the words it passes.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

from spacy.strings import get_string_id

from casus.nlp import attribute_id

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_KEY = "casus.sentence_of"
_SENTENCES_KEY = "casus.sentences"
_INDEX_KEY = "casus.sentence_index"
_TEXT_KEY = "casus.sentence_text"
_DOC_TEXT_KEY = "casus.document_text"
_SUBTREE_KEY = "casus.subtree_words"
_WORDS_KEY = "casus.document_words"
_WITH_KEY = "casus.sentences_with"
_COLUMNS_KEY = "casus.columns"
# the attributes :func:`column` reads for every document, together (DEP: the negation
# gate reads it in every document with an event; a call of its own cost more than its row)
COLUMNS = ("ORTH", "SPACY", "POS", "TAG", "LEMMA", "LOWER", "DEP")
_LEMMAS_KEY = "casus.lemmas"
# parts of speech -> their spaCy symbol ids, the same for every Doc (filled on first use)
_POS_IDS: dict[tuple[str, ...], frozenset[int]] = {}
# spaCy's string hashes -> the strings (and their lower case), shared by every Doc; emptied
# when full (a long run meets new names every day)
_STRINGS: dict[int, str] = {}
_LOWERED: dict[int, str] = {}
_MAX_STRINGS = 1 << 19
# word lists -> their spaCy hashes (:func:`sentences_with`), the same in every vocabulary
_HASHES: dict[frozenset[str], frozenset[int]] = {}


def sentences(doc: Doc) -> list[Span]:
    """The sentences of ``doc`` (``doc.sents``), listed once per document and kept with it:
    ``Doc.sents`` walks every token and makes a new Span per sentence on each call, and the
    stages ask for the sentences of each document several times. Callers must not change the
    list."""
    memo: list[Span] | None = doc.user_data.get(_SENTENCES_KEY)
    if memo is None or (memo[-1].end if memo else 0) != len(doc):
        memo = doc.user_data[_SENTENCES_KEY] = list(doc.sents)
    return memo


def sentence_spans(doc: Doc) -> list[Span]:
    """The sentence of each token of ``doc``, by token index."""
    memo: list[Span] | None = doc.user_data.get(_KEY)
    if memo is None or len(memo) != len(doc):
        memo = []
        for sent in sentences(doc):
            memo.extend([sent] * len(sent))
        doc.user_data[_KEY] = memo
    return memo


def sentence_of(token: Token) -> Span:
    """The sentence ``token`` is in (``token.sent``, found once per document)."""
    return sentence_spans(token.doc)[token.i]


def sentence_index(token: Token) -> int:
    """The number of ``token``'s sentence in its document, counted from 0 (listed once per
    document: every event and mention asks)."""
    return _sentence_numbers(token.doc)[token.i]


def _sentence_numbers(doc: Doc) -> list[int]:
    """The sentence number of each token of ``doc``, by token index (once per document)."""
    memo: list[int] | None = doc.user_data.get(_INDEX_KEY)
    if memo is None or len(memo) != len(doc):
        memo = []
        for number, sent in enumerate(sentences(doc)):
            memo.extend([number] * len(sent))
        doc.user_data[_INDEX_KEY] = memo
    return memo


def sentence_text(sent: Span) -> str:
    """``sent.text``, built once per sentence and kept with the Doc (``Span.text`` joins the
    texts of all its tokens on every call, and the date stages read each sentence's text
    several times)."""
    memo: dict[tuple[int, int], str] = sent.doc.user_data.setdefault(_TEXT_KEY, {})
    key = (sent.start, sent.end)
    found = memo.get(key)
    if found is None:  # the document's text is its tokens' texts with their spaces
        found = memo[key] = document_text(sent.doc)[sent.start_char : sent.end_char]
    return found


def document_text(doc: Doc) -> str:
    """``doc.text``, built once per document and kept with the Doc (``Doc.text`` joins every
    token's text on each call)."""
    found: str | None = doc.user_data.get(_DOC_TEXT_KEY)
    if found is None:  # as Doc.text joins them, without a Token per word
        words, spaces = column(doc, "ORTH"), column(doc, "SPACY")
        found = doc.user_data[_DOC_TEXT_KEY] = "".join(
            [
                string_of(doc, word) + " " if space else string_of(doc, word)
                for word, space in zip(words, spaces, strict=True)
            ]
        )
    return found


def subtree_words(token: Token) -> str:
    """The lower-case words of ``token``'s subtree joined by single spaces ("each other"), built
    once per token and kept with the Doc (a subtree walk makes a Token per word, and a frame
    asks again for each reading of its act)."""
    memo: dict[int, str] = token.doc.user_data.setdefault(_SUBTREE_KEY, {})
    found = memo.get(token.i)
    if found is None:
        found = memo[token.i] = " ".join(t.lower_ for t in token.subtree)
    return found


def with_pos(span: Span, parts: tuple[str, ...]) -> list[Token]:
    """The tokens of ``span`` whose coarse part of speech (``Token.pos_``) is one of
    ``parts``, in order. The parts of speech are read from the Doc's array once per document
    and kept with it (ints only): a loop that tests ``pos_`` on every token of a sentence
    builds a Token and decodes a string for each, where this builds one only for the tokens
    it keeps (the engine's passes over every verb, noun and argument)."""
    doc = span.doc
    ids = column(doc, "POS")
    wanted = symbol_ids(doc, parts)
    return [doc[i] for i in range(span.start, span.end) if ids[i] in wanted]


def symbol_ids(doc: Doc, names: tuple[str, ...]) -> frozenset[int]:
    """spaCy's ids (hashes) of ``names`` ("PROPN", "VBZ"), as :func:`column` holds them: the
    same in every vocabulary, found once per process."""
    wanted = _POS_IDS.get(names)
    if wanted is None:
        wanted = _POS_IDS[names] = frozenset(doc.vocab.strings[name] for name in names)
    return wanted


def column(doc: Doc, name: str) -> list[int]:
    """Attribute ``name`` ("POS", "TAG", "LEMMA", "LOWER", "ORTH"...) of every token of
    ``doc`` by index, read from the Doc's array once per document and kept with it (ints
    only). Strings come back as spaCy's hashes (:func:`string_of`)."""
    columns: dict[str, list[int]] | None = doc.user_data.get(_COLUMNS_KEY)
    if columns is None or len(columns["ORTH"]) != len(doc):
        # the columns the engine reads, in one call: each call costs more than its rows
        rows = doc.to_array([attribute_id(column) for column in COLUMNS]).T.tolist()
        columns = doc.user_data[_COLUMNS_KEY] = dict(zip(COLUMNS, rows, strict=True))
    found = columns.get(name)
    if found is None:
        found = columns[name] = doc.to_array(attribute_id(name)).tolist()
    return found


def string_of(doc: Doc, key: int) -> str:
    """The string of spaCy's hash ``key`` (``doc.vocab.strings[key]``), from a table kept
    for the process."""
    found = _STRINGS.get(key)
    if found is None:
        if len(_STRINGS) >= _MAX_STRINGS:
            _STRINGS.clear()
        found = _STRINGS[key] = doc.vocab.strings[key]
    return found


def _lowered(doc: Doc, key: int) -> str:
    found = _LOWERED.get(key)
    if found is None:
        if len(_LOWERED) >= _MAX_STRINGS:
            _LOWERED.clear()
        found = _LOWERED[key] = string_of(doc, key).lower()
    return found


def lemmas(doc: Doc) -> list[str]:
    """Every token's lower-case lemma (``Token.lemma_.lower()``) by index, once per
    document: a scan of a sentence for a lemma ("both **sides**", a present-tense
    **says**) reads this list."""
    found: list[str] | None = doc.user_data.get(_LEMMAS_KEY)
    if found is None or len(found) != len(doc):
        found = doc.user_data[_LEMMAS_KEY] = [_lowered(doc, h) for h in column(doc, "LEMMA")]
    return found


def in_sentence_with(token: Token, words: frozenset[str]) -> bool:
    """Whether ``token``'s sentence has one of ``words`` (:func:`sentences_with`)."""
    doc = token.doc
    return _sentence_numbers(doc)[token.i] in sentences_with(doc, words)


def has_word(sent: Span, words: frozenset[str]) -> bool:
    """Whether the sentence ``sent`` has one of ``words`` (:func:`sentences_with`)."""
    doc = sent.doc
    return _sentence_numbers(doc)[sent.start] in sentences_with(doc, words)


def chars_have(doc: Doc, start: int, end: int, words: frozenset[str]) -> bool:
    """Whether a sentence that the characters ``start``..``end`` of ``doc`` touch (the tokens
    ``doc.char_span(start, end, alignment_mode="expand")`` would hold) has one of ``words``
    (:func:`sentences_with`); True where the offsets are outside the document, so that the
    caller's own test decides."""
    found = sentences_with(doc, words)
    if not found:
        return False
    starts = column(doc, "IDX")
    first, last = bisect_right(starts, start) - 1, bisect_left(starts, end) - 1
    if not 0 <= first <= last < len(starts):
        return True
    numbers = _sentence_numbers(doc)
    return any(number in found for number in range(numbers[first], numbers[last] + 1))


def sentences_with(doc: Doc, words: frozenset[str]) -> frozenset[int]:
    """The numbers (:func:`sentence_index`) of the sentences of ``doc`` that have one of
    ``words`` as a lower-case lemma or word (as :func:`document_words`), found once per
    document and word list and kept with the Doc (ints only; ``words`` should be a constant
    of its module, as the memo is keyed by it). A rule that reads only words of the token's
    own clause (its auxiliaries, its head, the marks of the clauses above it: a parse tree
    never crosses a sentence) tests this where the document's words are too coarse: one "if"
    or "urge" anywhere in an article lets every verb through."""
    memo: dict[frozenset[str], frozenset[int]] = doc.user_data.setdefault(_WITH_KEY, {})
    found = memo.get(words)
    if found is None:
        if words.isdisjoint(document_words(doc)):
            found = frozenset()
        else:  # the lemmas as strings, the words by spaCy's hashes: no Token and no string
            lowered, ids = lemmas(doc), _hashes(words)
            numbers = _sentence_numbers(doc)
            found = frozenset(
                numbers[i]
                for i, lower in enumerate(column(doc, "LOWER"))
                if lower in ids or lowered[i] in words
            )
        memo[words] = found
    return found


def _hashes(words: frozenset[str]) -> frozenset[int]:
    """spaCy's hashes of ``words`` (as :func:`column` holds them), found once per process."""
    found = _HASHES.get(words)
    if found is None:
        found = _HASHES[words] = frozenset(get_string_id(word) for word in words)
    return found


def document_words(doc: Doc) -> frozenset[str]:
    """Every lower-case lemma (``Token.lemma_.lower()``) and lower-case word (``lower_``) of
    ``doc``, read from the Doc's arrays once per document and kept with it (strings only). A
    rule that needs a word of a short list somewhere in the document ("which **hosts** U.S.
    forces", "in **solidarity** with", "each **other**", an idiom's words) tests this first:
    most documents have none, and the rule walks no tree."""
    found: frozenset[str] | None = doc.user_data.get(_WORDS_KEY)
    if found is None:
        words = {_lowered(doc, h) for h in set(column(doc, "LEMMA"))}
        words.update(string_of(doc, h) for h in set(column(doc, "LOWER")))
        found = doc.user_data[_WORDS_KEY] = frozenset(words)
    return found


# ---- the entities of a document by token, once per Doc ----

_ENTITIES_KEY = "casus.entity_spans"
_ENTS_KEY = "casus.ents"


def entities(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, made once per document and kept with it: ``doc.ents`` makes a new Span
    per entity, and a Token for every word of the document, on each call (the dates' time
    expressions and the entity of a token both read them)."""
    found: tuple[int, tuple[Span, ...]] | None = doc.user_data.get(_ENTS_KEY)
    if found is None or found[0] != len(doc):
        found = doc.user_data[_ENTS_KEY] = (len(doc), tuple(doc.ents))
    return found[1]


def entity_of(token: Token) -> Span | None:
    """The named entity ``token`` is part of (the span of ``doc.ents`` that holds it), or
    None. The entities are listed by token once per document and kept with it: ``doc.ents``
    makes a new Span per entity on every call."""
    doc = token.doc
    found: list[Span | None] | None = doc.user_data.get(_ENTITIES_KEY)
    if found is None or len(found) != len(doc):
        found = doc.user_data[_ENTITIES_KEY] = [None] * len(doc)
        for entity in entities(doc):
            found[entity.start : entity.end] = [entity] * len(entity)
    return found[token.i]

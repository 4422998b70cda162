"""The sentence of a token, and other tables of a document, found once per document.

spaCy's ``Token.sent`` walks back to the sentence start and forward to its end on every
call, creating a Token for each word it passes; the stages ask for the sentence of the same
triggers many times, so the sentences are listed once and kept with the Doc itself (never on
a stage, which every document and thread shares). The same holds for the document's parts of
speech and words (``with_pos``, ``document_words``), read from the Doc's arrays: ints and
strings only, nothing that keeps Tokens alive.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_KEY = "casus.sentence_of"
_INDEX_KEY = "casus.sentence_index"
_TEXT_KEY = "casus.sentence_text"
_DOC_TEXT_KEY = "casus.document_text"
_SUBTREE_KEY = "casus.subtree_words"
_POS_KEY = "casus.pos_ids"
_WORDS_KEY = "casus.document_words"
# parts of speech -> their spaCy symbol ids, the same for every Doc (filled on first use)
_POS_IDS: dict[tuple[str, ...], frozenset[int]] = {}


def sentence_spans(doc: Doc) -> list[Span]:
    """The sentence of each token of ``doc``, by token index."""
    memo: list[Span] | None = doc.user_data.get(_KEY)
    if memo is None or len(memo) != len(doc):
        memo = []
        for sent in doc.sents:
            memo.extend([sent] * len(sent))
        doc.user_data[_KEY] = memo
    return memo


def sentence_of(token: Token) -> Span:
    """The sentence ``token`` is in (``token.sent``, found once per document)."""
    return sentence_spans(token.doc)[token.i]


def sentence_index(token: Token) -> int:
    """The number of ``token``'s sentence in its document, counted from 0 (listed once per
    document: every event and mention asks)."""
    doc = token.doc
    memo: list[int] | None = doc.user_data.get(_INDEX_KEY)
    if memo is None or len(memo) != len(doc):
        memo = []
        for number, sent in enumerate(doc.sents):
            memo.extend([number] * len(sent))
        doc.user_data[_INDEX_KEY] = memo
    return memo[token.i]


def sentence_text(sent: Span) -> str:
    """``sent.text``, built once per sentence and kept with the Doc (``Span.text`` joins the
    texts of all its tokens on every call, and the date stages read each sentence's text
    several times)."""
    memo: dict[tuple[int, int], str] = sent.doc.user_data.setdefault(_TEXT_KEY, {})
    key = (sent.start, sent.end)
    found = memo.get(key)
    if found is None:
        found = memo[key] = sent.text
    return found


def document_text(doc: Doc) -> str:
    """``doc.text``, built once per document and kept with the Doc (``Doc.text`` joins every
    token's text on each call)."""
    found: str | None = doc.user_data.get(_DOC_TEXT_KEY)
    if found is None:
        found = doc.user_data[_DOC_TEXT_KEY] = doc.text
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
    ids: list[int] | None = doc.user_data.get(_POS_KEY)
    if ids is None or len(ids) != len(doc):
        ids = doc.user_data[_POS_KEY] = doc.to_array("POS").tolist()
    key = tuple(parts)
    wanted = _POS_IDS.get(key)
    if wanted is None:  # spaCy's symbol ids: the same in every vocabulary
        wanted = _POS_IDS[key] = frozenset(doc.vocab.strings[part] for part in parts)
    return [doc[i] for i in range(span.start, span.end) if ids[i] in wanted]


def document_words(doc: Doc) -> frozenset[str]:
    """Every lower-case lemma (``Token.lemma_.lower()``) and lower-case word (``lower_``) of
    ``doc``, read from the Doc's arrays once per document and kept with it (strings only). A
    rule that needs a word of a short list somewhere in the document ("which **hosts** U.S.
    forces", "in **solidarity** with", "each **other**", an idiom's words) tests this first:
    most documents have none, and the rule walks no tree."""
    found: frozenset[str] | None = doc.user_data.get(_WORDS_KEY)
    if found is None:
        strings = doc.vocab.strings
        lemmas = {strings[h].lower() for h in set(doc.to_array("LEMMA").tolist())}
        lowers = {strings[h] for h in set(doc.to_array("LOWER").tolist())}
        found = doc.user_data[_WORDS_KEY] = frozenset(lemmas | lowers)
    return found

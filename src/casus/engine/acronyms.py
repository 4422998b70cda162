"""Acronyms an article defines for itself:

    The Sudanese Armed Forces (SAF) and the paramilitaries have fought since April. ... On
    Monday the SAF shelled the city.

News spells an actor out once, with its acronym in brackets, then uses the acronym. When the
actor dictionary does not know the acronym, a later mention of it is the phrase it was
defined by. The definition must come first, its bracketed acronym must be capitals only, and
the acronym must begin with the initial of one of the phrase's capitalised words (so "the
ministry (MFA)" defines nothing it could not).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from casus.engine.phrases import phrase_tokens
from casus.engine.sentences import column

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

ACRONYM = re.compile(r"^[A-Z][A-Z0-9&-]{1,7}$")
MEMO_KEY = "casus.acronyms"


def defined_by(token: Token) -> Token | None:
    """The head of the phrase an earlier "Phrase (ACRONYM)" defined ``token``'s acronym by,
    or None (not an acronym, or not defined before it)."""
    if not ACRONYM.match(token.text):
        return None
    head = _definitions(token.doc).get(token.text)
    if head is None or head.i >= token.i or _bracketed(token):
        return None
    return head


def _definitions(doc: Doc) -> dict[str, Token]:
    """Each acronym the document defines, with the head of its first defining phrase (found
    once per document and kept with the Doc)."""
    memo: dict[str, Token] | None = doc.user_data.get(MEMO_KEY)
    if memo is not None:
        return memo
    memo = {}
    # no bracket, no definition: most documents (the token array, not Doc.text, which
    # joins every token's text and costs ten times the loop below)
    if doc.vocab.strings["("] not in column(doc, "ORTH"):
        doc.user_data[MEMO_KEY] = memo
        return memo
    for token in doc:
        if not ACRONYM.match(token.text) or not _bracketed(token):
            continue
        head = token.head if token.dep_ == "appos" else doc[token.i - 2]
        if head.i >= token.i or head.pos_ not in ("PROPN", "NOUN"):
            continue
        initials = {t.text[0] for t in phrase_tokens(head) if t.text[:1].isupper()}
        if token.text[0] in initials:
            memo.setdefault(token.text, head)
    doc.user_data[MEMO_KEY] = memo
    return memo


def _bracketed(token: Token) -> bool:
    """ "(SAF)": the token alone between round brackets."""
    doc = token.doc
    return (
        0 < token.i < len(doc) - 1 and doc[token.i - 1].text == "(" and doc[token.i + 1].text == ")"
    )

"""Acronyms and short names an article defines for itself:

    The Sudanese Armed Forces (SAF) and the paramilitaries have fought since April. ... On
    Monday the SAF shelled the city.

News spells an actor out once, with its acronym in brackets, then uses the acronym. When the
actor dictionary does not know the acronym, a later mention of it is the phrase it was
defined by. The definition must come first, its bracketed acronym must be capitals only, and
the acronym must begin with the initial of one of the phrase's capitalised words (so "the
ministry (MFA)" defines nothing it could not).

A long name is also taken up by its head word alone: "the Liberation Tigers of Tamil Eelam
... The Tigers announced a truce", "the Polisario Front ... the Front said". A bare
capitalised name is the latest earlier name it heads (``named_before``); the resolver uses it
when the dictionary does not know the bare word and the earlier name is a known actor.
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
HEADS_KEY = "casus.long_name_heads"
PERSON = "PERSON"
# what a bare name may have beside it: "the Tigers", "The Tigers' political wing"
BARE_DEPS = frozenset({"det", "case", "punct", "conj", "cc", "prep", "appos", "relcl", "acl"})


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


def named_before(token: Token) -> Token | None:
    """The head of the latest earlier name of several words that ``token``, a bare capitalised
    name, repeats the head word of ("the Tigers" after "the Liberation Tigers of Tamil
    Eelam"); else None."""
    if not _capitalised_name(token) or any(
        c.dep_ not in BARE_DEPS or (c.dep_ == "prep" and c.lower_ == "of") for c in token.children
    ):
        return None  # "the Kingdom of Saudi Arabia", "the Attorney General's Office": no
    if token.ent_type_ == PERSON:
        return None  # a person named again by surname is the resolver's (named_again.py)
    earlier = [h for h in _long_name_heads(token.doc).get(token.text, []) if h.i < token.i]
    return earlier[-1] if earlier and earlier[-1].ent_type_ != PERSON else None


def _capitalised_name(token: Token) -> bool:
    """A proper noun, or a capitalised noun inside a sentence ("On Sunday the Front
    attacked": the parser's NOUN)."""
    if token.pos_ == "PROPN":
        return True
    return token.pos_ == "NOUN" and token.text[:1].isupper() and not token.is_sent_start


def _long_name(token: Token) -> bool:
    """Whether a proper noun heads a name of several capitalised words: "Liberation Tigers"."""
    return any(
        c.dep_ in ("compound", "amod") and c.i < token.i and c.text[:1].isupper()
        for c in token.children
    )


def _long_name_heads(doc: Doc) -> dict[str, list[Token]]:
    """The heads of the document's long names by their text, in order (found once per
    document and kept with the Doc)."""
    memo: dict[str, list[Token]] | None = doc.user_data.get(HEADS_KEY)
    if memo is None:
        memo = {}
        for token in doc:
            if token.pos_ == "PROPN" and _long_name(token):
                memo.setdefault(token.text, []).append(token)
        doc.user_data[HEADS_KEY] = memo
    return memo

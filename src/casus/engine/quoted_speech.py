"""The speaker of a quotation that runs on past the sentence that opens it:

    The UN envoy said: "The siege has lasted for months. Israel must allow access for aid
    convoys."

The second sentence has no reporting verb of its own, but it is still the envoy's word, so a
reported obligation in it ("must allow access") is the envoy's demand, as it would be in
"the envoy said Israel must allow access". Only a quotation opened right after a reporting
verb and a colon, in the same paragraph and not yet closed, is followed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casus.engine.modality import REPORTING_VERBS
from casus.engine.sentences import document_text, sentence_of

if TYPE_CHECKING:
    from spacy.tokens import Token

OPENING_QUOTES = "\u201c\u00ab\u201e"
CLOSING_QUOTES = "\u201d\u00bb"
STRAIGHT_QUOTE = '"'


def _opening_quote(text: str) -> int | None:
    """Where the quotation still open at the end of ``text`` (one paragraph) begins, or None."""
    curly_open = max((text.rfind(q) for q in OPENING_QUOTES), default=-1)
    curly_close = max((text.rfind(q) for q in CLOSING_QUOTES), default=-1)
    if curly_open > curly_close:
        return curly_open
    if text.count(STRAIGHT_QUOTE) % 2 == 1:
        return text.rfind(STRAIGHT_QUOTE)
    return None


def quote_opener(root: Token) -> Token | None:
    """The reporting verb that opened, with a colon, the quotation ``root``'s sentence sits in
    when that quotation began in an earlier sentence; None otherwise."""
    doc = root.doc
    sent = sentence_of(root)
    if root.dep_ != "ROOT" or sent.start == 0:
        return None
    text = document_text(doc)
    paragraph_start = text.rfind("\n", 0, sent.start_char) + 1
    quote = _opening_quote(text[paragraph_start : sent.start_char])
    if quote is None:
        return None
    quote += paragraph_start
    before = text[:quote].rstrip()
    if not before.endswith(":"):
        return None
    colon = doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
    if colon is None or colon.start == 0:
        return None
    verb = colon[0].head  # the parser hangs the colon on the verb: "told reporters:"
    if verb.lemma_.lower() not in REPORTING_VERBS or sentence_of(verb).start >= sent.start:
        return None
    return verb

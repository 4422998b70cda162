"""The casing stage: organisation acronyms in capitals are given to the parser in title case.

The small English model reads a sentence-initial "ECOWAS" as a verb ("ECOWAS imposed sanctions
on Niger" has no subject); "Ecowas imposed sanctions" parses. The change keeps every offset
(same length), touches only acronyms of five letters or more that the actor dictionary names
as an organisation or group (shorter ones match the dictionary only in capitals), and
``Document.shown`` keeps the text as written for evidence and actor spans.
"""

from __future__ import annotations

import re

from casus.document import Document
from casus.ontology.actors import ActorDictionary, split_code

ACRONYM_RE = re.compile(r"\b[A-Z]{5,10}\b")
ORGANISATIONS = ("IGO", "NGO", "IMG", "MNC")


class CasingStage:
    """Title-cases organisation acronyms in the parsed text (the shown text keeps them)."""

    name: str = "casing"
    before_parse: bool = True
    requires: tuple[str, ...] = ("text",)
    assigns: tuple[str, ...] = ("text", "shown")

    def __init__(self, dictionary: ActorDictionary) -> None:
        self.dictionary = dictionary

    def __call__(self, document: Document) -> Document:
        text = document.text
        document.shown = document.shown or text
        pieces: list[str] = []
        last = 0
        for m in ACRONYM_RE.finditer(text):
            if self._organisation(m.group(0)):
                pieces += [text[last : m.start()], m.group(0).title()]
                last = m.end()
        if pieces:
            document.text = "".join(pieces) + text[last:]
        return document

    def _organisation(self, word: str) -> bool:
        entries = self.dictionary.find(word)
        return any(
            split_code(e.code).country in ORGANISATIONS or split_code(e.code).tags for e in entries
        )

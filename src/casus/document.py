"""The document the stages fill in: one article (or one chunk of a long one) being coded.

Every field a stage hands on to a later stage is a typed field here, named in the stage's
``requires``/``assigns``; :class:`~casus.pipeline.Pipeline` checks those names against this
class when it is built. ``events`` and ``triggers`` are parallel lists: ``triggers[i]`` is the
spaCy token that expresses ``events[i]``, so a later stage that rewrites an event (its date,
speaker or place) keeps its trigger by position, whatever it changes in the event.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING

from casus.failures import Failure
from casus.model import Article, Event, Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from casus.engine.context import DocumentContext
    from casus.engine.resolver import Resolver


@dataclass
class Dateline:
    """A parsed dateline: ``TEHRAN, April 7 (IRNA) –``."""

    place: str
    country: str | None
    date: dt.date | None
    month_day: tuple[int, int] | None
    agency: str | None
    start: int
    end: int


@dataclass
class Document:
    """One article being coded: the text, the spaCy Doc, and what the stages add."""

    article: Article
    text: str  # the text parsed: the article text with the dateline blanked out (same offsets)
    shown: str = ""  # the same text as written (the parsed one may re-case acronyms); see show()
    doc: Doc | None = None
    offset: int = 0  # where ``text`` starts in the article (chunks of long documents)
    published: dt.date | None = None
    dateline: Dateline | None = None
    resolver: Resolver | None = None
    context: DocumentContext | None = None  # the countries the document is about
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    triggers: list[Token] = field(default_factory=list)  # parallel to ``events``
    warnings: list[str] = field(default_factory=list)
    failure: Failure | None = None  # set when a stage failed on this document

    def show(self, start: int, end: int) -> str:
        """The text between two offsets of the parsed text, as written."""
        return (self.shown or self.text)[start:end]

    def coded(self) -> Iterator[tuple[Event, Token]]:
        """(event, trigger token) pairs in order."""
        return zip(self.events, self.triggers, strict=True)

    def set_events(self, found: list[tuple[Event, Token]]) -> None:
        """Replace the events and their triggers together."""
        self.events = [e for e, _ in found]
        self.triggers = [t for _, t in found]

    def parsed(self) -> Doc:
        """The spaCy Doc; a stage that runs before parsing has none."""
        if self.doc is None:
            raise RuntimeError("the document has not been parsed yet")
        return self.doc

    def need_resolver(self) -> Resolver:
        """The actor resolver the actors stage left (for the event and attribution stages)."""
        if self.resolver is None:
            raise RuntimeError("the actors stage has not run on this document")
        return self.resolver


DOCUMENT_FIELDS = frozenset(f.name for f in fields(Document))
# What a document has before any stage runs: the article, its text and its metadata.
GIVEN_FIELDS = frozenset({"article", "text", "offset", "published"})

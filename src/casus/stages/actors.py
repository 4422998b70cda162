"""The actors stage: every noun phrase in an argument position becomes a CAMEO actor
(the rules are in :mod:`casus.engine.resolver`), and the document's country context is
counted from them (:mod:`casus.engine.context`)."""

from __future__ import annotations

import datetime as dt
import re

from casus.document import Document
from casus.engine.context import DocumentContext
from casus.engine.resolver import Resolver
from casus.ontology.actors import ActorDictionary, split_code
from casus.ontology.gazetteer import Gazetteer

_WORD = re.compile(r"[\w'’.-]+")


class ActorStage:
    """Resolves the actors of a document, records its mentions and its country context."""

    name: str = "actors"
    requires: tuple[str, ...] = ("doc",)
    assigns: tuple[str, ...] = ("mentions", "resolver", "context")

    def __init__(self, dictionary: ActorDictionary, gazetteer: Gazetteer) -> None:
        self.dictionary = dictionary
        self.gazetteer = gazetteer

    def __call__(self, document: Document) -> Document:
        resolver = Resolver(
            document.parsed(),
            self.dictionary,
            document.published,
            self.gazetteer,
            document.offset,
            document.shown or None,
        )
        resolver.dateline = document.dateline.country if document.dateline else None
        resolver.dateline_place = document.dateline.place if document.dateline else None
        document.mentions = resolver.resolve_all()
        document.resolver = resolver
        title = document.article.title or ""
        document.context = DocumentContext.from_mentions(
            document.mentions,
            dateline=document.dateline.country if document.dateline else None,
            title=title_countries(title, self.dictionary, document.published),
        )
        return document


def title_countries(
    title: str, dictionary: ActorDictionary, day: dt.date | None
) -> tuple[str, ...]:
    """Countries the title names ("Iran summons Azerbaijani envoy" → IRN, AZE), longest names
    first."""
    words = _WORD.findall(title)
    found: list[str] = []
    taken: set[int] = set()
    for size in range(min(dictionary.max_words, len(words)), 0, -1):
        for i in range(len(words) - size + 1):
            if taken & set(range(i, i + size)):
                continue
            entries = dictionary.find(" ".join(words[i : i + size]), day)
            if entries:
                taken.update(range(i, i + size))
                found.append(split_code(entries[0].code).country)
    return tuple(found)

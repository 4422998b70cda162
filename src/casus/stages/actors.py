"""The actors stage: every noun phrase in an argument position becomes a CAMEO actor
(the rules are in :mod:`casus.engine.resolver`)."""

from __future__ import annotations

from casus.document import Document
from casus.engine.resolver import Resolver
from casus.ontology.actors import ActorDictionary
from casus.stages.places import Gazetteer


class ActorStage:
    """Resolves the actors of a document and records its mentions."""

    name: str = "actors"
    requires: tuple[str, ...] = ("doc",)
    assigns: tuple[str, ...] = ("mentions", "resolver")

    def __init__(self, dictionary: ActorDictionary, gazetteer: Gazetteer) -> None:
        self.dictionary = dictionary
        self.gazetteer = gazetteer

    def __call__(self, document: Document) -> Document:
        resolver = Resolver(
            document.doc,
            self.dictionary,
            document.published,
            self.gazetteer,
            document.offset,
        )
        document.mentions = resolver.resolve_all()
        document.resolver = resolver
        return document

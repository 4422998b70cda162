"""The events stage: predicate–argument frames coded with the lexicon
(the engine is :mod:`casus.engine.builder`)."""

from __future__ import annotations

from casus.document import Document
from casus.engine.builder import EventEngine
from casus.engine.side_roles import with_roles
from casus.ontology.cameo import CameoTable
from casus.ontology.lexicon import Lexicon


class EventStage:
    """Codes the events of a parsed document (all of them, with modality flags)."""

    name: str = "events"
    requires: tuple[str, ...] = ("doc", "resolver")
    assigns: tuple[str, ...] = ("events", "triggers")

    def __init__(self, lexicon: Lexicon, cameo: CameoTable) -> None:
        self.engine = EventEngine(lexicon, cameo)

    def __call__(self, document: Document) -> Document:
        # the sides' roles by convention, once the events are coded (engine/side_roles.py)
        document.set_events([(with_roles(e), t) for e, t in self.engine.events_for(document)])
        return document

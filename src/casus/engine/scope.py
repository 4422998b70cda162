"""Per-document state of the event engine, passed as an argument (the engine is shared by
every document and thread, so it keeps none of its own)."""

from __future__ import annotations

from dataclasses import dataclass, field

from casus.document import Document
from casus.engine.resolver import Resolver
from casus.model import Event


@dataclass
class Scope:
    """What the engine knows of the document being coded: the document, its actor resolver,
    and the asserted events of earlier sentences (for "the attack" in "Qatar condemned the
    attack")."""

    document: Document
    resolver: Resolver
    earlier: list[Event] = field(default_factory=list)
    current: list[Event] = field(default_factory=list)  # events of the sentence being coded

    @property
    def offset(self) -> int:
        """Where the parsed text starts in the article (chunks of long documents)."""
        return self.document.offset

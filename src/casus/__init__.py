"""casus: political event coding from news text (CAMEO, PLOVER, actors, dates, attribution).

import casus
coder = casus.load()
events = coder.code("Baku expelled four Iranian diplomats on Friday.", published="2023-04-09")
"""

from __future__ import annotations

from casus.coder import Coder, load
from casus.config import Config
from casus.errors import (
    CasusError,
    ConfigError,
    InputError,
    ModelError,
    NotFound,
    OntologyError,
    StoreError,
)
from casus.model import Actor, Article, Attribution, Event, EventDate, Location, Mention, Modality
from casus.version import __version__

__all__ = [
    "Actor",
    "Article",
    "Attribution",
    "CasusError",
    "Coder",
    "Config",
    "ConfigError",
    "Event",
    "EventDate",
    "InputError",
    "Location",
    "Mention",
    "ModelError",
    "Modality",
    "NotFound",
    "OntologyError",
    "StoreError",
    "__version__",
    "load",
]

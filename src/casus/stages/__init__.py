"""The stages of the coding pipeline, by name.

A stage is built by a factory from the loaded tables and the configuration; ``Config.stages``
lists the names to run, in order (``DEFAULT_STAGES``). Users and tests add or replace a stage by
name with :func:`register_stage`, the way spaCy's ``Language.factory`` works.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from casus.config import Config
from casus.errors import ConfigError

if TYPE_CHECKING:
    from casus.engine.reference_time import ReferenceResolver
    from casus.ontology.actors import ActorDictionary
    from casus.ontology.cameo import CameoTable
    from casus.ontology.gazetteer import Gazetteer
    from casus.ontology.lexicon import Lexicon
    from casus.pipeline import Stage


@dataclass(frozen=True)
class Tables:
    """The loaded tables every stage factory may use."""

    dictionary: ActorDictionary
    gazetteer: Gazetteer
    lexicon: Lexicon
    cameo: CameoTable
    references: ReferenceResolver


StageFactory = Callable[[Tables, Config], "Stage"]
_FACTORIES: dict[str, StageFactory] = {}


def register_stage(name: str) -> Callable[[StageFactory], StageFactory]:
    """Register (or replace) the factory of the stage called ``name``."""

    def add(factory: StageFactory) -> StageFactory:
        _FACTORIES[name] = factory
        return factory

    return add


def stage_names() -> list[str]:
    """Every registered stage name."""
    return sorted(_FACTORIES)


def build_stages(names: Sequence[str], tables: Tables, cfg: Config) -> list[Stage]:
    """The stages called ``names``, in that order."""
    unknown = [n for n in names if n not in _FACTORIES]
    if unknown:
        raise ConfigError(
            f"unknown stage(s): {', '.join(unknown)}; known: {', '.join(stage_names())}"
        )
    return [_FACTORIES[n](tables, cfg) for n in names]


@register_stage("dateline")
def _dateline(tables: Tables, cfg: Config) -> Stage:
    from casus.stages.dateline import DatelineStage

    return DatelineStage(tables.gazetteer)


@register_stage("casing")
def _casing(tables: Tables, cfg: Config) -> Stage:
    from casus.stages.casing import CasingStage

    return CasingStage(tables.dictionary)


@register_stage("actors")
def _actors(tables: Tables, cfg: Config) -> Stage:
    from casus.stages.actors import ActorStage

    return ActorStage(tables.dictionary, tables.gazetteer)


@register_stage("events")
def _events(tables: Tables, cfg: Config) -> Stage:
    from casus.stages.events import EventStage

    return EventStage(tables.lexicon, tables.cameo)


@register_stage("dates")
def _dates(tables: Tables, cfg: Config) -> Stage:
    from casus.stages.dates import DateStage

    return DateStage(cfg.historical_days, tables.references)


@register_stage("attribution")
def _attribution(tables: Tables, cfg: Config) -> Stage:
    from casus.stages.attribution import AttributionStage

    return AttributionStage()


@register_stage("places")
def _places(tables: Tables, cfg: Config) -> Stage:
    from casus.stages.places import PlaceStage

    return PlaceStage(tables.gazetteer)

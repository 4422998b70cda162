"""Actor resolution precision: names that belong to someone or somewhere else (a one-word alias
inside a longer name, a place that contains an alias), names outside their dates, the Congo by
date, companies, subdivisions named with their type word, and places whose country changed
(docs/actors.md)."""

from __future__ import annotations

import datetime as dt

import pytest

from casus.coder import Coder
from casus.engine.resolver import Resolver
from casus.model import Actor


def resolve(coder: Coder, phrase: str, day: str) -> Actor | None:
    """The actor casus makes of a noun phrase on its own."""
    doc = coder.nlp(phrase)
    resolver = Resolver(doc, coder.dictionary, dt.date.fromisoformat(day), coder.gazetteer)
    return resolver.actor_for(next(iter(doc.sents)).root)


@pytest.mark.parametrize(
    ("phrase", "day", "code", "how"),
    [
        # the next word belongs to another person's name
        ("President Ali Bongo", "2023-08-31", "GABELI", "person"),
        ("President Ali Bongo", "2020-01-10", "GABGOV", "person"),
        ("Guyana's President Irfaan Ali", "2023-08-31", "GUYGOV", "person"),
        # ...unless it is a word of the listed person's own full name
        ("Mr. IWAYA Takeshi", "2025-03-27", "JPNGOV", "person"),
        # a place of two words that contains a one-word alias
        ("El Obeid", "2024-09-01", "SDN", "place"),
        # a name of two words or more outside all its dates keeps its code
        ("the African Union", "2001-06-01", "IGOAFRAFU", "dictionary"),
        ("the African Union", "2023-06-01", "IGOAFRAFU", "dictionary"),
        ("the Soviet Union", "2019-12-27", "USR", "dictionary"),
        # ...but a capital outside its dates is only a city
        ("Port Sudan", "2020-01-10", "SDN", "dictionary"),
        ("Port Sudan", "2024-01-10", "SDNGOV", "metonym"),
        # bare Congo by date
        ("Congo", "1986-03-11", "COG", "dictionary"),
        ("Congo", "1965-03-11", "COD", "dictionary"),
        ("Congo", "2024-02-20", "COD", "dictionary"),
        # companies whose names do not say their country
        ("Belavia", "2021-06-01", "BLRBUS", "dictionary"),
        ("Gazprom", "2022-03-15", "RUSBUS", "dictionary"),
        ("PDVSA", "2019-01-29", "VENBUS", "dictionary"),
        # a party's general secretary is no general (MIL) but the state's leadership (GOV)
        ("the Vietnamese general secretary", "2025-01-10", "VNMGOV", "dictionary"),
        ("Laos's General Secretary", "2025-01-10", "LAOGOV", "dictionary"),
        # a subdivision's type word decides a shared name
        ("the Centre department", "2025-04-02", "HTI", "place"),
        ("the Okinawa prefecture", "2024-09-01", "JPN", "place"),
        # a capital is a capital from its state's independence on (before it, a city of the
        # older state: event_sentences_actors9.jsonl, actors9_succession-*)
        ("Juba", "2015-03-01", "SSDGOV", "metonym"),
        ("Asmara", "2020-04-01", "ERIGOV", "metonym"),
    ],
)
def test_phrase_resolves_to_the_right_country(
    coder: Coder, phrase: str, day: str, code: str, how: str
) -> None:
    actor = resolve(coder, phrase, day)
    assert actor is not None
    assert (actor.code, actor.how) == (code, how)


def test_ministry_named_department_is_no_place(coder: Coder) -> None:
    actor = resolve(coder, "the Justice Department", "2024-03-07")
    assert actor is not None
    assert actor.how != "place" and actor.roles == ("GOV", "JUD")


def test_country_on_maps_today_country_to_the_state_of_the_day(coder: Coder) -> None:
    gazetteer = coder.gazetteer
    assert gazetteer.country_on("SSD", dt.date(2011, 7, 8)) == "SDN"
    assert gazetteer.country_on("SSD", dt.date(2011, 7, 9)) == "SSD"
    assert gazetteer.country_on("SRB", dt.date(1999, 4, 1)) == "YUG"
    assert gazetteer.country_on("SSD", None) == "SSD"  # no date: today's country
    assert gazetteer.country_on("FRA", dt.date(1950, 1, 1)) == "FRA"

"""The stage that finds where each event happened: the clause's own place, then the
sentence's, the dateline only when the event is the dateline country's own doing (or done
to it), then, for attacks on a country, the country (docs/places.md). The gazetteer lives in
:mod:`casus.ontology.gazetteer`."""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from casus.document import Document
from casus.engine.sentences import column, lemmas, sentence_of, symbol_ids, with_pos
from casus.model import Event, Location
from casus.ontology.gazetteer import LARGE_CITY, Gazetteer, Place, country_place
from casus.ontology.words import word_list

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

log = logging.getLogger("casus")

BORDER_WORDS = word_list("border_words")
AREA_WORDS = word_list("area_words")
# Clauses that have their own place: "the minister, who was born in Tabriz, ..."
# Actions done on territory: the country acted on is also where it happened.
TERRITORIAL_ROOTS = frozenset({"15", "17", "18", "19", "20"})
# Where a show of force or an attack lands: the dateline must be the target's country.
LANDING_ROOTS = frozenset({"15", "18", "19", "20"})
# Attacks and fighting: when no place is named they happened in the target's country.
GROUND_ROOTS = frozenset({"18", "19", "20"})
PLACE_PREPS = word_list("place_preps")
NOT_PLACE_ENTITIES = frozenset({"NORP", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY"})
SURE_PREPS = frozenset({"in", "at", "near", "outside", "inside"})
OTHER_CLAUSES = frozenset({"relcl", "ccomp", "advcl", "conj", "parataxis", "acl", "csubj"})
REGION_WORDS = re.compile(
    r"^(northern|southern|eastern|western|north|south|east|west|"
    r"central|northeastern|northwestern|southeastern|southwestern)$"
)


def locate(
    doc: Doc,
    trigger: Token,
    gazetteer: Gazetteer,
    prefer: tuple[str, ...],
    offset: int = 0,
    *,
    territorial: bool = False,
    skip: tuple[tuple[int, int], ...] = (),
) -> Location | None:
    """Where the event of ``trigger`` happened: the first place named in its own clause (its
    subtree without reported, relative or coordinated clauses): "in the West Bank", "struck
    Kharkiv", "on the border with Azerbaijan", "along the Lebanese border", "off the coast of
    Yemen", "in Russia's Bryansk region". Ambiguous names prefer the actors' countries.
    Tokens inside the ``skip`` spans (article offsets of the actors) are not places."""
    for token in _clause_tokens(trigger):
        border = token.lemma_.lower() in BORDER_WORDS
        named = not border and (
            token.pos_ == "PROPN"
            and (token.dep_ != "compound" or token.head.lemma_.lower() in AREA_WORDS)
        )
        # (the word tests first: most words are neither, and need no test against the spans)
        if not (border or named) or _inside(token.idx + offset, skip):
            continue
        if border:
            found = _border(doc, token, gazetteer, prefer, offset)
        else:
            found = _place(doc, token, gazetteer, prefer, offset, territorial)
        if found is not None:
            return found
    return None


def _clause_tokens(trigger: Token) -> list[Token]:
    """The tokens of the trigger's clause (its subtree, minus clauses of its own) that
    :func:`locate` reads further, in order: a proper noun or a border word. They are picked
    from the Doc's columns within the subtree's edges (every word of a clause lies there),
    and only those are checked to hang on the trigger through no clause of their own: the
    clause itself is never walked (a Token per word and its children, for the few words
    that may name a place)."""
    doc = trigger.doc
    parts, words = column(doc, "POS"), lemmas(doc)
    proper = symbol_ids(doc, ("PROPN",))
    return [
        doc[i]
        for i in range(trigger.left_edge.i, trigger.right_edge.i + 1)
        if (parts[i] in proper or words[i] in BORDER_WORDS) and _in_clause(doc[i], trigger)
    ]


def _in_clause(token: Token, trigger: Token) -> bool:
    """Whether ``token`` is the trigger or hangs on it through no relative, reported or
    coordinated clause (:data:`OTHER_CLAUSES`)."""
    while token.i != trigger.i:
        if token.dep_ in OTHER_CLAUSES or token.head.i == token.i:
            return False  # another clause's word, or the root reached outside the subtree
        token = token.head
    return True


def _place(
    doc: Doc,
    token: Token,
    gazetteer: Gazetteer,
    prefer: tuple[str, ...],
    offset: int,
    territorial: bool = False,
) -> Location | None:
    head = token.head
    sure = token.dep_ == "pobj" and head.lower_ in SURE_PREPS
    # "in Khan Yunis" is a place even when the small model calls it a nationality
    entity_ok = token.ent_type_ not in NOT_PLACE_ENTITIES or (sure and token.ent_type_ == "NORP")
    if not entity_ok or token.dep_ in ("nsubj", "poss"):
        return None
    # a place is named by a place preposition or is what the action is done to ("struck
    # Kharkiv"); "spying for Iran" and "its ambassador to Moscow" name no place
    if token.dep_ == "pobj" and head.lower_ not in PLACE_PREPS:
        return None
    if token.dep_ not in ("pobj", "dobj", "nsubjpass", "compound", "appos"):
        return None
    as_object = token.dep_ in ("dobj", "nsubjpass")
    words = _name_words(token)
    place = gazetteer.find(" ".join(t.text for t in words), prefer)
    generic = [t for t in words if t.lower_ not in AREA_WORDS]
    precision = None
    if place is None and len(generic) < len(words) and generic:
        # "Bryansk region", "Balochistan province": the name without the area word
        place = gazetteer.find(" ".join(t.text for t in generic), prefer)
        precision = "region"
    # the small model tags rare town names as people ("raided Jenin"): trust the syntax where
    # it leaves no doubt (in/at/near X, or X attacked), the tag elsewhere
    sure = sure or (as_object and territorial)
    if (
        place is not None
        and not sure
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
    doc: Doc, border: Token, gazetteer: Gazetteer, prefer: tuple[str, ...], offset: int
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


def _name_words(token: Token) -> list[Token]:
    parts = [t for t in token.children if t.dep_ == "compound" and t.i < token.i]
    return sorted([*parts, token], key=lambda t: t.i)


def _name_text(token: Token) -> str:
    return " ".join(t.text for t in _name_words(token))


def _location(
    doc: Doc, token: Token, place: Place, precision: str, offset: int, basis: str = "clause"
) -> Location:
    tokens = sorted(token.subtree, key=lambda t: t.i)
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    text = doc[tokens[0].i : tokens[-1].i + 1].text  # never doc.text: it is rebuilt per call
    return to_location(place, precision, text, start + offset, end + offset, basis)


def to_location(
    place: Place, precision: str, text: str, start: int, end: int, basis: str
) -> Location:
    """A gazetteer place as the event's :class:`Location`."""
    return Location(
        place.name,
        place.country,
        place.lat,
        place.lon,
        precision,
        text,
        start,
        end,
        basis,
        place.geonameid,
        place.admin1,
        place.feature_code,
    )


def locate_in_sentence(
    doc: Doc,
    trigger: Token,
    gazetteer: Gazetteer,
    prefer: tuple[str, ...],
    offset: int = 0,
    *,
    territorial: bool = False,
    skip: tuple[tuple[int, int], ...] = (),
) -> Location | None:
    """The first place the trigger's sentence names outside its clause, by the same rules as
    :func:`locate`: "Poland summoned the ambassador, who was at a meeting in Warsaw"."""
    for token in with_pos(sentence_of(trigger), ("PROPN",)):
        if _inside(token.idx + offset, skip) or (
            token.dep_ == "compound" and token.head.lemma_.lower() not in AREA_WORDS
        ):
            continue
        found = _place(doc, token, gazetteer, prefer, offset, territorial)
        if found is not None:
            return _with_basis(found, "sentence")
    return None


def _inside(position: int, spans: tuple[tuple[int, int], ...]) -> bool:
    return any(start <= position < end for start, end in spans)


def _with_basis(location: Location, basis: str) -> Location:
    return replace(location, basis=basis)


def dateline_applies(event: Event, dateline_country: str | None) -> bool:
    """Whether the dateline place is where ``event`` happened: an attack or a show of force
    (roots 15, 18-20) happens where it lands, so the dateline country must be the target's
    (or the event has no target); anything else (arrests too) happens where the actor is,
    so it must be the source's ("KYIV — Poland summoned the Ukrainian ambassador" is not
    in Kyiv). An event without a known actor country takes the dateline."""
    if dateline_country is None:
        return False
    source = event.source.country if event.source else None
    target = event.target.country if event.target else None
    side = (target or source) if event.cameo_root in LANDING_ROOTS else source
    return side is None or side == dateline_country


class PlaceStage:
    """Gives each event the place its clause names, else its sentence's, else the dateline
    place when :func:`dateline_applies`, else (attacks on a country) the target country."""

    name: str = "places"
    requires: tuple[str, ...] = ("events", "triggers")
    assigns: tuple[str, ...] = ("events",)

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def __call__(self, document: Document) -> Document:
        dateline = self._dateline(document)
        out = []
        for event, trigger in document.coded():
            location = self.place_of(event, trigger, document)
            if (
                location is None
                and dateline is not None
                and dateline_applies(event, dateline.country)
            ):
                location = dateline
            if location is None:
                location = _country_location(event)
            out.append(event.with_(location=location))
        document.events = out
        return document

    def place_of(self, event: Event, trigger: Token, document: Document) -> Location | None:
        """The place the event's clause, else its sentence, names."""
        if trigger is None:
            return None
        prefer = tuple(a.country for a in (event.source, event.target) if a and a.country)
        territorial = event.cameo_root in TERRITORIAL_ROOTS
        # "urged Beijing to show restraint": a capital that is the actor is not the place,
        # unless the action lands there (attacks) or goes there (visits, CAMEO 04)
        skip: tuple[tuple[int, int], ...] = ()
        if not territorial and event.cameo_root != "04":
            skip = tuple((a.start, a.end) for a in (event.source, event.target) if a)
        args = (document.parsed(), trigger, self.gazetteer, prefer, document.offset)
        return locate(*args, territorial=territorial, skip=skip) or locate_in_sentence(
            *args, territorial=territorial, skip=skip
        )

    def _dateline(self, document: Document) -> Location | None:
        dl = document.dateline
        if dl is None:
            return None
        place = self.gazetteer.lookup(dl.place)
        if place is None:
            return None
        text = document.article.text[dl.start : dl.start + len(dl.place)]
        return to_location(
            place, place.precision, text, dl.start, dl.start + len(dl.place), "dateline"
        )


def _country_location(event: Event) -> Location | None:
    """An attack on a country that names no place happened in that country ("Russia struck
    Ukraine overnight"): the target country's centroid, basis "country"."""
    target = event.target
    if event.cameo_root not in GROUND_ROOTS or target is None or not target.country:
        return None
    if target.country == "---" or len(target.country) != 3:
        return None
    place = country_place(target.country)
    if place.lat is None:
        return None
    return to_location(place, "country", target.text, target.start, target.end, "country")

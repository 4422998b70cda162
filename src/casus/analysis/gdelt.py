"""GDELT 2.0 exports of the store: the Events table (61 columns, one row per de-duplicated
event) and the Mentions table (16 columns, one row per report of it), tab-separated without a
header, as GDELT publishes them. docs/export-formats.md lists which fields casus fills.

Codebook conventions followed: country codes in the ``*Geo_CountryCode`` columns are FIPS 10-4
(``AJ`` for Azerbaijan), ``ADM1Code`` is the FIPS country code plus the admin-1 code,
``FractionDate`` is YYYY + (MM * 30 + DD) / 365, dates are YYYYMMDD and timestamps
YYYYMMDDHHMMSS. ``GLOBALEVENTID`` is the first 52 bits of the cluster's content hash, so it is
the same on every run and survives a float64 round trip (R, JavaScript, Excel).
"""

from __future__ import annotations

import csv
import datetime as dt
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, TextIO

from casus.analysis.names import name_of
from casus.io.rows import EVENT_STRUCT_SQL, event_from_row
from casus.model import Actor, Location
from casus.ontology.gazetteer import countries, fips_of
from casus.store.db import Store

log = logging.getLogger("casus")

ID_HEX_DIGITS = 13  # 52 bits: below 2**53, exact as a float64
FETCH = 2000
_ACTOR = (
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
)
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR),
    *(f"Actor2{c}" for c in _ACTOR),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *(f"Actor1Geo_{c}" for c in _GEO),
    *(f"Actor2Geo_{c}" for c in _GEO),
    *(f"ActionGeo_{c}" for c in _GEO),
    "DATEADDED",
    "SOURCEURL",
)
MENTION_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID",
    "EventTimeDate",
    "MentionTimeDate",
    "MentionType",
    "MentionSourceName",
    "MentionIdentifier",
    "SentenceID",
    "Actor1CharOffset",
    "Actor2CharOffset",
    "ActionCharOffset",
    "InRawText",
    "Confidence",
    "MentionDocLen",
    "MentionDocTone",
    "MentionDocTranslationInfo",
    "Extras",
)
# ActionGeo_Type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state (ADM1)
GEO_TYPES = {"country": 1, "border": 1, "city": 4, "region": 5}
KNOWN_GROUP_PREFIXES = ("IGO", "NGO", "MNC")
MENTION_WEB = 1  # MentionType 1: a web page, identified by its URL
MENTION_OTHER = 6  # MentionType 6: no URL (a local file): identified by casus origin


@dataclass
class GdeltStats:
    """What an export wrote: rows, and the events written with a publication (or coding) date
    because the text gives no event date."""

    rows: int = 0
    dated_by_publication: list[str] = field(default_factory=list)  # cluster ids
    dated_by_coding: list[str] = field(default_factory=list)


def event_id(cluster_id: str) -> int:
    """GLOBALEVENTID: the first 52 bits of the cluster id (a content hash), < 2**53."""
    return int(cluster_id[:ID_HEX_DIGITS], 16)


def fraction_date(day: dt.date) -> float:
    """The codebook's FractionDate: YYYY + (MM * 30 + DD) / 365, to four decimals."""
    return round(day.year + (day.month * 30 + day.day) / 365, 4)


# ---- reading the store: the only SQL, kept small so a typed-column store can replace it ------
_CLUSTERS = """
    SELECT c.cluster_id, c.date, c.first_report_date, c.n_reports, c.n_outlets, c.n_articles,
           {event} AS data, a.coded_at, a.published,
           (SELECT min(a2.url) FROM events e2 JOIN articles a2 USING (article_id)
             WHERE e2.cluster_id = c.cluster_id AND a2.url IS NOT NULL) AS url
    FROM clusters c JOIN events e ON e.event_id = c.canonical_event_id
    LEFT JOIN articles a ON a.article_id = e.article_id
    WHERE {where}
    ORDER BY c.date NULLS LAST, c.cluster_id
"""
_MENTIONS = """
    SELECT c.cluster_id, c.date, c.first_report_date, {event} AS data, a.url, a.origin, a.outlet,
           a.published, a.coded_at, length(a.text)
    FROM clusters c JOIN events e ON e.cluster_id = c.cluster_id
    JOIN articles a ON a.article_id = e.article_id
    WHERE {where}
    ORDER BY c.date NULLS LAST, c.cluster_id, a.published NULLS LAST, e.event_id
"""


def cluster_window(since: dt.date | None, until: dt.date | None) -> tuple[str, list[Any]]:
    """SQL condition (with parameters) on clusters ``c`` dated (else first reported) in the
    range: the window of every cluster export."""
    day = "coalesce(c.date, c.first_report_date)"
    parts, params = ["TRUE"], []
    if since is not None:
        parts.append(f"{day} >= ?")
        params.append(since)
    if until is not None:
        parts.append(f"{day} <= ?")
        params.append(until)
    return " AND ".join(parts), params


def _rows(store: Store, sql: str, params: list[Any]) -> Iterator[tuple[Any, ...]]:
    with store.read() as con:
        cursor = con.execute(sql, params)
        while chunk := cursor.fetchmany(FETCH):
            yield from chunk


# ---- events ----------------------------------------------------------------------------------
def write_gdelt_events(
    store: Store, out: TextIO, *, since: dt.date | None = None, until: dt.date | None = None
) -> GdeltStats:
    """Write the GDELT 2.0 Events table of the store's de-duplicated events. An event the text
    gives no date is written with its first publication date (or, without one, the day it was
    coded) and counted in the returned stats: never dropped."""
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    stats = GdeltStats()
    where, params = cluster_window(since, until)
    for row in _rows(store, _CLUSTERS.format(where=where, event=EVENT_STRUCT_SQL), params):
        values, basis = gdelt_event_row(row)
        writer.writerow(values)
        stats.rows += 1
        if basis == "publication":
            stats.dated_by_publication.append(row[0])
        elif basis == "coding":
            stats.dated_by_coding.append(row[0])
    return stats


def gdelt_event_row(row: tuple[Any, ...]) -> tuple[list[Any], str]:
    """One Events row (61 values) for a cluster row of ``_CLUSTERS``, and the basis of its
    date: ``event`` (the text's date), ``publication`` or ``coding``."""
    cluster_id, date, first, n_reports, n_outlets, n_articles, data, coded, _, url = row
    event = event_from_row(data)
    day, basis = report_day(date, first, coded)
    cameo = event.cameo
    values: list[Any] = [
        event_id(cluster_id),
        day.strftime("%Y%m%d"),
        day.strftime("%Y%m"),
        day.year,
        fraction_date(day),
        *_actor(event.source),
        *_actor(event.target),
        int(event.sentence_index == 0),
        cameo,
        cameo[:3],
        cameo[:2],
        event.quad_class,
        event.goldstein,
        n_reports,
        n_outlets,
        n_articles,
        "",  # AvgTone: casus scores no tone
        *([""] * len(_GEO)),  # Actor1Geo: casus does not locate actors
        *([""] * len(_GEO)),
        *_geo(event.location),
        coded.strftime("%Y%m%d%H%M%S") if coded else "",
        url or "",
    ]
    return values, basis


def report_day(
    date: dt.date | None, first: dt.date | None, coded: dt.datetime | None
) -> tuple[dt.date, str]:
    """The day a cluster is exported under, and its basis: the event's date (``event``),
    else its first report's publication (``publication``), else the coding day."""
    if date is not None:
        return date, "event"
    if first is not None:
        return first, "publication"
    return (coded or dt.datetime.now()).date(), "coding"


def _actor(actor: Actor | None) -> list[Any]:
    if actor is None or not actor.code:
        return [""] * len(_ACTOR)
    # a side of unknown country is written as GDELT writes one: its roles alone ("UAF" for
    # unidentified gunmen), or nothing when nothing is known ("---")
    code = actor.code.removeprefix("---") if not actor.known else actor.code
    roles = list(actor.roles)[:3]
    group = code[3:] if code[:3] in KNOWN_GROUP_PREFIXES else ""
    country = actor.country if actor.country and actor.known else ""
    return [
        code,
        _name(actor),
        country,
        group,
        "",
        "",
        "",
        *(roles + [""] * (3 - len(roles))),
    ]


def _name(actor: Actor) -> str:
    """GDELT's actor name: the dictionary's ("IRAN GOVERNMENT"), "MILITIA" for a generic side
    (its roles without the unknown country), nothing for an unknown one."""
    name = (name_of(actor.code) or "").upper() if actor.code else ""
    return name.removeprefix("UNKNOWN COUNTRY").strip()


def _geo(location: Location | None) -> list[Any]:
    if location is None:
        return [""] * len(_GEO)
    fips = fips_of(location.country) or ""
    info = countries().get(location.country or "")
    lat, lon = location.lat, location.lon
    if lat is None and info is not None:  # borders: the country's centre
        lat, lon = info.lat, info.lon
    geo_type = GEO_TYPES.get(location.precision, 4)
    country_name = info.name if info else ""
    full = (
        location.name if geo_type == 1 else ", ".join(p for p in (location.name, country_name) if p)
    )
    if geo_type == 1:
        full = country_name or location.name
    adm1 = fips + location.admin1 if fips and location.admin1 else fips
    feature: Any = location.geonameid if location.geonameid is not None else ""
    if geo_type == 1:
        feature = fips
    return [
        geo_type,
        full,
        fips,
        adm1,
        "",
        "" if lat is None else lat,
        "" if lon is None else lon,
        feature,
    ]


# ---- mentions --------------------------------------------------------------------------------
def write_gdelt_mentions(
    store: Store, out: TextIO, *, since: dt.date | None = None, until: dt.date | None = None
) -> GdeltStats:
    """Write the GDELT 2.0 Mentions table: one row per stored report of each exported event
    (same GLOBALEVENTID as the Events table)."""
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    stats = GdeltStats()
    where, params = cluster_window(since, until)
    for row in _rows(store, _MENTIONS.format(where=where, event=EVENT_STRUCT_SQL), params):
        writer.writerow(gdelt_mention_row(row))
        stats.rows += 1
    return stats


def gdelt_mention_row(row: tuple[Any, ...]) -> list[Any]:
    """One Mentions row (16 values) for a report row of ``_MENTIONS``."""
    cluster_id, date, first, data, url, origin, outlet, published, coded, length = row
    event = event_from_row(data)
    day, basis = report_day(date, first, coded)
    mentioned = (
        dt.datetime.combine(published, dt.time()) if published is not None else coded
    ) or dt.datetime.combine(day, dt.time())
    return [
        event_id(cluster_id),
        day.strftime("%Y%m%d") + "000000",
        mentioned.strftime("%Y%m%d%H%M%S"),
        MENTION_WEB if url else MENTION_OTHER,
        outlet or event.attribution.outlet or "",
        url or origin or "",
        event.sentence_index + 1,  # GDELT counts sentences from 1
        event.source.start if event.source else -1,
        event.target.start if event.target else -1,
        event.trigger_start,
        1,  # InRawText: casus reads the text as published
        round(event.confidence * 100),
        length or 0,
        "",  # MentionDocTone: no tone scoring
        "",
        f"<DATEBASIS>{basis}</DATEBASIS>",
    ]


def report_undated(stats: GdeltStats) -> None:
    """Log how many events were written with a publication or coding date (so nothing is
    dated silently); the Mentions table's ``Extras`` carries the basis per report."""
    for basis, ids in (
        ("first publication", stats.dated_by_publication),
        ("coding", stats.dated_by_coding),
    ):
        if ids:
            log.warning(
                "%d event(s) with no date in the text were written with their %s date "
                "(Mentions Extras: <DATEBASIS>)",
                len(ids),
                basis,
            )

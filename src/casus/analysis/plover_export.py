"""PLOVER exports of the store: JSON lines with the PLOVER manual's field names (one record per
de-duplicated event), validated by ``analysis/schemas/plover.schema.json``, and a POLECAT-style
TSV with the columns of the POLECAT weekly files that casus can fill.

CAMEO 01 and 02 (statements, appeals) have no PLOVER category and are not exported; an event
the text gives no date is written with its first publication date (or the day it was coded)
and says so in ``date_basis``.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from typing import Any, TextIO
from urllib.parse import urlparse

from casus.analysis.gdelt import cluster_window, report_day
from casus.analysis.names import name_of
from casus.io.rows import EVENT_STRUCT_SQL, event_from_row
from casus.model import Actor, Event
from casus.ontology.cameo import load_cameo
from casus.ontology.gazetteer import countries
from casus.store.db import Store

SCHEMA_FILE = "plover.schema.json"
CODEBOOK = "CAMEO to PLOVER (casus ontology/data/plover.tsv)"
FETCH = 2000
POLECAT_COLUMNS: tuple[str, ...] = (
    "Event ID",
    "Event Date",
    "Event Type",
    "Event Mode",
    "Event Intensity",
    "Quad Code",
    "Contexts",
    "Actor Name",
    "Actor Country",
    "Primary Actor Sector",
    "Actor Name Raw",
    "Recipient Name",
    "Recipient Country",
    "Primary Recipient Sector",
    "Recipient Name Raw",
    "Placename",
    "Country",
    "Latitude",
    "Longitude",
    "GeoNames ID",
    "Raw Placename",
    "Feature Type",
    "Source",
    "Publication Date",
    "Event Text",
    "Date Basis",
)

# The only SQL: kept small so a typed-column store can replace it.
_CLUSTERS = """
    SELECT c.cluster_id, c.date, c.first_report_date, c.n_reports, c.n_outlets,
           c.date_precision, {event} AS data, a.url, a.title, a.outlet, a.coded_at, a.published
    FROM clusters c JOIN events e ON e.event_id = c.canonical_event_id
    LEFT JOIN articles a ON a.article_id = e.article_id
    WHERE {where}
    ORDER BY c.date NULLS LAST, c.cluster_id
"""


def plover_schema() -> dict[str, Any]:
    """The JSON Schema every exported PLOVER record satisfies (shipped with casus)."""
    return dict(_schema())


@lru_cache(maxsize=1)
def _schema() -> dict[str, Any]:
    text = resources.files("casus.analysis").joinpath("schemas", SCHEMA_FILE).read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def _records(
    store: Store, since: dt.date | None, until: dt.date | None, coder: str
) -> Iterator[dict[str, Any]]:
    where, params = cluster_window(since, until)
    with store.read() as con:
        query = _CLUSTERS.format(where=where, event=EVENT_STRUCT_SQL)
        cursor = con.execute(query, params)
        while chunk := cursor.fetchmany(FETCH):
            for row in chunk:
                record = plover_record(row, coder=coder)
                if record is not None:
                    yield record


def write_plover(
    store: Store, out: TextIO, *, since: dt.date | None = None, until: dt.date | None = None
) -> int:
    """Write PLOVER JSON lines; returns the number of records."""
    n = 0
    for record in _records(store, since, until, _coder()):
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_polecat(
    store: Store, out: TextIO, *, since: dt.date | None = None, until: dt.date | None = None
) -> int:
    """Write a POLECAT-style TSV (header row, then one row per PLOVER record)."""
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    writer.writerow(POLECAT_COLUMNS)
    n = 0
    for record in _records(store, since, until, _coder()):
        writer.writerow(["" if v is None else v for v in polecat_row(record)])
        n += 1
    return n


def _coder() -> str:
    from casus import __version__

    return f"casus {__version__}"


def plover_record(row: tuple[Any, ...], *, coder: str) -> dict[str, Any] | None:
    """A PLOVER record for a cluster row (``None`` for CAMEO 01/02, which PLOVER drops)."""
    (
        cluster_id,
        date,
        first,
        n_reports,
        n_outlets,
        precision,
        data,
        url,
        title,
        outlet,
        coded,
        pub,
    ) = row
    event = event_from_row(data)
    if not event.plover:
        return None
    cameo = load_cameo()
    code = cameo.get(event.cameo) if event.cameo in cameo else None
    day, basis = report_day(date, first, coded)
    return {
        "id": cluster_id,
        "date": day.isoformat(),
        "event": event.plover,
        "mode": event.plover_mode or "",
        "context": [code.plover_context] if code and code.plover_context else [],
        "actor": _actors(event.source),
        "recipient": _actors(event.target),
        "event_text": event.trigger_text,
        "text": event.evidence_text,
        "event_loc": _event_loc(event),
        "cite_info": {
            "url": url,
            "title": title,
            "publication": _publication(outlet or event.attribution.outlet, url),
            "coder": coder,
            "codebook": CODEBOOK,
            "published": pub.isoformat() if pub else None,
        },
        "quad_code": event.quad_class,
        "event_intensity": event.goldstein,
        "coded_date": coded.date().isoformat() if coded else None,
        # extensions (PLOVER allows fields beyond its own)
        "date_basis": basis,
        "date_precision": precision if basis == "event" else "day",
        "cameo": event.cameo,
        "n_reports": n_reports,
        "n_outlets": n_outlets,
        "text_info": {
            "sentence": event.sentence_index,
            "start": event.evidence_start,
            "end": event.evidence_end,
        },
    }


def _publication(outlet: str | None, url: str | None) -> str | None:
    if outlet:
        return outlet
    host = urlparse(url).hostname if url else None
    return host.removeprefix("www.") if host else None


def _actors(actor: Actor | None) -> list[dict[str, Any]]:
    """PLOVER actor objects: the country code, the text as written, the sector."""
    if actor is None or not actor.code:
        return []
    country = actor.country if actor.country and actor.country != "---" else None
    roles = list(actor.roles)
    return [
        {
            "actor": country or actor.code[:3],
            "entity_text": actor.text or None,  # an implicit side names no text
            "actor_name": name_of(actor.code),
            "sector": roles[0] if roles else None,
            "casus_code": actor.code,
        }
    ]


def _event_loc(event: Event) -> dict[str, Any]:
    location = event.location
    if location is None:
        return {
            "resolved_place": None,
            "lat": None,
            "lon": None,
            "country_code": None,
            "geonameid": None,
            "feature_code": None,
            "place_text": None,
            "basis": None,
        }
    lat, lon = location.lat, location.lon
    info = countries().get(location.country or "")
    if lat is None and info is not None:
        lat, lon = info.lat, info.lon
    return {
        "resolved_place": location.name,
        "lat": lat,
        "lon": lon,
        "country_code": location.country,
        "geonameid": location.geonameid,
        "feature_code": location.feature_code,
        "place_text": location.text,
        "basis": location.basis,
    }


def polecat_row(record: dict[str, Any]) -> list[Any]:
    """One POLECAT-style row for a PLOVER record (columns: :data:`POLECAT_COLUMNS`)."""
    actor = (record["actor"] or [{}])[0]
    recipient = (record["recipient"] or [{}])[0]
    loc = record["event_loc"]
    return [
        record["id"],
        record["date"],
        record["event"],
        record["mode"],
        record["event_intensity"],
        record["quad_code"],
        ";".join(record["context"]),
        actor.get("actor_name"),
        actor.get("actor"),
        actor.get("sector"),
        actor.get("entity_text"),
        recipient.get("actor_name"),
        recipient.get("actor"),
        recipient.get("sector"),
        recipient.get("entity_text"),
        loc["resolved_place"],
        loc["country_code"],
        loc["lat"],
        loc["lon"],
        loc["geonameid"],
        loc["place_text"],
        loc["feature_code"],
        record["cite_info"]["publication"],
        record["cite_info"]["published"],
        record["text"],
        record["date_basis"],
    ]

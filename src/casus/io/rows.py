"""One event, one flat row: the single place where an :class:`Event` becomes columns.

:func:`event_row` gives every field of an event under a column name; the CSV writer
(``casus code --format csv``), the store's ``events`` table and ``casus export csv/parquet``
all take their columns from it, so the three agree. :data:`ROW_COLUMNS` is the documented
order of the flat files (docs/output.md); :data:`EVENT_FIELDS` is every column of the row,
enough for :func:`event_from_row` to rebuild the event exactly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from casus.model import Actor, Attribution, Event, EventDate, Location, Modality

# The columns of CSV and parquet files, in their documented order. ``cluster_id`` is only known
# in the store; ``casus code`` leaves it empty so that both files share one header.
ROW_COLUMNS: tuple[str, ...] = (
    "event_id",
    "article_id",
    "sentence_index",
    "date",
    "date_precision",
    "date_basis",
    "historical",
    "source_code",
    "source_country",
    "source_text",
    "target_code",
    "target_country",
    "target_text",
    "cameo",
    "cameo_root",
    "cameo_name",
    "quad_class",
    "goldstein",
    "plover",
    "plover_mode",
    "negated",
    "hypothetical",
    "future",
    "reported",
    "asserted",
    "speaker_code",
    "speaker_text",
    "outlet",
    "location_name",
    "location_country",
    "location_lat",
    "location_lon",
    "confidence",
    "trigger_text",
    "evidence_text",
    "cluster_id",
)
_ACTOR_PARTS = ("code", "country", "roles", "text", "start", "end", "how")
# Every column of :func:`event_row`, the store's ``events`` table included.
EVENT_FIELDS: tuple[str, ...] = (
    "event_id",
    "article_id",
    "sentence_index",
    "date",
    "date_precision",
    "date_basis",
    "date_text",
    "date_note",
    "historical",
    *(f"source_{p}" for p in _ACTOR_PARTS),
    *(f"target_{p}" for p in _ACTOR_PARTS),
    "cameo",
    "cameo_root",
    "cameo_name",
    "quad_class",
    "goldstein",
    "plover",
    "plover_mode",
    "trigger_text",
    "trigger_start",
    "trigger_end",
    "evidence_text",
    "evidence_start",
    "evidence_end",
    "negated",
    "hypothetical",
    "future",
    "reported",
    "asserted",
    *(f"speaker_{p}" for p in _ACTOR_PARTS),
    "outlet",
    "attribution_verb",
    "quote_start",
    "quote_end",
    "location_name",
    "location_country",
    "location_lat",
    "location_lon",
    "location_precision",
    "location_text",
    "location_start",
    "location_end",
    "confidence",
    "pattern",
    "date_reference",
    "location_basis",
    "location_geonameid",
    "location_admin1",
    "location_feature_code",
)


# An event of the store (alias ``e``) as one struct value, which DuckDB hands back as a dict
# that :func:`event_from_row` reads: ``SELECT {EVENT_STRUCT_SQL} FROM events e``.
EVENT_STRUCT_SQL = "struct_pack(" + ", ".join(f"{c} := e.{c}" for c in EVENT_FIELDS) + ")"


def event_row(event: Event) -> dict[str, Any]:
    """Every field of ``event`` as ``{column: value}`` (:data:`EVENT_FIELDS`; ``None`` for
    an absent actor, speaker or place; roles as a list; the date as a ``datetime.date``)."""
    mod, att, when, loc = event.modality, event.attribution, event.when, event.location
    row: dict[str, Any] = {
        "event_id": event.event_id,
        "article_id": event.article_id,
        "sentence_index": event.sentence_index,
        "date": when.date,
        "date_precision": when.precision,
        "date_basis": when.basis,
        "date_text": when.text,
        "date_note": when.note,
        "historical": event.historical,
        **_actor_columns("source", event.source),
        **_actor_columns("target", event.target),
        "cameo": event.cameo,
        "cameo_root": event.cameo_root,
        "cameo_name": event.cameo_name,
        "quad_class": event.quad_class,
        "goldstein": event.goldstein,
        "plover": event.plover,
        "plover_mode": event.plover_mode,
        "trigger_text": event.trigger_text,
        "trigger_start": event.trigger_start,
        "trigger_end": event.trigger_end,
        "evidence_text": event.evidence_text,
        "evidence_start": event.evidence_start,
        "evidence_end": event.evidence_end,
        **mod.to_dict(),
        "asserted": mod.asserted,
        **_actor_columns("speaker", att.speaker),
        "outlet": att.outlet,
        "attribution_verb": att.verb,
        "quote_start": att.quote_start,
        "quote_end": att.quote_end,
        "location_name": loc.name if loc else None,
        "location_country": loc.country if loc else None,
        "location_lat": loc.lat if loc else None,
        "location_lon": loc.lon if loc else None,
        "location_precision": loc.precision if loc else None,
        "location_text": loc.text if loc else None,
        "location_start": loc.start if loc else None,
        "location_end": loc.end if loc else None,
        "confidence": round(event.confidence, 3),
        "pattern": event.pattern,
        "date_reference": when.reference,
        "location_basis": loc.basis if loc else None,
        "location_geonameid": loc.geonameid if loc else None,
        "location_admin1": loc.admin1 if loc else None,
        "location_feature_code": loc.feature_code if loc else None,
    }
    return row


def flat_row(event: Event) -> dict[str, Any]:
    """The :data:`ROW_COLUMNS` of an event (``cluster_id`` empty: it is not in the store)."""
    row = event_row(event)
    return {name: row.get(name) for name in ROW_COLUMNS}


def event_from_row(row: Mapping[str, Any]) -> Event:
    """Rebuild an event from :func:`event_row` columns (e.g. a row of the store)."""
    loc = None
    if row["location_name"] is not None:
        loc = Location(
            name=row["location_name"],
            country=row["location_country"],
            lat=row["location_lat"],
            lon=row["location_lon"],
            precision=row["location_precision"],
            text=row["location_text"],
            start=row["location_start"],
            end=row["location_end"],
            basis=row.get("location_basis") or "clause",
            geonameid=row.get("location_geonameid"),
            admin1=row.get("location_admin1"),
            feature_code=row.get("location_feature_code"),
        )
    day = row["date"]
    return Event(
        article_id=row["article_id"],
        sentence_index=row["sentence_index"],
        evidence_text=row["evidence_text"],
        evidence_start=row["evidence_start"],
        evidence_end=row["evidence_end"],
        source=_actor_from("source", row),
        target=_actor_from("target", row),
        cameo=row["cameo"],
        cameo_name=row["cameo_name"],
        quad_class=row["quad_class"],
        goldstein=row["goldstein"],
        plover=row["plover"],
        plover_mode=row["plover_mode"],
        trigger_text=row["trigger_text"],
        trigger_start=row["trigger_start"],
        trigger_end=row["trigger_end"],
        modality=Modality(row["negated"], row["hypothetical"], row["future"], row["reported"]),
        attribution=Attribution(
            speaker=_actor_from("speaker", row),
            outlet=row["outlet"],
            verb=row["attribution_verb"],
            quote_start=row["quote_start"],
            quote_end=row["quote_end"],
        ),
        when=EventDate(
            date=day.date() if isinstance(day, dt.datetime) else day,
            precision=row["date_precision"],
            basis=row["date_basis"],
            text=row["date_text"],
            note=row["date_note"],
            reference=row.get("date_reference"),
        ),
        historical=row["historical"],
        location=loc,
        confidence=row["confidence"],
        pattern=row["pattern"],
    )


def _actor_columns(prefix: str, actor: Actor | None) -> dict[str, Any]:
    if actor is None:
        return {f"{prefix}_{p}": None for p in _ACTOR_PARTS}
    return {
        f"{prefix}_code": actor.code,
        f"{prefix}_country": actor.country,
        f"{prefix}_roles": list(actor.roles),
        f"{prefix}_text": actor.text,
        f"{prefix}_start": actor.start,
        f"{prefix}_end": actor.end,
        f"{prefix}_how": actor.how,
    }


def _actor_from(prefix: str, row: Mapping[str, Any]) -> Actor | None:
    # an absent actor has no text; a present one always has (possibly empty) text
    if row[f"{prefix}_text"] is None:
        return None
    return Actor(
        code=row[f"{prefix}_code"],
        country=row[f"{prefix}_country"],
        roles=tuple(row[f"{prefix}_roles"] or ()),
        text=row[f"{prefix}_text"],
        start=row[f"{prefix}_start"],
        end=row[f"{prefix}_end"],
        how=row[f"{prefix}_how"],
    )

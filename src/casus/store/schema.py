"""The store's schema: DDL and versioned migrations (docs/store.md describes every column).

Migrations are an ordered list; each runs once, in one transaction, and records its number in
``schema_version``. A store made by a newer casus (a version number we do not know) is refused
rather than guessed at.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from casus.io.rows import EVENT_FIELDS

SCHEMA_TABLE = "schema_version"


@dataclass(frozen=True, slots=True)
class Migration:
    """One schema change: its number, what it does, and the SQL statements."""

    version: int
    description: str
    statements: tuple[str, ...]


_V1 = (
    f"""CREATE TABLE {SCHEMA_TABLE} (
        version INTEGER PRIMARY KEY,
        description VARCHAR NOT NULL,
        applied_at TIMESTAMP NOT NULL
    )""",
    """CREATE TABLE articles (
        article_id VARCHAR PRIMARY KEY,
        title VARCHAR,
        url VARCHAR,
        outlet VARCHAR,
        published DATE,
        origin VARCHAR,
        text VARCHAR NOT NULL,
        text_hash VARCHAR NOT NULL,
        n_events INTEGER NOT NULL,
        coded_at TIMESTAMP NOT NULL,
        casus_version VARCHAR NOT NULL,
        lexicon_version VARCHAR NOT NULL,
        dictionary_version VARCHAR
    )""",
    """CREATE TABLE events (
        event_id VARCHAR PRIMARY KEY,
        article_id VARCHAR NOT NULL,
        sentence_index INTEGER NOT NULL,
        date DATE,
        date_precision VARCHAR NOT NULL,
        date_basis VARCHAR NOT NULL,
        historical BOOLEAN NOT NULL,
        source_code VARCHAR,
        source_country VARCHAR,
        target_code VARCHAR,
        target_country VARCHAR,
        dyad VARCHAR,
        cameo VARCHAR NOT NULL,
        cameo_root VARCHAR NOT NULL,
        quad_class INTEGER NOT NULL,
        goldstein DOUBLE NOT NULL,
        plover VARCHAR,
        negated BOOLEAN NOT NULL,
        hypothetical BOOLEAN NOT NULL,
        future BOOLEAN NOT NULL,
        reported BOOLEAN NOT NULL,
        asserted BOOLEAN NOT NULL,
        speaker_code VARCHAR,
        outlet VARCHAR,
        location_country VARCHAR,
        confidence DOUBLE NOT NULL,
        casus_version VARCHAR NOT NULL,
        lexicon_version VARCHAR NOT NULL,
        cluster_id VARCHAR,
        data JSON NOT NULL
    )""",
    """CREATE TABLE actors (
        code VARCHAR PRIMARY KEY,
        country VARCHAR,
        roles VARCHAR[],
        first_seen DATE,
        last_seen DATE,
        mentions BIGINT NOT NULL
    )""",
    """CREATE TABLE clusters (
        cluster_id VARCHAR PRIMARY KEY,
        dyad VARCHAR NOT NULL,
        canonical_event_id VARCHAR NOT NULL,
        n_reports INTEGER NOT NULL,
        n_articles INTEGER NOT NULL,
        n_outlets INTEGER NOT NULL,
        first_report_date DATE,
        date DATE,
        date_precision VARCHAR NOT NULL,
        source_code VARCHAR,
        source_country VARCHAR,
        target_code VARCHAR,
        target_country VARCHAR,
        is_symmetric BOOLEAN NOT NULL,
        cameo VARCHAR NOT NULL,
        cameo_root VARCHAR NOT NULL,
        cameo_name VARCHAR NOT NULL,
        quad_class INTEGER NOT NULL,
        goldstein DOUBLE NOT NULL,
        historical BOOLEAN NOT NULL,
        evidence VARCHAR NOT NULL
    )""",
    # Dyads whose clusters are stale: written in the same transaction as the events that made
    # them stale, emptied in the same transaction as the new clusters (so kill -9 is safe).
    """CREATE TABLE pending_dyads (
        dyad VARCHAR PRIMARY KEY
    )""",
)


def _actor_ddl(prefix: str) -> str:
    return (
        f"{prefix}_code VARCHAR, {prefix}_country VARCHAR, {prefix}_roles VARCHAR[], "
        f"{prefix}_text VARCHAR, {prefix}_start INTEGER, {prefix}_end INTEGER, "
        f"{prefix}_how VARCHAR"
    )


# Version 2: every field of an event in its own typed column (no JSON blob: ~3x smaller, and
# dedup reads only the columns it needs); ``dyad`` is NULL unless both sides are known;
# ``dedup_key`` is the clustering partition; pending work is kept per partition and period.
_EVENTS_V2 = f"""(
        event_id VARCHAR PRIMARY KEY,
        article_id VARCHAR NOT NULL,
        sentence_index INTEGER NOT NULL,
        date DATE,
        date_precision VARCHAR NOT NULL,
        date_basis VARCHAR NOT NULL,
        date_text VARCHAR,
        date_note VARCHAR,
        historical BOOLEAN NOT NULL,
        {_actor_ddl("source")},
        {_actor_ddl("target")},
        cameo VARCHAR NOT NULL,
        cameo_root VARCHAR NOT NULL,
        cameo_name VARCHAR NOT NULL,
        quad_class INTEGER NOT NULL,
        goldstein DOUBLE NOT NULL,
        plover VARCHAR,
        plover_mode VARCHAR,
        trigger_text VARCHAR NOT NULL,
        trigger_start INTEGER NOT NULL,
        trigger_end INTEGER NOT NULL,
        evidence_text VARCHAR NOT NULL,
        evidence_start INTEGER NOT NULL,
        evidence_end INTEGER NOT NULL,
        negated BOOLEAN NOT NULL,
        hypothetical BOOLEAN NOT NULL,
        future BOOLEAN NOT NULL,
        reported BOOLEAN NOT NULL,
        asserted BOOLEAN NOT NULL,
        {_actor_ddl("speaker")},
        outlet VARCHAR,
        attribution_verb VARCHAR,
        quote_start INTEGER,
        quote_end INTEGER,
        location_name VARCHAR,
        location_country VARCHAR,
        location_lat DOUBLE,
        location_lon DOUBLE,
        location_precision VARCHAR,
        location_text VARCHAR,
        location_start INTEGER,
        location_end INTEGER,
        confidence DOUBLE NOT NULL,
        pattern VARCHAR,
        dyad VARCHAR,
        dedup_key VARCHAR,
        casus_version VARCHAR NOT NULL,
        lexicon_version VARCHAR NOT NULL,
        cluster_id VARCHAR
    )"""


def _json_actor(path: str) -> str:
    j = f"data->'$.{path}'"
    return (
        f"{j}->>'$.code', {j}->>'$.country', CAST({j}->'$.roles' AS VARCHAR[]), "
        f"{j}->>'$.text', CAST({j}->>'$.start' AS INTEGER), CAST({j}->>'$.end' AS INTEGER), "
        f"{j}->>'$.how'"
    )


# A side is unknown without a code or with the country part "---" (issue 11): no dyad then.
STRICT_DYAD_SQL = (
    "CASE WHEN split_part(dedup_key, '|', 1) NOT IN ('', '---') "
    "AND split_part(dedup_key, '|', 2) <> '' "
    "AND NOT starts_with(split_part(dedup_key, '|', 1), '---') "
    "AND NOT starts_with(split_part(dedup_key, '|', 2), '---') THEN dedup_key END"
)
_V2 = (
    f"CREATE TABLE events_v2 {_EVENTS_V2}",
    f"""INSERT INTO events_v2 SELECT
        event_id, article_id, sentence_index, date, date_precision, date_basis,
        data->>'$.date_text', data->>'$.date_note', historical,
        {_json_actor("source")},
        {_json_actor("target")},
        cameo, cameo_root, coalesce(data->>'$.cameo_name', ''), quad_class, goldstein, plover,
        data->>'$.plover_mode',
        coalesce(data->>'$.trigger.text', ''),
        coalesce(CAST(data->>'$.trigger.start' AS INTEGER), 0),
        coalesce(CAST(data->>'$.trigger.end' AS INTEGER), 0),
        coalesce(data->>'$.evidence.text', ''),
        coalesce(CAST(data->>'$.evidence.start' AS INTEGER), 0),
        coalesce(CAST(data->>'$.evidence.end' AS INTEGER), 0),
        negated, hypothetical, future, reported, asserted,
        {_json_actor("attribution.speaker")},
        outlet, data->>'$.attribution.verb',
        CAST(data->>'$.attribution.quote.start' AS INTEGER),
        CAST(data->>'$.attribution.quote.end' AS INTEGER),
        data->>'$.location.name', location_country,
        CAST(data->>'$.location.lat' AS DOUBLE), CAST(data->>'$.location.lon' AS DOUBLE),
        data->>'$.location.precision', data->>'$.location.text',
        CAST(data->>'$.location.start' AS INTEGER), CAST(data->>'$.location.end' AS INTEGER),
        confidence, data->>'$.pattern', NULL, dyad,
        casus_version, lexicon_version, cluster_id
    FROM events""",
    f"UPDATE events_v2 SET dyad = {STRICT_DYAD_SQL}",
    "DROP TABLE events",
    "ALTER TABLE events_v2 RENAME TO events",
    "ALTER TABLE clusters ALTER COLUMN dyad DROP NOT NULL",
    """CREATE TABLE pending_clusters (
        dedup_key VARCHAR NOT NULL,
        first DATE,
        last DATE,
        article_id VARCHAR
    )""",
    # a whole pending partition: no period, no article
    "INSERT INTO pending_clusters SELECT dyad, NULL, NULL, NULL FROM pending_dyads",
    "DROP TABLE pending_dyads",
)

_V3 = (
    "ALTER TABLE events ADD COLUMN date_reference VARCHAR",
    "ALTER TABLE events ADD COLUMN location_basis VARCHAR",
    "ALTER TABLE events ADD COLUMN location_geonameid BIGINT",
    "ALTER TABLE events ADD COLUMN location_admin1 VARCHAR",
    "ALTER TABLE events ADD COLUMN location_feature_code VARCHAR",
)

# Version 4: no primary key on ``clusters``. DuckDB keeps a key's index (an ART) in memory
# once a write touches it: with cluster ids that are hashes, inserting a day's clusters loaded
# the whole index (213 MB at 4.6M clusters, a 10M-report store), so the memory of every
# re-cluster, a daily one included, grew with the store. Cluster ids are unique by
# construction (a hash of the cluster's first event id, which is the events' key), and a
# refresh deletes a cluster's row in the transaction that writes its new one.
_V4 = (
    """CREATE TABLE clusters_v4 (
        cluster_id VARCHAR NOT NULL,
        dyad VARCHAR,
        canonical_event_id VARCHAR NOT NULL,
        n_reports INTEGER NOT NULL,
        n_articles INTEGER NOT NULL,
        n_outlets INTEGER NOT NULL,
        first_report_date DATE,
        date DATE,
        date_precision VARCHAR NOT NULL,
        source_code VARCHAR,
        source_country VARCHAR,
        target_code VARCHAR,
        target_country VARCHAR,
        is_symmetric BOOLEAN NOT NULL,
        cameo VARCHAR NOT NULL,
        cameo_root VARCHAR NOT NULL,
        cameo_name VARCHAR NOT NULL,
        quad_class INTEGER NOT NULL,
        goldstein DOUBLE NOT NULL,
        historical BOOLEAN NOT NULL,
        evidence VARCHAR NOT NULL
    )""",
    "INSERT INTO clusters_v4 SELECT * FROM clusters",
    "DROP TABLE clusters",
    "ALTER TABLE clusters_v4 RENAME TO clusters",
)

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "articles, events, actors, clusters, pending_dyads", _V1),
    Migration(2, "events as typed columns, strict dyads, pending periods", _V2),
    Migration(3, "reference-event dates, place basis, GeoNames ids and admin-1 codes", _V3),
    Migration(4, "clusters without a primary-key index", _V4),
)
SCHEMA_VERSION = MIGRATIONS[-1].version

# The tables casus itself creates: a DuckDB file holding other tables and no schema_version
# table is someone else's database, and casus refuses to write into it.
CASUS_TABLES = frozenset(
    {SCHEMA_TABLE, "articles", "events", "actors", "clusters", "pending_clusters"}
)

EVENT_COLUMNS: tuple[str, ...] = (
    *EVENT_FIELDS,
    "dyad",
    "dedup_key",
    "casus_version",
    "lexicon_version",
    "cluster_id",
)
ARTICLE_COLUMNS: tuple[str, ...] = (
    "article_id",
    "title",
    "url",
    "outlet",
    "published",
    "origin",
    "text",
    "text_hash",
    "n_events",
    "coded_at",
    "casus_version",
    "lexicon_version",
    "dictionary_version",
)
CLUSTER_COLUMNS: tuple[str, ...] = (
    "cluster_id",
    "dyad",
    "canonical_event_id",
    "n_reports",
    "n_articles",
    "n_outlets",
    "first_report_date",
    "date",
    "date_precision",
    "source_code",
    "source_country",
    "target_code",
    "target_country",
    "is_symmetric",
    "cameo",
    "cameo_root",
    "cameo_name",
    "quad_class",
    "goldstein",
    "historical",
    "evidence",
)


def pending_migrations(current: int) -> list[Migration]:
    """The migrations a store at schema version ``current`` still needs, in order."""
    return [m for m in MIGRATIONS if m.version > current]


def insert_sql(table: str, columns: tuple[str, ...], rows: int) -> str:
    """``INSERT INTO table (cols) VALUES (?, ...), (?, ...)`` for ``rows`` rows."""
    one = "(" + ", ".join("?" for _ in columns) + ")"
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES " + ", ".join([one] * rows)


def flatten(rows: list[tuple[Any, ...]]) -> list[Any]:
    """The parameters of a multi-row insert, row after row."""
    return [value for row in rows for value in row]


def insert_columns(
    con: Any, table: str, columns: tuple[str, ...], rows: list[dict[str, Any]]
) -> None:
    """Insert rows given as dicts, one list parameter per column (``unnest``): far faster
    than a multi-row ``VALUES`` for wide tables."""
    if not rows:
        return
    values = [[row[c] for row in rows] for c in columns]
    unnest = ", ".join(f"unnest(${i + 1})" for i in range(len(columns)))
    con.execute(f"INSERT INTO {table} ({', '.join(columns)}) SELECT {unnest}", values)

"""The store's schema: DDL and versioned migrations (docs/store.md describes every column).

Migrations are an ordered list; each runs once, in one transaction, and records its number in
``schema_version``. A store made by a newer casus (a version number we do not know) is refused
rather than guessed at.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

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

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "articles, events, actors, clusters, pending_dyads", _V1),
)
SCHEMA_VERSION = MIGRATIONS[-1].version

# The tables casus itself creates: a DuckDB file holding other tables and no schema_version
# table is someone else's database, and casus refuses to write into it.
CASUS_TABLES = frozenset(
    {SCHEMA_TABLE, "articles", "events", "actors", "clusters", "pending_dyads"}
)

EVENT_COLUMNS: tuple[str, ...] = (
    "event_id",
    "article_id",
    "sentence_index",
    "date",
    "date_precision",
    "date_basis",
    "historical",
    "source_code",
    "source_country",
    "target_code",
    "target_country",
    "dyad",
    "cameo",
    "cameo_root",
    "quad_class",
    "goldstein",
    "plover",
    "negated",
    "hypothetical",
    "future",
    "reported",
    "asserted",
    "speaker_code",
    "outlet",
    "location_country",
    "confidence",
    "casus_version",
    "lexicon_version",
    "cluster_id",
    "data",
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

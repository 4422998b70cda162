"""The DuckDB event store: schema and migrations, opening and locking, idempotent ingest.

    from casus.store import Store, ingest
    store = Store.open("casus.duckdb")
    stats = ingest(store, casus.load(), articles)

docs/store.md documents the schema and the concurrency model.
"""

from __future__ import annotations

from casus.failures import Failure
from casus.store.clusters import refresh_clusters
from casus.store.db import DEFAULT_DB, READ_WAIT, WRITE_WAIT, Store
from casus.store.ingest import (
    DEFAULT_BATCH_SIZE,
    IngestStats,
    coder_versions,
    ingest,
    store_events,
)
from casus.store.schema import SCHEMA_VERSION

__all__ = [
    "DEFAULT_BATCH_SIZE",
    "DEFAULT_DB",
    "READ_WAIT",
    "SCHEMA_VERSION",
    "WRITE_WAIT",
    "Failure",
    "IngestStats",
    "Store",
    "coder_versions",
    "ingest",
    "refresh_clusters",
    "store_events",
]

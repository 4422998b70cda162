"""Analysis over the event store: cross-source de-duplication, timelines, dyad series, alerts,
networks, exports and read-only SQL; browsing (filtered, paginated events and clusters,
articles with their spans, actor look-up) for the HTTP API and the dashboard.

    from casus.store import Store
    from casus.analysis import timeline
    for row in timeline(Store.open("casus.duckdb", create=False), "AZE", "IRN"):
        print(row.date, row.source, row.cameo_name, row.target, row.n_sources)

:mod:`casus.dedup` is pure (events in, clusters out); the query functions read a
:class:`~casus.store.Store`.
"""

from __future__ import annotations

# The submodule ``export`` is loaded first, so that the function ``export`` bound below is what
# ``casus.analysis.export`` names from then on (a later first import of the submodule would
# replace the function with the module).
import casus.analysis.export  # noqa: F401  (see above)
from casus.analysis.browse import (
    EventFilter,
    Page,
    get_article,
    get_event,
    list_clusters,
    list_events,
    places,
    top_dyads,
    write_events,
)
from casus.analysis.frames import Rows
from casus.analysis.lookup import describe_actor, find_actors
from casus.analysis.names import name_of, resolve_actor, search_actors
from casus.analysis.queries import (
    Alert,
    DyadRow,
    TimelineRow,
    alerts,
    dyad_series,
    export,
    graph_to_graphml,
    graph_to_json,
    network,
    sql,
    timeline,
)
from casus.analysis.user_sql import SqlResult
from casus.dedup import (
    CODE_FAMILIES,
    DEFAULT_PARAMS,
    Cluster,
    DedupParams,
    Report,
    cluster_events,
    cluster_reports,
)
from casus.ontology.memberships import blocs_of, members_of

__all__ = [
    "CODE_FAMILIES",
    "DEFAULT_PARAMS",
    "Alert",
    "Cluster",
    "DedupParams",
    "DyadRow",
    "EventFilter",
    "Page",
    "Report",
    "Rows",
    "SqlResult",
    "TimelineRow",
    "alerts",
    "blocs_of",
    "cluster_events",
    "cluster_reports",
    "describe_actor",
    "dyad_series",
    "export",
    "find_actors",
    "get_article",
    "get_event",
    "graph_to_graphml",
    "graph_to_json",
    "list_clusters",
    "list_events",
    "members_of",
    "network",
    "places",
    "name_of",
    "network",
    "resolve_actor",
    "search_actors",
    "sql",
    "timeline",
    "top_dyads",
    "write_events",
]

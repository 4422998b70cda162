"""``casus serve``: the HTTP API and the dashboard over a store, with uvicorn."""

from __future__ import annotations

import click

from casus.cli.common import config_from, run_safely
from casus.errors import ConfigError


@click.command("serve")
@click.option(
    "--db",
    type=click.Path(dir_okay=False),
    help="Store file (default: casus.duckdb here, or `db` in --config).",
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option(
    "--token-file",
    type=click.Path(dir_okay=False, exists=True),
    help="File holding the write token that enables POST /api/articles "
    "(default: the CASUS_API_TOKEN environment variable; none: read-only).",
)
@click.option(
    "--keep-open/--no-keep-open",
    default=True,
    show_default=True,
    help="Hold the store open while serving (fast); --no-keep-open opens it per query, so "
    "that `casus ingest` can write to it meanwhile.",
)
@click.pass_context
@run_safely
def serve_command(
    ctx: click.Context,
    db: str | None,
    host: str,
    port: int,
    token_file: str | None,
    keep_open: bool,
) -> None:
    """Serve the JSON API (/api) and the dashboard (/) over a store.

    Read-only unless a write token is set. Open http://HOST:PORT/ in a browser; the API is
    described at /api/openapi.json and in docs/http.md.
    """
    try:
        import uvicorn

        from casus.api import create_app
    except ImportError as e:
        raise ConfigError(
            f"casus serve needs the web extra: pip install 'casus-events[web]' ({e.name} missing)"
        ) from e
    from pathlib import Path

    path = Path(db) if db else config_from(ctx).db
    token = Path(token_file).read_text(encoding="utf-8").strip() if token_file else None
    app = create_app(path, token=token, keep_open=keep_open)
    click.echo(f"casus: serving {path} at http://{host}:{port}/ (Ctrl-C stops)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")

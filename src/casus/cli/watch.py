"""``casus watch``: follow news feeds into the store."""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

import click

from casus.cli.common import EXIT_SKIPPED, config_from, run_safely
from casus.errors import InputError

_INTERVAL_RE = re.compile(r"^(\d+)\s*([smh]?)$")
_UNIT = {"": 1, "s": 1, "m": 60, "h": 3600}


def parse_interval(text: str) -> int:
    """``90``/``90s`` -> 90 seconds, ``15m`` -> 900, ``1h`` -> 3600; :class:`InputError`
    otherwise (at least 10 seconds, to be kind to the feeds' servers)."""
    match = _INTERVAL_RE.match(text.strip().lower())
    seconds = int(match.group(1)) * _UNIT[match.group(2)] if match else 0
    if seconds < 10:
        raise InputError(
            f"--interval {text!r}: give seconds (90), minutes (15m) or hours (1h), >= 10s"
        )
    return seconds


@click.command("watch")
@click.argument("feeds", nargs=-1, required=True)
@click.option(
    "--db",
    type=click.Path(dir_okay=False),
    help="Store file (default: casus.duckdb here, or `db` in --config).",
)
@click.option(
    "--interval",
    default="15m",
    show_default=True,
    help="Time between polls: seconds (90), minutes (15m) or hours (1h).",
)
@click.option("--once", is_flag=True, help="Poll once and exit (for cron).")
@click.option(
    "--timeout",
    type=float,
    default=20.0,
    show_default=True,
    help="Seconds to wait for each feed or page.",
)
@click.pass_context
@run_safely
def watch_command(
    ctx: click.Context,
    feeds: tuple[str, ...],
    db: str | None,
    interval: str,
    once: bool,
    timeout: float,
) -> None:
    """Poll RSS/Atom FEEDS, fetch the articles they link to, code them and store the events.

    Links already in the store are not fetched again, and ingest is idempotent, so running
    it again (or after a crash) adds only what is new. Each poll prints one line. With
    --once, the exit status is 1 if a feed or page was skipped. Stop with Ctrl-C.
    """
    from casus.coder import Coder
    from casus.io.feeds import articles_only, feed_articles, sleep_until
    from casus.io.readers import Skipped
    from casus.store import Store, ingest

    seconds = parse_interval(interval)
    store = Store.open(Path(db) if db else config_from(ctx).db, create=True)
    coder = Coder(config_from(ctx))
    try:
        while True:
            started = time.monotonic()
            skipped: list[Skipped] = []
            seen = {row[0] for row in store.query("SELECT url FROM articles WHERE url IS NOT NULL")}
            items = feed_articles(list(feeds), seen=seen, timeout=timeout)
            stats = ingest(store, coder, articles_only(items, skipped))
            for failure in stats.failed:
                click.echo(f"casus: skipped {failure}", err=True)
            click.echo(
                f"{time.strftime('%Y-%m-%d %H:%M:%S')} {len(feeds)} feed(s): "
                f"{stats.coded} new article(s), {stats.events} event(s) stored, "
                f"{stats.unchanged} unchanged, {len(skipped) + len(stats.failed)} skipped"
            )
            if once:
                if skipped or stats.failed:
                    sys.exit(EXIT_SKIPPED)
                return
            sleep_until(started + seconds)
    except KeyboardInterrupt:
        click.echo("stopped", err=True)

"""``casus watch`` against a feed and pages served on 127.0.0.1 by the test itself."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
from click.testing import CliRunner

from casus.cli.main import cli
from casus.cli.watch import parse_interval
from casus.errors import InputError
from casus.io.feeds import feed_articles, read_feed
from casus.model import Article
from casus.store import Store

PAGES = {
    "baku.html": (
        "Azerbaijan expels Iranian diplomats",
        "Azerbaijan expelled four Iranian diplomats on Thursday, the foreign ministry said. "
        "Iran condemned the decision and said it would respond.",
    ),
    "kyiv.html": (
        "Missiles strike Kharkiv",
        "Russian missiles struck Kharkiv overnight, damaging a power plant. Ukraine's "
        "foreign ministry summoned the Belarusian ambassador on Friday.",
    ),
}


def _page(title: str, body: str) -> str:
    return (
        f"<html><head><title>{title}</title></head><body><nav>Home | World</nav>"
        f"<article><h1>{title}</h1><p>{body}</p><p>{body}</p></article></body></html>"
    )


def _feed(base: str, names: list[str]) -> str:
    items = "".join(
        f"<item><title>{PAGES[n][0]}</title><link>{base}/{n}</link>"
        "<pubDate>Fri, 07 Apr 2023 09:00:00 GMT</pubDate></item>"
        for n in names
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Loopback Wire</title>'
        f"<link>{base}/</link><description>test</description>{items}</channel></rss>"
    )


@pytest.fixture()
def site(tmp_path: Path) -> Iterator[str]:
    """A web server on 127.0.0.1 (a free port) serving a feed and two article pages."""
    for name, (title, body) in PAGES.items():
        (tmp_path / name).write_text(_page(title, body), encoding="utf-8")
    handler = partial(_QuietHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    base = f"http://127.0.0.1:{server.server_port}"
    (tmp_path / "feed.xml").write_text(_feed(base, list(PAGES)), encoding="utf-8")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield base
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def test_feed_entries_carry_link_title_date_and_outlet(site: str) -> None:
    entries = read_feed(f"{site}/feed.xml")
    assert isinstance(entries, list) and len(entries) == 2
    assert {e.url for e in entries} == {f"{site}/baku.html", f"{site}/kyiv.html"}
    assert {(e.outlet, str(e.published)) for e in entries} == {("Loopback Wire", "2023-04-07")}


def test_fetched_article_keeps_its_url_and_main_text(site: str) -> None:
    articles = list(feed_articles([f"{site}/feed.xml"], seen={f"{site}/kyiv.html"}))
    [article] = articles
    assert isinstance(article, Article)
    assert article.url == f"{site}/baku.html" and "Home | World" not in article.text
    assert article.text.startswith("Azerbaijan expelled")


def test_watch_once_ingests_new_articles_and_then_nothing(site: str, tmp_path: Path) -> None:
    db = str(tmp_path / "watch.duckdb")
    first = CliRunner().invoke(cli, ["watch", f"{site}/feed.xml", "--db", db, "--once"])
    assert first.exit_code == 0, first.output
    assert "2 new article(s)" in first.output
    second = CliRunner().invoke(cli, ["watch", f"{site}/feed.xml", "--db", db, "--once"])
    assert second.exit_code == 0 and "0 new article(s)" in second.output
    store = Store.open(db, create=False)
    assert store.counts()["articles"] == 2 and store.counts()["events"] > 0
    urls = {r[0] for r in store.query("SELECT url FROM articles")}
    assert urls == {f"{site}/baku.html", f"{site}/kyiv.html"}


def test_a_missing_page_is_skipped_and_reported(site: str, tmp_path: Path) -> None:
    (Path(tmp_path) / "feed.xml").write_text(
        _feed(site, ["baku.html"]).replace("baku.html", "gone.html"), encoding="utf-8"
    )
    result = CliRunner().invoke(
        cli, ["watch", f"{site}/feed.xml", "--db", str(tmp_path / "w.duckdb"), "--once"]
    )
    assert result.exit_code == 1 and "1 skipped" in result.output


@pytest.mark.parametrize(("text", "seconds"), [("90", 90), ("15m", 900), ("1h", 3600)])
def test_interval_reads_seconds_minutes_hours(text: str, seconds: int) -> None:
    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["5", "soon", "-3m"])
def test_bad_interval_is_an_input_error(text: str) -> None:
    with pytest.raises(InputError, match="--interval"):
        parse_interval(text)

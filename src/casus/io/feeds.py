"""News feeds: read RSS/Atom feeds (feedparser), fetch the articles they link to (urllib) and
extract their main text (trafilatura, as for HTML files).

    for item in feed_articles(["https://example.org/rss"], seen=stored_urls):
        ...  # Article, or Skipped with the URL and the reason

Nothing here knows the store: the caller says which URLs it has already (``seen``), so a
second poll fetches only new links.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
import urllib.error
import urllib.request
from collections.abc import Container, Iterable, Iterator
from dataclasses import dataclass, replace
from email.message import Message
from typing import Any

from casus.io.readers import Item, Skipped, _read_html
from casus.model import Article

log = logging.getLogger("casus")

USER_AGENT = "casus-watch (+https://github.com/casus-events; political event coding)"
TIMEOUT = 20.0  # seconds per request
MAX_PAGE_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One link of a feed: the article URL, its title and date as the feed gives them, and
    the feed's own title (the outlet)."""

    url: str
    title: str | None
    published: dt.date | None
    outlet: str | None


def fetch(url: str, *, timeout: float = TIMEOUT) -> tuple[bytes, str | None]:
    """The body of ``url`` and its declared charset; :class:`OSError` (urllib's errors) when
    it cannot be fetched."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
        body: bytes = response.read(MAX_PAGE_BYTES + 1)
        headers: Message = response.headers
    if len(body) > MAX_PAGE_BYTES:
        raise OSError(f"larger than {MAX_PAGE_BYTES // 1_000_000} MB")
    return body, headers.get_content_charset()


def read_feed(url: str, *, timeout: float = TIMEOUT) -> list[FeedEntry] | Skipped:
    """The entries of an RSS or Atom feed, or why it could not be read."""
    import feedparser

    try:
        body, _ = fetch(url, timeout=timeout)
    except (OSError, ValueError) as e:
        return Skipped(url, f"cannot fetch the feed: {_reason(e)}")
    parsed = feedparser.parse(body)
    if parsed.bozo and not parsed.entries:
        return Skipped(url, f"not an RSS or Atom feed ({parsed.get('bozo_exception')})")
    outlet = parsed.feed.get("title") or None
    entries = []
    for entry in parsed.entries:
        link = entry.get("link")
        if link:
            entries.append(FeedEntry(link, entry.get("title"), _entry_date(entry), outlet))
    return entries


def _entry_date(entry: Any) -> dt.date | None:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    if not stamp:
        return None
    return dt.date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday)


def fetch_article(entry: FeedEntry, *, timeout: float = TIMEOUT) -> Item:
    """The article behind a feed entry (main text extracted), or why there is none. The URL,
    and the feed's title and date where the page has none, are kept."""
    try:
        body, charset = fetch(entry.url, timeout=timeout)
    except (OSError, ValueError) as e:
        return Skipped(entry.url, f"cannot fetch: {_reason(e)}")
    html = _decode(body, charset)
    found = next(iter(_read_html(html, entry.url, entry.published, entry.outlet)), None)
    if found is None or isinstance(found, Skipped):
        return found or Skipped(entry.url, "no main text found in the page")
    return replace(
        found,
        url=entry.url,
        title=found.title or entry.title,
        outlet=entry.outlet or found.outlet,
        published=found.published or entry.published,
    )


def _decode(body: bytes, charset: str | None) -> str:
    """The page as text: its declared charset, else UTF-8, else the best guess."""
    for encoding in (charset, "utf-8"):
        if encoding:
            try:
                return body.decode(encoding)
            except (UnicodeDecodeError, LookupError):
                continue
    from charset_normalizer import from_bytes

    best = from_bytes(body).best()
    return str(best) if best is not None else body.decode("utf-8", errors="replace")


def _reason(error: Exception) -> str:
    if isinstance(error, urllib.error.HTTPError):
        return f"HTTP {error.code} {error.reason}"
    if isinstance(error, urllib.error.URLError):
        return str(error.reason)
    return str(error)


def feed_articles(
    feeds: Iterable[str], *, seen: Container[str] = (), timeout: float = TIMEOUT
) -> Iterator[Item]:
    """The new articles of the feeds (links not in ``seen``, each fetched once per call), and
    a :class:`Skipped` for each feed or page that could not be read."""
    fetched: set[str] = set()
    for feed in feeds:
        entries = read_feed(feed, timeout=timeout)
        if isinstance(entries, Skipped):
            yield entries
            continue
        for entry in entries:
            if entry.url in seen or entry.url in fetched:
                continue
            fetched.add(entry.url)
            yield fetch_article(entry, timeout=timeout)


def sleep_until(deadline: float) -> None:
    """Sleep until ``deadline`` (a :func:`time.monotonic` value)."""
    while (left := deadline - time.monotonic()) > 0:
        time.sleep(min(left, 1.0))


def articles_only(items: Iterable[Item], skipped: list[Skipped]) -> Iterator[Article]:
    """The articles of ``items``; the :class:`Skipped` ones are logged and collected."""
    for item in items:
        if isinstance(item, Skipped):
            log.warning("skipped %s", item)
            skipped.append(item)
        else:
            yield item

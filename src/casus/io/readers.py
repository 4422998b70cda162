"""Readers: plain text, HTML (main text via trafilatura), JSON lines, directories and stdin.

Every problem becomes a :class:`Skipped` record naming the file (and line) and what to do;
the other documents are still read.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from casus.errors import InputError
from casus.model import Article, parse_iso_date

TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
MAX_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that could not be read: where, and why."""

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


Item = Article | Skipped


def read_inputs(
    paths: list[str], *, published: dt.date | None = None, outlet: str | None = None
) -> Iterator[Item]:
    """Articles (or Skipped records) from files, directories and ``-`` (stdin), in order."""
    for raw in paths:
        if raw == "-":
            yield from _read_stdin(published, outlet)
            continue
        path = Path(raw)
        if not path.exists():
            yield Skipped(raw, "no such file or directory")
        elif path.is_dir():
            yield from _read_dir(path, published, outlet)
        else:
            yield from read_file(path, published=published, outlet=outlet)


def _read_dir(path: Path, published: dt.date | None, outlet: str | None) -> Iterator[Item]:
    files = sorted(
        p
        for p in path.rglob("*")
        if p.is_file()
        and p.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
        and not any(part.startswith(".") for part in p.relative_to(path).parts)
    )
    if not files:
        yield Skipped(str(path), "directory has no .txt, .html or .jsonl files")
        return
    for file in files:
        yield from read_file(file, published=published, outlet=outlet)


def _read_stdin(published: dt.date | None, outlet: str | None) -> Iterator[Item]:
    data = sys.stdin.buffer.read()
    text_or_skip = _decode(data, "-")
    if isinstance(text_or_skip, Skipped):
        yield text_or_skip
        return
    if text_or_skip.lstrip().startswith("{"):
        yield from _read_jsonl(text_or_skip, "-", published, outlet)
    else:
        yield from _text_article(text_or_skip, "-", published, outlet)


def read_file(
    path: Path,
    *,
    published: dt.date | None = None,
    outlet: str | None = None,
) -> Iterator[Item]:
    """Articles of one file, chosen by suffix (unknown suffixes are read as text)."""
    origin = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            yield Skipped(
                origin,
                f"file is {size // 1_000_000} MB; casus reads files up to "
                f"{MAX_BYTES // 1_000_000} MB (split it)",
            )
            return
        data = path.read_bytes()
    except OSError as e:
        yield Skipped(origin, f"cannot read: {e.strerror}")
        return
    decoded = _decode(data, origin)
    if isinstance(decoded, Skipped):
        yield decoded
        return
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(decoded, origin, published, outlet)
    elif suffix in HTML_SUFFIXES:
        yield from _read_html(decoded, origin, published, outlet)
    else:
        yield from _text_article(decoded, origin, published, outlet)


def _decode(data: bytes, origin: str) -> str | Skipped:
    if not data.strip():
        return Skipped(origin, "empty file: nothing to code")
    if b"\x00" in data[:8192]:
        return Skipped(origin, "binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        return Skipped(origin, f"invalid UTF-8 at byte {e.start}; re-save the file as UTF-8")


def _text_article(
    text: str,
    origin: str,
    published: dt.date | None,
    outlet: str | None,
) -> Iterator[Item]:
    if not text.strip():
        yield Skipped(origin, "empty file: nothing to code")
        return
    yield Article(text=text, published=published, outlet=outlet, origin=origin)


def _read_html(
    html: str,
    origin: str,
    published: dt.date | None,
    outlet: str | None,
) -> Iterator[Item]:
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html, include_comments=False, include_tables=False, with_metadata=True
        )
    except Exception as e:  # trafilatura raises lxml and its own errors; translate here
        yield Skipped(origin, f"cannot parse HTML: {e}")
        return
    if doc is None:
        yield Skipped(origin, "no main text found in the HTML page")
        return
    data: dict[str, Any] = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = data.get("text") or ""
    title = data.get("title") or ""
    if title and text.startswith(title):
        # the page's headline repeated above the body would run into the first sentence
        text = text[len(title) :].lstrip("\n")
    if not text.strip():
        yield Skipped(origin, "no main text found in the HTML page")
        return
    page_date = None
    if data.get("date"):
        try:
            page_date = parse_iso_date(data["date"])
        except InputError:
            page_date = None
    yield Article(
        text=text,
        title=data.get("title"),
        url=data.get("url"),
        outlet=data.get("sitename") or outlet,
        published=page_date or published,
        origin=origin,
    )


def _read_jsonl(
    text: str,
    origin: str,
    published: dt.date | None,
    outlet: str | None,
) -> Iterator[Item]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            data = json.loads(line)
        except json.JSONDecodeError as e:
            yield Skipped(where, f"malformed JSON ({e.msg} at column {e.colno})")
            continue
        if not isinstance(data, dict):
            yield Skipped(where, "a JSON line must be an object with a 'text' key")
            continue
        if not isinstance(data.get("text"), str) or not data["text"].strip():
            yield Skipped(where, "no 'text' (each line needs a non-empty \"text\" string)")
            continue
        try:
            article = Article.from_dict({**data, "origin": where})
        except InputError as e:
            yield Skipped(where, f"{e}; use YYYY-MM-DD")
            continue
        if article.published is None and published is not None:
            article = Article(
                article.text,
                article.id,
                article.title,
                article.url,
                article.outlet,
                published,
                where,
            )
        if article.outlet is None and outlet is not None:
            article = Article(
                article.text,
                article.id,
                article.title,
                article.url,
                outlet,
                article.published,
                where,
            )
        yield article

"""Readers: plain text, HTML (main text via trafilatura), JSON lines, directories and stdin.

Every problem becomes a :class:`Skipped` record naming the file (and line) and what to do;
the other documents are still read.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import stat
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from casus.errors import InputError
from casus.failures import Failure
from casus.model import Article, parse_iso_date

TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
MAX_BYTES = 64 * 1024 * 1024  # per file, and from stdin
_SPLIT = "split it into smaller files"
PREFERRED_ENCODINGS = (  # charset_normalizer's names
    "utf_8",
    "utf_16",
    "utf_16_le",
    "utf_16_be",
    "utf_32",
    "cp1252",
    "cp1250",
    "cp1251",
    "cp1256",
    "cp1253",
    "cp1254",
    "cp1255",
    "cp1257",
    "iso8859_6",
    "koi8_r",
    "gb18030",
    "big5",
    "shift_jis",
    "euc_kr",
)
_BOMS = (  # UTF-32 first: its little-endian mark begins with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


# An input that could not be read is a :class:`~casus.failures.Failure` (one record for
# every failure casus reports); ``Skipped`` is its name here.
Skipped = Failure

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
    data = sys.stdin.buffer.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        yield Skipped("-", f"stdin gives more than {_mb(MAX_BYTES)} MB; {_SPLIT}")
        return
    decoded = _decode(data, "-", lines=True)
    if isinstance(decoded, Skipped):
        yield decoded
        return
    text, encoding = decoded
    if text.lstrip().startswith("{"):
        yield from _read_jsonl(text, "-", published, outlet, encoding)
    else:
        yield from _text_article(text, "-", published, outlet, encoding)


def read_file(
    path: Path,
    *,
    published: dt.date | None = None,
    outlet: str | None = None,
) -> Iterator[Item]:
    """Articles of one file, chosen by suffix (unknown suffixes are read as text).

    Only regular files are read (a FIFO or a device such as ``/dev/zero`` is refused), and at
    most :data:`MAX_BYTES` of them, whatever size the file system reports."""
    origin = str(path)
    data = _read_bytes(path, origin)
    if isinstance(data, Skipped):
        yield data
        return
    suffix = path.suffix.lower()
    decoded = _decode(data, origin, lines=suffix in JSONL_SUFFIXES)
    if isinstance(decoded, Skipped):
        yield decoded
        return
    text, encoding = decoded
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(text, origin, published, outlet, encoding)
    elif suffix in HTML_SUFFIXES:
        yield from _read_html(text, origin, published, outlet, encoding)
    else:
        yield from _text_article(text, origin, published, outlet, encoding)


def _read_bytes(path: Path, origin: str) -> bytes | Skipped:
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            return Skipped(
                origin,
                f"not a regular file (a {_kind(info.st_mode)}); give files, directories, "
                "or - to read stdin",
            )
        if info.st_size > MAX_BYTES:
            return Skipped(
                origin,
                f"file is {info.st_size // 1_000_000} MB; casus reads files up to "
                f"{_mb(MAX_BYTES)} MB ({_SPLIT})",
            )
        with path.open("rb") as handle:  # files that report size 0 (/proc) are capped too
            data = handle.read(MAX_BYTES + 1)
    except OSError as e:
        return Skipped(origin, f"cannot read: {e.strerror or e}")
    if len(data) > MAX_BYTES:
        return Skipped(origin, f"file gives more than {_mb(MAX_BYTES)} MB; {_SPLIT}")
    return data


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "special file"


def _mb(n: int) -> int:
    return n // 1_000_000


def _decode(data: bytes, origin: str, *, lines: bool = False) -> tuple[str, str] | Skipped:
    """The text of ``data`` and its encoding: a byte-order mark, else UTF-8, else the
    encoding :mod:`charset_normalizer` detects (UTF-16, cp1252, cp1256, ...). With ``lines``
    (JSON lines) a NUL byte is left for the line that holds it to report."""
    if not data.strip():
        return Skipped(origin, "empty file: nothing to code")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding.removesuffix("-sig")
            except UnicodeDecodeError as e:
                return Skipped(origin, f"invalid {encoding} at byte {e.start}; re-save as UTF-8")
    head = data[:8192]
    nul = b"\x00" in head
    # a NUL in one JSON line is that line's problem; NULs everywhere mean UTF-16 or binary
    if not nul or (lines and head.count(0) * 10 < len(head)):
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError as e:
            first_error = e.start
    else:
        first_error = data.index(b"\x00")
    guess = _detect(data)
    if guess is not None and (not nul or guess[1].startswith("utf_16")):
        return guess
    if nul:
        return Skipped(origin, "binary file (contains NUL bytes), not text")
    return Skipped(
        origin,
        f"invalid UTF-8 at byte {first_error} and no other text encoding fits; "
        "re-save the file as UTF-8",
    )


def _detect(data: bytes) -> tuple[str, str] | None:
    """The text and encoding :mod:`charset_normalizer` finds; among equally clean candidates
    the Windows code pages news sites use win (its first pick for a short Latin-1 text can be
    a DOS code page that turns "Bakü" into "Bak³")."""
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        return None
    cleanest = min(m.chaos for m in matches)
    candidates = [m for m in matches if m.chaos <= cleanest + 0.01]
    rank = {name: i for i, name in enumerate(PREFERRED_ENCODINGS)}
    best = min(candidates, key=lambda m: rank.get(m.encoding, len(rank)))
    text = str(best)
    if best.encoding.startswith("cp125") and _decodes_as(data, "cp1252", text):
        return text, "cp1252"
    return text, best.encoding


def _decodes_as(data: bytes, encoding: str, text: str) -> bool:
    try:
        return data.decode(encoding) == text
    except UnicodeDecodeError:
        return False


def _text_article(
    text: str,
    origin: str,
    published: dt.date | None,
    outlet: str | None,
    encoding: str | None = None,
) -> Iterator[Item]:
    if not text.strip():
        yield Skipped(origin, "empty file: nothing to code")
        return
    yield Article(
        text=text,
        published=published,
        outlet=outlet,
        origin=origin,
        encoding=_unusual(encoding),
    )


def _unusual(encoding: str | None) -> str | None:
    """The encoding worth recording: anything but plain UTF-8."""
    return None if encoding in (None, "utf-8", "ascii") else encoding


def _read_html(
    html: str,
    origin: str,
    published: dt.date | None,
    outlet: str | None,
    encoding: str | None = None,
) -> Iterator[Item]:
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html, include_comments=False, include_tables=False, with_metadata=True
        )
    except Exception as e:  # trafilatura raises lxml and its own errors; translate here
        yield Skipped(origin, f"cannot parse HTML: {type(e).__name__}")
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
            page_date = None  # a page date out of range or unreadable: use --published
    yield Article(
        text=text,
        title=data.get("title"),
        url=data.get("url"),
        outlet=data.get("sitename") or outlet,
        published=page_date or published,
        origin=origin,
        encoding=_unusual(encoding),
    )


def _read_jsonl(
    text: str,
    origin: str,
    published: dt.date | None,
    outlet: str | None,
    encoding: str | None = None,
) -> Iterator[Item]:
    # split on newlines only: str.splitlines() would also cut at U+2028 or \x1c inside a string
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        item = _json_article(line, where)
        if isinstance(item, Article):
            item = replace(
                item,
                published=item.published or published,
                outlet=item.outlet if item.outlet is not None else outlet,
                encoding=_unusual(encoding),
            )
        yield item


def _json_article(line: str, where: str) -> Item:
    """One JSON line as an article, or why not: every decoding failure is this line's alone."""
    if "\x00" in line:
        return Skipped(where, "line contains NUL bytes (binary data), not JSON")
    try:
        data = json.loads(line)
    except json.JSONDecodeError as e:
        return Skipped(where, f"malformed JSON ({e.msg} at column {e.colno})")
    except RecursionError:
        return Skipped(where, "JSON nested too deeply")
    except ValueError as e:  # a number of more than 4300 digits
        return Skipped(where, f"cannot decode JSON ({e})")
    if not isinstance(data, dict):
        return Skipped(where, "a JSON line must be an object with a 'text' key")
    if not isinstance(data.get("text"), str) or not data["text"].strip():
        return Skipped(where, "no 'text' (each line needs a non-empty \"text\" string)")
    try:
        return Article.from_dict({**data, "origin": where})
    except InputError as e:
        return Skipped(where, str(e))
    except (RecursionError, ValueError) as e:  # a field too deep or too long to turn into text
        return Skipped(where, f"unreadable field ({type(e).__name__})")

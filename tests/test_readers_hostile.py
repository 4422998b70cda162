"""Hostile bytes at the readers (issue 13): every problem is one Skipped record naming the file
(and line); nothing raises, nothing blocks, nothing reads without bound."""

from __future__ import annotations

import io
import json
import os
import sys
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casus.io import readers
from casus.io.readers import Skipped, read_file, read_inputs
from casus.model import Article

GOOD = {"id": "good", "text": "Azerbaijan expelled four Iranian diplomats on Friday."}
ARTICLE = "Baku expelled four Iranian diplomats on Friday, the ministry said.\n"
FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _jsonl(tmp_path: Path, *lines: str | bytes) -> Path:
    path = tmp_path / "in.jsonl"
    good = json.dumps(GOOD).encode()
    body = [good] + [x.encode() if isinstance(x, str) else x for x in lines] + [good]
    path.write_bytes(b"\n".join(body) + b"\n")
    return path


def _items(path: Path | str) -> tuple[list[Article], list[Skipped]]:
    items = list(read_inputs([str(path)]))
    return (
        [i for i in items if isinstance(i, Article)],
        [i for i in items if isinstance(i, Skipped)],
    )


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ('{"text": "x", "n": ' + "9" * 5000 + "}", "cannot decode JSON"),
        (b'{"text": "Iran \x00 protested."}', "NUL bytes"),
        ('{"text": "Iran protested.", "published": "2023-04-09garbage"}', "not a date"),
        ('{"text": "Iran protested.", "published": "0001-01-01"}', "out of range"),
        ('{"text": "Iran protested.", "published": "9999-12-31"}', "out of range"),
    ],
)
def test_bad_json_line_is_skipped_alone_naming_file_and_line(
    tmp_path: Path, line: str | bytes, reason: str
) -> None:
    path = _jsonl(tmp_path, line)
    articles, skipped = _items(path)
    assert [a.id for a in articles] == ["good", "good"]
    assert len(skipped) == 1 and skipped[0].origin == f"{path}:2" and reason in skipped[0].reason


@pytest.mark.parametrize("field", ["text", "title", "outlet", "id"])
def test_lone_surrogate_in_json_is_replaced_not_fatal(tmp_path: Path, field: str) -> None:
    record = {**GOOD, field: GOOD.get(field, "x") + "\ud800"}
    path = _jsonl(tmp_path, json.dumps(record))
    articles, skipped = _items(path)
    assert len(articles) == 3 and not skipped
    value = getattr(articles[1], field)
    assert value.endswith("\ufffd") and value.encode("utf-8")


def test_control_and_bidi_characters_stay_in_the_text(tmp_path: Path) -> None:
    text = "Iran \x1b[2J protested \u202e loudly.\u2028Baku replied."
    path = _jsonl(tmp_path, json.dumps({"text": text}, ensure_ascii=False))
    articles, _ = _items(path)
    assert articles[1].text == text  # U+2028 inside a string does not end the line


@pytest.mark.parametrize(
    ("encoding", "data"),
    [
        ("utf-16", ARTICLE.replace("Baku", "Bakü").encode("utf-16")),
        ("utf_16_le", ARTICLE.replace("Baku", "Bakü").encode("utf-16-le")),
        ("cp1252", "Bakü’s “envoy” expelled four Iranian diplomats.".encode("cp1252")),
        ("cp1256", "طهران تطرد أربعة دبلوماسيين أذربيجانيين يوم الجمعة.".encode("cp1256")),
        ("cp1251", "Москва выслала четырех дипломатов в пятницу.".encode("cp1251")),
    ],
)
def test_non_utf8_text_is_decoded_and_its_encoding_recorded(
    tmp_path: Path, encoding: str, data: bytes
) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    articles, skipped = _items(path)
    assert not skipped and articles[0].encoding == encoding
    assert articles[0].text.strip() == data.decode(encoding).lstrip("\ufeff").strip()


def test_utf8_article_records_no_encoding(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    assert _items(path)[0][0].encoding is None


def test_utf16_html_page_is_read(tmp_path: Path) -> None:
    page = f"<html><body><article><p>{ARTICLE * 3}</p></article></body></html>"
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("utf-16"))
    articles, skipped = _items(path)
    assert not skipped and "expelled" in articles[0].text and articles[0].encoding == "utf-16"


def _finishes(func: object, seconds: float = 10.0) -> list[object]:
    out: list[object] = []
    thread = threading.Thread(target=lambda: out.extend(func()), daemon=True)  # type: ignore[operator]
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "the reader blocked"
    return out


def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    items = _finishes(lambda: list(read_inputs([str(fifo)])))
    assert isinstance(items[0], Skipped) and "not a regular file (a FIFO)" in items[0].reason


def test_device_is_refused() -> None:
    items = _finishes(lambda: list(read_inputs(["/dev/zero"])))
    assert isinstance(items[0], Skipped) and "(a device)" in items[0].reason


def test_file_reporting_size_zero_is_read_with_a_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readers, "MAX_BYTES", 64)
    proc = Path("/proc/self/maps")  # a regular file whose size reads as 0
    assert proc.stat().st_size == 0
    items = list(read_file(proc))
    assert isinstance(items[0], Skipped) and "more than" in items[0].reason


def test_stdin_is_read_with_a_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readers, "MAX_BYTES", 1000)
    stdin = io.TextIOWrapper(io.BytesIO(ARTICLE.encode() * 100))
    monkeypatch.setattr(sys, "stdin", stdin)
    items = list(read_inputs(["-"]))
    assert len(items) == 1 and isinstance(items[0], Skipped) and items[0].origin == "-"


def test_binary_file_is_still_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(bytes(range(256)) * 40)
    _, skipped = _items(path)
    assert "binary file" in skipped[0].reason


# ---- properties: any bytes, any suffix: Articles or Skipped, never an exception ------------
@FAST
@given(data=st.binary(max_size=2000), suffix=st.sampled_from([".txt", ".jsonl", ".html"]))
def test_any_bytes_give_articles_or_skips(
    tmp_path_factory: pytest.TempPathFactory, data: bytes, suffix: str
) -> None:
    path = tmp_path_factory.mktemp("fuzz") / f"in{suffix}"
    path.write_bytes(data)
    for item in read_file(path):
        assert isinstance(item, Skipped) or (
            isinstance(item, Article) and item.text.strip() and item.text.encode("utf-8")
        )


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
_FIELDS = st.fixed_dictionaries(
    {},
    optional={
        k: _JSON | st.text()
        for k in ("text", "id", "title", "url", "outlet", "published", "origin")
    },
)


@FAST
@given(records=st.lists(_FIELDS | _JSON, min_size=1, max_size=6))
def test_any_json_lines_give_articles_or_skips_per_line(
    tmp_path_factory: pytest.TempPathFactory, records: list[object]
) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "in.jsonl"
    lines = [json.dumps(r) for r in records]
    path.write_text("\n".join(lines), encoding="utf-8")
    items = list(read_file(path))
    assert len(items) == sum(1 for line in lines if line.strip())
    assert all(isinstance(i, Article | Skipped) for i in items)


@FAST
@given(
    html=st.text(alphabet=st.sampled_from(list("<>/=\"' abcdiv\np&;#x\x00\ud800")), max_size=400)
)
def test_any_html_gives_an_article_or_a_skip(
    tmp_path_factory: pytest.TempPathFactory, html: str
) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "in.html"
    path.write_bytes(html.encode("utf-8", "surrogatepass"))
    items = list(read_file(path))
    assert len(items) == 1 and isinstance(items[0], Article | Skipped)


def test_jsonl_in_cp1252_is_decoded_per_line(tmp_path: Path) -> None:
    lines = [json.dumps({"text": f"Bakü’s envoy {i} left."}, ensure_ascii=False) for i in (1, 2)]
    path = tmp_path / "in.jsonl"
    path.write_bytes("\n".join(lines).encode("cp1252"))
    articles, skipped = _items(path)
    assert not skipped and [a.encoding for a in articles] == ["cp1252", "cp1252"]
    assert articles[0].text == "Bakü’s envoy 1 left."


def test_jsonl_in_utf16_without_a_byte_order_mark_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes((json.dumps(GOOD) + "\n" + json.dumps(GOOD) + "\n").encode("utf-16-le"))
    articles, skipped = _items(path)
    assert not skipped and len(articles) == 2 and articles[0].encoding == "utf_16_le"

"""Bad input: one clear line naming the file (and line), the rest still coded, exit 1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from casus.coder import split_text
from casus.io.readers import Skipped, read_inputs
from casus.model import Article
from conftest import run_cli

GOOD = "Azerbaijan expelled four Iranian diplomats on Friday.\n"


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"   \n\n", "empty file"),
        ("binary.txt", b"\x00\x01\x02PK\x03\x04", "binary file"),
    ],
)
def test_unreadable_text_file_is_skipped_with_reason(
    tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    path = _write(tmp_path, name, data)
    items = list(read_inputs([str(path)]))
    assert len(items) == 1 and isinstance(items[0], Skipped)
    assert items[0].origin == str(path) and message in items[0].reason


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "malformed JSON"),
        ('{"title": "no text here"}', "no 'text'"),
        ('{"text": "Iran protested.", "published": "last Tuesday"}', "not a date"),
        ('["a", "list"]', "must be an object"),
    ],
)
def test_bad_json_line_names_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    good = json.dumps({"id": "a1", "text": GOOD})
    path = _write(tmp_path, "in.jsonl", f"{good}\n{line}\n{good}\n".encode())
    items = list(read_inputs([str(path)]))
    skipped = [i for i in items if isinstance(i, Skipped)]
    assert [i for i in items if isinstance(i, Article)].__len__() == 2
    assert skipped[0].origin == f"{path}:2" and message in skipped[0].reason


def test_missing_path_is_reported(tmp_path: Path) -> None:
    items = list(read_inputs([str(tmp_path / "nope.txt")]))
    assert isinstance(items[0], Skipped) and "no such file" in items[0].reason


def test_directory_without_usable_files_is_reported(tmp_path: Path) -> None:
    (tmp_path / "data.bin").write_bytes(b"\x00")
    items = list(read_inputs([str(tmp_path)]))
    assert isinstance(items[0], Skipped) and "no .txt, .html or .jsonl" in items[0].reason


def test_jsonl_keeps_given_id_and_metadata(tmp_path: Path) -> None:
    row = {
        "id": "x-1",
        "text": GOOD,
        "outlet": "Caspian Wire",
        "published": "2023-04-09",
        "title": "T",
        "url": "https://example.org/a",
    }
    path = _write(tmp_path, "one.jsonl", (json.dumps(row) + "\n").encode())
    article = next(iter(read_inputs([str(path)])))
    assert isinstance(article, Article)
    assert (article.id, article.outlet, str(article.published)) == (
        "x-1",
        "Caspian Wire",
        "2023-04-09",
    )


def test_html_main_text_is_extracted_without_menus(tmp_path: Path) -> None:
    html = (
        "<html><head><title>Envoys expelled</title></head><body><nav><a>Home</a>"
        "<a>Sports</a></nav><article><p>Azerbaijan expelled four Iranian diplomats on "
        "Friday, the foreign ministry in Baku said in a statement.</p><p>Iran's foreign "
        "ministry condemned the decision and summoned the Azerbaijani ambassador.</p>"
        "</article><footer>Copyright</footer></body></html>"
    )
    path = _write(tmp_path, "page.html", html.encode())
    article = next(iter(read_inputs([str(path)])))
    assert isinstance(article, Article)
    assert "expelled four Iranian diplomats" in article.text and "Sports" not in article.text


def test_text_file_id_is_a_content_hash(tmp_path: Path) -> None:
    a = _write(tmp_path, "a.txt", GOOD.encode())
    b = _write(tmp_path, "b.txt", GOOD.encode())
    first, second = list(read_inputs([str(a), str(b)]))
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.id == second.id and len(first.id) == 16


def test_ten_megabyte_text_is_split_into_bounded_chunks() -> None:
    paragraph = "Iran and Azerbaijan held talks in Baku on Monday. " * 40 + "\n"
    text = paragraph * (10_000_000 // len(paragraph) + 1)
    chunks = list(split_text(text, 1_000_000))
    assert all(len(c) <= 1_000_000 for _, c in chunks)
    assert "".join(c for _, c in chunks) == text and chunks[1][0] == len(chunks[0][1])


def test_cli_reports_each_bad_input_and_exits_1(tmp_path: Path) -> None:
    good = _write(tmp_path, "good.txt", GOOD.encode())
    bad = _write(tmp_path, "bad.jsonl", b'{"text": "x"\n')
    empty = _write(tmp_path, "empty.txt", b"")
    result = run_cli(
        "code",
        str(good),
        str(bad),
        str(empty),
        str(tmp_path / "missing.txt"),
        "--published",
        "2023-04-09",
    )
    err = result.stderr.decode()
    assert result.returncode == 1
    assert f"{bad}:1: malformed JSON" in err and f"{empty}: empty file" in err
    assert "missing.txt: no such file" in err and "Traceback" not in err
    events = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert any(e["cameo_root"] == "16" for e in events)


def test_cli_all_good_inputs_exit_0(tmp_path: Path) -> None:
    good = _write(tmp_path, "good.txt", GOOD.encode())
    result = run_cli("code", str(good), "--published", "2023-04-09")
    assert result.returncode == 0 and result.stderr.decode() == ""


def test_cli_bad_published_option_is_one_line_error(tmp_path: Path) -> None:
    good = _write(tmp_path, "good.txt", GOOD.encode())
    result = run_cli("code", str(good), "--published", "09/04/2023")
    assert result.returncode == 2 and "not a date" in result.stderr.decode()
    assert "Traceback" not in result.stderr.decode()


def test_cli_reads_stdin(tmp_path: Path) -> None:
    result = run_cli("code", "-", "--published", "2023-04-09", stdin=GOOD.encode())
    assert result.returncode == 0 and '"cameo_root": "16"' in result.stdout.decode()


def test_missing_model_is_a_one_line_error_with_install_hint() -> None:
    result = run_cli("--model", "en_core_web_nonexistent", "code", "-", stdin=GOOD.encode())
    err = result.stderr.decode().strip()
    assert result.returncode == 2 and len(err.splitlines()) == 1 and "install" in err


def test_long_document_is_coded_in_chunks(tmp_path: Path) -> None:
    import casus

    coder = casus.load(casus.Config(max_chars=2000))
    text = (
        "Azerbaijan expelled four Iranian diplomats on Friday.\n"
        + "Officials met for routine consultations about the weather.\n" * 60
        + "Iran condemned Azerbaijan on Saturday.\n"
    )
    events = coder.code(text, published="2023-04-09")
    roots = {e.cameo_root for e in events}
    assert {"16", "11"} <= roots
    assert max(e.evidence_end for e in events) <= len(text)
    assert text[events[-1].evidence_start : events[-1].evidence_end].startswith("Iran condemned")


def test_one_failing_document_does_not_stop_the_batch() -> None:
    import casus
    from casus.model import Article as Art

    coder = casus.load()
    events_stage = coder.pipeline.stages[1]

    class Exploding:
        name, requires, assigns = events_stage.name, events_stage.requires, events_stage.assigns

        def __call__(self, document):  # type: ignore[no-untyped-def]
            if "BOOM" in document.text:
                raise RuntimeError("simulated failure")
            return events_stage(document)

    coder.pipeline.stages[1] = Exploding()
    try:
        articles = [Art(text=t, published=None) for t in (GOOD, "BOOM. " + GOOD, GOOD + " ")]
        results = list(coder.pipe_results(articles))
    finally:
        coder.pipeline.stages[1] = events_stage
    assert [r.error is None for r in results] == [True, False, True]
    assert "simulated failure" in (results[1].error or "")
    failure = results[1].failure
    assert failure is not None and failure.stage == events_stage.name
    assert str(failure).endswith(f": {results[1].error}")
    assert results[0].events and results[2].events

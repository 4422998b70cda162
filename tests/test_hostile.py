"""Hostile input never takes down a run (issue 13): isolation in the pipeline, dates at the
edges, exit statuses, output-file errors, escaped terminal output, store edges."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casus.cli.common import EXIT_ERROR, EXIT_INTERNAL, EXIT_SKIPPED, terminal_safe
from casus.cli.main import cli
from casus.cli.store import parse_window
from casus.coder import Coder, Result
from casus.document import Document
from casus.errors import InputError, StoreError
from casus.model import Article, parse_iso_date
from casus.sanitize import escape_terminal
from casus.store import Store, ingest
from conftest import build_event, put_events

GOOD = [
    "Azerbaijan expelled four Iranian diplomats on Friday.",
    "Russia condemned the missile strike on Kyiv on Tuesday.",
    "Turkey and Azerbaijan signed a defence agreement in Baku on Monday.",
]
PUB = dt.date(2023, 4, 9)


def _triples(result: Result) -> list[tuple[str | None, str | None, str]]:
    return [
        (e.source.code if e.source else None, e.target.code if e.target else None, e.cameo)
        for e in result.events
    ]


# ---- the pipeline: one bad document is skipped, its batch is re-run without it ---------------
def test_document_the_tokenizer_rejects_is_skipped_and_its_batch_coded(coder: Coder) -> None:
    docs = [Document(article=Article(text=t), text=t, published=PUB) for t in GOOD * 2]
    docs[2].text = "Iran \ud800 expelled diplomats."  # only a Document can still hold one
    out = list(coder.pipeline.pipe(docs, batch_size=6))
    assert [d.failure is None for d in out] == [True, True, False, True, True, True]
    failure = out[2].failure
    assert failure is not None and failure.stage == "parse"
    assert "UnicodeEncodeError" in failure.reason
    assert all(d.events for i, d in enumerate(out) if i != 2)


def test_stage_failure_is_one_documents_error(
    coder: Coder, monkeypatch: pytest.MonkeyPatch
) -> None:
    stage = coder.pipeline.stages[-1]
    original = type(stage).__call__

    def brittle(self: object, document: Document) -> Document:
        if "Russia" in document.text:
            raise RuntimeError("boom")
        return original(self, document)  # type: ignore[arg-type]

    monkeypatch.setattr(type(stage), "__call__", brittle)
    results = list(coder.pipe_results([Article(text=t, published=PUB) for t in GOOD]))
    assert [r.error is not None for r in results] == [False, True, False]
    assert "RuntimeError: boom" in (results[1].error or "")


def test_article_over_the_size_cap_is_skipped_with_a_reason(
    coder: Coder, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("casus.coder.MAX_ARTICLE_CHARS", 5000)
    articles = [Article(text=GOOD[0]), Article(text="Iran protested. " * 400), Article(GOOD[1])]
    results = list(coder.pipe_results(articles))
    assert "longer than the 5,000" in (results[1].error or "")
    assert results[0].events and results[2].events and results[1].events == []


def test_chunks_of_a_long_article_are_parsed_one_at_a_time(
    coder: Coder, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[int] = []
    real = coder.nlp.pipe

    def spy(texts: list[str], **kwargs: object) -> object:
        seen.append(sum(len(t) for t in texts))
        return real(texts, **kwargs)

    monkeypatch.setattr(coder.nlp, "pipe", spy)
    monkeypatch.setattr("casus.pipeline.BATCH_CHARS", 3000)
    monkeypatch.setattr(coder, "cfg", coder.cfg.with_(max_chars=1000))
    text = "\n".join(GOOD * 40)  # about 6,900 characters, cut into 1,000-character chunks
    result = next(coder.pipe_results([Article(text=text, published=PUB)], batch_size=32))
    assert max(seen) <= 3000 and len(seen) > 1 and not result.error


HOSTILE = st.one_of(
    st.text(
        alphabet=st.sampled_from(list("ab .,\n\t<>/\x00\x1b\x07\u202e\u2066\ufeff\ud800\udfff")),
        min_size=1,
        max_size=300,
    ),
    st.builds(lambda n: "x" * n, st.integers(1_000, 60_000)),  # one huge token
    st.builds(
        lambda tag, body: f"<{tag}><div>{body}</{tag}>" * 5,
        st.sampled_from(["p", "script", "html", "!--"]),
        st.text(max_size=40),
    ),
    st.builds(
        lambda n, unit, y: f"Iran expelled diplomats {n} {unit} ago. Baku replied on May 1, {y}.",
        st.integers(0, 10**15),
        st.sampled_from(["days", "months", "years", "decades"]),
        st.integers(0, 99999),
    ),
)


@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    hostile=st.lists(
        st.tuples(HOSTILE, st.none() | st.dates(dt.date(1800, 1, 1), dt.date(2200, 12, 31))),
        max_size=6,
    ),
    where=st.integers(0, 6),
)
def test_fuzzed_batch_still_codes_every_good_document(
    coder: Coder, hostile: list[tuple[str, dt.date | None]], where: int
) -> None:
    good = [Article(text=t, id=f"good{i}", published=PUB) for i, t in enumerate(GOOD)]
    bad = [Article(text=t, id=f"bad{i}", published=d) for i, (t, d) in enumerate(hostile)]
    batch = bad[:where] + good + bad[where:]
    alone = {a.id: _triples(next(coder.pipe_results([a]))) for a in good}
    results = {r.article.id: r for r in coder.pipe_results(batch, batch_size=4)}
    assert set(results) == {a.id for a in batch}
    for article in good:
        assert results[article.id].error is None
        assert _triples(results[article.id]) == alone[article.id]


# ---- dates at the edges ----------------------------------------------------------------------
@pytest.mark.parametrize("value", ["2023-04-09garbage", "0001-01-01", "9999-12-31", "1799-12-31"])
def test_published_date_outside_the_range_or_with_garbage_is_refused(value: str) -> None:
    with pytest.raises(InputError, match="not a date|out of range"):
        parse_iso_date(value)


@pytest.mark.parametrize("value", ["2023-04-09", "2023-04-09T10:30:00Z", "2023-04-09 10:30+02:00"])
def test_published_date_and_timestamps_are_read(value: str) -> None:
    assert parse_iso_date(value) == PUB


def test_article_dated_out_of_range_is_refused_by_the_api(coder: Coder) -> None:
    with pytest.raises(InputError, match="out of range"):
        Article(text=GOOD[0], published=dt.date(9999, 12, 30))
    with pytest.raises(InputError, match="out of range"):
        coder.code(GOOD[0], published="0001-01-01")


@pytest.mark.parametrize(
    ("text", "pub"),
    [
        ("Azerbaijan expelled four Iranian diplomats 100000000 days ago.", "2023-04-09"),
        ("Azerbaijan will expel four Iranian diplomats tomorrow.", "2200-12-31"),
        ("Azerbaijan expelled four Iranian diplomats yesterday.", "1800-01-01"),
        (
            "Baku expelled four Iranian diplomats on May 3, 2023. 99999999 months later Baku "
            "expelled two Iranian diplomats.",
            None,
        ),
    ],
)
def test_relative_dates_at_the_edges_do_not_overflow(
    code_all: object, text: str, pub: str | None
) -> None:
    events = code_all(text, pub)  # type: ignore[operator]
    assert events and all(
        e.when.date is None or dt.date(1800, 1, 1) <= e.when.date <= dt.date(2200, 12, 31)
        for e in events
    )


def test_dateline_year_out_of_range_is_not_taken_as_publication_date(coder: Coder) -> None:
    result = next(coder.pipe_results([Article(text="BAKU, April 7, 9999 (AP) – " + GOOD[0])]))
    assert result.error is None and result.published is None


# ---- exit statuses and one-line errors ---------------------------------------------------------
@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("filled") / "casus.duckdb"
    store = Store.open(path)
    evidence = "Baku \x1b[2J expelled \u202e [bold]four[/bold] diplomats."
    put_events(
        store,
        [build_event("AZE", "IRN", day=f"2023-04-0{d}", article=f"a{d}") for d in range(1, 4)],
    )
    with store.transaction() as con:
        con.execute("UPDATE clusters SET evidence = ?", [evidence])
    return str(path)


@pytest.mark.parametrize(
    "args",
    [
        ["alerts", "--window", "99999999d"],
        ["alerts", "--baseline", "1000000000"],
        ["alerts", "--baseline", "1e9"],
        ["alerts", "--as-of", "0001-01-01"],
        ["timeline", "AZE", "IRN", "--since", "9999-12-31"],
        ["sql", "SELECT 1", "--wait", "nan"],
        ["sql", "SELECT 1", "--timeout", "0"],
    ],
)
def test_out_of_bounds_query_options_are_one_line_usage_errors(
    filled: str, args: list[str]
) -> None:
    result = CliRunner().invoke(cli, [*args, "--db", filled])
    assert result.exit_code == EXIT_ERROR and "Traceback" not in result.output
    assert isinstance(result.exception, SystemExit)


def test_window_is_bounded() -> None:
    assert parse_window("4w") == 28
    with pytest.raises(InputError, match="too long"):
        parse_window("5000d")


def test_internal_error_is_one_line_with_status_3(
    filled: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise KeyError("a bug")

    monkeypatch.setattr("casus.analysis.queries.timeline", broken)
    result = CliRunner().invoke(cli, ["timeline", "AZE", "IRN", "--db", filled])
    assert result.exit_code == EXIT_INTERNAL
    assert result.output.count("\n") == 1 and "internal error (KeyError" in result.output


def test_internal_error_shows_the_traceback_with_debug(
    filled: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise KeyError("a bug")

    monkeypatch.setattr("casus.analysis.queries.timeline", broken)
    result = CliRunner().invoke(cli, ["--debug", "timeline", "AZE", "IRN", "--db", filled])
    assert isinstance(result.exception, KeyError)


def _unwritable_dir(tmp_path: Path) -> Path:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    if os.geteuid() == 0:  # root writes anywhere it can chmod: sysfs still refuses it
        locked = Path("/sys")
    if os.access(locked, os.W_OK) and os.geteuid() != 0:
        pytest.skip("no read-only directory here")
    return locked


@pytest.mark.parametrize("where", ["full", "missing", "readonly"])
@pytest.mark.parametrize("command", ["network", "export"])
def test_output_file_errors_are_one_line_with_status_2(
    filled: str, tmp_path: Path, where: str, command: str
) -> None:
    target = {
        "full": Path("/dev/full"),
        "missing": tmp_path / "no" / "such" / "out.json",
        "readonly": _unwritable_dir(tmp_path) / "out.json",
    }[where]
    if where == "full" and not target.exists():
        pytest.skip("no /dev/full")
    result = CliRunner().invoke(cli, [command, "-o", str(target), "--db", filled])
    assert result.exit_code == EXIT_ERROR, result.output
    assert result.output.startswith("casus: error: cannot write") and result.output.count("\n") == 1


def test_stdout_on_a_full_disk_is_one_line_with_status_2(filled: str) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full")
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "casus.cli", "export", "--db", filled],
            stdout=full,
            stderr=subprocess.PIPE,
            timeout=120,
            check=False,
        )
    err = done.stderr.decode()
    assert done.returncode == EXIT_ERROR and err.count("\n") == 1 and "No space left" in err


# ---- terminal escapes in human-readable output -------------------------------------------------
def test_escape_terminal_shows_controls_and_bidi_as_escapes() -> None:
    assert escape_terminal("a\x1b[2Jb\u202ec\x9bd\ne\tf") == "a\\u001b[2Jb\\u202ec\\u009bd\ne\tf"


def test_timeline_table_escapes_article_text(filled: str) -> None:
    result = CliRunner().invoke(cli, ["timeline", "AZE", "IRN", "--db", filled])
    assert result.exit_code == 0 and "\x1b" not in result.output and "\u202e" not in result.output
    assert "\\u001b[2J" in result.output and "[bold]four[/bold]" in result.output


def test_csv_keeps_data_in_files_and_escapes_it_on_a_terminal(tmp_path: Path) -> None:
    class Tty:
        def __init__(self) -> None:
            self.written: list[str] = []

        def isatty(self) -> bool:
            return True

        def write(self, text: str) -> int:
            self.written.append(text)
            return len(text)

        def flush(self) -> None:
            pass

    tty = Tty()
    terminal_safe(tty).write("Baku,\x1b[31mred\n")  # type: ignore[arg-type]
    assert tty.written == ["Baku,\\u001b[31mred\n"]
    with (tmp_path / "f.csv").open("w") as handle:
        assert terminal_safe(handle) is handle


@pytest.mark.parametrize("fmt", ["--explain", "--format=table"])
def test_human_readable_code_output_escapes_article_text(tmp_path: Path, fmt: str) -> None:
    record = {
        "title": "T\x1b]0;owned\x07",
        "text": "Azerbaijan expelled four Iranian diplomats \x1b[2J on Friday \u202e.",
    }
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps(record) + "\n")
    result = CliRunner().invoke(cli, ["code", fmt, "--published", "2023-04-09", str(path)])
    assert result.exit_code == 0 and "161" in result.output
    assert not any(c in result.output for c in "\x1b\x07\u202e")
    assert "\\u001b[2J" in result.output


# ---- the store's edges ------------------------------------------------------------------------
def test_store_created_meanwhile_by_another_process_is_not_created_again(tmp_path: Path) -> None:
    path = tmp_path / "casus.duckdb"
    Store.open(path)
    racer = Store(path)
    racer._migrate(0)  # what a racing creator does after the other one won: nothing
    assert Store.open(path).counts()["articles"] == 0


def test_store_being_created_elsewhere_makes_a_creator_wait_then_fail_clearly(
    tmp_path: Path,
) -> None:
    from casus.store.db import _directory_lock

    with (
        _directory_lock(tmp_path, exclusive=True, wait=0),
        pytest.raises(StoreError, match="being created by another process"),
    ):
        Store.open(tmp_path / "casus.duckdb", write_wait=0.2)


def test_concurrent_creators_all_open_the_same_store(tmp_path: Path) -> None:
    path = tmp_path / "casus.duckdb"
    script = "import sys; from casus.store import Store; print(Store.open(sys.argv[1]).counts())"
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(path)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        for _ in range(4)
    ]
    outputs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0] * 4, [e.decode() for _, e in outputs]


def test_duplicate_id_with_other_text_is_reported_and_ingest_stays_idempotent(
    coder: Coder, tmp_path: Path
) -> None:
    store = Store.open(tmp_path / "casus.duckdb")
    articles = [Article(text=GOOD[0], id="x"), Article(text=GOOD[1], id="x")]
    first = ingest(store, coder, articles, batch_size=1)
    again = ingest(store, coder, articles, batch_size=1)
    assert ["duplicate id 'x'" in f.reason for f in first.failed] == [True]
    assert again.unchanged == 1 and again.coded == again.recoded == 0 and len(again.failed) == 1
    assert store.query("SELECT text FROM articles") == [(GOOD[0],)]


def test_user_sql_is_stopped_after_its_timeout(store: Store) -> None:
    from casus.analysis.user_sql import sql

    forever = "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT max(n) FROM r"
    with pytest.raises(InputError, match="stopped after 0.5 s"):
        sql(store, forever, timeout=0.5)


def test_user_sql_rows_are_capped(store: Store) -> None:
    from casus.analysis.user_sql import sql

    result = sql(store, "SELECT * FROM range(10)", max_rows=3)
    assert len(result.rows) == 3 and result.truncated
    assert not sql(store, "SELECT * FROM range(10)", limit=3).truncated


# ---- surrogates in metadata: code writes, ingest stores the good articles -------------------
def test_surrogates_in_title_and_outlet_do_not_stop_code_or_ingest(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "s", "text": GOOD[0], "title": "T\ud800", "outlet": "O\udfff"}),
        json.dumps({"id": "g", "text": GOOD[1], "outlet": "Wire"}),
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n")
    db = str(tmp_path / "casus.duckdb")
    coded = CliRunner().invoke(cli, ["code", "--published", "2023-04-09", str(path)])
    stored = CliRunner().invoke(cli, ["ingest", "--db", db, "--published", "2023-04-09", str(path)])
    assert coded.exit_code == 0 and coded.output.count("\n") >= 2
    assert stored.exit_code == 0, stored.output
    assert Store.open(db).counts()["articles"] == 2


def test_skipped_input_gives_status_1(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"text": GOOD[0]}) + "\n" + "[" * 50_000 + "\n")
    result = CliRunner().invoke(cli, ["code", "--published", "2023-04-09", str(path)])
    assert result.exit_code == EXIT_SKIPPED and "nested too deeply" in result.output


def test_interrupt_is_status_130(filled: str, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("casus.analysis.queries.timeline", interrupted)
    result = CliRunner().invoke(cli, ["timeline", "AZE", "IRN", "--db", filled])
    assert result.exit_code == 130 and result.output == "casus: error: interrupted\n"


def test_published_option_out_of_range_is_a_usage_error(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(GOOD[0])
    result = CliRunner().invoke(cli, ["code", "--published", "0001-01-01", str(path)])
    assert result.exit_code == EXIT_ERROR and "out of range" in result.output


def test_user_sql_runs_under_a_memory_limit(store: Store) -> None:
    from casus.analysis.user_sql import sql

    limit = sql(store, "SELECT current_setting('memory_limit')").rows[0][0]
    assert limit.endswith("GiB") and float(limit.split()[0]) < 2.0

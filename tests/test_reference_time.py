"""Historical time: dates from reference events ("after the independence of Baku") and the
narrative frame across sentences, on team-written sentences and paragraphs
(tests/data/reference_dates.jsonl). Known failures are listed in reference_dates_known.txt
and run as strict xfails."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from casus.coder import Coder
from casus.config import Config
from casus.engine.narrative import is_historical, narrative_frames
from casus.errors import OntologyError
from casus.model import DATE_BASES, Event, EventDate
from casus.ontology.references import load_references, read_references
from casus.stages.dates import DateStage
from conftest import DATA, build_event

RECORDS = [
    json.loads(line)
    for line in (DATA / "reference_dates.jsonl").read_text(encoding="utf-8").splitlines()
]
KNOWN = {
    line.split("\t")[0]: line.split("\t", 1)[1].strip()
    for line in (DATA / "reference_dates_known.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
}
HEADER = "id\tnames\tgeneric\tcountries\tstart\tend\tprecision\tnote\n"


def _params(kind: str) -> list[Any]:
    out = []
    for record in RECORDS:
        if ("checks" in record) != (kind == "paragraph"):
            continue
        marks = []
        if record["id"] in KNOWN:
            marks.append(pytest.mark.xfail(reason=KNOWN[record["id"]], strict=True))
        out.append(pytest.param(record, marks=marks, id=record["id"]))
    return out


def _dates_of(coder: Coder, record: dict[str, Any]) -> Callable[[str], EventDate]:
    """The date the date stage gives a trigger word ("hosted#2": its second occurrence), with
    the article's countries taken from the record."""
    doc = coder.nlp(record["text"])
    stage = next(s for s in coder.pipeline.stages if isinstance(s, DateStage))
    pub = dt.date.fromisoformat(record["published"])
    countries = Counter(record.get("countries", []))
    frames = narrative_frames(
        doc,
        lambda sent, i, frame: stage.sentence_date(doc, sent, pub, i, countries, within=frame),
        lambda when: is_historical(when, pub, stage.historical),
    )
    sentences = list(doc.sents)

    def date_of(trigger: str) -> EventDate:
        word, _, nth = trigger.partition("#")
        token = [t for t in doc if t.text == word][int(nth or 1) - 1]
        index = next(i for i, s in enumerate(sentences) if s.start <= token.i < s.end)
        return stage.date_for(doc, token, pub, {}, index, countries=countries, frame=frames[index])

    return date_of


def _as_tuple(when: EventDate) -> tuple[str | None, str, str]:
    return (when.date.isoformat() if when.date else None, when.precision, when.basis)


@pytest.mark.parametrize("record", _params("sentence"))
def test_reference_sentence_is_dated(coder: Coder, record: dict[str, Any]) -> None:
    when = _dates_of(coder, record)(record["trigger"])
    assert _as_tuple(when) == (record["date"], record["precision"], record["basis"])
    assert when.reference == record["reference"]


@pytest.mark.parametrize("record", _params("paragraph"))
def test_narrative_frame_dates_the_paragraph(coder: Coder, record: dict[str, Any]) -> None:
    date_of = _dates_of(coder, record)
    got = [_as_tuple(date_of(c["trigger"])) for c in record["checks"]]
    assert got == [(c["date"], c["precision"], c["basis"]) for c in record["checks"]]


def test_the_team_data_has_enough_sentences_and_paragraphs() -> None:
    assert len(_params("sentence")) >= 60
    assert len(_params("paragraph")) >= 10


def test_coded_event_from_a_reference_is_historical_and_names_it(
    code_all: Callable[..., list[Event]],
) -> None:
    events = code_all(
        "Immediately after the independence of Baku from the Soviet Union, Iran recognized "
        "Azerbaijan and signed agreements with it.",
        published="2023-04-09",
    )
    recognized = [e for e in events if e.trigger_text == "recognized"]
    assert recognized
    event = recognized[0]
    assert (event.when.date, event.when.basis, event.historical) == (
        dt.date(1991, 1, 1),
        "reference",
        True,
    )
    assert event.to_dict()["date_reference"] == "independence_aze"


def test_bare_revolution_is_picked_by_the_article_countries(
    code_all: Callable[..., list[Event]],
) -> None:
    events = code_all("Iran has criticized the United States ever since the revolution.")
    assert [e.when.reference for e in events if e.trigger_text == "criticized"] == [
        "islamic_revolution"
    ]


def test_event_date_reference_survives_json() -> None:
    when = EventDate(dt.date(1991, 1, 1), "year", "reference", "after X", "n", "independence_aze")
    event = build_event().with_(when=when)
    assert Event.from_dict(event.to_dict()).when == when
    assert "reference" in DATE_BASES


def test_bundled_table_has_a_few_hundred_rows_with_notes() -> None:
    refs = load_references()
    assert len(refs) >= 300
    assert all(r.note and r.start for r in refs)


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("x\tfoo war\twar\tAZE\t1991-13-01\t\tday\tn", "no calendar date"),
        ("x\tfoo war\twar\tAZE\t1991\t\tday\tn", "coarser than the precision"),
        ("x\tfoo war\twar\tAZE\t1991-01-01\t\tweek\tn", "precision 'week'"),
        ("x\tfoo (war\twar\tAZE\t1991-01-01\t\tday\tn", "not a valid regular expression"),
        ("x\tfoo war\twar\tAZE\t1991-01-02\t1991-01-01\tday\tn", "before start"),
        ("x\tindependence of {C}\t\t\t1991-01-01\t\tday\tn", "needs a country"),
        ("x\tfoo war\twar\tAzerbaijan\t1991-01-01\t\tday\tn", "three-letter code"),
        ("X-1\tfoo war\twar\tAZE\t1991-01-01\t\tday\tn", "lower case"),
        ("x\t@freedom\t\tAZE\t1991-01-01\t\tday\tn", "unknown macro"),
        ("x\tfoo war\twar\tAZE\t1991-01-01\t\tday\t", "'note' is empty"),
    ],
)
def test_bad_reference_rows_are_reported_with_file_and_line(row: str, message: str) -> None:
    with pytest.raises(OntologyError, match=message) as info:
        read_references(HEADER + row + "\n", "mine.tsv")
    assert "mine.tsv" in str(info.value) and ":2" in str(info.value)


def test_duplicate_reference_id_is_reported() -> None:
    row = "x\tfoo war\twar\tAZE\t1991-01-01\t\tday\tn\n"
    with pytest.raises(OntologyError, match="already on line 2"):
        read_references(HEADER + row + row, "mine.tsv")


def test_user_reference_file_adds_and_replaces_rows(tmp_path: Path) -> None:
    path = tmp_path / "refs.tsv"
    path.write_text(
        HEADER
        + "caspian_summit_2018\taktau summit\t\tAZE;IRN;RUS;KAZ;TKM\t2018-08-12\t\tday\tour note\n"
        + "jcpoa\tjcpoa\t\tIRN\t2016-01-16\t\tday\timplementation day instead\n",
        encoding="utf-8",
    )
    refs = {r.id: r for r in load_references((path,))}
    assert refs["caspian_summit_2018"].start == dt.date(2018, 8, 12)
    assert refs["jcpoa"].start == dt.date(2016, 1, 16)


def test_coder_dates_from_a_user_reference_file(tmp_path: Path) -> None:
    path = tmp_path / "refs.tsv"
    path.write_text(
        HEADER + "caspian_summit_2018\taktau summit\t\tAZE\t2018-08-12\t\tday\tour note\n",
        encoding="utf-8",
    )
    coder = Coder(Config(reference_files=(path,)))
    events = coder.code(
        "Iran criticized Azerbaijan after the Aktau summit.", published="2023-04-09"
    )
    assert [e.when.reference for e in events if e.trigger_text == "criticized"] == [
        "caspian_summit_2018"
    ]


def test_missing_user_reference_file_is_an_ontology_error(tmp_path: Path) -> None:
    with pytest.raises(OntologyError, match="no such file"):
        load_references((tmp_path / "absent.tsv",))


def test_history_dated_by_a_reference_stays_out_of_the_dyad_series(
    code_all: Callable[..., list[Event]], store: Any
) -> None:
    from casus.analysis.queries import dyad_series, timeline
    from conftest import put_events

    events = code_all(
        "Immediately after the independence of Baku from the Soviet Union, Iran took steps to "
        "get close to Azerbaijan. It quickly recognized it, signing agreements with it.\n"
        "On Friday, Iran criticized Azerbaijan.",
        published="2023-04-09",
    )
    put_events(store, [e.with_(article_id="a1") for e in events], published={"a1": "2023-04-09"})
    rows = timeline(store, "IRN", "AZE", include_historical=True)
    assert {(r.date.year if r.date else None, r.historical) for r in rows} >= {
        (1991, True),
        (2023, False),
    }
    series = dyad_series(store, "IRN", "AZE", "year")
    assert [r.period.year for r in series if r.n_events] == [2023]


def test_cli_references_option_reads_the_users_table(tmp_path: Path) -> None:
    from conftest import run_cli

    table = tmp_path / "refs.tsv"
    table.write_text(
        HEADER + "caspian_summit_2018\taktau summit\t\tAZE\t2018-08-12\t\tday\tour note\n",
        encoding="utf-8",
    )
    text = tmp_path / "a.txt"
    text.write_text("Iran criticized Azerbaijan after the Aktau summit.\n", encoding="utf-8")
    done = run_cli("code", "--published", "2023-04-09", "--references", str(table), str(text))
    assert done.returncode == 0, done.stderr
    events = [json.loads(line) for line in done.stdout.splitlines()]
    assert [e["date_reference"] for e in events] == ["caspian_summit_2018"]
    assert events[0]["date_basis"] == "reference" and events[0]["historical"] is True


def test_cli_reports_a_bad_reference_table_in_one_line(tmp_path: Path) -> None:
    from conftest import run_cli

    table = tmp_path / "refs.tsv"
    table.write_text(HEADER + "x\tfoo war\twar\tAZE\t1991-13-01\t\tday\tn\n", encoding="utf-8")
    done = run_cli("code", "--published", "2023-04-09", "--references", str(table), "-")
    assert done.returncode == 2
    assert f"{table}:2" in done.stderr.decode() and "Traceback" not in done.stderr.decode()

"""Event dates in context, on team-written sentences and paragraphs
(tests/data/dates_in_context*.jsonl: dates_in_context.jsonl, and the news dating phrasing of
dates_in_context_news.jsonl): which event a time belongs to (a noun event or the verb
around it, a plan or the planned act), when the previous sentence's time carries over, "N
days after …" clauses, offsets within a sentence, month names inside a historical passage,
and the same event told twice. Known failures are listed in each file's <stem>_known.txt and
run as strict xfails."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from typing import Any

import pytest
from spacy.tokens import Doc, Token

from casus.coder import Coder
from casus.engine.narrative import is_historical, narrative_frames
from casus.model import Article, EventDate
from casus.ontology.cameo import QUAD_CLASS_BY_ROOT
from casus.stages.dates import MATERIAL_QUADS, DateStage
from conftest import DATA

FILES = sorted(DATA.glob("dates_in_context*.jsonl"))
RECORDS = [
    json.loads(line)
    for path in FILES
    for line in path.read_text(encoding="utf-8").splitlines()
    if line.strip()
]
KNOWN = {
    line.split("\t")[0]: line.split("\t", 1)[1].strip()
    for path in FILES
    if path.with_name(f"{path.stem}_known.txt").exists()
    for line in path.with_name(f"{path.stem}_known.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
}


def _params(pipeline: bool) -> list[Any]:
    out = []
    for record in RECORDS:
        if bool(record.get("pipeline")) != pipeline:
            continue
        marks = []
        if record["id"] in KNOWN:
            marks.append(pytest.mark.xfail(reason=KNOWN[record["id"]], strict=True))
        out.append(pytest.param(record, marks=marks, id=record["id"]))
    return out


def _token(doc: Doc, trigger: str) -> Token:
    """A trigger word ("signed#2": its second occurrence)."""
    word, _, nth = trigger.partition("#")
    return [t for t in doc if t.text == word][int(nth or 1) - 1]


def _as_tuple(when: EventDate) -> tuple[str | None, str, str]:
    return (when.date.isoformat() if when.date else None, when.precision, when.basis)


def _expected(check: dict[str, str]) -> tuple[str | None, str, str]:
    return (check["date"], check["precision"], check["basis"])


def _stage_dates(coder: Coder, record: dict[str, Any]) -> list[tuple[Any, Any]]:
    """(got, expected) for each check, dated by the date stage with the record's event
    triggers, so the rules are tested apart from what the event coder finds."""
    doc = coder.nlp(record["text"])
    stage = next(s for s in coder.pipeline.stages if isinstance(s, DateStage))
    pub = dt.date.fromisoformat(record["published"])
    events = frozenset(_token(doc, t).i for t in record["events"])
    frames = narrative_frames(
        doc,
        lambda sent, i, frame: stage.sentence_date(
            doc, sent, pub, i, Counter(), events=events, within=frame
        ),
        lambda when: is_historical(when, pub, stage.historical),
    )
    sentences = list(doc.sents)
    out = []
    for check in record["checks"]:
        token = _token(doc, check["trigger"])
        index = next(i for i, s in enumerate(sentences) if s.start <= token.i < s.end)
        # "code" (optional): a material act may take the day of the article's lead
        material = QUAD_CLASS_BY_ROOT.get(check.get("code", "")[:2]) in MATERIAL_QUADS
        when = stage.date_for(
            doc,
            token,
            pub,
            {},
            index,
            events=events,
            frame=frames[index],
            frames=tuple(frames),
            material=material,
        )
        out.append((_as_tuple(when), _expected(check)))
    return out


@pytest.mark.parametrize("record", _params(pipeline=False))
def test_event_is_dated_by_the_time_it_owns(coder: Coder, record: dict[str, Any]) -> None:
    got, expected = zip(*_stage_dates(coder, record), strict=True)
    assert got == expected, record["rule"]


@pytest.mark.parametrize("record", _params(pipeline=True))
def test_coded_article_dates_its_events(coder: Coder, record: dict[str, Any]) -> None:
    article = Article(
        text=record["text"],
        id=record["id"],
        published=dt.date.fromisoformat(record["published"]),
    )
    events = coder.code_article(article, include_all=True)
    for check in record["checks"]:
        # "code" (optional) picks among events of one trigger: the threat, not the attack
        found = [
            e
            for e in events
            if e.trigger_text == check["trigger"] and e.cameo.startswith(check.get("code", ""))
        ]
        assert found, f"{check['trigger']!r} not coded"
        assert _as_tuple(found[0].when) == _expected(check), record["rule"]


def test_every_known_failure_names_a_record() -> None:
    assert set(KNOWN) <= {r["id"] for r in RECORDS}


def test_record_ids_are_unique_across_files() -> None:
    ids = [r["id"] for r in RECORDS]
    assert len(ids) == len(set(ids))

"""The seed article (a partisan commentary) must be coded as the project's brief says.

The article is read from ../shared/seed when it is there (the development checkout), else the
test is skipped: tests must not depend on ../shared, and the article is not ours to copy.
The same behaviours are covered on our own sentences in test_event_sentences.py."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from casus.coder import Coder
from casus.model import Event
from casus.stages.dates import DateStage
from conftest import ROOT, triples

SEED = ROOT.parent / "shared" / "seed" / "seed-article.txt"


@pytest.fixture(scope="module")
def seed_events(code_all: Callable[..., list[Event]]) -> list[Event]:
    if not SEED.exists():
        pytest.skip("the seed article is not beside this checkout")
    return code_all(Path(SEED).read_text(encoding="utf-8"), published="2023-04-09")


def _asserted(events: list[Event]) -> list[Event]:
    return [e for e in events if e.modality.asserted]


@pytest.mark.parametrize(
    ("source", "target", "roots"),
    [
        ("AZE", "IRN", {"16", "17"}),  # the expulsion
        ("AZE", "ISR", {"04"}),  # the 29 March visit
        ("IRN", "AZE", {"11"}),  # the spokesman's reaction
        ("AZE", "AZE", {"17"}),  # the arrests of its citizens
        ("IRN", "AZE", {"05"}),  # the 2005 pact
        ("IRN", "AZE", {"13"}),  # the chief of staff's warning
        ("ARB", "ISR", {"11"}),  # Arab countries condemning Israel
    ],
)
def test_seed_article_has_the_expected_events(
    seed_events: list[Event], source: str, target: str, roots: set[str]
) -> None:
    found = {(s, t, r) for s, t, r in triples(_asserted(seed_events)) if r in roots}
    assert (source, target) in {(s, t) for s, t, _ in found}


def test_seed_has_no_material_conflict_by_iran_or_israel(seed_events: list[Event]) -> None:
    bad = [
        e
        for e in _asserted(seed_events)
        if e.cameo_root in ("18", "19", "20")
        and e.source is not None
        and e.source.country in ("IRN", "ISR")
    ]
    assert bad == []


def test_seed_does_not_emit_the_negated_condemnation(seed_events: list[Event]) -> None:
    assert ("AZE", "ISR", "11") not in triples(_asserted(seed_events))


def test_seed_departure_on_friday_dates_to_april_7(coder: Coder) -> None:
    # leaving a country is no CAMEO event, so the date stage is asked directly
    if not SEED.exists():
        pytest.skip("the seed article is not beside this checkout")
    doc = coder.nlp(SEED.read_text(encoding="utf-8"))
    left = next(t for t in doc if t.text == "left")
    when = DateStage(30).date_for(doc, left, dt.date(2023, 4, 9), {}, 0)
    assert (when.date, when.precision, when.basis) == (dt.date(2023, 4, 7), "day", "stated")


@pytest.mark.parametrize(
    ("trigger", "date", "precision", "historical"),
    [
        ("visit", "2023-03-29", "day", False),
        ("signed", "2005-01-01", "year", True),
        ("provided", "1992-01-01", "year", True),
        ("warned", "2022-01-01", "year", True),
    ],
)
def test_seed_event_dates(
    seed_events: list[Event], trigger: str, date: str, precision: str, historical: bool
) -> None:
    events = [e for e in seed_events if e.trigger_text == trigger]
    assert events, f"no event on {trigger!r}"
    event = events[0]
    assert event.when.date is not None
    assert (event.when.date.isoformat(), event.when.precision, event.historical) == (
        date,
        precision,
        historical,
    )


def test_kanani_statement_is_attributed_to_an_iranian_government_speaker(
    seed_events: list[Event],
) -> None:
    reaction = [e for e in seed_events if e.trigger_text == "consider"]
    assert reaction and reaction[0].attribution.speaker is not None
    assert reaction[0].attribution.speaker.code == "IRNGOV"


@pytest.mark.parametrize("trigger", ["recognized", "signing"])
def test_seed_history_after_independence_is_dated_1991(
    seed_events: list[Event], trigger: str
) -> None:
    # "Immediately after the independence of Baku from the Soviet Union, Iran took steps …
    # It, therefore, quickly recognized it, signing various agreements …"
    events = [e for e in seed_events if e.trigger_text == trigger]
    assert events
    for event in events:
        assert event.when.date is not None and 1991 <= event.when.date.year <= 1992
        assert event.historical
        assert event.when.reference == "independence_aze"


def test_seed_history_sections_are_not_dated_to_publication(seed_events: list[Event]) -> None:
    history = ("recognized", "signing", "provided", "bolstered", "signed", "warned")
    dated = {e.trigger_text for e in seed_events if e.trigger_text in history}
    assert dated == set(history)
    assert all(
        e.when.basis != "publication" and e.historical
        for e in seed_events
        if e.trigger_text in history
    )

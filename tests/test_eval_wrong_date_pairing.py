"""Wrong dates of a gold event paired with a telling from another sentence than its evidence
are counted apart (``wrong_date_elsewhere``): a background act of the same pair standing in
for a current act that casus missed is a pairing artefact, not a dating error."""

from __future__ import annotations

import datetime as dt

from casus.evaluation.gold import GoldArticle, GoldEvent
from casus.evaluation.scorer import Report, score_record
from casus.model import Event
from conftest import build_event

LEAD = "Israeli jets struck Hezbollah positions in southern Lebanon on Monday."
ASIDE = "Israel and Hezbollah fought a 34-day war in 2006."


def _strike(sentence: str, day: dt.date, precision: str) -> Event:
    event = build_event("ISRMIL", "LBNREBHEZ", "190", day.isoformat(), precision=precision)
    return event.with_(evidence_text=sentence, evidence_start=0, evidence_end=len(sentence))


def _gold(evidence: str | None) -> GoldArticle:
    strike = GoldEvent(
        "ISRMIL",
        "LBNREBHEZ",
        frozenset({"190"}),
        frozenset({"19"}),
        date=dt.date(2024, 6, 17),
        evidence=evidence,
    )
    return GoldArticle("g1", LEAD + " " + ASIDE, dt.date(2024, 6, 20), [strike], [], kind="article")


def _scored(gold: GoldArticle, event: Event) -> Report:
    report = Report()
    score_record(gold, [event], report)
    return report


def test_background_act_standing_in_for_a_missed_current_act_is_counted_apart() -> None:
    report = _scored(
        _gold("Israeli jets struck Hezbollah positions"),
        _strike(ASIDE, dt.date(2006, 1, 1), "year"),
    )
    (error,) = report.errors
    assert error["bucket"] == "far_early" and error["elsewhere"]
    assert report.to_dict()["wrong_date_elsewhere"]["far_early"] == 1


def test_wrong_date_of_the_act_told_in_the_evidence_is_a_dating_error() -> None:
    report = _scored(
        _gold("Israeli jets struck Hezbollah positions"),
        _strike(LEAD, dt.date(2024, 6, 1), "month"),
    )
    (error,) = report.errors
    assert error["bucket"] == "far_early" and not error["elsewhere"]
    assert sum(report.to_dict()["wrong_date_elsewhere"].values()) == 0


def test_gold_without_evidence_is_not_counted_apart() -> None:
    report = _scored(_gold(None), _strike(ASIDE, dt.date(2006, 1, 1), "year"))
    (error,) = report.errors
    assert not error["elsewhere"]

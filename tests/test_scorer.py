"""The scorer on tiny gold/prediction pairs whose right numbers are known."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from casus.evaluation.gold import Forbidden, GoldArticle, GoldEvent, read_gold
from casus.evaluation.scorer import DATE_BUCKETS, Report, score_record
from casus.model import Event
from conftest import build_event


def _event(
    source: str,
    target: str | None,
    code: str,
    day: str = "2023-04-06",
    sentence: str = "text",
) -> Event:
    """An event of that pair and code, dated ``day`` on the publication basis, told in
    ``sentence``."""
    event = build_event(source, target, code, day, basis="publication")
    return event.with_(evidence_text=sentence, evidence_start=0, evidence_end=len(sentence))


def _gold(*events: GoldEvent, forbidden: tuple[Forbidden, ...] = ()) -> GoldArticle:
    return GoldArticle(
        "g1", "text", dt.date(2023, 4, 9), list(events), list(forbidden), kind="article"
    )


def _expel(**changes: object) -> GoldEvent:
    base = {
        "source": "AZE",
        "target": "IRN",
        "codes": frozenset({"161"}),
        "roots": frozenset({"16"}),
        "date": dt.date(2023, 4, 6),
        "tolerance_days": 0,
    }
    base.update(changes)
    return GoldEvent(**base)  # type: ignore[arg-type]


def _score(gold: GoldArticle, preds: list[Event]) -> dict[str, object]:
    report = Report()
    score_record(gold, preds, report)
    return report.to_dict()


def test_perfect_match_scores_one() -> None:
    d = _score(_gold(_expel()), [_event("AZEGOV", "IRNGOV", "161")])
    assert d["dyad_root"]["f1"] == 1.0 and d["code_accuracy"] == 1.0  # type: ignore[index]
    assert d["date_accuracy"] == 1.0


def test_missed_event_is_a_false_negative() -> None:
    d = _score(_gold(_expel()), [])
    assert d["dyad_root"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "tp": 0, "fp": 0, "fn": 1}


def test_false_alarm_lowers_precision() -> None:
    d = _score(_gold(_expel()), [_event("AZE", "IRN", "161"), _event("RUS", "UKR", "190")])
    assert d["dyad_root"]["precision"] == 0.5 and d["dyad_root"]["recall"] == 1.0  # type: ignore[index]


def test_forbidden_event_is_counted() -> None:
    gold = _gold(forbidden=(Forbidden("IRN", "AZE", frozenset({"19"})),))
    assert _score(gold, [_event("IRN", "AZE", "190")])["forbidden_hits"] == 1


def test_record_with_an_event_and_no_prediction_counts_as_nothing_coded() -> None:
    report = Report()
    score_record(_gold(_expel()), [], report)
    score_record(_gold(_expel()), [_event("RUS", "UKR", "190")], report)
    score_record(_gold(), [], report)  # no gold event: not counted
    d = report.to_dict()
    assert d["nothing_coded_share"] == 0.5 and d["counts"]["nothing_coded"] == 2  # type: ignore[index]


def test_reversed_symmetric_event_matches() -> None:
    pact = GoldEvent("IRN", "AZE", frozenset({"057"}), frozenset({"05"}), symmetric=True)
    d = _score(_gold(pact), [_event("AZE", "IRN", "057")])
    assert d["dyad_root"]["tp"] == 1  # type: ignore[index]


def test_reversed_symmetric_event_compares_each_party_with_its_own_code() -> None:
    pact = GoldEvent("IRNGOV", "AZEMIL", frozenset({"057"}), frozenset({"05"}), symmetric=True)
    d = _score(_gold(pact), [_event("AZEMIL", "IRNGOV", "057")])
    assert d["actor_code_accuracy"] == 1.0


def test_reversed_non_symmetric_event_does_not_match() -> None:
    d = _score(_gold(_expel()), [_event("IRN", "AZE", "161")])
    assert d["dyad_root"]["tp"] == 0 and d["detection"]["tp"] == 1  # type: ignore[index]


def test_date_outside_tolerance_is_wrong() -> None:
    d = _score(_gold(_expel(tolerance_days=2)), [_event("AZE", "IRN", "161", "2023-04-01")])
    assert d["dyad_root"]["tp"] == 1 and d["date_accuracy"] == 0.0  # type: ignore[index]


def test_wrong_date_is_listed_with_the_date_found() -> None:
    report = Report()
    score_record(_gold(_expel()), [_event("AZE", "IRN", "161", "2023-04-01")], report)
    (error,) = report.errors
    assert error["kind"] == "wrong_date" and error["expected"] == "2023-04-06 ±0"
    assert "2023-04-01 (day, publication)" in error["got"]


def test_gold_event_pairs_with_the_prediction_from_its_evidence_sentence() -> None:
    told = "Baku expelled four Iranian diplomats on Thursday."
    gold = _gold(_expel(evidence="expelled four Iranian diplomats"))
    preds = [
        _event("AZE", "IRN", "161", "2023-03-01", sentence="Baku expelled two in March."),
        _event("AZE", "IRN", "161", sentence=told),
    ]
    d = _score(gold, preds)
    assert d["dyad_root"]["tp"] == 1 and d["date_accuracy"] == 1.0  # type: ignore[index]


def test_duplicate_report_of_a_matched_event_is_not_a_false_alarm() -> None:
    d = _score(_gold(_expel()), [_event("AZE", "IRN", "161"), _event("AZEGOV", "IRN", "161")])
    assert d["dyad_root"]["fp"] == 0  # type: ignore[index]


def test_optional_event_is_neither_hit_nor_miss() -> None:
    visit = GoldEvent("AZE", "ISR", frozenset({"042"}), frozenset({"04"}), required=False)
    d = _score(_gold(visit), [_event("AZE", "ISR", "042")])
    assert d["dyad_root"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "tp": 0, "fp": 0, "fn": 0}


def test_bare_igo_in_gold_matches_any_igo_code() -> None:
    gold = _gold(GoldEvent("RUS", "IGO", frozenset(), frozenset({"12"})))
    assert _score(gold, [_event("RUS", "IGOUNOSCR", "129")])["dyad_root"]["tp"] == 1  # type: ignore[index]


def test_plover_gold_scores_plover_type(tmp_path: Path) -> None:
    path = tmp_path / "p.jsonl"
    path.write_text(
        json.dumps(
            {
                "id": "p1",
                "date": "2000-01-01",
                "text": "t",
                "events": [{"source": "RUS", "target": "UKR", "code": "ASSAULT"}],
            }
        )
        + "\n",
        encoding="utf-8",
    )
    gold = read_gold(path)[0]
    d = _score(gold, [_event("RUS", "UKR", "190")])
    assert d["plover_accuracy"] == 1.0 and d["dyad_root"]["tp"] == 1  # type: ignore[index]


def test_article_gold_format_is_read(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(
        json.dumps(
            {
                "id": "a1",
                "published": "2023-04-09",
                "text": "t",
                "events": [
                    {
                        "source": "AZE",
                        "target": "IRN",
                        "codes": ["161"],
                        "date": "2023-04-06",
                        "date_tolerance_days": 1,
                    }
                ],
                "forbidden": [{"source": "IRN", "target": "AZE", "roots": ["19"]}],
            }
        )
        + "\n",
        encoding="utf-8",
    )
    gold = read_gold(path)[0]
    assert gold.kind == "article" and gold.events[0].roots == {"16"}
    assert gold.forbidden[0].roots == {"19"}


EXPULSION = "Baku expelled four Iranian diplomats on Thursday."
OTHER = "Tehran criticised the visit."


def _buckets(gold: GoldArticle, preds: list[Event]) -> tuple[list[str], list[str]]:
    report = Report()
    score_record(gold, preds, report)
    misses = [e["bucket"] for e in report.errors if e["kind"] == "miss"]
    alarms = [e["bucket"] for e in report.errors if e["kind"] == "false_alarm"]
    return misses, alarms


@pytest.mark.parametrize(
    ("pred", "bucket"),
    [
        (_event("IRN", "AZE", "111", sentence=OTHER), "nothing_coded"),
        (_event("AZE", None, "161", sentence=EXPULSION), "side_wrong"),
        (_event("AZE", "RUS", "161", sentence=EXPULSION), "side_wrong"),
        (_event("AZE", "IRN", "112", sentence=EXPULSION), "other_code"),
    ],
)
def test_miss_is_bucketed_by_what_its_evidence_sentence_gave(pred: Event, bucket: str) -> None:
    gold = _gold(_expel(evidence="Baku expelled four Iranian diplomats"))
    assert _buckets(gold, [pred])[0] == [bucket]


def test_miss_without_any_prediction_is_nothing_coded() -> None:
    assert _buckets(_gold(_expel()), []) == (["nothing_coded"], [])


@pytest.mark.parametrize(
    ("pred", "bucket"),
    [
        (_event("AZE", None, "042"), "no_target"),
        (_event("IRN", "AZE", "112"), "pair_other_code"),
        (_event("AZE", "IRN", "042"), "pair_other_code"),
        (_event("RUS", "UKR", "190"), "pair_not_in_gold"),
    ],
)
def test_false_alarm_is_bucketed_by_its_pair(pred: Event, bucket: str) -> None:
    gold = _gold(_expel())
    assert _buckets(gold, [_event("AZE", "IRN", "161"), pred]) == ([], [bucket])


def test_bucket_counts_are_in_the_summary() -> None:
    gold = _gold(_expel(evidence="Baku expelled four Iranian diplomats"))
    d = _score(gold, [_event("AZE", "IRN", "112", sentence=EXPULSION), _event("RUS", None, "042")])
    assert d["error_buckets"] == {
        "miss": {"nothing_coded": 0, "side_wrong": 0, "other_code": 1},
        "false_alarm": {"no_target": 1, "pair_other_code": 1, "pair_not_in_gold": 0},
        "wrong_date": dict.fromkeys(DATE_BUCKETS, 0),
    }


@pytest.mark.parametrize(
    ("gold_day", "found", "bucket"),
    [
        ("2023-04-06", "2023-04-09", "took_publication"),  # the publication day
        ("2023-04-09", "2023-04-06", "missed_publication"),
        ("2023-04-06", "2023-04-05", "days_early"),
        ("2023-04-06", "2023-04-08", "days_late"),
        ("2023-04-06", "2023-03-01", "far_early"),
        ("2023-04-06", "2023-05-01", "far_late"),
    ],
)
def test_wrong_date_is_bucketed_by_how_it_is_wrong(gold_day: str, found: str, bucket: str) -> None:
    report = Report()
    gold = _gold(_expel(date=dt.date.fromisoformat(gold_day)))
    score_record(gold, [_event("AZE", "IRN", "161", found)], report)
    (error,) = report.errors
    assert error["bucket"] == bucket and error["basis"] == "publication"
    d = report.to_dict()
    assert d["error_buckets"]["wrong_date"][bucket] == 1  # type: ignore[index]
    assert d["wrong_date_basis"] == {"publication": 1}


def test_right_date_is_in_no_date_bucket() -> None:
    d = _score(_gold(_expel()), [_event("AZE", "IRN", "161", "2023-04-06")])
    assert d["date_accuracy"] == 1.0
    assert sum(d["error_buckets"]["wrong_date"].values()) == 0  # type: ignore[index]

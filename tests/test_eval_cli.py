"""`casus eval` on the team-written gold set: the printed scores, the JSON summary, and a
floor under the current scores so a regression fails the build."""

from __future__ import annotations

import json
from typing import Any

import pytest

from conftest import DATA, run_cli

TEAM = DATA / "gold" / "team.jsonl"
# Scores measured when this floor was set (README "Accuracy"); a change that lowers them
# below these floors fails. Raise the floors when the coder improves.
# h-sides6 (reactions, collective pairs, speakers' homes): dyad F1 70.5% → 72.6%; 0.6.0 as
# merged: detection F1 88.5%, dyad F1 73.6%, date 98.3%; 0.7.0: 88.5%, 75.7%, 98.4%.
# 0.9.0: 88.5%, 75.9%, 98.4%, actor-code accuracy 75.3% (56.9% before the roles of sides);
# 0.10.0: 89.1%, 77.1% (0.6 of it the OPCW code corrected in team-026), 98.4%, 76.4%;
# 0.12.0: 89.4%, 76.8%, 98.4%, 86.2% (named targets of political acts as governments, h-actors18)
FLOORS = {
    "detection_f1": 0.88,
    "dyad_f1": 0.76,
    "date_accuracy": 0.97,
    "actor_code_accuracy": 0.85,
    "forbidden_hits": 0,
}


@pytest.fixture(scope="module")
def summary() -> dict[str, object]:
    result = run_cli("eval", str(TEAM), "--json")
    assert result.returncode == 0, result.stderr.decode()
    return json.loads(result.stdout.decode())[str(TEAM)]  # type: ignore[no-any-return]


def test_eval_json_has_the_documented_keys(summary: dict[str, object]) -> None:
    for key in (
        "records",
        "detection",
        "dyad_root",
        "code_accuracy",
        "quad_class_accuracy",
        "actor_code_accuracy",
        "date_accuracy",
        "plover_accuracy",
        "forbidden_hits",
        "error_buckets",
        "confusion",
    ):
        assert key in summary
    assert summary["records"] == 36
    assert set(summary["detection"]) == {"precision", "recall", "f1", "tp", "fp", "fn"}  # type: ignore[arg-type]


def test_team_gold_scores_do_not_fall(summary: dict[str, object]) -> None:
    assert summary["detection"]["f1"] >= FLOORS["detection_f1"]  # type: ignore[index]
    assert summary["dyad_root"]["f1"] >= FLOORS["dyad_f1"]  # type: ignore[index]
    assert summary["date_accuracy"] >= FLOORS["date_accuracy"]  # type: ignore[operator]
    assert summary["actor_code_accuracy"] >= FLOORS["actor_code_accuracy"]  # type: ignore[operator]
    assert summary["forbidden_hits"] <= FLOORS["forbidden_hits"]  # type: ignore[operator]


def test_eval_prints_scores_and_errors() -> None:
    result = run_cli("eval", str(TEAM), "--show-errors")
    out = result.stdout.decode()
    assert result.returncode == 0
    assert "event detection" in out and "(source, target, root)" in out and "[miss]" in out
    assert "misses by cause:" in out and "-- missed: nothing coded in its evidence sentence" in out
    assert "wrong dates by kind:" in out and "wrong dates by casus's basis:" in out


def test_error_buckets_add_up_to_the_dyad_errors(summary: dict[str, object]) -> None:
    buckets = summary["error_buckets"]
    dyad = summary["dyad_root"]
    assert sum(buckets["miss"].values()) == dyad["fn"]  # type: ignore[index]
    assert sum(buckets["false_alarm"].values()) == dyad["fp"]  # type: ignore[index]


LONG_EVENTS = DATA / "gold" / "dev-long-events.jsonl"
# issue 12 (h-recall4): long articles, measured when the recall rules of h-recall4 were added
# (detection P 87.0%, R 83.3%; dyad F1 51.0%); raised by h-recall5 ("as" predicates, summoned
# for talks, hotline, intrusions, speaker pronouns: P 87.4%, R 86.5%, dyad F1 53.1%); date
# accuracy 81.0% with the h-dates5 rules (76.2% before them: "has since", stretches in
# background clauses, reported leads); 84.9% with the h-dates6 news conventions; dyad F1
# 58.2% with the h-sides6 side rules; 0.6.0 as merged: P 88.5%, R 88.5%, dyad F1 60.6%,
# date 86.8%; 0.7.0: P 88.5%, R 88.5%, dyad F1 62.7%, date 87.3%; 0.8.0: P 86.9%, R 89.6%,
# dyad F1 63.9%, date 87.8% (the precision fall is a quoted "Both sides must de-escalate now",
# a demand the gold does not list); 0.11.0: P 87.9%, R 90.6%, dyad F1 66.1%, date 88.2%;
# 0.12.0: P 88.0%, R 91.7%, dyad F1 67.3%, date 87.2%
LONG_FLOORS = {
    "detection_precision": 0.86,
    "detection_recall": 0.88,
    "dyad_f1": 0.66,
    "date_accuracy": 0.85,
}


@pytest.fixture(scope="module")
def dev_summaries() -> dict[str, Any]:
    """`casus eval --json` on the five development sets, in one run (one model load)."""
    files = [str(f) for f in (LONG_EVENTS, EVENTS2, EVENTS3, DEV_LONG, DEV_DATES2)]
    result = run_cli("eval", *files, "--json")
    assert result.returncode == 0, result.stderr.decode()
    return json.loads(result.stdout.decode())  # type: ignore[no-any-return]


def test_long_article_detection_does_not_fall(dev_summaries: dict[str, Any]) -> None:
    summary = dev_summaries[str(LONG_EVENTS)]
    assert summary["detection"]["precision"] >= LONG_FLOORS["detection_precision"]
    assert summary["detection"]["recall"] >= LONG_FLOORS["detection_recall"]
    assert summary["dyad_root"]["f1"] >= LONG_FLOORS["dyad_f1"]
    assert summary["date_accuracy"] >= LONG_FLOORS["date_accuracy"]
    assert summary["forbidden_hits"] == 0


EVENTS2 = DATA / "gold" / "dev-events2.jsonl"
# issue 12 (h-recall6): the second recall set, coded before casus was run on it: detection
# P 79.2%, R 82.3% before the recall6 rules; P 80.7%, R 86.3%, dyad F1 48.8%, date accuracy
# 87.3% with them; 0.6.0 as merged: P 82.2%, R 86.3%, dyad F1 50.4%, date 89.0%; 0.7.0:
# P 82.7%, R 89.2%, dyad F1 54.2%, date 86.7% (91.6% after the 0.7.0 dating rules; the events
# the 0.7.0 recall and side rules newly match are undated answers and "within a week" acts,
# left at the publication day); 0.8.0: P 82.7%, R 89.2%, dyad F1 56.4%, date 93.4% (answers
# dated from the act before them, "within a week"); 0.9.0: P 83.0%, R 91.2%, dyad F1 59.5%,
# date 92.4%; h-sides13: dyad F1 59.8%, date 91.4% (a resignation, now done to the leader's own
# people, pairs with the earlier non-required "promise to pardon" of another sentence, whose
# day it does not have: a pairing artefact, its own date is right); 0.10.0: P 83.9%, R 92.2%,
# dyad F1 61.9%, date 91.8%; h-sides15: dyad F1 65.5%, date 89.2% (a bare surname now refers
# back to its person: five more events of "Ali" and "Danladi" match, three of them with a
# wrong date: a December 2023 meeting told in the background is left at the publication day,
# a dating gap the new matches expose, not a date that changed); h-codes15: P 88.8%, dyad F1
# 67.5%, date 88.5% (briefing goes one way: the Guyanese helicopters' deployment no longer
# takes Brazil, a country briefed, as its target and matches the gold's, with a day the
# article's "Monday" gives; correct dates rose from 91 to 92, the share fell with 2 more matched);
# 0.11.0: P 88.8%, R 93.1%, dyad F1 67.5%, date 90.4%; 0.12.0: P 88.8%, R 93.1%, dyad F1 68.4%,
# date 94.2% (h-dates17: a market reading dates no act, times on object predicates)
EVENTS2_FLOORS = {
    "detection_precision": 0.87,
    "detection_recall": 0.91,
    "dyad_f1": 0.67,
    "date_accuracy": 0.92,
}


def test_second_recall_set_detection_does_not_fall(dev_summaries: dict[str, Any]) -> None:
    summary = dev_summaries[str(EVENTS2)]
    assert summary["detection"]["precision"] >= EVENTS2_FLOORS["detection_precision"]
    assert summary["detection"]["recall"] >= EVENTS2_FLOORS["detection_recall"]
    assert summary["dyad_root"]["f1"] >= EVENTS2_FLOORS["dyad_f1"]
    assert summary["date_accuracy"] >= EVENTS2_FLOORS["date_accuracy"]
    assert summary["forbidden_hits"] == 0


EVENTS3 = DATA / "gold" / "dev-events3.jsonl"
# the third recall set (h-devset3), coded before casus was run on it: first run detection
# P 88.8%, R 67.4%, dyad F1 46.3%, date 85.1%; with the h-devset3 rules P 89.5%, R 72.3%,
# dyad F1 50.9%, date 88.0%; "the two men" as a pair: P 89.7%, R 73.8%, dyad F1 52.7%,
# date 88.6%. One forbidden hit is known: "South Korea, which holds talks with Chinese
# officials next week" is coded as talks held (a relative clause's plan). 0.7.0 as merged:
# P 90.2%, R 78.7%, dyad F1 59.2%, date 89.9%; 0.8.0: P 89.9%, R 82.3%, dyad F1 61.0%,
# date 91.4%; 0.9.0: P 91.5%, R 83.7%, dyad F1 62.7%, date 94.7%. recall13 (distorted
# depictions): R 84.4%. codes13: "Rohingya insurgents, who raided police posts" is now force
# (190, as its gold is), no longer a seizure (1711) that stood, by root alone, for the gold's
# "military campaign" (17-20) in the detection count; the raid's one 190 now matches one of the two.
# 0.10.0: P 92.2%, R 83.7%, dyad F1 63.8%, date 94.7%. prec14: a passive forecast states no
# intent, so "Nyusi is expected in Cabo Delgado this week to visit the troops" (forbidden 04 in
# its gold) no longer gives 036, which by root alone stood for the EU's training mission (033)
# in the detection count; codes14: "its first troops arrived in Pemba" is a deployment (154, as
# its gold is), no longer a visit (042) that stood, by sentence alone, for the gold's approval of
# the mission (033/074): R 83.0%; 0.11.0: P 91.4%, R 83.0%, dyad F1 66.9%, date 95.0%;
# 0.12.0: P 93.6%, R 83.0%, dyad F1 69.0%, date 94.2%
EVENTS3_FLOORS = {
    "detection_precision": 0.92,
    "detection_recall": 0.82,
    "dyad_f1": 0.68,
    "date_accuracy": 0.93,
    "forbidden_hits": 1,
}


def test_third_recall_set_does_not_fall(dev_summaries: dict[str, Any]) -> None:
    summary = dev_summaries[str(EVENTS3)]
    assert summary["detection"]["precision"] >= EVENTS3_FLOORS["detection_precision"]
    assert summary["detection"]["recall"] >= EVENTS3_FLOORS["detection_recall"]
    assert summary["dyad_root"]["f1"] >= EVENTS3_FLOORS["dyad_f1"]
    assert summary["date_accuracy"] >= EVENTS3_FLOORS["date_accuracy"]
    assert summary["forbidden_hits"] <= EVENTS3_FLOORS["forbidden_hits"]


DEV_LONG = DATA / "gold" / "dev-long.jsonl"
# issue 12 (h-dates4): long articles with undated follow-up paragraphs; date accuracy on
# matched events was 92.5% when the lead's-day rule was added (90.2% with later rules)
DEV_LONG_DATE_FLOOR = 0.88


def test_long_article_dates_do_not_fall(dev_summaries: dict[str, Any]) -> None:
    summary = dev_summaries[str(DEV_LONG)]
    assert summary["date_accuracy"] >= DEV_LONG_DATE_FLOOR


DEV_DATES2 = DATA / "gold" / "dev-dates2.jsonl"
# issue 12 (h-dates6): long articles on the ways news tells time, coded before casus was run
# on them; date accuracy on matched events was 77.8% before the news conventions of
# engine/news_time.py, 90.1% with them; 93.1% in 0.6.0 as merged (h-dates7 and the side
# rules). 0.7.0: 90.8%, with no dating rule behind the fall: newly coded acts are matched
# with their dates coarser than the gold's ("Earlier this month, the RSF seized two
# villages": the month, gold a day ±3) or from a background sentence of the same countries
# (a 1982 occupation pairs with a current gold event), and one event lost its target.
# recall12: 88.9%, with no dating rule changed: two newly detected acts count now. "China
# seized Scarborough Shoal from the Philippines in 2012" is dated 2012 as the gold's own
# 192 event is, but the scorer pairs it with a 2025 gold act; "left the West African bloc
# ECOWAS in January after months of tension" takes the publication day because spaCy reads
# "January after months" as one date (cutting it off exposes pluperfect acts in the next
# sentence inheriting January, so it is left for a dates round)
DEV_DATES2_DATE_FLOOR = 0.885


def test_news_time_article_dates_do_not_fall(dev_summaries: dict[str, Any]) -> None:
    summary = dev_summaries[str(DEV_DATES2)]
    assert summary["date_accuracy"] >= DEV_DATES2_DATE_FLOOR

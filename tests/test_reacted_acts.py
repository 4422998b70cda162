"""Whom a reaction to a named act or thing targets (engine/reactions.py, engine/authored.py,
engine/victims.py; docs/event-model.md#objects-and-targets)."""

from __future__ import annotations

import pytest

from conftest import triples


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Inspectors from the International Atomic Energy Agency found traces of uranium at a "
            "site near Isfahan. Tehran rejected the findings.",
            ("IRN", "IGO", "12"),
        ),
        (
            "The European Parliament adopted a resolution on the crackdown on Thursday. Minsk "
            "condemned the resolution as interference.",
            ("BLR", "IGO", "11"),
        ),
        (
            "Indian Prime Minister Narendra Modi's pledge to cut off the rivers drew wide "
            "attention. Pakistan rejected the pledge as a threat.",
            ("PAK", "IND", "12"),
        ),
    ],
)
def test_reaction_to_an_authored_thing_targets_its_maker(code_all, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert expected in triples(code_all(text))


def test_praise_of_a_deal_targets_each_party(code_all) -> None:  # type: ignore[no-untyped-def]
    found = triples(
        code_all("Kenya and Uganda signed a trade deal on Monday. Tanzania welcomed the deal.")
    )
    assert {("TZA", "KEN", "05"), ("TZA", "UGA", "05")} <= found


def test_comment_on_a_named_act_targets_its_doer(code_all) -> None:  # type: ignore[no-untyped-def]
    found = triples(
        code_all(
            "Chad expelled the German ambassador on Friday. "
            "Berlin declined to comment on the expulsion."
        )
    )
    assert ("DEU", "TCD", "01") in found


def test_praise_of_an_own_decision_has_no_own_target(code_all) -> None:  # type: ignore[no-untyped-def]
    found = triples(
        code_all(
            "Ghana's parliament voted on Friday to raise the budget. "
            "Ghana's president praised the decision."
        )
    )
    assert not any(s == "GHA" and t == "GHA" and r == "05" for s, t, r in found)


@pytest.mark.parametrize(
    ("text", "doer", "victim"),
    [
        (
            "Ethiopian troops shelled a Somali border town on Monday. Egypt condemned the "
            "shelling of Somalia.",
            "ETH",
            "SOM",
        ),
        (
            "Armenian forces fired on Azerbaijani positions overnight. Turkey condemned what it "
            "called an attack on Azerbaijan's territory.",
            "ARM",
            "AZE",
        ),
    ],
)
def test_condemning_an_act_named_by_its_victim_targets_the_doer(
    code_all, text, doer, victim
) -> None:  # type: ignore[no-untyped-def]
    condemnations = {(t, r) for s, t, r in triples(code_all(text)) if r == "11"}
    assert (doer, "11") in condemnations
    assert (victim, "11") not in condemnations

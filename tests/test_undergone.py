"""Acts told from the side they are done to (engine/undergone.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from casus.model import Event
from casus.ontology.lexicon import load_lexicon
from casus.ontology.words import word_list

AID_CLASSES = {
    "MILITARY_AID",
    "WEAPON",
    "ECONOMIC_AID",
    "MONEY",
    "HUMANITARIAN_AID",
    "AID_GENERAL",
}


def _pairs(events: list[Event]) -> set[tuple[str | None, str | None, str]]:
    return {
        (
            e.source.country if e.source else None,
            e.target.country if e.target else None,
            e.cameo[:2],
        )
        for e in events
    }


def test_every_received_good_has_an_aid_pattern() -> None:
    # a good outside every aid class would turn the giver into the host of a generic
    # "received" (043) instead of the giver of aid
    lexicon = load_lexicon()
    missing = [w for w in word_list("received_goods") if not lexicon.classes_of(w) & AID_CLASSES]
    assert missing == []


def test_goods_received_are_the_givers_aid(code: Callable[..., Any]) -> None:
    pairs = _pairs(code("Tunisia received emergency loans from Algeria in March."))
    assert ("DZA", "TUN", "07") in pairs
    assert not any(p[:2] == ("TUN", "DZA") for p in pairs)


def test_a_delegation_received_is_still_hosted(code: Callable[..., Any]) -> None:
    assert ("GHA", "TGO", "04") in _pairs(code("Ghana received a delegation from Togo."))


def test_came_under_attack_from_swaps_sides(code: Callable[..., Any]) -> None:
    pairs = _pairs(code("Thai soldiers came under attack from Cambodian troops on Monday."))
    assert ("KHM", "THA", "19") in pairs
    assert ("THA", "KHM", "19") not in pairs


def test_a_noun_of_saying_as_subject_is_said_by_its_from_phrase(
    code: Callable[..., Any],
) -> None:
    pairs = _pairs(code("Condemnation from Paris of the Malian junta was swift."))
    assert ("FRA", "MLI", "11") in pairs

"""The dyad in focus carries only within one side of a country (engine/focus.same_side)."""

from __future__ import annotations

from casus.engine.focus import same_side
from casus.model import Actor


def _actor(code: str, roles: tuple[str, ...]) -> Actor:
    return Actor(code, code[:3], roles, "", 0, 0)


def test_state_offices_and_forces_are_one_side() -> None:
    assert same_side(_actor("IRNGOV", ("GOV",)), _actor("IRNMIL", ("MIL",)))
    assert same_side(_actor("IRN", ()), _actor("IRNGOV", ("GOV",)))


def test_opposition_does_not_carry_on_the_governments_dealings() -> None:
    assert not same_side(_actor("GEOGOV", ("GOV",)), _actor("GEOOPP", ("OPP",)))
    assert not same_side(_actor("PERGOV", ("GOV",)), _actor("PERLEG", ("LEG",)))
    assert not same_side(_actor("VENJUD", ("JUD",)), _actor("VENGOV", ("GOV",)))


def test_a_named_party_and_its_general_code_are_one_side() -> None:
    assert same_side(_actor("GEOOPPUNM", ("OPP",)), _actor("GEOOPP", ("OPP",)))
    assert same_side(_actor("YEMREBHTH", ("REB",)), _actor("YEMREB", ("REB",)))

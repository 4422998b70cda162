"""The story's own country: what counts as evidence of where a story is set, and the
dateline against a country named once (docs/actors.md#country-from-context)."""

from __future__ import annotations

from collections import Counter

from casus.engine.context import DocumentContext, country_evidence
from casus.model import Actor


def _actor(code: str, roles: tuple[str, ...] = ()) -> Actor:
    return Actor(code, code[:3], roles, code, 0, len(code), "dictionary")


def test_a_media_outlets_nationality_is_no_evidence_of_the_stories_country() -> None:
    assert country_evidence(_actor("FRAMED", ("MED",))) is None
    assert country_evidence(_actor("FRAGOV", ("GOV",))) == "FRA"
    assert country_evidence(_actor("IGOUNO")) is None


def test_a_country_named_once_does_not_outweigh_the_dateline() -> None:
    assert DocumentContext("MLI", Counter({"FRA": 1})).main_country() == "MLI"
    assert DocumentContext("MLI", Counter({"FRA": 2})).main_country() == "FRA"
    assert DocumentContext(None, Counter({"FRA": 1})).main_country() == "FRA"

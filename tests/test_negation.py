"""Negations that deny an act without "not": "neither … nor", "no need to", "no plan to"."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from casus.model import Event


@pytest.mark.parametrize(
    ("text", "root"),
    [
        ("Israel has neither confirmed nor denied a role in the attack on the Iranian site.", "01"),
        ("Moscow saw no need to send troops to Tajikistan.", "15"),
        ("Turkey said there was no plan to attack Kurdish fighters in Syria.", "19"),
    ],
)
def test_a_denied_act_is_not_asserted(
    code_all: Callable[..., list[Event]], text: str, root: str
) -> None:
    events = [e for e in code_all(text, published="2021-04-12") if e.cameo_root == root]
    assert all(not e.modality.asserted for e in events)


def test_the_plain_act_still_is(code: Callable[..., list[Event]]) -> None:
    assert any(e.cameo_root == "01" for e in code("Israel denied a role in the attack on Iran."))

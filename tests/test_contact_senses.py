"""Full codes of h-codes14's boundaries (engine/contact_senses.py, code_choice.welcomed_act,
the lexicon's border and reserved-right rows) and one threat told inside another."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from casus.model import Event


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The first Rwandan troops arrived in Mozambique on Friday.", "154"),
        ("UN peacekeepers arrived in the Central African Republic last week.", "074"),
        ("The Saudi foreign minister arrived in Tehran on Saturday.", "042"),
        ("Macron spoke to Putin for two hours on Sunday.", "040"),
        ("The Indian foreign minister spoke to reporters in New Delhi on Tuesday.", "010"),
        ("Amnesty International welcomed the Dutch court's verdict.", "051"),
        ("China welcomed the Pakistani delegation to Beijing on Monday.", "043"),
        ("Caracas closed its border with Colombia on Thursday night.", "191"),
        ("Pakistan shut its airspace to Indian airlines.", "160"),
        ("China reserved the right to take countermeasures against the United States.", "131"),
    ],
)
def test_full_code_follows_who_acts_and_what_is_acted_on(
    code: Callable[..., list[Event]], text: str, expected: str
) -> None:
    assert expected in {e.cameo for e in code(text, published="2022-03-10")}


@pytest.mark.parametrize(
    "text",
    [
        "Netanyahu warned that Israel reserved the right to resume fighting against Hamas.",
        "Erdogan warned that Turkey reserved the right to strike the Syrian army.",
    ],
)
def test_threat_told_inside_a_warning_is_one_event(
    code: Callable[..., list[Event]], text: str
) -> None:
    threats = [e for e in code(text, published="2022-03-10") if e.cameo_root == "13"]
    assert len(threats) == 1, [(e.cameo, e.trigger_text) for e in threats]

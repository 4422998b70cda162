"""Sides of unknown country, sides from context, collective phrases, the dyad in focus, and
how confidence and scoring treat them (issue 11; docs/actors.md#unknown-and-generic-sides)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from casus.engine.context import DocumentContext
from casus.evaluation.gold import GoldEvent
from casus.evaluation.scorer import actors_match
from casus.model import Event


def _sides(events: list[Event]) -> set[tuple[str | None, str, str | None]]:
    return {
        (e.source.code if e.source else None, e.cameo_root, e.target.code if e.target else None)
        for e in events
    }


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Thousands of Kenyans were detained on Monday.", ("---", "17", "KEN")),
        ("Unidentified gunmen killed three Afghan soldiers in Nangarhar province.", None),
        # the weapon names the violence: a roadside bombing (1833, root 18)
        ("A roadside bomb killed five Malian soldiers on Sunday.", ("---", "18", "MLIMIL")),
    ],
)
def test_an_event_with_no_named_agent_is_kept_with_an_unknown_source(
    code: Callable[..., list[Event]], text: str, want: tuple[str, str, str] | None
) -> None:
    events = code(text)
    assert events, "an asserted event must not be dropped for want of a source"
    assert all(e.source is not None and not e.source.known for e in events) or want is None
    if want is not None:
        source, root, target = want
        assert any(
            e.source is not None
            and e.source.code == source
            and e.cameo_root == root
            and e.target is not None
            and (e.target.code or "").startswith(target[:3])
            for e in events
        )


def test_unknown_and_generic_sides_say_how_they_were_found(
    code: Callable[..., list[Event]],
) -> None:
    [event] = [e for e in code("Thousands of Kenyans were detained on Monday.")]
    assert event.source is not None
    assert (event.source.code, event.source.country, event.source.how) == ("---", None, "unknown")
    assert event.source.to_dict()["code"] == "---"  # never null in the JSON contract


def test_gunmen_take_the_country_of_the_place_they_act_in(
    code: Callable[..., list[Event]],
) -> None:
    events = code("Gunmen attacked a police station in Quetta on Friday.")
    sources = {e.source.code for e in events if e.source is not None}
    assert "PAKUAF" in sources


def test_an_event_with_neither_side_known_is_not_emitted(
    code: Callable[..., list[Event]],
) -> None:
    assert code("The deal was signed on Monday.") == []


def test_the_two_sides_are_the_last_two_countries_named(
    code: Callable[..., list[Event]],
) -> None:
    text = (
        "Kyrgyzstan and Tajikistan clashed on their border on Wednesday. "
        "On Thursday the two sides signed a ceasefire protocol."
    )
    signed = [e for e in code(text) if e.cameo_root == "05"]
    assert {(e.source.country, e.target.country) for e in signed if e.source and e.target} == {
        ("KGZ", "TJK"),
        ("TJK", "KGZ"),
    }


def test_both_sides_excludes_the_clause_subject(code: Callable[..., list[Event]]) -> None:
    text = (
        "The United States mediated between Israel and Iran. "
        "Washington accused both sides of violating the truce."
    )
    accused = _sides([e for e in code(text) if e.cameo_root == "11"])
    # a pair of states accused is the two governments (docs/actors.md#roles-of-event-sides)
    assert {t for _, _, t in accused} == {"ISRGOV", "IRNGOV"}


def test_an_untargeted_warning_takes_the_addressee_of_the_same_source(
    code: Callable[..., list[Event]],
) -> None:
    text = (
        "Iran's foreign ministry summoned the Azerbaijani ambassador on Saturday. "
        "It warned that provocations would not go unanswered."
    )
    warnings = [e for e in code(text) if e.cameo_root == "13"]
    assert warnings and all(
        e.target is not None and e.target.country == "AZE" and e.target.how == "context"
        for e in warnings
    )


def test_a_side_guessed_from_context_costs_confidence(code: Callable[..., list[Event]]) -> None:
    [known] = code("Iran condemned Azerbaijan on Friday.")
    [unknown] = code("Thousands of Kenyans were detained on Monday.")
    assert unknown.confidence < known.confidence


def test_the_document_context_names_a_main_country_and_dyad() -> None:
    context = DocumentContext("AZE", Counter({"IRN": 5, "AZE": 3, "TUR": 1}))
    assert context.main_country() == "IRN"
    assert context.pair() == ("IRN", "AZE")
    even = DocumentContext(None, Counter({"IRN": 1, "AZE": 1}))
    assert even.main_country() is None and even.pair() is None


def test_a_null_gold_source_is_matched_by_an_unknown_source_only(
    make_event: Callable[..., Event],
) -> None:
    gold = GoldEvent(source=None, target="KEN", codes=frozenset({"173"}), roots=frozenset({"17"}))
    for source, ok in (("---", True), ("---COP", True), ("UGA", False)):
        event = make_event(source, "KEN", "173")
        assert actors_match(gold, event, symmetric=False) is ok


@pytest.mark.parametrize(
    ("sides", "kept"), [("none", 1), ("target", 1), ("source", 0), ("both", 0)]
)
def test_require_actors_keeps_only_events_with_known_sides(sides: str, kept: int) -> None:
    import casus

    coder = casus.load(casus.Config(require_actors=sides))
    assert len(coder.code("Thousands of Kenyans were detained.", published="2023-07-12")) == kept


def test_the_cli_takes_require_actors(tmp_path: Path) -> None:
    from conftest import run_cli

    text = tmp_path / "a.txt"
    text.write_text("Thousands of Kenyans were detained.", encoding="utf-8")
    everything = run_cli("code", str(text), "--published", "2023-07-12")
    known = run_cli("code", str(text), "--published", "2023-07-12", "--require-actors", "both")
    assert everything.returncode == known.returncode == 0
    assert everything.stdout.count(b"\n") == 1 and known.stdout == b""

"""recall13: going on with an act in the future (aspect governors), plans of conflictual acts as
threats while they stand, and distorted depictions faulted in reported speech."""

from __future__ import annotations

import pytest

from casus.engine.depictions import distorted_depiction
from casus.engine.modality import stated_future
from casus.nlp import load_model
from casus.ontology.lexicon import load_lexicon


def _token(text: str, word: str):  # type: ignore[no-untyped-def]
    return next(t for t in load_model()(text) if t.text == word)


@pytest.mark.parametrize(
    ("text", "word", "future"),
    [
        ("Vietnam will continue to support Laos.", "support", True),
        ("ECOWAS said it would keep recognising the passports.", "recognising", True),
        ("Russian artillery has continued to shell the town.", "shell", False),
        ("Brussels might continue to fund the authority.", "fund", False),
    ],
)
def test_going_on_with_an_act_takes_the_governors_tense(text: str, word: str, future: bool) -> None:
    assert stated_future(_token(text, word)) is future


@pytest.mark.parametrize(
    ("text", "verb", "target"),
    [
        ("Moscow said the report painted a misleading picture of the war.", "painted", "report"),
        ("Beijing said the newspaper gave a one-sided account of events.", "gave", "newspaper"),
        (
            "Myanmar said in a statement that the court had presented a distorted picture.",
            "presented",
            "court",
        ),
    ],
)
def test_a_distorted_depiction_is_the_speakers_criticism(text: str, verb: str, target: str) -> None:
    implied = distorted_depiction(_token(text, verb), load_lexicon())
    assert implied is not None
    frame, pattern = implied
    assert pattern.code == "111"
    assert frame.pred.lemma_ == "say"
    assert [o.text for o in frame.objects] == [target]


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("Moscow said the report painted an unbiased picture of the war.", "painted"),
        ("Moscow said the report painted a full picture of the war.", "painted"),
        ("Moscow said the report had not painted a distorted picture.", "painted"),
        ("The report painted a misleading picture of the war.", "painted"),
    ],
)
def test_no_criticism_without_a_fault_said(text: str, verb: str) -> None:
    assert distorted_depiction(_token(text, verb), load_lexicon()) is None

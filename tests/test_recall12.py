"""recall12: past forms left unlemmatised, acronyms after their verb's object, classes a name
gives an object (PLACE_NAMED, MEMBER_BODY), close appositions, and the plural pronoun of a
passive act."""

from __future__ import annotations

import pytest

from casus.engine.named_objects import (
    MEMBER_BODY,
    PLACE_NAMED,
    close_apposition,
    named_classes,
)
from casus.engine.patients import passive_patient
from casus.nlp import load_model


def _token(text: str, word: str):  # type: ignore[no-untyped-def]
    return next(t for t in load_model()(text) if t.text == word)


@pytest.mark.parametrize(
    ("text", "word", "lemma"),
    [
        ("Azerbaijani troops retook the town on Tuesday.", "retook", "retake"),
        ("The town was retaken by government forces.", "retaken", "retake"),
    ],
)
def test_past_forms_get_their_lemma(text: str, word: str, lemma: str) -> None:
    assert _token(text, word).lemma_ == lemma


def test_acronym_after_the_object_is_its_apposition() -> None:
    text = "The three juntas left the West African bloc ECOWAS in January after months of tension."
    acronym = _token(text, "ECOWAS")
    assert acronym.dep_ == "appos"
    assert acronym.head.text == "bloc"
    assert _token(text, "in").head.text == "left"  # the date stays the verb's


def test_a_date_after_the_object_stays_a_date() -> None:
    monday = _token("Niger left the bloc Monday after a summit.", "Monday")
    assert monday.dep_ != "appos"


@pytest.mark.parametrize(
    ("text", "word", "wanted"),
    [
        ("Russia exited the Council of Europe in March.", "Council", MEMBER_BODY),
        ("Qatar quit the oil cartel OPEC last year.", "cartel", MEMBER_BODY),
        ("Turkish troops seized Afrin in 2018.", "Afrin", PLACE_NAMED),
        ("The minister left the party in March.", "party", None),
    ],
)
def test_classes_a_name_gives(text: str, word: str, wanted: str | None) -> None:
    found = named_classes(_token(text, word))
    if wanted is None:
        assert not found
    else:
        assert wanted in found


def test_close_apposition_needs_no_comma() -> None:
    assert (
        close_apposition(_token("Qatar quit the oil cartel OPEC last year.", "cartel")) is not None
    )
    assert close_apposition(_token("He met Ali, a lawyer, on Monday.", "lawyer")) is None


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Police detained five activists. They were beaten in custody.", "They", True),
        ("Soldiers attacked the convoy. Four of them were killed.", "them", True),
        ("Police detained five activists. They said the arrests were lawful.", "They", False),
        ("Iran fired missiles. It was condemned.", "It", False),
    ],
)
def test_plural_pronoun_of_a_passive_act(text: str, word: str, expected: bool) -> None:
    assert passive_patient(_token(text, word)) is expected

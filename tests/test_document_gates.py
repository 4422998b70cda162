"""Rules skipped in documents without their word (speed11) still read those that have it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from casus.coder import Coder
from casus.engine.date_attachment import report_of_time
from casus.engine.modality import is_conditional, is_negated_locally

if TYPE_CHECKING:
    from spacy.tokens import Token


def _verb(coder: Coder, text: str, word: str) -> Token:
    doc = coder.nlp(text)
    return next(t for t in doc if t.text == word)


def test_a_condition_is_read_where_the_document_has_its_mark(coder: Coder) -> None:
    assert is_conditional(
        _verb(coder, "If Armenia attacks the border, Baku will respond.", "attacks")
    )
    assert is_conditional(_verb(coder, "Iran will retaliate unless Israel withdraws.", "withdraws"))
    assert not is_conditional(_verb(coder, "Armenia attacked the border on Monday.", "attacked"))


def test_neither_nor_negates_both_verbs(coder: Coder) -> None:
    text = "The ministry has neither confirmed nor denied a role in the strike."
    assert is_negated_locally(_verb(coder, text, "confirmed"))
    assert not is_negated_locally(_verb(coder, "The ministry confirmed a role.", "confirmed"))


def test_a_time_belongs_to_its_report_each_time_it_is_asked(coder: Coder) -> None:
    doc = coder.nlp("Trump said on Friday he would talk to Britain.")
    friday = next(t for t in doc if t.text == "Friday")
    first = report_of_time(friday)
    assert first is not None and first.text == "said"
    again = report_of_time(friday)  # from the Doc's memo
    assert again is not None and again.i == first.i
    assert report_of_time(next(t for t in doc if t.text == "Britain")) is None

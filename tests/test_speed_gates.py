"""Short cuts on per-document and per-frame rules find what the full rules find: the acronym
definitions (a bracket looked for in the token array), allies, reciprocals and the pair words
of "the two sides"."""

from __future__ import annotations

from casus.coder import Coder
from casus.engine.acronyms import _definitions
from casus.engine.allies import ally_tokens
from casus.engine.frames import verb_frame
from casus.engine.reciprocals import reciprocal_object
from casus.engine.two_sides import _collective_words

TEXT = (
    "Turkey closed its border in solidarity with Azerbaijan. The two neighbours expelled each "
    "other's diplomats. Officials met in Ankara."
)


def test_allies_reciprocals_and_pair_words_found_as_before(coder: Coder) -> None:
    doc = coder.nlp(TEXT)
    closed = next(t for t in doc if t.text == "closed")
    assert [t.text for t in ally_tokens(verb_frame(closed))] == ["Azerbaijan"]
    met = next(t for t in doc if t.text == "met")
    assert ally_tokens(verb_frame(met)) == []
    diplomats = next(t for t in doc if t.text == "diplomats")
    assert reciprocal_object(diplomats)
    assert not reciprocal_object(next(t for t in doc if t.text == "border"))
    assert _collective_words(diplomats)  # "neighbours"
    assert not _collective_words(met)


def test_acronyms_defined_only_where_a_bracket_is(coder: Coder) -> None:
    defined = coder.nlp("The Sudanese Armed Forces (SAF) shelled the city. The SAF denied it.")
    assert [(k, v.text) for k, v in _definitions(defined).items()] == [("SAF", "Forces")]
    assert _definitions(coder.nlp("The SAF shelled the city. Sudan's army denied it.")) == {}

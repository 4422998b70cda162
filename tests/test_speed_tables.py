"""The per-document tables of the speed10 round give what reading each token gives (issue 14):
the parts of speech, lemmas and lower-case words of a Doc read once from its arrays, and the
rules that look for a rare word there first still fire when the word is present."""

from __future__ import annotations

import pytest

from casus.coder import Coder
from casus.engine.sentences import document_words, with_pos
from casus.ontology.lexicon import Pattern

TEXTS = [
    "Iran condemned Azerbaijan over the attack on its embassy in Baku on Monday.",
    "The banned party's leaders, who had fled, said they would return. Will Ankara mediate?",
    "HANOI/MANILA, June 3 – Vietnam and the Philippines signed a maritime accord.\n\nIt holds.",
]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("parts", [("VERB", "AUX", "ADJ"), ("NOUN",), ("NOUN", "PROPN", "PRON")])
def test_with_pos_keeps_the_tokens_a_pos_filter_keeps(
    coder: Coder, text: str, parts: tuple[str, ...]
) -> None:
    doc = coder.nlp(text)
    for sent in [*doc.sents, doc[:]]:
        assert [t.i for t in with_pos(sent, parts)] == [t.i for t in sent if t.pos_ in parts]


@pytest.mark.parametrize("text", TEXTS)
def test_document_words_are_every_tokens_lower_lemma_and_word(coder: Coder, text: str) -> None:
    doc = coder.nlp(text)
    assert document_words(doc) == {t.lemma_.lower() for t in doc} | {t.lower_ for t in doc}


def _coded(coder: Coder, text: str) -> set[tuple[str | None, str, str | None]]:
    return {
        (e.source.code if e.source else None, e.cameo, e.target.code if e.target else None)
        for e in coder.code(text, published="2023-04-09")
    }


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        # (a country's role as a source follows what it does: docs/actors.md#roles-of-event-sides)
        # a hosting clause: the forces the struck place keeps are the target
        (
            "Iran fired missiles at the Al Udeid air base in Qatar, which hosts U.S. forces.",
            ("IRNMIL", "USAMIL"),
        ),
        # an ally noun: the ally is no target, the other side is
        (
            "Turkey sealed the border in solidarity with Azerbaijan after Armenian forces "
            "captured Kelbajar.",
            ("TURGOV", "ARM"),
        ),
        # reciprocals: each co-subject acts on the other
        ("Armenia and Azerbaijan expelled each other's diplomats.", ("AZEGOV", "ARMGOV")),
        ("Armenia and Azerbaijan accused each other of violating the truce.", ("ARMGOV", "AZEGOV")),
        # the first "of" phrase with an object says whose the goods are
        ("Ankara banned imports of Iranian goods.", ("TURGOV", "IRNGOV")),
    ],
)
def test_rules_behind_a_word_gate_still_fire(
    coder: Coder, text: str, pair: tuple[str, str]
) -> None:
    assert pair in {(source, target) for source, _code, target in _coded(coder, text)}


@pytest.mark.parametrize(
    "text",
    [
        "Azerbaijan has put all its eggs in the Israeli basket and destroyed all the bridges "
        "behind it.",
        "Baku burned its bridges with Tehran.",
    ],
)
def test_an_idiom_with_all_its_words_in_the_document_is_still_no_event(
    coder: Coder, text: str
) -> None:
    assert _coded(coder, text) == set()


@pytest.mark.parametrize(
    ("obj", "prep", "comp", "particle", "expected"),
    [
        (None, None, frozenset(), None, 0),
        ("TROOP", None, frozenset(), None, 3),
        ("sanction", "on", frozenset(), None, 6),
        (None, None, frozenset({"19"}), "back", 3),
    ],
)
def test_pattern_specificity_is_found_at_construction(
    obj: str | None, prep: str | None, comp: frozenset[str], particle: str | None, expected: int
) -> None:
    pattern = Pattern("190", "verb", "strike", particle, obj, prep, comp, "test:1")
    assert pattern.specificity == expected
    assert pattern == Pattern("190", "verb", "strike", particle, obj, prep, comp, "test:1")


def test_according_to_still_names_the_speaker(coder: Coder) -> None:
    [event] = coder.code(
        "According to Tehran, Azerbaijan expelled four Iranian diplomats.", published="2023-04-09"
    )
    assert event.attribution.verb == "according to"
    assert event.attribution.speaker is not None
    assert event.attribution.speaker.country == "IRN"

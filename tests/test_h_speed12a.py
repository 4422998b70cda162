"""h-speed12a: the entities of a document listed by token (engine/sentences.py) are those of
``doc.ents``, and a pair phrase is still found when the document has its words."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from casus.coder import Coder
from casus.engine.pair_members import _pair_phrase
from casus.engine.sentences import entity_of
from casus.model import Actor

SENTENCES = [
    "Iran and Turkey did not condemn the attack on the embassy in Baku, officials said.",
    "Azerbaijan, which accused Iran of spying, expelled four diplomats and recalled its envoy.",
    "The two sides agreed to restore flights to Pristina after talks hosted by the EU.",
    "Hezbollah struck back at Israel with drones and rockets in support of Hamas on Friday.",
    "Police arrested a man on charges of spying for Ukraine, the Russian Interior Ministry said.",
    "Will the junta hold elections unless ECOWAS lifts the sanctions it imposed in July?",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_the_entity_of_a_token_is_the_span_that_holds_it(coder: Coder, text: str) -> None:
    doc = coder.nlp(text)
    assert doc.ents
    for token in doc:
        walked = next((e for e in doc.ents if e.start <= token.i < e.end), None)
        assert _where(entity_of(token)) == _where(walked)


def _where(entity: Span | None) -> tuple[int, int, str] | None:
    return None if entity is None else (entity.start, entity.end, entity.label_)


@pytest.mark.parametrize(
    ("text", "phrase", "pair"),
    [
        ("The two sides agreed to restore flights.", "The two sides", True),
        ("Both countries signed the accord.", "Both countries", True),
        ("The rivals met in Geneva.", "The rivals", True),
        ("The government signed the accord.", "The government", False),
        ("Two soldiers were killed.", "Two soldiers", False),
    ],
)
def test_a_pair_phrase_is_found_with_the_documents_words(
    coder: Coder, text: str, phrase: str, pair: bool
) -> None:
    doc = coder.nlp(text)
    side = Actor("---", None, (), phrase, 0, len(phrase), "generic")
    assert _pair_phrase(side, doc[0]) is pair

"""engine/sentences.py (h-speed12a): the dependency parse read by index gives what the Token
walk gives, and the rules that read it still find their words."""

from __future__ import annotations

import pytest
from spacy.tokens import Span, Token

from casus.coder import Coder
from casus.engine.frames import prep_objects, with_conjuncts
from casus.engine.pair_members import _pair_phrase
from casus.engine.sentences import (
    children_with,
    entity_of,
    has_child,
    subtree_indices,
    tree_of,
)
from casus.model import Actor

SENTENCES = [
    "Iran and Turkey did not condemn the attack on the embassy in Baku, officials said.",
    "Azerbaijan, which accused Iran of spying, expelled four diplomats and recalled its envoy.",
    "The two sides agreed to restore flights to Pristina after talks hosted by the EU.",
    "Hezbollah struck back at Israel with drones and rockets in support of Hamas on Friday.",
    "Police arrested a man on charges of spying for Ukraine, the Russian Interior Ministry said.",
    "Will the junta hold elections unless ECOWAS lifts the sanctions it imposed in July?",
]
LABELS = [
    ("aux", "auxpass", "neg"),
    ("prep",),
    ("nsubj", "nsubjpass"),
    ("conj",),
    ("pobj", "dobj"),
]


@pytest.mark.parametrize("text", SENTENCES)
def test_the_tree_is_the_parse_of_every_token(coder: Coder, text: str) -> None:
    doc = coder.nlp(text)
    tree = tree_of(doc)
    assert list(tree.deps) == [t.dep_ for t in doc]
    assert list(tree.heads) == [t.head.i for t in doc]
    assert list(tree.words) == [t.lower_ for t in doc]
    assert [list(tree.children_of(t.i)) for t in doc] == [[c.i for c in t.children] for t in doc]
    assert tree_of(doc) is tree  # read once per document


@pytest.mark.parametrize("text", SENTENCES)
def test_children_with_a_label_are_those_of_the_token_walk(coder: Coder, text: str) -> None:
    doc = coder.nlp(text)
    for token in doc:
        for labels in LABELS:
            walked = [c for c in token.children if c.dep_ in labels]
            assert children_with(token, labels) == walked
            assert has_child(token, labels) == bool(walked)
        with_word = [c for c in token.children if c.dep_ == "prep" and c.lower_ in ("in", "on")]
        assert children_with(token, ("prep",), ("in", "on")) == with_word
        assert has_child(token, ("prep",), ("in", "on")) == bool(with_word)


@pytest.mark.parametrize("text", SENTENCES)
def test_the_subtree_by_index_is_the_token_walk(coder: Coder, text: str) -> None:
    doc = coder.nlp(text)
    for token in doc:
        assert subtree_indices(token) == [t.i for t in token.subtree]


@pytest.mark.parametrize("text", SENTENCES)
def test_the_entity_of_a_token_is_the_span_that_holds_it(coder: Coder, text: str) -> None:
    doc = coder.nlp(text)
    assert doc.ents
    for token in doc:
        walked = next((e for e in doc.ents if e.start <= token.i < e.end), None)
        assert _where(entity_of(token)) == _where(walked)


def _where(entity: Span | None) -> tuple[int, int, str] | None:
    return None if entity is None else (entity.start, entity.end, entity.label_)


def test_prepositions_read_by_index_keep_their_objects(coder: Coder) -> None:
    doc = coder.nlp("Hezbollah struck back at Israel and Cyprus, and spoke by phone with Putin.")
    struck = next(t for t in doc if t.lemma_ == "strike")
    spoke = next(t for t in doc if t.lemma_ == "speak")
    preps: dict[str, list[str]] = {}
    for verb in (struck, spoke):
        found: dict[str, list[Token]] = {}
        prep_objects(verb, found)
        preps.update({word: [t.text for t in tokens] for word, tokens in found.items()})
    assert preps["at"] == ["Israel", "Cyprus"]  # through the particle "back"
    assert preps["with"] == ["Putin"]  # through the instrument "by phone"
    assert [t.text for t in with_conjuncts(doc[4])] == ["Israel", "Cyprus"]


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

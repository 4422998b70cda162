"""h-speed14: rules gated by the words of the verb's own sentence.

An obligation ("said that China **must** drop …", "**urged** that Moscow stop …") reads a
modal among the verb's auxiliaries or a mandative verb as its head, and a condition ("…
**if** the talks fail") the marks of the clauses above the verb: all inside the verb's
sentence, as a parse tree never crosses a sentence. ``sentences_with`` lists once per
document the sentences that have one of a word list's words, so a verb in any other sentence
is skipped even where the document has the word; the attribution stage looks for "according
to" only in a sentence that has "according", and a side's phrase is read as a pair ("the two
sides") only if a sentence it touches has a pair word. The gate must never change an answer: the
rules still fire in the sentence that has the word, and a sentence listed by the gate is
exactly one that has a word of the list."""

from __future__ import annotations

import pytest

from casus.coder import Coder
from casus.engine.clauses import OBLIGATION_WORDS
from casus.engine.modality import CONDITION_MARKS, is_conditional
from casus.engine.pair_members import PAIR_WORDS, _pair_phrase
from casus.engine.sentences import chars_have, has_word, in_sentence_with, sentences, sentences_with
from casus.model import Actor
from casus.stages.attribution import ACCORDING

# Several sentences each, the gated words in some of them only (as a lemma: "urged", "Urges";
# as a word: "Must", "IF").
DOCUMENTS = [
    "The envoy arrived in Baku on Monday. Washington urged that Armenia withdraw its forces. "
    "Talks resumed in Geneva.",
    "Police arrested forty protesters. The opposition Must not give up, its leader said. "
    "IF the talks fail, Qatar will halt its mediation.",
    "Egypt will reopen the crossing unless Israel objects. The ministers met in Cairo.",
    "The foreign ministers met in Geneva and agreed to resume the talks next month.",
    "Germany said Russia should withdraw its troops.\n\nBerlin insisted that Moscow stop the "
    "shelling. Officials asked whether the strikes would continue.",
]


@pytest.mark.parametrize("text", DOCUMENTS)
@pytest.mark.parametrize("words", [OBLIGATION_WORDS, CONDITION_MARKS])
def test_the_sentences_listed_are_those_with_a_word_of_the_list(
    coder: Coder, text: str, words: frozenset[str]
) -> None:
    doc = coder.nlp(text)
    expected = {
        number
        for number, sent in enumerate(sentences(doc))
        if any(t.lemma_.lower() in words or t.lower_ in words for t in sent)
    }
    assert sentences_with(doc, words) == expected
    for token in doc:
        starts = {sentences(doc)[number].start for number in expected}
        assert in_sentence_with(token, words) == (token.sent.start in starts)


def test_the_gate_skips_sentences_of_a_document_that_has_the_word(coder: Coder) -> None:
    doc = coder.nlp(DOCUMENTS[0])
    assert sentences_with(doc, OBLIGATION_WORDS) == {1}  # "urged" (lemma "urge") only
    assert sentences_with(doc, CONDITION_MARKS) == frozenset()  # no "if" nor "unless"


@pytest.mark.parametrize("text", DOCUMENTS)
def test_what_the_gated_rules_read_lies_in_the_verbs_sentence(coder: Coder, text: str) -> None:
    """The premise of the gate: a verb's auxiliaries, its head and the heads above it (the
    climb of ``is_conditional``) are words of its own sentence."""
    doc = coder.nlp(text)
    for token in doc:
        sent = token.sent
        assert sent.start <= token.head.i < sent.end
        assert all(sent.start <= c.i < sent.end for c in token.children)


# The gated rules at work in a sentence beside others without the word: (text, source,
# target, code prefix) of an event that must be coded.
FIRES = [
    (
        "Talks resumed in Geneva on Monday. The State Department said that Beijing must lift "
        "its trade barriers.",
        "USA",
        "CHN",
        "10",
    ),
    (
        "The envoy arrived in Brussels. Germany said Russia should withdraw its troops from "
        "the border.",
        "DEU",
        "RUS",
        "02",
    ),
]


@pytest.mark.parametrize(("text", "source", "target", "code"), FIRES)
def test_an_obligation_is_still_read_in_its_sentence(
    coder: Coder, text: str, source: str, target: str, code: str
) -> None:
    events = coder.code(text, published="2023-04-09", include_all=True)
    found = [
        (e.source and e.source.code or "", e.target and e.target.code or "", e.cameo)
        for e in events
    ]
    assert any(
        s.startswith(source) and t.startswith(target) and c.startswith(code) for s, t, c in found
    ), found


def test_a_condition_is_still_read_in_its_sentence_and_not_in_others(coder: Coder) -> None:
    doc = coder.nlp(
        "Israeli jets struck targets in Gaza on Sunday. Hamas will fire rockets at Israel if "
        "the strikes continue, and Egypt may close the crossing unless talks resume."
    )
    by_lemma = {t.lemma_: t for t in doc}
    assert not is_conditional(by_lemma["strike"])  # the document's "if" is in another sentence
    assert is_conditional(by_lemma["continue"])  # the "if" clause itself
    assert is_conditional(by_lemma["resume"])  # the "unless" clause


def test_according_to_is_still_read_in_its_sentence_and_not_in_others(coder: Coder) -> None:
    text = (
        "Russian forces shelled Kharkiv on Monday. Ukrainian troops attacked a Russian depot "
        "near Kherson, according to the Ukrainian military."
    )
    doc = coder.nlp(text)
    assert [has_word(sent, ACCORDING) for sent in sentences(doc)] == [False, True]
    events = coder.code(text, published="2023-04-09", include_all=True)
    verbs = {e.evidence_text.split()[0]: e.attribution.verb for e in events}
    assert verbs.get("Ukrainian") == "according to", events
    assert verbs.get("Russian") != "according to", events


PAIRS = (
    "Serbia and Kosovo met in Brussels. The two sides agreed to restore flights. Two soldiers "
    "were killed near the border, and both countries blamed the rivals. The government denied it."
)


@pytest.mark.parametrize(
    ("phrase", "pair"),
    [
        ("The two sides", True),
        ("both countries", True),
        ("the rivals", True),
        ("Two soldiers", False),
        ("The government", False),
        ("Serbia", False),
    ],
)
def test_a_pair_phrase_is_found_with_its_sentences_words(
    coder: Coder, phrase: str, pair: bool
) -> None:
    doc = coder.nlp(PAIRS)
    start = PAIRS.index(phrase)
    side = Actor("---", None, (), phrase, start, start + len(phrase), "generic")
    assert _pair_phrase(side, doc[0]) is pair


def test_the_sentences_a_phrase_touches_are_those_of_its_tokens(coder: Coder) -> None:
    doc = coder.nlp(PAIRS)
    for start in range(len(PAIRS)):
        for end in range(start + 1, min(start + 40, len(PAIRS)) + 1):
            span = doc.char_span(start, end, alignment_mode="expand")
            assert span is not None
            if not len(span):
                continue  # whitespace only: no phrase (the gate lets the rule decide)
            expected = any(
                t.lemma_.lower() in PAIR_WORDS or t.lower_ in PAIR_WORDS
                for s in {t.sent for t in span}
                for t in s
            )
            # never skips a phrase whose sentences have the word (it may let through a range
            # that ends in the space before a sentence: the rule's own test decides there)
            assert chars_have(doc, start, end, PAIR_WORDS) or not expected, (start, end)
    first = PAIRS.index("Serbia")
    assert not chars_have(doc, first, first + len("Serbia"), PAIR_WORDS)

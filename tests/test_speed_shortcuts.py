"""The short cuts of the 0.6.0 speed round give what the long way gives (issue 14): the scan
for time phrases spaCy misses skips sentences without their words; a token's sentence number
and its subtree's words are read once per document; a predicate's stated future once per
token."""

from __future__ import annotations

import re

import pytest

from casus.coder import Coder
from casus.engine.modality import _stated_future, stated_future
from casus.engine.sentences import sentence_index, subtree_words
from casus.engine.time_spans import EXTRA_TIME, EXTRA_TIME_WORDS, _extra_times

TEXT = (
    "Iran and Azerbaijan accused each other of violations on Monday. Baku will recall its "
    "ambassador.\n\nTehran could retaliate, officials said. Would Ankara mediate?"
)

# One sentence per kind of phrase EXTRA_TIME finds, in several casings.
TIME_SENTENCES = [
    "Prices rose in the past few weeks.",
    "Fighting grew Over The Last Two Months in the north.",
    "Talks stalled in recent days.",
    "The next day, troops withdrew.",
    "Troops withdrew the following day.",
    "Three days later, the border reopened.",
    "Five weeks later the envoy returned.",
    "Rockets hit the port last night and this MORNING.",
    "Officials met yesterday; they meet again today and tonight.",
    "Jets struck overnight.",
    "Protesters gathered on Monday evening and on Sunday.",
    "The treaty was signed many years ago, decades ago.",
    "Such raids happened in the past, long ago.",
    "Hours later, and minutes later, the shelling resumed.",
    "Later that day the minister resigned; earlier in the day he had spoken.",
    "That evening the embassy closed.",
    "The following morning the talks resumed.",
]
PLAIN_SENTENCES = [
    "Iran condemned Azerbaijan over the attack on its embassy.",
    "The ministry said the talks would resume.",
    "Police arrested dozens of protesters in Tbilisi.",
]
FULL_SCAN = re.compile(EXTRA_TIME.pattern.removeprefix("(?=\\w)"), re.IGNORECASE)


def _spans(matches: object, text: str) -> list[tuple[int, int, str]]:
    # the phrase as written: the matches of an ASCII sentence are of its lower case (h-speed15)
    return [(m.start(), m.end(), text[m.start() : m.end()]) for m in matches]  # type: ignore[attr-defined]


@pytest.mark.parametrize("text", TIME_SENTENCES + PLAIN_SENTENCES)
def test_time_phrases_found_as_by_the_full_scan(text: str) -> None:
    assert _spans(_extra_times(text), text) == _spans(FULL_SCAN.finditer(text), text)


@pytest.mark.parametrize("text", TIME_SENTENCES)
def test_every_time_phrase_has_a_gate_word(text: str) -> None:
    found = _spans(FULL_SCAN.finditer(text), text)
    assert found, text
    for _s, _e, phrase in found:
        assert any(word in phrase.lower() for word in EXTRA_TIME_WORDS), phrase


def test_sentence_index_numbers_the_sentences_as_spacy_does(coder: Coder) -> None:
    doc = coder.nlp(TEXT)
    starts = [s.start for s in doc.sents]
    assert len(starts) >= 4
    for token in doc:
        assert sentence_index(token) == starts.index(token.sent.start), token.text


def test_subtree_words_are_the_subtree_in_lower_case(coder: Coder) -> None:
    doc = coder.nlp(TEXT)
    for token in doc:
        assert subtree_words(token) == " ".join(t.lower_ for t in token.subtree)
    assert "each other" in {subtree_words(t) for t in doc}


def test_stated_future_kept_per_token_is_what_the_rules_say(coder: Coder) -> None:
    doc = coder.nlp(TEXT)
    verbs = [t for t in doc if t.pos_ in ("VERB", "AUX")]
    assert {t.lemma_ for t in verbs if stated_future(t)} >= {"recall"}
    for verb in verbs:
        assert stated_future(verb) == _stated_future(verb), verb.text

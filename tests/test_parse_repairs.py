"""The parse repairs after the parser: acronyms read as verbs, "whom" read as a subject, and
participles of feeling read as adjectives, present appeals read as nouns; and words with a co-
or re- prefix kept whole (nlp.py), lemmatized as their stem."""

from __future__ import annotations

import pytest

from casus.nlp import load_model


def _token(text: str, word: str):  # type: ignore[no-untyped-def]
    return next(t for t in load_model()(text) if t.text == word)


@pytest.mark.parametrize(
    ("text", "acronym", "verb"),
    [
        (
            "Meeting in Accra on 30 May, Ecowas heads of state suspended Mali from the bloc's"
            " institutions.",
            "Ecowas",
            "suspended",
        ),
        ("ECOWAS defence chiefs threatened Niger's junta with force.", "ECOWAS", "threatened"),
        ("SADC heads of state deployed troops to Mozambique.", "SADC", "deployed"),
    ],
)
def test_acronym_before_a_role_noun_is_a_compound_of_the_subject(
    text: str, acronym: str, verb: str
) -> None:
    name = _token(text, acronym)
    assert name.dep_ == "compound" and name.pos_ == "PROPN"
    assert name.head.dep_ == "nsubj" and name.head.head.text == verb


@pytest.mark.parametrize(
    ("text", "subject", "verb"),
    [
        (
            "President Lai, whom Beijing last month called a parasite, condemned it.",
            "Beijing",
            "called",
        ),
        ("The activist, whom Russian police arrested in March, was freed.", "police", "arrested"),
    ],
)
def test_whom_is_the_object_of_its_clause(text: str, subject: str, verb: str) -> None:
    whom = _token(text, "whom")
    assert whom.dep_ == "dobj" and whom.head.text == verb
    assert _token(text, subject).dep_ == "nsubj" and _token(text, subject).head.text == verb


def test_adjectives_of_nationality_are_left_alone() -> None:
    iranian = _token("Iranian officials condemned the attack.", "Iranian")
    assert iranian.pos_ == "ADJ" and iranian.dep_ == "amod"


@pytest.mark.parametrize(
    ("text", "word", "lemma", "subject"),
    [
        (
            "ECOWAS said it was deeply concerned by the deteriorating relations.",
            "concerned",
            "concern",
            "it",
        ),
        (
            'The rights office said it was "extremely alarmed" by the assault.',
            "alarmed",
            "alarm",
            "it",
        ),
        ("Seoul was worried about the launch.", "worried", "worry", "Seoul"),
    ],
)
def test_participle_of_feeling_after_be_is_a_passive_verb(
    text: str, word: str, lemma: str, subject: str
) -> None:
    feeling = _token(text, word)
    assert (feeling.pos_, feeling.tag_, feeling.lemma_) == ("VERB", "VBN", lemma)
    children = {c.text: c.dep_ for c in feeling.children}
    assert children[subject] == "nsubjpass" and children["was"] == "auxpass"


def test_adjective_that_is_no_feeling_stays_an_adjective() -> None:
    word = _token("The minister said the talks were constructive.", "constructive")
    assert word.pos_ == "ADJ" and word.dep_ == "acomp"


@pytest.mark.parametrize(
    ("text", "word", "lemma", "root"),
    [
        (
            "Qatar, which co-hosted the talks in 2021, urged Israel to stop.",
            "co-hosted",
            "host",
            "urged",
        ),
        (
            "Norway, which co-chaired the conference, re-imposed sanctions.",
            "re-imposed",
            "impose",
            "re-imposed",
        ),
        (
            "Re-elected in 2022, the president re-opened the border.",
            "re-opened",
            "open",
            "re-opened",
        ),
    ],
)
def test_prefixed_word_is_one_verb_with_its_stems_lemma(
    text: str, word: str, lemma: str, root: str
) -> None:
    token = _token(text, word)
    assert token.lemma_ == lemma and token.pos_ == "VERB"
    assert next(t for t in token.doc if t.dep_ == "ROOT").text == root


@pytest.mark.parametrize(
    ("text", "first", "clause"),
    [
        (
            "The EU condemns the arrests and calls on the Russian authorities to release all"
            " those detained.",
            "condemns",
            "release",
        ),
        ("The minister condemns the strikes and calls on Israel to stop.", "condemns", "stop"),
        (
            "The African Union deplores the coup and appeals to the junta to restore order.",
            "deplores",
            "restore",
        ),
    ],
)
def test_present_appeal_after_and_is_a_verb_with_its_infinitive(
    text: str, first: str, clause: str
) -> None:
    appeal = next(t for t in load_model()(text) if t.lower_ in ("calls", "appeals"))
    assert appeal.pos_ == "VERB" and appeal.dep_ == "conj" and appeal.head.text == first
    assert _token(text, clause).head.i == appeal.i
    assert _token(text, clause).i > appeal.i
    assert any(c.dep_ == "prep" and c.i == appeal.i + 1 for c in appeal.children)


@pytest.mark.parametrize(
    ("text", "verb", "noun"),
    [
        ("Morocco breaks off diplomatic relations with Iran.", "breaks", "relations"),
        (
            "That evening Belgrade breaks off diplomatic relations with the United States.",
            "breaks",
            "relations",
        ),
    ],
)
def test_object_hung_off_a_particle_is_the_verbs_object(text: str, verb: str, noun: str) -> None:
    token = _token(text, noun)
    assert token.dep_ == "dobj" and token.head.text == verb

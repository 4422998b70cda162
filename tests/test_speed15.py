"""h-speed15: less work per event in the places stage, per phrase in the resolver, per
sentence in the dates stage.

The places stage reads only the proper nouns and border words of an event's clause, and now
picks them from the Doc's columns within the trigger's subtree instead of walking the whole
clause; a phrase is looked up among the people's names only if one of its words is a word of
some person's name; an "as" phrase ("described the deal **as** aggression") is looked for only
in a sentence that has "as", and a negation only in one with a negator or a word labelled
"neg"; the long case-insensitive scans of a sentence (relation words of references, time
phrases, markers of the present) run on its lower case without IGNORECASE. None may change
an answer: the gated reading answers as the full one did on every word of varied sentences,
and still finds what it is about."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import Counter

import pytest
from spacy.tokens import Token

from casus.coder import Coder
from casus.engine import modality, name_lookup
from casus.engine.as_predicates import as_predicates, read_as_phrase
from casus.engine.folded import fold, folded
from casus.engine.modality import is_negated_locally
from casus.engine.name_lookup import person_named
from casus.engine.narrative import PRESENT_MARKERS
from casus.engine.phrases import phrase_tokens
from casus.engine.time_spans import EXTRA_TIME, date_spans
from casus.model import Event
from casus.ontology.actors import ActorDictionary, Entry, normalize
from casus.stages.places import BORDER_WORDS, OTHER_CLAUSES, _clause_tokens, locate

DAY = dt.date(2023, 4, 9)

VARIED = [
    "Russian forces shelled villages near Kharkiv and Sumy on Monday, officials in Kyiv said.",
    "Poland summoned the ambassador, who was at a meeting in Warsaw, over the border incident.",
    "Troops clashed on the border with Azerbaijan as the Armenian army moved to Goris.",
    "Iran described the sanctions as an act of economic war and threatened the United States.",
    "Vladimir Putin met Recep Tayyip Erdogan in Sochi, and Emmanuel Macron called Putin later.",
    "Former national security adviser Robert O'Brien said that Massimo D'Alema visited Rome.",
    "The Turkish foreign ministry, which condemned the raid in Idlib, served as a mediator.",
    "Israeli jets struck targets in the Gaza Strip after militants fired rockets at Sderot.",
]


def _walked(trigger: Token) -> list[Token]:
    """The clause as the places stage walked it before: the subtree without clauses of its
    own, then its proper nouns and border words, in order."""
    out, stack = [], [trigger]
    while stack:
        token = stack.pop()
        out.append(token)
        stack.extend(c for c in token.children if c.dep_ not in OTHER_CLAUSES)
    return [
        t
        for t in sorted(out, key=lambda t: t.i)
        if t.pos_ == "PROPN" or t.lemma_.lower() in BORDER_WORDS
    ]


@pytest.mark.parametrize("text", VARIED)
def test_the_clause_candidates_are_those_the_walk_found(coder: Coder, text: str) -> None:
    doc = coder.nlp(text)
    compared = 0
    for token in doc:
        assert [t.i for t in _clause_tokens(token)] == [t.i for t in _walked(token)], token.text
        compared += bool(_walked(token))
    assert compared > 0


@pytest.mark.parametrize(
    ("text", "trigger", "place"),
    [
        ("Russian forces shelled villages near Kharkiv on Monday.", "shelled", "Kharkiv"),
        ("Troops clashed on the border with Azerbaijan on Sunday.", "clashed", "Azerbaijan"),
        ("Israeli jets struck targets in the Gaza Strip overnight.", "struck", "Gaza"),
        # the place of a relative clause is not the summons' own
        ("Poland summoned the ambassador, who was at a meeting in Warsaw.", "summoned", None),
    ],
)
def test_the_clause_place_is_still_found(
    coder: Coder, text: str, trigger: str, place: str | None
) -> None:
    doc = coder.nlp(text)
    verb = next(t for t in doc if t.text == trigger)
    found = locate(doc, verb, coder.gazetteer, ())
    if place is None:
        assert found is None
    else:
        assert found is not None and place in found.name


def test_every_name_of_a_person_passes_the_gate(coder: Coder) -> None:
    dictionary = coder.dictionary
    assert dictionary.people
    for key in dictionary.people:
        assert name_lookup._may_name_person(dictionary, key.split()), key
    # as the parser may cut a name: "O 'Brien" is "o'brien"
    assert name_lookup._may_name_person(dictionary, ["Robert", "O", "'Brien"])
    assert not name_lookup._may_name_person(dictionary, ["the", "Iranian", "foreign", "ministry"])


def test_a_name_added_is_a_word_of_the_people_at_once() -> None:
    dictionary = ActorDictionary()
    assert not dictionary.person_words()
    dictionary.add_person("Zorin Quillby", Entry("XYZGOV", "person", None, None, "test"))
    assert {"zorin", "quillby"} <= dictionary.person_words()
    assert name_lookup._may_name_person(dictionary, ["Minister", "Quillby"])


@pytest.mark.parametrize("text", VARIED)
def test_person_named_answers_as_without_the_gate(
    coder: Coder, text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    dictionary = coder.dictionary
    doc = coder.nlp(text)
    phrases = [phrase_tokens(t) for t in doc if t.pos_ in ("NOUN", "PROPN")]
    gated = [person_named(dictionary, DAY, tokens) for tokens in phrases]
    monkeypatch.setattr(name_lookup, "_may_name_person", lambda _d, _w: True)
    assert gated == [person_named(dictionary, DAY, tokens) for tokens in phrases]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Vladimir Putin warned the West on Monday.", "putin"),
        ("Erdogan called Macron on Friday.", "macron"),
        ("Robert O'Brien criticised China.", "robert o'brien"),
    ],
)
def test_a_person_is_still_named(coder: Coder, text: str, name: str) -> None:
    doc = coder.nlp(text)
    found = [person_named(coder.dictionary, DAY, phrase_tokens(t)) for t in doc]
    labels = {normalize(e.label) for e in found if e is not None}
    assert any(name in label for label in labels), labels


@pytest.mark.parametrize("text", VARIED)
def test_as_predicates_answer_as_without_the_gate(coder: Coder, text: str) -> None:
    doc = coder.nlp(text)
    assert [as_predicates(t) for t in doc] == [read_as_phrase(t) for t in doc]


def test_an_as_predicate_is_still_read(coder: Coder) -> None:
    doc = coder.nlp("Iran described the sanctions as an act of economic war.")
    verb = next(t for t in doc if t.lemma_ == "describe")
    assert [t.text for t in as_predicates(verb)] == ["act"]


# ---- case-insensitive scans of ASCII sentences in lower case (engine/folded.py) ----

FOLDING = [
    "In the wake of the 1979 Revolution, Iran cut ties; EVER SINCE the war, talks stalled.",
    "Two days later, the envoy returned. In Recent Weeks the army moved troops.",
    "NOW the ministers meet; These days the talks resume. Earlier this month, Baku said so.",
    "Shortly After the vote, Hours Later, the minister resigned the Next Morning.",
    "The two sides met on the eve of the summit, ahead of the elections, prior to Friday.",
    "Russia shelled Kharkiv overnight; the following day Ukraine struck back.",
]


def _found(pattern: re.Pattern[str], text: str) -> list[tuple[int, int, str | None]]:
    return [(m.start(), m.end(), m.lastgroup) for m in pattern.finditer(text)]


@pytest.mark.parametrize("text", FOLDING)
def test_a_folded_pattern_finds_what_the_ignorecase_one_found(coder: Coder, text: str) -> None:
    relations = coder.references._relation_re
    patterns = [relations, EXTRA_TIME, PRESENT_MARKERS]
    for pattern in patterns:
        for variant in (text, text.upper(), text.lower()):
            assert _found(folded(pattern), str(fold(variant))) == _found(pattern, variant)
    assert any(_found(pattern, text) for pattern in patterns)


def test_a_pattern_with_capitals_is_not_folded() -> None:
    with pytest.raises(ValueError, match="upper-case"):
        folded(re.compile(r"\bMonday\b", re.IGNORECASE))
    assert folded(re.compile(r"\W\bmonday\S", re.IGNORECASE)).flags & re.IGNORECASE == 0
    assert fold("Café") is None and fold("Baku SAID") == "baku said"


def test_time_phrases_and_references_keep_their_written_text(coder: Coder) -> None:
    doc = coder.nlp(
        "Two Days Later, Iran recalled its envoy. Since the Islamic Revolution, ties cooled."
    )
    texts = [text for sent in doc.sents for _s, _e, text in date_spans(sent)]
    assert "Two Days Later" in texts
    found = coder.references.find(
        "Ever Since the Islamic Revolution, ties cooled.", 0, DAY, Counter({"IRN": 2})
    )
    assert found and found[0].text.startswith("Ever Since")
    assert found[0].when is not None and found[0].when.date is not None


# ---- negation looked for only in a sentence with a negator or a "neg" label ----

NEGATED = [
    ("Iran did not attack the tanker.", "attack"),
    ("Baku has never condemned the strikes.", "condemned"),
    ("No country was willing to send troops.", "was"),
    ("Ankara has neither confirmed nor denied a role in the raid.", "denied"),
    ("Moscow said it had no intention of invading Finland.", "invading"),
    ("Israel didn't strike the port.", "strike"),
]


@pytest.mark.parametrize(("text", "verb"), NEGATED)
def test_a_negation_is_still_found(coder: Coder, text: str, verb: str) -> None:
    doc = coder.nlp(text)
    assert is_negated_locally(next(t for t in doc if t.text == verb))


@pytest.mark.parametrize("text", [t for t, _v in NEGATED] + VARIED + FOLDING)
def test_negation_answers_as_without_the_gate(
    coder: Coder, text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = coder.nlp(text + " Tehran did not comment. The envoy left.")
    gated = [is_negated_locally(t) for t in doc]
    expected = {
        number for number, sent in enumerate(doc.sents) if any(t.dep_ == "neg" for t in sent)
    }
    assert modality._negated_sentences(doc) == expected
    assert not modality._may_be_negated(doc[-2])  # "The envoy left."
    monkeypatch.setattr(modality, "_may_be_negated", lambda _pred: True)
    assert gated == [is_negated_locally(t) for t in doc]
    assert any(gated)


# ---- Event.with_ sets the fields in one pass ----


def test_event_with_copies_every_field_and_changes_only_those_named(coder: Coder) -> None:
    event = coder.code("Iran condemned Azerbaijan on Monday.", published="2023-04-09")[0]
    names = [f.name for f in dataclasses.fields(Event)]
    for name in names:
        value = getattr(event, name)
        changed = None if not isinstance(value, (bool, int, float, str)) else value
        copy = event.with_(**{name: changed})
        assert copy == dataclasses.replace(event, **{name: changed}), name
        assert all(getattr(copy, n) is getattr(event, n) for n in names if n != name)
    assert event.with_() == event and event.with_() is not event
    both = event.with_(historical=True, confidence=0.25)
    assert (both.historical, both.confidence, both.cameo) == (True, 0.25, event.cameo)
    with pytest.raises(TypeError, match="no field"):
        event.with_(colour="red")

"""The short cuts of the speed round (issue 14) give what the long way gives: a sentence's
text read once, ``Event.with_`` without ``dataclasses.replace``, idioms matched on a
sentence's words, and the object test that skips patterns before ``object_match``."""

from __future__ import annotations

import dataclasses

import pytest

from casus.coder import Coder
from casus.engine.frames import verb_frame
from casus.engine.matching import PatternMatcher, _cannot_match
from casus.engine.sentences import sentence_text
from casus.model import Event, Location
from casus.ontology.idioms import ARGUMENT_DEPS, load_idioms

TEXT = (
    "Armenia recalled its ambassador from Baku on Monday.  The foreign ministry said talks "
    "would resume.\n\nSerbia has burned its bridges with Brussels, officials said.\n"
    "Iran declared four diplomats persona non grata and put all its eggs in one basket. "
)
# Verbs whose patterns name objects: literal forms, classes, object predicates, complements.
SENTENCES = [
    "Azerbaijan declared four Iranian diplomats persona non grata on Thursday.",
    "Russia deployed peacekeeping troops to the region.",
    "Iran held Israel responsible for the attack on its consulate.",
    "The United Nations sent humanitarian aid to Gaza.",
    "Turkey launched a mediation effort between the two sides.",
    "Baku accused Tehran of supporting separatists.",
    "The ministry imposed a one-year state of emergency in the province.",
    "Egypt signed a trade agreement with Qatar.",
    "Israel said it was in conflict with Hezbollah.",
]


def test_the_sentence_text_is_spacys_and_read_once(coder: Coder) -> None:
    doc = coder.nlp(TEXT)
    sents = list(doc.sents)
    assert len(sents) >= 4
    for sent in sents:
        assert sentence_text(sent) == sent.text
    first = sents[1]
    assert sentence_text(first) is sentence_text(first)  # kept with the Doc


def test_event_with_changes_what_replace_changes(make_event) -> None:  # type: ignore[no-untyped-def]
    event: Event = make_event()
    place = Location("Baku", "AZE", 40.4, 49.9, "city", "Baku", 0, 4, "sentence")
    changes = {"confidence": 0.25, "historical": True, "location": place, "sentence_index": 7}
    assert event.with_(**changes) == dataclasses.replace(event, **changes)
    assert event.with_() == event
    assert event.with_(cameo="042").cameo == "042" and event.cameo != "042"


def test_event_with_refuses_a_field_it_does_not_have(make_event) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(TypeError, match="no field"):
        make_event().with_(colour="red")


def test_idioms_match_on_words_as_on_tokens(coder: Coder) -> None:
    idioms = load_idioms()
    doc = coder.nlp(TEXT)
    checked = 0
    for sent in doc.sents:
        tokens = list(sent)
        lemmas, lowers = [t.lemma_.lower() for t in tokens], [t.lower_ for t in tokens]
        for anchor in tokens:
            for idiom in idioms.idioms:
                on_tokens = idiom.matches(tokens, {anchor.i})
                assert on_tokens == idiom.matches_words(lemmas, lowers, sent.start, {anchor.i})
                checked += on_tokens
    assert checked >= 2  # the bridges and the eggs


def test_idioms_found_as_without_the_sentence_word_test(coder: Coder) -> None:
    idioms = load_idioms()
    found = 0
    for token in coder.nlp(TEXT):
        near = [token] + [c for c in token.children if c.dep_ in ARGUMENT_DEPS]
        words = {w for t in near for w in (t.lemma_.lower(), t.lower_)}
        anchors = {t.i for t in near}
        tokens = list(token.sent)
        expected = next(
            (
                idiom
                for idiom in idioms.idioms
                if any(item and item & words for item in idiom.items)
                and idiom.matches(tokens, anchors)
            ),
            None,
        )
        assert idioms.find(token) is expected, token.text
        found += expected is not None
    assert found >= 2


def test_figurative_verbs_are_still_found(coder: Coder) -> None:
    doc = coder.nlp(TEXT)
    burned = next(t for t in doc if t.lower_ == "burned")
    found = load_idioms().find(burned)
    assert found is not None and found.code is None


def test_a_pattern_the_short_cut_skips_matches_nothing(coder: Coder) -> None:
    matcher = PatternMatcher(coder.lexicon)
    skipped = tried = 0
    for doc in coder.nlp.pipe(SENTENCES):
        for token in doc:
            if token.pos_ not in ("VERB", "AUX"):
                continue
            frame = verb_frame(token)
            forms = {f for o in frame.objects for f in matcher._object_forms(o)}
            classes = set().union(*(coder.lexicon.classes_of(f) for f in forms))
            for pattern in coder.lexicon.candidates("verb", frame.lemma):
                if pattern.obj is None:
                    continue
                tried += 1
                if _cannot_match(pattern.obj, frame, forms, classes):
                    skipped += 1
                    # the long way, on a fresh frame (object_match may add object predicates)
                    assert matcher.object_match(pattern, verb_frame(token))[1] == 0, pattern
    assert skipped and skipped < tried

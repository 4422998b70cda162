"""h-speed16: work done once instead of per call.

The matcher asked every frame for its lemma's particles and whether any pattern names an
object, by walking the lemma's whole list of patterns; the lexicon now keeps both per lemma,
found once when it is built. ``doc.ents`` (a Span per entity and a Token per word on every
call) is made once per Doc and shared by the dates' time expressions and ``entity_of``; the
dependency labels come with the Doc's other columns in one ``to_array`` call. None may change
an answer: the kept values are those of the per-call computation, and the rules that read
them still fire."""

from __future__ import annotations

import datetime as dt

import pytest

from casus.coder import Coder
from casus.engine import modality, sentences
from casus.engine.sentences import column, entities, entity_of
from casus.engine.time_spans import date_spans

DAY = dt.date(2024, 3, 10)

VARIED = [
    "Russian forces shelled villages near Kharkiv and Sumy on Monday, officials in Kyiv said.",
    "On 3 May 2021 the United Nations Security Council met in New York for two hours.",
    "Ankara did not condemn the strike, which Israeli jets carried out late on Friday night.",
    "Prime Minister Narendra Modi spoke with Joe Biden by telephone last week about Ukraine.",
    "No country was willing to send troops to Haiti, the spokesman said on Tuesday evening.",
]


def test_the_particles_and_objects_kept_are_those_of_the_candidates(coder: Coder) -> None:
    lexicon = coder.lexicon
    keys = {(p.kind, p.lemma) for p in lexicon.patterns}
    assert keys
    with_particle = 0
    for kind, lemma in keys:
        candidates = lexicon.candidates(kind, lemma)
        particles = {p.particle for p in candidates if p.particle}
        assert lexicon.particles(kind, lemma) == particles, lemma
        assert lexicon.has_objects(kind, lemma) == any(p.obj is not None for p in candidates)
        with_particle += bool(particles)
    assert with_particle > 0  # "strike back", "scale back"...
    assert lexicon.particles("verb", "no-such-lemma") == frozenset()
    assert not lexicon.has_objects("verb", "no-such-lemma")


@pytest.mark.parametrize(
    ("text", "particle"),
    [
        ("Hungary scaled back its diplomatic relations with Sweden on Tuesday.", "back"),
        ("Moscow turned down the peace proposal from Kyiv on Monday.", "down"),
        ("The Turkish president hit out at Greece over the islands on Sunday.", "out"),
        ("Iran struck Israeli targets on Friday.", None),
    ],
)
def test_a_pattern_with_a_particle_still_wins_and_only_with_it(
    coder: Coder, text: str, particle: str | None
) -> None:
    events = coder.code(text, published=DAY.isoformat())
    assert events
    by_place = {p.where: p for p in coder.lexicon.patterns}
    # an idiom names the pattern it went through: "lexicon/idioms.tsv:67 via ...:165"
    chosen = by_place[(events[0].pattern or "").split(" via ")[-1]]
    assert chosen.particle == particle


@pytest.mark.parametrize("text", VARIED)
def test_the_entities_kept_are_the_docs(coder: Coder, text: str) -> None:
    doc = coder.nlp(text)
    kept = entities(doc)
    assert kept is entities(doc)  # made once
    assert [(e.start, e.end, e.label_) for e in kept] == [
        (e.start, e.end, e.label_) for e in doc.ents
    ]
    for token in doc:
        span = entity_of(token)
        inside = [e for e in doc.ents if e.start <= token.i < e.end]
        assert (span.start, span.end) == (inside[0].start, inside[0].end) if inside else not span


def test_the_time_expressions_are_found_from_the_kept_entities(coder: Coder) -> None:
    doc = coder.nlp(VARIED[1] + " " + VARIED[2])
    found = [text for sent in sentences.sentences(doc) for _s, _e, text in date_spans(sent)]
    times = [e.text for e in doc.ents if e.label_ in ("DATE", "TIME")]
    assert times and all(any(t in text for text in found) for t in times)


@pytest.mark.parametrize("text", VARIED)
def test_the_labels_read_with_the_other_columns_are_the_tokens(coder: Coder, text: str) -> None:
    doc = coder.nlp(text)
    assert column(doc, "DEP") == [t.dep for t in doc]
    assert column(doc, "LEMMA") == [t.lemma for t in doc]


def test_a_negation_is_still_found_by_its_label(coder: Coder) -> None:
    doc = coder.nlp(VARIED[2])
    verb = next(t for t in doc if t.text == "condemn")
    assert any(t.dep_ == "neg" for t in verb.children)
    assert modality.is_negated_locally(verb)
    assert not modality.is_negated_locally(next(t for t in doc if t.text == "carried"))

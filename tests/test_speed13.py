"""h-speed13: rules skipped when they cannot apply, and still applied where they do.

The clause readings of a verb are asked only of a verb that passes their first tests
(engine/clause_gates.py); the idioms of a document are indexed once by their first word
(ontology/idioms.py); obligations, answers "by" a means ("hit back by") and ultimatums
("unless", "if") are first looked for among the document's words. Each gate must never change
an answer: the readings still code the sentences they are about, and a gated rule answers as
the ungated one did on every word of varied sentences."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from casus.coder import Coder
from casus.engine.clause_gates import may_imply
from casus.engine.clauses import ClauseReader
from casus.engine.depictions import distorted_depiction
from casus.engine.frames import verb_frame
from casus.engine.matching import PatternMatcher
from casus.engine.orders import bare_order
from casus.engine.passive_threats import passive_threat, unanswered_threat
from casus.engine.sentences import document_words
from casus.ontology.cameo import load_cameo
from casus.ontology.idioms import Idioms, load_idioms
from casus.ontology.lexicon import load_lexicon

# Each gated rule at work: (text, source, target, code, where the pattern comes from).
FIRES = [
    # an obligation reported on a clause: a demand
    ("The State Department said that Beijing must lift its trade barriers.", "USA", "CHN", "10"),
    # a retribution: "will pay a heavy price" is a threat (130)
    ("Netanyahu said Hezbollah would pay a heavy price for the rocket fire.", "ISR", "LBN", "130"),
    # a judgement: "X is a war crime", the speaker said
    ("'This is a war crime,' Zelenskiy said of the Russian shelling.", "UKR", None, "111"),
    # a distorted depiction: criticism of the depicter
    (
        "Moscow said the report painted a misleading picture of the war in Ukraine.",
        "RUS",
        "",
        "111",
    ),
    # a passive of annihilation in a reported clause: a threat of force (138)
    ("Every Israeli city will be wiped out, the Iranian commander said.", "IRN", "ISR", "138"),
    # "will not go unanswered": a threat (130)
    ("Tehran said the Israeli air strike would not go unanswered.", "IRN", "ISR", "130"),
    # an answer made "by" a means takes the means' code: expelling diplomats (16x)
    ("Ankara hit back by expelling ten Swedish diplomats.", "TUR", "SWE", "16"),
    # an ultimatum: a cooperative act stated under "unless" (13x)
    (
        "ECOWAS will withdraw its peacekeepers from Mali unless the junta holds elections.",
        "",
        "MLI",
        "13",
    ),
    # an idiom that recodes an order: troops sent to a border are a show of force (15x)
    ("The president ordered the army to the border with Venezuela.", "", "VEN", "15"),
]


@pytest.mark.parametrize(("text", "source", "target", "code"), FIRES)
def test_a_gated_rule_still_codes_what_it_is_about(
    coder: Coder, text: str, source: str, target: str | None, code: str
) -> None:
    events = coder.code(text, published="2023-04-09", include_all=True)
    found = [
        (e.source.code if e.source else None, e.target.code if e.target else None, e.cameo)
        for e in events
    ]
    assert any(
        s is not None
        and s.startswith(source)
        and (t is None if target is None else t is not None and t.startswith(target))
        and c.startswith(code)
        for s, t, c in found
    ), found


# Varied sentences for the property tests: reported clauses, roots, conjuncts, passives,
# orders, idioms, ultimatums, answers, and plain acts that none of the rules is about.
VARIED = [
    "The Bush administration declared that China must drop its trade barriers.",
    "Germany said Russia should withdraw its troops and insisted that Moscow stop the shelling.",
    "Netanyahu said Hezbollah will pay a heavy price, and the army ordered reservists to report.",
    "'This is a provocation,' the minister said, adding that Baku was not serious about peace.",
    "Moscow said the report painted a misleading picture, and the envoy left the talks early.",
    "Every Israeli town will be destroyed, the commander said, as militias went on the attack.",
    "Iran said the decision is unjustified and will not go unanswered.",
    "Russia said it would not leave the move unanswered and would expel four diplomats.",
    "The general commanded the troops to fire on the crowd, witnesses told Reuters.",
    "Turkey hit back by expelling ten diplomats and struck back at Syria with drones.",
    "Qatar may halt its mediation if the talks fail, and Egypt will reopen the crossing unless "
    "Israel objects.",
    "The two countries have been locked in a war of words and Armenia burned its bridges.",
    "Police arrested forty protesters who had gathered in Tbilisi for a rally on Sunday.",
    "The foreign ministers met in Geneva and agreed to resume the talks next month.",
]


@pytest.fixture(scope="module")
def readers() -> tuple[ClauseReader, PatternMatcher]:
    lexicon = load_lexicon()
    matcher = PatternMatcher(lexicon)
    return ClauseReader(lexicon, matcher, load_cameo()), matcher


@pytest.mark.parametrize("text", VARIED)
def test_no_clause_reading_answers_for_a_verb_the_gate_skips(
    coder: Coder, readers: tuple[ClauseReader, PatternMatcher], text: str
) -> None:
    clauses, matcher = readers
    lexicon = matcher.lexicon
    doc = coder.nlp(text)
    skipped = 0
    for token in doc:
        if token.pos_ not in ("VERB", "AUX", "ADJ") or may_imply(token):
            continue
        skipped += 1
        frame = verb_frame(token)
        answers = (
            clauses.obligation(token, frame),
            clauses.retribution(token, frame),
            clauses.judgement(token),
            distorted_depiction(token, lexicon),
            bare_order(token, frame, matcher, lexicon),
            passive_threat(token, frame, matcher, lexicon),
            unanswered_threat(token, frame, lexicon),
        )
        assert answers == (None,) * 7, token.text
    assert skipped  # every sentence has a verb the gate skips


def test_the_gate_passes_the_verbs_the_readings_are_about(coder: Coder) -> None:
    doc = coder.nlp("Netanyahu said Hezbollah will pay a heavy price.")
    pay = next(t for t in doc if t.lemma_ == "pay")
    assert pay.dep_ == "ccomp" and may_imply(pay)
    doc = coder.nlp("The talks were to resume after officials ordered the border closed.")
    order = next(t for t in doc if t.lemma_ == "order")
    assert order.dep_ not in ("ccomp", "ROOT") and may_imply(order)
    resume = next(t for t in doc if t.lemma_ == "resume")
    assert not may_imply(resume)


def _fresh(doc: Doc) -> Doc:
    doc.user_data.clear()  # the memos of the idioms, so that each way is asked afresh
    return doc


@pytest.mark.parametrize("text", VARIED)
def test_idioms_indexed_by_document_find_what_the_whole_table_finds(
    coder: Coder, text: str
) -> None:
    idioms = load_idioms()
    doc = coder.nlp(text)
    words = document_words(doc)
    sents = {t.i: t.sent for t in doc}
    indexed = [idioms.find(t, sents[t.i], words) for t in _fresh(doc)]
    whole = [idioms.find(t, sents[t.i]) for t in _fresh(doc)]  # no words: every idiom tried
    assert indexed == whole


def test_an_idiom_is_found_through_the_documents_index(coder: Coder) -> None:
    idioms = load_idioms()
    doc = coder.nlp("Armenia and Azerbaijan have been locked in a war of words since May.")
    war = next(t for t in doc if t.lower_ == "war")
    found = idioms.find(war, war.sent, document_words(doc))
    assert found is not None
    assert doc.user_data["casus.idiom_index"][id(idioms)]  # the document's index holds it


def test_a_document_with_no_idiom_words_tries_no_idiom(coder: Coder) -> None:
    doc = coder.nlp("Police arrested forty protesters in Tbilisi on Sunday.")
    idioms = Idioms(load_idioms().idioms)
    arrested = next(t for t in doc if t.lemma_ == "arrest")
    assert idioms.find(arrested, arrested.sent, document_words(doc)) is None
    assert doc.user_data["casus.idiom_index"][id(idioms)] == {}

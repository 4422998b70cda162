"""engine/sentences.py: the sentence of a token, found once per document, is spaCy's own."""

from __future__ import annotations

from casus.coder import Coder
from casus.engine.phrases import phrase_tokens
from casus.engine.sentences import sentence_of, sentence_spans

TEXT = (
    "Armenia recalled its ambassador from Baku on Monday. The foreign ministry said talks "
    "would resume.\n\nWill Turkey mediate? Officials in Ankara declined to comment."
)


def test_the_sentence_of_every_token_is_spacys(coder: Coder) -> None:
    doc = coder.nlp(TEXT)
    assert len(list(doc.sents)) >= 3
    for token in doc:
        sent = sentence_of(token)
        assert (sent.start, sent.end) == (token.sent.start, token.sent.end)


def test_sentences_are_listed_once_per_document(coder: Coder) -> None:
    doc = coder.nlp(TEXT)
    first = sentence_spans(doc)
    assert sentence_spans(doc) is first
    other = coder.nlp("Iran expelled two diplomats.")
    assert sentence_of(other[0]).text == "Iran expelled two diplomats."


def test_a_memoised_phrase_is_a_fresh_list(coder: Coder) -> None:
    doc = coder.nlp("The Iranian foreign minister met his Turkish counterpart.")
    head = next(t for t in doc if t.text == "minister")
    first = phrase_tokens(head)
    first.clear()  # a caller may change its list; the memo stays whole
    assert [t.text for t in phrase_tokens(head)] == ["The", "Iranian", "foreign", "minister"]


def test_the_document_columns_read_what_the_tokens_say(coder: Coder) -> None:
    from casus.engine.sentences import column, document_text, lemmas, string_of, symbol_ids

    doc = coder.nlp(TEXT + "\n\nThe envoys  met  in Yerevan — “calmly”.")
    assert document_text(doc) == doc.text
    assert lemmas(doc) == [t.lemma_.lower() for t in doc]
    assert [string_of(doc, h) for h in column(doc, "LOWER")] == [t.lower_ for t in doc]
    assert column(doc, "POS") == [t.pos for t in doc]
    assert column(doc, "ENT_IOB") == [t.ent_iob for t in doc]  # one outside the usual set
    present = symbol_ids(doc, ("VBZ", "VBP"))
    tags = column(doc, "TAG")
    assert [t.i for t in doc if tags[t.i] in present] == [
        t.i for t in doc if t.tag_ in ("VBZ", "VBP")
    ]


def test_a_sentence_text_is_spacys_own(coder: Coder) -> None:
    from casus.engine.sentences import sentence_text

    doc = coder.nlp(TEXT + "  Trailing spaces. ")
    for sent in doc.sents:
        assert sentence_text(sent) == sent.text


def test_the_sentences_of_a_document_are_listed_once(coder: Coder) -> None:
    from casus.engine.sentences import sentences

    doc = coder.nlp(TEXT)
    first = sentences(doc)
    assert [(s.start, s.end) for s in first] == [(s.start, s.end) for s in doc.sents]
    assert sentences(doc) is first
    assert sentences(coder.nlp("")) == []

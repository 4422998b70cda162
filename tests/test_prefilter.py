"""The sentence pre-filter (``prefilter = true``): only sentences no stage can use are left
unparsed, and coding with it gives the events coding without it gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from casus.coder import Coder
from casus.config import Config, load_config
from casus.engine.prefilter import SentenceFilter
from casus.errors import ConfigError

FILLER = "the weather remained mild."
ARTICLE = (
    "Iran condemned Azerbaijan on Monday.\n\n"
    f"{FILLER[0].upper() + FILLER[1:]}\n\n"
    "Russia imposed sanctions on Ukraine. It also expelled two diplomats."
)


@pytest.fixture(scope="module")
def filtered() -> Coder:
    return Coder(Config(prefilter=True))


@pytest.fixture(scope="module")
def sentence_filter(filtered: Coder) -> SentenceFilter:
    assert filtered.pipeline.sentence_filter is not None
    return filtered.pipeline.sentence_filter


@pytest.mark.parametrize(
    "sentence",
    [
        "the talks collapsed.",  # a lexicon trigger, inflected
        "the protesters fought back.",  # a role noun; an irregular form (fight)
        "they stayed away.",  # a pronoun may point to an earlier actor
        "prices doubled in 2022.",  # a digit may state a time
        "the ministry stayed silent.",  # a definite description
        "the weather remained mild in Baku.",  # a name
        "the mood was grim that summer.",  # a time word
        "“nothing will change.”",  # a quote is attributed across sentences
        "Kherson stayed calm.",  # a capitalised first word may be a name
    ],
)
def test_a_sentence_a_stage_may_use_is_parsed(
    sentence_filter: SentenceFilter, sentence: str
) -> None:
    assert sentence_filter.needed(sentence)


def test_a_sentence_no_stage_can_use_is_not_parsed(sentence_filter: SentenceFilter) -> None:
    assert not sentence_filter.needed(FILLER)


def test_the_pieces_are_the_text_and_a_time_keeps_its_paragraph(
    sentence_filter: SentenceFilter,
) -> None:
    text = f"Iran condemned Azerbaijan on Monday. {FILLER}\n\n{FILLER} {FILLER}"
    pieces = sentence_filter.pieces(text)
    assert "".join(p for p, _ in pieces) == text
    # the first paragraph states a time: its filler may be in that time frame
    assert [keep for _, keep in pieces] == [True, False]
    assert pieces[1][0] == f"{FILLER} {FILLER}"


def test_coding_with_the_filter_gives_the_same_events(coder: Coder, filtered: Coder) -> None:
    off = [e.to_dict() for e in coder.code(ARTICLE, published="2023-04-09", include_all=True)]
    on = [e.to_dict() for e in filtered.code(ARTICLE, published="2023-04-09", include_all=True)]
    assert on == off and len(on) >= 3


def test_a_skipped_sentence_is_tokenised_as_one_sentence(
    filtered: Coder, sentence_filter: SentenceFilter
) -> None:
    doc = next(sentence_filter.parse_all(filtered.nlp, [ARTICLE], 8))
    assert doc.text == ARTICLE
    sentences = [s.text.strip() for s in doc.sents]
    skipped = sentences.index(FILLER[0].upper() + FILLER[1:])
    assert skipped == 1 and len(sentences) == 4
    assert all(t.pos_ == "" for t in list(doc.sents)[skipped])  # not tagged: not parsed


def test_the_filter_is_off_by_default_and_set_in_toml(tmp_path: Path) -> None:
    path = tmp_path / "casus.toml"
    path.write_text("prefilter = true\n", encoding="utf-8")
    assert not Config().prefilter and load_config(path).prefilter
    path.write_text('prefilter = "yes"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="prefilter must be true or false"):
        load_config(path)

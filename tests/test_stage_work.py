"""The stages skip work that cannot change what is coded (issue 14): narrative frames stop at
the last event's sentence, verbs that no pattern, idiom or clause reading can code get no
frame, and a date dateparser read once is not read again."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from casus.coder import Coder
from casus.engine.builder import EventEngine
from casus.engine.narrative import is_historical, narrative_frames
from casus.engine.temporal import _dateparser_on, parse_with_dateparser
from casus.stages.dates import DateStage
from casus.stages.events import EventStage

PARAGRAPH = (
    "In 1992, Israel sold weapons to Azerbaijan. In May, it signed a trade deal with Baku. "
    "Now the two countries hold talks every year. Iran condemned the talks on Monday."
)


def _frames(coder: Coder, last: int | None) -> list[object]:
    doc = coder.nlp(PARAGRAPH)
    stage = next(s for s in coder.pipeline.stages if isinstance(s, DateStage))
    pub = dt.date(2023, 4, 9)
    return narrative_frames(
        doc,
        lambda sent, i, frame: stage.sentence_date(doc, sent, pub, i, Counter(), within=frame),
        lambda when: is_historical(when, pub, stage.historical),
        last=last,
    )


@pytest.mark.parametrize("last", [-1, 0, 1, 2])
def test_frames_up_to_the_last_event_are_those_of_the_whole_text(coder: Coder, last: int) -> None:
    whole = _frames(coder, None)
    assert len(whole) == 4
    assert _frames(coder, last) == whole[: last + 1]


def _engine(coder: Coder) -> EventEngine:
    return next(s for s in coder.pipeline.stages if isinstance(s, EventStage)).engine


@pytest.mark.parametrize(
    ("text", "verb", "inert"),
    [
        ("The weather in the capital remained mild.", "remained", True),
        ("Iran condemned the attack.", "condemned", False),
        # no pattern of its own, but a reported obligation is a demand (coded 100)
        ("Washington said that Beijing must remain neutral.", "remain", False),
    ],
)
def test_a_verb_nothing_can_code_is_skipped_before_its_frame(
    coder: Coder, text: str, verb: str, inert: bool
) -> None:
    doc = coder.nlp(text)
    token = next(t for t in doc if t.text == verb)
    assert _engine(coder)._inert(token) is inert


def test_a_date_dateparser_read_is_read_once_per_publication_day() -> None:
    pub = dt.date(2023, 4, 9)
    first = parse_with_dateparser("12 Jan. 2021", pub)
    hits = _dateparser_on.cache_info().hits
    assert parse_with_dateparser("12 Jan. 2021", pub) == first == (dt.date(2021, 1, 12), "day")
    assert _dateparser_on.cache_info().hits == hits + 1


@pytest.mark.parametrize(
    "text",
    [
        "Shortly after the end of the Second Karabakh War, Baku reopened its embassy.",
        "Tehran has been wary of Baku since the 1979 revolution and the Iran-Iraq war.",
        "The weather remained mild for the season.",
    ],
)
def test_gate_words_found_per_word_are_those_the_whole_sentence_contains(
    coder: Coder, text: str
) -> None:
    references = coder.references
    lowered = text.lower()
    keys, generic = references._gate_words(lowered)
    assert keys == [key for key in references._by_key if key in lowered]
    assert generic == any(key in lowered for key in references._generic_keys)

"""h-speed17: tests asked only where their answer can matter.

The narrative frames asked every sentence whether it returns to the present and whether it
opens with a time clause or a continuation, though these only end a frame or a carried time:
with neither in force (most sentences), they are no longer asked. The actor resolver picks
its argument nouns from the Doc's columns of parts of speech and labels, building a Token
only for those. Neither may change an answer: the frames are those of the tests asked of
every sentence, and the nouns are those the Tokens' own strings select."""

from __future__ import annotations

import datetime as dt

import pytest

from casus.coder import Coder
from casus.engine import narrative
from casus.engine.narrative import Frame, narrative_frames
from casus.engine.resolver import ARG_DEPS, ARG_LABELS, NOUN_POS
from casus.engine.sentences import column, symbol_ids
from casus.model import EventDate

DAY = dt.date(2024, 3, 10)

STORIES = [
    "Mali expelled the French ambassador on Monday. In 2022, Paris had withdrawn its troops. "
    "Then the junta accused France of arming rebels. It now says talks are possible.",
    "In 1992, Armenian forces took the town. As the talks began, shelling resumed.\n\n"
    "However, the ministers met again. Azerbaijan is now rebuilding the region.",
    "Russian forces shelled villages near Kharkiv on Monday, officials said. The strikes "
    "killed four people. Earlier this month, Kyiv had warned of a new offensive.",
    "Ankara did not condemn the strike. Iran summoned the Turkish envoy last week.",
]


def _eager_frames(doc, own_date, is_historical):  # type: ignore[no-untyped-def]
    """The frames with every test asked of every sentence (the rule before h-speed17)."""
    frames: list[Frame] = []
    current = previous = None
    previous_perfect = False
    for index, sent in enumerate(narrative.sentences(doc)):
        carried_on = narrative._carries_on(sent)
        if current is not None and narrative.new_paragraph(doc, sent) and not carried_on:
            current = None
        present = narrative.returns_to_present(sent)
        if current is not None and present:
            current = None
        own = own_date(sent, index, current)
        carried = previous
        if narrative.has_time_clause(sent) or (
            present and narrative.returns_to_present(sent, earlier=False)
        ):
            carried = None
        if (
            carried is not None
            and carried.precision != "day"
            and narrative.new_paragraph(doc, sent)
        ):
            carried = None
        perfect = narrative.past_perfect(sent.root)
        frames.append(Frame(own, current, carried, perfect, previous_perfect))
        dated = own is not None and own.date is not None
        since = (
            own is not None and f"since {own.text}".lower() in narrative.sentence_text(sent).lower()
        )
        previous = own if dated and not narrative.ends_in_present(sent) and not since else None
        previous_perfect = perfect
        if own is not None and own.date is not None and not perfect:
            current = own if is_historical(own) and not since else None
    return frames


@pytest.mark.parametrize("text", STORIES)
def test_frames_asked_lazily_are_those_asked_of_every_sentence(coder: Coder, text: str) -> None:
    doc = coder.nlp(text)
    stage = next(s for s in coder.pipeline.stages if s.name == "dates")

    def own(sent, index, frame):  # type: ignore[no-untyped-def]
        return stage.sentence_date(doc, sent, DAY, index, {}, within=frame)  # type: ignore[attr-defined]

    def old(when: EventDate) -> bool:
        return narrative.is_historical(when, DAY, dt.timedelta(days=30))

    frames = narrative_frames(doc, own, old)
    assert frames == _eager_frames(doc, own, old)
    assert any(f.own is not None for f in frames)  # the stories do set times


@pytest.mark.parametrize("text", STORIES)
def test_argument_nouns_from_the_columns_are_those_of_the_tokens(coder: Coder, text: str) -> None:
    doc = coder.nlp(text)
    pos, deps = column(doc, "POS"), column(doc, "DEP")
    nouns, args = symbol_ids(doc, NOUN_POS), symbol_ids(doc, ARG_LABELS)
    by_column = [i for i in range(len(doc)) if pos[i] in nouns and deps[i] in args]
    by_token = [t.i for t in doc if t.pos_ in NOUN_POS and t.dep_ in ARG_DEPS]
    assert by_column == by_token
    assert by_token  # subjects and objects are there

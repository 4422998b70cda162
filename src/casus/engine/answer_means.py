"""The means an answer to an act is told by, whose code the answer takes.

"Algeria retaliated by closing its airspace to Mali" reduces relations (16), "Moscow hit back
by expelling ten diplomats" is an expulsion (16), and so is "Moscow hit back a day later,
expelling ten US diplomats": a participle after the answer that codes an act (not "retaliated,
saying ..."). Only the answer with no means named is force (190, "Iran retaliated").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casus.engine.sentences import document_words
from casus.ontology.words import word_list

if TYPE_CHECKING:
    from spacy.tokens import Token

    from casus.engine.frames import Frame

# verbs of answering an act ("retaliated", "responded") and the particle of "hit/struck back":
# their "by" gerund names the means, which decides the code
ANSWERING_VERBS = word_list("answering_verbs")
ANSWER_PARTICLE = "back"
MEANS_PREP = "by"
# a participle with a subject of its own is a clause of its own, no means
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})


def answer_means(frame: Frame) -> Token | None:
    """The gerund an answer is made by: "retaliated by closing its airspace", "hit back by
    expelling ten diplomats" (the means, whose code the answer takes), or None."""
    if not _answer(frame):
        return None
    for prep in frame.pred.children:
        if prep.dep_ == "prep" and prep.lower_ == MEANS_PREP:
            for means in prep.children:
                if means.dep_ == "pcomp" and means.pos_ in ("VERB", "AUX"):
                    return means
    return None


def answer_participle(frame: Frame) -> Token | None:
    """The participle after an answer that tells how it was made: "Moscow hit back a day
    later, expelling ten US diplomats" (the answer takes its code if it codes an act, not
    "retaliated, saying ..."), or None."""
    if not _answer(frame):
        return None
    return next(
        (
            c
            for c in frame.pred.children
            if c.dep_ == "advcl"
            and c.tag_ == "VBG"
            and c.i > frame.pred.i
            and not any(g.dep_ in SUBJECT_DEPS for g in c.children)
        ),
        None,
    )


def _answer(frame: Frame) -> bool:
    """Whether a verb frame answers an act: "retaliated", "responded", "hit back"."""
    return frame.kind == "verb" and (
        frame.lemma in ANSWERING_VERBS
        # the particle is one of the verb's words, so a document without "back" has none
        or (
            ANSWER_PARTICLE in document_words(frame.pred.doc)
            and any(
                c.lower_ == ANSWER_PARTICLE and c.dep_ in ("prt", "advmod")
                for c in frame.pred.children
            )
        )
    )

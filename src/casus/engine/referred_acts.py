"""Acts a reaction refers to by a clause or a pronoun, not by its object noun.

A vow or warning about an act puts the act in its reported clause: "Nasrallah vowed that
**the killing** would not go unpunished" reacts to the killing (its doer is the target,
:mod:`casus.engine.reactions`). A pronoun with no actor behind it refers back to the act of
the sentence before: "Houthi drones struck a Saudi oil plant. Jordan's foreign minister
called **it** a serious escalation" → the Houthis (docs/event-model.md#objects-and-targets).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casus.engine.frames import Frame
from casus.engine.scope import Scope
from casus.model import Event
from casus.ontology.words import word_list

if TYPE_CHECKING:
    from spacy.tokens import Token

# Pronouns that may stand for an act: "called it an escalation", "will not let this go
# unanswered".
ACT_PRONOUNS = frozenset({"it", "this"})
CLAUSE_PRONOUN = "this"
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
REPORTED_DEP = "ccomp"
UNANSWERED_WORDS = word_list("unanswered_words")


def clause_subjects(frame: Frame) -> list[Token]:
    """The subjects of the reaction's reported clause when it says they will not go
    unanswered: "vowed that the killing would not go unpunished" → killing; "warned that this
    would not go unanswered" → this. Other clauses say more than whom the reaction is about
    ("said it hoped the deal would pave the way")."""
    return [
        s
        for c in frame.pred.children
        if c.dep_ == REPORTED_DEP and any(w.lower_ in UNANSWERED_WORDS for w in c.children)
        for s in c.children
        if s.dep_ in SUBJECT_DEPS
    ]


def pronoun_act(frame: Frame, scope: Scope) -> Event | None:
    """The act a pronoun object (or a reported clause's "this") of the reaction stands for,
    when it stands for no actor: the first event of the latest earlier sentence that has one,
    if that sentence is the one just before ("Houthi drones struck a Saudi oil plant. Jordan called
    it a serious escalation")."""
    # "said it hoped ...": a reported clause's "it" is the speaker, its "this" an act
    pronouns = [t for t in frame.objects if t.lower_ in ACT_PRONOUNS and t.pos_ == "PRON"]
    pronouns += [t for t in clause_subjects(frame) if t.lower_ == CLAUSE_PRONOUN]
    if not pronouns or any(scope.resolver.actor_for(p) is not None for p in pronouns):
        return None
    sentence = scope.resolver.sentence_of(frame.pred)
    earlier = [e for e in scope.earlier if e.sentence_index < sentence]
    if not earlier or earlier[-1].sentence_index != sentence - 1:
        return None
    latest = earlier[-1].sentence_index
    return next(e for e in earlier if e.sentence_index == latest)


__all__ = ["clause_subjects", "pronoun_act"]

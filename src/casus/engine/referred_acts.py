"""Acts a reaction refers to by a clause or a pronoun, not by its object noun.

A vow or warning about an act puts the act in its reported clause: "Nasrallah vowed that
**the killing** would not go unpunished" reacts to the killing (its doer is the target,
:mod:`casus.engine.reactions`). A pronoun with no actor behind it refers back to the act of
the sentence before: "Houthi drones struck a Saudi oil plant. Jordan's foreign minister
called **it** a serious escalation" → the Houthis. An act told with no doer was done by
whom the text then blames for it (docs/event-model.md#objects-and-targets).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casus.engine.frames import Frame
from casus.engine.scope import Scope
from casus.engine.sides import as_context
from casus.model import Actor, Event
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
# An accusation (CAMEO 112) names who did an act the text tells with no doer, within a few
# sentences after it.
ACCUSE_CODE = "112"
BLAME_REACH = 3


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


def blamed(event: Event, scope: Scope, source: Actor) -> Actor | None:
    """Whom the text blames for an act it tells with no doer: the target of the first
    accusation told after it, within a few sentences, when that is another side than the
    reacting one. "A drone strike killed a Hamas official in Beirut. Lebanese officials blamed
    Israel. … Nasrallah vowed that the killing would not go unpunished" → Israel."""
    for later in scope.earlier + scope.current:
        accused = later.target
        if (
            later.trigger_start > event.trigger_start
            and later.sentence_index <= event.sentence_index + BLAME_REACH
            and later.cameo[:3] == ACCUSE_CODE
            and accused is not None
            and accused.known
            and accused.country != source.country
        ):
            return as_context(accused)
    return None


__all__ = ["blamed", "clause_subjects", "pronoun_act"]

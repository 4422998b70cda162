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

    from casus.ontology.lexicon import Lexicon

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
CHARGE_PREPS = frozenset({"of", "for"})


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


def blamed(event: Event, scope: Scope, source: Actor, lexicon: Lexicon) -> Actor | None:
    """Whom the text blames for an act it tells with no doer: the target of the first
    accusation told after it, within a few sentences, when that is another side than the
    reacting one and the accusation names no other kind of act. "A drone strike killed a
    Hamas official in Beirut. Lebanese officials blamed Israel. … Nasrallah vowed that the
    killing would not go unpunished" → Israel; "accusing Abu Dhabi of supplying the drones"
    blames a supply, not the strike."""
    for later in scope.earlier + scope.current:
        accused = later.target
        if (
            later.trigger_start > event.trigger_start
            and later.sentence_index <= event.sentence_index + BLAME_REACH
            and later.cameo[:3] == ACCUSE_CODE
            and accused is not None
            and accused.known
            and accused.country != source.country
            and not _other_act(later, event.cameo_root, scope, lexicon)
        ):
            return as_context(accused)
    return None


def _other_act(accusation: Event, root: str, scope: Scope, lexicon: Lexicon) -> bool:
    """Whether an accusation's "of"/"for" gerund is a verb the lexicon codes only in roots
    other than ``root``: "accused Abu Dhabi **of supplying** the drones" (07) is not about a
    strike (19); "blamed Israel **for carrying out** the strike" may be."""
    doc = scope.resolver.doc
    start = accusation.trigger_start - scope.offset
    span = doc.char_span(start, accusation.trigger_end - scope.offset, alignment_mode="expand")
    if start < 0 or span is None or not len(span):
        return False
    for prep in span.root.children:
        if prep.dep_ != "prep" or prep.lower_ not in CHARGE_PREPS:
            continue
        for gerund in prep.children:
            roots = {p.code[:2] for p in lexicon.candidates("verb", gerund.lemma_.lower())}
            if gerund.dep_ == "pcomp" and roots and root not in roots:
                return True
    return False


__all__ = ["blamed", "clause_subjects", "pronoun_act"]

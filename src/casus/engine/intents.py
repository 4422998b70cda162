"""What an actor's statement of its own future act is coded as: an intent, a refusal, a threat.

"The United States will send Ukraine missiles" is an intent to provide aid (033), "Kazakhstan
will not recognise the regions" a refusal (120), "Pakistan would retaliate" a threat (1384)
(``data/intentions.tsv``, docs/event-model.md#stated-future-actions). An act announced under a
condition is an ultimatum, a threat: "The EU may halt its mediation if the parties keep
fighting" (165 under a condition → 131), "Nigeria will pull its troops out of Mali unless the
junta holds elections" (a cooperative act made the price of refusal → 130).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casus.engine.modality import (
    COGNITION_VERBS,
    IRREALIS_GOVERNORS,
    SCHEDULE_GOVERNORS,
    governors,
    is_conditional,
    is_modal_locally,
    is_negated_locally,
    is_question,
    stated_future,
)
from casus.engine.readiness import willingness_of
from casus.engine.sentences import document_words
from casus.ontology.words import word_list

if TYPE_CHECKING:
    from spacy.tokens import Token

    from casus.engine.frames import Frame
    from casus.model import Modality
    from casus.ontology.lexicon import Lexicon

ULTIMATUM_MARKS = word_list("ultimatum_marks")
HEDGING_MODALS = frozenset({"may", "might", "could"})
# Roots whose stated future is an intent to cooperate (03x); under "unless" it is a threat.
COOPERATIVE_ROOTS = frozenset({"03", "04", "05", "06", "07", "08"})
THREATEN = "130"


def stated_intent(
    frame: Frame,
    root: str,
    modality: Modality,
    intents: dict[str, tuple[str | None, str | None]],
    lexicon: Lexicon,
) -> str | None:
    """The 03x/13x code when the action is stated as going to happen ("will send aid",
    "would retaliate"), unless a governing verb already codes the statement ("warned
    that ...", "plans to ...")."""
    if root not in intents:
        return None
    adjective = willingness_of(frame.pred)
    if adjective is not None:
        # "Norway is willing to send material"; "he was not ready to approve" is a refusal;
        # "he would be ready to host" states it too; "might be willing", "if ... is
        # ready", "is it willing?" state nothing
        copula = adjective.head
        if any(is_question(t) for t in (frame.pred, adjective, copula)) or (
            (is_modal_locally(copula) and not stated_future(copula)) or is_conditional(copula)
        ):
            return None
        intent, refusal = intents[root]
        return refusal if modality.negated else intent
    threat = ultimatum_code(frame.pred, root, intents)  # "... unless ..."
    if threat is None and not stated_future(frame.pred):
        return None
    for gov in governors(frame.pred):
        lemma = gov.lemma_.lower()
        if (
            gov.pos_ in ("VERB", "AUX", "ADJ")
            and lemma in (IRREALIS_GOVERNORS | (COGNITION_VERBS)) - SCHEDULE_GOVERNORS
        ):
            return None
        if any(p.comp for p in lexicon.candidates("verb", gov.lemma_.lower())):
            return None
    if threat is not None:
        return threat
    intent, refusal = intents[root]
    if modality.negated:
        return refusal if is_negated_locally(frame.pred) else None
    return intent


def condition_mark(pred: Token) -> str | None:
    """The marker ("if", "unless") of a condition clause attached to the predicate itself:
    "will withdraw its troops **unless** the junta holds elections"."""
    if ULTIMATUM_MARKS.isdisjoint(document_words(pred.doc)):
        return None  # the mark is a word of the document: most have no "if" or "unless"
    for clause in pred.children:
        if clause.dep_ != "advcl":
            continue
        for mark in clause.children:
            if mark.dep_ == "mark" and mark.lower_ in ULTIMATUM_MARKS:
                return mark.lower_
    return None


def _hedged(pred: Token) -> bool:
    """ "may halt", "could impose": a possibility the speaker holds over the other side."""
    return any(c.dep_ == "aux" and c.lower_ in HEDGING_MODALS for c in pred.children)


def ultimatum_code(
    pred: Token, root: str, intents: dict[str, tuple[str | None, str | None]]
) -> str | None:
    """The threat code when a future act is stated under a condition, else None.

    A conflictual act (roots 14-20) stated as future or possible under "if"/"unless" is the
    13x threat of its root ("may halt mediation if cooperation founders" → 131); a cooperative
    act (roots 03-08) stated under "unless" is a generic threat, 130 ("will withdraw its
    peacekeepers unless ..."). A negated act ("will not release them unless") is left to the
    refusal reading; questions state nothing."""
    mark = condition_mark(pred)
    if mark is None or is_question(pred) or is_negated_locally(pred):
        return None
    if not (stated_future(pred) or _hedged(pred)):
        return None
    if root in COOPERATIVE_ROOTS:
        return THREATEN if mark == "unless" else None
    intent = intents.get(root, (None, None))[0]
    if intent is None or not intent.startswith("13"):
        return None
    return intent

"""Conditional statements of a future act that are threats: ultimatums.

An actor that announces what it will, would or may do to another *if* (or *unless*) that other
does something is threatening it (CAMEO 13): "The EU may halt its mediation if the parties
keep fighting" (165 stated under a condition → 131), "Nigeria will pull its troops out of
Mali unless the junta holds elections" (a cooperative act made the price of refusal → 130).
The event engine asks :func:`ultimatum_code` before its ordinary stated-intent reading.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casus.engine.modality import is_negated_locally, is_question, stated_future
from casus.ontology.words import word_list

if TYPE_CHECKING:
    from spacy.tokens import Token

ULTIMATUM_MARKS = word_list("ultimatum_marks")
HEDGING_MODALS = frozenset({"may", "might", "could"})
# Roots whose stated future is an intent to cooperate (03x); under "unless" it is a threat.
COOPERATIVE_ROOTS = frozenset({"03", "04", "05", "06", "07", "08"})
THREATEN = "130"


def condition_mark(pred: Token) -> str | None:
    """The marker ("if", "unless") of a condition clause attached to the predicate itself:
    "will withdraw its troops **unless** the junta holds elections"."""
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

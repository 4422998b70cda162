"""Regret as an apology (055) or as disapproval (111), by what is regretted.

Regret is disapproval unless it is for one's own act: "Berlin regretted the decision" and
"expressed regret over Hungary's veto" are disapproval, "Tokyo regretted its role in the war"
and "expressed regret for the incident" apologies. Regret told with nothing regretted and
conjoined to a protest or condemnation is about what is protested, one act with the protest:
"expresses its deep regret and strongly protests the decision" is the protest alone (114, a
protest beats the regret), while "expressed regret and promised compensation" stays an
apology.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from casus.engine.negations import OWN_PRONOUNS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from casus.engine.frames import Frame
    from casus.ontology.lexicon import Pattern

APOLOGY_CODE = "055"
DISAPPROVE_CODE = "111"
REGRET_LEMMA = "regret"
REGRET_CLASS = "REGRET"
# the phrases that say what is regretted: "regret over the decision", "regret at its veto"
REGRETTED_PREPS = frozenset({"over", "at", "about", "for", "of"})
# verbs of disapproval whose object is what a regret conjoined to them is about
DISAPPROVING_VERBS = frozenset(
    {"protest", "condemn", "denounce", "deplore", "criticise", "criticize", "reject", "oppose"}
)


def regret(pattern: Pattern, frame: Frame) -> Pattern:
    """Apology (055) for regret of one's own act, disapproval (111) of another's: "regretted
    its own role" and "expressed regret for the incident" are apologies; "regretted the
    decision" and "expressed regret over Hungary's decision" are not."""
    if pattern.code == DISAPPROVE_CODE:
        regretted = list(frame.objects)
    elif pattern.code == APOLOGY_CODE:
        regretted = [
            g
            for o in frame.objects
            for p in o.children
            if p.dep_ == "prep" and p.lower_ in REGRETTED_PREPS
            for g in p.children
            if g.dep_ == "pobj"
        ]
    else:
        return pattern
    owners = [c for o in regretted for c in o.children if c.dep_ == "poss"]
    own = any(c.lower_ in OWN_PRONOUNS for c in owners) or any(
        c.lower_ == "own" for o in regretted for c in o.children
    )
    if pattern.code == DISAPPROVE_CODE and own:
        return replace(pattern, code=APOLOGY_CODE)
    if pattern.code == APOLOGY_CODE and owners and not own:
        return replace(pattern, code=DISAPPROVE_CODE)
    return pattern


def told_with_protest(pattern: Pattern | None, frame: Frame) -> Pattern | None:
    """None for an expression of regret with nothing regretted conjoined to a protest or
    condemnation: "expresses its deep regret and strongly protests the decision" is one act,
    the protest (114), which its own verb codes; any other pattern is returned as it is."""
    if (
        pattern is None
        or pattern.code != APOLOGY_CODE
        or pattern.obj != REGRET_CLASS
        or not _disapproving_conjunct(frame.pred)
    ):
        return pattern
    said_what = any(
        p.dep_ == "prep" and p.lower_ in REGRETTED_PREPS for o in frame.objects for p in o.children
    )
    return pattern if said_what else None


def _disapproving_conjunct(verb: Token) -> bool:
    """Whether regret told with nothing regretted is conjoined to a protest or condemnation,
    whose object is what is regretted: "expresses its deep regret and strongly protests the
    decision"."""
    return any(c.lemma_.lower() in DISAPPROVING_VERBS for c in verb.conjuncts)

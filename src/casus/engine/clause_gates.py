"""Which verbs the clause readings of the events stage can apply to, known from the verb alone
(h-speed13): the engine asks eight readings about every verb with a pattern or an idiom
(:meth:`ClauseReader.obligation`, :meth:`~ClauseReader.retribution`,
:meth:`~ClauseReader.judgement`, :func:`distorted_depiction`, :func:`bare_order`,
:func:`passive_threat`, :func:`unanswered_threat`, :func:`deadline_ultimatum`), and each of
them answers None for most verbs on its first test. This gate is the union of those first
tests, so it can never skip a reading that would have answered (a reading's own test still
decides)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from casus.engine.deadlines import DEADLINE_VERBS
from casus.engine.depictions import DEPICTION_VERBS
from casus.engine.orders import ORDERING_VERBS
from casus.engine.passive_threats import ANNIHILATION_VERBS, GO_LEMMA, LEAVE_LEMMA

if TYPE_CHECKING:
    from spacy.tokens import Token

# An obligation is read on a reported clause ("ccomp") or on a sentence's root that a quote
# opener ("said:") speaks; a retribution ("will pay a heavy price") and a judgement ("this
# is a war crime") on a reported clause only.
CLAUSE_DEPS = frozenset({"ccomp", "ROOT"})
# The lemmas the other five readings test first: depiction verbs ("painted a misleading
# picture"), orders ("ordered the troops to ..."), passives of annihilation ("will be wiped
# out"), "leave"/"go" of "will not go unanswered", and deadlines ("gave Moscow until May to").
CLAUSE_LEMMAS = (
    DEPICTION_VERBS | ORDERING_VERBS | ANNIHILATION_VERBS | DEADLINE_VERBS | {LEAVE_LEMMA, GO_LEMMA}
)


def may_imply(verb: Token) -> bool:
    """Whether any clause reading may code something for this verb: it is a reported clause
    or a sentence's root, or its lemma is one a reading is about."""
    return verb.dep_ in CLAUSE_DEPS or verb.lemma_.lower() in CLAUSE_LEMMAS


__all__ = ["CLAUSE_DEPS", "CLAUSE_LEMMAS", "may_imply"]

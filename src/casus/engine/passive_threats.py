"""A reported promise that someone "will be destroyed" is the speaker's threat of force.

    "Those who do not lay down their arms will be destroyed," the commander said.
    The defence minister said any aggressor would be crushed.

The destroying verb is passive and names no agent, so it has no source of its own and codes
nothing; but a stated future act of annihilation, said by someone, is that speaker's threat
to use military force (138) against the passive subject ("any aggressor", or a named side).
The reporting verb may come before the clause or after a quotation: the parser makes the
clause its complement either way. A denial ("will not be punished"), a speculation ("could be
destroyed") or a reporting verb the lexicon already codes ("warned that ...": the warning is
the threat) gives nothing here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casus.engine.frames import Frame, verb_frame
from casus.engine.modality import REPORTING_VERBS, is_negated_locally, stated_future
from casus.ontology.words import word_list

if TYPE_CHECKING:
    from spacy.tokens import Token

    from casus.engine.matching import PatternMatcher
    from casus.ontology.lexicon import Lexicon, Pattern

ANNIHILATION_VERBS = word_list("annihilation_verbs")
FORCE_THREAT = "138"
# a plain statement ("said", 010) is no code of its own; any other is ("warned that ...")
STATEMENT_ROOT = "01"
# the lexicon row that carries the threat: the reporting verb "warn" with a force complement
THREAT_LEMMA = "warn"
# "wipe" destroys only with its particle: "will be wiped out"
PARTICLE_VERBS = {"wipe": "out"}


def passive_threat(
    token: Token, frame: Frame, matcher: PatternMatcher, lexicon: Lexicon
) -> tuple[Frame, Pattern] | None:
    """The speaker's 138 threat against the subject of a reported agentless passive of
    annihilation ("... will be destroyed," the commander said), else None."""
    lemma = token.lemma_.lower()
    if lemma not in ANNIHILATION_VERBS or not frame.passive or frame.subjects:
        return None
    particle = PARTICLE_VERBS.get(lemma)
    if particle is not None and particle not in frame.particles:
        return None
    if token.dep_ != "ccomp" or not stated_future(token) or is_negated_locally(token):
        return None
    speech = token.head
    if speech.lemma_.lower() not in REPORTING_VERBS:
        return None
    spoken = verb_frame(speech)
    said = matcher.best_pattern(spoken)
    if not spoken.subjects or (said is not None and said.code[:2] != STATEMENT_ROOT):
        return None
    threat = next(
        (p for p in lexicon.candidates("verb", THREAT_LEMMA) if p.code == FORCE_THREAT), None
    )
    if threat is None:
        return None
    return (
        Frame(speech, "verb", subjects=spoken.subjects, objects=frame.objects, lemma=THREAT_LEMMA),
        threat,
    )

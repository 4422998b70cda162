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

A vow that an act will not go (or be left) unanswered is a threat too, though its verb is
negated: "The decision will not go unanswered," the spokesman said, is the speaker's threat
(130) against whose the decision is; "Moscow will not leave this unanswered, the ministry
said" is Moscow's.
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
UNANSWERED_WORDS = word_list("unanswered_words")
LEAVE_LEMMA = "leave"
GO_LEMMA = "go"
THREATEN_CODE = "130"
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


def unanswered_threat(token: Token, frame: Frame, lexicon: Lexicon) -> tuple[Frame, Pattern] | None:
    """The 130 threat of a reported vow that an act will not go (or be left) unanswered or
    unpunished, else None: "the decision will not go unanswered, the spokesman said" is the
    speaker's threat against whose the decision is; "Russia said it would not leave the move
    unanswered" is Russia's."""
    lemma = token.lemma_.lower()
    clause = token
    while clause.dep_ == "conj":  # "is unjustified and will not go unanswered"
        clause = clause.head
    if lemma not in (LEAVE_LEMMA, GO_LEMMA) or clause.dep_ != "ccomp" or not frame.subjects:
        return None
    if not is_negated_locally(token) or not stated_future(token):
        return None
    said = [c for c in token.children if c.dep_ in ("oprd", "acomp", "xcomp", "advmod")]
    said += [c for o in frame.objects for c in o.children if c.dep_ == "amod"]
    if not any(c.lower_ in UNANSWERED_WORDS for c in said):
        return None
    speech = clause.head
    if speech.lemma_.lower() not in REPORTING_VERBS:
        return None
    threat = next(
        (
            p
            for p in lexicon.candidates("verb", THREAT_LEMMA)
            if p.code == THREATEN_CODE and p.specificity == 0
        ),
        None,
    )
    if threat is None:
        return None
    # the reporting verb carries the statement (asserted, where the vow's verb is negated);
    # "X will not leave the act unanswered": X threatens whose the act is; "the act will not
    # go unanswered": the speaker does
    if lemma == LEAVE_LEMMA:
        sides = (frame.subjects, frame.objects)
    else:
        sides = (verb_frame(speech).subjects, frame.subjects)
    if not sides[0]:
        return None
    return Frame(speech, "verb", subjects=sides[0], objects=sides[1], lemma=THREAT_LEMMA), threat

"""A depiction faulted in reported speech: the speaker criticises whoever gave it.

"Myanmar said the court had presented a distorted picture of the situation" is Myanmar's
criticism of the court (111), as "called the ruling biased" is: the CAMEO definition of 111
("criticize or denounce") covers faulting what another side says of events. The reported
clause's verb gives a depiction (``depiction_verbs``: present, paint, give …) whose noun
(``depiction_nouns``: picture, account, narrative …) a distortion word qualifies
(``distortion_words``: distorted, misleading, one-sided …). "The report gave a full account"
or "said the court had presented its findings" is no event.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casus.engine.clauses import speaker_criticism
from casus.engine.frames import Frame
from casus.engine.modality import REPORTING_VERBS, is_negated_locally
from casus.ontology.words import word_list

if TYPE_CHECKING:
    from spacy.tokens import Token

    from casus.ontology.lexicon import Lexicon, Pattern

DEPICTION_VERBS = word_list("depiction_verbs")
DEPICTION_NOUNS = word_list("depiction_nouns")
DISTORTION_WORDS = word_list("distortion_words")
SPEECH_VERBS = REPORTING_VERBS | {"tell"}
# the nouns a statement is made in: "said in a statement that ..." (the parser may hang the
# reported clause on the noun)
STATEMENT_NOUNS = frozenset({"statement", "communique", "communiqué", "letter", "note"})


def distorted_depiction(token: Token, lexicon: Lexicon) -> tuple[Frame, Pattern] | None:
    """The speaker's criticism (111) of the subject of a reported depiction verb whose object
    is a distorted depiction: "Moscow said the report painted a misleading picture of the
    war" → Moscow criticises the report; None for anything else."""
    if token.lemma_.lower() not in DEPICTION_VERBS or is_negated_locally(token):
        return None
    speech = _speech_above(token)
    if speech is None:
        return None
    depicted = [c for c in token.children if c.dep_ == "dobj" and _distorted(c)]
    depicters = [c for c in token.children if c.dep_ == "nsubj"]
    if not depicted or not depicters:
        return None
    return speaker_criticism(lexicon, speech, depicters, depicted)


def _distorted(noun: Token) -> bool:
    """ "a distorted picture", "a one-sided account": a depiction noun with a distortion word
    among its modifiers."""
    if noun.lemma_.lower() not in DEPICTION_NOUNS:
        return False
    modifiers = [m for m in noun.lefts if m.dep_ != "det"]
    words = {t.lower_ for m in modifiers for t in m.subtree}
    # "one-sided" is three tokens under "sided"
    words |= {"".join(t.lower_ for t in m.subtree) for m in modifiers}
    return bool(words & DISTORTION_WORDS)


def _speech_above(token: Token) -> Token | None:
    """The verb of saying that reports the clause: its head ("said the court had presented
    …"), or the verb whose statement noun the parser hung it on ("said in a statement that
    the court had presented …")."""
    head = token.head
    if token.dep_ == "ccomp" and head.lemma_.lower() in SPEECH_VERBS:
        return head
    if token.dep_ == "acl" and head.lemma_.lower() in STATEMENT_NOUNS:
        prep = head.head
        verb = prep.head if prep.dep_ == "prep" else prep
        if verb.lemma_.lower() in SPEECH_VERBS and any(
            c.dep_ == "mark" and c.lower_ == "that" for c in token.children
        ):
            return verb
    return None

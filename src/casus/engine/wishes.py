"""A hope that another party will act is an appeal (020), not an optimistic comment (013).

"China hopes all sides in Myanmar will properly handle their differences" and "the Kremlin
said it hoped Washington would return to the table" ask someone else to do something, as
CAMEO's 020 (requests, suggestions and appeals) has it; "the council hoped the deal would pave
the way for peace" and "Beijing hoped relations would improve" say how the speaker sees the
future (013). What tells them apart is the subject of the hoped-for clause: a party that can
act (a named state, group or person, or a "side" or "party") against a thing or a state of
affairs.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from casus.ontology.words import word_list

if TYPE_CHECKING:
    from spacy.tokens import Token

    from casus.engine.frames import Frame
    from casus.ontology.lexicon import Pattern

OPTIMISM_CODE = "013"
APPEAL_CODE = "020"
WISHING_LEMMAS = frozenset({"hope", "hop", "wish"})  # spaCy sm lemmatises "hoped" as "hop"
# named parties: a state, a people, an organisation, a person
PARTY_ENTITIES = frozenset({"GPE", "NORP", "ORG", "PERSON"})
AGENT_NOUNS = word_list("agent_nouns")  # "all sides", "the parties"
COUNTRY_NOUNS = word_list("country_nouns")  # "the government"
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def hoped_act(pattern: Pattern | None, frame: Frame) -> Pattern | None:
    """The appeal (020) a hope becomes when another party is to act in its clause: "Tokyo
    hopes Seoul will respond sincerely"; a hope about things stays optimism (013)."""
    if (
        pattern is None
        or pattern.code != OPTIMISM_CODE
        or (frame.lemma or frame.pred.lemma_.lower()) not in WISHING_LEMMAS
    ):
        return pattern
    if not any(_party(s) for c in frame.complements for s in _clause_subjects(c)):
        return pattern
    return replace(pattern, code=APPEAL_CODE)


def _clause_subjects(clause: Token) -> list[Token]:
    """The subjects of a finite complement clause, or [] for an infinitive ("hopes to")."""
    if clause.dep_ != "ccomp":
        return []
    return [c for c in clause.children if c.dep_ in SUBJECT_DEPS]


def _party(subject: Token) -> bool:
    """Whether a clause's subject can act: "Washington", "all parties in Pakistan", "the
    Sudanese government"; not "relations", "the deal", nor a pronoun (often the speaker's
    own: "hoped it would be able to host")."""
    if subject.pos_ == "PRON":
        return False
    lemma = subject.lemma_.lower()
    return subject.ent_type_ in PARTY_ENTITIES or lemma in AGENT_NOUNS or lemma in COUNTRY_NOUNS

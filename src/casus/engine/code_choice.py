"""Code boundaries the lexicon's columns cannot draw: the same verb and object take another
CAMEO code by the form of the complement or by who acts.

- A that-clause after an agreement verb is a shared view, not an agreement to act:
  "Bolivia and Peru agreed that the dispute should go to the court" is 019 (express accord),
  while "agreed to reopen the border" stays 03x.
- A vessel seized by a state's own agents is confiscated (1711), not hijacked (181):
  "Malaysian police seized a Vietnamese fishing boat" against "pirates seized a tanker".

An agreement takes the verb's own 019 row; a seizure keeps its row with the other code.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from casus.ontology.words import word_list

if TYPE_CHECKING:
    from spacy.tokens import Token

    from casus.engine.frames import Frame
    from casus.model import Actor
    from casus.ontology.lexicon import Lexicon, Pattern

ACCORD_CODE = "019"
ACT_ROOT = "03"
HIJACK_CODE = "181"
CONFISCATE_CODE = "1711"
VESSEL_CLASS = "VESSEL"
STATE_ROLES = word_list("state_agent_roles")
# what makes a complement a clause with its own subject: "agreed (that) there was a need"
FINITE_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})


def accord(frame: Frame, pattern: Pattern | None, lexicon: Lexicon) -> Pattern | None:
    """The verb's 019 row when a plain agreement (root 03, no object, no complement roots)
    has a finite that-clause: "the ministers agreed that talks were the only way" (019),
    but "agreed to hold talks" (036) and "agreed a ceasefire" (0871) are kept."""
    if (
        pattern is None
        or pattern.code[:2] != ACT_ROOT
        or pattern.obj is not None
        or pattern.comp
        or frame.kind != "verb"
        or frame.objects
        or not any(_finite_clause(c) for c in frame.complements)
    ):
        return pattern
    rows = [
        p
        for p in lexicon.candidates("verb", frame.lemma or frame.pred.lemma_.lower())
        if p.code == ACCORD_CODE and p.obj is None and not p.comp
    ]
    return min(rows, key=lambda p: p.specificity, default=pattern)


def by_agent(pattern: Pattern, source: Actor) -> Pattern:
    """The pattern for who acts: a state agent (government, police, military, courts)
    seizing a vessel confiscates it (1711), anyone else hijacks it (181). The matched row
    stays the event's ``pattern``."""
    if (
        pattern.code != HIJACK_CODE
        or pattern.obj != VESSEL_CLASS
        or not any(role.lower() in STATE_ROLES for role in source.roles)
    ):
        return pattern
    return replace(pattern, code=CONFISCATE_CODE)


def _finite_clause(comp: Token) -> bool:
    """Whether a complement is a clause with a subject of its own (a that-clause), not an
    infinitive: "agreed (that) the dispute should be settled", not "agreed to settle"."""
    return comp.dep_ == "ccomp" and any(c.dep_ in FINITE_SUBJECT_DEPS for c in comp.children)

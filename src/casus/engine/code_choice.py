"""Code boundaries the lexicon's columns cannot draw: the same verb and object take another
CAMEO code by the form of the complement or by who acts.

- A that-clause after an agreement verb is a shared view, not an agreement to act:
  "Bolivia and Peru agreed that the dispute should go to the court" is 019 (express accord),
  while "agreed (with Lima) to reopen the border" is 03x.
- A wish that someone else act is an appeal, the 02x twin of the 03x intent: "Washington
  wants Beijing to release the journalists" is 025, "wants to release them" 035.
- A vessel seized by a state's own agents is confiscated (1711), not hijacked (181):
  "Malaysian police seized a Vietnamese fishing boat" against "pirates seized a tanker".

An agreement takes the verb's own 019 row; a seizure keeps its row with the other code.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from casus.engine.voice import raised_subjects

if TYPE_CHECKING:
    from spacy.tokens import Token

    from casus.engine.frames import Frame
    from casus.model import Actor
    from casus.ontology.lexicon import Lexicon, Pattern

ACCORD_CODE = "019"
APPEAL_ROOT = "02"
# 039 (intent to mediate) has no appeal twin; every other 03x code has its 02x
NO_APPEAL_TWIN = "039"
ACT_ROOT = "03"
HIJACK_CODE = "181"
CONFISCATE_CODE = "1711"
VESSEL_CLASS = "VESSEL"
# roles that act with the authority of a state (actor codes, not words: sides.py keeps its
# role sets the same way)
STATE_ROLES = frozenset({"GOV", "COP", "MIL", "JUD", "LEG", "SPY"})
# what makes a complement a clause with its own subject: "agreed (that) there was a need"
FINITE_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})


def accord(frame: Frame, pattern: Pattern | None, lexicon: Lexicon) -> Pattern | None:
    """Accord (019) and agreement to act (03) told apart by the complement. A plain agreement
    (root 03, no object, no complement roots) with a that-clause is accord: "the ministers
    agreed that talks were the only way" (019); an accord row with an infinitive is an
    agreement to act: "agreed with Russia to extend the corridor" (030). "agreed to hold
    talks" (036) and "agreed a ceasefire" (0871) are kept."""
    if (
        pattern is None
        or pattern.obj is not None
        or pattern.comp
        or frame.kind != "verb"
        or frame.objects
    ):
        return pattern
    if pattern.code[:2] == ACT_ROOT and any(_finite_clause(c) for c in frame.complements):
        wanted = ACCORD_CODE
    elif pattern.code == ACCORD_CODE and any(_infinitive(c) for c in frame.complements):
        wanted = ACT_ROOT
    else:
        return pattern
    rows = [
        p
        for p in lexicon.candidates("verb", frame.lemma or frame.pred.lemma_.lower())
        if p.code.startswith(wanted) and p.obj is None and not p.comp and p.particle is None
    ]
    return min(rows, key=lambda p: p.specificity, default=pattern)


def appeal(frame: Frame, pattern: Pattern | None) -> Pattern | None:
    """The 02x twin of a 03x intent when the verb of wanting has someone else to act (its
    raised object): "Berlin wants Moscow to resume gas deliveries" is an appeal (02x)."""
    if (
        pattern is None
        or pattern.code[:2] != ACT_ROOT
        or pattern.code.startswith(NO_APPEAL_TWIN)
        or not any(
            o in raised_subjects(frame.pred, c) for c in frame.complements for o in frame.objects
        )
    ):
        return pattern
    return replace(pattern, code=APPEAL_ROOT + pattern.code[2:])


def by_agent(pattern: Pattern, source: Actor) -> Pattern:
    """The pattern for who acts: a state agent (government, police, military, courts)
    seizing a vessel confiscates it (1711), anyone else hijacks it (181). The matched row
    stays the event's ``pattern``."""
    if (
        pattern.code != HIJACK_CODE
        or pattern.obj != VESSEL_CLASS
        or not any(role in STATE_ROLES for role in source.roles)
    ):
        return pattern
    return replace(pattern, code=CONFISCATE_CODE)


def _infinitive(comp: Token) -> bool:
    """ "agreed with Russia to extend the corridor": a "to" infinitive."""
    return comp.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in comp.children)


def _finite_clause(comp: Token) -> bool:
    """Whether a complement is a clause with a subject of its own (a that-clause), not an
    infinitive: "agreed (that) the dispute should be settled", not "agreed to settle"."""
    return comp.dep_ == "ccomp" and any(c.dep_ in FINITE_SUBJECT_DEPS for c in comp.children)

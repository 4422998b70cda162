"""Casualties told with the attack that caused them are that attack, not a second event.

"Gunmen attacked a village on Tuesday, **killing** at least 12 civilians", "a drone hit an
apartment block, **killing** two people", "an air strike on the consulate **that killed** seven
officers", "four days of fighting **killed** nearly 100 people": CAMEO codes the act once (the
attack, 18x/19x/20x, or the violent repression, 175); the deaths are its outcome. Coded on
their own, they come out a second time with a side guessed from the numbers killed ("two",
"six officers") or an unknown attacker. The killing goes when the act it hangs on (the verb
its participle or relative clause belongs to, or the event noun that is its subject) is
itself coded in the sentence as an asserted act of force, and the dead are not named with a
country of their own ("killing two Canadian engineers" says whom the attack struck). A
killing told on its own ("Gunmen killed three soldiers", "a gunman stormed the building and
killed a guard") stays.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casus.engine.frames import unwrap_quantifier
from casus.ontology.words import word_list

if TYPE_CHECKING:
    from spacy.tokens import Token

    from casus.model import Event

CASUALTY_VERBS = word_list("casualty_verbs")
FORCE_ROOTS = frozenset({"18", "19", "20"})
# violent repression is force too: "police fired live rounds at protesters, killing one man"
FORCE_CODES = frozenset({"175"})
VICTIM_ENTS = frozenset({"NORP", "GPE"})


def without_told_casualties(events: list[tuple[Event, Token]]) -> list[tuple[Event, Token]]:
    """``events`` (one sentence's) without the killings and woundings that only tell the toll
    of an asserted act of force coded beside them."""
    if not any(t.lemma_.lower() in CASUALTY_VERBS for _, t in events):
        return events
    force = {
        t.i
        for e, t in events
        if (e.cameo_root in FORCE_ROOTS or e.cameo in FORCE_CODES)
        and e.modality.asserted
        and t.lemma_.lower() not in CASUALTY_VERBS
    }
    if not force:
        return events
    tolls = [(e, t) for e, t in events if _toll_of(t, force) and not _named_victims(t)]
    if not tolls:
        return events
    out = []
    for event, trigger in events:
        if any(t is trigger for _, t in tolls):
            continue
        for toll, told in tolls:
            if told.head.i == trigger.i or trigger.i in _subject_heads(told):
                event = _with_known_source(event, toll)
        out.append((event, trigger))
    return out


def _with_known_source(attack: Event, toll: Event) -> Event:
    """The attack with the toll's source when only the toll's telling placed the attackers
    ("Gunmen attacked a village in Niger, killing nine civilians": the gunmen are Niger's in
    the killing, of no country in the attack)."""
    mine, theirs = attack.source, toll.source
    if mine is None or theirs is None or mine.code is None or theirs.code is None:
        return attack
    if mine.known or not theirs.known or mine.code[3:] != theirs.code[3:]:
        return attack
    return attack.with_(source=theirs)


def _subject_heads(trigger: Token) -> set[int]:
    subjects = [c for c in trigger.children if c.dep_ == "nsubj"]
    return {s.i for s in subjects} | {unwrap_quantifier(s).i for s in subjects}


def _named_victims(trigger: Token) -> bool:
    """Whether the ones killed are named with a country of their own ("killing two Canadian
    engineers"): then the toll says whom the attack struck, and is kept."""
    return any(
        w.ent_type_ in VICTIM_ENTS
        for o in trigger.children
        if o.dep_ in ("dobj", "nsubjpass")
        for w in o.subtree
    )


def _toll_of(trigger: Token, force: set[int]) -> bool:
    """Whether ``trigger`` is a casualty verb hanging on one of the ``force`` triggers."""
    if trigger.lemma_.lower() not in CASUALTY_VERBS:
        return False
    head = trigger.head
    if trigger.dep_ == "advcl" and trigger.tag_ == "VBG":
        return head.i in force  # "attacked a village, killing 12"
    if trigger.dep_ == "relcl":
        return head.i in force  # "an air strike that killed seven officers"
    # "four days of fighting killed nearly 100 people", "the attack killed 26"
    return not _subject_heads(trigger).isdisjoint(force)


__all__ = ["without_told_casualties"]

"""A reaction to an act whose phrase names only its victim targets who did the act.

"Venezuelan troops attacked a Guyanese border post. Brazil condemned **the attack on Guyana**"
→ Venezuela, not Guyana; "A Venezuelan patrol boat entered Guyana's waters. Washington
condemned **what it called a violation of Guyana's maritime boundary**" → Venezuela. The doer
is the source of the latest earlier event done to the victim the phrase names (in the noun's
own family of codes when the lexicon knows the noun). A phrase that names the doer ("the
Israeli strike on Rafah", "Iran's attack on the tanker") keeps the existing rules, and so does
one whose victim no earlier event has touched. Conventions: docs/event-model.md#objects-and-targets.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casus.engine.authored import other_side
from casus.engine.frames import Frame, with_conjuncts
from casus.engine.matching import PatternMatcher
from casus.engine.owners import modifiers
from casus.engine.phrases import of_object
from casus.engine.reactions import ACCUSATION_ROOT, REACTION_CODES, makers, sympathises
from casus.engine.scope import Scope
from casus.engine.sides import as_context
from casus.model import Actor, Event

if TYPE_CHECKING:
    from spacy.tokens import Token

# Reactions that blame, reject or threaten the doer of an act (CAMEO roots), and the comments
# of ``REACTION_CODES`` ("expressed concern over the shelling of Kharkiv").
BLAMING_ROOTS = frozenset({"11", "12", "13"})
# Verbs that characterise an act in "condemned what it called a violation of ...".
CHARACTERISING_VERBS = frozenset({"call", "describe", "term", "brand", "label", "characterise"})
# The prepositions inside an act's phrase that name its victim: "the attack on Guyana", "the
# arrest of two journalists", "the violence against Serbs".
VICTIM_PREPS = frozenset({"on", "of", "against", "at", "upon"})
# The words of a victim's phrase that say whose it is: "Guyana's boundary", "Ethiopian villages".
OWNER_DEPS = frozenset({"poss", "amod", "compound"})
# Acts of coercion and force (CAMEO roots) that a characterised act ("a violation", "a crime")
# may be, when the lexicon does not know its noun.
FORCEFUL_ROOTS = frozenset({"13", "14", "15", "16", "17", "18", "19", "20"})
# The prepositions that name what an attack struck ("the strike on Erbil"), and the CAMEO
# roots of attacks whose unnamed doer a blaming reaction targets.
STRUCK_PREPS = frozenset({"on", "against", "upon"})
ATTACK_ROOTS = frozenset({"18", "19", "20"})
# Disapproval (CAMEO 110, 111, 114) of such an attack; blame (112) names the doer itself.
DISAPPROVING = frozenset({"110", "111", "114"})
# How many sentences back the act may be told.
REACH = 3


def victim_doers(
    code: str, frame: Frame, scope: Scope, source: Actor, matcher: PatternMatcher
) -> list[Actor | None]:
    """Who did the act a reaction names by its victim only (see the module docstring), or
    nothing when the reaction names no such act."""
    if code[:2] not in BLAMING_ROOTS and code[:3] not in REACTION_CODES:
        return []
    if sympathises(code, frame):
        return []  # "condolences over the killing of Turkish soldiers": the victims' side
    characterised = _characterised(frame)
    unnamed: list[Actor | None] = []  # an attack whose attacker no one names, told nowhere
    for noun in [o for o in frame.objects if o.pos_ == "NOUN"] + characterised:
        if _names_doer(noun, scope):
            continue
        # "condemned what it called the excessive use of force": the act just told, whoever
        # it was done to
        victims = _victims(noun, scope) or (None if noun in characterised else set())
        if victims is not None and not victims:
            continue
        doers = _done_to(victims, noun, frame, scope, matcher, source)
        if doers:
            return doers
        if victims and not unnamed and noun not in characterised and _struck(code, noun, matcher):
            unnamed = [_unnamed_doer(noun, scope)]
    return unnamed


def _struck(code: str, noun: Token, matcher: PatternMatcher) -> bool:
    """Whether a blaming reaction names an attack by the side it struck only: "condemned the
    drone strike on Erbil", "the attacks against the embassy" (a noun the lexicon codes as
    force, 18-20, among others; an "of" phrase may name the doer, as in "the deployment of
    Turkish troops", and what the speaker calls an act keeps the rules above)."""
    if code[:3] not in DISAPPROVING:  # "pinned the explosion on saboteurs" names the doer
        return False
    if not any(c.dep_ == "prep" and c.lower_ in STRUCK_PREPS for c in noun.children):
        return False
    lemma = matcher.noun_trigger(noun)
    roots = {p.code[:2] for p in matcher.lexicon.candidates("noun", lemma)} if lemma else set()
    return not ATTACK_ROOTS.isdisjoint(roots)


def _unnamed_doer(noun: Token, scope: Scope) -> Actor:
    """The attacker no one names, as the reaction's side: "Egypt condemned the attacks on Port
    Sudan" blames whoever attacked, never Sudan, nor the side in focus. An unresolved side is
    no target (docs/event-model.md#objects-and-targets)."""
    start = noun.idx + scope.offset
    return Actor(None, None, (), noun.text, start, start + len(noun.text), "unresolved")


def _characterised(frame: Frame) -> list[Token]:
    """The act a "what" clause characterises: "condemned what it called a violation of ...",
    "what it described as dangerous manoeuvres"."""
    nouns: list[Token] = []
    for clause in frame.pred.children:
        if clause.dep_ != "ccomp" or clause.lemma_.lower() not in CHARACTERISING_VERBS:
            continue
        if not any(c.dep_ == "dobj" and c.lower_ == "what" for c in clause.children):
            continue
        for child in clause.children:
            if child.dep_ in ("oprd", "attr") and child.pos_ == "NOUN":
                nouns.append(child)
            elif child.dep_ == "prep" and child.lower_ == "as":  # "what it described as"
                nouns += [g for g in child.children if g.dep_ == "pobj" and g.pos_ == "NOUN"]
    return nouns


def _names_doer(noun: Token, scope: Scope) -> bool:
    """Whether the act's own phrase names who did it: "the Israeli strike", "Iran's attack",
    "the attack by rebels"."""
    for child in modifiers(noun):  # "the Russian missile strikes" too
        if child.dep_ == "poss" or (child.dep_ == "prep" and child.lower_ == "by"):
            return True
        if child.dep_ in ("amod", "compound"):  # "a new Israeli crime"
            named = scope.resolver.actor_for(child)
            if named is not None and named.known:
                return True
    return False


def _victims(noun: Token, scope: Scope) -> set[str]:
    """The countries of the victims the act's phrase names: "on Guyana", "of Guyana's
    maritime boundary", "of two Turkish journalists", "on a helicopter of the UN mission"."""
    countries: set[str] = set()
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ not in VICTIM_PREPS:
            continue
        for pobj in (g for g in prep.children if g.dep_ == "pobj"):
            for token in with_conjuncts(pobj):
                # whose the struck thing is: "the attack on a helicopter of the UN Mission"
                owner = of_object(token)
                owners = [] if owner is None else [owner]
                for side in [token, *(c for c in token.children if c.dep_ in OWNER_DEPS), *owners]:
                    actor = scope.resolver.actor_for(side)
                    if actor is not None and actor.known and actor.country:
                        countries.add(actor.country)
    return countries


def _done_to(
    victims: set[str] | None,
    noun: Token,
    frame: Frame,
    scope: Scope,
    matcher: PatternMatcher,
    source: Actor,
) -> list[Actor | None]:
    """Who did the latest earlier event a known other side did to one of the victims (to
    anyone, for ``None``), in the noun's own roots (any act of force for a noun the lexicon
    does not know); or whom a victim accused of an act: "Guyana accused Venezuela of
    sending a patrol boat into its waters" → Venezuela."""
    lemma = matcher.noun_trigger(noun)
    roots = (
        {p.code[:2] for p in matcher.lexicon.candidates("noun", lemma)}
        if lemma is not None
        else FORCEFUL_ROOTS
    )
    sentence = scope.resolver.sentence_of(frame.pred)
    start = frame.pred.idx + scope.offset
    for event in reversed(scope.earlier + scope.current):
        if event.sentence_index < sentence - REACH or event.trigger_start >= start:
            continue
        doer = event.source
        if (
            event.cameo_root in roots
            and doer is not None
            and doer.known
            and other_side(doer, source)
            and (victims is None or _on_victims(event, victims))
        ):
            return makers(event, scope, source)
        accused = event.target
        if (
            victims
            and event.cameo_root == ACCUSATION_ROOT
            and doer is not None
            and doer.country in victims
            and accused is not None
            and accused.known
            and accused.country not in victims
            and other_side(accused, source)
        ):
            return [as_context(accused)]
    return []


def _on_victims(event: Event, victims: set[str]) -> bool:
    """Whether an event was done by another side to one of the victims."""
    target, doer = event.target, event.source
    return (
        target is not None
        and target.country in victims
        and (doer is None or doer.country not in victims)
    )

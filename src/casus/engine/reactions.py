"""What a reaction reacts to, and so whom it targets: who did the act it names.

A reaction (a statement, criticism, demand, threat, protest, rejection) whose clause names no
actor as its object targets who did the act it is about: "Qatar condemned **the attack**",
"Moscow will respond **to the expulsions** in kind" (the expellers), "Pompeo dismissed **that
claim**" (who claimed), and the act a relative clause hangs on: "the United States held drills
with Taiwan, **a move** China called a provocation". A denial answers every side of the
accusation it denies ("The United States and Britain blamed Iran …. Iran denied involvement"
→ both). Conventions: docs/event-model.md#objects-and-targets.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casus.engine.authored import DEFINITE, authors_of
from casus.engine.context import is_country
from casus.engine.coups import coup_doer
from casus.engine.frames import Frame, unwrap_quantifier
from casus.engine.matching import PatternMatcher
from casus.engine.referred_acts import blamed, clause_subjects, pronoun_act
from casus.engine.scope import Scope
from casus.engine.sides import as_context
from casus.model import Actor, Event
from casus.ontology.words import word_list, word_values

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Prepositions whose object is what a reaction is about: "protested over the arrests",
# "condemned Iran for the attack", "a week after the strike", "responded to the expulsions",
# "declined to comment on the recall", "was upbeat about the talks", and what a feeling is
# about: "was alarmed by the assault", "concerned at the arrests".
REACTED_PREPS = ("over", "for", "after", "to", "on", "by", "about", "at")
# Verbs of answering an act, whatever code their clause has: "will respond in kind" (160).
ANSWERING_VERBS = word_list("answering_verbs")
# and of light verbs answering one by their object: "would take its revenge" (on whom it blamed)
ANSWERING_NOUNS = word_list("answering_nouns")
ACCUSATION_ROOT = "11"
# Reactions whose target is whoever did the event they react to ("condemned the attack").
REACTION_ROOTS = frozenset({"02", "10", "11", "12", "13", "14"})
# and comments and praise of a thing done ("declined to comment on the recall", "welcomed
# the ruling"); not claims and denials of responsibility (015, 016), which have their own rule
REACTION_CODES = frozenset({"010", "011", "012", "013", "018", "019", "051"})
# Nouns that name whatever act came before: "condemned the incident", "the manoeuvres",
# "these actions" (within a few sentences of it).
ACT_NOUNS = word_list("act_nouns")
ACT_REACH = 400
MATERIAL_QUADS = frozenset({2, 4})
# Things sides agree to, by kind ("ceasefire", "truce" → truce), and the roots of agreeing.
AGREED_THINGS = word_values("agreed_things")
AGREEING_ROOTS = frozenset({"03", "04", "05", "06", "08"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Sympathy (018, or a feeling of ``sympathy_nouns``) is with the victims of the act, not its doer.
SYMPATHY_CODE = "018"
SYMPATHY_NOUNS = word_list("sympathy_nouns")


def reacts(code: str, frame: Frame, source: Actor) -> bool:
    """Whether an event of ``code`` reacts to an act, and so targets who did it. A comment or
    praise only when its speaker is known: "the envoy welcomed the release" from a speaker
    the text never places is too weak a pair to guess."""
    if code[:2] in REACTION_ROOTS or answers(frame):
        return True
    return code[:3] in REACTION_CODES and source.known


def answers(frame: Frame) -> bool:
    """Whether the predicate answers an act: "Moscow will respond to the expulsions". Not
    when a "by" clause says how: "Seoul responded to the deal by summoning the ambassador"
    is the summoning, coded on its own. A light verb answers by its object: "Iran would take
    its revenge", "vowed a harsh response"."""
    answering = frame.pred.lemma_.lower() in ANSWERING_VERBS or any(
        o.lemma_.lower() in ANSWERING_NOUNS for o in frame.objects
    )
    return answering and not any(
        c.dep_ == "prep" and c.lower_ == "by" and any(g.dep_ == "pcomp" for g in c.children)
        for c in frame.pred.children
    )


def reacted_nouns(frame: Frame) -> list[Token]:
    """The nouns a reaction may be about: its objects, the objects of ``REACTED_PREPS``, the
    subjects of its reported clause ("vowed that the killing would not go unpunished") and
    the noun its relative clause hangs on ("a move **that** China condemned")."""
    nouns = frame.objects + [t for p in REACTED_PREPS for t in frame.preps.get(p, [])]
    nouns += clause_subjects(frame)  # "vowed that the killing would not go unpunished"
    if frame.pred.dep_ == "relcl" and frame.pred.head.pos_ == "NOUN":
        nouns.append(frame.pred.head)
    return [n for n in nouns if n.pos_ == "NOUN"]


def reacted_event(noun: Token, frame: Frame, scope: Scope, matcher: PatternMatcher) -> Event | None:
    """The event a reacted-to noun names: the act of the clause a relative clause's noun is
    in apposition to ("held drills with Taiwan, a move China called a provocation" → the
    drills), else an earlier event the definite noun refers back to."""
    if frame.pred.dep_ == "relcl" and noun.i == frame.pred.head.i and _sums_up(noun):
        event = _event_above(noun.head, scope)
        if event is not None:
            return event
    return antecedent(noun, scope, matcher)


def _sums_up(noun: Token) -> bool:
    """Whether a noun after a comma sums up its clause: "…, a move China called a
    provocation" (spaCy hangs it on the nearest noun or on the verb)."""
    first = noun.left_edge.i
    return noun.dep_ in ("appos", "npadvmod") and first > 0 and noun.doc[first - 1].text == ","


def _event_above(token: Token, scope: Scope) -> Event | None:
    """The event of the clause a noun is in: that of the nearest verb above it. spaCy hangs
    "a move" on the nearest noun, but it sums up the clause's act ("denounced the agreements,
    a stance the UAE rejected" is about the denouncing, not the agreements)."""
    by_start = {e.trigger_start - scope.offset: e for e in scope.current}
    for above in [token, *token.ancestors]:
        if above.pos_ in ("VERB", "AUX"):
            return by_start.get(above.idx)
    return None


def antecedent(noun: Token, scope: Scope, matcher: PatternMatcher) -> Event | None:
    """The earlier event "the attack" refers to: the latest earlier event whose trigger has the
    noun's word or lemma ("the claim" → "claimed"), else the main (first) event of the latest
    sentence coded in a root the noun can have ("Iran fired missiles at the base. Qatar
    condemned the attack." → the firing)."""
    if not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in noun.children):
        return None
    words = {noun.lower_, noun.lemma_.lower()}
    same_word = [
        e
        for e in scope.earlier
        if e.trigger_text.lower() in words or _trigger_lemma(e, scope, noun.doc) in words
    ]
    if same_word:
        return same_word[-1]
    if noun.lemma_.lower() in ACT_NOUNS:  # "the incident", "the manoeuvres": the act before
        return _latest_act(noun, scope)
    lemma = matcher.noun_trigger(noun)
    if lemma is None:
        return _agreed_to(noun, scope)
    # "the strikes" may be any of the noun's senses (labour strike, air strike): every root
    # the lexicon gives the noun is a candidate
    candidates = matcher.lexicon.candidates("noun", lemma)
    roots = {p.code[:2] for p in candidates}
    codes = {p.code[:3] for p in candidates}
    # "denounced the agreements" is the signing (057), not a later welcome of it (051):
    # an event of the noun's own codes first, then one of its roots
    for same in (
        [e for e in scope.earlier if e.cameo[:3] in codes],
        [e for e in scope.earlier if e.cameo_root in roots],
    ):
        if same:
            latest = same[-1].sentence_index
            return next(e for e in same if e.sentence_index == latest)
    return _agreed_to(noun, scope)


def _agreed_to(noun: Token, scope: Scope) -> Event | None:
    """The latest earlier act whose clause takes the thing the noun names as its object, by
    the same or another word for it (``agreed_things``): "Kyrgyzstan and Tajikistan agreed
    to a ceasefire. Uzbekistan welcomed **the truce**" → the agreeing; "signed a ceasefire
    protocol … welcomed the truce" → the signing. Only acts of cooperation (roots 03 to 08),
    never an earlier reaction that named the thing."""
    kind = AGREED_THINGS.get(noun.lemma_.lower())
    if kind is None:
        return None
    for event in reversed(scope.earlier):
        if event.cameo_root not in AGREEING_ROOTS:
            continue
        trigger = _trigger_token(event, scope, noun.doc)
        if trigger is not None and any(
            AGREED_THINGS.get(t.lemma_.lower()) == kind
            for t in trigger.subtree
            if t.dep_ not in SUBJECT_DEPS and t.i > trigger.i
        ):
            return event
    return None


def _latest_act(noun: Token, scope: Scope) -> Event | None:
    """The first material act (quad class 2 or 4) of the latest earlier sentence with one,
    when it ends within ``ACT_REACH`` characters of a generic act noun: "Chinese ships
    blocked a supply boat. The ambassador condemned the manoeuvres" → the blocking; not a
    statement between ("Washington weighed in")."""
    acts = [e for e in scope.earlier if e.quad_class in MATERIAL_QUADS]
    if not acts or scope.offset + noun.idx - acts[-1].evidence_end > ACT_REACH:
        return None
    return next(e for e in acts if e.sentence_index == acts[-1].sentence_index)


def _trigger_lemma(event: Event, scope: Scope, doc: Doc) -> str | None:
    """The lemma of an earlier event's trigger word, when it is in the parsed text."""
    trigger = _trigger_token(event, scope, doc)
    return trigger.lemma_.lower() if trigger is not None else None


def _trigger_token(event: Event, scope: Scope, doc: Doc) -> Token | None:
    """An earlier event's trigger word, when it is in the parsed text."""
    start = event.trigger_start - scope.offset
    if start < 0:
        return None
    span = doc.char_span(start, event.trigger_end - scope.offset, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def makers(event: Event, scope: Scope, source: Actor) -> list[Actor | None]:
    """Who did an event: its source, or every party of a joint act ("Israel, the UAE and
    Bahrain signed agreements. Palestinian leaders condemned the deals." → all three, the
    reacting side's own country aside)."""
    pairs = [e for e in scope.earlier + scope.current if e.trigger_start == event.trigger_start]
    # one doer with several targets ("denounced the agreements" → ARE, ISR) is no joint act
    if len({e.source.code for e in pairs if e.source is not None}) < 2:
        return [event.source]
    parties: list[Actor | None] = []
    for e in pairs:
        for side in (e.source, e.target):
            if (
                side is not None
                and side.known
                and side.country != source.country
                and all(p is None or not _same_side(p, side) for p in parties)
            ):
                parties.append(as_context(side))
    return parties or [event.source]


def _same_side(one: Actor, other: Actor) -> bool:
    """One party per state: the Houthis and Yemeni civilians freed in a swap are Yemen's side."""
    if one.country is not None and is_country(one.country):
        return one.country == other.country
    return one.code == other.code


def sympathises(code: str, frame: Frame) -> bool:
    """Whether a reaction shows sympathy with the victims of what it reacts to: "offered
    condolences", "expressed solidarity after the attack"."""
    return code[:3] == SYMPATHY_CODE or any(
        o.lemma_.lower() in SYMPATHY_NOUNS for o in frame.objects
    )


def reaction_targets(
    code: str, frame: Frame, scope: Scope, source: Actor, matcher: PatternMatcher
) -> list[Actor | None]:
    """Who did what a reaction reacts to (for sympathy, whom it was done to), when no object
    names an actor. A coup's doer is its country's army when the text names none
    ("condemned what they called a coup", :mod:`casus.engine.coups`)."""
    nouns = reacted_nouns(frame)
    coup = None if sympathises(code, frame) else coup_doer(frame, nouns, scope, source)
    if coup is not None:
        return [coup]
    for noun in nouns:
        found = scope.resolver.actor_for(unwrap_quantifier(noun))
        if found is not None and found.code is not None:
            continue
        event = reacted_event(noun, frame, scope, matcher)
        if event is not None and sympathises(code, frame):
            victim = event.target  # "expressed solidarity after the attack" → the attacked
            known = victim is not None and victim.known and victim.country != source.country
            return [as_context(victim)] if victim is not None and known else []
        if event is not None and event.source is not None and event.source.known:
            return makers(event, scope, source)
        accused = blamed(event, scope, source, matcher.lexicon) if event is not None else None
        if accused is not None:  # "A drone strike killed … Lebanese officials blamed Israel"
            return [accused]
        authors = authors_of(noun, scope, source)  # "dismissed the findings" (who found)
        if authors:
            return list(authors)
    event = None if sympathises(code, frame) or not source.known else pronoun_act(frame, scope)
    doer = event.source if event is not None else None
    if event is not None and doer is not None and doer.known and doer.country != source.country:
        return makers(event, scope, source)  # "called it a serious escalation"
    return []


def accusers(scope: Scope, source: Actor) -> list[Actor]:
    """Every side of the latest accusation made against the denier earlier in the article
    ("The United States and Britain blamed Iran" → both), each as a side from context."""
    if not source.country:
        return []
    events = scope.earlier + scope.current
    for event in reversed(events):
        if _accuses(event, source):
            joint = [
                e for e in events if e.trigger_start == event.trigger_start and _accuses(e, source)
            ]
            found: list[Actor] = []
            for side in (e.source for e in joint if e.source is not None):
                if all(a.code != side.code for a in found):
                    found.append(as_context(side))
            return found
    return []


def _accuses(event: Event, source: Actor) -> bool:
    return (
        event.cameo_root == ACCUSATION_ROOT
        and event.target is not None
        and event.target.country == source.country
        and event.source is not None
        and event.source.known
        and event.source.country != source.country
    )

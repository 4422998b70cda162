"""Which (source, target) pairs make events, how sure casus is of each, and one event per act
(docs/event-model.md#confidence): the checks the event builder applies to every pair it finds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casus.engine.clauses import VIOLENT_ROOTS
from casus.engine.frames import prep_objects
from casus.engine.venues import occasions, on_venues
from casus.engine.venues import spans as venue_spans
from casus.model import Actor, Event
from casus.ontology.words import word_list

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Token

    from casus.engine.frames import Frame
    from casus.engine.scope import Scope
    from casus.ontology.cameo import CameoCode
    from casus.ontology.lexicon import Pattern


# A bare statement (010) to someone beside an appeal, demand, criticism, rejection or threat to
# the same side is that speech act's vehicle, not a second event.
STATEMENT = "010"
# (sentence, source code, target code, CAMEO code, asserted)
PairKey = tuple[int, str | None, str | None, str, bool]
SPEECH_ROOTS = frozenset({"02", "10", "11", "12", "13"})
# Acts done to someone keep their target even when it is the actor's own country.
HOME_GROUND_KEPT = frozenset({"16", "17"}) | VIOLENT_ROOTS
# Rejecting one's own commitment: "reneged on its pledge" (elsewhere a possessive that points
# back at the source is a parse of someone else's target, so the pair stays uncodable)
RETRACTION_ROOT = "12"
# hopes and fears (012, 013) of ordinary people found by a common noun, a pronoun or a place
# are the colour of a report, no event: "Traders in Aranyaprathet said they hoped the
# reopening would come quickly"; a named company or group still comments
MOOD_CODES = frozenset({"012", "013"})
PUBLIC_ROLES = frozenset({"CVL", "BUS", "REF", "LAB", "EDU"})
# weighing options (014) with no one they bear on is a side's own deliberation, no event: "the
# matatu owners said they were considering a nationwide strike", "they reviewed the progress of
# the partnership"; "is considering sanctions on Iran" keeps its target
DELIBERATION = "014"
NAMED_HOWS = frozenset({"dictionary", "person"})


def dedupe(events: list[tuple[Event, Token]]) -> list[tuple[Event, Token]]:
    """Drop exact repeats, and an untargeted event (or one whose target only the context
    or a convention gave) when the same sentence has the same source and root with a
    target the text names ("will strike" under "a warning to Baku"); a noun event that is
    what a verb event with the same pair and code did ("launched ten days of war games"); a
    bare statement beside a speech act to the same side ("wrote to Bush urging him")."""
    targeted = {
        (
            e.sentence_index,
            e.source.country if e.source else None,
            e.cameo_root,
            e.modality.asserted,
        )
        for e, _ in events
        if not guessed_target(e)
    }
    # "a British national was killed" beside "the ship was struck by a drone from Iran":
    # a violent act by no one named is the known act's consequence, not a second attack
    violent = {
        e.sentence_index
        for e, _ in events
        if e.cameo_root in VIOLENT_ROOTS and e.source is not None and e.source.known
    }
    said = _verb_triggers(events)
    said_between = _verb_triggers(events, key=_country_key)
    addressed = {_sides(e) for e, _ in events if e.cameo_root in SPEECH_ROOTS}
    seen: set[str] = set()
    out = []
    for event, token in events:
        if event.cameo == STATEMENT and _sides(event) in addressed:
            continue  # "wrote to Bush urging him to send troops": the letter is the appeal
        if token.pos_ == "NOUN" and any(
            verb.is_ancestor(token) for verb in said.get(_pair_key(event), ())
        ):
            # "launched ten days of war games": the noun is what the verb's event did
            continue
        if _told_inside(event, token, said_between):
            continue
        if (
            event.source is not None
            and not event.source.known
            and event.cameo_root in VIOLENT_ROOTS
            and event.sentence_index in violent
        ):
            continue
        key = (
            event.sentence_index,
            event.source.country if event.source else None,
            event.cameo_root,
            event.modality.asserted,
        )
        untargeted = guessed_target(event)
        # two mentions of one actor ("President Sisi and Egypt's foreign minister agreed")
        # make one event per trigger, not two
        same = (
            event.trigger_start,
            event.source.code if event.source else None,
            event.target.code if event.target else None,
            event.cameo,
            event.modality.asserted,
        )
        event_id, same_key = event.event_id, str(same)  # (a hash each: computed once)
        if event_id in seen or same_key in seen or (untargeted and key in targeted):
            continue
        seen.add(event_id)
        seen.add(same_key)
        out.append((event, token))
    return out


def _told_inside(event: Event, token: Token, said: dict[PairKey, list[Token]]) -> bool:
    """A speech act told inside another of the same code between the same countries is the
    same act: "Netanyahu warned that Israel reserved the right to resume fighting" is one
    threat."""
    if event.cameo_root not in SPEECH_ROOTS or token.pos_ not in ("VERB", "AUX"):
        return False
    # only the clause said ("warned that ..."): "responded by summoning the ambassador" is
    # the summons itself, coded on the inner verb
    if token.dep_ != "ccomp":
        return False
    return any(verb.i == token.head.i for verb in said.get(_country_key(event), ()))


def _country_key(event: Event) -> PairKey:
    """As :func:`_pair_key`, with the sides' countries ("Israel" and "Netanyahu" are one side)."""
    return (
        event.sentence_index,
        (event.source.country or event.source.code) if event.source else None,
        (event.target.country or event.target.code) if event.target else None,
        event.cameo,
        event.modality.asserted,
    )


def _sides(event: Event) -> tuple[int, str | None, str | None, bool]:
    return (
        event.sentence_index,
        event.source.code if event.source else None,
        event.target.code if event.target else None,
        event.modality.asserted,
    )


def _pair_key(event: Event) -> PairKey:
    return (
        event.sentence_index,
        event.source.code if event.source else None,
        event.target.code if event.target else None,
        event.cameo,
        event.modality.asserted,
    )


def _verb_triggers(
    events: list[tuple[Event, Token]], *, key: Callable[[Event], PairKey] | None = None
) -> dict[PairKey, list[Token]]:
    """The verb triggers of each (sentence, pair, code, asserted)."""
    key = key or _pair_key
    out: dict[PairKey, list[Token]] = {}
    for event, token in events:
        if token.pos_ in ("VERB", "AUX"):
            out.setdefault(key(event), []).append(token)
    return out


ONE_SIDED = word_list("one_sided_words")
ONE_WAY = word_list("one_way_verbs")  # "briefed the United States": from the subject only
TELLING = word_list("telling_verbs")  # "briefed the United States": its object is the one told


DECLARING = word_list("declared_truce_verbs")
TRUCES = word_list("truce_nouns")


def one_sided(frame: Frame) -> bool:
    """Whether a joint act is done by one side alone: "declared a unilateral ceasefire",
    "unilaterally declared a truce" (then it has no second party to find), or a truce one
    side declares naming no partner: "the government declared a ceasefire on Friday" (then
    its partner is the other side of the fighting in focus). Telling or handing something to
    someone it names goes one way: "briefed the United States", "provided intelligence to
    Kyiv" (``one_way_verbs``); with no one named ("informed that ...") no partner is guessed."""
    heads = [frame.pred, *frame.objects]
    if any(c.lower_ in ONE_SIDED for h in heads for c in h.children):
        return True
    if tells(frame):
        return True
    return (
        frame.kind == "verb"
        and frame.pred.lemma_.lower() in DECLARING
        and len(frame.subjects) == 1
        and any(o.lemma_.lower() in TRUCES for o in frame.objects)
        and not ({"with", "between"} & set(frame.preps))
    )


def tells(frame: Frame) -> bool:
    """Whether a verb of telling or handing over names whom it goes to (``one_way_verbs``):
    "briefed the Majlis committee", "provided intelligence to Kyiv". That one is its only
    possible target: no other side is guessed when it is no side of its own."""
    lemma = frame.pred.lemma_.lower()
    if frame.kind != "verb" or lemma not in ONE_WAY:
        return False
    told = lemma in TELLING  # whose object is the one told
    return bool(frame.datives or frame.preps.get("to") or (told and frame.objects))


def told(frame: Frame) -> bool:
    """Whether a verb of telling names the one it tells as its object: "briefed the Majlis
    committee" (not "sent patrol vessels to the area", whose place may stand for a side)."""
    return tells(frame) and frame.pred.lemma_.lower() in TELLING and bool(frame.objects)


def without_venues(
    scope: Scope,
    frame: Frame,
    sources: list[Actor],
    targets: list[Actor | None],
    *,
    alone: bool = False,
) -> list[Actor | None]:
    """A joint act's place is no party to it when two parties are named besides it: "Iran
    and the United States held talks in Oman", "met Putin at the Kremlin", "met on the island
    of St Vincent"; the place of an act one side does ``alone`` is never its party ("declared
    a unilateral ceasefire in south Lebanon"), nor is a gathering on whose sidelines it was
    done ("met on the sidelines of the G20 summit").
    """
    venues = list(frame.preps.get("in", [])) + list(frame.preps.get("at", [])) + on_venues(frame)
    for obj in frame.objects:
        inner: dict[str, list[Token]] = {}
        prep_objects(obj, inner)
        venues += inner.get("in", []) + inner.get("at", [])
    places = venue_spans(scope, venues)
    gatherings = venue_spans(scope, occasions(frame))

    def within(actor: Actor | None, found: list[tuple[int, int]]) -> bool:
        return actor is not None and any(a <= actor.start < b for a, b in found)

    # "met on the sidelines of the ASEAN meeting": ASEAN is no partner, whoever else is named
    targets = [t for t in targets if not within(t, gatherings)] or [None]
    kept = [t for t in targets if not within(t, places)]
    named = {a.code for a in list(sources) + kept if a is not None and a.known}
    if alone:
        return kept or [None]
    return kept if len(named) >= 2 else targets


def guessed_target(event: Event) -> bool:
    """Whether an event has no target the text names: none, one from context, or one inferred
    at the trigger (a protest's government)."""
    target = event.target
    if target is None or target.how == "context":
        return True
    return target.how == "inferred" and target.start == target.end


def same_actor(source: Actor, target: Actor, *, symmetric: bool) -> bool:
    """Whether two sides are one actor: the same code, or, for an agreement, a country and a
    part of it ("Netanyahu signed the treaty on behalf of Israel" is no Israel-Israel
    agreement). A government acting on its own country is an event ("imposed a curfew in
    southeastern Turkey"), and so is an agreement between two parts of one country."""
    if target.code is None or source.code is None:
        return False
    if target.code == source.code:
        return True
    if not symmetric or not (source.known and target.known):
        return False
    same = source.country == target.country
    return same and (source.code == source.country or target.code == target.country)


def codable(source: Actor, target: Actor | None, code: CameoCode) -> bool:
    """Whether a (source, target) pair makes an event an analyst can use: not one actor on
    itself, and at least one side known, or a generic actor the text names acting on a side
    it names (docs/actors.md#unknown-and-generic-sides); no options weighed (014) with no target."""
    if target is not None and (source.start, source.end, source.code) == (
        target.start,
        target.end,
        target.code,
    ):
        return False
    if (
        not source.known
        and (target is None or not target.known)
        and not _named_pair(source, target)
    ):
        return False  # neither side known: nothing an analyst could place
    if code.code in MOOD_CODES and _vox_pop(source):
        return False
    if code.code == DELIBERATION and target is None:
        return False
    if target is not None and code.root == "16" and target.country == source.country:
        return False  # relations are reduced with someone else, never with oneself
    # an actor acting on itself is a resolution error, not an event
    return not (target is not None and same_actor(source, target, symmetric=code.symmetric))


def _vox_pop(source: Actor) -> bool:
    """Ordinary people no name singles out: "traders", "residents of Gaza", "they"."""
    return bool(source.roles) and set(source.roles) <= PUBLIC_ROLES and source.how not in NAMED_HOWS


def _named_pair(source: Actor, target: Actor | None) -> bool:
    """Whether a pair with no known country still says who did what to whom: a generic actor
    the text names acting on someone it names ("Unidentified gunmen shot dead a police
    commander" → ---UAF → ---COP). An unknown agent ("three people were killed") is not."""
    return source.how == "generic" and target is not None and target.code is not None


# What each way of finding a side costs (docs/event-model.md#confidence).
SOURCE_COST = {"unknown": 0.25, "generic": 0.15, "context": 0.1, "pronoun": 0.1}
TARGET_COST = {"unknown": 0.1, "generic": 0.1, "context": 0.1, "pronoun": 0.1, "unresolved": 0.1}


def home_ground(source: Actor, target: Actor | None, code: CameoCode) -> Actor | None:
    """The target, or None where it is only the source's own country as a place of the act
    ("Hezbollah declared a unilateral ceasefire in south Lebanon" is a ceasefire, not one
    declared on Lebanon) or, for a rejection, the source's own possessive ("reneged on its
    commitment"). Actions done to someone (roots 16-20) are left as they are."""
    if target is None or code.root in HOME_GROUND_KEPT:
        return target
    if target.how == "pronoun" and target.text.lower() == "it" and target.code == source.country:
        return None  # "Jordan's foreign minister called it an escalation": "it" is no country
    if (
        code.root == RETRACTION_ROOT
        and target.how == "pronoun"
        and target.code == source.code
        and source.known
    ):
        return None  # the commitment taken back is one's own; whose it was is not the target
    if (
        target.roles
        or target.code != target.country
        or target.country != source.country
        or source.code == target.code
        or not same_actor(source, target, symmetric=code.symmetric)
    ):
        return target
    return None


def confidence(pattern: Pattern, frame: Frame, source: Actor, target: Actor | None) -> float:
    """How the event was found, as a number in [0, 1] (docs/event-model.md#confidence):
    0.55 + 0.05 per point of pattern specificity (max 6), minus 0.1 for a nominal trigger,
    minus what finding each side cost: a source unknown 0.25, generic 0.15, taken from
    context or a pronoun 0.1; a target unknown, generic, unresolved, from context or a
    pronoun 0.1."""
    score = 0.55 + 0.05 * min(pattern.specificity, 6)
    if frame.kind == "noun":
        score -= 0.1
    score -= SOURCE_COST.get(source.how, 0.0)
    if target is not None:
        score -= TARGET_COST.get("unresolved" if target.code is None else target.how, 0.0)
    return round(max(0.05, min(0.99, score)), 3)


def asserted(events: list[Event]) -> list[Event]:
    """Only events the text asserts happened (not negated, not hypothetical or future)."""
    return [e for e in events if e.modality.asserted]


__all__ = [
    "asserted",
    "codable",
    "confidence",
    "dedupe",
    "guessed_target",
    "home_ground",
    "one_sided",
    "without_venues",
    "same_actor",
]

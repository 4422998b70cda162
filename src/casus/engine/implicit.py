"""Sides the text gives only by implication (docs/event-model.md#implicit-sides): the actor's
own population or own country as the target of a domestic act, the place in a role-only
side's own phrase, the authorities of the place an agentless arrest or expulsion happens in,
co-subjects that act together, and the speaker's own country as the addressee of a threat
to "anyone who" defies it.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from casus.engine.allies import grounds_tokens
from casus.engine.context import is_country
from casus.engine.focus import focus
from casus.engine.frames import Frame, argument_tokens, place_in, unwrap_quantifier, verb_frame
from casus.engine.phrases import of_object
from casus.engine.scope import Scope
from casus.engine.sides import (
    INSURGENT_ROLES,
    STATE_ROLES,
    civil_war,
    clause_place,
    in_country,
)
from casus.engine.voiced_in import VOICED_ROOTS
from casus.model import Actor
from casus.ontology.words import word_list

if TYPE_CHECKING:
    from spacy.tokens import Token

# Who arrests and who investigates, when an agentless passive says only where (CAMEO roots).
AUTHORITY_BY_ROOT = {"17": "COP", "09": "JUD"}
# Expulsions and deportations (CAMEO 16x, 17x): "were expelled from Sudan" → SDNGOV.
EXPELLED_FROM_ROOTS = frozenset({"16", "17"})
# Acts a state does at home, whose target is its own country when the clause names no one but
# a place there: "threatened to impose a curfew in Algiers" → DZA (CAMEO roots). Statements,
# meetings and cooperation need a partner; protests, force posture and violence have their
# own rules (sides.py, targets.py).
HOME_ROOTS = frozenset({"07", "08", "09", "10", "11", "12", "13", "16", "17"})
# Prepositions that say where an act happens, and the dependencies that open a clause of
# its own (a place inside one is not where the act happens).
WHERE_PREPS = frozenset({"in", "across", "throughout"})
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "pcomp", "conj"})
# How a side is found when the text names it (not guessed from context).
NAMED = frozenset({"dictionary", "person", "metonym", "place"})
# How a role-only side's country was guessed, not named: its own phrase's place beats it.
GUESSED = frozenset({"unresolved", "generic", "unknown", "pronoun", "context", "inferred"})
# Arrests (CAMEO 173): of people the text does not name ("two of them", "23 people") they are
# still arrests, with no target (docs/gold-annotation.md: "arrests of unnamed suspects").
ARREST_CODE = "173"
# martial law, a state of emergency or a seizure of power (a coup) by the army or another side
TAKEOVER_CODE = "1724"
DETAINEE_NOUNS = word_list("detainee_nouns")
RECIPROCAL_VERBS = word_list("reciprocal_verbs")
# Meetings, talks and deals: the place a side is "in" there is where they meet (CAMEO roots).
VENUE_ROOTS = frozenset({"03", "04", "05", "06"})
# Acts two co-subjects do together when the clause names no one else: "Jordan and Britain
# agreed to hold joint exercises" is each one's act towards the other (CAMEO roots).
TOGETHER_ROOTS = frozenset({"03", "05", "06"})
# Verbs of fighting that two co-subjects do against each other when no one else is named.
MUTUAL_VERBS = word_list("mutual_verbs")
# Offers and praise co-subjects address to a third side: "Spain and Portugal offered to
# mediate" is no offer to each other.
ADDRESSED_VERBS = word_list("addressed_verbs")
# Threats (CAMEO root) and the words of an indefinite subject that a threat at home is made
# to: "warned that anyone who fires a single bullet would be met with bullets" (a people's
# own rulers warn their people), "those who do not surrender will be destroyed".
THREAT_ROOT = "13"
WHOEVER_WORDS = frozenset({"anyone", "anybody", "whoever", "everyone", "everybody", "those"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
NAMED_ENTITIES = frozenset({"GPE", "NORP", "ORG", "PERSON", "LOC"})


def own_population(scope: Scope, frame: Frame, source: Actor, code: str = "") -> list[Actor | None]:
    """Administrative sanctions fall on the actor's own population: "the government imposed
    a curfew" → …GOV → …CVL. Martial law or a seizure of power (1724) by anyone but the
    government itself is taken against the government: "the army declared a state of
    emergency and handed power to its commander" → MMRMIL → MMRGOV, "soldiers seized power"."""
    country = source.country
    if not country:
        return [None]
    role = "GOV" if code.startswith(TAKEOVER_CODE) and "GOV" not in source.roles else "CVL"
    head = frame.pred
    start = head.idx + scope.offset
    return [
        Actor(
            country + role, country, (role,), head.text, start, start + len(head.text), "inferred"
        )
    ]


def home_target(frame: Frame, scope: Scope, source: Actor, root: str) -> Actor | None:
    """The actor's own country as the target of a domestic act whose clause (or the clause it
    governs) names no one but a place there: "Sudan's government lifted the state of
    emergency in West Darfur" → SDN, "the president threatened to impose a curfew in
    Algiers" → DZA."""
    country = source.country
    if root not in HOME_ROOTS or not country or not is_country(country):
        return None
    frames = [frame] + [verb_frame(c) for c in frame.complements if c.pos_ in ("VERB", "AUX")]
    tokens = [
        t
        for f in frames
        for t in argument_tokens(f)
        if _where(t, f.pred) and not (root in VOICED_ROOTS and _within(t, source, scope.offset))
    ]
    found = place_in(tokens, scope.resolver.gazetteer, None)
    if found is None or found[1] != country:
        return _home_mentioned(frame, scope, source)
    token = found[0]
    start = token.idx + scope.offset
    return Actor(country, country, (), token.text, start, start + len(token.text), "place")


def _within(token: Token, actor: Actor, offset: int) -> bool:
    """Whether the token is part of the actor's own phrase: the seat that voiced "was
    condemned in Ankara" is not also what was condemned (where "was arrested in Oslo" is
    both who arrested and where)."""
    return actor.start <= token.idx + offset < max(actor.end, actor.start + 1)


def _home_mentioned(frame: Frame, scope: Scope, source: Actor) -> Actor | None:
    """The actor's own country when its clause names that country again, and no other, in a
    side that is not the subject of an act of its own:
    "the vice-president declined to resign despite pressure from Kenya's anti-corruption
    commission" → KEN."""
    pred = frame.pred
    resolver = scope.resolver
    if resolver.sentence_countries(pred, clause=True) != {source.country}:
        return None
    first, end = pred.left_edge.i, pred.right_edge.i + 1
    # the source's own phrase is no one acted on: "Its foreign minister, Ahmed Attaf, warned
    # that Algeria will not accept ..." (the apposition is the minister himself)
    own = [(s.left_edge.i, s.right_edge.i) for s in frame.subjects]
    history = resolver.history  # in text order
    for seen in history[bisect.bisect_left(history, first, key=lambda s: s.token) :]:
        if seen.token >= end:
            break
        actor = seen.actor
        if (
            _on_path(pred.doc[seen.token], pred)
            and not seen.subject  # "warned that Israel reserved the right": no one acted on
            and not any(left <= seen.token <= right for left, right in own)
            and actor.how in NAMED
            and actor.country == source.country
            and not source.start <= actor.start < max(source.end, source.start + 1)
        ):
            return Actor(
                actor.country, actor.country, (), actor.text, actor.start, actor.end, "context"
            )
    return None


def _where(token: Token, pred: Token) -> bool:
    """Whether a token names where its predicate's act happens: in an "in" phrase of the
    predicate or its arguments, not inside a clause of their own ("strike any country whose
    territory is used to attack Iran" says nothing of where the strike is)."""
    prep = None
    for ancestor in token.ancestors:
        if ancestor.i == pred.i:
            return prep is not None
        if ancestor.dep_ in CLAUSE_DEPS:
            return False
        if ancestor.dep_ == "prep" and prep is None:
            prep = ancestor.lower_
            if prep not in WHERE_PREPS:
                return False
    return False


def _on_path(token: Token, pred: Token) -> bool:
    """Whether a token belongs to its predicate's own clause or the act it governs ("refused
    to step down despite pressure from ..."), with no clause of its own between."""
    for ancestor in token.ancestors:
        if ancestor.i == pred.i:
            return True
        if ancestor.dep_ in CLAUSE_DEPS and ancestor.dep_ != "xcomp":
            return False
    return False


def placed(actor: Actor | None, frame: Frame, scope: Scope, code: str) -> Actor | None:
    """A role-only side takes the country of the place its own phrase names, over a guess
    and even the other side's: "Bosnian Serbs demanded a truce with Muslim forces in eastern
    Bosnia" → BIHMIL ("militants in northern Mali" are Malian whoever acts on them)."""
    if actor is None or not actor.roles or actor.how not in GUESSED or code[:2] in VENUE_ROOTS:
        return actor  # "resumed talks with rebels in Oslo": where they meet
    head = _head_of(actor, frame, scope)
    if head is None:
        return actor
    own = _own_phrase(head)
    found = place_in(own, scope.resolver.gazetteer, None)
    if found is None or not is_country(found[1]) or found[1] == actor.country:
        return actor
    return in_country(actor, found[1], "context")


def _own_phrase(head: Token) -> list[Token]:
    """The head's modifiers with their prepositional phrases, without clauses ("the jets
    that the Netherlands delivered": no place of the jets)."""
    out: list[Token] = []
    stack = [c for c in head.children if c.dep_ not in CLAUSE_DEPS | {"appos", "parataxis"}]
    while stack:
        token = stack.pop()
        out.append(token)
        stack.extend(c for c in token.children if c.dep_ not in CLAUSE_DEPS)
    return sorted(out, key=lambda t: t.i)


def _head_of(actor: Actor, frame: Frame, scope: Scope) -> Token | None:
    """The head token of the phrase an actor was resolved from."""
    if actor.end <= actor.start:
        return None
    span = frame.pred.doc.char_span(
        actor.start - scope.offset, actor.end - scope.offset, alignment_mode="expand"
    )
    return span.root if span is not None else None


def local_authority(frame: Frame, scope: Scope, root: str) -> Actor | None:
    """The authorities of the country an agentless arrest, investigation or expulsion
    happens in: "A US national has been put under investigation in Italy" → ITAJUD, "Two
    journalists were detained in Tehran" → IRNCOP, "aid workers were expelled from Sudan"
    → SDNGOV."""
    roles = AUTHORITY_BY_ROOT.get(root)
    # "detained in Tehran", "put under investigation in Italy", "handed a sentence in Beijing"
    owners = [frame.pred, *(o for o in frame.pred.children if o.dep_ in ("dobj", "attr"))]
    heads = [c for h in owners for c in h.children if c.dep_ == "prep"]
    heads += [c for h in heads for o in h.children if o.dep_ == "pobj" for c in o.children]
    words = {"in": roles} if roles is not None else {}
    if root in EXPELLED_FROM_ROOTS:
        words["from"] = "GOV"
    for word, role in words.items():
        where = [t for h in heads if h.lower_ == word for t in h.subtree]
        found = place_in(where, scope.resolver.gazetteer, None)
        if found is not None and is_country(found[1]):
            country = found[1]
            start = found[0].idx + scope.offset
            return Actor(country + role, country, (role,), "", start, start, "context")
    return None


def together(root: str, sources: list[Actor], targets: list[Actor | None], frame: Frame) -> bool:
    """Whether two co-subjects of different countries (or a state and its own insurgents) act
    towards each other because their clause names no one else: "Bosnia and Slovenia agreed to
    a ceasefire", "the government and the ELN agreed to a truce"; a fight names no one else
    when it names no known side: "Indian and Chinese soldiers fought with clubs", "the two
    sides fought a war over Nagorno-Karabakh" (a place casus cannot code is no side; "fought
    rebels" names one); or the verb says each does it to the other, whatever the act, and the
    clause names no target: "Armenian and Azerbaijani troops exchanged fire"
    (``reciprocal_verbs``). An offer or praise is addressed to someone else, however the
    act is coded: "Mauritania and Morocco offered to help lower tensions" (``addressed_verbs``)."""
    lemma = frame.pred.lemma_.lower()
    if addressed(frame.pred):
        return False
    mutual = (
        lemma in MUTUAL_VERBS
        and not any(t is not None and (t.known or t.roles) for t in targets)
        and not _counted(frame)
    )
    untargeted = not any(t is not None for t in targets)
    reciprocal = lemma in RECIPROCAL_VERBS and untargeted
    if not (mutual or reciprocal) and (root not in TOGETHER_ROOTS or not untargeted):
        return False
    # three or more parties ("Israel, the UAE and Bahrain signed ...") have a hub the
    # clause does not say
    if len(sources) != 2 or not all(s.known and s.country for s in sources):
        return False
    # of two countries, or a state and its own insurgents: "the government and the ELN agreed"
    return sources[0].country != sources[1].country or civil_war(*sources)


def addressed(pred: Token) -> bool:
    """Whether a predicate is, or is the infinitive of, a verb of offering or praising:
    "offered to mediate", "volunteered to host the talks", "welcomed the truce"."""
    if pred.lemma_.lower() in ADDRESSED_VERBS:
        return True
    return pred.dep_ == "xcomp" and pred.head.lemma_.lower() in ADDRESSED_VERBS


def _counted(frame: Frame) -> bool:
    """Whether the fight's object counts several of them: "India and Pakistan have fought
    three wars since 1947" sums up a history, it is no one act."""
    return any(
        c.dep_ == "nummod" and c.lower_ not in ("one", "a", "1")
        for o in frame.objects
        for c in o.children
    )


def generic_targets(
    targets: list[Actor | None], frame: Frame, scope: Scope, source: Actor
) -> list[Actor | None]:
    """Role-only targets of no known country take the country of the place their own clause
    (or the clause it continues) says the act happened in, before the dyad in focus, which
    the rest of the article decides: "Gunmen attacked an army post in Niger, killing nine
    soldiers" → NERMIL even in an article that is mostly about Mali
    (docs/actors.md#country-from-context)."""
    if not any(t is not None and t.how == "generic" for t in targets):
        return targets
    avoid = None if source.how in GUESSED or not source.country else source.country
    country = clause_place(frame, scope, avoid) or _own_insurgents(targets, source)
    if country is None:
        # "the four embassy employees": whose they are is the dyad in focus; only a country
        # has people and forces of its own ("several fighters" near the AU is no AU fighter)
        other = focus(scope, frame, source)
        country = other.country if other is not None and other.country else None
    if country is None or not is_country(country):
        return targets
    return [
        in_country(t, country, "context") if t is not None and t.how == "generic" else t
        for t in targets
    ]


def _own_insurgents(targets: list[Actor | None], source: Actor) -> str | None:
    """A state's forces fight the rebels of their own country when nothing says whose the
    rebels are: "The army said it killed ten rebels" (not the rebels of a state that just
    condemned them)."""
    if not source.known or not source.roles or not set(source.roles) <= STATE_ROLES:
        return None
    generic = [t for t in targets if t is not None and t.how == "generic"]
    if not generic or not all(t.roles and set(t.roles) <= INSURGENT_ROLES for t in generic):
        return None
    return source.country


def unnamed_detainees(code: str, frame: Frame) -> bool:
    """Whether an arrest has people the text does not name as its object, so it stands with
    no target: "police briefly detained two of them", "At least 23 people were arrested";
    and whether an act of coercion says what it was done for, which makes it no metaphor even
    when the grounds were all it named: "seized a cargo ship on suspicion that it damaged a
    cable between Finland and Estonia" (:func:`casus.engine.allies.grounds_tokens`)."""
    if code.startswith("17") and grounds_tokens(frame):
        return True
    if not code.startswith(ARREST_CODE):
        return False
    detained = frame.objects if frame.kind == "verb" else []
    # "ordered the arrest of 40 people": whom the ordered arrest is of
    detained += [inner for o in detained if (inner := of_object(o)) is not None]
    return any(
        o.pos_ in ("PRON", "NUM") or o.lemma_.lower() in DETAINEE_NOUNS
        for o in (unwrap_quantifier(o) for o in detained)
    ) and all(o.lower_ not in ("that", "which") for o in detained)


def warned_at_home(frame: Frame, scope: Scope, source: Actor, root: str) -> Actor | None:
    """The speaker's own country as the target of a threat whose reported clause is about
    "anyone who" (or "those who", "whoever") and names no one else: a government or junta
    warning its own people, not the country the story last dealt with: "The junta warned
    that anyone who failed to attend would be considered a rebel" → GIN (docs/event-model.md
    #implicit-sides). "warned that any country that sends troops ..." is not one."""
    country = source.country
    if root != THREAT_ROOT or not source.known or not country or not is_country(country):
        return None
    verbs = [frame.pred, *frame.complements]
    # the threat's own object too: the passive subject of "... will be destroyed," X said
    subjects = frame.objects + [s for v in verbs for s in v.children if s.dep_ in SUBJECT_DEPS]
    for subject in subjects:
        if not _whoever(subject):
            continue
        if any(t.ent_type_ in NAMED_ENTITIES for t in subject.subtree):
            return None  # "anyone who helps Ukraine": whom it names, not the speaker's people
        start = subject.idx + scope.offset
        return Actor(
            country, country, (), subject.text, start, start + len(subject.text), "inferred"
        )
    return None


def _whoever(subject: Token) -> bool:
    """Whether a subject is an indefinite "anyone who": a pronoun of ``WHOEVER_WORDS`` ("those"
    only with a relative clause: "those who do not surrender")."""
    word = subject.lower_
    if word not in WHOEVER_WORDS:
        return False
    return word != "those" or any(c.dep_ == "relcl" for c in subject.children)

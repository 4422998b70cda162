"""The event engine: predicate–argument frames from the dependency parse, coded with the lexicon.

For every verb (and every nominal event trigger) of every sentence: find who acts (subjects,
"by" agents, inherited subjects of control and coordinated verbs, relative and participial
heads), what is acted on (objects, passive subjects, object predicates), the target (a
preposition the pattern names, the object, an indirect object), and the complement clause;
match the most specific lexicon pattern; expand coordinated actors; attach modality.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casus.document import Document
from casus.engine.borders import bare_border, beyond, unnamed
from casus.engine.clause_gates import may_imply
from casus.engine.clauses import (
    CROWD_ROLES,
    DESCRIPTIVE_CODES,
    VIOLENT_ROOTS,
    ClauseReader,
    protest_purposes,
)
from casus.engine.code_choice import by_agent, for_sides, strike_sense
from casus.engine.datelined import other_home
from casus.engine.deadlines import deadline_ultimatum
from casus.engine.depictions import distorted_depiction
from casus.engine.focus import focus
from casus.engine.frames import (
    Frame,
    unwrap_quantifier,
    verb_frame,
)
from casus.engine.implicit import (
    generic_targets,
    home_target,
    own_population,
    placed,
    together,
    unnamed_detainees,
    warned_at_home,
)
from casus.engine.intents import stated_intent
from casus.engine.matching import PatternMatcher
from casus.engine.modality import (
    REPORTING_VERBS,
    is_negated_locally,
    modality_of,
    stated_future,
)
from casus.engine.negations import denials, refusals
from casus.engine.noun_frames import noun_frame
from casus.engine.orders import bare_order
from casus.engine.pair_members import drop_own_members
from casus.engine.pairs import (
    codable,
    confidence,
    dedupe,
    home_ground,
    one_sided,
    without_venues,
)
from casus.engine.passive_threats import passive_threat, unanswered_threat
from casus.engine.presupposition import harm_context, presupposed
from casus.engine.reciprocals import reciprocal_frame, reciprocal_side
from casus.engine.scope import Scope
from casus.engine.sentences import document_words, sentence_of, sentences, with_pos
from casus.engine.setting import setting_target
from casus.engine.sides import (
    POSTURE_ROOT,
    against_state,
    crowd,
    dissent,
    dissident,
    domestic,
    home_people,
    implicit_actor,
    own_forces,
    past_allies,
    protesters,
    resident,
    scene,
    situate,
    unidentified,
)
from casus.engine.standing_states import standing_state
from casus.engine.targets import TargetFinder
from casus.engine.told_within import told_once
from casus.engine.trade_harm import trade_harm
from casus.engine.two_sides import recent_dyad
from casus.engine.venues import hosted_forces
from casus.model import UNKNOWN_COUNTRY, Actor, Attribution, Event, Modality
from casus.ontology.cameo import CameoCode, CameoTable, load_intentions
from casus.ontology.idioms import recoded
from casus.ontology.lexicon import Lexicon, Pattern
from casus.ontology.words import word_list

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

WEAPON_NOUNS = word_list("weapon_nouns")
# Roots whose events may stand without a target: statements, protests, force posture.
UNTARGETED_ROOTS = frozenset({"01", "14", "15"})
DISOWNING = frozenset({"015", "016"})
# Actions done to someone: without a target actor they are not coded ("destroyed all the
# bridges behind it" is a metaphor more often than an event).
TARGETED_ROOTS = frozenset({"16", "17", "18", "19", "20"})
EXPEL_CODE = "174"
ORDER_VERBS = frozenset({"order", "tell", "instruct"})
# CAMEO 172 (curfews, states of emergency, martial law, bans), 175 (repression) and 0831 (a
# leader or minister resigning, acceding to demands for a change in leadership): done to the
# actor's own population when the text names no one else.
DOMESTIC_CODES = ("172", "175", "0831")
# Forces that act at home: their victims with domestic roles are their own country's people.
HOME_ROLES = frozenset({"COP"})
# A protest the text aims at no one is against the government where it happens (CAMEO 14).
PROTEST_ROOT = "14"
WRAPPER_VERBS = word_list("wrapper_verbs")
# The parts of speech a predicate may have: verbs, and adjectival participles (amod, VBN)
PREDICATE_POS = ("VERB", "AUX", "ADJ")


class EventEngine:
    """Matches frames against the lexicon and builds events. Shared by every document: all
    per-document state travels in a :class:`~casus.engine.scope.Scope` argument."""

    def __init__(self, lexicon: Lexicon, cameo: CameoTable) -> None:
        self.lexicon = lexicon
        self.matcher = PatternMatcher(lexicon)
        self.finder = TargetFinder(self.matcher)
        self.cameo = cameo
        self.clauses = ClauseReader(lexicon, self.matcher, cameo)
        self.intentions = load_intentions()

    def events_for(self, document: Document) -> list[tuple[Event, Token]]:
        """All events of the document with their trigger tokens, sentence by sentence (verbs,
        then the nominal events no verb pattern used up)."""
        out: list[tuple[Event, Token]] = []
        scope = Scope(document, document.need_resolver())
        for sent in sentences(document.parsed()):
            scope.current = []
            consumed: set[int] = set()
            found = self._verb_events(scope, sent, consumed)
            found += self._noun_events(scope, sent, consumed)
            found = denials(protest_purposes(told_once(found)), self.cameo)
            found = refusals(found, self.intentions, self.cameo)
            out.extend(found)
            scope.earlier.extend(e for e, _ in found if e.modality.asserted and e.source)
        return drop_own_members(dedupe(out))

    def _verb_events(
        self, scope: Scope, sent: Span, consumed: set[int]
    ) -> list[tuple[Event, Token]]:
        """Events of the sentence's verbs; the object nouns a pattern used are ``consumed``
        (no second, nominal event from them)."""
        found: list[tuple[Event, Token]] = []
        for token in with_pos(sent, PREDICATE_POS):
            if token.pos_ == "ADJ" and not (token.dep_ == "amod" and token.tag_ == "VBN"):
                continue  # a participle before its noun only: "the **banned** party"
            if self._inert(token):
                continue
            frame = verb_frame(token)
            # the clause readings, asked only of a verb one of them may apply to (the union
            # of their first tests, engine/clause_gates.py)
            for implied in (
                (
                    self.clauses.obligation(token, frame),
                    self.clauses.retribution(token, frame),
                    self.clauses.judgement(token),
                    distorted_depiction(token, self.lexicon),
                    bare_order(token, frame, self.matcher, self.lexicon),
                    passive_threat(token, frame, self.matcher, self.lexicon),
                    unanswered_threat(token, frame, self.lexicon),
                    deadline_ultimatum(token, frame, self.lexicon),
                )
                if may_imply(token)
                else ()
            ):
                if implied is not None:
                    found.extend(self._note(scope, self._build(scope, *implied)))
            pattern = self.matcher.best_pattern(frame)
            if pattern is None:
                continue
            if (
                self._is_bare_report(pattern, frame)
                or self._is_wrapper(pattern, frame)
                or self.clauses.enacts(frame)
                or (token.dep_ == "amod" and pattern.code in DESCRIPTIVE_CODES)
            ):
                continue
            if pattern.obj is not None:
                # the object and its compounds ("launched a mediation effort") are used up
                for o in self.matcher.object_matches(pattern, frame):
                    consumed.update((o.i, unwrap_quantifier(o).i))  # "ten days of war games"
                    consumed.update(c.i for c in o.children if c.dep_ == "compound")
            built = self._build(scope, frame, pattern)
            if built and pattern.code[:2] in VIOLENT_ROOTS:
                built = self.clauses.riots(self.clauses.by_instrument(built, frame, consumed))
            if not built and pattern.code[:2] in TARGETED_ROOTS:
                # no one to do it to: the untargeted reading ("fired a missile into the
                # sea" is a show of force, not an attack)
                fallback = self.matcher.best_pattern(frame, never=TARGETED_ROOTS)
                if fallback is not None:
                    built = self._build(scope, frame, fallback)
            found.extend(self._note(scope, built))
        return found

    def _noun_events(
        self, scope: Scope, sent: Span, consumed: set[int]
    ) -> list[tuple[Event, Token]]:
        """Events of the sentence's event nouns that no verb pattern used up."""
        found: list[tuple[Event, Token]] = []
        for token in with_pos(sent, ("NOUN",)):
            if token.i in consumed:
                continue
            lemma = self.matcher.noun_trigger(token)
            if lemma is None:
                continue
            frame = noun_frame(token, scope.resolver)
            frame.lemma = lemma
            # the compound of a two-word trigger ("drone strike") is no object of it
            frame.objects = [
                o
                for o in frame.objects
                if not (
                    o.dep_ == "compound"
                    and o.head.i == token.i
                    and o.lemma_.lower() in lemma.split()
                )
            ]
            if not self._noun_parties(token, frame, scope):
                continue
            # "killed in Israeli strikes": a noun naming what killed people is violence
            if harm_context(token):
                pattern = self.matcher.best_pattern(
                    frame, only=VIOLENT_ROOTS
                ) or self.clauses.violent_sense(frame.lemma)
            else:
                pattern = strike_sense(self.matcher.best_pattern(frame), token)
            if pattern is not None:
                found.extend(self._note(scope, self._build(scope, frame, pattern)))
        return found

    def _noun_parties(self, noun: Token, frame: Frame, scope: Scope) -> bool:
        """Whether a nominal event has parties to code, marking how: its own subjects (two
        country modifiers act on each other: "the Armenian-Azerbaijani clashes"); the parties
        of "between" ("talks between the two foreign ministers"); or, for an act the sentence
        presupposes happened ("An armed attack on the embassy left one guard dead", "condemned
        the expulsion of four diplomats", "after the attack on ..."), an unnamed agent."""
        modifiers = [s for s in frame.subjects if s.dep_ in ("amod", "compound")]
        if len(modifiers) >= 2 and len(modifiers) == len(frame.subjects):
            countries = {
                a.country for m in modifiers for a in self.finder.actors([m], scope.resolver)
            }
            frame.mutual = len(countries) >= 2
        if frame.subjects:
            return True
        between = frame.preps.pop("between", [])
        if len(between) >= 2 or (
            between
            and self.finder.actors(between[:1], scope.resolver)
            and len(scope.resolver.actors_for(between[0])) >= 2
        ):
            frame.subjects = between
            frame.mutual = True
            return True
        if presupposed(noun):
            frame.unnamed_agent = True
            return True
        return False

    def _inert(self, verb: Token) -> bool:
        """Whether a verb can yield no event, known before its frame is built: no lexicon
        pattern or idiom has its lemma, and it is no reported clause (``ccomp``) that a
        clause reading (obligation, retribution, judgement) might code; or a standing state."""
        return standing_state(verb) or (
            verb.dep_ != "ccomp"
            and not self.lexicon.has_lemma("verb", verb.lemma_.lower())
            and self.matcher.idioms.find(verb, sentence_of(verb), document_words(verb.doc)) is None
        )

    @staticmethod
    def _note(scope: Scope, built: list[tuple[Event, Token]]) -> list[tuple[Event, Token]]:
        """Keep the sentence's asserted events in view (the dyad in focus) and pass them on."""
        scope.current.extend(e for e, _ in built if e.modality.asserted)
        return built

    @staticmethod
    def _is_wrapper(pattern: Pattern, frame: Frame) -> bool:
        return (
            frame.pred.lemma_.lower() in WRAPPER_VERBS
            and pattern.obj is None
            and not pattern.comp
            and pattern.prep is None
            and any(c.dep_ == "xcomp" for c in frame.complements)
        )

    def _is_bare_report(self, pattern: Pattern, frame: Frame) -> bool:
        """ "X said that ..." is attribution, not an event, unless a specific pattern codes it
        ("would not comment" is a declined comment)."""
        lemma = frame.pred.lemma_.lower()
        return (
            lemma in REPORTING_VERBS
            and pattern.specificity == 0
            and pattern.code[:2] == "01"
            and not recoded(pattern)
            and not (stated_future(frame.pred) and is_negated_locally(frame.pred))
        )

    def _build(self, scope: Scope, frame: Frame, pattern: Pattern) -> list[tuple[Event, Token]]:
        """The events of one matched frame: who acts, on whom, then one event per pair."""
        code = self.cameo.get(pattern.code)
        scope.resolver.dyad = recent_dyad(scope, frame, self.matcher)
        sources = self._sources(scope, frame, code.root)
        if not sources:
            return []
        pattern = by_agent(pattern, sources[0], frame)  # police seizing a boat confiscate it
        code = self.cameo.get(pattern.code)
        countries = len({s.country for s in sources if s.known and s.country})
        drills = self.clauses.joint_exercise(frame, pattern, countries)
        if drills is not None:  # exercises together are no show of force at a place
            pattern, code, frame.mutual = drills, self.cameo.get(drills.code), True
        targets: list[Actor | None] = (
            [None] if drills else unnamed(frame, self._targets(scope, frame, pattern, sources[0]))
        )  # "closed its crossings at Torkham": a place unresolved is no side across a border
        # a country guessed from context is never the country the act is done to: "President
        # Reagan threatened the Soviet Union" does not make Reagan Soviet
        # (but "Islamic fundamentalists demanded the resignation of the Algerian president"
        # are Algerian: dissent is done to one's own state; an attack on it is no evidence)
        peaceful = code.root not in VIOLENT_ROOTS
        sources = [
            other_home(s, targets, frame, scope, speech=code.root < "15")  # "BEIJING – A …"
            if s.how == "context"
            and any(
                t is not None
                and t.known
                and t.how not in ("inferred", "context")  # not a country taken from s itself
                and t.country == s.country
                and not (peaceful and dissent(s, t))
                for t in targets
            )
            else s
            for s in sources
        ]
        if peaceful:
            sources = [dissident(s, targets) for s in sources]
        if (
            code.code == "010"
            # "would not comment": a declined comment (intentions.tsv); read for 010 only
            and not (stated_future(frame.pred) and is_negated_locally(frame.pred))
            and (pattern.specificity == 0 or not any(t is not None and t.known for t in targets))
        ):
            # A bare statement is attribution, not an event: CAMEO codes 010 only as a
            # residual, so only specific, addressed statements are kept ("briefed Iran on").
            return []
        if (
            code.code == EXPEL_CODE
            and frame.pred.lemma_.lower() in ORDER_VERBS
            and any(t is not None and t.country == sources[0].country for t in targets)
        ):
            # "told its citizens to leave Lebanon" is an evacuation, not an expulsion
            return []
        jointly = self._joint(code, frame)  # found once: neither code nor frame changes below
        if (
            against_state(code.root, code.code, sources[0])
            and not any(t is not None for t in targets)
            and not jointly
        ):
            # "students staged demonstrations to demand reforms": both against the government
            targets = [self.finder.protested(frame, scope, sources[0])]
        if code.code.startswith(DOMESTIC_CODES) and not any(t is not None for t in targets):
            targets = own_population(scope, frame, sources[0], code.code)
        both = together(code.root, sources, targets, frame)  # "Bosnia and Slovenia agreed to"
        joint = jointly or both
        parties = joint and len({s.code for s in sources}) >= 2  # "the war between A and B"
        if joint or code.symmetric:  # a one-sided ceasefire "in south Lebanon": no party
            targets = without_venues(scope, frame, sources, targets, alone=not joint)
        if not any(t is not None and t.code for t in targets) and not (joint or code.symmetric):
            home = home_target(
                frame, scope, sources[0], code.root
            )  # "jailed Peter Nkosi in Pretoria"
            targets = [home] if home is not None else targets
        if (
            not any(t is not None for t in targets)
            and self._wants_target(code.code, frame)
            and not parties  # "A and B signed it under Swiss mediation": no third party
        ):
            other = warned_at_home(frame, scope, sources[0], code.root) or focus(
                scope, frame, sources[0], joint=joint, root=code.root
            )  # else the setting
            other = beyond(scope, other, frame, sources[0])  # "closed that border": the neighbour
            targets = [other or setting_target(scope, frame, sources[0], code.code)]
        if frame.unnamed_agent and code.root in VIOLENT_ROOTS and not any(targets):
            targets = [scene(frame, scope)]  # "Fighting broke out in Tripoli": ? → LBY
        if (
            code.root in TARGETED_ROOTS
            and not any(t is not None for t in targets)
            and not (parties or unnamed_detainees(code.code, frame))
        ) or trade_harm(code.root, frame, sources, targets):  # "traders have been hit"
            return []
        pattern = for_sides(pattern, frame, sources[0], targets)  # "banned Algerian aircraft"
        return self._events(scope, frame, pattern, sources, targets, both=joint)

    def _joint(self, code: CameoCode, frame: Frame) -> bool:
        """Whether the act is one done together ("met", "held talks", "agreed to"): its
        partner is whoever its sentence names, never a guess from earlier sentences ("Allied
        ambassadors met in Brussels" is no meeting with the country the article is about)."""
        return (code.symmetric and not one_sided(frame)) or frame.mutual or reciprocal_frame(frame)

    @staticmethod
    def _wants_target(code: str, frame: Frame) -> bool:
        """Whether an event of this code is done to someone even when the clause does not say
        to whom (then the dyad in focus is its target). Violence done to a thing that is no
        actor ("destroyed all the bridges behind it") is no event: only an act with no object
        at all ("troops opened fire", "fighting resumed") takes the dyad in focus."""
        if code[:2] in TARGETED_ROOTS:  # or at a border, which has another side
            return not frame.objects or bare_border(frame)
        return code[:2] not in UNTARGETED_ROOTS or code[:3] in DISOWNING or bare_border(frame)

    def _sources(self, scope: Scope, frame: Frame, root: str) -> list[Actor]:
        """Who acts, in order of evidence: the subjects (an unresolved one situated by
        context, else generic or unknown); for an agentless passive, an institution the
        clause names, else an unknown side ("Thousands of Kenyans were detained"); for a
        violent act by a thing ("a roadside bomb killed five soldiers"), an unknown side."""
        resolver = scope.resolver
        sources = [
            resident(situate(a, frame, scope, token=subject), frame, scope, subject)
            for subject in frame.subjects
            for a in self.finder.actors([subject], resolver)
        ]
        if sources:
            return sources
        if root == PROTEST_ROOT and crowd(frame.subjects):  # "Thousands rallied in Tbilisi"
            return [situate(protesters(frame.pred, scope.offset), frame, scope, token=frame.pred)]
        if frame.kind != "verb":
            if frame.unnamed_agent and root == PROTEST_ROOT:
                # "Protests erupted in Tehran": the people of the place
                clause = frame.pred.head if frame.pred.dep_ in ("nsubj", "dobj") else frame.pred
                return [situate(protesters(frame.pred, scope.offset), frame, scope, token=clause)]
            return [implicit_actor(frame.pred, scope.offset)] if frame.unnamed_agent else []
        if frame.passive and not frame.subjects:
            implied = self.finder.implied_agent(frame, scope, root)
            if implied is None:
                return [implicit_actor(frame.pred, scope.offset)]
            # "was detained, police said": the police of the place or the article's country
            return [situate(implied, frame, scope)]
        weapons = [t for t in frame.subjects if t.lemma_.lower() in WEAPON_NOUNS]
        if weapons and root in VIOLENT_ROOTS:
            # "A Russian missile strike killed five civilians": whose the weapon is
            owners = [
                a
                for w in weapons
                for a in self.finder.actors(noun_frame(w, resolver).subjects, resolver)
            ]
            return owners or [implicit_actor(frame.pred, scope.offset)]
        return []

    def _targets(
        self, scope: Scope, frame: Frame, pattern: Pattern, source: Actor
    ) -> list[Actor | None]:
        """On whom (:meth:`TargetFinder.targets`); a role-only target takes the source's
        country for domestic roles of non-violent acts, else a country from where it
        happened."""
        # "a truce with Muslim fighters in east Bosnia": the place in the phrase comes first
        found = self.finder.targets(pattern, frame, scope, source)
        found = past_allies(found, frame, scope, source, pattern.code[:2])  # not its allies
        targets = [placed(t, frame, scope, pattern.code) for t in found]
        violent = pattern.code[:2] in VIOLENT_ROOTS
        if violent and targets == [None]:
            targets = [home_people(frame, scope, source)]
        roles = set(source.roles)
        if not violent or HOME_ROLES & roles or (roles and roles <= CROWD_ROLES):
            # police and crowds act at home: "protesters were killed by security forces" are
            # the security forces' own people, where a foreign army's victims are not its own
            targets = [domestic(t, source) for t in targets]
        # gunmen placed where they struck, and crowds, share its country with their victims
        avoid = UNKNOWN_COUNTRY if unidentified(source) else source.country or UNKNOWN_COUNTRY
        situated = [
            situate(t, frame, scope, avoid) if t is not None and t.roles else t for t in targets
        ]
        situated = generic_targets(situated, frame, scope, source)
        situated = [t if t is None else resident(t, frame, scope) for t in situated]
        if pattern.code[:2] == POSTURE_ROOT:
            # "Kosovo deployed special police units", "Serbia's army was placed on alert": a
            # state's own forces are what it moves; at whom is the dyad in focus
            situated = [t for t in situated if not own_forces(t, source)]
            if not any(t is not None for t in situated):
                situated = [
                    focus(scope, frame, source)
                    or setting_target(scope, frame, source, pattern.code)
                ]
        return situated

    def _events(
        self,
        scope: Scope,
        frame: Frame,
        pattern: Pattern,
        sources: list[Actor],
        targets: list[Actor | None],
        *,
        both: bool = False,
    ) -> list[tuple[Event, Token]]:
        """One event per (source, target) pair (each way when ``both``: a joint act), and the
        stated intention beside it."""
        code = self.cameo.get(pattern.code)
        # "agreed to impose sanctions" is as real as the agreeing
        enacted = frame.kind == "verb" and self.clauses.enacted(frame.pred)
        modality = modality_of(frame.pred.head if enacted else frame.pred)
        stated = stated_intent(frame, code.root, modality, self.intentions, self.lexicon)
        out = []
        for source, target in self._pairs(sources, targets, both):
            target = home_ground(source, hosted_forces(scope, frame, target), code)
            if not codable(source, target, code):
                continue
            event = self._event(scope, frame, pattern, code, modality, source, target)
            if stated != code.code:
                # "is ready to accept the proposal" is itself the 030 statement: one event
                out.append((event, frame.pred))
            if stated is not None and any(source is s for s in sources):
                # the stated intention: the same pair, coded as the 03x/13x statement (the
                # speaker's only: "Armenia is ready for talks with Azerbaijan" is no statement
                # of Azerbaijan's)
                intent = self.cameo.get(stated)
                said = Modality(reported=modality.reported)
                out.append(
                    (
                        self._event(scope, frame, pattern, intent, said, source, target).with_(
                            confidence=round(max(0.05, event.confidence - 0.1), 3),
                            pattern=f"intentions.tsv:{code.root} via {pattern.where}",
                        ),
                        frame.pred,
                    )
                )
        return out

    def _pairs(
        self,
        sources: list[Actor],
        targets: list[Actor | None],
        both: bool,
    ) -> list[tuple[Actor, Actor | None]]:
        """Each source with each target, or both ways for a symmetric action (``both``)."""
        pairs: list[tuple[Actor, Actor | None]] = []
        for source in sources:
            for target in targets:
                pairs.append((source, target))
        if both:
            # "Iran and Azerbaijan signed a pact"; "accused each other of violations"
            pairs = self._symmetric(
                sources, [t for t in targets if t is None or not reciprocal_side(t)]
            )
        return pairs

    @staticmethod
    def _event(
        scope: Scope,
        frame: Frame,
        pattern: Pattern,
        code: CameoCode,
        modality: Modality,
        source: Actor,
        target: Actor | None,
    ) -> Event:
        """The event of one pair, with its sentence as evidence."""
        document = scope.document
        sent = sentence_of(frame.pred)
        written = document.show(sent.start_char, sent.end_char)
        sent_text = written.strip()
        sent_start = sent.start_char + (len(written) - len(written.lstrip()))
        off = document.offset
        return Event(
            article_id=document.article.id,
            sentence_index=scope.resolver.sentence_of(frame.pred),
            evidence_text=sent_text,
            evidence_start=sent_start + off,
            evidence_end=sent_start + len(sent_text) + off,
            source=source,
            target=target,
            **code.event_fields(),
            trigger_text=frame.pred.text,
            trigger_start=frame.pred.idx + off,
            trigger_end=frame.pred.idx + len(frame.pred.text) + off,
            modality=modality,
            attribution=Attribution(outlet=document.article.outlet),
            confidence=confidence(pattern, frame, source, target),
            pattern=pattern.where,
        )

    @staticmethod
    def _symmetric(
        sources: list[Actor],
        targets: list[Actor | None],
    ) -> list[tuple[Actor, Actor | None]]:
        """ "Iran and Azerbaijan signed a pact": each direction; "Iran signed with Azerbaijan":
        both directions too."""
        parties = list(sources) + [t for t in targets if t is not None]
        known = [p for p in parties if p.known]
        if len(known) >= 2:  # an unresolved phrase is no party when two actors are known
            parties = known
        if len(parties) < 2:
            # "the cabinet met on Sunday", "ambassadors will meet next week": a joint act with
            # no second party named is no event between two sides
            return []
        # "Putin spoke by phone with both leaders": each with Putin, not with each other
        apart = {id(t) for t in targets} if any(s in parties for s in sources) else set()
        pairs: list[tuple[Actor, Actor | None]] = []
        for a in parties:
            for b in parties:
                if a is not b and (a.code != b.code or a.code is None) and {id(a), id(b)} - apart:
                    pairs.append((a, b))
        return pairs


__all__ = ["EventEngine"]

"""Who an event is done to: the target rules of the event engine (docs/event-model.md).

In order: the preposition the pattern names; the object (for a class object, the actor inside
it unless it is the source's own); other objects and indirect objects; any target preposition;
whose the object is; the subject of an evaluated predicate; for demands, the subject of what is
demanded; for reactions, who did the event reacted to; for intentions, the complement's target;
for actions on territory, the place.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from casus.engine.agreed import deal_parties
from casus.engine.context import is_country
from casus.engine.frames import (
    BORDER_WORDS,
    Frame,
    argument_tokens,
    border_neighbour,
    place_in,
    prep_objects,
    unwrap_quantifier,
    verb_frame,
    with_conjuncts,
)
from casus.engine.implicit import local_authority
from casus.engine.listed_members import unowned
from casus.engine.matching import PatternMatcher
from casus.engine.mediated import clause_parties
from casus.engine.modality import CONDITION_MARKS, IRREALIS_GOVERNORS
from casus.engine.owners import owner_of
from casus.engine.posted import host_state
from casus.engine.purposes import with_purposes
from casus.engine.reactions import accusers, antecedent, reaction_targets, reacts
from casus.engine.resolver import Resolver
from casus.engine.scope import Scope
from casus.engine.setting import struck_site, taken_ground
from casus.engine.sides import (
    POSTURE_ROOT,
    STATE_ROLES,
    as_context,
    dissent,
    governed,
    posture_agent,
    reporting_authority,
)
from casus.engine.venues import is_venue, on_venues
from casus.engine.victims import victim_doers
from casus.engine.voiced_in import voiced_in
from casus.model import Actor
from casus.ontology.lexicon import Pattern
from casus.ontology.words import word_list, word_sequence

if TYPE_CHECKING:
    from spacy.tokens import Token

TARGET_PREPS = word_sequence("target_preps")
# How a side is found when the text names it (not a pronoun's or a place's guess).
NAMED = frozenset({"dictionary", "person", "metonym"})
# Actions whose place names the target when no actor does: "struck targets near Damascus".
PLACE_TARGET_ROOTS = frozenset({"08", "09", "14", "15", "16", "17", "18", "19", "20"})
# Comments of concern or hope whose topic's place names the target when no actor does:
# "expressed concern over the situation in Burkina Faso" → Burkina Faso (the last resort).
TOPIC_PLACE_CODES = frozenset({"012", "013"})
# the phrases that give a comment's topic: 'deeply concerned by the suspension of parliament
# in Tunisia'
TOPIC_PREPS = ("about", "over", "by", "regarding")
# Appeals and demands are addressed to the subject of what they ask for; an investigation's
# finding is about the subject of what it found ("investigators found that the air force ...").
ADDRESSED_ROOTS = frozenset({"02", "09", "10"})
# Threats and demands made on a condition are made on whom the condition is about.
CONDITIONED_ROOTS = frozenset({"02", "10", "13"})
VIOLENT_ROOTS = frozenset({"18", "19", "20"})
# Claims and denials of responsibility concern the victim of the act they are about.
DISOWNING_CODES = frozenset({"015", "016"})
MEDIATION_CODE = "045"  # mediation is between the parties of what it mediates
# The dependencies of the noun phrases inside a mediated thing that can name its parties.
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "poss", "conj", "appos"})
# A denial (016) answers an accusation (11x) made against the denier.
DENIAL_CODE = "016"
VENUE_PREPS = word_list("venue_preps")
MEANS_PREPS = word_list("means_preps")  # "spoke by phone with": the target is the "with" actor
# An act done "under Swiss mediation", "through Qatari mediation": its doers are the parties.
MEDIATED_UNDER = frozenset({"under", "through", "with", "via"})
# Prepositions that aim an uncoded intended act at someone: "vowed to take revenge on Israel".
AIMED_PREPS = ("against", "on", "upon", "at", "to")
# Prepositions that name what a protest is against anywhere in its clause, and where it is
# held when that is a foreign state's mission: "protested outside the Russian embassy in
# Prague", "marched to the US consulate in Nuuk" (its state, not the host's government).
PROTESTED_PREPS = frozenset({"against", "of", "over", "for", "at", "outside", "to", "near"})
# Object classes of things given or used: such an object is no side ("sent 40 drones" is not
# aimed at the drones' forces; "sent drones to Russia" is aimed at Russia).
THING_CLASSES = frozenset({"WEAPON", "MISSILE", "CHEM_WEAPON", "MILITARY_AID", "AID", "MONEY"})


class TargetFinder:
    """Target resolution over frames, with the pattern matcher it consults."""

    def __init__(self, matcher: PatternMatcher) -> None:
        self.matcher = matcher

    def targets(
        self, pattern: Pattern, frame: Frame, scope: Scope, source: Actor
    ) -> list[Actor | None]:
        """Target actors by the pattern's rule (docs/lexicon.md), in order: who did an act a
        reaction names by its victim only ("condemned the attack on Guyana"); the pattern's
        preposition; the object (for a class object, the actor inside it unless it is the
        source's own: "recalled its ambassador to France"); an indirect object; any target
        preposition; whose the object is; who did what a reaction reacts to; whom a denial
        concerns; an evaluated subject; a demand's addressee; an intent's target; the place."""
        done = victim_doers(pattern.code, frame, scope, source, self.matcher)
        if done:
            return done
        roled: Sequence[Actor | None] = []
        steps: list[list[Token]] = []
        if pattern.prep is not None:
            steps.append(frame.preps.get(pattern.prep, []))
        if pattern.obj is None:
            steps.append(frame.objects)
        else:
            matched = self.matcher.object_matches(pattern, frame)
            # a role-only object yields to the pattern's own phrase: "sent coast guard vessels
            # into Philippine waters" is aimed at the Philippines, not at unknown forces
            found = self._object_targets(matched, scope.resolver, source)
            # forces sent to a place are aimed at whose the place is, jets scrambled at whose
            # the planes they meet are: a show of force is not aimed at its own forces
            sent = pattern.code[:2] == POSTURE_ROOT
            thing = sent or pattern.obj in THING_CLASSES
            if found and not (thing and all(a is not None and a.code is None for a in found)):
                return list(found)
            roled, found = found, []
            beside = self._beside_objects(matched, frame)
            steps += beside[1:] if sent else beside  # "sent soldiers and police": its own too
        steps.append(frame.datives)
        if pattern.prep is None or pattern.prep in MEANS_PREPS:
            steps.extend([frame.preps[p] for p in TARGET_PREPS if p in frame.preps])
        found = self._first_argument(steps, pattern, frame, scope, source)
        if found and all(a is None or a.code is None for a in found):
            # "sent inspectors to the Esfahan Conversion Facility in central Iran" → Iran
            found = self._place(pattern, frame, scope, source) or found
        if found:
            return list(found)
        for step in (
            self._reaction_antecedent,
            self._mediated,
            self._denied,
            self._evaluated,
            self._addressed,
            self._conditioned,
            self._intended,
            self._place,
        ):
            found = step(pattern, frame, scope, source)
            if found:
                return list(found)
        # the forces a show of force moves are its own: "the IDF scrambled jets" has no target
        own = pattern.code[:2] == POSTURE_ROOT or pattern.obj in THING_CLASSES
        return list(roled) if pattern.obj is not None and roled and not own else [None]

    def _object_targets(
        self, matched: list[Token], resolver: Resolver, source: Actor
    ) -> Sequence[Actor | None]:
        """The matched objects' foreign actors, else whose the objects are, else a role-only
        object."""
        foreign = [
            a for a in self.actors(matched, resolver, countries=True) if a.country != source.country
        ]
        # whose the object is, when it is no actor itself ("rejected Seoul's offer"), or the
        # parties who concluded it ("welcomed the truce signed by Ethiopia and Eritrea")
        bare = [o for o in matched if not self._is_actor(o, resolver)]
        owned: list[Actor | None] = [p for o in bare for p in deal_parties(o, resolver)]
        foreign += [
            a
            for a in (owned or [owner_of(o, resolver) for o in bare])
            if a is not None and (a.country != source.country or dissent(source, a))
        ]
        if foreign:
            return foreign
        # a side's own people: "threatened to ban Ugandan opposition candidates"
        owners = [owner_of(o, resolver) for o in matched if not self._is_actor(o, resolver)]
        own = [
            a
            for a in self.actors(matched, resolver, countries=True) + owners
            if a is not None and a.code is not None and a.how in NAMED and governed(source, a)
        ]
        if own:
            return own
        # "ordered the four embassy employees to leave": the object is the target even
        # when the text does not say whose they are (the context may)
        roled = [a for a in self.actors(matched, resolver) if a.code is None and a.roles]
        # an unresolved owner ("their ambassadors" of several listed states) says nothing
        if roled and not any(o.pos_ == "PRON" or unowned(o, resolver) for o in matched):
            return roled
        return []

    @staticmethod
    def _beside_objects(matched: list[Token], frame: Frame) -> list[list[Token]]:
        """Where to look next when the matched objects name no target: the other object of a
        double-object verb ("sent Ukraine tanks"), then the objects' own prepositions ("its
        ambassador to France", "peacekeepers from Karabakh")."""
        steps = [[o for o in frame.objects if o not in matched]]
        for obj in matched:
            inner: dict[str, list[Token]] = {}
            prep_objects(obj, inner)
            steps.extend(inner.get(p, []) for p in ("to", "in", "from", "with", "on", "against"))
        return steps

    def _first_argument(
        self, steps: list[list[Token]], pattern: Pattern, frame: Frame, scope: Scope, source: Actor
    ) -> Sequence[Actor | None]:
        """The actors of the first of ``steps`` that names any (not the source itself when the
        pattern has an object)."""
        # a capital or seat in a place phrase is where it happened, not who it happened to:
        # "signed agreements at the White House", "held talks in Abu Dhabi"
        venues = (
            set()
            if pattern.code[:2] in PLACE_TARGET_ROOTS
            else {t.i for p in VENUE_PREPS if p != pattern.prep for t in frame.preps.get(p, [])}
            | {t.i for t in on_venues(frame) if pattern.prep != "on"}
        )
        for tokens in steps:
            if not tokens:
                continue
            found = [
                a
                for a in self.actors(tokens, scope.resolver, owners=True, venues=venues)
                if not (
                    pattern.obj is not None
                    and a.country == source.country
                    and a.code == source.code
                )
            ]
            if found:
                return found
        return []

    def _reaction_antecedent(
        self, pattern: Pattern, frame: Frame, scope: Scope, source: Actor
    ) -> Sequence[Actor | None]:
        """A reaction targets who did what it reacts to: "Qatar condemned the attack"."""
        if reacts(pattern.code, frame, source):
            return reaction_targets(pattern.code, frame, scope, source, self.matcher)
        return []

    def _mediated(
        self, pattern: Pattern, frame: Frame, scope: Scope, source: Actor
    ) -> Sequence[Actor | None]:
        """Mediation is between the parties of what is mediated: the sides named inside it
        ("brokered an understanding under which the United States will stop bombing the
        Houthis" → the US, the Houthis), else the parties of the earlier event it names
        ("The truce, which was brokered by Qatar, ..." → the truce's two sides)."""
        if pattern.code[:3] != MEDIATION_CODE:
            return []
        mediated = self._mediated_act(frame, scope, source)
        if mediated:
            return mediated
        nouns = [o for o in frame.objects if o.pos_ in ("NOUN", "PROPN")]
        modifies = frame.pred.dep_ in ("relcl", "acl")  # "a deal brokered by Oman"
        if modifies and frame.pred.head.pos_ == "NOUN":
            nouns.append(frame.pred.head)  # "the truce, which was brokered by Qatar"
        own = {t.i for t in frame.pred.subtree} if modifies else set()
        for noun in nouns:
            inside = [
                t
                for t in noun.subtree
                if t.i != noun.i and t.i not in own and t.dep_ in ARGUMENT_DEPS
            ]
            found: list[Actor] = []
            for actor in self.actors(inside, scope.resolver):
                new = all(a.country != actor.country for a in found)
                if actor.known and actor.country != source.country and new:
                    found.append(actor)
            if found:
                return found
            event = antecedent(noun, scope, self.matcher)
            if event is not None:
                sides = [
                    as_context(a)
                    for a in (event.source, event.target)
                    if a is not None and a.known and a.country != source.country
                ]
                if sides:
                    return sides
            parties = clause_parties(noun, scope.resolver, source, self.actors)
            if parties:
                return parties
        return []

    def _mediated_act(self, frame: Frame, scope: Scope, source: Actor) -> list[Actor | None]:
        """The mediation an act was done under is between who did it: "the two ministers
        signed the protocols under Swiss mediation" → the two ministers."""
        prep = frame.pred.head
        if (
            frame.kind != "noun"
            or frame.pred.dep_ != "pobj"
            or prep.lower_ not in MEDIATED_UNDER
            or prep.head.pos_ not in ("VERB", "AUX")
        ):
            return []
        verb = prep.head
        subjects = [
            s for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for s in with_conjuncts(c)
        ]
        found: list[Actor | None] = []
        for actor in self.actors(subjects, scope.resolver):
            if actor.known and actor.country != source.country:
                found.append(as_context(actor))
        return found

    def _denied(
        self, pattern: Pattern, frame: Frame, scope: Scope, source: Actor
    ) -> Sequence[Actor | None]:
        """A denial answers whoever accused the denier ("Israel blamed Hezbollah for the
        strike, but the group denied any involvement" → Israel), else it targets whom the
        act concerns: "denied involvement in the attack"."""
        if pattern.code[:3] == DENIAL_CODE:
            found = accusers(scope, source)
            if found:
                return found
        if pattern.code[:3] in DISOWNING_CODES:
            return self._disowned(frame, scope, source)
        return []

    def _evaluated(
        self, pattern: Pattern, frame: Frame, scope: Scope, source: Actor
    ) -> Sequence[Actor | None]:
        """The subject of an evaluated predicate: "consider X to be ..." → X."""
        for pred in frame.predicates:
            for subj in (c for c in pred.children if c.dep_ in ("nsubj", "nsubjpass")):
                found = self.actors([subj], scope.resolver, owners=True)
                if found:
                    return found
        return []

    def _addressed(
        self, pattern: Pattern, frame: Frame, scope: Scope, source: Actor
    ) -> Sequence[Actor | None]:
        """Whom a demand is addressed to: "demanded that the US cancel ..." → USA, "its
        demand that Israel ease the restrictions" → ISR."""
        if pattern.code[:2] in ADDRESSED_ROOTS:
            comps = list(frame.complements)
            if frame.kind == "noun":
                comps += [c for c in frame.pred.children if c.dep_ in ("acl", "ccomp")]
                if frame.pred.dep_ == "dobj":  # "reiterated its demand today that Israel ..."
                    comps += [
                        c
                        for c in frame.pred.head.children
                        if c.dep_ == "ccomp"
                        and c.i > frame.pred.i
                        and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                    ]
            for comp in comps:
                subjects = [c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")]
                found = [a for a in self.actors(subjects, scope.resolver) if a.code != source.code]
                if found:
                    return found
        return []

    def _conditioned(
        self, pattern: Pattern, frame: Frame, scope: Scope, source: Actor
    ) -> Sequence[Actor | None]:
        """A threat or demand made on a condition targets whom the condition is about:
        "threatened to stop the talks if the United States deploys the missiles" → USA."""
        if pattern.code[:2] not in CONDITIONED_ROOTS:
            return []
        clauses = [
            t
            for t in frame.pred.subtree
            if t.dep_ == "advcl"
            and any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in t.children)
        ]
        for clause in clauses:
            subjects = [
                s
                for c in clause.children
                if c.dep_ in ("nsubj", "nsubjpass")
                for s in with_conjuncts(c)
            ]
            found = [
                a
                for a in self.actors(subjects, scope.resolver)
                if a.known and a.country != source.country
            ]
            if found:
                return found
        return []

    def _intended(
        self, pattern: Pattern, frame: Frame, scope: Scope, source: Actor
    ) -> Sequence[Actor | None]:
        """The target of what is intended or refused: "plans to visit Tehran", "refused to
        allow IAEA inspectors ..."."""
        if pattern.comp or frame.lemma in IRREALIS_GOVERNORS:
            return self._complement_targets(frame, scope, source)
        if pattern.code[:2] == POSTURE_ROOT:  # "scrambled jets to intercept Chinese drones"
            aimed = self._complement_targets(with_purposes(frame), scope, source)
            return [a for a in aimed if a is not None and a.country]
        return []

    def _place(
        self, pattern: Pattern, frame: Frame, scope: Scope, source: Actor
    ) -> Sequence[Actor | None]:
        """For actions on territory, the place: "struck targets near Damascus" → Syria; a
        place taken that the clause does not name lies in the story's country; for a comment,
        the place of its topic ("noted with concern the arrests in Georgia")."""
        if pattern.code[:2] in PLACE_TARGET_ROOTS:
            place = self._place_target(frame, scope.resolver, source)
            if place is not None:
                return [place]
        if pattern.code in TOPIC_PLACE_CODES:
            # the topic only: "voiced concern at a summit in Jakarta" names a venue
            heads = frame.objects + [h for p in TOPIC_PREPS for h in frame.preps.get(p, [])]
            topic = sorted({t.i: t for h in heads for t in h.subtree}.values(), key=lambda t: t.i)
            place = self._place_target(frame, scope.resolver, source, topic)
            if place is not None:
                return [place]
        taken = taken_ground(scope, frame, source, pattern.code)  # "the RSF took the city"
        taken = taken or struck_site(scope, frame, source, pattern.code)  # "hit the base"
        return [taken] if taken is not None else []

    def protested(self, frame: Frame, scope: Scope, source: Actor) -> Actor | None:
        """Whom a protest is against when the clause names no one: the government of the
        country it happens in ("Thousands of students demonstrated in Jakarta" → IDNGOV), else
        of the protesters' own country. A state does not protest against itself ("Iran
        protested on Monday" stays untargeted)."""
        country = source.country
        if country is None or not is_country(country) or set(source.roles) & STATE_ROLES:
            return None
        if any(s.ent_type_ == "GPE" for s in frame.subjects):
            return None
        against = self._protested_in_clause(frame, scope, source)
        if against is not None:
            return against
        own = [t for s in frame.subjects for t in s.subtree]  # "Demonstrators in Baghdad"
        place = place_in(own + argument_tokens(frame), scope.resolver.gazetteer, None)
        if place is not None:
            country = place[1]
        start = frame.pred.idx + scope.offset
        return Actor(country + "GOV", country, ("GOV",), "", start, start, "inferred")

    def _protested_in_clause(self, frame: Frame, scope: Scope, source: Actor) -> Actor | None:
        """Whom the protest's own clause says it is against, further down than the target
        rules look: "began a hunger strike to protest **against Sweden's decision**",
        "blocked a road to show their anger **at the United States' policies**"."""
        subjects = {t.i for s in frame.subjects for t in s.subtree}
        heads = [
            g
            for t in frame.pred.subtree
            if t.i not in subjects and t.dep_ == "prep" and t.lower_ in PROTESTED_PREPS
            for g in t.children
            if g.dep_ == "pobj"
        ]
        for actor in self.actors(heads, scope.resolver, owners=True):
            if actor.known and actor.country != source.country:
                return actor
        return None

    def implied_agent(self, frame: Frame, scope: Scope, root: str) -> Actor | None:
        """Who acts in an agentless passive, when the clause names the institution it
        happened at: "The ambassador was summoned to the Azerbaijani Foreign Ministry" →
        AZEGOV. Violence is never attributed this way (where it happened is not who did it)."""
        if root in VIOLENT_ROOTS:
            return None
        voiced = voiced_in(frame, scope.resolver, root)  # "was criticised in Bishkek"
        if voiced is not None:
            return voiced
        if root == POSTURE_ROOT:  # "Serbia's army was placed on alert": Serbia did so
            return posture_agent(frame, scope.resolver)
        if root == "17":  # "Its crew was detained, police said": the authority that says so
            speaker = reporting_authority(frame.pred, scope.resolver)
            if speaker is not None:
                return speaker
        host = host_state(frame, scope, root)  # "Iran's ambassador in Baku was summoned"
        for word in ("to", "at", "before") if host is None else ():
            for token in frame.preps.get(word, []):
                if token.head.head.lower_ == "according":  # "according to the Canadian Press"
                    continue
                actor = scope.resolver.actor_for(unwrap_quantifier(token))
                if actor is not None and actor.known and actor.roles:
                    return Actor(
                        actor.code,
                        actor.country,
                        actor.roles,
                        actor.text,
                        actor.start,
                        actor.end,
                        "context",
                    )
        return host or local_authority(frame, scope, root)

    def _complement_targets(
        self, frame: Frame, scope: Scope, source: Actor, depth: int = 0
    ) -> list[Actor | None]:
        """Targets of what an intention, refusal or promise is about: the complement's own
        target when it is coded, else its object ("pledged to keep supporting Ukraine")."""
        # each conjunct ("lift its pause and resume assistance to Kyiv"); what is the
        # source's own ("its pause") is no target
        for comp in [c for x in frame.complements for c in with_conjuncts(x)]:
            if comp.pos_ not in ("VERB", "AUX"):
                continue
            sub = verb_frame(comp)
            sub_pattern = self.matcher.best_pattern(sub)
            candidates: Sequence[Actor | None] = (
                self.targets(sub_pattern, sub, scope, source)
                if sub_pattern is not None
                else self.actors(sub.objects + sub.datives, scope.resolver, owners=True)
            )
            found: list[Actor | None] = [a for a in candidates if a and a.code != source.code]
            if not found and sub_pattern is None:
                # "threatened to deliver devastating blows to the United States"
                aimed = [t for p in AIMED_PREPS for t in sub.preps.get(p, [])]
                found = [
                    a
                    for a in self.actors(aimed, scope.resolver)
                    if a.known and a.country != source.country
                ]
            if not found and depth < 2:
                found = list(self._complement_targets(sub, scope, source, depth + 1))
            if found:
                return found
        return []

    def _place_target(
        self,
        frame: Frame,
        resolver: Resolver,
        source: Actor,
        tokens: list[Token] | None = None,
    ) -> Actor | None:
        """The country of a place named in the action's arguments ("struck targets in southern
        Lebanon", "raided the Jenin camp"), or among ``tokens`` when given, when it is not the
        actor's own."""
        tokens = argument_tokens(frame) if tokens is None else tokens
        place = place_in(tokens, resolver.gazetteer, source.country)
        if place is None:
            return None
        token, country = place
        start = token.idx + resolver.offset
        return Actor(country, country, (), token.text, start, start + len(token.text), "place")

    @staticmethod
    def _is_actor(token: Token, resolver: Resolver) -> bool:
        actor = resolver.actor_for(unwrap_quantifier(token))
        return actor is not None and actor.code is not None

    def actors(
        self,
        tokens: list[Token],
        resolver: Resolver,
        *,
        countries: bool = False,
        owners: bool = False,
        venues: set[int] | None = None,
    ) -> list[Actor]:
        out = []
        for token in tokens:
            if venues and token.i in venues and is_venue(token, resolver):
                continue
            token = unwrap_quantifier(token)
            if token.lemma_.lower() in BORDER_WORDS:  # "near the border with Azerbaijan"
                token = border_neighbour(token) or token
            found = resolver.actors_for(token)
            if owners and (not found or found[0].code is None):
                # "praised the deal reached by Armenia and Azerbaijan": each party
                owner = owner_of(token, resolver)
                found = deal_parties(token, resolver) or ([owner] if owner is not None else found)
            for actor in found:
                if countries and actor.country is None:
                    continue
                if actor.code is None and self.matcher.noun_trigger(token) is not None:
                    continue  # "carried out drone strikes on the camp": the act, not a side
                out.append(actor)
        return out

    # ---- events -------------------------------------------------------------------------

    def _disowned(self, frame: Frame, scope: Scope, source: Actor) -> list[Actor]:
        """Whom a denial or a claim of responsibility concerns: the victim of the act it is
        about ("Iran denied involvement in the attack on the tanker" → the tanker's
        country), else who was said to have done it."""
        for obj in frame.objects + [t for ts in frame.preps.values() for t in ts]:
            nouns = [obj] + [g for c in obj.children if c.dep_ == "prep" for g in c.children]
            for noun in nouns:
                if noun.pos_ != "NOUN":
                    continue
                event = antecedent(noun, scope, self.matcher)
                if event is not None:
                    for side in (event.target, event.source):
                        if side is not None and side.known and side.country != source.country:
                            return [side]
                # "denied involvement in the attack on the Azerbaijani embassy"
                inner: dict[str, list[Token]] = {}
                prep_objects(noun, inner)
                for word in ("on", "against", "at", "in"):
                    for actor in self.actors(inner.get(word, []), scope.resolver, owners=True):
                        if actor.known and actor.country != source.country:
                            return [actor]
        return []

"""The event engine: predicate–argument frames from the dependency parse, coded with the lexicon.

For every verb (and every nominal event trigger) of every sentence: find who acts (subjects,
"by" agents, inherited subjects of control and coordinated verbs, relative and participial
heads), what is acted on (objects, passive subjects, object predicates), the target (a
preposition the pattern names, the object, an indirect object), and the complement clause;
match the most specific lexicon pattern; expand coordinated actors; attach modality.
"""

from __future__ import annotations

from typing import Any

from casus.model import Actor, Attribution, Event, Modality
from casus.ontology.cameo import CameoTable, load_intentions
from casus.ontology.lexicon import Lexicon, Pattern
from casus.pipeline import Document
from casus.stages.actors import Resolver
from casus.stages.frames import (
    BORDER_WORDS,
    Frame,
    argument_tokens,
    border_neighbour,
    demonym_actor,
    noun_frame,
    place_in,
    prefixed,
    prep_objects,
    unwrap_quantifier,
    verb_frame,
    with_conjuncts,
)
from casus.stages.modality import (
    COGNITION_VERBS,
    IRREALIS_GOVERNORS,
    REPORTING_VERBS,
    SCHEDULE_GOVERNORS,
    governors,
    is_conditional,
    is_modal_locally,
    is_negated_locally,
    is_question,
    modality_of,
    stated_future,
)

TARGET_PREPS = (
    "against",
    "with",
    "to",
    "toward",
    "towards",
    "on",
    "at",
    "into",
    "upon",
    "for",
    "from",
    "over",
    "between",
)
# Actions done to someone: without a target actor they are not coded ("destroyed all the
# bridges behind it" is a metaphor more often than an event).
TARGETED_ROOTS = frozenset({"16", "17", "18", "19", "20"})
# Roles that, with no country of their own, belong to the acting government's country:
# "Azerbaijani government is trying to suppress the opposition" → AZEOPP.
# Adjectives of readiness that make their infinitive a stated intention (03x / 13x).
WILLINGNESS = frozenset(
    {
        "willing",
        "ready",
        "prepared",
        "committed",
        "determined",
        "eager",
        "keen",
        "open",
        "poised",
        "resolved",
    }
)
# CAMEO 172 (curfews, states of emergency, martial law, bans) and 175 (repression): done to the
# actor's own population when the text names no one else.
DOMESTIC_CODES = ("172", "175")
DOMESTIC_ROLES = frozenset(
    {"OPP", "CVL", "LEG", "JUD", "COP", "MED", "EDU", "LAB", "BUS", "REL", "HRI", "CRM", "AGR"}
)
# Actions whose place names the target when no actor does: "struck targets near Damascus".
PLACE_TARGET_ROOTS = frozenset({"08", "14", "15", "16", "17", "18", "19", "20"})
VIOLENT_ROOTS = frozenset({"18", "19", "20"})
# Appeals and demands are addressed to the subject of what they ask for.
ADDRESSED_ROOTS = frozenset({"02", "10"})
# Modal obligation in reported speech is a demand: "Russia said Sudan must return the
# helicopter" → RUS→SDN 10x.
OBLIGATION_MODALS = frozenset({"must", "should"})
# Reactions whose target is whoever did the event they react to ("condemned the attack").
REACTION_ROOTS = frozenset({"02", "10", "11", "12", "13", "14"})
VENUE_PREPS = ("at", "in", "on", "inside", "near", "outside")
RECIPROCALS = frozenset({"each other", "one another"})
# Verbs that only wrap their infinitive ("seeks to escalate", "is trying to persuade"): with an
# infinitive and no more specific pattern, the infinitive is coded, not the wrapper.
WRAPPER_VERBS = frozenset(
    {
        "seek",
        "hop",  # spaCy lemmatises "hopes" as "hop"
        "want",
        "try",
        "attempt",
        "plan",
        "intend",
        "hope",
        "aim",
        "wish",
        "prepare",
        "consider",
        "expect",
        "need",
        "continue",
        "begin",
        "start",
        "decide",
        "move",
        "manage",
        "struggle",
        "strive",
        "endeavour",
        "endeavor",
        "tend",
        "appear",
        "seem",
        "fail",
        "dare",
        "look",
        "work",
        "go",
        "come",
        "get",
        "help",
        "use",
        "choose",
        "opt",
        "resolve",
    }
)


class EventEngine:
    """Matches frames against the lexicon and builds events for one document."""

    def __init__(self, lexicon: Lexicon, cameo: CameoTable) -> None:
        self.lexicon = lexicon
        self.cameo = cameo
        self.intentions = load_intentions()

    # ---- pattern matching -----------------------------------------------------------
    def _object_forms(self, token: Any) -> list[str]:
        """Lemma forms of an object phrase, longest first: "peacekeeping troop", "troop"."""
        token = unwrap_quantifier(token)
        lemma = token.lemma_.lower()
        mods = [c for c in token.children if c.dep_ in ("compound", "amod") and c.i < token.i]
        forms = []
        if mods:
            words = [m.lemma_.lower() for m in mods]
            for k in range(len(words), 0, -1):
                forms.append(" ".join(words[-k:] + [lemma]))
        of = next(
            (
                g
                for c in token.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for g in c.children
                if g.dep_ == "pobj"
            ),
            None,
        )
        if of is not None:  # "a one-year state of emergency" → "state of emergency"
            forms.insert(0, f"{lemma} of {of.lemma_.lower()}")
        forms.append(lemma)
        sub = " ".join(t.lower_ for t in token.subtree if t.dep_ not in ("det", "poss", "punct"))
        if sub not in forms:
            forms.append(sub)
        return forms

    def _object_match(self, pattern: Pattern, frame: Frame) -> tuple[list[Any], int]:
        """Objects that satisfy the pattern's object, and the longest matched form (words)."""
        assert pattern.obj is not None
        out = []
        longest = 0
        for pred in frame.predicates if pattern.obj.isupper() else []:
            # an object predicate matches a class anywhere in it: "to be in conflict with"
            words = [t.lemma_.lower() for t in pred.subtree]
            grams = {" ".join(words[i : i + n]) for n in (1, 2, 3) for i in range(len(words))}
            if any(pattern.obj in self.lexicon.classes_of(g) for g in grams):
                longest = max(longest, 1)
        for obj in frame.objects:
            for form in self._object_forms(obj):
                if (pattern.obj.isupper() and pattern.obj in self.lexicon.classes_of(form)) or (
                    form == pattern.obj
                ):
                    out.append(obj)
                    longest = max(longest, len(form.split()))
                    break
        if not longest and " " in pattern.obj and not pattern.obj.isupper():
            # a fixed phrase the parser splits into a clause: "declared four diplomats persona
            # non grata" is often parsed with "persona" as a verb
            for comp in frame.complements + frame.predicates:
                text = " ".join(t.lower_ for t in comp.subtree)
                if f" {pattern.obj} " in f" {text} ":
                    longest = len(pattern.obj.split())
                    if comp not in frame.predicates:
                        frame.predicates.append(comp)
        return out, longest

    def _object_matches(self, pattern: Pattern, frame: Frame) -> list[Any]:
        return self._object_match(pattern, frame)[0]

    def complement_roots(self, frame: Frame, depth: int = 0) -> set[str]:
        """Roots of what a speech act or intention is about (its complement clause or nominal
        object): "warned that Iran will strike ..." → {"19"} (or whatever strike codes)."""
        roots: set[str] = set()
        if depth > 2:
            return roots
        preds = []
        for comp in frame.complements:
            preds.extend(with_conjuncts(comp))
        for obj in frame.objects:
            if self.lexicon.has_lemma("noun", obj.lemma_.lower()):
                preds.append(obj)
        for obj in frame.preps.get("of", []) + frame.preps.get("about", []):
            preds.append(obj)
        for pred in preds:
            kind = "noun" if pred.pos_ == "NOUN" else "verb"
            if kind == "verb":
                sub = verb_frame(pred)
            else:
                sub = Frame(pred, "noun")
                prep_objects(pred, sub.preps)
                sub.objects = sub.preps.get("of", [])
            found = self.best_pattern(sub, depth + 1)
            if found is not None:
                roots.add(found.code[:2])
            for inner in sub.complements:
                roots |= self.complement_roots(verb_frame(inner), depth + 1)
        return roots

    def best_pattern(self, frame: Frame, depth: int = 0) -> Pattern | None:
        """The most specific lexicon pattern whose constraints the frame satisfies; among
        equally specific ones, the longest object match ("peacekeeping troop" over "troop"),
        then file order."""
        candidates = self.lexicon.candidates(frame.kind, frame.lemma or frame.pred.lemma_.lower())
        if not candidates:
            return None
        wanted_particles = {p.particle for p in candidates if p.particle}
        has_own_particle = bool(frame.particles & wanted_particles)
        comp_roots: set[str] | None = None
        best: tuple[int, int] | None = None
        chosen: Pattern | None = None
        for pattern in candidates:  # sorted most specific first
            if best is not None and pattern.specificity < best[0]:
                break
            if pattern.particle is not None and pattern.particle not in frame.particles:
                continue
            if pattern.particle is None and has_own_particle:
                continue
            length = 0
            if pattern.obj is not None:
                matched, length = self._object_match(pattern, frame)
                if not length:
                    continue
            if pattern.prep is not None and not frame.preps.get(pattern.prep):
                continue
            if pattern.comp:
                if comp_roots is None:
                    comp_roots = self.complement_roots(frame, depth)
                if not (pattern.comp & comp_roots):
                    continue
            if best is None or (pattern.specificity, length) > best:
                best, chosen = (pattern.specificity, length), pattern
        return chosen

    # ---- targets ------------------------------------------------------------------------
    def targets(
        self, pattern: Pattern, frame: Frame, resolver: Resolver, source: Actor
    ) -> list[Actor | None]:
        """Target actors by the pattern's rule (docs/lexicon.md), in order: the pattern's
        preposition; the object (or, for a class object, the actor inside it unless it is the
        source's own: "recalled its ambassador to France" → France); an indirect object; any
        target preposition; whose the object is ("struck Hamas positions"); the subject of an
        evaluated predicate; for actions on territory, the place ("struck targets near
        Damascus" → Syria)."""
        steps: list[list[Any]] = []
        if pattern.prep is not None:
            steps.append(frame.preps.get(pattern.prep, []))
        if pattern.obj is None:
            steps.append(frame.objects)
        else:
            matched = self._object_matches(pattern, frame)
            foreign = [
                a
                for a in self._actors(matched, resolver, countries=True)
                if a.country != source.country
            ]
            # whose the object is, when it is no actor itself ("rejected Seoul's offer")
            foreign += [
                a
                for a in (
                    self._owner(o, resolver) for o in matched if not self._is_actor(o, resolver)
                )
                if a is not None and a.country != source.country
            ]
            if foreign:
                return list(foreign)
            # "sent Ukraine tanks": the other object of a double-object verb
            steps.append([o for o in frame.objects if o not in matched])
            for obj in matched:  # "its ambassador to France", "peacekeepers from Karabakh"
                inner: dict[str, list[Any]] = {}
                prep_objects(obj, inner)
                steps.extend(inner.get(p, []) for p in ("to", "in", "from", "with"))
        steps.append(frame.datives)
        if pattern.prep is None:
            steps.extend(frame.preps.get(p, []) for p in TARGET_PREPS)
        # a capital or seat in a place phrase is where it happened, not who it happened to:
        # "signed agreements at the White House", "held talks in Abu Dhabi"
        venues = (
            set()
            if pattern.code[:2] in PLACE_TARGET_ROOTS
            else {t.i for p in VENUE_PREPS if p != pattern.prep for t in frame.preps.get(p, [])}
        )
        for tokens in steps:
            found = [
                a
                for a in self._actors(tokens, resolver, owners=True, venues=venues)
                if not (
                    pattern.obj is not None
                    and a.country == source.country
                    and a.code == source.code
                )
            ]
            if found:
                return list(found)
        if pattern.code[:2] in REACTION_ROOTS:  # "Qatar condemned the attack"
            for obj in frame.objects + [
                t for p in ("over", "for", "after") for t in frame.preps.get(p, [])
            ]:
                if obj.pos_ == "NOUN" and not self._is_actor(obj, resolver):
                    found_actor = self._antecedent(obj)
                    if found_actor is not None:
                        return [found_actor]
        for pred in frame.predicates:  # "consider X to be ...": X is evaluated
            for subj in (c for c in pred.children if c.dep_ in ("nsubj", "nsubjpass")):
                found = self._actors([subj], resolver, owners=True)
                if found:
                    return list(found)
        if pattern.code[:2] in ADDRESSED_ROOTS:  # "demanded that the US cancel ..." → USA
            for comp in frame.complements:
                subjects = [c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")]
                found = [a for a in self._actors(subjects, resolver) if a.code != source.code]
                if found:
                    return list(found)
        intends = pattern.comp or frame.lemma in IRREALIS_GOVERNORS
        if intends:  # "plans to visit Tehran", "refused to allow IAEA inspectors ..."
            meant = self._complement_targets(frame, resolver, source)
            if meant:
                return meant
        if pattern.code[:2] in PLACE_TARGET_ROOTS:
            place = self._place_target(frame, resolver, source)
            if place is not None:
                return [place]
        return [None]

    def _complement_targets(
        self, frame: Frame, resolver: Resolver, source: Actor, depth: int = 0
    ) -> list[Actor | None]:
        """Targets of what an intention, refusal or promise is about: the complement's own
        target when it is coded, else its object ("pledged to keep supporting Ukraine")."""
        for comp in frame.complements:
            if comp.pos_ not in ("VERB", "AUX"):
                continue
            sub = verb_frame(comp)
            sub_pattern = self.best_pattern(sub)
            found: list[Actor | None] = []
            if sub_pattern is not None:
                found = [t for t in self.targets(sub_pattern, sub, resolver, source) if t]
            else:
                found = [
                    a
                    for a in self._actors(sub.objects + sub.datives, resolver, owners=True)
                    if a.code != source.code
                ]
            if not found and depth < 2:
                found = list(self._complement_targets(sub, resolver, source, depth + 1))
            if found:
                return found
        return []

    def _place_target(self, frame: Frame, resolver: Resolver, source: Actor) -> Actor | None:
        """The country of a place named in the action's arguments ("struck targets in southern
        Lebanon", "raided the Jenin camp"), when it is not the actor's own."""
        place = place_in(argument_tokens(frame), resolver.gazetteer, source.country)
        if place is None:
            return None
        token, country = place
        start = token.idx + resolver.offset
        return Actor(country, country, (), token.text, start, start + len(token.text), "place")

    @staticmethod
    def _is_actor(token: Any, resolver: Resolver) -> bool:
        actor = resolver.actor_for(unwrap_quantifier(token))
        return actor is not None and actor.code is not None

    def _owner(self, token: Any, resolver: Resolver) -> Actor | None:
        """The actor an object noun belongs to: possessor, country adjective, "by" or "of"
        phrase ("military exercises by Iranian forces")."""
        for child in token.children:
            if child.dep_ == "poss" or (
                child.dep_ in ("amod", "compound") and child.i < token.i and not prefixed(child)
            ):
                actor = (
                    resolver.actor_for(child)
                    if child.dep_ == "poss"
                    else (
                        demonym_actor(child, resolver)
                        or (resolver.actor_for(child) if child.pos_ == "PROPN" else None)
                    )
                )
                if actor is not None and actor.code is not None:
                    return actor
        for word in ("by", "from", "of"):  # "calls by Belarus", "an offer from Afghanistan"
            inner = next(
                (
                    g
                    for c in token.children
                    if c.dep_ == "prep" and c.lower_ == word
                    for g in c.children
                    if g.dep_ == "pobj"
                ),
                None,
            )
            if inner is not None:
                actor = resolver.actor_for(inner)
                if actor is not None and actor.code is not None:
                    return actor
        return None

    def _actors(
        self,
        tokens: list[Any],
        resolver: Resolver,
        *,
        countries: bool = False,
        owners: bool = False,
        venues: set[int] | None = None,
    ) -> list[Actor]:
        out = []
        for token in tokens:
            if venues and token.i in venues and resolver.is_place_name(token):
                continue
            token = unwrap_quantifier(token)
            if token.lemma_.lower() in BORDER_WORDS:  # "near the border with Azerbaijan"
                token = border_neighbour(token) or token
            found = resolver.actors_for(token)
            if owners and (not found or found[0].code is None):
                owner = self._owner(token, resolver)
                found = [owner] if owner is not None else found
            for actor in found:
                if countries and actor.country is None:
                    continue
                out.append(actor)
        return out

    # ---- events -------------------------------------------------------------------------
    def events_for(self, document: Document, resolver: Resolver) -> list[tuple[Event, Any]]:
        """All events of the document with their trigger tokens, sentence by sentence (verbs,
        then the nominal events no verb pattern used up)."""
        out: list[tuple[Event, Any]] = []
        self._earlier: list[Event] = []  # asserted events of earlier sentences (anaphora)
        for sent in document.doc.sents:
            found: list[tuple[Event, Any]] = []
            consumed: set[int] = set()
            for token in sent:
                if not (
                    token.pos_ in ("VERB", "AUX")
                    or (token.pos_ == "ADJ" and token.dep_ == "amod" and token.tag_ == "VBN")
                ):
                    continue
                frame = verb_frame(token)
                found.extend(self._obligation(document, resolver, token, frame))
                pattern = self.best_pattern(frame)
                if pattern is None:
                    continue
                if self._is_bare_report(pattern, frame) or self._is_wrapper(pattern, frame):
                    continue
                if pattern.obj is not None:
                    consumed.update(o.i for o in self._object_matches(pattern, frame))
                found.extend(self._build(document, resolver, frame, pattern))
            for token in sent:
                if token.pos_ != "NOUN" or token.i in consumed:
                    continue
                lemma = self._noun_trigger(token)
                if lemma is None:
                    continue
                frame = noun_frame(token, resolver)
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
                if not frame.subjects:
                    continue
                pattern = self.best_pattern(frame)
                if pattern is not None:
                    found.extend(self._build(document, resolver, frame, pattern))
            out.extend(found)
            self._earlier.extend(e for e, _ in found if e.modality.asserted and e.source)
        return self._dedupe(out)

    def _obligation(
        self, document: Document, resolver: Resolver, token: Any, frame: Frame
    ) -> list[tuple[Event, Any]]:
        """ "The Bush administration declared that China must drop barriers": a reported
        obligation is a demand by the speaker on the clause's subject (10x by what is
        demanded: "must reach an agreement" → the 'demand' pattern for root 04/05...)."""
        auxes = {c.lower_ for c in token.children if c.dep_ == "aux"}
        if not auxes & OBLIGATION_MODALS or token.dep_ != "ccomp" or frame.passive:
            return []
        if any(c.dep_ == "neg" for c in token.children) or not frame.subjects:
            return []
        speech = token.head
        if speech.lemma_.lower() not in REPORTING_VERBS | {"insist", "reiterate", "conclude"}:
            return []
        speaker = verb_frame(speech)
        inner = self.best_pattern(frame)
        root = inner.code[:2] if inner is not None else None
        demands = self.lexicon.candidates("verb", "demand")
        chosen = next((p for p in demands if root and root in p.comp), None) or next(
            (p for p in demands if p.specificity == 0), None
        )
        if chosen is None:
            return []
        synthetic = Frame(
            speech,
            "verb",
            subjects=speaker.subjects,
            objects=frame.subjects,
            lemma=speech.lemma_.lower(),
        )
        return self._build(document, resolver, synthetic, chosen)

    def _antecedent(self, noun: Any) -> Actor | None:
        """Who did "the attack" a reaction refers to: the source of the latest earlier event
        coded in the same root as the noun ("Iran fired missiles at the base. Qatar condemned
        the attack." → IRN)."""
        if not any(
            c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those")
            for c in noun.children
        ):
            return None
        lemma = self._noun_trigger(noun)
        if lemma is None:
            return None
        # "the strikes" may be any of the noun's senses (labour strike, air strike): every root
        # the lexicon gives the noun is a candidate
        roots = {p.code[:2] for p in self.lexicon.candidates("noun", lemma)}
        same_lemma = [e for e in self._earlier if e.trigger_text.lower() == noun.lower_]
        if same_lemma:
            return same_lemma[-1].source
        same_root = [e for e in self._earlier if e.cameo_root in roots]
        if same_root:  # the main (first) event of the latest sentence that has one
            latest = same_root[-1].sentence_index
            return next(e for e in same_root if e.sentence_index == latest).source
        return None

    def _noun_trigger(self, token: Any) -> str | None:
        """The lexicon lemma of a nominal trigger: "air strike" before "strike"."""
        mods = [c for c in token.children if c.dep_ == "compound" and c.i < token.i]
        lemma = token.lemma_.lower()
        words = [m.lemma_.lower() for m in mods]
        for k in range(len(words), 0, -1):
            form = " ".join(words[-k:] + [lemma])
            if self.lexicon.has_lemma("noun", form):
                return form
        return lemma if self.lexicon.has_lemma("noun", lemma) else None

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
        """ "X said that ..." is attribution, not an event, unless a specific pattern codes it."""
        lemma = frame.pred.lemma_.lower()
        return lemma in REPORTING_VERBS and pattern.specificity == 0 and pattern.code[:2] == "01"

    def _build(
        self,
        document: Document,
        resolver: Resolver,
        frame: Frame,
        pattern: Pattern,
    ) -> list[tuple[Event, Any]]:
        sources = [
            self._localize(a, frame, document, resolver)
            for a in self._actors(frame.subjects, resolver)
        ]
        if not sources:
            return []
        targets = self.targets(pattern, frame, resolver, sources[0])
        code = self.cameo.get(pattern.code)
        if code.code == "010" and (
            pattern.specificity == 0
            or not any(t is not None and t.code is not None for t in targets)
        ):
            # A bare statement is attribution, not an event: CAMEO codes 010 only as a
            # residual, so only specific, addressed statements are kept ("briefed Iran on").
            return []
        if code.root not in VIOLENT_ROOTS:
            targets = [self._domestic(t, sources[0]) for t in targets]
        avoid = sources[0].country if code.root in VIOLENT_ROOTS else None
        targets = [
            self._localize(t, frame, document, resolver, avoid) if t is not None else None
            for t in targets
        ]
        if code.code.startswith(DOMESTIC_CODES) and not any(t is not None for t in targets):
            # administrative sanctions fall on the actor's own population: "the army declared a
            # state of emergency" → MMRMIL → MMRCVL
            country = sources[0].country
            if country:
                head = frame.pred
                targets = [
                    Actor(
                        country + "CVL",
                        country,
                        ("CVL",),
                        head.text,
                        head.idx + document.offset,
                        head.idx + len(head.text) + document.offset,
                        "inferred",
                    )
                ]
        if code.root in TARGETED_ROOTS and not any(t is not None for t in targets):
            return []
        modality = modality_of(frame.pred)
        pairs: list[tuple[Actor, Actor | None]] = []
        for source in sources:
            for target in targets:
                pairs.append((source, target))
        if code.symmetric or self._reciprocal(frame):
            # "Iran and Azerbaijan signed a pact"; "accused each other of violations"
            pairs = self._symmetric(
                sources, [t for t in targets if t is None or t.text.lower() not in RECIPROCALS]
            )
        sent = frame.pred.sent
        sent_text = sent.text.strip()
        sent_start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
        off = document.offset
        out = []
        stated = self._stated_intent(frame, code.root, modality)
        for source, target in pairs:
            if target is not None and (source.start, source.end, source.code) == (
                target.start,
                target.end,
                target.code,
            ):
                continue
            if source.code is None:
                continue  # who acted is unknown: no dyad to code (the mention itself is kept)
            if target is not None and code.root == "16" and target.country == source.country:
                continue  # relations are reduced with someone else, never with oneself
            if target is not None and target.code is not None and target.code == source.code:
                continue  # an actor acting on itself is a resolution error, not an event
            event = Event(
                article_id=document.article.id,
                sentence_index=resolver.sentence_of(frame.pred),
                evidence_text=sent_text,
                evidence_start=sent_start + off,
                evidence_end=sent_start + len(sent_text) + off,
                source=source,
                target=target,
                cameo=code.code,
                cameo_name=code.name,
                quad_class=code.quad_class,
                goldstein=code.goldstein,
                plover=code.plover,
                plover_mode=code.plover_mode,
                trigger_text=frame.pred.text,
                trigger_start=frame.pred.idx + off,
                trigger_end=frame.pred.idx + len(frame.pred.text) + off,
                modality=modality,
                attribution=Attribution(outlet=document.article.outlet),
                confidence=confidence(pattern, frame, source, target),
                pattern=pattern.where,
            )
            out.append((event, frame.pred))
            if stated is not None:
                intent = self.cameo.get(stated)
                out.append(
                    (
                        event.with_(
                            cameo=intent.code,
                            cameo_name=intent.name,
                            quad_class=intent.quad_class,
                            goldstein=intent.goldstein,
                            plover=intent.plover,
                            plover_mode=intent.plover_mode,
                            modality=Modality(reported=modality.reported),
                            confidence=round(max(0.05, event.confidence - 0.1), 3),
                            pattern=f"intentions.tsv:{code.root} via {pattern.where}",
                        ),
                        frame.pred,
                    )
                )
        return out

    def _stated_intent(self, frame: Frame, root: str, modality: Modality) -> str | None:
        """The 03x/13x code when the action is stated as going to happen ("will send aid",
        "would retaliate"), unless a governing verb already codes the statement ("warned
        that ...", "plans to ...")."""
        if root not in self.intentions:
            return None
        willing = frame.pred.dep_ == "xcomp" and frame.pred.head.lemma_.lower() in WILLINGNESS
        if willing:
            # "Norway is willing to send material"; "he was not ready to approve" is a refusal;
            # "might be willing", "if ... is ready", "is it willing?" state nothing
            adjective = frame.pred.head
            copula = adjective.head
            if any(is_question(t) for t in (frame.pred, adjective, copula)) or (
                    is_modal_locally(copula) or is_conditional(copula)):
                return None
            intent, refusal = self.intentions[root]
            return refusal if modality.negated else intent
        if not stated_future(frame.pred):
            return None
        for gov in governors(frame.pred):
            lemma = gov.lemma_.lower()
            if (
                gov.pos_ in ("VERB", "AUX", "ADJ")
                and lemma in (IRREALIS_GOVERNORS | (COGNITION_VERBS)) - SCHEDULE_GOVERNORS
            ):
                return None
            if any(p.comp for p in self.lexicon.candidates("verb", gov.lemma_.lower())):
                return None
        intent, refusal = self.intentions[root]
        if modality.negated:
            return refusal if is_negated_locally(frame.pred) else None
        return intent

    @staticmethod
    def _localize(
        actor: Actor, frame: Frame, document: Document, resolver: Resolver, avoid: str | None = None
    ) -> Actor:
        """An unresolved domestic actor ("protesters", "riot police") takes the country of the
        place its event happens in, else of the article's latest country, else of the dateline:
        "Thousands of protesters rallied outside parliament in Tbilisi" → GEOCVL. A target
        never takes the source's country this way ("Russia pounded Bakhmut, killing six
        civilians" does not make them Russian)."""
        if actor.code is not None or not actor.roles or not set(actor.roles) <= DOMESTIC_ROLES:
            return actor
        found = place_in(argument_tokens(frame), resolver.gazetteer, avoid)
        if found is None and avoid is not None:
            return actor  # a victim's country is only taken from where it happened
        country = found[1] if found else resolver.salient_country(frame.pred)
        if country is None and document.dateline is not None:
            country = document.dateline.country
        if country is None:
            return actor
        code = country + "".join(actor.roles)
        return Actor(code, country, actor.roles, actor.text, actor.start, actor.end, "inferred")

    @staticmethod
    def _reciprocal(frame: Frame) -> bool:
        return any(
            " ".join(t.lower_ for t in o.subtree) in RECIPROCALS
            for o in frame.objects + [p for ps in frame.preps.values() for p in ps]
        )

    @staticmethod
    def _domestic(target: Actor | None, source: Actor) -> Actor | None:
        if target is None or target.code is not None or not source.country:
            return target
        if not target.roles or not set(target.roles) <= DOMESTIC_ROLES:
            return target
        code = source.country + "".join(target.roles)
        return Actor(
            code, source.country, target.roles, target.text, target.start, target.end, "inferred"
        )

    @staticmethod
    def _symmetric(
        sources: list[Actor],
        targets: list[Actor | None],
    ) -> list[tuple[Actor, Actor | None]]:
        """ "Iran and Azerbaijan signed a pact": each direction; "Iran signed with Azerbaijan":
        both directions too."""
        parties = list(sources) + [t for t in targets if t is not None]
        if len(parties) < 2:
            return [(s, None) for s in sources]
        pairs: list[tuple[Actor, Actor | None]] = []
        for a in parties:
            for b in parties:
                if a is not b and (a.code != b.code or a.code is None):
                    pairs.append((a, b))
        return pairs

    @staticmethod
    def _dedupe(events: list[tuple[Event, Any]]) -> list[tuple[Event, Any]]:
        """Drop exact repeats, and an untargeted event when the same sentence has the same
        source and root with a target ("will strike" under "a warning to Baku")."""
        targeted = {
            (
                e.sentence_index,
                e.source.country if e.source else None,
                e.cameo_root,
                e.modality.asserted,
            )
            for e, _ in events
            if e.target is not None
        }
        seen: set[str] = set()
        out = []
        for event, token in events:
            key = (
                event.sentence_index,
                event.source.country if event.source else None,
                event.cameo_root,
                event.modality.asserted,
            )
            if event.event_id in seen or (event.target is None and key in targeted):
                continue
            seen.add(event.event_id)
            out.append((event, token))
        return out


def confidence(pattern: Pattern, frame: Frame, source: Actor, target: Actor | None) -> float:
    """How the event was found, as a number in [0, 1] (docs/event-model.md#confidence):
    0.55 + 0.05 per point of pattern specificity (max 6), minus 0.1 for a nominal trigger,
    0.1 for a pronoun-resolved actor, 0.25 for an unresolved source, 0.1 for an unresolved
    target."""
    score = 0.55 + 0.05 * min(pattern.specificity, 6)
    if frame.kind == "noun":
        score -= 0.1
    if source.how == "pronoun" or (target is not None and target.how == "pronoun"):
        score -= 0.1
    if source.code is None:
        score -= 0.25
    if target is not None and target.code is None:
        score -= 0.1
    return round(max(0.05, min(0.99, score)), 3)


class EventStage:
    """Codes the events of a parsed document (all of them, with modality flags)."""

    name: str = "events"
    requires: tuple[str, ...] = ("doc", "mentions", "resolver")
    assigns: tuple[str, ...] = ("events", "triggers")

    def __init__(self, lexicon: Lexicon, cameo: CameoTable) -> None:
        self.engine = EventEngine(lexicon, cameo)

    def __call__(self, document: Document) -> Document:
        resolver: Resolver = document.data["resolver"]
        found = self.engine.events_for(document, resolver)
        document.events = [e for e, _ in found]
        document.data["triggers"] = {e.event_id: t for e, t in found}
        return document


def asserted(events: list[Event]) -> list[Event]:
    """Only events the text asserts happened (not negated, not hypothetical or future)."""
    return [e for e in events if e.modality.asserted]


__all__ = ["EventStage", "EventEngine", "Frame", "Modality", "asserted", "verb_frame"]

"""Matching frames against the lexicon: object forms, complement roots, the best pattern."""

from __future__ import annotations

from typing import TYPE_CHECKING

from casus.engine.answer_means import answer_means, answer_participle
from casus.engine.code_choice import (
    accord,
    appeal,
    by_aircraft,
    by_telephone,
    forecast,
    standing_plan,
    welcomed_act,
    yield_detail,
)
from casus.engine.contact_senses import arriving_forces, sent_platforms
from casus.engine.frames import Frame, prep_objects, unwrap_quantifier, verb_frame, with_conjuncts
from casus.engine.modality import is_negated_locally
from casus.engine.named_objects import named_classes
from casus.engine.regrets import told_with_protest
from casus.engine.sentences import document_words, sentence_of
from casus.engine.speaker_pronouns import speaker_antecedent
from casus.engine.wishes import hoped_act
from casus.ontology.idioms import load_idioms
from casus.ontology.lexicon import Lexicon, Pattern
from casus.ontology.words import word_list

if TYPE_CHECKING:
    from spacy.tokens import Token

TO_OBJECT_VERBS = word_list("to_object_verbs")
FOR_OBJECT_VERBS = word_list("for_object_verbs")
# nouns of de-escalation that say what is asked for without being events of their own
DEESCALATION_NOUNS = word_list("deescalation_nouns")
RESTRAINT_GOVERNORS = word_list("restraint_governors")
# force not to be used: a show of force, repression, assault, fighting, mass violence
RESTRAINED_ROOTS = frozenset({"15", "17", "18", "19", "20"})
DEESCALATE_CODE = "087"
# how deep an answer's means is looked into ("retaliated by closing ...")
MAX_MEANS_DEPTH = 3
# statements (01x): "retaliated, saying it would not be intimidated" names no means
STATEMENT_ROOT = "01"
# Entities that say when, not whom: "on Sunday", "on the night of May 13".
TIME_ENTITIES = frozenset({"DATE", "TIME"})
# what a craft's name can be told as by the noun before it: "the tanker Stena Impero"
CRAFT_CLASSES = frozenset({"VESSEL", "NAVAL_FORCE", "AIRCRAFT"})


class PatternMatcher:
    """Finds the most specific lexicon pattern a frame satisfies."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.idioms = load_idioms()

    def _object_forms(self, token: Token) -> list[str]:
        """Lemma forms of an object phrase, longest first: "peacekeeping troop", "troop"
        (found once per token: every candidate pattern of every predicate asks again)."""
        memo: dict[int, list[str]] = token.doc.user_data.setdefault("casus.object_forms", {})
        found = memo.get(token.i)
        if found is None:
            found = memo[token.i] = self._build_object_forms(token)
        return found

    def _subtree_classes(self, pred: Token) -> set[str]:
        """The noun classes of every one to three words of a predicate's subtree (found once
        per token, like the object forms)."""
        memo: dict[int, set[str]] = pred.doc.user_data.setdefault("casus.subtree_classes", {})
        found = memo.get(pred.i)
        if found is None:
            words = [t.lemma_.lower() for t in pred.subtree]
            grams = {" ".join(words[i : i + n]) for n in (1, 2, 3) for i in range(len(words))}
            found = memo[pred.i] = set().union(*(self.lexicon.classes_of(g) for g in grams))
        return found

    @staticmethod
    def _subtree_text(token: Token) -> str:
        """A token's subtree in lower case with a space either side (found once per token)."""
        memo: dict[int, str] = token.doc.user_data.setdefault("casus.subtree_text", {})
        found = memo.get(token.i)
        if found is None:
            found = memo[token.i] = " " + " ".join(t.lower_ for t in token.subtree) + " "
        return found

    def _build_object_forms(self, token: Token) -> list[str]:
        token = unwrap_quantifier(token)
        speaker = speaker_antecedent(token)  # "activists said they had been beaten"
        if speaker is not None:
            token = speaker
        lemma = token.lemma_.lower()
        mods = [c for c in token.children if c.dep_ in ("compound", "amod") and c.i < token.i]
        forms = []
        if mods:
            words = [m.lemma_.lower() for m in mods]
            for k in range(len(words), 0, -1):
                forms.append(" ".join(words[-k:] + [lemma]))
            # an adjective across a compound: "a joint ground patrol" is a "joint patrol"
            forms.extend(
                f"{m.lemma_.lower()} {lemma}"
                for m in mods[:-1]
                if m.dep_ == "amod" and f"{m.lemma_.lower()} {lemma}" not in forms
            )
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
        forms.extend(self._descriptor_forms(token))
        sub = " ".join(t.lower_ for t in token.subtree if t.dep_ not in ("det", "poss", "punct"))
        if sub not in forms:
            forms.append(sub)
        return forms

    def _descriptor_forms(self, token: Token) -> list[str]:
        """The common noun before a craft's name, which says what the name is: "seized the
        tanker Stena Impero" (the parser makes "tanker" a compound of the name's head)."""
        if token.pos_ != "PROPN":
            return []
        return [
            c.lemma_.lower()
            for c in token.children
            if c.dep_ == "compound"
            and c.pos_ == "NOUN"
            and c.i < token.i
            and self.lexicon.classes_of(c.lemma_.lower()) & CRAFT_CLASSES
        ]

    def object_match(self, pattern: Pattern, frame: Frame) -> tuple[list[Token], int]:
        """Objects that satisfy the pattern's object, and the longest matched form (words)."""
        assert pattern.obj is not None
        out = []
        longest = 0
        for pred in frame.predicates if pattern.obj.isupper() else []:
            # an object predicate matches a class anywhere in it: "to be in conflict with"
            if pattern.obj in self._subtree_classes(pred):
                longest = max(longest, 1)
        for obj in frame.objects:
            if pattern.obj.isupper() and pattern.obj in named_classes(obj):
                out.append(obj)  # "seized Scarborough Shoal", "quit ECOWAS"
                longest = max(longest, 1)
                continue
            for form in self._object_forms(obj):
                if (pattern.obj.isupper() and pattern.obj in self.lexicon.classes_of(form)) or (
                    form == pattern.obj
                ):
                    out.append(obj)
                    longest = max(longest, len(form.split()))
                    break
        if not longest and not pattern.obj.isupper():
            # a fixed phrase the parser splits into a clause: "declared four diplomats persona
            # non grata" is often parsed with "persona" as a verb; one word is looked for in the
            # object predicates only ("held Israel responsible for the attack")
            for comp in frame.complements + frame.predicates:
                if " " not in pattern.obj and comp not in frame.predicates:
                    continue
                if f" {pattern.obj} " in self._subtree_text(comp):
                    longest = len(pattern.obj.split())
                    if comp not in frame.predicates:
                        frame.predicates.append(comp)
        return out, longest

    def object_matches(self, pattern: Pattern, frame: Frame) -> list[Token]:
        return self.object_match(pattern, frame)[0]

    def complement_codes(self, frame: Frame, depth: int = 0) -> set[str]:
        """Codes of what a speech act or intention is about (its complement clause or nominal
        object): "warned that Iran will strike ..." → the strike's codes, "urged both sides to
        exercise restraint" → {"087"}."""
        codes: set[str] = set()
        if depth > 2:
            return codes
        preds = []
        for comp in frame.complements:
            preds.extend(with_conjuncts(comp))
        # what a crowd gathered for: "gathered outside parliament, demanding new elections"
        preds.extend(c for c in frame.pred.children if _participle_clause(c))
        for obj in frame.objects:
            lemma = obj.lemma_.lower()
            if self.lexicon.has_lemma("noun", lemma) or lemma in DEESCALATION_NOUNS:
                preds.append(obj)
            # the object's own infinitive: "reached a consensus to exchange information"
            preds.extend(
                c
                for c in obj.children
                if c.dep_ == "acl" and c.pos_ == "VERB" and any(a.dep_ == "aux" for a in c.children)
            )
        for obj in frame.preps.get("of", []) + frame.preps.get("about", []):
            preds.append(obj)
        if frame.lemma in TO_OBJECT_VERBS:
            # "agreed to a ceasefire" is an intent to de-escalate (0356), "to talks" to meet
            preds.extend(o for o in frame.preps.get("to", []) if o.pos_ == "NOUN")
        if frame.lemma in FOR_OBJECT_VERBS:
            # "summoned the two leaders to Brussels for crisis talks" calls them to meet (036)
            preds.extend(
                o
                for o in frame.preps.get("for", [])
                if o.pos_ == "NOUN" or o.lemma_.lower() in DEESCALATION_NOUNS  # "for calm"
            )
        for pred in preds:
            kind = "noun" if pred.pos_ == "NOUN" else "verb"
            if kind == "verb":
                sub = verb_frame(pred)
            else:
                sub = Frame(pred, "noun")
                prep_objects(pred, sub.preps)
                sub.objects = sub.preps.get("of", [])
            found = self.best_pattern(sub, depth + 1)
            if found is None and pred.lemma_.lower() in DEESCALATION_NOUNS:
                codes.add(DEESCALATE_CODE)  # "called for restraint", "appealed for calm": 0256
            if found is not None:
                codes.add(_restrained(frame, pred, found.code))
                if found.comp and kind == "verb":
                    # an intent is as good as its act: "urged the parties to agree to a
                    # truce" appeals for the truce (0256), not for an agreement (020)
                    codes |= self.complement_codes(sub, depth + 1)
            for inner in sub.complements:
                # through a verb that only wraps its infinitive: "vowed to keep targeting ships"
                inner_frame = verb_frame(inner)
                wrapped = self.best_pattern(inner_frame, depth + 2)
                if wrapped is not None and found is None:
                    codes.add(wrapped.code)
                codes |= self.complement_codes(inner_frame, depth + 1)
        return codes

    def best_pattern(
        self,
        frame: Frame,
        depth: int = 0,
        *,
        only: frozenset[str] | None = None,
        never: frozenset[str] = frozenset(),
    ) -> Pattern | None:
        """The most specific lexicon pattern whose constraints the frame satisfies; among
        equally specific ones, the longest object match ("peacekeeping troop" over "troop"),
        then file order. ``only``/``never`` restrict the roots considered."""
        lexicon, kind = self.lexicon, frame.kind
        lemma = frame.lemma or frame.pred.lemma_.lower()
        candidates = lexicon.candidates(kind, lemma)
        if only is not None or never:  # (most calls restrict nothing: no copy to make)
            candidates = [
                p
                for p in candidates
                if (only is None or p.code[:2] in only) and p.code[:2] not in never
            ]
            wanted_particles = frozenset(p.particle for p in candidates if p.particle)
            with_objects = any(p.obj is not None for p in candidates)
        else:  # the whole list's: found once per lemma with the lexicon
            wanted_particles = lexicon.particles(kind, lemma)
            with_objects = lexicon.has_objects(kind, lemma)
        has_own_particle = bool(frame.particles & wanted_particles)
        comp_codes: set[str] | None = None
        best: tuple[int, int] | None = None
        chosen: Pattern | None = None
        # every form and class of the objects, for the cheap test of most patterns' objects
        forms: set[str] = set()
        classes: set[str] = set()
        if with_objects:
            forms = {form for obj in frame.objects for form in self._object_forms(obj)}
            classes = set().union(*(self.lexicon.classes_of(form) for form in forms))
            classes |= set().union(*(named_classes(obj) for obj in frame.objects))
        for pattern in candidates:  # sorted most specific first
            if best is not None and pattern.specificity < best[0]:
                break
            if pattern.particle is not None and pattern.particle not in frame.particles:
                continue
            if pattern.particle is None and has_own_particle:
                continue
            length = 0
            if pattern.obj is not None:
                if _cannot_match(pattern.obj, frame, forms, classes):
                    continue
                matched, length = self.object_match(pattern, frame)
                if not length:
                    continue
            if pattern.prep is not None and not _aimed(frame.preps.get(pattern.prep, [])):
                continue  # "launched an offensive on Sunday against ...": no "on" target
            if pattern.comp:
                if comp_codes is None:
                    comp_codes = self.complement_codes(frame, depth)
                if not pattern.comp & {code[:2] for code in comp_codes}:
                    continue
            if best is None or (pattern.specificity, length) > best:
                best, chosen = (pattern.specificity, length), pattern
        if chosen is not None and comp_codes:
            # "urged both sides to exercise restraint": what is to be yielded (0256, not 025)
            chosen = yield_detail(chosen, comp_codes)
        if chosen is not None:
            chosen = by_aircraft(chosen, frame, self.lexicon)  # "jets pounded the town": 195
            chosen = by_telephone(chosen, frame)  # "discussed it by telephone": 041
            chosen = welcomed_act(chosen, frame, self.lexicon)  # "welcomed the deployment": 051
            chosen = arriving_forces(chosen, frame, self.lexicon)  # "troops arrived in": 154
            chosen = sent_platforms(chosen, frame, self.lexicon)  # "sent its own jets": 154
        means = answer_means(frame) if depth < MAX_MEANS_DEPTH else None
        if means is not None:
            # "retaliated by closing its airspace": the means' code, not force
            chosen = self.best_pattern(verb_frame(means), depth + 1)
        elif (
            chosen is not None  # "turned back all vehicles, allowing ..." is no answer
            and depth < MAX_MEANS_DEPTH
            and (told := answer_participle(frame)) is not None
        ):
            # "hit back, expelling ten diplomats": the act it tells, if it codes one
            how = self.best_pattern(verb_frame(told), depth + 1)
            chosen = how if how is not None and how.code[:2] != STATEMENT_ROOT else chosen
        # figurative language (data/lexicon/idioms.tsv): "burned its bridges" is no attack
        pred = frame.pred
        chosen = self.idioms.apply(
            pred, chosen, frame.kind, sentence_of(pred), document_words(pred.doc)
        )
        # "agreed that the dispute should go to court" is accord (019), not an agreement to act
        chosen = appeal(frame, accord(frame, chosen, self.lexicon))
        # "hopes Seoul will respond" asks Seoul to act (020); "hopes relations improve" is 013
        chosen = hoped_act(chosen, frame)
        # "warned that the fighting could spread" is a forecast, no threat
        chosen = forecast(chosen, frame, self.lexicon)
        # "expresses its regret and protests the decision": one act, the protest
        chosen = told_with_protest(chosen, frame)
        # "had planned riots" is a plot told, no threat; "plans to impose restrictions" is one
        chosen = standing_plan(chosen, frame)
        root = chosen.code[:2] if chosen is not None else None
        return chosen if root not in never and (only is None or root in only) else None

    # ---- targets ------------------------------------------------------------------------

    def noun_trigger(self, token: Token) -> str | None:
        """The lexicon lemma of a nominal trigger: "air strike" before "strike"."""
        mods = [c for c in token.children if c.dep_ == "compound" and c.i < token.i]
        lemma = token.lemma_.lower()
        words = [m.lemma_.lower() for m in mods]
        for k in range(len(words), 0, -1):
            form = " ".join(words[-k:] + [lemma])
            if self.lexicon.has_lemma("noun", form):
                return form
        return lemma if self.lexicon.has_lemma("noun", lemma) else None


def _cannot_match(obj: str, frame: Frame, forms: set[str], classes: set[str]) -> bool:
    """Whether :meth:`PatternMatcher.object_match` is sure to find nothing for a pattern's
    object, without trying it: no object form or class is it, and the frame has no object
    predicate or complement it might be found in."""
    if obj.isupper():
        return obj not in classes and obj not in forms and not frame.predicates
    return obj not in forms and not frame.predicates and not frame.complements


def _participle_clause(token: Token) -> bool:
    """Whether a clause is a bare participle that says what its head was done for or with:
    "gathered outside parliament, demanding new elections"."""
    return (
        token.dep_ == "advcl"
        and token.tag_ == "VBG"
        and not any(c.dep_ in ("nsubj", "mark") for c in token.children)
    )


def _restrained(governor: Frame, pred: Token, code: str) -> str:
    """The code a complement adds: force promised or asked not to be used is restraint, a
    de-escalation (087): "pledged not to use force" is an intent to de-escalate (0356), "urged
    both sides not to attack" an appeal for de-escalation (0256); "warned Iran not to attack"
    stays a warning."""
    lemma = governor.lemma or governor.pred.lemma_.lower()
    if (
        code[:2] in RESTRAINED_ROOTS
        and lemma in RESTRAINT_GOVERNORS
        and pred.pos_ in ("VERB", "AUX")
        and is_negated_locally(pred)
    ):
        return DEESCALATE_CODE
    return code


def _aimed(objects: list[Token]) -> bool:
    """Whether a preposition's objects may name whom the act is aimed at: not only times
    ("launched an offensive **on Sunday** against the rebels" has no "on" target)."""
    return any(o.ent_type_ not in TIME_ENTITIES for o in objects)

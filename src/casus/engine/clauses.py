"""Events a clause's shape implies, beyond what its verb's pattern says.

A reported obligation is a demand ("declared that China must drop barriers"), a reported
judgement is an evaluation ("'This is a war crime,' Zelenskiy said"), agreeing to sanction is
sanctioning ("the EU agreed to impose sanctions"), and a violent verb takes the code of the
weapon that did it ("A roadside bombing killed two policemen" is a bombing, 1833). The event
engine asks a :class:`ClauseReader` for these readings and builds the events itself.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from casus.engine.code_choice import JOINT_WORDS, yield_detail
from casus.engine.frames import Frame, verb_frame
from casus.engine.matching import PatternMatcher
from casus.engine.modality import (
    MANDATIVE_GOVERNORS,
    REPORTING_VERBS,
    is_negated_locally,
    is_subjunctive,
    stated_future,
)
from casus.engine.quoted_speech import quote_opener
from casus.engine.sentences import in_sentence_with
from casus.model import Event
from casus.ontology.cameo import CameoTable
from casus.ontology.lexicon import Lexicon, Pattern
from casus.ontology.words import word_list

if TYPE_CHECKING:
    from spacy.tokens import Token

VIOLENT_ROOTS = frozenset({"18", "19", "20"})
EVALUATIVE_ROOTS = frozenset({"01", "05", "11"})  # 012/013: a reported outlook
# "Niger's deposed president", "the ousted leader": a title, not a report of the coup; "aid
# for displaced families": a condition of people, not an expulsion (201)
DESCRIPTIVE_CODES = frozenset({"1724", "201"})
OBLIGATION_MODALS = word_list("obligation_modals")
# "said all sides should resolve their differences": a suggestion, coded as an appeal (the
# 'urge' patterns, 02x) where "must" is a demand (the 'demand' patterns, 10x); CAMEO 020
# counts "requests, proposals, suggestions" among appeals and calls demands "more forceful"
SUGGESTION_MODALS = word_list("suggestion_modals")
SUGGESTING_VERB = "urge"
# an obligation needs one of these in the verb's sentence: a modal among its auxiliaries or a
# mandative verb as its head (:meth:`ClauseReader.obligation`, h-speed14)
OBLIGATION_WORDS = OBLIGATION_MODALS | MANDATIVE_GOVERNORS
DEMANDING_VERB = "demand"
RETRIBUTION_WORDS = word_list("retribution_words")
# verbs that report an obligation ("insisted that ... must") or a judgement ("told")
OBLIGATION_SPEECH = REPORTING_VERBS | {"insist", "reiterate", "conclude"}
JUDGEMENT_SPEECH = REPORTING_VERBS | {"tell"}
# Verbs that equate their subject with what it is judged to be, as "be" does, and where that
# judgement is: "said the operations amounted to ethnic cleansing" (its "to" phrase), "said
# the strikes constituted a war crime" (its object).
EQUATING_VERBS = {"amount": "to", "constitute": "", "represent": ""}
# Qualities whose denial is criticism: "said Israel was not serious about withdrawing" (111).
EARNEST_WORDS = word_list("earnest_words")
CRITICISM = "111"
NAMED_ENTITIES = frozenset({"GPE", "NORP", "ORG", "PERSON"})
NEGATIVE_EVALUATION = "NEGATIVE_EVALUATION"
ENACTING_GOVERNORS = word_list("enacting_governors")
# What a body does by agreeing to it: sanctions, suspensions, expulsions (16), bans (17).
ENACTED_ROOTS = frozenset({"16", "17"})
# Crowds that use force on their own state riot (CAMEO 145), whatever the verb.
RIOT_CODE = "145"
CROWD_ROLES = frozenset({"CVL", "OPP"})
STATE_ROLES = frozenset({"GOV", "COP", "MIL", "LEG", "JUD"})
POSTURE_ROOT = "15"
EXERCISE_CLASS = "EXERCISE"
JOINT_EXERCISE = "062"

Implied = tuple[Frame, Pattern]


class ClauseReader:
    """Readings of clause shapes, shared by every document (no per-document state)."""

    def __init__(self, lexicon: Lexicon, matcher: PatternMatcher, cameo: CameoTable) -> None:
        self.lexicon = lexicon
        self.matcher = matcher
        self.cameo = cameo

    def obligation(self, token: Token, frame: Frame) -> Implied | None:
        """ "The Bush administration declared that China must drop barriers": a reported
        obligation is a demand by the speaker on the clause's subject (10x by what is
        demanded: "must reach an agreement" → the 'demand' pattern for root 04/05...); one
        stated with "should" is a suggestion, the appeal (02x) of the same thing."""
        # the modal (an auxiliary of the verb) and the governor (the verb's head) are words of
        # the verb's sentence: most sentences have neither, even where the document has one
        if not in_sentence_with(token, OBLIGATION_WORDS):
            return None
        auxes = {c.lower_ for c in token.children if c.dep_ == "aux"}
        # "insisted that Ukrainian troops leave the region": the bare form is a demand too
        mandative = token.head.lemma_.lower() in MANDATIVE_GOVERNORS and is_subjunctive(token)
        if not (auxes & OBLIGATION_MODALS or mandative) or frame.passive:
            return None
        if any(c.dep_ == "neg" for c in token.children) or not frame.subjects:
            return None
        # a quotation opened by 'said:' and running on into this sentence is the speaker's too
        opener = quote_opener(token) if token.dep_ == "ROOT" and not mandative else None
        if token.dep_ != "ccomp" and opener is None:
            return None
        speech = opener or token.head
        if speech.lemma_.lower() not in OBLIGATION_SPEECH:
            return None
        inner = self.matcher.best_pattern(frame)
        root = inner.code[:2] if inner is not None else None
        suggested = not mandative and not ((auxes & OBLIGATION_MODALS) - SUGGESTION_MODALS)
        asks = self.lexicon.candidates("verb", SUGGESTING_VERB if suggested else DEMANDING_VERB)
        chosen = next((p for p in asks if root and root in p.comp), None) or next(
            (p for p in asks if p.specificity == 0), None
        )
        if chosen is None:
            return None
        if inner is not None:  # "must de-escalate": a demand to de-escalate (1056), as codes10
            # (and "should de-escalate" the appeal, 0256)
            chosen = yield_detail(chosen, {inner.code})
        return _speaker_against(speech, frame), chosen

    def retribution(self, token: Token, frame: Frame) -> Implied | None:
        """ "Netanyahu said Hezbollah will pay a heavy price": a reported promise that the
        clause's subject will pay is a threat by the speaker against it (the 'warn'
        pattern, 130); "Israel paid a heavy price in the war" is no event."""
        if token.lemma_.lower() != "pay" or token.dep_ != "ccomp" or not frame.subjects:
            return None
        if frame.passive or not stated_future(token) or is_negated_locally(token):
            return None
        # "a heavy price", "dearly"; a bare "the price" is as often a cost as a threat
        if not any(
            c.dep_ in ("dobj", "advmod")
            and c.lemma_.lower() in RETRIBUTION_WORDS
            and (c.dep_ == "advmod" or any(m.dep_ == "amod" for m in c.children))
            for c in token.children
        ):
            return None
        speech = token.head
        if speech.lemma_.lower() not in REPORTING_VERBS:
            return None
        warnings = self.lexicon.candidates("verb", "warn")
        chosen = next((p for p in warnings if p.specificity == 0), None)
        if chosen is None:
            return None
        return _speaker_against(speech, frame), chosen

    def judgement(self, token: Token) -> Implied | None:
        """ "'This is a war crime,' Zelenskiy said": a reported judgement of the form "X is
        <evaluation>" (or "X amounted to / constituted <evaluation>") is the speaker calling
        X that (the evaluative 'call' patterns: 111 for a crime or a provocation, 051 for a
        success)."""
        if token.dep_ != "ccomp" or (token.lemma_ != "be" and token.lemma_ not in EQUATING_VERBS):
            return None
        speech = token.head
        if speech.lemma_.lower() not in JUDGEMENT_SPEECH:
            return None
        said = _judged(token)
        if not said:
            return None
        if is_negated_locally(token) or any(is_negated_locally(s) for s in said):
            return self._denied_merit(token, speech, said)
        synthetic = Frame(
            speech,
            "verb",
            subjects=verb_frame(speech).subjects,
            objects=[c for c in token.children if c.dep_ == "nsubj"],
            predicates=said,
            lemma="call",
        )
        chosen = self.matcher.best_pattern(synthetic, only=EVALUATIVE_ROOTS)
        if chosen is None or chosen.obj is None or not chosen.obj.endswith("_EVALUATION"):
            return None
        return synthetic, chosen

    def _denied_merit(self, token: Token, speech: Token, said: list[Token]) -> Implied | None:
        """ "Berri said Israel was 'not serious' about withdrawing": denying a merit (an
        earnest word or praise) is criticism (111); a denied fault ("was not a provocation")
        is no event."""
        judged = [c for c in token.children if c.dep_ == "nsubj"]
        if not any(s.lemma_.lower() in EARNEST_WORDS for s in said) or not any(
            _named(j) for j in judged
        ):
            return None  # "said the situation was not serious": no one is criticised
        return speaker_criticism(self.lexicon, speech, judged, said)

    def joint_exercise(self, frame: Frame, pattern: Pattern, countries: int) -> Pattern | None:
        """ "French and Egyptian warships launched ten days of war games": exercises that
        forces of two or more countries hold together are military cooperation (062), not a
        show of force; the verb's 062 pattern ("launch EXERCISE with"), if it has one. Any
        other posture said to be joint ("increased joint patrols") is 062 too."""
        if countries >= 2 and pattern.code == JOINT_EXERCISE and not frame.preps.get("with"):
            # "Russian and Belarusian troops held joint drills near the Polish border": the
            # two are the partners, the border's country none
            return pattern
        if countries < 2 or pattern.code[:2] != POSTURE_ROOT:
            return None
        # "Indonesia and Malaysia increased joint patrols", "held joint drills near the Polish
        # border": said to be joint, whatever the verb (the border's country is no partner)
        said = any(
            c.dep_ == "amod" and c.lower_ in JOINT_WORDS for o in frame.objects for c in o.children
        )
        if pattern.obj != EXERCISE_CLASS:
            return replace(pattern, code=JOINT_EXERCISE) if said else None
        joint = [
            p
            for p in self.lexicon.candidates(frame.kind, frame.lemma or frame.pred.lemma_.lower())
            if p.code == JOINT_EXERCISE and p.obj == EXERCISE_CLASS
        ]
        chosen = min(joint, key=lambda p: p.specificity, default=None)
        return replace(pattern, code=JOINT_EXERCISE) if chosen is None and said else chosen

    def enacts(self, frame: Frame) -> bool:
        """ "The EU agreed to impose new sanctions on Belarus": agreeing to sanction is
        sanctioning, so the agreement is no event of its own (the sanctions are one)."""
        return frame.pred.lemma_.lower() in ENACTING_GOVERNORS and any(
            self.enacted(comp) for comp in frame.complements if comp.dep_ == "xcomp"
        )

    def enacted(self, pred: Token) -> bool:
        """Whether a predicate is an act a body does by agreeing or voting to do it."""
        head = pred.head
        if pred.dep_ != "xcomp" or head.lemma_.lower() not in ENACTING_GOVERNORS:
            return False
        pattern = self.matcher.best_pattern(verb_frame(pred))
        return pattern is not None and pattern.code[:2] in ENACTED_ROOTS

    def violent_sense(self, lemma: str) -> Pattern | None:
        """The plainest violent pattern of a noun ("strike" as an attack, not a walkout)."""
        violent = [
            p
            for p in self.lexicon.candidates("noun", lemma)
            if p.code[:2] in VIOLENT_ROOTS and p.obj is None
        ]
        return min(violent, key=lambda p: p.specificity, default=None)

    def _weapon_sense(self, noun: Token, lemma: str) -> Pattern | None:
        """The violent pattern of a weapon noun with its compounds ("missile strike" → 194)."""
        words = lemma.split()
        compounds = [
            c for c in noun.children if c.dep_ == "compound" and c.lemma_.lower() not in words
        ]
        own = Frame(noun, "noun", objects=compounds, lemma=lemma)
        return self.matcher.best_pattern(own, only=VIOLENT_ROOTS) or self.violent_sense(lemma)

    def _carried(self, noun: Token) -> Pattern | None:
        """A weapon the attackers were armed with, by the verb it makes ("armed with
        machetes" → the 'machete' pattern, 180)."""
        if noun.head.dep_ != "prep" or noun.head.head.lemma_.lower() != "arm":
            return None
        violent = [
            p
            for p in self.lexicon.candidates("verb", noun.lemma_.lower())
            if p.code[:2] in VIOLENT_ROOTS and p.obj is None
        ]
        return min(violent, key=lambda p: p.specificity, default=None)

    def by_instrument(
        self, built: list[tuple[Event, Token]], frame: Frame, consumed: set[int]
    ) -> list[tuple[Event, Token]]:
        """A violent verb takes the more specific code of the weapon or attack that did it:
        "A roadside bombing killed two policemen", "wounded two soldiers in a bomb attack",
        "suicide bombers killed 23 people" are bombings (183x), not plain force (190). When
        the verb's sides are known, the noun that lent its code gives no second event."""
        verb_code = built[0][0].cameo
        for noun in _instruments(frame.pred):
            lemma = self.matcher.noun_trigger(noun)
            sense = self._weapon_sense(noun, lemma) if lemma else self._carried(noun)
            if (
                sense is None
                or (_generic(sense.code) and sense.code[:2] == verb_code[:2])
                or not _generic(verb_code)
            ):
                # "in an attack" says nothing more than "killed"; "seized during its attack"
                # is still a hostage-taking
                continue
            code = self.cameo.get(sense.code)
            if all(e.source is not None and e.source.known for e, _ in built):
                consumed.add(noun.i)  # else the noun's own parties may name the attacker
            return [
                (
                    event.with_(
                        **code.event_fields(), pattern=f"{sense.where} via {event.pattern}"
                    ),
                    token,
                )
                for event, token in built
            ]
        return built

    def riots(self, built: list[tuple[Event, Token]]) -> list[tuple[Event, Token]]:
        """Force a crowd uses on its own state is a riot (CAMEO 145): "angry crowds stormed
        the government building in Yerevan and ransacked offices" → ARMCVL → ARMGOV 145."""
        riot = self.cameo.get(RIOT_CODE)
        return [
            (
                event.with_(**riot.event_fields(), pattern=f"riot via {event.pattern}")
                if _rioting(event)
                else event,
                token,
            )
            for event, token in built
        ]


def _rioting(event: Event) -> bool:
    source, target = event.source, event.target
    return (
        # 180: force by civilians (code_choice.by_agent) is a riot when done to their state
        (event.cameo_root == "19" or event.cameo.startswith("171") or event.cameo == "180")
        and source is not None
        and target is not None
        and bool(source.roles)
        and set(source.roles) <= CROWD_ROLES
        and bool(set(target.roles) & STATE_ROLES)
        and source.country is not None
        and target.country == source.country
    )


def _generic(code: str) -> bool:
    """A root or its plain 3-digit code (190 "use conventional military force")."""
    return len(code) == 2 or (len(code) == 3 and code.endswith("0"))


def _instruments(verb: Token) -> list[Token]:
    """The nouns that name what did a violent act: its subject ("A car bomb killed ..."), or
    the noun of an "in"/"by"/"with" phrase, its compound first ("killed in a car bomb
    explosion")."""
    out = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"]
    for prep in verb.children:
        if prep.dep_ in ("prep", "agent") and prep.lower_ in ("in", "by", "with", "during"):
            for o in prep.children:
                if o.dep_ == "pobj" and o.pos_ == "NOUN":
                    # "in a car bomb explosion": the bomb names the act better than the blast
                    out += [c for c in o.children if c.dep_ == "compound" and c.pos_ == "NOUN"]
                    out.append(o)
    # "attacked by militiamen armed with machetes": what the attackers carried
    return out + [w for noun in list(out) for w in _armed_with(noun)]


def _armed_with(noun: Token) -> list[Token]:
    return [
        o
        for acl in noun.children
        if acl.dep_ == "acl" and acl.lemma_.lower() == "arm"
        for prep in acl.children
        if prep.dep_ == "prep" and prep.lower_ == "with"
        for o in prep.children
        if o.dep_ == "pobj" and o.pos_ == "NOUN"
    ]


# What a protest is for is part of the protest: "staged a hunger strike to demand his
# resignation", "blocked roads demanding reforms", "rallied, saying he must resign" are one
# protest (14), not a protest and a demand (10) or a disapproval (11).
PROTEST_PURPOSE_ROOTS = frozenset({"10", "11"})
PURPOSE_DEPS = frozenset({"advcl", "xcomp", "acl", "ccomp", "conj", "pcomp", "prep", "dobj"})


def protest_purposes(events: list[tuple[Event, Token]]) -> list[tuple[Event, Token]]:
    """``events`` without the demands and disapprovals that only state what a protest of the
    same source, in the same sentence, was for."""
    protests: dict[int, set[int]] = {}  # sentence → trigger and object tokens of protests
    for event, token in events:
        if event.cameo_root == "14":
            near = protests.setdefault(event.sentence_index, set())
            near.add(token.i)
            near.update(c.i for c in token.children if c.dep_ in ("dobj", "pobj"))
            if token.dep_ in ("dobj", "pobj") and token.head.pos_ in ("VERB", "ADP"):
                near.add(token.head.i if token.head.pos_ == "VERB" else token.head.head.i)
    if not protests:
        return events
    return [(e, t) for e, t in events if not _protest_purpose(e, t, protests)]


def _protest_purpose(event: Event, token: Token, protests: dict[int, set[int]]) -> bool:
    near = protests.get(event.sentence_index)
    if near is None or event.cameo_root not in PROTEST_PURPOSE_ROOTS:
        return False
    step = token
    for _ in range(3):  # "to demand", "to press their demands", "in demanding a referendum"
        if step.dep_ not in PURPOSE_DEPS or step.head is step:
            return False
        if step.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in step.children):
            return False  # "protesters marched, and the minister demanded": a clause of its own
        step = step.head
        if step.i in near:
            return True
    return False


def _speaker_against(speech: Token, frame: Frame) -> Frame:
    """The reporting verb's own frame, aimed at the reported clause's subject: the speaker
    demands of it, or threatens it."""
    return Frame(
        speech,
        "verb",
        subjects=verb_frame(speech).subjects,
        objects=frame.subjects,
        lemma=speech.lemma_.lower(),
    )


def _named(judged: Token) -> bool:
    """Whether a judged phrase names someone: "Israel", "the Ukrainian proposal", "Moscow's
    offer" (not "the situation")."""
    return any(t.ent_type_ in NAMED_ENTITIES for t in judged.subtree if t.i <= judged.i)


def _judged(verb: Token) -> list[Token]:
    """What a reported clause says its subject is: the complement of "be" ("was a war
    crime"), the object of "constitute" or the "to" phrase of "amount" ("amounted to ethnic
    cleansing")."""
    if verb.lemma_ == "be":
        return [c for c in verb.children if c.dep_ in ("attr", "acomp")]
    prep = EQUATING_VERBS[verb.lemma_]
    if not prep:
        return [c for c in verb.children if c.dep_ == "dobj"]
    return [
        p
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == prep
        for p in c.children
        if p.dep_ == "pobj"
    ]


def speaker_criticism(
    lexicon: Lexicon, speech: Token, criticised: list[Token], said: list[Token]
) -> tuple[Frame, Pattern] | None:
    """The speaker's criticism (111) of ``criticised`` for what it is said to be or to have
    done (``said``): the lexicon's negative-evaluation row of "call" ("called the ruling
    biased") on a frame of the verb of saying, as :meth:`ClauseReader.judgement` and
    :func:`casus.engine.depictions.distorted_depiction` read it."""
    criticism = next(
        (
            p
            for p in lexicon.candidates("verb", "call")
            if p.code == CRITICISM and p.obj == NEGATIVE_EVALUATION
        ),
        None,
    )
    if criticism is None:
        return None
    frame = Frame(
        speech,
        "verb",
        subjects=verb_frame(speech).subjects,
        objects=criticised,
        predicates=said,
        lemma="call",
    )
    return frame, criticism


__all__ = ["DESCRIPTIVE_CODES", "VIOLENT_ROOTS", "ClauseReader", "speaker_criticism"]

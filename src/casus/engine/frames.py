"""Predicate–argument frames from the dependency parse.

A frame is a predicate (a verb, or a noun that names an event) with who acts (subjects, "by"
agents, subjects inherited through control, coordination, relative and participial clauses),
what is acted on (objects, passive subjects, object predicates), its prepositional phrases,
indirect objects and complement clauses. The event engine (``events.py``) codes frames. The
frame of a noun that names an event is read in ``noun_frames.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from casus.engine.agreed import concluded_objects
from casus.engine.as_predicates import as_predicates, label_appositions
from casus.engine.cargo import cargo
from casus.engine.clash_agents import clash_agents
from casus.engine.described import described_objects
from casus.engine.ellipsis import elided_object
from casus.engine.modality import REPORTING_VERBS
from casus.engine.phrases import of_object
from casus.engine.pronoun_objects import taken_up_objects
from casus.engine.resolver import QUANTIFIER_HEADS, Resolver
from casus.engine.undergone import received_from
from casus.engine.voice import (
    agentless_passive_clause,
    credited_doers,
    experiencer_passive,
    for_clause_subjects,
    participle_clause,
    participle_patients,
    raised_subjects,
)
from casus.model import Actor
from casus.ontology.words import word_list, word_sequence

if TYPE_CHECKING:
    from spacy.tokens import Token

    from casus.ontology.gazetteer import Gazetteer

BORDER_WORDS = word_list("border_words")
MEASURE_NOUNS = word_list("measure_nouns")

DOCUMENT_NOUNS = word_list("document_nouns")
ISSUING_VERBS = word_list("issuing_verbs")
SUBJECT_DEPS = ("nsubj", "csubj")
PLACE_TARGET_PREPS = word_sequence("place_target_preps")
RELATIVE_PRONOUNS = word_list("relative_pronouns")
INSTRUMENT_NOUNS = word_list("instrument_nouns")
# "according to", "due to": the inner preposition belongs to the phrase, not to the verb
COMPLEX_PREP_HEADS = word_list("complex_prep_heads")
# Adverb particles whose own prepositions say on whom: "struck **back** at Tehran"
ADVERB_PARTICLES = frozenset({"back", "out", "off", "away", "down", "up", "over", "in"})
AREA_WORDS = word_list("area_words")
# verbs of appeal whose prepositional object is the one asked to act: "called on Tehran to"
ADDRESSEE_VERBS = word_list("addressee_verbs")
ADDRESSEE_PREPS = ("on", "to", "with")
COMPASS_WORDS = word_list("compass_words")
NEGATED_PREFIXES = word_list("negated_prefixes")
AGENTIVE_ADJECTIVES = word_list("agentive_adjectives")
CONTACT_NOUNS = word_list("contact_nouns")  # "in contact with", "in talks with"
SPEAKER_VERBS = word_list("speaker_verbs")
DECISION_NOUNS = word_list("decision_nouns")


@dataclass
class Frame:
    """A predicate with its arguments (token heads)."""

    pred: Token
    kind: str  # verb | noun
    subjects: list[Token] = field(default_factory=list)
    objects: list[Token] = field(default_factory=list)
    preps: dict[str, list[Token]] = field(default_factory=dict)
    datives: list[Token] = field(default_factory=list)
    complements: list[Token] = field(default_factory=list)
    particles: set[str] = field(default_factory=set)
    passive: bool = False
    lemma: str = ""  # the lexicon lemma: "strike", or "air strike" for a compound trigger
    predicates: list[Token] = field(default_factory=list)  # object predicates ("persona non grata")
    mutual: bool = False  # the subjects act on each other ("talks between A and B")
    unnamed_agent: bool = False  # a presupposed act by no one named ("the attack on the embassy")


def with_conjuncts(token: Token) -> list[Token]:
    out = [token]
    stack = [c for c in token.children if c.dep_ == "conj"]
    while stack:
        t = stack.pop(0)
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ == "conj")
    return out


def unwrap_quantifier(token: Token) -> Token:
    """ "a number of its citizens" → citizens; "four of the diplomats" → diplomats; "25,000
    tons of food aid" → aid."""
    lemma = token.lemma_.lower()
    if lemma in QUANTIFIER_HEADS or lemma in MEASURE_NOUNS or token.pos_ in ("NUM", "ADJ"):
        counted = of_object(token) or elided_object(token)  # "expelled 25 more"
        if counted is not None:
            return counted
    return token


def prep_objects(token: Token, into: dict[str, list[Token]]) -> None:
    for child in token.children:
        dep = child.dep_
        if dep in ("prt", "advmod"):
            if child.lower_ in ADVERB_PARTICLES:
                prep_objects(child, into)  # "struck back at Tehran"
            continue
        if dep not in ("prep", "agent"):
            continue
        word = child.lower_
        if word == "with" and child.i > 0 and child.doc[child.i - 1].lemma_.lower() in BORDER_WORDS:
            continue  # "on the borders with Azerbaijan": the PP belongs to "borders"
        grands = list(child.children)  # walked twice: read once
        for grand in grands:
            if grand.dep_ == "pobj":
                into.setdefault(word, []).extend(with_conjuncts(grand))
            elif grand.dep_ == "prep" and word not in COMPLEX_PREP_HEADS:
                prep_objects(child, into)  # "away from", "out of"; not "according to"
        for grand in grands:  # "spoke by phone with Putin"
            if grand.dep_ == "pobj" and grand.lemma_.lower() in INSTRUMENT_NOUNS:
                prep_objects(grand, into)


def _bare_infinitive_after(verb: Token, clause: Token) -> bool:
    """ "swore to fight", "vowed to retaliate": an infinitive right after the verb, with no
    subject of its own, that the parser took for a purpose clause; or right after the one an
    appeal is addressed to: "France and Germany called on Tehran to free the detainees",
    "appealed to Hamas to release the hostages" (the parser's choice varies with the subject)."""
    if clause.pos_ != "VERB" or any(c.dep_ in SUBJECT_DEPS for c in clause.children):
        return False
    doc = verb.doc
    if clause.i == verb.i + 2 and doc[verb.i + 1].lower_ == "to":
        return True
    start = clause.left_edge.i  # the "to" of the infinitive
    if doc[start].lower_ != "to" or start == clause.i:
        return False
    return verb.lemma_.lower() in ADDRESSEE_VERBS and any(
        c.dep_ == "prep" and c.lower_ in ADDRESSEE_PREPS and c.right_edge.i + 1 == start
        for c in verb.children
    )


def _particle_before_from(adverb: Token) -> bool:
    """ "stepped back from the ridge", "moved away from the border": an adverb particle that
    the parser took for a modifier because a "from"/"of" phrase hangs on it."""
    return adverb.lower_ in ("out", "away", "back") and any(
        g.dep_ == "prep" and g.lower_ in ("of", "from") for g in adverb.children
    )


def verb_frame(verb: Token, depth: int = 0) -> Frame:
    """The frame of a verb, inheriting a missing subject from its governor."""
    frame = Frame(verb, "verb", lemma=verb.lemma_.lower())
    stative = experiencer_passive(verb)  # "Israel is opposed to ...": Israel opposes
    passive = False  # a passive subject or auxiliary, seen in the one walk over the children
    for child in verb.children:
        dep = child.dep_
        passive = passive or dep in ("nsubjpass", "auxpass")
        if dep in SUBJECT_DEPS:
            frame.subjects.extend(with_conjuncts(child))
        elif dep == "nsubjpass":
            (frame.subjects if stative else frame.objects).extend(with_conjuncts(child))
        elif dep == "agent" and not stative:  # "was alarmed by the assault": no agent
            for grand in child.children:
                if grand.dep_ == "pobj":
                    frame.subjects.extend(with_conjuncts(grand))
        elif dep in ("dobj", "attr"):
            frame.objects.extend(with_conjuncts(child))
            # "held the Zionist regime responsible": spaCy makes the object predicate an
            # adjective after the noun
            frame.predicates.extend(
                a for a in child.children if a.dep_ == "amod" and a.i > child.i and dep == "dobj"
            )
        elif dep in ("dative", "iobj"):
            if child.pos_ == "ADP":  # "provided weapons to Azerbaijan" (parsed as dative)
                pobjs = [g for g in child.children if g.dep_ == "pobj"]
                for pobj in pobjs:
                    frame.preps.setdefault(child.lower_, []).extend(with_conjuncts(pobj))
                    frame.datives.extend(with_conjuncts(pobj))
            else:
                frame.datives.extend(with_conjuncts(child))
        elif dep in ("ccomp", "xcomp", "oprd"):
            frame.complements.append(child)
            frame.objects.extend(raised_subjects(verb, child))  # "wants Beijing to release"
            if dep == "oprd" or child.pos_ != "VERB" or child.lemma_ == "be":
                frame.predicates.append(child)  # "declared them persona non grata"
        elif dep == "advcl" and (held := for_clause_subjects(verb, child)):
            frame.preps.setdefault("for", []).extend(held)  # "calls for calm to be restored"
            frame.complements.append(child)
        elif dep == "advcl" and _bare_infinitive_after(verb, child):
            frame.complements.append(child)  # "have sworn to fight", parsed as a purpose
        elif dep == "prt" or (dep == "advmod" and _particle_before_from(child)):
            frame.particles.add(child.lower_)  # "stepped back from the heights"
        elif dep == "prep":
            if child.lower_ in ("out", "away", "back") and any(
                g.dep_ == "prep" and g.lower_ in ("of", "from") for g in child.children
            ):
                frame.particles.add(child.lower_)  # "forced the agency out of the country"
            pcomps = [g for g in child.children if g.dep_ == "pcomp"]
            if pcomps:  # "accused Baku of attacking": the complement is the accusation
                frame.complements.extend(pcomps)
            elif not any(g.dep_ == "pobj" for g in child.children):
                frame.particles.add(child.lower_)
    frame.passive = not stative and passive
    frame.objects = taken_up_objects(verb, frame.objects)  # "declared a truce and broke it"
    if not frame.objects and not frame.passive:
        frame.objects.extend(
            _shifted_objects(verb) or described_objects(verb) or concluded_objects(verb)
        )
    labels = as_predicates(verb) + label_appositions(verb)  # "called the verdict an attack"
    frame.predicates.extend(p for p in labels if p not in frame.predicates)
    prep_objects(verb, frame.preps)
    if stative and not frame.objects:  # "is opposed to French mediation": what is opposed
        frame.objects.extend(o for o in frame.preps.get("to", []) if o.pos_ == "NOUN")
    frame.preps.pop("by", None) if frame.passive and "by" in frame.preps and any(
        c.dep_ == "agent" for c in verb.children
    ) else None
    for obj in frame.objects:
        prep_objects(obj, frame.preps)
    received_from(verb, frame)  # "received aid from Chile": Chile gives
    frame.objects.extend(cargo(frame.objects))  # "sent planes carrying doctors"
    if frame.passive and not frame.subjects:
        # "were declared persona non grata by Azerbaijan": the agent hangs off the predicate
        for pred in frame.predicates + [c for c in verb.children if c.dep_ == "oprd"]:
            inner: dict[str, list[Token]] = {}
            prep_objects(pred, inner)
            frame.subjects.extend(inner.get("by", []))
        frame.subjects.extend(clash_agents(verb))  # "were killed in clashes with police"
    relative = [t for t in frame.subjects + frame.objects if t.lower_ in RELATIVE_PRONOUNS]
    if relative and verb.dep_ == "relcl":
        # "Azerbaijan, which accused Iran ...": the relative pronoun stands for the head noun
        head = with_conjuncts(verb.head)
        if any(t in frame.subjects for t in relative):
            frame.subjects = [t for t in frame.subjects if t not in relative] + head
        else:
            frame.objects = [t for t in frame.objects if t not in relative] + head
    if not frame.objects:
        frame.objects.extend(participle_patients(verb))  # "Asked by Baku to mediate, Turkey"
    if not frame.subjects and depth < 6:
        frame.subjects = _inherited_subjects(verb, frame, depth)
    return frame


def _shifted_objects(verb: Token) -> list[Token]:
    """An object shifted past the verb's "as" phrase, which the parser hangs on that phrase:
    "denounced as an ugly crime Serbia's crackdown" (an apposition), "condemned as a
    violation Belarus's treatment of ..." (a second object of "as"), "denounced as illegal
    Turkey's plan" (an adjective, then a possessed noun)."""
    found: list[Token] = []
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ != "as":
            continue
        pobjs = [o for o in prep.children if o.dep_ == "pobj"]
        found += pobjs[1:]
        for o in pobjs[:1]:
            found += [a for a in o.children if a.dep_ == "appos" and a.i > o.i]
            after = prep.doc[prep.i + 1] if prep.i + 1 < len(prep.doc) else None
            if (
                after is not None
                and after.pos_ == "ADJ"
                and any(c.dep_ == "poss" and c.i > after.i for c in o.children)
                and after.i >= o.left_edge.i
            ):
                found.append(o)  # "as illegal Turkey's plan"
    return found


def _inherited_subjects(verb: Token, frame: Frame, depth: int) -> list[Token]:
    dep, head = verb.dep_, verb.head
    if head.i == verb.i:
        return []
    if dep == "xcomp":
        governor = verb_frame(head, depth + 1) if head.pos_ in ("VERB", "AUX") else None
        if governor is not None:
            # object control: "persuade Azerbaijan to de-escalate", "urged Iran to stop"
            controller = [o for o in governor.objects if o.dep_ == "dobj"]
            if not controller and governor.passive and not governor.subjects:
                # "Iran and Turkey are expected to meet": the raised passive subject
                controller = [o for o in governor.objects if o.dep_ == "nsubjpass"]
                controller = [c for o in controller for c in with_conjuncts(o)]
            return controller or governor.subjects
        if head.pos_ == "ADJ":  # "was willing to normalize"
            return verb_frame(head.head, depth + 1).subjects if head.head.i != head.i else []
        return []
    if agentless_passive_clause(verb):  # "after the ceasefire was declared": by no one named
        return []
    if dep in ("conj", "advcl", "pcomp") or (dep == "ccomp" and verb.tag_ == "VBG"):
        anchor = head
        if dep == "conj" and _said_and(verb):
            anchor = head.head
        stranded = _stranded_subject(verb)
        if stranded is not None:
            return [stranded]
        if dep == "pcomp":  # "after signing", "by expelling"
            anchor = head.head
            # "are guilty of violating the ceasefire", "thanked Turkey for hosting the talks"
            holders = agentive_holders(head) or credited_doers(head)
            if holders:
                return [h for t in holders for h in with_conjuncts(t)]
        if anchor.pos_ in ("VERB", "AUX"):
            governor = verb_frame(anchor, depth + 1)
            if participle_clause(verb):  # "Asked whether ..., Peskov said": Peskov is asked
                frame.objects[:0] = governor.subjects
                return []
            patients = [o for o in governor.objects if o.dep_ == "nsubjpass"]
            if dep == "conj" and patients and verb.tag_ != "VBN":
                # "was indicted by the court and will resign": the one indicted resigns
                return [p for o in patients for p in with_conjuncts(o)]
            return governor.subjects
        return []
    if dep == "relcl":
        rel = [c for c in verb.children if c.lower_ in ("who", "which", "that")]
        if rel and rel[0].dep_ in ("nsubj", "nsubjpass"):
            if rel[0].dep_ == "nsubjpass":
                frame.objects = [head] + [o for o in frame.objects if o.i != rel[0].i]
                return []
            return with_conjuncts(head)
        return []
    if dep == "acl":
        if verb.tag_ == "VBN":  # "the diplomats expelled by Baku"
            frame.objects.insert(0, head)
            return []
        issuers = _issuers(head, depth)
        if issuers is not None:
            # "issued a statement demanding that ...": the text speaks for whoever issued it
            return issuers
        own = [c for c in head.children if c.dep_ == "poss"]
        if own and head.lemma_.lower() in DECISION_NOUNS:
            return with_conjuncts(own[0])  # "Azerbaijan's decision to expel four diplomats"
        return with_conjuncts(head)  # "countries supporting the resolution"
    return []


def _stranded_subject(verb: Token) -> Token | None:
    """The name just before a subjectless participle that the parser took for a conjunct of
    the object before it: "with Germany halting the certification of the pipeline and
    **Washington targeting** two Russian state banks" (Washington targets, not Germany)."""
    if verb.tag_ != "VBG" or verb.i == 0:
        return None
    before = verb.doc[verb.i - 1]
    if before.pos_ != "PROPN" or before.dep_ != "conj" or before.head.i >= before.i:
        return None
    if any(c.dep_ == "cc" for c in before.head.children) and before.head.pos_ != "PROPN":
        return before  # a name coordinated with a common noun is a new clause's subject
    return None


def _said_and(verb: Token) -> bool:
    """Whether a speaker's act is conjoined to the clause its speaker reports (a common
    misparse): "The embassy said the incident had nothing to do with Moscow and **accused**
    Finnish officials of spy mania" (the embassy accuses, not the incident)."""
    head = verb.head
    # a reported clause about a thing, not an actor ("said China opposed ... and urged
    # Washington": China may urge too)
    reported = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    return (
        verb.lemma_.lower() in SPEAKER_VERBS
        and head.dep_ == "ccomp"
        and head.head.pos_ in ("VERB", "AUX")
        and head.head.lemma_.lower() in REPORTING_VERBS
        and verb.tag_ == head.head.tag_
        and all(c.pos_ not in ("PROPN", "PRON") and not c.ent_type_ for c in reported)
    )


def _issuers(document: Token, depth: int) -> list[Token] | None:
    """Who issued a text: "a statement **by the ministry**", "**Iran's** letter", "**Turkey**
    issued a statement", "**Iran** said in a statement"; ``None`` for no text, or one whose
    issuer the sentence does not give ("opposed a statement criticising ...")."""
    if document.lemma_.lower() not in DOCUMENT_NOUNS:
        return None
    own = [c for c in document.children if c.dep_ == "poss"] + [
        o for c in document.children if c.dep_ == "prep" and c.lower_ == "by" for o in c.children
    ]
    if own:
        return [t for o in own if o.dep_ in ("poss", "pobj") for t in with_conjuncts(o)]
    head = document.head
    if document.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    elif document.dep_ not in ("dobj", "nsubjpass"):
        return None
    if head.pos_ not in ("VERB", "AUX") or head.lemma_.lower() not in ISSUING_VERBS:
        return None
    return verb_frame(head, depth + 1).subjects


def agentive_holders(prep: Token) -> list[Token]:
    """Who a copular clause says did the act its preposition names: "the government is
    responsible for mass killings", "Serb forces were engaged in ethnic cleansing", "Hamas
    was behind the attack", "Egypt remained in contact with Hamas"."""
    word = prep.lower_
    held = word == "in" and any(c.lemma_.lower() in CONTACT_NOUNS for c in prep.children)
    if (word == "behind" or held) and prep.head.lemma_ in ("be", "remain", "stay"):
        clause = prep.head  # "Egypt remained in contact with Hamas": Egypt holds it
    elif word in ("for", "of", "in") and prep.head.lemma_.lower() in AGENTIVE_ADJECTIVES:
        clause = prep.head.head if prep.head.dep_ == "acomp" else prep.head
    else:
        return []
    return [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]


def argument_tokens(frame: Frame) -> list[Token]:
    """Every token in the frame's objects and prepositional phrases, in text order."""
    heads = list(frame.objects) + [t for p in PLACE_TARGET_PREPS for t in frame.preps.get(p, [])]
    seen: dict[int, Token] = {}
    for head in heads:
        for token in head.subtree:
            seen[token.i] = token
    return [seen[i] for i in sorted(seen)]


def place_in(
    tokens: list[Token], gazetteer: Gazetteer, avoid: str | None
) -> tuple[Token, str] | None:
    """The first proper name among ``tokens`` that the gazetteer places in a country other than
    ``avoid``."""
    for token in tokens:
        # "in Nangarhar province": the area noun heads the name
        area = token.lower_ in AREA_WORDS and any(
            c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < token.i for c in token.children
        )
        if (
            (token.pos_ != "PROPN" and not area)
            or token.dep_ == "compound"
            or token.ent_type_ in ("PERSON", "NORP")
            or (token.ent_type_ == "ORG" and not _locative(token))
        ):
            continue
        parts = [
            t
            for t in token.subtree
            if t.i == token.i or (t.dep_ == "compound" and t.head.i == token.i)
        ]
        place = gazetteer.lookup(" ".join(t.text for t in parts), (avoid or "",))
        if place is None and parts[0].lower_ in COMPASS_WORDS:  # "in east Bosnia"
            place = gazetteer.lookup(" ".join(t.text for t in parts[1:]), (avoid or "",))
        if place is not None and place.country is not None and place.country != avoid:
            return token, place.country
    return None


def _locative(token: Token) -> bool:
    """A name after a preposition of place, which the entity tagger may still call an
    organisation: "a police station in **Quetta** was attacked" (tagged ORG)."""
    return token.dep_ == "pobj" and token.head.lower_ in ("in", "near", "outside", "at")


def border_neighbour(border: Token) -> Token | None:
    """The country named in "the border with X" / "X's border" (also when the parser has
    attached "with X" elsewhere)."""
    for child in border.children:
        if child.dep_ == "prep" and child.lower_ in ("with", "of"):
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    doc = border.doc
    if border.i + 1 < len(doc) and doc[border.i + 1].lower_ == "with":
        return next((g for g in doc[border.i + 1].children if g.dep_ == "pobj"), None)
    return None


def prefixed(token: Token) -> bool:
    doc = token.doc
    i = token.i
    return (i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in NEGATED_PREFIXES) or (
        token.lower_.split("-")[0] in NEGATED_PREFIXES and "-" in token.text
    )


def passive_victims(verb: Token) -> list[Token]:
    if verb.pos_ != "VERB" or verb.lemma_.lower() in AGENTIVE_ADJECTIVES:
        return []  # "were involved in the attack": the doers, not its victims
    return [c for c in verb.children if c.dep_ == "nsubjpass"]


def verb_ancestor(token: Token, hops: int = 4) -> Token | None:
    t = token
    for _ in range(hops):
        if t.head.i == t.i:
            return None
        t = t.head
        if t.pos_ == "VERB":
            return t
    return None


def demonym_actor(token: Token, resolver: Resolver) -> Actor | None:
    # a demonym of two words is parsed as a modifier and its head ("North Korean entities":
    # North → Korean), so the words from the token's left edge are tried first
    firsts = [token.left_edge.i, token.i] if token.left_edge.i < token.i else [token.i]
    for span in (token.doc[first : token.i + 1] for first in firsts):
        for entry in resolver.dictionary.lookup(span.text, resolver.day):
            if entry.kind == "adj":
                start = span.start_char + resolver.offset
                end = start + len(span.text)
                return Actor(entry.code, entry.code[:3], (), span.text, start, end, "dictionary")
    return None

"""Pronouns and definite descriptions by salience (docs/actors.md): "he", "it", "we" and
"the ministry", "the group" refer back over the resolver's earlier mentions; the subject of a
reporting verb is the speaker of the clause it reports.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from casus.engine.antecedents import (
    STATE_OFFICES,
    bound_by,
    filed_office,
    filed_state,
    is_state_head,
    office_antecedent,
    speaker_over_reported,
    state_antecedent,
)
from casus.engine.context import country_evidence, is_country
from casus.engine.gender import agreeing_in_gender
from casus.engine.listed_members import listed_members
from casus.engine.modality import REPORTING_VERBS
from casus.engine.patients import passive_patient
from casus.engine.phrases import clause_subject, compatible, kind_of
from casus.engine.sentences import sentence_of
from casus.model import Actor
from casus.ontology.words import word_list, word_values

if TYPE_CHECKING:
    from spacy.tokens import Token

    from casus.engine.resolver import Resolver, _Seen

ALL_PRONOUNS = word_values("pronoun_kinds")
DEFINITE_HEADS = word_values("definite_heads")
DEFINITE_DETS = word_list("definite_dets")
IGO_HEADS = word_values("igo_heads")
DOMESTIC_PORTFOLIOS = word_list("domestic_portfolios")
HOME_FORCE_HEADS = word_list("home_force_heads")
FORCE_ROLES = frozenset({"MIL"})
# Definite heads that refer back to a non-state armed group, and that group's roles.
ARMED_GROUP_HEADS = frozenset({"group", "militant", "rebel", "militia", "movement"})
NONSTATE_ROLES = frozenset({"REB", "INS", "SEP", "RAD", "UAF"})
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
PLURAL_NOUN = "NNS"
# Titles of a head of state: a definite one refers back to a state's person, never an IGO's.
# The title of an organisation's head that "the Secretary-General" repeats.
SECRETARY_GENERAL = ("secretary", "general")
STATE_TITLES = frozenset({"president", "king", "queen", "emir", "sultan", "monarch"})
# Honorifics that, with "his" or "her" and no name, stand for a person named before, as "he"
# does: "Sheikh Abdullah signed the accord. In his address, His Highness thanked Trump".
HONORIFIC_HEADS = frozenset({"highness", "majesty", "excellency", "holiness", "eminence"})
HONORIFIC_POSSESSIVES = frozenset({"his", "her"})
# People a side calls its peers, who are whoever sits in the place named after them: "ready to
# work with our brothers in Cairo and Khartoum", "consulted its partners in Brussels".
PEER_NOUNS = frozenset(
    {
        "brother",
        "sister",
        "friend",
        "partner",
        "ally",
        "counterpart",
        "colleague",
        "neighbour",
        "neighbor",
    }
)
PEER_PLACE = "in"
# Pronouns that may say a quote in which "we" is the speaker's side: "“We ...,” he said".
QUOTING_PRONOUNS = frozenset({"he", "she", "it", "they"})


def pronoun(resolver: Resolver, token: Token) -> Actor | None:
    """The actor a pronoun stands for: "we" the speaker of its quote, a reported subject
    pronoun its reporter, else the most salient earlier mention of its kind."""
    kind = ALL_PRONOUNS.get(token.lower_)
    if kind is None:
        return None
    span = (token.idx + resolver.offset, token.idx + len(token.text) + resolver.offset)
    if kind == "speaker":
        found = _speaker_of(resolver, token)
    else:
        found = _reporter(resolver, token, kind) or _salient(resolver, token, kind)
    if found is None:
        return None
    return Actor(found.code, found.country, found.roles, token.text, span[0], span[1], "pronoun")


def honorific(resolver: Resolver, head: Token) -> Actor | None:
    """The person "His Highness" or "Her Majesty" stands for: the reporter of its clause or the
    most salient earlier person, as for "he" ("His Highness the Emir" too: the title in
    apposition names no one new). None for any other phrase."""
    if head.lower_ not in HONORIFIC_HEADS or not any(
        c.dep_ == "poss" and c.lower_ in HONORIFIC_POSSESSIVES for c in head.children
    ):
        return None
    if any(_named_apposition(c) for c in head.children):
        return None  # "His Highness Sheikh Abdullah bin Zayed": the name says who
    found = (
        _titled(resolver, head)
        or _reporter(resolver, head, "person")
        or _salient(resolver, head, "person")
    )
    if found is None:
        return None
    start = min(c.idx for c in head.children if c.dep_ == "poss") + resolver.offset
    end = head.idx + len(head.text) + resolver.offset
    text = head.doc.text[start - resolver.offset : end - resolver.offset]
    return Actor(found.code, found.country, found.roles, text, start, end, "pronoun")


def peers_in(resolver: Resolver, head: Token) -> Actor | None:
    """The side that peers "in" a place are: "our brothers in Cairo" → Egypt's, as the place
    names it (a capital its government). None unless the place is a known actor."""
    if head.lemma_.lower() not in PEER_NOUNS:
        return None
    place = next(
        (
            p
            for c in head.children
            if c.dep_ == "prep" and c.lower_ == PEER_PLACE
            for p in c.children
            if p.dep_ == "pobj"
        ),
        None,
    )
    found = resolver.actor_for(place) if place is not None else None
    return found if found is not None and found.code else None


def _named_apposition(child: Token) -> bool:
    """A name in apposition ("Sheikh Abdullah"), not a title with its article ("the Emir")."""
    return (
        child.dep_ == "appos"
        and child.pos_ == "PROPN"
        and not any(c.dep_ == "det" for c in child.children)
    )


def _titled(resolver: Resolver, head: Token) -> Actor | None:
    """The last person named with the same honorific: "His Highness Sheikh Abdullah ...
    signed the accord at a ceremony hosted by President Trump. ... His Highness thanked
    President Trump" → the sheikh, not the last person named."""
    doc = head.doc
    for seen in reversed(resolver.earlier(head)):
        named = doc[seen.token]
        if seen.kind == "person" and any(
            t.lower_ == head.lower_ for t in doc[named.left_edge.i : named.i + 1]
        ):
            return seen.actor
    return None


def reporters(resolver: Resolver, token: Token) -> list[Actor]:
    """Every conjunct of a coordinated speaker that reports a clause whose subject is "they"
    or "we": "The United States and the Arab League said they backed Somalia" → both. Empty
    when the speaker is one actor (:func:`pronoun` then finds it)."""
    if token.lower_ not in ("they", "we") or token.dep_ not in ("nsubj", "nsubjpass"):
        return []
    clause = token.head
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in REPORTING_VERBS:
        return []
    speaker = next((c for c in clause.head.children if c.dep_ == "nsubj" and c.i < token.i), None)
    if speaker is None or speaker.pos_ == "PRON":
        return []
    conjuncts = [speaker] + [c for c in speaker.children if c.dep_ == "conj"]
    if len(conjuncts) < 2:
        return []
    span = (token.idx + resolver.offset, token.idx + len(token.text) + resolver.offset)
    found = [a for c in conjuncts if (a := resolver.actor_for(c)) is not None and a.known]
    return [
        Actor(a.code, a.country, a.roles, token.text, span[0], span[1], "pronoun") for a in found
    ]


def _reporter(resolver: Resolver, token: Token, kind: str) -> Actor | None:
    """The subject pronoun of a reported clause is whoever reports it, when they agree:
    "Japarov said he was prepared to meet Rahmon" → he = Japarov, even when casus cannot
    code Japarov (then the side is unresolved, never the last person coded before); "they" is
    plural reporters ("Iranian officials said they would meet …")."""
    if token.dep_ not in ("nsubj", "nsubjpass"):
        return None
    clause = token.head
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in REPORTING_VERBS:
        return None
    speaker = next((c for c in clause.head.children if c.dep_ == "nsubj" and c.i < token.i), None)
    if speaker is None or speaker.pos_ == "PRON":
        return None
    actor = resolver.actor_for(speaker)
    if actor is None:
        return None
    # "Iranian officials said they would meet ...": people in the plural are "they"
    plural = kind == "group" and speaker.tag_ in ("NNS", "NNPS") and actor.how != "person"
    return actor if plural or compatible(kind_of(actor, speaker), kind) else None


def _plural(subject: Token) -> bool:
    """Whether a subject can be "they": a plural noun or coordinated ones ("Iran and Iraq")."""
    return subject.tag_ in PLURAL_TAGS or any(c.dep_ == "conj" for c in subject.children)


def _governs(subject: Token, possessive: Token) -> bool:
    """Whether ``subject`` is the subject of the verb of the possessive's noun, or of a verb
    that one is conjoined to ("criticised the peacekeepers and demanded their withdrawal")."""
    verb = possessive.head.head
    return subject.head == verb or (verb.dep_ == "conj" and verb.head == subject.head)


def _salient(
    resolver: Resolver, token: Token, kind: str, *, states_only: bool = False
) -> Actor | None:
    """Most recent compatible earlier mention. Subject pronouns prefer earlier subjects;
    object and possessive pronouns avoid their own clause's subject unless possessive
    ("Baku arrested its citizens": its = Baku); an object pronoun never stands for what its
    clause's subject names (:func:`bound_by`). ``states_only``: only a state's mentions."""
    before = resolver.recent(token)
    # people in the plural are "they"/"them" too: "ordered three French diplomats to leave,
    # accusing them of subversive activities" → the diplomats
    # (a common noun: "Guterres" and "Harris" are tagged NNPS, and are one person)
    agreeing = [
        m
        for m in before
        if compatible(m.kind, kind)
        or (kind == "group" and m.kind == "person" and token.doc[m.token].tag_ == PLURAL_NOUN)
    ]
    if states_only:
        agreeing = [m for m in agreeing if m.actor.country and is_country(m.actor.country)]
    if token.tag_ == PLURAL_NOUN:
        # "the military leaders summoned ministers": many people are no one person named before
        agreeing = [m for m in agreeing if m.actor.how != "person"]
    if not agreeing:
        return None
    agreeing = agreeing_in_gender(token, agreeing)  # "Baerbock met Lavrov. She …"
    subject = clause_subject(token)
    subject_actor = None
    if subject is not None and subject.i != token.i and subject.i < token.i:
        subject_actor = resolver.cached(subject.i)
    if token.dep_ == "poss" and subject is not None and listed_members(subject, resolver.actor_for):
        return None  # "the members — Mali and Niger — recalled their ambassadors": each its own
    # "France recognised their council": not France (a singular subject of the same verb)
    if (
        token.dep_ == "poss"
        and subject is not None
        and subject_actor is not None
        and subject_actor.code
        and (kind != "group" or _plural(subject) or not _governs(subject, token))
    ):
        return subject_actor
    if passive_patient(token):
        # "Police detained five activists. They were beaten": the earlier patients
        patients = [
            m
            for m in agreeing
            if not m.subject and m.kind != "thing" and m.sentence >= agreeing[-1].sentence - 1
        ]
        if patients:
            return patients[-1].actor
    if token.dep_ in ("nsubj", "nsubjpass"):
        earlier = [m for m in agreeing if m.subject]
        if earlier:
            # "NATO said Russia was massing troops. It called on Moscow ..." → NATO
            speaker = speaker_over_reported(token, earlier, resolver.sentence_of(token))
            return (speaker or earlier[-1]).actor
        return agreeing[-1].actor
    if (
        token.pos_ == "PRON"
        and token.dep_ != "poss"
        and subject is not None
        and subject.i < token.i
    ):
        # "Jordan's foreign minister called it a serious escalation": "it" is neither the
        # minister nor Jordan, nor anything else named in its own clause's subject
        agreeing = [m for m in agreeing if not bound_by(subject, m)]
        if not agreeing:
            return None
    avoid = subject_actor.code if subject_actor is not None else None
    for m in reversed(agreeing):
        if m.actor.code != avoid:
            return m.actor
    return agreeing[-1].actor


def _speaker_of(resolver: Resolver, token: Token) -> Actor | None:
    """ "we"/"our": the subject of the sentence's reporting verb, the speaker of the quote
    the pronoun is usually in ("“We consider ...,” said Kanani"); a third-person pronoun
    there stands for the speaker named before ("“We are ready to work with Cairo,” he
    said")."""
    for t in sentence_of(token):
        if t.lemma_ in ("say", "tell", "add", "state") and t.i != token.i:
            for child in t.children:
                if (
                    child.dep_ == "nsubj"
                    and child.i != token.i
                    and (child.pos_ != "PRON" or child.lower_ in QUOTING_PRONOUNS)
                ):
                    return resolver.actor_for(child)
    return None


def definite(resolver: Resolver, head: Token, tokens: list[Token]) -> Actor | None:
    igo = _organisation(resolver, head, tokens)
    if igo is not None:
        return igo
    kind = DEFINITE_HEADS.get(head.lemma_.lower())
    if kind is None or head.pos_ not in ("NOUN", "PROPN"):
        return None
    dets = [t for t in tokens if t.dep_ == "det" and t.lower_ in DEFINITE_DETS]
    if not dets:
        return None
    office = filed_office(resolver, head, tokens)  # "MANILA — ... The foreign ministry said"
    if office is not None:
        return office
    portfolio = {t.lower_ for t in tokens} & DOMESTIC_PORTFOLIOS
    if portfolio:
        # "the Interior Ministry" is the one named before with its country ("Georgia's
        # interior ministry"), else the article's country (docs/actors.md), never the
        # last state named
        return next(
            (
                m.actor
                for m in reversed(resolver.recent(head))
                if m.actor.country and portfolio & set(m.actor.text.lower().split())
            ),
            None,
        )
    if head.lemma_.lower() in HOME_FORCE_HEADS:
        return _home_forces(resolver.recent(head)) or filed_state(resolver, head)
    if head.lemma_.lower() in ARMED_GROUP_HEADS:
        # "Israel blamed Hezbollah for the strike. The group denied it": a group, not the
        # state that was the last subject
        armed = next(
            (
                m.actor
                for m in reversed(resolver.recent(head))
                if set(m.actor.roles) & NONSTATE_ROLES or m.actor.country == "IMG"
            ),
            None,
        )
        if armed is not None:
            return armed
    if is_state_head(head):
        return state_antecedent(resolver, head)
    if head.lemma_.lower() in STATE_OFFICES:
        return office_antecedent(resolver, head)  # never an organisation's envoy
    if head.lemma_.lower() in STATE_TITLES and not _of_phrase(head):
        # "Guterres condemned the coup. Soldiers detained the president": a state's, not
        # the Secretary-General (the president "of the Commission" says whose he is)
        return _salient(resolver, head, kind, states_only=True)
    return _salient(resolver, head, "thing" if kind == "thing" else kind)


def _of_phrase(head: Token) -> bool:
    return any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children)


def _home_forces(recent: list[_Seen]) -> Actor | None:
    """What "the army" refers back to: an earlier armed force with a country ("Malian
    troops ... the army"), else the country the story has named most so far (the first of
    those named as often), never merely the last state named: "Rebels attacked a base in
    Mali. France condemned the attack. The army said it killed ten rebels" → MLI."""
    for seen in reversed(recent):
        if seen.actor.country and FORCE_ROLES & set(seen.actor.roles):
            return seen.actor
    named = [c for c in (country_evidence(m.actor) for m in recent) if c is not None]
    if not named:
        return None  # "NIAMEY — The army said …": where the story was filed (filed_state)
    counts = Counter(named)  # insertion order breaks ties: the first named wins
    home = max(counts, key=lambda c: counts[c])
    return next(m.actor for m in reversed(recent) if country_evidence(m.actor) == home)


def _organisation(resolver: Resolver, head: Token, tokens: list[Token]) -> Actor | None:
    """The organisation a definite head refers back to: "ECOWAS said ... The regional bloc
    suspended Niger" → ECOWAS (an IGO); "the Commission" or "the committee" only a body whose
    name says so, a state's too ("The European Commission announced aid. The Commission
    welcomes ..."; "Pakistan's National Security Committee ... The committee accused India")."""
    lemma = head.lemma_.lower()
    if not any(t.dep_ == "det" and t.lower_ in DEFINITE_DETS for t in tokens):
        return None
    if _secretary_general(head, tokens):
        return _holder_of(resolver, head, SECRETARY_GENERAL)
    how = IGO_HEADS.get(lemma)
    if how is None:
        return None
    for seen in reversed(resolver.recent(head)):
        actor = seen.actor
        if actor.code is None or _venue(head, seen.token):
            continue
        # "the bloc" is an IGO; "the committee" any body whose name says committee, a state's
        # too: "Pakistan's National Security Committee met. The committee accused India ..."
        if how == "any" and actor.code.startswith("IGO"):
            return actor
        if how == "named" and lemma in actor.text.lower():
            return actor
    return None


def _secretary_general(head: Token, tokens: list[Token]) -> bool:
    """Whether a definite phrase is "the Secretary-General" (parsed "Secretary - General")."""
    words = [t.lower_ for t in tokens if t.is_alpha]
    return head.lower_ == "general" and words[-2:] == list(SECRETARY_GENERAL)


def titled_head(head: Token) -> bool:
    """Whether a head is the title "Secretary-General" (or "Secretary General"): resolved by
    the title, the phrase is as sure as a name, so a later "he" may refer to it ("The
    Secretary-General is deeply concerned … He urges all parties …")."""
    before = [t.lower_ for t in head.doc[max(0, head.i - 2) : head.i] if t.is_alpha]
    return head.lower_ == "general" and bool(before) and before[-1] == SECRETARY_GENERAL[0]


def _holder_of(resolver: Resolver, head: Token, title: tuple[str, ...]) -> Actor | None:
    """Whose office an earlier mention with the title names: "UN Secretary-General António
    Guterres ... The Secretary-General condemns the attack" → IGOUNO, not a government of the
    story's country."""
    for seen in reversed(resolver.recent(head)):
        words = [w.strip(".,;:'\"").lower() for w in seen.actor.text.replace("-", " ").split()]
        if seen.actor.code is not None and any(
            words[i : i + len(title)] == list(title) for i in range(len(words))
        ):
            return seen.actor
    return None


def _venue(head: Token, index: int) -> bool:
    """Whether an earlier mention is where something happened ("gathered in Brussels"), which
    no later "the alliance" refers to."""
    token = head.doc[index]
    return token.dep_ == "pobj" and token.head.lower_ in ("in", "at")

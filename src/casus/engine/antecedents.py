"""Which earlier mention a pronoun or a definite description points back to when the
nearest one of its kind is the wrong one (docs/actors.md#pronouns-and-definite-descriptions).

- A definite state head ("the government", "the Government", "the country", "the army")
  refers back to a state, never to an organisation, and a country named inside a
  prepositional phrase ("granted asylum in Mexico") yields to a recent subject's country, a
  person's own included: "Bolivia's former president was granted asylum in Mexico. He
  accused the interim government of a coup" → Bolivia's government.
- A definite state office ("the minister", "the premier") is a state's official, never an
  organisation's: "The African Union's envoy arrived in Bamako. The minister accused France
  …" → not the Union.
- An object pronoun is bound away from its own clause's subject: it never stands for what
  that subject phrase names ("Jordan's foreign minister called **it** a serious
  escalation": not Jordan; "A grand jury in Kansas indicted one of **them**": not Kansas).
- A subject pronoun that opens a new sentence continues the speaker of the previous one, not
  the subject of what that speaker reported: "NATO said Russia was massing troops. It called
  on Moscow to pull back" → NATO.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casus.engine.context import is_country
from casus.engine.modality import REPORTING_VERBS
from casus.engine.phrases import clause_subject, kind_of, of_object
from casus.model import Actor
from casus.ontology.gazetteer import countries
from casus.ontology.words import word_list, word_values

if TYPE_CHECKING:
    from spacy.tokens import Token

    from casus.engine.resolver import Resolver, _Seen

STATE_HEADS = word_list("state_heads")
STATE_OFFICES = word_list("state_offices")
NATIONAL_OFFICES = word_list("national_offices")
PRONOUN_KINDS = word_values("pronoun_kinds")
# How many sentences back a subject still outranks a country named in a prepositional phrase.
SUBJECT_REACH = 2
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Dependencies of a mention that is only where or with whom something happened.
WEAK_DEPS = frozenset({"pobj", "dobj", "dative", "iobj"})
# The roles of a state acting as one: "Russia", "Moscow", "the Russian army".
STATE_ROLES = frozenset({"GOV", "MIL"})


def is_state_head(head: Token) -> bool:
    """Whether a definite head refers back to one state: "the government", "the country",
    and the capitalised "the Government" of press releases and British style; not "the 193
    member states", nor one its "of" phrase names ("the state of Guanajuato"), nor a name
    ("the Islamic State")."""
    if head.lemma_.lower() not in STATE_HEADS or head.tag_ not in ("NN", "NNP"):
        return False
    if head.tag_ == "NNP" and any(c.dep_ != "det" for c in head.children):
        return False
    return not any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children)


def state_antecedent(resolver: Resolver, head: Token) -> Actor | None:
    """The state a definite state head refers back to, as a country-level actor, or None
    when no earlier mention is a state ("the government" then takes its country from the
    article, like any role-only actor). In its own sentence the nearest state is meant; across
    sentences a subject's state (a person's own included) outranks one named only in a
    prepositional phrase or as an object. A place ("the Red Sea", "Jersey's coast") is no
    state. The clause's acting state is never its object: "Russia invaded **the
    country**". A capitalised head ("the Government" of a press release or of British
    style) is the house's own state: once resolved, it keeps standing for that state."""
    house = head.tag_ == "NNP"
    if house and head.lemma_.lower() in resolver.house_states:
        return resolver.house_states[head.lemma_.lower()]
    found = _nearest_state(resolver, head)
    if house and found is not None and found.how != "context":
        resolver.house_states[head.lemma_.lower()] = found
    return found


def _nearest_state(resolver: Resolver, head: Token) -> Actor | None:
    """The state a definite state head refers back to by recency (see
    :func:`state_antecedent`)."""
    avoid = _acting_states(resolver, head)
    known = countries()
    states = [
        m
        for m in resolver.recent(head)
        if m.actor.country in known and m.actor.country not in avoid and m.actor.how != "place"
    ]
    if not states:
        return filed_state(resolver, head)
    here = resolver.sentence_of(head)
    own = [m for m in states if m.sentence == here]
    # "The Government of the Philippines protested ... Chinese vessels blocked ... The
    # Government summoned the ambassador": the state last named with the same head noun
    named = [m for m in states if resolver.doc[m.token].lemma_.lower() == head.lemma_.lower()]
    strong = [m for m in states if here - m.sentence <= SUBJECT_REACH and not _weak(head, m.token)]
    # farther back, a state that acted still outranks one only named as an object: a Korean
    # press release names "the Government of the Republic of Korea" once, then "Japan" in
    # every "with Japan", and "the Government" stays Korea's
    acted = [m for m in states if m.subject]
    found = (own or named or strong or acted or states)[-1]
    country = str(found.actor.country)
    actor = found.actor
    return Actor(country, country, (), actor.text, actor.start, actor.end, actor.how)


def filed_state(resolver: Resolver, head: Token) -> Actor | None:
    """The dateline's country, for "the army" or "the government" before the story names
    any country: "NIAMEY — The army said it had repelled an attack by fighters from Mali" →
    Niger's army, however often Mali is named later. None when a country was named before
    (its own rules choose) or the story has no dateline of a country."""
    country = resolver.dateline
    if country is None or not is_country(country):
        return None
    if any(
        m.actor.country is not None and is_country(m.actor.country) for m in resolver.recent(head)
    ):
        return None
    return Actor(country, country, (), head.text, 0, 0, "context")


def filed_office(resolver: Resolver, head: Token, tokens: list[Token]) -> Actor | None:
    """The state a definite office named without a country ("the foreign ministry", "the
    ministry") belongs to in a datelined story: the one an earlier mention of the same office
    names ("Georgia's interior ministry ... the ministry" → GEO), else the dateline's country,
    however often another country is named ("SEOUL — North Korea fired two missiles ... The
    foreign ministry condemned the launch" → KOR). None for other heads or an undated story
    (the article's own rules then choose)."""
    country = resolver.dateline
    if head.lemma_.lower() not in NATIONAL_OFFICES or country is None or not is_country(country):
        return None
    words = {t.lower_ for t in tokens if t.is_alpha and t.dep_ != "det"}
    for seen in reversed(resolver.recent(head)):
        if seen.actor.country and words <= set(seen.actor.text.lower().split()):
            return seen.actor
    return Actor(country, country, (), head.text, 0, 0, "context")


def office_antecedent(resolver: Resolver, head: Token) -> Actor | None:
    """The holder a definite state office ("the minister", "the premier") refers back to:
    the latest person of a state (a subject first, when the head is one), never an
    organisation's official; None when there is none, and the office then takes the
    article's country like any role-only actor. Only for heads in ``state_offices``."""
    known = countries()
    people = [m for m in resolver.recent(head) if m.kind == "person" and m.actor.country in known]
    if head.dep_ in SUBJECT_DEPS:
        people = [m for m in people if m.subject] or people
    return people[-1].actor if people else None


def speaker_over_reported(token: Token, subjects: list[_Seen], sentence: int) -> _Seen | None:
    """The speaker of the latest earlier subject, when that subject is only the subject of
    a clause the speaker reported in an earlier sentence and the speaker is among the
    ``subjects`` (which agree with the pronoun); else None."""
    latest = subjects[-1]
    if latest.sentence >= sentence:
        return None
    verb = token.doc[latest.token].head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head  # "said Russia was massing troops and had closed ..."
    if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in REPORTING_VERBS:
        return None
    reporter = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if reporter is None:
        return None
    return next((m for m in subjects if m.token == reporter.i), None)


def bound_by(subject: Token, seen: _Seen) -> bool:
    """Whether an earlier mention cannot be the antecedent of an object pronoun of the
    clause whose subject is ``subject``: it lies inside the subject's phrase (the subject,
    its possessor, its place: "A federal grand jury in Kansas indicted one of them")."""
    return subject.left_edge.i <= seen.token <= subject.right_edge.i


def _weak(head: Token, index: int) -> bool:
    """Whether an earlier mention is only a place or an object: "asylum in Mexico",
    "arrived in Argentina", "the decision by Jersey"."""
    token = head.doc[index]
    if token.dep_ == "poss":
        token = token.head  # "in Mexico's capital"
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head  # "called on the United States and France"
    return token.dep_ in WEAK_DEPS


def _acting_states(resolver: Resolver, head: Token) -> set[str]:
    """The countries of the clause's subject and its conjuncts when ``head`` is not that
    subject and the subject is a state, not a person or a part of its society (who act on
    their own state's institutions: "He accused the interim government", "Opposition
    lawmakers criticised the government"): "Hungary and Slovakia, the regime's last
    friends" are not the regime; "It recognized Azerbaijan, signing agreements with this
    newly independent republic" (it = Iran) is not Iran; nor are the states a subject's
    "of" phrase lists: "the embassies of the United States, Canada and Australia urged the
    government" is not Australia's."""
    if head.dep_ in SUBJECT_DEPS:
        return set()
    subject = clause_subject(head)
    if subject is None or subject.i >= head.i:
        return set()
    out = set()
    owner = of_object(subject)
    tokens = [subject, *subject.conjuncts]
    if owner is not None:
        tokens += [owner, *owner.conjuncts]  # "of the United States, Canada and Australia"
    for token in tokens:
        actor = resolver.cached(token.i)
        if actor is None or actor.country is None:
            continue
        if token.pos_ == "PRON" and PRONOUN_KINDS.get(token.lower_) != "thing":
            continue  # "they" may be the people of a state: "They refused to meet the government"
        if kind_of(actor, token) == "person":
            continue
        if set(actor.roles) <= STATE_ROLES:  # not "Thai opposition lawmakers"
            out.add(actor.country)
    return out

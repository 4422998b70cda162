"""Noun-phrase helpers of the actor resolver (docs/actors.md): a phrase's tokens, its
appositions and "of" object, whether its head is agentive or a heading, a mention's kind for
pronoun agreement, the clause subject and the antecedent of a relative "whose".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casus.engine.sentences import sentence_of
from casus.ontology.words import word_list

if TYPE_CHECKING:
    from spacy.tokens import Token

    from casus.model import Actor
    from casus.ontology.actors import Entry

CLAUSE_DEPS = frozenset(
    {
        "relcl",
        "acl",
        "advcl",
        "conj",
        "cc",
        "punct",
        "ccomp",
        "xcomp",
        "parataxis",
        "appos",
        "mark",
        "prep",
        "advmod",
        "npadvmod",
    }
)
LANGUAGE_SUFFIXES = word_list("language_suffixes")
VOICE_NOUNS = word_list("voice_nouns")
# "forces loyal to Haftar", "troops faithful to the junta": whom a member noun serves
LOYAL_WORDS = frozenset({"loyal", "faithful", "allied"})
TOPIC_WORDS = word_list("topic_words")
# "a British-flagged tanker", "a Greek-owned ship": the name before the participle owns the noun
COUNTRY_NOUNS = word_list("country_nouns")
PERSON_ENTS = frozenset({"PERSON"})
PERSON_NOUNS = word_list("person_nouns")
AGENT_NOUNS = word_list("agent_nouns")
# Nouns a possessor makes an actor of: "its citizens", "its vessels" (the owner's).
OWNED_NOUNS = frozenset(
    {
        "citizen",
        "national",
        "people",
        "population",
        "resident",
        "force",
        "official",
        "vessel",
        "ship",
    }
)


def agentive(head: Token, roles: tuple[str, ...]) -> bool:
    """Whether a noun with a country modifier names an actor: "Iranian diplomats" and
    "Western backers" do, "Israeli atrocities" and "Iranian territory" do not."""
    lemma = head.lemma_.lower()
    return (
        bool(roles)
        or lemma in COUNTRY_NOUNS
        or lemma in AGENT_NOUNS
        or (head.pos_ == "PROPN")
        or head.ent_type_ in ("ORG", "NORP", "PERSON")
    )


def appositions(head: Token) -> list[Token]:
    """Tokens of the head's appositions: "The chief of staff, Major General Mohammad Bagheri"."""
    out: list[Token] = []
    for child in head.children:
        if child.dep_ == "appos":
            out.extend(child.subtree)
    return sorted(out, key=lambda t: t.i)


def namelike(token: Token) -> bool:
    return bool(token.pos_ == "PROPN" or token.ent_type_ == "PERSON" or token.text[:1].isupper())


def phrase_tokens(head: Token) -> list[Token]:
    """The noun phrase of ``head``: its subtree without clauses, conjuncts or appositions,
    keeping "of" phrases ("Chief of the General Staff of the Iranian Armed Forces"); found
    once per token and kept with the Doc (a fresh list each call)."""
    memo: dict[int, list[Token]] = head.doc.user_data.setdefault("casus.phrase_tokens", {})
    found = memo.get(head.i)
    if found is None:
        found = memo[head.i] = _phrase_tokens(head)
    return list(found)


def _phrase_tokens(head: Token) -> list[Token]:
    out = [head]
    stack = list(head.children)
    while stack:
        t = stack.pop()
        if t.is_space or (
            t.dep_ in CLAUSE_DEPS
            and not (t.dep_ == "prep" and (t.lower_ == "of" or _inside_name(t, head)))
            and not _leader(t)
        ):
            continue
        out.append(t)
        stack.extend(t.children)
    return sorted(out, key=lambda t: t.i)


def _inside_name(token: Token, head: Token) -> bool:
    """Whether a preposition lies inside the name its head begins: "the Organisation
    **for** the Prohibition of Chemical Weapons", "the Union **for** the Mediterranean"
    (one entity of the parser's, not a phrase added to a name)."""
    if not head.ent_type_ or token.ent_iob_ != "I" or token.i < head.i:
        return False
    return all(t.ent_iob_ == "I" for t in head.doc[head.i + 1 : token.i + 1])


def _leader(token: Token) -> bool:
    """Whether a token names who leads its phrase: "the **Saudi**-led coalition", "**US**-led
    forces" (spaCy hangs the name on "led" as a noun-phrase adverbial)."""
    led = token.head
    return (
        token.dep_ == "npadvmod"
        and led.lemma_.lower() == "lead"
        and led.i == token.i + 2
        and token.doc[token.i + 1].text == "-"
    )


def verb_above(token: Token, limit: int) -> Token | None:
    """The first verb at most ``limit`` heads above ``token``: the predicate its clause
    attaches it to ("launched an attack", "denied involvement in the attack")."""
    t = token
    for _ in range(limit):
        if t.head.i == t.i:
            return None
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            return t
    return None


def of_object(head: Token, word: str = "of") -> Token | None:
    """The object of the noun's "of" phrase ("imports of Turkish goods" → goods), or of
    another preposition's."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == word:
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    return None


def inside_of_pp(token: Token, head: Token) -> bool:
    t = token
    while t.i != head.i and t.head.i != t.i:
        if t.dep_ == "prep" and t.lower_ == "of":
            return True
        t = t.head
    return False


def prefer(entries: list[Entry], at_head: bool) -> Entry:
    order = (
        ("name", "seat", "capital", "people", "adj")
        if at_head
        else ("adj", "name", "capital", "seat", "people")
    )
    return sorted(entries, key=lambda e: order.index(e.kind) if e.kind in order else 9)[0]


def compatible(mention_kind: str, pronoun_kind: str) -> bool:
    if pronoun_kind == "person":
        return mention_kind == "person"
    if pronoun_kind == "thing":
        return mention_kind == "thing"
    return mention_kind in ("group", "thing")


def kind_of(actor: Actor, token: Token) -> str:
    """person | group | thing, for pronoun agreement. spaCy's PERSON label alone is not
    trusted for dictionary names ("Baku" is often tagged PERSON)."""
    if actor.how == "person" or token.lemma_.lower() in PERSON_NOUNS:
        return "person"
    if actor.how == "unresolved" and token.ent_type_ in PERSON_ENTS:
        return "person"
    if token.tag_ in ("NNS", "NNPS"):
        return "group"
    return "thing"


def clause_subject(token: Token) -> Token | None:
    t = token
    while True:
        if t.pos_ in ("VERB", "AUX"):
            for child in t.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    return child
            if t.dep_ in ("xcomp", "conj", "advcl") and t.head.i != t.i:
                t = t.head
                continue
            return None
        if t.head.i == t.i:
            return None
        t = t.head


def relative_antecedent(whose: Token) -> Token | None:
    """The noun a "whose" relative clause hangs from: "Germany, whose ministers said" →
    Germany."""
    t = whose
    for _ in range(4):
        if t.dep_ == "relcl":
            return t.head
        if t.head.i == t.i:
            return None
        t = t.head
    return None


DASHES = frozenset({"–", "—", "--", "-"})


def is_heading(head: Token) -> bool:
    """Whether a proper name at the start of a sentence, written in capitals and followed by a
    dash, is a heading or dateline ("BELARUS / UNITED STATES –", "DUSHANBE/BISHKEK, April
    30 –") rather than an actor."""
    if head.is_alpha and not (head.text.isupper() and len(head.text) > 1):
        return False  # the head is one of the words below: no need for the phrase
    tokens = phrase_tokens(head)
    words = [t for t in tokens if t.is_alpha]
    if not words or not all(t.text.isupper() and len(t.text) > 1 for t in words):
        return False
    first = min(t.i for t in tokens)
    if any(not t.is_space for t in head.doc[sentence_of(head).start : first]):
        return False
    return any(c.dep_ == "punct" and c.text in DASHES and c.i > head.i for c in head.children)


def names_no_owner(chunk: list[Token]) -> bool:
    """Whether a name says what a thing is about, not whose it is: a language before
    "-language" or "-speaking" ("a French-language radio station" is a Burkinabe station,
    "Russian-speaking residents"), a topic before "Affairs" ("the Taiwan Affairs Office" is
    a Chinese office)."""
    after = chunk[-1].i + 1
    doc = chunk[-1].doc
    if after < len(doc) and doc[after].lower_ in TOPIC_WORDS:
        return True
    return (
        after + 1 < len(doc)
        and doc[after].text == "-"
        and doc[after + 1].lower_ in LANGUAGE_SUFFIXES
    )


def member_of(head: Token) -> Token | None:
    """The institution a member noun belongs to: its "of" or "from" phrase ("staff of the
    embassy", "fighters from the RSF"), whom it is loyal to ("troops loyal to the junta"),
    or for a spokesman or an adviser its "for" or "to" phrase ("a spokesman for the French
    foreign ministry", "an adviser to the RSF")."""
    inner = of_object(head) or _from_body(head)
    if inner is None and head.lemma_.lower() in VOICE_NOUNS:
        inner = of_object(head, "for") or of_object(head, "to")
    if inner is None:
        loyal = next((c for c in head.children if c.lower_ in LOYAL_WORDS), None)
        inner = of_object(loyal, "to") if loyal is not None else None
    return inner


def _from_body(head: Token) -> Token | None:
    """The body a "from" phrase names: "fighters from the RSF", "a delegation from the EU".
    Not a bare place, which is as often where they come or leave from ("the pullout of French
    troops from Mali"), nor coordinated countries, one actor each ("delegations from Armenia
    and Azerbaijan", conjuncts.py)."""
    inner = of_object(head, "from")
    if inner is None or any(c.dep_ == "conj" for c in inner.children):
        return None
    return inner if any(c.dep_ == "det" and c.lower_ == "the" for c in inner.children) else None

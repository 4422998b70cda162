"""Actors a sentence names beside its event, not as its target.

Three kinds (docs/actors.md#allies-descriptions-and-grounds): the party of a phrase of siding
with someone, an ally of the doer, not whom a hostile act is aimed at ("Turkey closed its
border in solidarity with Azerbaijan", "the rebels attacked the town with the backing of
Rwanda"); a country named only in the subject's apposition ("Russia, Syria's closest ally,
rejected the report": the report is not Syria's); and whom the grounds of an arrest or charge
name ("arrested a man on charges of spying for Ukraine"). None becomes a target, nor "the one
other country the sentence names" that a clause without a target falls back on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casus.engine.frames import Frame, with_conjuncts
from casus.engine.sentences import document_words, sentence_of
from casus.ontology.words import word_list

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Token

    from casus.engine.resolver import Resolver
    from casus.engine.scope import Scope
    from casus.model import Actor

ALLY_NOUNS = word_list("ally_nouns")
# Prepositions that open a phrase of siding: "in solidarity with", "with the help of",
# "on behalf of", "under the blessing of".
SIDING_PREPS = frozenset({"in", "with", "on", "under"})
# Prepositions inside the phrase that name the ally: "solidarity with X", "support of X".
ALLY_PREPS = frozenset({"with", "of", "from", "for"})
# Hostile roots (demands to mass violence): siding with someone is no act on them. In
# cooperation the phrase names whom the act is for ("spoke out in support of Ukraine"), and
# a protest has its own rules for whom it is against ("rallied in support of the strikers").
HOSTILE_ROOTS = frozenset(f"{n:02d}" for n in range(10, 21)) - {"14"}
# Arrests, detentions, sentences (17) and charges, accusations (11): what the person is held
# or accused for is no target of it ("arrested a man on charges of spying for Ukraine").
GROUNDED_ROOTS = frozenset({"11", "17"})
GROUNDS_NOUNS = word_list("grounds_nouns")
CHARGING_VERBS = word_list("charging_verbs")
# How a description hangs from the subject it describes: "Russia, Syria's closest ally". Not a
# relative clause, which tells an act whose place may be the scene: "Kenyan police, who have
# been deployed to Haiti, arrested a gang leader" (a Haitian one).
DESCRIPTION_DEPS = frozenset({"appos"})


def ally_tokens(frame: Frame) -> list[Token]:
    """The heads of the allies named in the phrases of siding under the frame's predicate:
    "in solidarity with Azerbaijan" → Azerbaijan, "with Rwanda's backing" → Rwanda."""
    found: list[Token] = []
    if ALLY_NOUNS.isdisjoint(document_words(frame.pred.doc)):
        return found  # no ally noun in the document: no subtree to walk
    for noun in frame.pred.subtree:
        prep = noun.head
        if (
            noun.dep_ != "pobj"
            or prep.lower_ not in SIDING_PREPS
            or noun.lemma_.lower() not in ALLY_NOUNS
        ):
            continue
        for child in noun.children:
            if child.dep_ == "poss" or (child.dep_ == "amod" and child.pos_ == "ADJ"):
                found.extend(with_conjuncts(child))  # "with Rwandan backing"
        after = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
        # the parser often hangs the ally's phrase from the verb: "closed the border in
        # solidarity | with Azerbaijan"
        if after is not None and after.dep_ == "prep" and after.lower_ in ALLY_PREPS:
            found += [t for g in after.children if g.dep_ == "pobj" for t in with_conjuncts(g)]
    return found


def without_allies(
    targets: list[Actor | None], frame: Frame, scope: Scope, root: str
) -> list[Actor | None]:
    """The targets of a hostile act less the doer's allies ("Hezbollah fired rockets at Israel
    in support of Hamas" → Israel only), and of an arrest or charge less whom its grounds
    name ("arrested Ivan Petrov on charges of spying for Ukraine" → not Ukraine); empty when
    only such sides were found."""
    heads = ally_tokens(frame) if root in HOSTILE_ROOTS else []
    heads += grounds_tokens(frame) if root in GROUNDED_ROOTS else []
    spans = [_span(t, scope.offset) for t in heads]
    if not spans:
        return targets
    return [t for t in targets if t is None or not any(lo <= t.start < hi for lo, hi in spans)]


def aside_countries(frame: Frame, resolver: Resolver, root: str) -> set[str]:
    """The countries a sentence names only beside the event: in its subjects' descriptions
    ("Russia, Damascus's main ally, dismissed the findings"), and, for a hostile act, as the
    doer's allies; for an arrest or charge, in its grounds. A country also named elsewhere in
    the sentence is not aside ("Kenyan police, deployed to Haiti, arrested a gang leader in
    Port-au-Prince")."""
    heads = _descriptions(frame) + (ally_tokens(frame) if root in HOSTILE_ROOTS else [])
    heads += grounds_tokens(frame) if root in GROUNDED_ROOTS else []
    aside = {t.i for h in heads for t in h.subtree}
    if not aside:
        return set()
    sentence = sentence_of(frame.pred)
    return countries_only_in(sentence, aside, resolver)


def grounds_tokens(frame: Frame) -> list[Token]:
    """The heads of the phrases that say what an arrest or charge is for, whose actors are
    no target of it: "arrested a man **on charges of spying for Ukraine**", "detained 12
    people **suspected of spying for Israel**", "sentenced him **for spying for Israel**"."""
    found: list[Token] = []
    for token in frame.pred.subtree:
        if token.dep_ == "prep" and token.lower_ in ("on", "over"):
            found += [
                g for g in token.children if g.dep_ == "pobj" and g.lemma_.lower() in GROUNDS_NOUNS
            ]
        elif token.dep_ == "prep" and token.lower_ == "for":
            found += [g for g in token.children if g.dep_ == "pcomp" and g.tag_ == "VBG"]
        elif (
            token.dep_ in ("acl", "relcl")
            and token.tag_ == "VBN"  # not the accusing itself: "Gambia, which accuses Myanmar"
            and token.i != frame.pred.i
            and token.lemma_.lower() in CHARGING_VERBS
        ):
            found.append(token)  # "people suspected of spying for Israel"
    return found


def countries_only_in(sentence: Iterable[Token], inside: set[int], resolver: Resolver) -> set[str]:
    """The countries a sentence names only at the token indexes ``inside`` (an aside, a
    meeting place): one also named elsewhere in the sentence keeps its part."""
    tokens = list(sentence)
    inner = _countries([t for t in tokens if t.i in inside], resolver)
    return inner - _countries([t for t in tokens if t.i not in inside], resolver)


def _countries(tokens: list[Token], resolver: Resolver) -> set[str]:
    return {
        str(a.country)
        for t in tokens
        if t.pos_ in ("PROPN", "NOUN", "ADJ")
        for a in resolver.actors_for(t)
        if a.known and a.country
    }


def _descriptions(frame: Frame) -> list[Token]:
    """The appositions of the frame's subjects, unless the frame's own predicate is inside
    one."""
    pred = frame.pred.i
    out = []
    for subject in (c for s in frame.subjects for c in with_conjuncts(s)):
        for child in subject.children:
            if child.dep_ in DESCRIPTION_DEPS and not (
                child.left_edge.i <= pred <= child.right_edge.i
            ):
                out.append(child)
    return out


def _span(token: Token, offset: int) -> tuple[int, int]:
    """The character span of a token's phrase, in the article's offsets."""
    last = token.right_edge
    return token.left_edge.idx + offset, last.idx + len(last.text) + offset

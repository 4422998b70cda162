"""Who stages a coup: the army of the country it happens in. A reaction to a coup whose doer
the text does not name ("ECOWAS condemned what it called an attempted coup", "Washington,
which has condemned the coup", "the African Union condemned the military takeover in Niger")
targets the military of that country, as outside coders agree: the doer its phrase names
("the Taliban takeover", "the seizure of power by soldiers"), else the military of the country
it names ("the coup in Guinea", "Myanmar's coup", "the Malian putsch"), else the army whose
seizure of power the text told before, else the military of the article's own country
(docs/event-model.md#objects-and-targets).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casus.engine.frames import Frame, place_in
from casus.engine.free_relatives import named_in_free_relative
from casus.engine.scope import Scope
from casus.engine.sides import as_context
from casus.model import Actor
from casus.ontology.words import word_list

if TYPE_CHECKING:
    from spacy.tokens import Token

# "coup", "putsch", "takeover"; and heads whose modifier makes them one: "coup attempt"
COUP_NOUNS = word_list("coup_nouns")
# nouns that are a coup only of power: "the seizure of power", "a power grab"
POWER_NOUNS = frozenset({"seizure", "grab"})
POWER = "power"
# what a coup's "of" phrase may take: "the takeover of power", "of the government"
SEIZED_RULE = frozenset({POWER, "government", "state"})
# what a free relative calls the act it names: "condemned what they called a coup"
NAMED_DEPS = frozenset({"oprd", "attr", "dobj"})
# the coup's doer or country inside its phrase: "the Taliban takeover", "Myanmar's coup",
# "the Malian putsch", "the seizure of power by soldiers"
DOER_DEPS = frozenset({"poss", "compound", "amod"})
MILITARY = "MIL"
# the code of seizing power ("the army ousted the president", lexicon/conflict.tsv)
COUP_CODE = "1724"


def coup_doer(frame: Frame, nouns: list[Token], scope: Scope, source: Actor) -> Actor | None:
    """Who staged the coup a reaction is about, when one of ``nouns`` (the reaction's objects)
    or the name a free relative gives ("condemned what they called a coup") is a coup:
    the doer its phrase names, else the military of the country it names, else the army of an
    earlier coup, else the military of the article's own country. ``None`` when the reaction
    is about no coup, or when the coup's military is the source itself."""
    coup = next((n for n in [*nouns, *_named(frame)] if _is_coup(n)), None)
    if coup is None:
        return None
    doer = _named_doer(coup, scope) or _earlier_coup(coup, scope, source)
    if doer is None:
        country = _main_country(scope, source)
        if country is None:
            return None
        doer = _army(country, coup, scope)
    if doer.code == source.code:
        return None
    return as_context(doer)


def _named(frame: Frame) -> list[Token]:
    """What a free relative under the predicate calls the act: "condemned what they called
    **a coup**"."""
    return [
        n
        for c in frame.pred.children
        if named_in_free_relative(c)
        for n in c.children
        if n.dep_ in NAMED_DEPS and n.pos_ == "NOUN"
    ]


def _is_coup(noun: Token) -> bool:
    """ "coup", "attempted coup", "coup attempt", "putsch", "takeover", "seizure of power",
    "power grab"."""
    lemma = noun.lemma_.lower()
    if lemma in COUP_NOUNS:
        # "the takeover of the embassy" is a seizure of a thing, no coup
        taken = [t for c in noun.children if c.lower_ == "of" for t in c.children]
        return all(t.lemma_.lower() in SEIZED_RULE for t in taken)
    if any(c.dep_ == "compound" and c.lemma_.lower() in COUP_NOUNS for c in noun.children):
        return True
    return lemma in POWER_NOUNS and any(t.lower_ == POWER for t in noun.subtree if t.i != noun.i)


def _named_doer(coup: Token, scope: Scope) -> Actor | None:
    """The doer the coup's phrase names: "the Taliban takeover", "the seizure of power by
    soldiers" (the army of whatever country the resolver gives them)."""
    agents = [t for c in coup.children if c.lower_ == "by" for t in c.children if t.dep_ == "pobj"]
    for token in [*agents, *(c for c in coup.children if c.dep_ in DOER_DEPS)]:
        actor = scope.resolver.actor_for(token)
        if actor is not None and actor.known and actor.roles:
            return actor
    return None


def _named_country(coup: Token, scope: Scope) -> str | None:
    """The country a coup's phrase names: a place ("the coup in Niger"), or the country of a
    nationality or possessor ("Myanmar's coup", "the Malian putsch")."""
    found = place_in(list(coup.subtree), scope.resolver.gazetteer, None)
    if found is not None:
        return found[1]
    for child in coup.children:
        if child.dep_ in DOER_DEPS:
            actor = scope.resolver.actor_for(child)
            if actor is not None and actor.known and actor.country:
                return actor.country
    return None


def _earlier_coup(coup: Token, scope: Scope, source: Actor) -> Actor | None:
    """The army of the country the coup's phrase names, else the army that seized power in
    the latest earlier coup the text codes (:data:`COUP_CODE`): "Myanmar's armed forces
    seized power on 1 February. … Washington, which has condemned the coup" → MMRMIL."""
    country = _named_country(coup, scope)
    if country is not None:
        return _army(country, coup, scope)
    for event in reversed(scope.earlier + scope.current):
        side = event.source
        if (
            event.cameo == COUP_CODE
            and side is not None
            and side.known
            and MILITARY in side.roles
            and side.country != source.country
        ):
            return side
    return None


def _army(country: str, coup: Token, scope: Scope) -> Actor:
    """The military of ``country`` as the coup's doer, spanning the word that names the coup."""
    start = coup.idx + scope.offset
    end = start + len(coup.text)
    return Actor(country + MILITARY, country, (MILITARY,), coup.text, start, end, "context")


def _main_country(scope: Scope, source: Actor) -> str | None:
    """The article's own country, when it is not the reacting side's: a side's own country
    is no evidence of where the coup it condemns took place."""
    context = scope.document.context
    main = context.main_country() if context is not None else None
    return main if main != source.country else None


__all__ = ["coup_doer"]

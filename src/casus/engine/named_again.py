"""A person named again by surname alone is the person an earlier, fuller mention named
(docs/actors.md#a-person-named-again).

News names a person in full once ("President Irfaan Ali", "opposition leader Hakainde
Hichilema") and by surname after ("Ali denounced an incursion", "Ramaphosa congratulated
Mr Hichilema"). The actor dictionary cannot resolve a bare surname that many people share,
and a surname absent from it is no one at all; the earlier mention already says who is meant.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casus.engine.name_lookup import TITLE_WORDS
from casus.model import Actor
from casus.ontology.actors import join_code

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Token

# Tokens of a bare name phrase besides the name itself: "Mr Lungu", "Ms. Ardern".
_SKIPPED = frozenset({"det", "punct"})


class Bearers:
    """The people a document named in full, by surname, in text order."""

    def __init__(self) -> None:
        self._named: dict[str, list[tuple[int, Actor]]] = {}

    def record(self, head: Token, tokens: list[Token], actor: Actor) -> None:
        """Remember a fuller person mention under its surname: a name of two words or
        more, or one after a role or title ("President Ali", "opposition leader Hakainde
        Hichilema"), that resolved to a person or to roles. A place or an organisation named
        the same ("Ali" of "Ali Sabieh") is not recorded."""
        if head.pos_ != "PROPN" or not head.is_title or actor.how in ("place", "pronoun"):
            return
        if actor.how != "person" and not (head.ent_type_ == "PERSON" and actor.roles):
            return
        names = [t for t in tokens if t.pos_ == "PROPN" and t.lower_.rstrip(".") not in TITLE_WORDS]
        if len(names) < 2 and len(names) == len(tokens):
            return  # "Ali" alone says no more than the surname
        self._named.setdefault(head.lower_, []).append((head.i, actor))

    def bearer(
        self,
        head: Token,
        tokens: list[Token],
        span: tuple[str, int, int],
        story: Callable[[], str | None],
    ) -> Actor | None:
        """The actor a bare surname ("Ali", "Mr Lungu") refers back to: the latest earlier
        fuller mention with that surname, with this phrase's ``span`` (text, start, end);
        None when the phrase is more than a name and a title or no earlier mention fits. A
        mention known only by its roles ("Prime Minister Manasseh Sogavare") takes the
        country the story has named most so far (``story``), not the latest one named: a
        surname comes back paragraphs later, after other countries."""
        if head.pos_ != "PROPN" or head.ent_type_ not in ("PERSON", ""):
            return None
        for token in tokens:
            if token.i == head.i or token.dep_ in _SKIPPED:
                continue
            if token.lower_.rstrip(".") not in TITLE_WORDS:
                return None
        earlier = [actor for at, actor in self._named.get(head.lower_, ()) if at < head.i]
        if not earlier:
            return None
        found = earlier[-1]
        text, start, end = span
        if found.code is not None:
            return Actor(found.code, found.country, found.roles, text, start, end, "person")
        country = story() if found.roles else None
        if country is None:
            return Actor(None, None, found.roles, text, start, end, found.how)
        code = join_code(country, found.roles)
        return Actor(code, country, found.roles, text, start, end, "context")

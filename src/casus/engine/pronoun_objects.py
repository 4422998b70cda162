"""An object pronoun that takes up the object of the verb before it: "declared a ceasefire on
Friday and broke **it** within hours", "signed the accord in May but violated **it** in June".
The lexicon matches objects by their words, and "it" names nothing; the noun it stands for is
the object of the verb the pronoun's verb is conjoined to."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

OBJECT_PRONOUNS = frozenset({"it", "them"})


def taken_up_objects(verb: Token, objects: list[Token]) -> list[Token]:
    """``objects`` with a pronoun replaced by the common-noun object of the verb that ``verb``
    is conjoined to ("broke it" after "declared a ceasefire" -> "ceasefire"). A named object
    ("Taiwan ... blockaded it") is left to the pronoun resolver."""
    if verb.dep_ != "conj" or not any(o.lower_ in OBJECT_PRONOUNS for o in objects):
        return objects
    earlier = [
        c for c in verb.head.children if c.dep_ == "dobj" and c.pos_ == "NOUN" and c.i < verb.i
    ]
    if len(earlier) != 1:
        return objects
    return [earlier[0] if o.lower_ in OBJECT_PRONOUNS else o for o in objects]


__all__ = ["taken_up_objects"]

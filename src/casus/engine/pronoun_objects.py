"""An object pronoun that takes up the object of the verb before it: "declared a ceasefire on
Friday and broke **it** within hours", "signed the accord in May but violated **it** in June".
The lexicon matches objects by their words, and "it" names nothing; the noun it stands for is
the object of the verb the pronoun's verb is conjoined to."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from casus.model import Event

OBJECT_PRONOUNS = frozenset({"it", "them"})
PERSON_OBJECT_PRONOUNS = frozenset({"him", "her", "them"})


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


def with_taken_up_targets(events: list[tuple[Event, Token]]) -> list[tuple[Event, Token]]:
    """``events`` (one sentence's) with an untargeted act whose object is a personal pronoun
    given the target of the act it is conjoined to: "found Governor Purnama guilty and
    sentenced **him** to two years" (the sentencing is aimed at the one found guilty), "arrested
    the editor and deported **her**". The pronoun resolver only looks back at what it can call
    a person; the conjoined verb's target is the same phrase's actor, whatever it was coded as."""
    out = []
    for event, trigger in events:
        if event.target is None and _pronoun_object(trigger):
            before = [
                e.target
                for e, t in events
                if t.i == trigger.head.i and e.target is not None and e.source == event.source
            ]
            if len(before) == 1:
                event = event.with_(target=before[0])
        out.append((event, trigger))
    return out


def _pronoun_object(verb: Token) -> bool:
    return verb.dep_ == "conj" and any(
        c.dep_ == "dobj" and c.lower_ in PERSON_OBJECT_PRONOUNS for c in verb.children
    )


__all__ = ["taken_up_objects", "with_taken_up_targets"]

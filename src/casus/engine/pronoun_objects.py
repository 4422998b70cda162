"""An object pronoun that takes up the object of the verb before it: "declared a ceasefire on
Friday and broke **it** within hours", "signed the accord in May but violated **it** in June".
The lexicon matches objects by their words, and "it" names nothing; the noun it stands for is
the object of the verb the pronoun's verb is conjoined to. A border or a crossing is taken up
across clauses and from the sentence before: "the border has been closed since 1993, when
Ankara sealed **it**"; "Abuja has shut the frontier. In 2003 Obasanjo closed **it** for a week"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from casus.ontology.words import word_list

if TYPE_CHECKING:
    from spacy.tokens import Token

    from casus.model import Event

OBJECT_PRONOUNS = frozenset({"it", "them"})
PERSON_OBJECT_PRONOUNS = frozenset({"him", "her", "them"})
# what "it" may take up from an earlier clause: a border is no actor the resolver would find
BORDER_NOUNS = word_list("border_words") | word_list("border_points")
# the verbs whose "it" may be a border: what is done to a border itself ("Afghanistan
# condemned it" after a closure is the act, not the frontier)
BORDER_VERBS = frozenset({"close", "seal", "shut", "reopen", "open", "block", "blockade"})


def taken_up_objects(verb: Token, objects: list[Token]) -> list[Token]:
    """``objects`` with a pronoun replaced by the common-noun object of the verb that ``verb``
    is conjoined to ("broke it" after "declared a ceasefire" -> "ceasefire"), or "it" replaced
    by the border it takes up (:func:`border_taken_up`). A named object ("Taiwan ... blockaded
    it") is left to the pronoun resolver."""
    if not any(o.lower_ in OBJECT_PRONOUNS for o in objects):
        return objects
    if verb.dep_ != "conj":
        if verb.lemma_.lower() not in BORDER_VERBS:
            return objects
        border = next((border_taken_up(o) for o in objects if o.lower_ == "it"), None)
        return objects if border is None else [border if o.lower_ == "it" else o for o in objects]
    earlier = [
        c for c in verb.head.children if c.dep_ == "dobj" and c.pos_ == "NOUN" and c.i < verb.i
    ]
    if len(earlier) != 1:
        return objects
    return [earlier[0] if o.lower_ in OBJECT_PRONOUNS else o for o in objects]


def border_taken_up(pronoun: Token) -> Token | None:
    """The border an object "it" stands for: the last noun before it, in its sentence or the
    one before, when that noun is a border or a crossing ("Abuja has shut the frontier. In
    2003 Obasanjo closed it"); names and numbers between them do not count ("the border
    between Armenia and Turkey has been closed since 1993, when Ankara sealed it")."""
    doc = pronoun.doc
    start = _previous_sentence_start(pronoun)
    for at in range(pronoun.i - 1, start - 1, -1):
        token = doc[at]
        if token.pos_ == "NOUN" and token.dep_ != "compound":
            return token if token.lemma_.lower() in BORDER_NOUNS else None
    return None


def _previous_sentence_start(token: Token) -> int:
    sent = token.sent
    if sent.start == 0:
        return 0
    return int(token.doc[sent.start - 1].sent.start)


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


__all__ = ["border_taken_up", "taken_up_objects", "with_taken_up_targets"]

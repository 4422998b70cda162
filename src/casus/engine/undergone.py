"""Sides of acts told from the side they are done to.

News often makes the one acted on the subject and names the actor in a "from" phrase:

- a reaction drawn or faced: "the visit drew sharp criticism from Tehran", "Lithuania faced
  criticism from Beijing" (Tehran and Beijing criticise; the subject of "drew" or "faced" is
  what, or whom, they react to);
- an act undergone: "the convoy came under attack from rebel fighters", "Hungary is under
  criticism from Brussels" (the subject of "came" or "is" is the target);
- a noun of saying: "criticism from Moscow of the decision", "demands from the rebels";
- goods received: "Peru received humanitarian aid from Chile", "Kyiv secured air defences
  from Berlin" (the giver provides aid, CAMEO 07, to the receiver: the receiver is read as the
  verb's dative, as in "gave Peru aid").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casus.ontology.words import word_list

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Token

    from casus.engine.frames import Frame

REACTION_VERBS = word_list("reaction_verbs")  # "drew criticism from", "faced criticism from"
UNDERGOING_VERBS = word_list("undergoing_verbs")  # "came under attack from", "is under fire"
RECEIVING_VERBS = word_list("receiving_verbs")  # "received aid from"
RECEIVED_GOODS = word_list("received_goods")  # "aid", "weapons", "loans"
SPOKEN_NOUNS = word_list("spoken_nouns")  # "criticism from Moscow", "a demand from Kyiv"
# only as a clause's subject ("Criticism from Moscow was swift"): as the object of another act
# ("conceded to demands from UNITA") the noun is that act's background, and its speaker is
# that act's target (owners.py)
SUBJECT_DEPS = ("nsubj", "nsubjpass")


def reacted_from(
    noun: Token, frame: Frame, prep_objects: Callable[[Token, dict[str, list[Token]]], None]
) -> None:
    """Give a nominal act told from its undergoer its sides: the "from" phrase (of the noun
    or of its verb) acts, and the subject of the verb is acted on ("drew criticism from
    Tehran", "came under attack from rebels"). A noun of saying with no actor of its own is
    said by its "from" phrase when it is a clause's subject: "Criticism from Moscow was swift",
    "Condemnation from Paris of the junta was immediate".
    ``prep_objects`` collects a token's prepositional objects (frames.prep_objects)."""
    verb = reacted_verb(noun)
    if verb is None:
        spoken = noun.lemma_.lower() in SPOKEN_NOUNS
        if spoken and not frame.subjects and noun.dep_ in SUBJECT_DEPS:
            frame.subjects = frame.preps.pop("from", [])
        return
    verb_preps: dict[str, list[Token]] = {}
    prep_objects(verb, verb_preps)
    actors = frame.preps.pop("from", []) or verb_preps.get("from", [])
    undergoers = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if actors:
        frame.subjects = actors
    if actors or verb.lemma_.lower() in UNDERGOING_VERBS:
        frame.objects[:0] = [u for u in undergoers if u not in frame.objects]


def reacted_verb(noun: Token) -> Token | None:
    """The verb a noun is the object of (a reaction verb: "drew criticism from") or the
    "under" phrase of (a verb of undergoing: "came under attack from", "is under pressure");
    None when the noun is not told from its undergoer."""
    head = noun.head
    if noun.dep_ == "dobj" and head.lemma_.lower() in REACTION_VERBS:
        return head
    if (
        noun.dep_ == "pobj"
        and head.lower_ == "under"
        and head.head.lemma_.lower() in UNDERGOING_VERBS
    ):
        return head.head
    return None


def received_from(verb: Token, frame: Frame) -> None:
    """ "Peru received aid from Chile": Chile gives and Peru receives, as in "Chile gave Peru
    aid"; the receiver becomes the dative. Only for goods (aid, weapons, loans), not for
    calls, visitors or delegations received, which have their own patterns."""
    givers = frame.preps.get("from", [])
    if (
        not givers
        or verb.lemma_.lower() not in RECEIVING_VERBS
        or frame.passive
        or not any(o.lemma_.lower() in RECEIVED_GOODS for o in frame.objects)
    ):
        return
    frame.datives.extend(s for s in frame.subjects if s not in frame.datives)
    frame.subjects = list(givers)
    del frame.preps["from"]


__all__ = ["reacted_from", "reacted_verb", "received_from"]

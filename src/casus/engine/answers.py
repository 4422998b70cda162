"""An act told as an answer that names no act it answers came after the act told just before.

News tells a provocation with its day and the answer right after it, undated and without
naming what it answers again: "Cambodian troops and Thai rangers exchanged fire **on Feb.
13** … **Thailand responded by sealing** the crossings and **deploying** troops", "**On May
1**, the court ordered Venezuela to halt the vote. **Caracas responded by declaring** that
it does not recognise the court", "Mali recalled its ambassador **within a week**. **Algeria
retaliated by closing** its airspace", "**In response**, Kyiv expelled two diplomats",
"Bamako, **in turn**, banned Algerian aircraft". Such an act is dated as an answer to the
act before it (``news_time.answer_day``: the day after a day, no later than publication),
not at the publication day, which may be weeks after. An answer that names its act with a
time of its own ("responded to **Saturday's** test by …") is dated by that time
(``news_time.around_act``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from casus.ontology.words import word_list

if TYPE_CHECKING:
    from spacy.tokens import Token

ANSWER_VERBS = word_list("answer_verbs")
ANSWER_NOUNS = word_list("answer_nouns")
# "in turn" tells an act that answers the one before ("Bamako, in turn, banned Algerian
# aircraft"), as "in response" does.
TURN = "turn"
# Verbs that tell an answer with "back": "Israel **hit back** by striking Hezbollah positions",
# "Iran **struck back** with missiles".
BACK_VERBS = frozenset({"hit", "strike", "fire"})
# How many sentences before the answer's own the act it answers may be told in.
ANSWER_REACH = 2


def answer_verb(trigger: Token) -> Token | None:
    """The past-tense verb that tells the trigger's act as an answer to an act it does not
    name: the answer verb itself ("Caracas **responded** by declaring …"), the verb whose
    "by" gerund (or a conjunct of it, or what it says) the trigger is ("retaliated by
    closing its airspace and by **summoning** its envoys", "responded by declaring that it
    does not **recognise** the court"), or a verb with a bare "in response", "in
    retaliation" or "in turn" ("**In response**, Kyiv **expelled** two diplomats"), or
    an answer with "back" ("Israel **hit back** by striking …");
    ``None`` otherwise, and for an answer that names its act ("responded **to** the
    ruling by …": ``news_time.answered``) or one not in the simple past."""
    gerund = trigger
    if trigger.dep_ == "ccomp" and trigger.head.tag_ == "VBG":
        gerund = trigger.head  # "responded by declaring that it does not recognise the court"
    while gerund.dep_ == "conj" and gerund.head.i != gerund.i:
        gerund = gerund.head
    verb = trigger
    if gerund.dep_ == "pcomp" and gerund.head.lower_ == "by":
        by = gerund.head
        while by.dep_ == "conj" and by.head.lower_ == "by":
            by = by.head
        verb = by.head
    if verb.tag_ != "VBD" or _names_its_act(verb):
        return None
    if verb.lemma_.lower() in ANSWER_VERBS or _bare_answer_phrase(verb) or _back(verb):
        return verb
    return None


def _back(verb: Token) -> bool:
    """Whether the verb is "hit back", "struck back" or "fired back"."""
    return verb.lemma_.lower() in BACK_VERBS and any(
        c.dep_ in ("advmod", "prt") and c.lower_ == "back" for c in verb.children
    )


def _names_its_act(verb: Token) -> bool:
    """Whether the answer names what it answers: "responded **to** the ruling", "in
    retaliation **for** the ambush"."""
    holders = [verb] + [
        n for p in verb.children if p.dep_ == "prep" and p.lower_ == "in" for n in p.children
    ]
    return any(
        c.dep_ == "prep" and c.lower_ in ("to", "for") and any(o.dep_ == "pobj" for o in c.children)
        for holder in holders
        for c in holder.children
    )


def _bare_answer_phrase(verb: Token) -> bool:
    """Whether the verb has "in response", "in retaliation" or "in turn" with no object."""
    return any(
        n.dep_ == "pobj" and (n.lemma_.lower() in ANSWER_NOUNS or n.lower_ == TURN)
        for p in verb.children
        if p.dep_ == "prep" and p.lower_ == "in"
        for n in p.children
    )

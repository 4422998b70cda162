"""Where the parse puts an argument in another clause than its meaning.

A participle of attitude after "be" says how its subject stands, so the subject is the one
who acts.

"Israel is opposed to the deployment of Turkish troops" is Israel opposing it, not someone
opposing Israel; "the Kenyan government was alarmed at the fighting" is Kenya's alarm. With a
"by" agent the verb is a true passive ("the plan was opposed by France") and is left alone.

A bare past participle before the clause it hangs on, with no subject and no auxiliary, is
passive, and the subject of that clause is the one it is done to: "Asked whether Male would
review the deal, the minister said ..." (the minister is asked, by reporters), "When pressed
on the talks, Peskov said ...". The parser tags such a participle VBD as often as VBN; a past
tense verb with no subject in an adverbial clause is none.

The subject of a "to" clause under a verb of wanting is the one the wish is addressed to:
"Washington wants Beijing to release the journalists" asks Beijing, as "urged Beijing to
release" does, so it is read as the verb's object.

The object of a verb of credit or blame did the act of its "for" gerund: "Aliyev thanked
Turkey for hosting the talks" is Turkey hosting them, not Aliyev.

An adverbial clause with a passive subject of its own and no agent says what was done, not
who did it: in "Turkish troops crossed into Syria shortly after the ceasefire was declared"
the troops did not declare it, so the clause takes no subject from the verb it hangs on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casus.ontology.words import word_list

if TYPE_CHECKING:
    from spacy.tokens import Token

ATTITUDE_PARTICIPLES = word_list("attitude_participles")
# Feelings: their "by" phrase says what they are about ("was alarmed by the assault").
STIMULUS_PARTICIPLES = word_list("stimulus_participles")
OBJECT_RAISING_VERBS = word_list("object_raising_verbs")
CREDIT_VERBS = word_list("credit_verbs")


def experiencer_passive(verb: Token) -> bool:
    """Whether a passive-looking verb is a participle of attitude whose subject holds the
    attitude: "is opposed to", "was concerned about" (no "by" agent: "the plan was opposed
    by France" is France's act), or a feeling whatever follows it ("was alarmed by the
    assault": the assault is what the feeling is about)."""
    lemma = verb.lemma_.lower()
    return (
        verb.tag_ == "VBN"
        and lemma in ATTITUDE_PARTICIPLES
        and any(c.dep_ == "auxpass" for c in verb.children)
        and (lemma in STIMULUS_PARTICIPLES or not any(c.dep_ == "agent" for c in verb.children))
    )


def raised_subjects(verb: Token, clause: Token) -> list[Token]:
    """The subject of a "to" clause under a verb of wanting, which is the verb's object in
    meaning: "wants Beijing to release them" → [Beijing]; none for "wants to release"."""
    if (
        verb.lemma_.lower() not in OBJECT_RAISING_VERBS
        or clause.dep_ != "ccomp"
        or not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
    ):
        return []
    return [c for c in clause.children if c.dep_ == "nsubj"]


def participle_clause(verb: Token) -> bool:
    """A passive participle clause before its head, with no subject and no auxiliary:
    "**Asked** whether ..., Peskov said" ("Having **met** the president, he left" is active;
    with a "by" agent the clause has a subject and never gets here)."""
    return (
        verb.dep_ == "advcl"
        and verb.tag_ in ("VBN", "VBD")
        and verb.i < verb.head.i
        and not any(c.dep_ in ("aux", "nsubj", "nsubjpass", "csubj") for c in verb.children)
    )


def participle_patients(verb: Token) -> list[Token]:
    """The one a passive participle clause with its own "by" agent is done to, the subject
    of the clause it hangs on: "Asked by Baku to mediate, Turkey offered to host talks" →
    [Turkey] (Baku asks Turkey); none without an agent ("Asked whether ..., Peskov said" is
    handled as a subjectless clause)."""
    if not participle_clause(verb) or not any(c.dep_ == "agent" for c in verb.children):
        return []
    return [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]


def for_clause_subjects(verb: Token, clause: Token) -> list[Token]:
    """The subject of a "for ... to" clause right after the verb, which the parser makes a
    clause marked by "for" rather than the verb's "for" phrase: "calls for democratic
    legitimacy to be restored" → [legitimacy]; none for "left for Paris to attend"."""
    if clause.dep_ != "advcl" or not any(
        c.dep_ == "aux" and c.lower_ == "to" for c in clause.children
    ):
        return []
    mark = next((c for c in clause.children if c.dep_ in ("mark", "prep")), None)
    if mark is None or mark.lower_ != "for" or mark.i != verb.i + 1:
        return []
    return [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > mark.i]


def credited_doers(prep: Token) -> list[Token]:
    """The object of a verb of credit, blame or punishment, who did the act of the gerund in
    its "for" phrase: "praised Ethiopia for releasing the prisoners" → [Ethiopia]; none for
    "used drones for attacking" (no verb of credit)."""
    verb = prep.head
    if prep.lower_ != "for" or verb.lemma_.lower() not in CREDIT_VERBS:
        return []
    return [c for c in verb.children if c.dep_ == "dobj"]


def agentless_passive_clause(verb: Token) -> bool:
    """A finite adverbial clause in the passive with its own subject and no "by" agent: "flew
    to Kathmandu two days before the charter **was adopted**" (no one is said to adopt it; a
    participle with no subject, "after being attacked", is not one, nor an infinitive the
    parser hangs there, "called for the frontier to be reopened and offered to ...", whose
    conjunct takes its subject through it)."""
    return (
        verb.dep_ == "advcl"
        and any(c.dep_ == "nsubjpass" for c in verb.children)
        and not any(c.dep_ == "agent" or c.tag_ == "TO" for c in verb.children)
    )

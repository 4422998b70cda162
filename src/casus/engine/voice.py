"""Passive forms that are no passives: a participle of attitude after "be" says how its
subject stands, so the subject is the one who acts.

"Israel is opposed to the deployment of Turkish troops" is Israel opposing it, not someone
opposing Israel; "the Kenyan government was alarmed at the fighting" is Kenya's alarm. With a
"by" agent the verb is a true passive ("the plan was opposed by France") and is left alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casus.ontology.words import word_list

if TYPE_CHECKING:
    from spacy.tokens import Token

ATTITUDE_PARTICIPLES = word_list("attitude_participles")


def experiencer_passive(verb: Token) -> bool:
    """Whether a passive-looking verb is a participle of attitude whose subject holds the
    attitude: "is opposed to", "was concerned about" (no "by" agent)."""
    return (
        verb.tag_ == "VBN"
        and verb.lemma_.lower() in ATTITUDE_PARTICIPLES
        and any(c.dep_ == "auxpass" for c in verb.children)
        and not any(c.dep_ == "agent" for c in verb.children)
    )

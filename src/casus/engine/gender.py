"""Whether a named person can be "he" or "she", from the given name or title the text gives.

"Foreign Minister Annalena Baerbock arrived in Moscow. Sergei Lavrov greeted her at the
ministry. **She** accused Russia of massing troops" → Baerbock, not Lavrov, the later subject
(docs/actors.md#pronouns-and-definite-descriptions). The names are a small table written by us
(``given_name_genders``); a person whose name says nothing ("Baerbock" alone) takes the gender
of an earlier mention with the same surname, else none, and then any person may be meant.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casus.ontology.words import word_values

if TYPE_CHECKING:
    from spacy.tokens import Token

    from casus.engine.resolver import _Seen

NAME_GENDERS = word_values("given_name_genders")
PRONOUN_GENDERS = {
    "he": "male",
    "him": "male",
    "his": "male",
    "himself": "male",
    "she": "female",
    "her": "female",
    "hers": "female",
    "herself": "female",
}


def agreeing_in_gender(pronoun: Token, seen: list[_Seen]) -> list[_Seen]:
    """The earlier mentions ``pronoun`` may stand for once its gender is heard: a person whose
    name says the other gender is dropped. All of them when the pronoun has no gender or when
    none would be left (the pronoun then means someone the text has not coded)."""
    want = PRONOUN_GENDERS.get(pronoun.lower_)
    if want is None:
        return seen
    genders = _surname_genders(pronoun, seen)
    kept = [m for m in seen if _gender(pronoun.doc[m.token], genders) in (None, want)]
    return kept or seen


def _surname_genders(pronoun: Token, seen: list[_Seen]) -> dict[str, str]:
    """The gender each surname was given by its fuller mentions ("Annalena Baerbock" →
    Baerbock: female)."""
    out: dict[str, str] = {}
    for m in seen:
        head = pronoun.doc[m.token]
        gender = _named_gender(head)
        if gender is not None:
            out.setdefault(head.lower_, gender)
    return out


def _gender(head: Token, surnames: dict[str, str]) -> str | None:
    return _named_gender(head) or surnames.get(head.lower_)


def _named_gender(head: Token) -> str | None:
    """The one gender the words of a person's name say ("Ms Truss", "Sergei Lavrov"), or
    None when they say none or both."""
    if head.pos_ != "PROPN":
        return None
    words = head.doc[head.left_edge.i : head.i + 1]
    found = {NAME_GENDERS[w.lower_] for w in words if w.lower_ in NAME_GENDERS}
    return found.pop() if len(found) == 1 else None

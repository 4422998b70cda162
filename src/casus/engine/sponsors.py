"""Who backs a side is not where it is from (docs/actors.md#backers-and-bases).

"Iran-backed militias attacked US troops in Iraq": Iran is the militias' sponsor, so it is no
place of their own phrase to take a country from (the clause's "in Iraq" is). "Pakistan-based
militants" are Pakistan's: a base is a place, and stays one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casus.ontology.words import word_list

if TYPE_CHECKING:
    from spacy.tokens import Token

SPONSOR_VERBS = word_list("sponsor_verbs")


def sponsor_tokens(head: Token) -> set[int]:
    """Indexes of the tokens naming the head's backer: the subtree of a backing participle
    that modifies it ("Iran-backed", "backed by Iran", "funded by Qatar")."""
    out: set[int] = set()
    for child in head.children:
        if child.dep_ in ("amod", "acl") and child.lemma_.lower() in SPONSOR_VERBS:
            out.update(t.i for t in child.subtree)
    return out


def without_sponsors(head: Token | None, tokens: list[Token]) -> list[Token]:
    """The tokens of a side's own phrase less its backer's."""
    if head is None:
        return tokens
    backers = sponsor_tokens(head)
    return [t for t in tokens if t.i not in backers] if backers else tokens

"""A collective side done to one of its own members (docs/actors.md#collective-phrases).

"The two sides agreed to restore flights to Pristina" is coded once for each member of "the
two sides": Serbia → Kosovo and Kosovo → Kosovo. The second pairs a member with itself: the
other side is the partner the first event already names, not an act of Kosovo on Kosovo. The
same holds when the collective is the target ("Manila's forces welcomed … the two
ministers"). Only a phrase that stands for two *different* countries is undone this way: a
pair of one country's actors ("the two sides" of a government and its rebels) stays
domestic, and so does a phrase that lists its members ("Mozambican and Rwandan forces
recaptured Mocimboa da Praia": Mozambique retakes its own town).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casus.engine.collectives import COUNTING, PAIR_NOUNS, names_pair
from casus.engine.sentences import chars_have

if TYPE_CHECKING:
    from spacy.tokens import Token

    from casus.model import Actor, Event

# (trigger, root, which side, its phrase's offset, the other side's offset and code)
_Key = tuple[int, str, str, int, int, str | None]
# a phrase names a pair only with one of these words (collectives.names_pair)
PAIR_WORDS = COUNTING | PAIR_NOUNS


def drop_own_members(events: list[tuple[Event, Token]]) -> list[tuple[Event, Token]]:
    """Drop an event whose side from a pair phrase is a member of the same country as the
    other side, when the same act also pairs the phrase's other member, of another country,
    with that side."""
    members: dict[_Key, set[str]] = {}
    for event, token in events:
        for key, side in _keys(event):
            if side.country and _pair_phrase(side, token):
                members.setdefault(key, set()).add(side.country)
    if not members:
        return events
    out = []
    for event, token in events:
        if _own_member(event, members):
            continue
        out.append((event, token))
    return out


def _own_member(event: Event, members: dict[_Key, set[str]]) -> bool:
    source, target = event.source, event.target
    if source is None or target is None or not source.country:
        return False
    if source.country != target.country:
        return False
    return any(len(members.get(key, set()) - {side.country}) > 0 for key, side in _keys(event))


def _pair_phrase(side: Actor, token: Token) -> bool:
    """Whether the side was read from a phrase that refers back to two actors ("the two
    sides", "both countries"), found by its offsets in the trigger's document."""
    if side.end <= side.start:
        return False
    doc = token.doc
    if not chars_have(doc, side.start, side.end, PAIR_WORDS):
        # no "two", "both" or "rivals" in the phrase's sentence: the phrase's root and the
        # words ``names_pair`` reads beside it (its determiners and numbers) are all there
        return False
    # found once per phrase and kept with the Doc: each event asks for both its sides
    memo: dict[tuple[int, int, str], bool] = doc.user_data.setdefault("casus.pair_phrases", {})
    key = (side.start, side.end, side.text)
    found = memo.get(key)
    if found is None:
        span = doc.char_span(side.start, side.end, alignment_mode="expand")
        found = span is not None and span.text == side.text and names_pair(span.root)
        memo[key] = found
    return found


def _keys(event: Event) -> list[tuple[_Key, Actor]]:
    """The event's two sides, each keyed by the act and the other side (both must be set)."""
    source, target = event.source, event.target
    if source is None or target is None:
        return []
    at, root = event.trigger_start, event.cameo_root
    return [
        ((at, root, "source", source.start, target.start, target.code), source),
        ((at, root, "target", target.start, source.start, source.code), target),
    ]

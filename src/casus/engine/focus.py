"""The dyad in focus (docs/event-model.md#the-dyad-in-focus): the other side of an event whose
clause names no target — the addressee of the same source's latest act, the side it answers, the
one other country its sentence names, or the article's other main country — and which sides of a
country carry the state's dealings on.
"""

from __future__ import annotations

from casus.engine.frames import Frame
from casus.engine.pairs import told
from casus.engine.scope import Scope
from casus.engine.sides import as_context, sentence_other
from casus.model import Actor

# Consultations (visits, meetings): their partner is the partner of joint acts that follow.
VISIT_ROOT = "04"
# How many sentences back the dyad in focus is looked for.
FOCUS_SENTENCES = 2
# The country part of an international organisation's code: its dealings with a state (a
# loan, a mission, a resolution) are single acts, not a dyad the state's later acts continue.
ORGANISATION = "IGO"
# Quad classes of conflict (verbal, material): an organisation's sanction or suspension is
# answered by the state it struck, its loan, aid or mission not by the state's later acts.
CONFLICT_QUAD = 3
# A state's political opponents and its other branches: the state's dealings abroad are not
# theirs, so the dyad in focus gives them no foreign target.
POLITICAL_ROLES = frozenset({"OPP", "PTY", "JUD", "LEG"})


def focus(
    scope: Scope, frame: Frame, source: Actor, *, joint: bool = False, root: str = ""
) -> Actor | None:
    """The other side of the dyad the text is about, for an event whose clause names no target
    (docs/event-model.md#the-dyad-in-focus): the addressee of the same source's latest event in
    the last sentences ("Iran summoned the envoy. It warned that ..." → the envoy's country);
    else the latest actor that acted on this source in an earlier sentence (a reply); an
    international organisation is carried only within its own sentence, and a source whose
    latest dealing was with one carries nothing ("Kenya agreed a loan with the IMF. The
    government said it would not back down" is no refusal to the IMF), nor is one replied to but
    for its conflictual acts ("The EU imposed sanctions on Belarus. Minsk said it would
    respond"); else the one other country the sentence names; else the other of the article's
    two main countries. A ``joint`` act (a meeting, a signing) takes the one other country its
    clause names ("Erdogan spoke by phone with Putin"), else whom the same source is visiting or
    meeting ("Pakistan's president arrived in Beijing. He signed agreements ..."), never a reply
    or the article's pair. Steps 1 and 2 stay within one side of a country (:func:`same_side`),
    and a state's opposition, parties, lawmakers and courts never take the article's pair.
    Telling someone named takes no other side (:func:`pairs.told`)."""
    if not source.known or not source.country or told(frame):
        return None
    if joint:
        other = sentence_other(scope, frame, source, clause=True)
        if other is not None:
            return other
    sentence = scope.resolver.sentence_of(frame.pred)
    recent = [
        e
        for e in scope.earlier + scope.current
        if sentence - FOCUS_SENTENCES <= e.sentence_index <= sentence
    ]
    if joint:  # "arrived in Beijing ... He signed agreements": the host of a visit
        recent = [e for e in recent if e.cameo_root == VISIT_ROOT]
    for event in reversed(recent):
        target = event.target
        if (
            event.source is not None
            and event.source.country == source.country
            and same_side(event.source, source)
            and target is not None
            and target.known
            and target.country != source.country
        ):
            if event.sentence_index < sentence and target.country == ORGANISATION:
                break  # its latest dealing abroad was with an organisation: nothing to carry
            return as_context(target)
    if joint:
        return None
    for event in reversed([e for e in recent if e.sentence_index < sentence]):
        if (
            event.target is not None
            and event.target.country == source.country
            and same_side(event.target, source)
            and event.source is not None
            and event.source.known
            and event.source.country != source.country
            and (event.source.country != ORGANISATION or event.quad_class >= CONFLICT_QUAD)
        ):
            return as_context(event.source)
    other = sentence_other(scope, frame, source, root=root)
    if other is not None:
        return other
    if _dissident(source, POLITICAL_ROLES):
        # "Opposition parties appealed for calm": not to the country the state deals with
        return None
    start = frame.pred.idx + scope.offset
    context = scope.document.context
    pair = context.pair() if context is not None else None
    if pair and source.country in pair:
        country = pair[1] if pair[0] == source.country else pair[0]
        return Actor(country, country, (), "", start, start, "context")
    return None


def same_side(earlier: Actor, source: Actor) -> bool:
    """Whether an earlier event's side of the source's country is the same side as the source,
    for the dyad in focus: a state's opposition, parties, lawmakers and courts are sides of
    their own and do not carry on the state's dealings, nor the state theirs ("Georgia's
    government accused the U.S. ambassador of meddling. The opposition rejected the offer of
    talks" is no rejection of the United States)."""
    short, long = sorted((earlier.code or "", source.code or ""), key=len)
    if len(short) > 3 and long.startswith(short):
        return True  # "the opposition" (GEOOPP) is the party (GEOOPPUNM) named before
    return not (_dissident(earlier, POLITICAL_ROLES) or _dissident(source, POLITICAL_ROLES))


def _dissident(actor: Actor, roles: frozenset[str]) -> bool:
    """Whether the actor's own role (its first) is one of ``roles``."""
    return bool(actor.roles) and actor.roles[0] in roles

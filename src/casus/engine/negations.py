"""What a negated act says by itself: a denial, or a standing refusal.

A side's report that it did not do a hostile act is a denial (CAMEO 016).

"Russia's Defence Ministry said it had not planned to hit any targets in Poland", "the army
insisted its troops did not fire on the crowd": the attack itself is negated and not coded,
but the statement is an event of its own, the speaker denying responsibility towards the side
the act would have been done to. The negated act must be the speaker's own (its subject is a
pronoun or a noun phrase with a possessive pronoun) and must be past: "said it would not
attack" is a refusal or an intent, left to the intentions table.

A cooperative act negated in the present tense is a stance the side holds now, a rejection:
"Serbia does not recognise Kosovo's independence", "Caracas declared that it does not recognise
the court's jurisdiction" (the refusal code of ``data/intentions.tsv``: 120, 125).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from casus.engine.modality import REPORTING_VERBS, governors, is_negated_locally
from casus.model import Modality

if TYPE_CHECKING:
    from spacy.tokens import Token

    from casus.model import Event
    from casus.ontology.cameo import CameoTable

DENY = "016"
# Acts whose denial is a denial of responsibility: coercion, assault, fighting, mass violence.
DENIABLE_ROOTS = frozenset({"17", "18", "19", "20"})
# Pronouns by which a reported clause's subject is the speaker itself ("said it had not").
OWN_PRONOUNS = frozenset({"it", "they", "we", "its", "their", "our"})
# Auxiliaries of an unreal or future act: "said it would not attack" is no denial.
IRREALIS_AUX = frozenset(
    {"will", "would", "could", "can", "may", "might", "shall", "should", "must", "'ll", "wo", "ca"}
)
# Verbs of saying that deny by themselves ("denied that it had attacked"): coded there already.
DENYING_VERBS = frozenset({"deny", "reject", "dismiss", "refute"})
# Cooperative roots whose present-tense negation is a stance: recognise, support, accept (03,
# 05), negotiate (04). "does not send arms" (06, 07) is more often a denial than a refusal.
STANCE_ROOTS = frozenset({"03", "04", "05"})
PRESENT_TAGS = frozenset({"VBP", "VBZ"})
# A relative clause describes a thing, it does not report a stance: "the administrative line,
# which Belgrade does not recognise as a border".
BACKGROUND_DEPS = frozenset({"relcl", "acl"})


def denials(events: list[tuple[Event, Token]], cameo: CameoTable) -> list[tuple[Event, Token]]:
    """``events`` with a 016 event added for each negated hostile act that its own actor
    reports ("the ministry said it had not hit any targets in Poland")."""
    added: list[tuple[Event, Token]] = []
    seen: set[tuple[str | None, str | None, int]] = {
        (_code(e.source), _code(e.target), e.sentence_index)
        for e, _ in events
        if e.cameo == DENY and e.modality.asserted
    }
    fields = cameo.get(DENY).event_fields()
    for event, token in events:
        if not (event.modality.negated and event.cameo_root in DENIABLE_ROOTS):
            continue
        speech = _own_report(token)
        if speech is None or event.source is None:
            continue
        key = (_code(event.source), _code(event.target), event.sentence_index)
        if key in seen:
            continue
        seen.add(key)
        offset = event.trigger_start - token.idx
        denial = replace(
            event,
            **fields,
            trigger_text=speech.text,
            trigger_start=speech.idx + offset,
            trigger_end=speech.idx + len(speech.text) + offset,
            modality=Modality(reported=event.modality.reported),
            pattern=f"{__name__}:{DENY}",
        )
        added.append((denial, speech))
    return events + added


def _code(actor: object) -> str | None:
    return getattr(actor, "code", None)


def _own_report(pred: Token) -> Token | None:
    """The reporting verb of a clause in which the speaker says it did not do ``pred``, or
    None: the chain up to it must be past and real, and the clause's subject the speaker's
    own pronoun."""
    chain = [pred]
    for gov in governors(pred):
        lemma = gov.lemma_.lower()
        if gov.pos_ in ("VERB", "AUX") and lemma in REPORTING_VERBS:
            if lemma in DENYING_VERBS or is_negated_locally(gov) or _irrealis(gov):
                return None
            if not any(c.dep_ == "nsubj" for c in gov.children):
                return None
            if not any(is_negated_locally(t) for t in chain):
                return None
            return gov if _own_subject(chain) else None
        chain.append(gov)
        if len(chain) > 3:
            return None
    return None


def _irrealis(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in IRREALIS_AUX for c in verb.children) or any(
        c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in verb.children
    )


def _own_subject(chain: list[Token]) -> bool:
    """Whether the reported clause is about the speaker's own act: its subject is "it",
    "they", "we", or a phrase with "its", "their", "our" ("its drones"), and nothing in it is
    future or unreal."""
    subject = None
    for verb in chain:
        if _irrealis(verb):
            return False
        subject = subject or next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return False
    if subject.lower_ in OWN_PRONOUNS:
        return True
    return any(c.dep_ == "poss" and c.lower_ in OWN_PRONOUNS for c in subject.children)


def refusals(
    events: list[tuple[Event, Token]],
    intents: dict[str, tuple[str | None, str | None]],
    cameo: CameoTable,
) -> list[tuple[Event, Token]]:
    """``events`` with the rejection each present-tense negated cooperative act states
    ("Serbia does not recognise Kosovo" → 120)."""
    added: list[tuple[Event, Token]] = []
    for event, token in events:
        modality = event.modality
        if not modality.negated or modality.hypothetical or modality.future:
            continue
        if event.cameo_root not in STANCE_ROOTS or event.source is None:
            continue
        refusal = intents.get(event.cameo_root, (None, None))[1]
        if refusal is None or not _present_negation(token):
            continue
        fields = cameo.get(refusal).event_fields()
        stance = replace(event, **fields, modality=Modality(reported=modality.reported))
        added.append((replace(stance, pattern=f"{__name__}:{refusal}"), token))
    return events + added


def _present_negation(pred: Token) -> bool:
    """ "does not recognise", "do not accept": a negated verb in the simple present."""
    auxes = [c for c in pred.children if c.dep_ == "aux"]
    if not any(c.dep_ == "neg" for c in pred.children) or pred.dep_ in BACKGROUND_DEPS:
        return False
    if _irrealis(pred):
        return False
    return any(a.lemma_.lower() == "do" and a.tag_ in PRESENT_TAGS for a in auxes)

"""Modality: is an action asserted, negated, hypothetical, future, or reported?

Each rule reads the dependency parse around the predicate; docs/event-model.md#modality lists
them with examples. The event engine emits only asserted actions by default.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.strings import get_string_id

from casus.engine.deadlines import demanded_by_deadline
from casus.engine.phrases import verb_above
from casus.engine.readiness import willingness_of
from casus.engine.sentences import (
    column,
    document_words,
    in_sentence_with,
    sentence_index,
    sentence_of,
    sentences_with,
)
from casus.engine.voice import for_clause_subjects
from casus.model import Modality
from casus.ontology.words import word_list

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_NEGATED_KEY = "casus.negated_sentences"
FUTURE_AUX = word_list("future_aux")
MODAL_AUX = word_list("modal_aux")
NEGATORS = word_list("negators")
IRREALIS_GOVERNORS = word_list("irrealis_governors")
PRESENT_TAGS = frozenset({"VBZ", "VBP"})
NEGATING_GOVERNORS = word_list("negating_governors")
MANDATIVE_GOVERNORS = word_list("mandative_governors")
WANTING_VERBS = word_list("wanting_verbs")
ACCUSATION_VERBS = word_list("accusation_verbs")
GROUNDS_VERBS = word_list("grounds_verbs")
GROUNDS_PREPS = frozenset({"for", "over"})
DENIAL_VERBS = word_list("denial_verbs")
UNCONFIRMED_NOUNS = word_list("unconfirmed_nouns")
REPORTING_VERBS = word_list("reporting_verbs")
COGNITION_VERBS = word_list("cognition_verbs")
HYPOTHETICAL_MODIFIERS = word_list("hypothetical_modifiers")
CONDITION_MARKS = word_list("condition_marks")
PRESUPPOSING_MARKS = word_list("presupposing_marks")
# "after the coup", "amid fighting": the act happened ("before the talks" may not have).
PRESUPPOSING_PREPS = word_list("presupposing_preps") - {"before"}
CLAUSE_LINKS = frozenset(
    {
        "xcomp",
        "ccomp",
        "advcl",
        "conj",
        "pcomp",
        "acl",
        "relcl",
        "dobj",
        "pobj",
        "prep",
        "nsubj",
        "acomp",
        "attr",
        "oprd",
        "npadvmod",
        "amod",
        "compound",
        "appos",
    }
)


IRREALIS_NOUNS = word_list("irrealis_nouns")
INTENTION_NOUNS = word_list("intention_nouns")
TOPIC_NOUNS = word_list("topic_nouns")


def _auxes(verb: Token) -> list[Token]:
    """The auxiliaries and negation of a verb, with those of the verb it is conjoined to
    (found once per token and kept with the Doc: every modality check asks)."""
    memo: dict[int, list[Token]] = verb.doc.user_data.setdefault("casus.auxes", {})
    found = memo.get(verb.i)
    if found is None:
        found = memo[verb.i] = _find_auxes(verb)
    return found


def _find_auxes(verb: Token) -> list[Token]:
    out = [c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg")]
    if (
        verb.dep_ == "conj"
        and not _own_tense(verb)
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    ):
        # "did not attack the town but shelled the port": "but" stops the negation
        contrast = any(c.dep_ == "cc" and c.lower_ in ("but", "yet") for c in verb.head.children)
        out += [
            c
            for c in verb.head.children
            if c.dep_ in ("aux", "auxpass", "neg") and not (contrast and c.dep_ == "neg")
        ]
    return out


def _to_clause(verb: Token) -> bool:
    """A "to" infinitive with a subject of its own: "wants Beijing to release them"."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and any(
        c.dep_ == "nsubj" for c in verb.children
    )


def _from_clause(prep: Token) -> bool:
    """Whether a "from" phrase holds a clause: "refrained from attacking", "were prevented
    from arresting him" (kept from an act, which then did not happen)."""
    return prep.lower_ == "from" and any(c.dep_ == "pcomp" for c in prep.children)


def _own_tense(verb: Token) -> bool:
    """A conjunct with a tense of its own keeps it: "would never accept subordination and
    was still negotiating" (the talks are going on, not refused)."""
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ != "to" for c in verb.children)


def is_negated_locally(pred: Token) -> bool:
    """ "did not attack", "has never condemned", "no country ... was willing"."""
    if not _may_be_negated(pred):
        return False
    for child in _auxes(pred) + [c for c in pred.children if c.dep_ == "advmod"]:
        if child.dep_ == "neg" or child.lower_ in NEGATORS:
            return True
    for child in pred.children:
        if child.dep_ in ("nsubj", "nsubjpass") and any(
            d.dep_ == "det" and d.lower_ in ("no", "neither") for d in child.children
        ):
            return True
    if _neither_nor(pred):
        return True
    if pred.dep_ == "acl" and pred.head.pos_ == "NOUN":
        # "saw no need to send troops", "there was no plan to attack": the act is denied
        return any(c.dep_ == "det" and c.lower_ == "no" for c in pred.head.children)
    if (
        pred.dep_ == "advcl"
        and _purpose(pred)
        and any(c.dep_ == "dobj" and _denied_intention(c) for c in pred.head.children)
    ):
        return True  # "saw no need at this stage to send troops": the infinitive hung on the verb
    if pred.dep_ == "pcomp" and pred.head.lower_ == "of" and _denied_intention(pred.head.head):
        return True  # "had no intention of invading"
    if pred.pos_ == "NOUN":  # "no attack took place"
        return any(c.dep_ == "det" and c.lower_ in ("no",) for c in pred.children)
    return False


def _may_be_negated(pred: Token) -> bool:
    """Whether the predicate's sentence has what :func:`is_negated_locally` reads: a word
    labelled ``neg`` or a negator ("not", "never", "no", "neither", "nor"). Every word the
    rule reads (the verb's auxiliaries and modifiers, its subject's and its head's
    determiners) is a word of that sentence, and most sentences have none of them."""
    doc = pred.doc
    number = sentence_index(pred)
    return number in sentences_with(doc, NEGATORS) or number in _negated_sentences(doc)


def _negated_sentences(doc: Doc) -> frozenset[int]:
    """The numbers of the sentences with a word labelled ``neg``, found once per document
    from its labels (no Token for the words passed) and kept with the Doc."""
    found: frozenset[int] | None = doc.user_data.get(_NEGATED_KEY)
    if found is None:
        neg = get_string_id("neg")
        found = doc.user_data[_NEGATED_KEY] = frozenset(
            sentence_index(doc[i]) for i, label in enumerate(column(doc, "DEP")) if label == neg
        )
    return found


def _denied_intention(noun: Token) -> bool:
    """ "no need", "no intention", "no plans": an intention noun under "no"."""
    return noun.lemma_.lower() in INTENTION_NOUNS and any(
        c.dep_ == "det" and c.lower_ == "no" for c in noun.children
    )


def _neither_nor(pred: Token) -> bool:
    """ "has neither confirmed nor denied a role": both verbs are negated."""
    if "neither" not in document_words(pred.doc):
        return False  # the document's words first: most have no "neither"
    if any(c.dep_ == "preconj" and c.lower_ == "neither" for c in pred.children):
        return True
    head = pred.head
    return (
        pred.dep_ == "conj"
        and any(c.dep_ == "cc" and c.lower_ == "nor" for c in head.children)
        and any(c.dep_ == "preconj" and c.lower_ == "neither" for c in head.children)
    )


def _disjoined(conj: Token) -> bool:
    """ "pledged not to threaten **or use** force": the negation spans the disjunction."""
    return any(c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in conj.head.children)


def is_future_locally(pred: Token) -> bool:
    """ "will strike", "is going to attack", "is to visit"."""
    for aux in _auxes(pred):
        if aux.lower_ in FUTURE_AUX or aux.lemma_ == "will":
            return True
    if pred.dep_ != "xcomp":
        return False
    head = pred.head
    if head.lemma_ == "be" and head.pos_ in ("AUX", "VERB") and _to_infinitive(pred):
        # "the ministers are to meet today": a scheduled act, not one done
        return not any(c.dep_ in ("attr", "acomp") for c in head.children)
    return head.lemma_ == "go" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in head.children)


def _to_infinitive(verb: Token) -> bool:
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _unattributed_passive(verb: Token) -> bool:
    """ "is expected to": a passive whose "by" agent, the one who expects, is not named."""
    children = list(verb.children)
    return any(c.dep_ == "auxpass" for c in children) and not any(
        c.dep_ == "agent" for c in children
    )


def is_modal_locally(pred: Token) -> bool:
    """ "could attack", "may have attacked", "should sign"."""
    return any(aux.lower_ in MODAL_AUX for aux in _auxes(pred))


def is_conditional(pred: Token) -> bool:
    """The predicate sits in an "if"/"unless" clause (or its main clause depends on one only
    through a question)."""
    if not in_sentence_with(pred, CONDITION_MARKS):
        return False  # the climb stays in the sentence: no "if" or "unless" there, no clause
    t = pred
    for _ in range(8):
        if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in t.children):
            return True
        if t.dep_ not in ("conj", "xcomp", "ccomp", "advcl") or t.head.i == t.i:
            return False
        t = t.head
    return False


def is_question(pred: Token) -> bool:
    """The predicate is in a sentence that asks ("Will Iran strike?", "Did Baku expel ...?")."""
    sent = sentence_of(pred)
    # whether the sentence ends in "?", found once per sentence and kept with the Doc (every
    # predicate asks)
    memo: dict[int, bool] = pred.doc.user_data.setdefault("casus.questions", {})
    asks = memo.get(sent.start)
    if asks is None:
        last = next((t for t in reversed(sent) if not t.is_space), None)
        asks = memo[sent.start] = last is not None and last.text == "?"
    if not asks:
        return False
    root = sent.root
    return pred.i == root.i or (pred.head.i == root.i and pred.dep_ in ("conj", "xcomp"))


def governors(pred: Token) -> list[Token]:
    """The chain of heads that govern the predicate through complement and clause links."""
    out = []
    t = pred
    for _ in range(12):
        if t.head.i == t.i or t.dep_ not in CLAUSE_LINKS:
            break
        t = t.head
        out.append(t)
    return out


def modality_of(pred: Token) -> Modality:
    """The modality of a verbal or nominal predicate (docs/event-model.md#modality)."""
    negated = is_negated_locally(pred)
    future = is_future_locally(pred)
    hypothetical = is_modal_locally(pred) or is_conditional(pred) or is_question(pred)
    reported = False
    if pred.pos_ == "NOUN" and any(
        c.dep_ in ("amod", "compound") and c.lower_ in HYPOTHETICAL_MODIFIERS for c in pred.children
    ):
        hypothetical = True
    if pred.pos_ == "NOUN" and (_irrealis_noun(pred) or willingness_of(pred) is not None):
        hypothetical = True  # "was ready for direct talks": the talks are not held yet
    if pred.pos_ == "VERB" and demanded_by_deadline(pred):
        hypothetical = True  # "gave Hamas a week to release the hostages"
    child = pred
    for gov in governors(pred):
        if presupposed_clause(child):
            break  # what happened "after Minsk arrested a journalist" is no one's plan
        link = child.dep_
        lemma = gov.lemma_.lower()
        if (
            link in ("xcomp", "acomp")
            or (link == "pcomp" and gov.pos_ == "ADP")
            or (link == "ccomp" and _to_clause(child))  # "wants Beijing to release them"
            or (link == "prep" and _from_clause(child))  # "were prevented from arresting him"
            or (link == "advcl" and bool(for_clause_subjects(gov, child)))  # "called for X to"
        ):
            if lemma in NEGATING_GOVERNORS:
                negated = True
            elif lemma in IRREALIS_GOVERNORS:
                hypothetical = True
        if lemma in DENIAL_VERBS and link in ("ccomp", "dobj", "pobj", "prep", "xcomp"):
            negated = True
        if lemma in ACCUSATION_VERBS and (
            link in ("prep", "ccomp", "xcomp", "pcomp")
            or (link == "advcl" and child.tag_ == "VBG")  # "accused X of A, ignoring B"
        ):
            hypothetical = True
        if link == "prep" and _grounds_gerund(child) and _punishes(gov):
            hypothetical = True  # "fined Poland for defying the court": the punisher's charge
        if link == "acl" and gov.pos_ == "NOUN" and lemma in UNCONFIRMED_NOUNS:
            hypothetical = True  # "an allegation that the NPFL had taken over the city"
        if link == "dobj" and child.pos_ == "NOUN" and lemma in WANTING_VERBS:
            hypothetical = True  # "demanded a meeting to discuss the advance", "proposed talks"
        if link == "advcl" and _until(child) and gov.pos_ in ("VERB", "AUX"):
            # "have sworn to fight until they gain control": as real as what it bounds
            # ("opposed the force until their demands are met": a bound in the present tense
            # has not been reached)
            outer = modality_of(gov)
            hypothetical = (
                hypothetical
                or outer.hypothetical
                or lemma in IRREALIS_GOVERNORS
                or _present_tense(child)
            )
            future = future or outer.future
        if link == "advcl" and _purpose(child) and lemma in IRREALIS_GOVERNORS:
            # "demanded a meeting to discuss the advance", "swore to fight" parsed as a purpose
            hypothetical = True
        if link == "ccomp" and lemma in REPORTING_VERBS:
            reported = True
        if link == "ccomp" and lemma in COGNITION_VERBS:
            hypothetical = True
        if link == "ccomp" and lemma in MANDATIVE_GOVERNORS and is_subjunctive(child):
            hypothetical = True
        if (
            link in ("ccomp", "acl")
            and (lemma in TOPIC_NOUNS or _has_topic_object(gov))
            and is_subjunctive(child)
        ):
            hypothetical = True  # "reiterated its demand that Israel ease restrictions"
        if _purpose(child) and (
            (link == "acl" and gov.lemma_.lower() in TOPIC_NOUNS)
            or (link == "advcl" and _has_topic_object(gov))
        ):
            hypothetical = True  # "signed an agreement to increase trade": still to come
        if link == "advcl" and _purpose(child) and gov.pos_ in ("VERB", "AUX"):
            # "would blockade Paris to demand an end to the reform": the purpose of an act
            # that is only planned is itself only planned
            future = future or is_future_locally(gov)
            hypothetical = hypothetical or is_modal_locally(gov)
        if (
            link in ("xcomp", "ccomp", "conj", "acomp")
            and gov.pos_ in ("VERB", "AUX", "ADJ")
            and not (link == "conj" and _own_tense(child))
        ):
            # a negated or future governor carries over: "did not agree to sign" (the signing
            # is not asserted), "will try to visit".
            if is_negated_locally(gov) and (link != "conj" or _disjoined(child)):
                negated = True
            if is_future_locally(gov) and link != "ccomp":
                future = True
            if is_modal_locally(gov) and link != "ccomp":
                hypothetical = True
        if is_conditional(gov) and link != "ccomp":
            hypothetical = True
        child = gov
    if pred.pos_ == "NOUN" and not _presupposed_noun(pred):
        verb = _governing_verb(pred)
        if verb is not None:
            outer = modality_of(verb)
            negated = negated or outer.negated
            future = future or outer.future
            hypothetical = hypothetical or outer.hypothetical
            reported = reported or outer.reported
    return Modality(negated=negated, hypothetical=hypothetical, future=future, reported=reported)


def _grounds_gerund(prep: Token) -> bool:
    """A "for"/"over" phrase with a gerund clause, the grounds of a punishment: "jailed
    for breaking a ban" (a noun, "jailed for the attack", may name an act that did happen)."""
    return prep.lower_ in GROUNDS_PREPS and any(
        c.dep_ == "pcomp" and c.tag_ == "VBG" for c in prep.children
    )


def _punishes(verb: Token) -> bool:
    """A punishment or rebuke, or a verb whose object is one: "fined", "imposed **sanctions**",
    "ordered his house **arrest**"."""
    return verb.lemma_.lower() in GROUNDS_VERBS or any(
        o.dep_ == "dobj" and o.lemma_.lower() in GROUNDS_VERBS for o in verb.children
    )


def presupposed_clause(token: Token) -> bool:
    """A past clause of time or cause, which happened whatever the clause it hangs on says:
    "agreed to ban Belarusian airlines **after Minsk arrested** a journalist", "would
    retaliate **because Israel had struck** its consulate"; or a presupposing preposition
    ("agreed to impose sanctions **after the coup**")."""
    if token.dep_ == "prep":  # a noun, not a gerund ("will sign after meeting him")
        return token.lower_ in PRESUPPOSING_PREPS and any(
            c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN") for c in token.children
        )
    if token.dep_ != "advcl" or not any(
        c.dep_ == "mark" and c.lower_ in PRESUPPOSING_MARKS for c in token.children
    ):
        return False
    head = token.head
    if is_future_locally(head) or is_modal_locally(head) or _only(token):
        return False  # "would (only) return to talks after Washington lifted sanctions"
    if token.tag_ == "VBD":
        return True
    auxes = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    return (
        token.tag_ == "VBN"
        and any(a.tag_ in ("VBD", "VBZ", "VBP") for a in auxes)
        and not any(
            a.lower_ in FUTURE_AUX or a.lemma_ == "will" or a.lower_ in MODAL_AUX for a in auxes
        )
    )


def _only(clause: Token) -> bool:
    """ "only after", "not until": a condition, not a time ("would sign only after the US
    lifted sanctions")."""
    return any(
        c.lower_ == "only"
        for t in (clause, *clause.children)
        for c in (t, *t.children)
        if c.dep_ == "advmod"
    )


def _presupposed_noun(noun: Token) -> bool:
    """ "after the coup", "amid fighting": the noun's act happened, whatever the verb above
    says ("agreed to impose sanctions after the coup")."""
    return noun.dep_ == "pobj" and noun.head.lower_ in PRESUPPOSING_PREPS


def is_subjunctive(verb: Token) -> bool:
    """A "that" clause in the bare form: "demanded that the government **end** curbs",
    "insisted that the talks **be** held" (not "said that Iran **had expelled**")."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ == "should" for a in auxes):
        return True
    if auxes:
        return all(a.lower_ == "be" and a.tag_ == "VB" for a in auxes)
    # the parser tags a bare "end" after a singular subject VBP as often as VB
    has_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    return verb.tag_ in ("VB", "VBP") and has_subject


def _until(verb: Token) -> bool:
    """A clause that bounds another in time: "until they gain control", "before it begins"."""
    return any(c.dep_ == "mark" and c.lower_ in ("until", "till", "before") for c in verb.children)


def _present_tense(verb: Token) -> bool:
    """ "until Israel halts", "until their demands are met": the verb or its auxiliary is in
    the present tense."""
    return verb.tag_ in PRESENT_TAGS or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in PRESENT_TAGS for c in verb.children
    )


def _has_topic_object(verb: Token) -> bool:
    """The verb's object is talks, a deal or a plan: the parser often hangs what they are
    about on the verb ("renewed negotiations today on a pullback")."""
    return verb.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "dobj" and c.lemma_.lower() in TOPIC_NOUNS for c in verb.children
    )


def _purpose(verb: Token) -> bool:
    """An infinitive of purpose: "blocked roads **to demand** reforms"."""
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _irrealis_noun(noun: Token) -> bool:
    """ "the risk of a war", "fears of an attack", "a plan for talks", "talks on a
    ceasefire": the act is only possible."""
    head = noun.head
    if noun.dep_ != "pobj":
        return False
    if head.lower_ in ("on", "about", "over") and (
        head.head.lemma_.lower() in TOPIC_NOUNS or _has_topic_object(head.head)
    ):
        return True  # "negotiations on a troop pullback", "renewed talks today on a pullback"
    return head.lower_ in ("of", "for") and head.head.lemma_.lower() in IRREALIS_NOUNS


def _governing_verb(noun: Token) -> Token | None:
    """The verb whose argument a nominal event is: "launched an attack", "denied involvement
    in the attack"."""
    return verb_above(noun, 4)


SCHEDULE_GOVERNORS = word_list("schedule_governors")
FORECAST_GOVERNORS = word_list("forecast_governors")
ASPECT_GOVERNORS = word_list("aspect_governors")


def stated_future(pred: Token) -> bool:
    """An action stated as going to happen ("will strike", "is due to visit", "would retaliate
    if ..."), as opposed to speculation ("could attack", "may visit"). Negation is the
    caller's business ("will not recognise" is a stated refusal). Found once per token and
    kept with the Doc: each reading of a predicate asks again."""
    memo: dict[int, bool] = pred.doc.user_data.setdefault("casus.stated_future", {})
    found = memo.get(pred.i)
    if found is None:
        found = memo[pred.i] = _stated_future(pred)
    return found


def _stated_future(pred: Token) -> bool:
    if is_question(pred):
        return False
    auxes = {a.lower_ for a in _auxes(pred)}
    if auxes & {"could", "might", "may", "should", "must", "can", "ca"}:
        return False
    if is_future_locally(pred):
        return True
    if auxes & {"would", "'d"}:
        return True
    t = pred
    for _ in range(3):
        if t.dep_ not in ("xcomp", "acomp") or t.head.i == t.i:
            return False
        t = t.head
        if t.lemma_.lower() in FORECAST_GOVERNORS and _unattributed_passive(t):
            return False  # "Pence is expected to attend": the writer's forecast, no one's plan
        if t.lemma_.lower() in SCHEDULE_GOVERNORS:
            return True
        if t.lemma_.lower() in ASPECT_GOVERNORS:
            # "will continue to support Laos", "would keep recognising": going on with
            # the act is stated as the governor's own tense states it
            return stated_future(t)
    return False

"""Attribution: on whose word each event stands.

In order: the subject of a reporting verb that governs the event ("X said Y attacked Z"), an
"according to X" phrase, the speaker of the quotation the event sits in (named in the same
sentence, "..., said Spokesman Naser Kanani", or in the next one, "... . The ministry said"),
and otherwise the outlet.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from casus.document import Document
from casus.engine.modality import REPORTING_VERBS
from casus.engine.resolver import Resolver
from casus.engine.sentences import has_word, lemmas, sentence_of, sentences
from casus.model import Actor, Attribution, Event
from casus.ontology.words import word_list

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

QUOTE_RE = re.compile(r"[\u201c\"\u201e\u00ab](.+?)[\u201d\"\u201c\u00bb]", re.DOTALL)
# Verbs whose subject vouches for (or disputes) their complement: reporting verbs, and
# "denied that", "accused X of", "claimed that".
ATTRIBUTING_VERBS = REPORTING_VERBS | word_list("attributing_verbs")
SPEECH_NOUNS = word_list("speech_nouns")
SPEECH_LINKS = frozenset(
    {
        "ccomp",
        "conj",
        "xcomp",
        "advcl",
        "dobj",
        "pobj",
        "prep",
        "relcl",
        "acl",
        "pcomp",
        "parataxis",
        "npadvmod",
        "nsubj",
        "attr",
    }
)


def _reporting_governor(trigger: Token) -> tuple[Token, Token] | None:
    """The reporting verb whose complement holds the trigger, and its subject token."""
    t = trigger
    for _ in range(10):
        if t.head.i == t.i:
            break
        link, t = t.dep_, t.head
        if link not in SPEECH_LINKS:
            break
        if t.lemma_.lower() in ATTRIBUTING_VERBS and link in (
            "ccomp",
            "parataxis",
            "conj",
            "pcomp",
            "prep",
        ):
            subject = _subject(t)
            if subject is not None:
                return t, subject
    root = sentence_of(trigger).root
    if (
        root.i != trigger.i
        and root.lemma_.lower() in REPORTING_VERBS
        and any(c.dep_ in ("ccomp", "parataxis") for c in root.children)
        and trigger.i
        in {x.i for c in root.children if c.dep_ in ("ccomp", "parataxis") for x in c.subtree}
    ):
        subject = _subject(root)
        if subject is not None:
            return root, subject
    return None


def _subject(verb: Token) -> Token | None:
    """Who speaks: the subject, the author of a speech noun ("a statement by the ministry
    said"), or the inherited subject of a participle ("issued a statement saying ...")."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            if child.lemma_.lower() in SPEECH_NOUNS:
                author = _author(child)
                return author if author is not None else child
            return child
    if verb.dep_ in ("acl", "advcl", "xcomp", "conj") and verb.head.i != verb.i:
        head = verb.head
        if head.lemma_.lower() in SPEECH_NOUNS:
            return _author(head) or _subject(head.head)
        return _subject(head)
    return None


def _author(noun: Token) -> Token | None:
    for child in noun.children:
        if child.dep_ in ("prep", "agent") and child.lower_ in ("by", "from", "of", "for"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
        if child.dep_ == "poss":
            return child
    return None


# the word the scan below looks for, as a list of the sentence's words (h-speed14)
ACCORDING = frozenset({"according"})


def _according_to(sent: Span) -> Token | None:
    if not has_word(sent, ACCORDING):
        return None  # the sentence's words first: most have no "according to" to walk to
    for token in sent:
        if token.lower_ == "according":
            for prep in token.children:
                if prep.lower_ == "to":
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj":
                            return pobj
    return None


class _Quotes:
    """The quotations and sentences of one document, found once: searching the text again for
    every trigger would make the cost grow with the square of the document's length."""

    def __init__(self, text: str, doc: Doc) -> None:
        self.breaks = [m.start() for m in re.finditer("\n", text)]
        bounds = [0, *self.breaks, len(text)]
        # quotes never run across a paragraph break: one list per paragraph
        self.by_paragraph = [
            [(m.start(1), m.end(1)) for m in QUOTE_RE.finditer(text, a, b)]
            for a, b in zip(bounds, bounds[1:], strict=False)
        ]
        self.sentences = sentences(doc)
        self.sentence_ends = [s.end_char for s in self.sentences]

    def around(self, trigger: Token) -> tuple[int, int] | None:
        """The quotation the trigger stands in, if any."""
        paragraph = bisect.bisect_left(self.breaks, trigger.idx)
        for start, end in self.by_paragraph[paragraph]:
            if start <= trigger.idx < end:
                return start, end
        return None

    def speaker(self, quote: tuple[int, int]) -> tuple[Token, Token] | None:
        """ "“...,” said X." / "“...,” X said." / "“...” The ministry said so in a
        statement."."""
        first = bisect.bisect_left(self.sentence_ends, quote[0])
        for sent in self.sentences[first:]:
            if sent.start_char > quote[1] + 200:
                break
            words = lemmas(sent.doc)  # the Doc's lemmas: a Token only for a reporting verb
            for token in (
                sent.doc[i] for i in range(sent.start, sent.end) if words[i] in REPORTING_VERBS
            ):
                if not (quote[0] <= token.idx < quote[1]):
                    subject = _subject(token)
                    if subject is not None and not (quote[0] <= subject.idx < quote[1]):
                        return token, subject
        return None


class AttributionStage:
    """Attributes every event to a speaker or to the outlet."""

    name: str = "attribution"
    requires: tuple[str, ...] = ("events", "triggers", "resolver")
    assigns: tuple[str, ...] = ("events",)

    def __call__(self, document: Document) -> Document:
        resolver = document.need_resolver()
        quotes = _Quotes(document.text, document.parsed())
        outlet = document.article.outlet
        if outlet is None and document.dateline is not None:
            outlet = document.dateline.agency
        out: list[Event] = []
        for event, trigger in document.coded():
            attribution = self._attribute(quotes, trigger, resolver, outlet, document.offset)
            speaker = attribution.speaker
            if (
                speaker is not None
                and event.source is not None
                and (
                    speaker.start == event.source.start
                    or (
                        speaker.code == event.source.code
                        and event.source.how == "pronoun"
                        and event.source.text.lower() not in ("we", "us", "our")
                    )
                )
            ):
                # the actor's own statement stands on the outlet's word, not on another's
                attribution = replace(attribution, speaker=None, verb=None)
                speaker = None
                event = event.with_(modality=replace(event.modality, reported=False))
            if (
                speaker is not None
                and speaker.code is None
                and speaker.roles
                and (document.dateline is not None and document.dateline.country)
            ):
                # "state media reported" under a Baku dateline: Azerbaijan's state media
                country = document.dateline.country
                attribution = replace(
                    attribution,
                    speaker=replace(
                        speaker,
                        code=country + "".join(speaker.roles),
                        country=country,
                        how="inferred",
                    ),
                )
            modality = event.modality
            if attribution.speaker is not None and not modality.reported:
                modality = replace(modality, reported=True)
            out.append(event.with_(attribution=attribution, modality=modality))
        document.events = out
        return document

    def attribute(
        self, doc: Doc, trigger: Token, resolver: Resolver, outlet: str | None
    ) -> Attribution:
        """The attribution of one trigger in a parsed text (the stage does every trigger of a
        document at once)."""
        return self._attribute(_Quotes(doc.text, doc), trigger, resolver, outlet, 0)

    def _attribute(
        self, quotes: _Quotes, trigger: Token, resolver: Resolver, outlet: str | None, offset: int
    ) -> Attribution:
        quote = quotes.around(trigger)
        found = _reporting_governor(trigger)
        verb: Token | str | None = None
        speaker: Actor | None = None
        if found is not None:
            verb, subject = found
            speaker = resolver.actor_for(subject)
        if speaker is None:
            pobj = _according_to(sentence_of(trigger))
            if pobj is not None:
                speaker = resolver.actor_for(pobj)
                verb = "according to"
        if speaker is None and quote is not None:
            said = quotes.speaker(quote)
            if said is not None:
                verb, subject = said
                speaker = resolver.actor_for(subject)
        verb_text = verb if isinstance(verb, str) or verb is None else verb.lemma_.lower()
        if speaker is None:
            verb_text = None
        q0 = quote[0] + offset if quote else None
        q1 = quote[1] + offset if quote else None
        return Attribution(
            speaker=speaker, outlet=outlet, verb=verb_text, quote_start=q0, quote_end=q1
        )

"""The sentence pre-filter (``prefilter = true``, issue 14): sentences that can neither yield an
event nor change another sentence's events are tokenised, not parsed.

A sentence is parsed when it might matter to any stage: it has a capital letter after its
first (a name), a digit, a quote mark or a non-ASCII letter, or a word of casus's vocabulary
(any form of a lexicon trigger, of an actor dictionary's words, of the engine's word lists, of
a reference event's words, or a time word). What the stages read across sentences is kept
so: pronouns, definite descriptions ("the ministry") and role nouns are vocabulary; quotes
are kept for attribution; and once a sentence may state a time (a digit, a time word, a
name, a reference event's word), every sentence up to the next paragraph that does not carry
the story on is parsed, because a present-tense sentence ends a narrative time frame
(docs/dates.md) and only the parse says which sentences are present-tense. On news this
leaves nothing to skip (docs/scale.md), so the filter is off by default.
``benchmarks/event_diff.py --set prefilter=true`` shows what it changes on the gold sets.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from casus.engine.narrative import CONTINUATIONS
from casus.engine.reference_time import ReferenceResolver
from casus.ontology.actors import ActorDictionary
from casus.ontology.lexicon import Lexicon
from casus.ontology.words import all_words, word_list

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Where a sentence may end: after . ! ? (and closing quotes or brackets) and spaces, before a
# capital; or after a line break. The cut falls after the spaces, so every piece tokenises as
# it does inside the whole text (spaCy splits on spaces first).
BOUNDARY = re.compile(r"[.!?][\"'\u201d\u2019)\]]*[ \t]+(?=[A-Z])|\n\s*")
WORD = re.compile(r"[a-z]+")
# A sentence is kept for any of these characters (a name, a number, a quote, a foreign word).
KEEP_CHARS = re.compile(r"[0-9\"'`\u2018-\u201f\u00ab\u00bb]|[^\x00-\x7f]")
STOP_WORDS = word_list("prefilter_stop_words")  # never a reason alone to parse a sentence
TIME_WORDS = word_list("prefilter_time_words")  # a sentence that may state a time
OPENERS = word_list("prefilter_openers")  # first words that are not names
# lists that act only within a clause that has a trigger, and lists coding does not read
CLAUSE_TABLES = (
    "words/function.tsv",
    "words/modifiers.tsv",
    "words/prefilter.tsv",
    "dedup_stopwords",
    # words that only matter beside a trigger the lexicon already gives ("came under attack",
    # "received aid from", "condemned the incident")
    "undergoing_verbs",
    "receiving_verbs",
    "received_goods",
    "spoken_nouns",
    "act_nouns",
)
MIN_STEM = 4  # shorter stems would match too many words ("the" from "they")


class SentenceFilter:
    """Decides which pieces of a text are parsed; :meth:`parse_all` builds the spaCy Docs."""

    def __init__(
        self,
        words: Iterable[str],
        irregular: dict[str, list[str]],
        time_words: Iterable[str] = (),
    ) -> None:
        self._words: set[str] = set()
        self._stems: set[str] = set()
        for word in words:
            self._add(word)
        for form, lemmas in irregular.items():
            if any(lemma in self._words for lemma in lemmas):
                self._words.add(form)
        self._words -= STOP_WORDS
        self._stems -= STOP_WORDS
        self._stem_lengths = sorted({len(s) for s in self._stems})
        self._time_words = set(TIME_WORDS) | set(time_words)

    @classmethod
    def build(
        cls,
        nlp: Language,
        dictionary: ActorDictionary,
        lexicon: Lexicon,
        references: ReferenceResolver,
    ) -> SentenceFilter:
        """The filter for the tables the stages use (their words, in every form)."""
        words: set[str] = set(all_words(but=CLAUSE_TABLES)) | TIME_WORDS
        # people are named with capitals (a first word is kept unless it is an opener)
        for table in (dictionary.phrases, dictionary.roles):
            for key in table:
                words.update(WORD.findall(key.lower()))
        for pattern in lexicon.patterns:  # the trigger; its object and preposition need it
            words.update(WORD.findall(pattern.lemma.lower()))
        words.update(references.words())
        # a reference event dates its sentence and may open a time frame, as a date does
        return cls(words, _irregular_forms(nlp), references.words())

    def needed(self, sentence: str) -> bool:
        """Whether a sentence must be parsed (it may matter to a stage)."""
        body = sentence.strip()
        if KEEP_CHARS.search(body) or any(c.isupper() for c in body[1:]):
            return True
        words = WORD.findall(body.lower())
        if words and words[0] not in OPENERS:  # a capital first word may be a name
            return True
        for word in words:
            if word in self._words:
                return True
            for n in self._stem_lengths:
                if n >= len(word):
                    break
                if word[:n] in self._stems:
                    return True
        return False

    def pieces(self, text: str) -> list[tuple[str, bool]]:
        """The text as consecutive pieces (together exactly the text), each with whether it
        is parsed; neighbouring pieces of the same kind are joined."""
        out: list[tuple[str, bool]] = []
        framed = False  # a time was stated earlier in this paragraph
        for piece, new_paragraph in _sentences(text):
            if new_paragraph and not CONTINUATIONS.match(piece):
                framed = False
            words = set(WORD.findall(piece.lower()))
            keep = framed or self.needed(piece)
            body = piece.strip()
            if (
                KEEP_CHARS.search(body)
                or any(c.isupper() for c in body[1:])  # "Ramadan", "the Cold War"
                or words & self._time_words
            ):
                framed = True
            if out and out[-1][1] == keep:
                out[-1] = (out[-1][0] + piece, keep)
            else:
                out.append((piece, keep))
        return out

    def parse_all(self, nlp: Language, texts: list[str], batch_size: int) -> Iterator[Doc]:
        """``nlp.pipe(texts)``, with the pieces that cannot matter only tokenised."""
        plans = [self.pieces(text) for text in texts]
        parsed = nlp.pipe(
            [piece for plan in plans for piece, keep in plan if keep], batch_size=batch_size
        )
        for text, plan in zip(texts, plans, strict=True):
            docs = [next(parsed) if keep else _tokenised(nlp, piece) for piece, keep in plan]
            yield _joined(nlp, text, docs)

    def _add(self, word: str) -> None:
        self._words.update(_forms(word))
        if len(word) > MIN_STEM:
            self._stems.add(word[:-1])  # "seize" → seiz(ed), "deny" → den(ied)


def _forms(word: str) -> set[str]:
    """A word's regular inflections (a superset: a form that is no word costs nothing)."""
    forms = {word, word + "s", word + "es", word + "d", word + "ed", word + "ing"}
    forms |= {word + word[-1] + "ed", word + word[-1] + "ing", word[:-1] + "ing"}
    forms |= {word[:-1] + "ied", word[:-1] + "ies", word[:-2] + "ying"}
    return forms


def _irregular_forms(nlp: Language) -> dict[str, list[str]]:
    """The model's lemmatizer exceptions (form → lemmas: "fought" → fight), if it has them."""
    try:
        lemmatizer: Any = nlp.get_pipe("lemmatizer")
        table: Any = lemmatizer.lookups.get_table("lemma_exc")
    except (KeyError, AttributeError):  # a model without a rule lemmatizer
        return {}
    out: dict[str, list[str]] = {}
    for pos in ("verb", "noun", "adj"):
        if pos in table:
            for form, lemmas in table[pos].items():
                out.setdefault(form, []).extend(lemmas)
    return out


def _sentences(text: str) -> Iterator[tuple[str, bool]]:
    """(piece, starts a paragraph) at the likely sentence ends of :data:`BOUNDARY`."""
    start = 0
    paragraph = True
    for m in BOUNDARY.finditer(text):
        if m.end() >= len(text):
            break
        yield text[start : m.end()], paragraph
        paragraph = "\n" in m.group(0)
        start = m.end()
    yield text[start:], paragraph


def _tokenised(nlp: Language, piece: str) -> Doc:
    """A piece as one sentence of tokens: the first is its root, the others hang on it (no
    tags, no lemmas, no entities: the stages find nothing in it)."""
    doc = nlp.make_doc(piece)
    for token in doc:
        token.head = doc[0]
        token.dep_ = "ROOT" if token.i == 0 else "dep"
    return doc


def _joined(nlp: Language, text: str, docs: list[Doc]) -> Doc:
    """One Doc of the pieces; the whole text parsed instead if the pieces do not give the
    tokens the whole text has."""
    import numpy
    from spacy.tokens import Doc

    if len(docs) == 1:
        return docs[0]
    width = max((d.tensor.shape[1] for d in docs if d.tensor.size), default=0)
    for doc in docs:
        if not doc.tensor.size:  # casus reads no tensor; Doc.from_docs needs one shape
            doc.tensor = numpy.zeros((len(doc), width), dtype="float32")
    joined = Doc.from_docs(docs, ensure_whitespace=False)
    whole = nlp.make_doc(text)
    if joined.text != text or [t.idx for t in joined] != [t.idx for t in whole]:
        return nlp(text)
    return joined

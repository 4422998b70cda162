"""The pipeline: ordered stages over a :class:`Document`, batched through spaCy.

A stage is a callable ``Document -> Document`` with ``name``, ``requires`` and ``assigns``; the
pipeline checks once, at construction, that every stage's requirements are assigned earlier.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from casus.config import Config
from casus.errors import ConfigError
from casus.model import Article, Event, Mention

log = logging.getLogger("casus")

BATCH_CHARS = 100_000  # text parsed at once, at most: one full chunk (max_chars) goes alone


@dataclass
class Dateline:
    """A parsed dateline: ``TEHRAN, April 7 (IRNA) –``."""

    place: str
    country: str | None
    date: dt.date | None
    month_day: tuple[int, int] | None
    agency: str | None
    start: int
    end: int


@dataclass
class Document:
    """One article being coded: the text, the spaCy Doc, and what the stages add."""

    article: Article
    text: str  # the text parsed: the article text with the dateline blanked out (same offsets)
    doc: Any = None  # spaCy Doc
    offset: int = 0  # where ``text`` starts in the article (chunks of long documents)
    sentence_base: int = 0  # sentences in earlier chunks of the same article
    published: dt.date | None = None
    dateline: Dateline | None = None
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)  # stage-to-stage helpers (resolver...)
    error: str | None = None  # set when a stage failed on this document
    filled: set[str] = field(default_factory=set)


class Stage(Protocol):
    """What the pipeline needs from a stage."""

    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, document: Document) -> Document: ...


class Pipeline:
    """Stages in order; ``pipe`` parses text in batches with spaCy, then runs the stages."""

    def __init__(self, nlp: Any, stages: Sequence[Stage], cfg: Config) -> None:
        self.nlp = nlp
        self.stages = list(stages)
        self.cfg = cfg
        available = {"text", "doc", "published", "dateline"}
        for stage in self.stages:
            missing = [r for r in stage.requires if r not in available]
            if missing:
                raise ConfigError(
                    f"stage {stage.name!r} requires {', '.join(missing)}, which no earlier "
                    "stage assigns"
                )
            available.update(stage.assigns)

    def run_stages(self, document: Document) -> Document:
        """Run every stage on a parsed document."""
        for stage in self.stages:
            document = stage(document)
            document.filled.update(stage.assigns)
        return document

    def pipe(
        self,
        documents: Iterable[Document],
        *,
        batch_size: int | None = None,
    ) -> Iterator[Document]:
        """Parse documents in batches (``nlp.pipe``) and run the stages on each, in order.

        A batch holds at most ``batch_size`` documents and :data:`BATCH_CHARS` characters, so
        the chunks of a long article are parsed one after another, in bounded memory. A
        document that the tokenizer or a stage cannot handle comes back with ``error`` set
        (and no events); the rest of its batch is parsed again without it. A document that
        arrives with ``error`` already set is passed through unparsed."""
        size = batch_size or self.cfg.batch_size
        for batch in _batches(documents, size, BATCH_CHARS):
            yield from self._pipe_batch(batch)

    # ---- isolation (issue 13): one bad document never takes its batch down ---------------
    def _pipe_batch(self, batch: list[Document]) -> Iterator[Document]:
        todo = [d for d in batch if d.error is None]
        try:
            docs = list(self.nlp.pipe([d.text for d in todo], batch_size=max(len(todo), 1)))
        except Exception:  # the tokenizer or a component failed on one of them: find which
            log.warning("a batch of %d document(s) failed; parsing them one by one", len(todo))
            docs = [self._parse_one(d) for d in todo]
        parsed = {id(d): doc for d, doc in zip(todo, docs, strict=True)}
        for document in batch:
            doc = parsed.get(id(document))
            if doc is None:
                yield document
                continue
            document.doc = doc
            yield self._run_safely(document)

    def _parse_one(self, document: Document) -> Any:
        try:
            return self.nlp(document.text)
        except Exception as e:  # reported with the document, which is skipped
            where = document.article.origin or document.article.id
            log.debug("parsing %s failed", where, exc_info=True)
            document.error = f"cannot parse ({type(e).__name__}: {str(e)[:200]})"
            return None

    def _run_safely(self, document: Document) -> Document:
        try:
            return self.run_stages(document)
        except Exception as e:  # one bad document must not stop the batch
            log.exception("coding %s failed", document.article.origin or document.article.id)
            document.events = []
            document.error = f"coding failed ({type(e).__name__}: {str(e)[:200]})"
            return document


def _batches(documents: Iterable[Document], size: int, chars: int) -> Iterator[list[Document]]:
    """Lists of at most ``size`` documents and (unless one alone is longer) ``chars``
    characters."""
    batch: list[Document] = []
    total = 0
    for document in documents:
        if batch and (len(batch) >= size or total + len(document.text) > chars):
            yield batch
            batch, total = [], 0
        batch.append(document)
        total += len(document.text)
    if batch:
        yield batch

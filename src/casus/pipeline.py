"""The pipeline: ordered stages over a :class:`~casus.document.Document`, batched through spaCy.

A stage is a callable ``Document -> Document`` with a ``name``, the document fields it
``requires`` and the fields it ``assigns``. Stages with ``before_parse = True`` (the dateline)
run on the raw text before spaCy; the others run on the parsed document. The pipeline checks
once, at construction, that every name is a :class:`Document` field and that every stage's
requirements are assigned by the parser or an earlier stage.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Protocol

from casus.config import Config
from casus.document import DOCUMENT_FIELDS, GIVEN_FIELDS, Document
from casus.errors import ConfigError
from casus.failures import Failure

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from casus.engine.prefilter import SentenceFilter

log = logging.getLogger("casus")

BATCH_CHARS = 100_000  # text parsed at once, at most: one full chunk (max_chars) goes alone


class Stage(Protocol):
    """What the pipeline needs from a stage."""

    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, document: Document) -> Document: ...


def before_parse(stage: Stage) -> bool:
    """Whether the stage works on the raw text, before spaCy parses it."""
    return bool(getattr(stage, "before_parse", False))


class Pipeline:
    """Stages in order; ``pipe`` parses text in batches with spaCy, then runs the stages."""

    def __init__(
        self,
        nlp: Language,
        stages: Sequence[Stage],
        cfg: Config,
        *,
        sentence_filter: SentenceFilter | None = None,
    ) -> None:
        self.nlp = nlp
        self.stages = list(stages)
        self.cfg = cfg
        self.sentence_filter = sentence_filter  # only tokenises what cannot matter
        _check_order(self.stages)

    @property
    def names(self) -> list[str]:
        """The stage names in order."""
        return [s.name for s in self.stages]

    def stage(self, name: str) -> Stage:
        """The stage called ``name``."""
        for stage in self.stages:
            if stage.name == name:
                return stage
        raise ConfigError(f"no stage {name!r}; stages: {', '.join(self.names)}")

    def replace(self, name: str, stage: Stage) -> Pipeline:
        """A pipeline with the stage called ``name`` replaced (checked again)."""
        self.stage(name)
        stages = [stage if s.name == name else s for s in self.stages]
        return Pipeline(self.nlp, stages, self.cfg, sentence_filter=self.sentence_filter)

    def prepare(self, document: Document) -> Document:
        """Run the stages that work on the raw text (before parsing)."""
        for stage in self.stages:
            if before_parse(stage):
                document = stage(document)
        return document

    def run_stages(self, document: Document) -> Document:
        """Run every stage that works on the parsed document."""
        for stage in self._parsed_stages():
            document = stage(document)
        return document

    def _parsed_stages(self) -> list[Stage]:
        """The stages that work on the parsed document, in order."""
        return [stage for stage in self.stages if not before_parse(stage)]

    def pipe(
        self,
        documents: Iterable[Document],
        *,
        batch_size: int | None = None,
    ) -> Iterator[Document]:
        """Parse documents in batches (``nlp.pipe``) and run the stages on each, in order.

        A batch holds at most ``batch_size`` documents and :data:`BATCH_CHARS` characters, so
        the chunks of a long article are parsed one after another, in bounded memory. A
        document that the tokenizer or a stage cannot handle comes back with ``failure`` set
        (and no events); the rest of its batch is parsed again without it. A document that
        arrives with ``failure`` already set is passed through unparsed."""
        size = batch_size or self.cfg.batch_size
        for batch in _batches(documents, size, BATCH_CHARS):
            yield from self._pipe_batch(batch)

    # ---- isolation (issue 13): one bad document never takes its batch down ---------------
    def _pipe_batch(self, batch: list[Document]) -> Iterator[Document]:
        todo = [d for d in batch if d.failure is None]
        docs: list[Doc | None]
        try:
            docs = list(self._parse([d.text for d in todo], max(len(todo), 1)))
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

    def _parse(self, texts: list[str], batch_size: int) -> Iterator[Doc]:
        if self.sentence_filter is None:
            return iter(self.nlp.pipe(texts, batch_size=batch_size))
        return self.sentence_filter.parse_all(self.nlp, texts, batch_size)

    def _parse_one(self, document: Document) -> Doc | None:
        try:
            return self.nlp(document.text)
        except Exception as e:  # reported with the document, which is skipped
            where = document.article.origin or document.article.id
            log.debug("parsing %s failed", where, exc_info=True)
            reason = f"cannot parse ({type(e).__name__}: {str(e)[:200]})"
            document.failure = Failure(where, reason, stage="parse")
            return None

    def _run_safely(self, document: Document) -> Document:
        """Run the stages on one parsed document; if one raises, the document keeps no
        events and its :class:`Failure` says which stage failed and why."""
        stage_name: str | None = None
        try:
            for stage in self._parsed_stages():
                stage_name = stage.name
                document = stage(document)
        except Exception as e:  # one bad document must not stop the batch
            origin = document.article.origin or document.article.id
            log.exception("coding %s failed", origin)
            document.set_events([])
            reason = f"coding failed ({type(e).__name__}: {str(e)[:200]})"
            document.failure = Failure(origin, reason, stage=stage_name)
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


def _check_order(stages: list[Stage]) -> None:
    """Every name a Document field; every requirement assigned earlier; text stages first."""
    available = set(GIVEN_FIELDS)
    parsed = False
    for stage in stages:
        unknown = [n for n in (*stage.requires, *stage.assigns) if n not in DOCUMENT_FIELDS]
        if unknown:
            raise ConfigError(
                f"stage {stage.name!r} names {', '.join(unknown)}, which are not Document "
                f"fields ({', '.join(sorted(DOCUMENT_FIELDS))})"
            )
        if before_parse(stage) and parsed:
            raise ConfigError(f"stage {stage.name!r} works on raw text but comes after parsing")
        if not before_parse(stage) and not parsed:
            parsed = True
            available.add("doc")
        missing = [r for r in stage.requires if r not in available]
        if missing:
            raise ConfigError(
                f"stage {stage.name!r} requires {', '.join(missing)}, which no earlier "
                "stage assigns"
            )
        available.update(stage.assigns)

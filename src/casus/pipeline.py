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

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger("casus")


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

    def __init__(self, nlp: Language, stages: Sequence[Stage], cfg: Config) -> None:
        self.nlp = nlp
        self.stages = list(stages)
        self.cfg = cfg
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
        return Pipeline(self.nlp, stages, self.cfg)

    def prepare(self, document: Document) -> Document:
        """Run the stages that work on the raw text (before parsing)."""
        for stage in self.stages:
            if before_parse(stage):
                document = stage(document)
        return document

    def run_stages(self, document: Document) -> Document:
        """Run every stage that works on the parsed document."""
        for stage in self.stages:
            if not before_parse(stage):
                document = stage(document)
        return document

    def pipe(
        self,
        documents: Iterable[Document],
        *,
        batch_size: int | None = None,
    ) -> Iterator[Document]:
        """Parse documents in batches (``nlp.pipe``) and run the stages on each."""
        size = batch_size or self.cfg.batch_size
        stream = ((d.text, d) for d in documents)
        for doc, document in self.nlp.pipe(stream, as_tuples=True, batch_size=size):
            document.doc = doc
            try:
                yield self.run_stages(document)
            except Exception as e:  # one bad document must not stop the batch
                log.exception("coding %s failed", document.article.origin or document.article.id)
                document.set_events([])
                document.error = f"coding failed ({type(e).__name__}: {e})"
                yield document


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

"""The one record of something that could not be read or coded.

    Failure("news.jsonl:12", "not valid JSON (Expecting value)")
    Failure("a1b2c3", "coding failed (ValueError: ...)", stage="events")

One bad input never stops a batch: readers, the pipeline and the store each turn it into a
:class:`Failure`, the batch goes on, and the front ends report it and set the exit status.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be read or coded: where it came from, why, and (for coding)
    which stage failed."""

    origin: str  # file:line, URL, or the article id when nothing better is known
    reason: str
    stage: str | None = None  # the stage that raised ("parse": spaCy's); None when reading

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"

    def to_dict(self) -> dict[str, str | None]:
        """JSON-ready."""
        return {"origin": self.origin, "reason": self.reason, "stage": self.stage}

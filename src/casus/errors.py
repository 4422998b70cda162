"""The exception hierarchy of casus.

CasusError
├── ConfigError      a bad setting or configuration file
├── InputError       bad input: names the file, the line and what to do
├── OntologyError    a bad row in a code table, lexicon or dictionary file
├── ModelError       the spaCy model is missing or cannot be loaded
├── StoreError       the event store cannot be opened, read or written
└── NotFound         something asked for does not exist
"""

from __future__ import annotations


class CasusError(Exception):
    """Root of every error casus raises on purpose."""


class ConfigError(CasusError):
    """A setting or configuration file is invalid."""


class _Located(CasusError):
    """An error about a place in a file: ``path`` and ``line`` lead the message."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        self.path = path
        self.line = line
        where = ""
        if path is not None:
            where = path if line is None else f"{path}:{line}"
            where += ": "
        super().__init__(f"{where}{message}")


class InputError(_Located):
    """An input document cannot be read; the message names the file and line."""


class OntologyError(_Located):
    """A row of a data table (codes, lexicon, dictionary) is invalid."""


class ModelError(CasusError):
    """The spaCy pipeline cannot be loaded."""


class StoreError(CasusError):
    """The event store cannot be opened, read or written."""


class NotFound(CasusError):
    """A requested code, actor or record does not exist."""

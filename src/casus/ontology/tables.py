"""Reading the TSV data tables with errors that name the file and line."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from casus.errors import OntologyError

DATA_PACKAGE = "casus.ontology.data"


@dataclass(frozen=True, slots=True)
class Row:
    """One data row: its cells by column name, and where it came from."""

    cells: dict[str, str]
    path: str
    line: int

    def get(self, column: str) -> str | None:
        """The cell, or ``None`` when it is empty or ``-``."""
        value = self.cells.get(column, "").strip()
        return None if value in ("", "-") else value

    def require(self, column: str) -> str:
        """The cell, or an :class:`OntologyError` naming file and line when it is empty."""
        value = self.get(column)
        if value is None:
            raise self.error(f"column {column!r} is empty")
        return value

    def date(self, column: str) -> dt.date | None:
        """The cell read as an ISO date (``None`` when empty)."""
        value = self.get(column)
        if value is None:
            return None
        try:
            return dt.date.fromisoformat(value)
        except ValueError as e:
            raise self.error(f"column {column!r}: {value!r} is not a YYYY-MM-DD date") from e

    def error(self, message: str) -> OntologyError:
        """An error pointing at this row."""
        return OntologyError(message, path=self.path, line=self.line)


def read_tsv(text: str, path: str, header: tuple[str, ...]) -> Iterator[Row]:
    """Rows of a TSV table whose first non-comment line must equal ``header``.

    Lines starting with ``#`` and blank lines are skipped. Trailing columns may be omitted
    (they read as empty); more columns than the header is an error.
    """
    seen_header = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = line.split("\t")
        if not seen_header:
            if tuple(p.strip() for p in parts) != header:
                raise OntologyError(
                    f"header must be {' / '.join(header)}, found {' / '.join(parts)}",
                    path=path,
                    line=number,
                )
            seen_header = True
            continue
        if len(parts) > len(header):
            raise OntologyError(
                f"{len(parts)} columns, expected at most {len(header)} ({', '.join(header)})",
                path=path,
                line=number,
            )
        cells = dict(zip(header, (p.strip() for p in parts), strict=False))
        yield Row(cells, path, number)
    if not seen_header:
        raise OntologyError(f"no header line ({' / '.join(header)})", path=path)


def data_files(folder: str, pattern: str) -> list[tuple[str, str]]:
    """(name, text) of the bundled data files under ``ontology/data/<folder>`` matching a glob."""
    root = resources.files(DATA_PACKAGE)
    base = root.joinpath(folder) if folder else root
    out = []
    for entry in sorted(base.iterdir(), key=lambda e: e.name):
        if entry.is_file() and Path(entry.name).match(pattern):
            out.append(
                (
                    f"{folder}/{entry.name}" if folder else entry.name,
                    entry.read_text(encoding="utf-8"),
                )
            )
    return out


def read_user_file(path: Path) -> str:
    """Read a user's table or dictionary file, with a clear error if it cannot be read."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError as e:
        raise OntologyError("no such file", path=str(path)) from e
    except UnicodeDecodeError as e:
        raise OntologyError(f"not UTF-8 text (byte {e.start})", path=str(path)) from e
    except OSError as e:
        raise OntologyError(f"cannot read: {e.strerror}", path=str(path)) from e

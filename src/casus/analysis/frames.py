"""Query results that turn into DataFrames: ``rows.df()`` (pandas) and ``rows.pl()`` (polars).

:class:`Rows` is a list (of :class:`~casus.analysis.TimelineRow`, ``DyadRow``, ``Alert``...),
so existing code keeps working; pandas and polars are optional and imported on first use
(``pip install 'casus-events[analysis]'``).

    rows = dyad_series(store, "Azerbaijan", "Iran", "month")
    rows.df().plot(x="period", y="goldstein_sum")
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol, TypeVar

from casus.errors import CasusError

_DATE_COLUMNS = ("date", "period", "window_start", "window_end")


class _Record(Protocol):
    def to_dict(self) -> dict[str, Any]: ...


T = TypeVar("T", bound=_Record)


class Rows(list[T]):
    """A list of result rows with ``to_dicts()``, ``df()`` and ``pl()``; ``columns`` names the
    fields even when there are no rows."""

    def __init__(self, rows: Iterable[T] = (), *, columns: tuple[str, ...] = ()) -> None:
        super().__init__(rows)
        self.columns = columns

    def to_dicts(self) -> list[dict[str, Any]]:
        """The rows as JSON-ready mappings (dates as ISO text)."""
        return [row.to_dict() for row in self]

    def df(self) -> Any:
        """A pandas DataFrame, date columns as ``datetime64``."""
        pd = _need("pandas")
        frame = pd.DataFrame.from_records(self.to_dicts(), columns=self._names())
        for column in _DATE_COLUMNS:
            if column in frame.columns:
                frame[column] = pd.to_datetime(frame[column])
        return frame

    def pl(self) -> Any:
        """A polars DataFrame, date columns as ``Date``."""
        pl = _need("polars")
        dicts = self.to_dicts()
        if not dicts:
            return pl.DataFrame({name: [] for name in self._names()})
        frame = pl.from_dicts(dicts, infer_schema_length=None)
        dates = [c for c in _DATE_COLUMNS if c in frame.columns]
        return frame.with_columns(pl.col(c).str.to_date() for c in dates) if dates else frame

    def _names(self) -> list[str]:
        return list(self[0].to_dict()) if self else list(self.columns)


def _need(module: str) -> Any:
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as e:
        raise CasusError(
            f"{module} is not installed: pip install {module} (or the casus-events[analysis] extra)"
        ) from e

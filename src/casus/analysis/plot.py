"""Pictures of query results: a dyad series as a PNG (matplotlib, Agg backend: no display)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from casus.analysis.queries import DyadRow
from casus.errors import CasusError, InputError

WIDTH_IN, HEIGHT_IN, DPI = 10.0, 4.5, 100  # 1000 x 450 pixels
COOPERATION_COLOUR = "#2b8a3e"
CONFLICT_COLOUR = "#c92a2a"


def plot_dyad(rows: list[DyadRow], path: Path, *, title: str) -> Path:
    """Draw cooperation (QuadClass 1-2, up) and conflict (3-4, down) counts per period, with
    the Goldstein sum as a line, and save the figure as PNG (1000 x 450 pixels)."""
    if not rows:
        raise InputError("nothing to plot: the dyad has no dated events")
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        from matplotlib.ticker import MaxNLocator
    except ImportError as e:
        raise CasusError("matplotlib is not installed: pip install matplotlib") from e
    periods: Any = [r.period for r in rows]  # matplotlib takes dates; its stubs say floats
    coop = [r.verbal_cooperation + r.material_cooperation for r in rows]
    conf = [-(r.verbal_conflict + r.material_conflict) for r in rows]
    width = max((periods[-1] - periods[0]).days / max(len(rows), 1) * 0.8, 0.8)
    fig, ax = plt.subplots(figsize=(WIDTH_IN, HEIGHT_IN), dpi=DPI)
    try:
        ax.bar(periods, coop, width=width, color=COOPERATION_COLOUR, label="cooperation (1-2)")
        ax.bar(
            periods, conf, width=width, color=CONFLICT_COLOUR, hatch="//", label="conflict (3-4)"
        )
        ax.axhline(0, color="black", linewidth=0.8)
        peak = max([*coop, *(-c for c in conf), 1]) * 1.15  # symmetric: up and down compare
        ax.set_ylim(-peak, peak)
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_ylabel("events (conflict below 0)")
        line = ax.twinx()
        line.plot(periods, [r.goldstein_sum for r in rows], color="black", marker="o", ms=3)
        line.set_ylabel("Goldstein sum")
        reach = max([abs(r.goldstein_sum) for r in rows] + [1.0]) * 1.15
        line.set_ylim(-reach, reach)  # zero on both axes at the same height
        ax.set_title(title)
        ax.legend(loc="upper left", fontsize="small")
        fig.autofmt_xdate()
        try:
            fig.savefig(path, format="png", dpi=DPI)
        except OSError as e:
            raise InputError(f"cannot write {path}: {e.strerror}") from e
    finally:
        plt.close(fig)
    return path

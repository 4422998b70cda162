"""examples/dyad.ipynb runs top to bottom (so it never goes stale) and draws its chart."""

from __future__ import annotations

import nbformat
import pytest
from nbclient import NotebookClient

from conftest import ROOT

NOTEBOOK = ROOT / "examples" / "dyad.ipynb"


@pytest.fixture(scope="module")
def executed() -> nbformat.NotebookNode:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(ROOT)}}
    )
    return client.execute()


def test_every_cell_runs_without_error(executed: nbformat.NotebookNode) -> None:
    errors = [
        o
        for c in executed.cells
        if c.cell_type == "code"
        for o in c.outputs
        if o.output_type == "error"
    ]
    assert errors == []


def test_the_notebook_draws_the_aze_irn_series(executed: nbformat.NotebookNode) -> None:
    images = [
        o
        for c in executed.cells
        if c.cell_type == "code"
        for o in c.outputs
        if "image/png" in o.get("data", {})
    ]
    assert len(images) == 1


def test_the_series_table_shows_the_expelled_diplomats_week(
    executed: nbformat.NotebookNode,
) -> None:
    tables = [
        o["data"]["text/plain"]
        for c in executed.cells
        if c.cell_type == "code"
        for o in c.outputs
        if "text/plain" in o.get("data", {})
    ]
    assert any("2023-04-03" in t and "goldstein_sum" in t for t in tables)

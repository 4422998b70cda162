"""One event row: `casus code --format csv` and `casus export csv` write the same columns, in
the documented order, with the same values for the same events."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

from casus.analysis.export import write_export
from casus.coder import Coder
from casus.io.rows import EVENT_FIELDS, ROW_COLUMNS, event_from_row, event_row
from casus.io.writers import CsvWriter
from casus.model import Article
from casus.store import Store, ingest

TEXT = (
    "Azerbaijan expelled four Iranian diplomats in Baku on Thursday. "
    "Iran condemned the expulsion and Russia urged both sides to resume talks."
)


def _read(text: str) -> tuple[list[str], dict[str, dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(text))
    rows = {row["event_id"]: row for row in reader}
    return list(reader.fieldnames or []), rows


def test_code_csv_and_export_csv_have_one_header_and_the_same_values(
    coder: Coder, tmp_path: Path
) -> None:
    article = Article(TEXT, id="a1", outlet="Caspian Wire", published=dt.date(2023, 4, 9))
    coded = io.StringIO()
    CsvWriter(coded).write(coder.code_article(article, include_all=True))
    store = Store.open(tmp_path / "rows.duckdb")
    ingest(store, coder, [article])
    exported = io.StringIO()
    write_export(store, "csv", exported, include_all=True)
    (head_a, rows_a), (head_b, rows_b) = _read(coded.getvalue()), _read(exported.getvalue())
    assert head_a == head_b == list(ROW_COLUMNS)
    assert rows_a.keys() == rows_b.keys() and len(rows_a) >= 2
    for event_id, row in rows_a.items():
        assert {**rows_b[event_id], "cluster_id": ""} == row
    assert any(row["location_name"] == "Baku" and row["location_lat"] for row in rows_a.values())


def test_a_row_rebuilds_its_event(coder: Coder) -> None:
    events = coder.code(TEXT, published="2023-04-09", include_all=True)
    row = event_row(events[0])
    assert set(row) == set(EVENT_FIELDS) and set(ROW_COLUMNS) - set(row) == {"cluster_id"}
    assert [event_from_row(event_row(e)) for e in events] == events

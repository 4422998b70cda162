"""Writers for coded events: JSON lines, CSV, a terminal table, and ``--explain`` prose."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any, TextIO

from casus.io.rows import ROW_COLUMNS, flat_row
from casus.model import Actor, Event
from casus.ontology.cameo import QUAD_CLASS_NAMES

# The CSV columns are the documented flat row, shared with `casus export csv` (io/rows.py).
CSV_COLUMNS = ROW_COLUMNS


def write_jsonl(events: Iterable[Event], out: TextIO) -> int:
    """One JSON object per event; returns the count."""
    n = 0
    for event in events:
        out.write(event.to_json() + "\n")
        n += 1
    return n


def to_row(event: Event) -> dict[str, Any]:
    """A flat row for CSV and tables (:func:`casus.io.rows.flat_row`)."""
    return flat_row(event)


class CsvWriter:
    """CSV with a header written once."""

    def __init__(self, out: TextIO) -> None:
        self._writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
        self._writer.writeheader()

    def write(self, events: Iterable[Event]) -> int:
        """Write rows; returns the count."""
        n = 0
        for event in events:
            self._writer.writerow(to_row(event))
            n += 1
        return n


def actor_label(actor: Actor | None) -> str:
    """ "AZEGOV (Baku)" or "unresolved (some group)" or "-"."""
    if actor is None:
        return "-"
    code = actor.code or "unresolved"
    return f"{code} ({actor.text})"


def _flags(event: Event) -> str:
    mod = event.modality
    names = [
        n
        for n, v in (
            ("negated", mod.negated),
            ("hypothetical", mod.hypothetical),
            ("future", mod.future),
            ("reported", mod.reported),
            ("historical", event.historical),
        )
        if v
    ]
    return f" [{', '.join(names)}]" if names else ""


def explain(event: Event, article_text: str | None = None) -> str:
    """A readable account of one event: the sentence with source, verb and target marked,
    the codes named, the date and on whose word it stands."""
    marks: list[tuple[int, int, str]] = []
    for actor, tag in ((event.source, "SRC"), (event.target, "TGT")):
        # an inferred actor may stand on the trigger's span, and two coordinated actors on one
        # phrase ("Turkish and Azerbaijani troops"): mark each span once
        if (
            actor is None
            or any(s < actor.end and actor.start < e for s, e, _ in marks)
            or (actor.start < event.trigger_end and event.trigger_start < actor.end)
        ):
            continue
        marks.append((actor.start, actor.end, tag))
    marks.append((event.trigger_start, event.trigger_end, "EVT"))
    sentence = event.evidence_text
    base = event.evidence_start
    for start, end, tag in sorted(marks, key=lambda m: -m[0]):
        s, e = start - base, end - base
        if 0 <= s <= e <= len(sentence):
            sentence = f"{sentence[:s]}[{tag} {sentence[s:e]}]{sentence[e:]}"
    src = event.source
    tgt = event.target
    who = f"{_describe(src)} → {_describe(tgt) if tgt else '(no target)'}"
    sign = "+" if event.goldstein > 0 else ("−" if event.goldstein < 0 else "")
    lines = [
        f"  {sentence}",
        f"  {who}: {event.cameo} {event.cameo_name} (Goldstein {sign}{abs(event.goldstein):.1f}; "
        f"{QUAD_CLASS_NAMES[event.quad_class]}; PLOVER {event.plover or '-'}){_flags(event)}",
    ]
    when = event.when
    if when.date is not None:
        how = f'from "{when.text}"' if when.text else "publication date"
        lines.append(f"  when: {when.date.isoformat()} ({when.precision}, {when.basis}; {how})")
    else:
        lines.append(f"  when: unknown ({when.note or 'no date'})")
    att = event.attribution
    if att.speaker is not None:
        via = f", via {att.outlet}" if att.outlet else ""
        lines.append(f"  according to {att.speaker.code or 'unresolved'} ({att.speaker.text}){via}")
    elif att.outlet:
        lines.append(f"  according to the outlet: {att.outlet}")
    if event.location is not None:
        loc = event.location
        lines.append(f"  where: {loc.name} ({loc.country or '?'}, {loc.precision})")
    lines.append(f"  confidence {event.confidence:.2f}; pattern {event.pattern}")
    return "\n".join(lines)


def _describe(actor: Actor | None) -> str:
    if actor is None:
        return "-"
    if actor.code is None:
        return f'unresolved "{actor.text}"'
    roles = "/".join(actor.roles)
    name = actor.country or actor.code
    return f"{name} {roles.lower() or ''}".strip() + f" [{actor.code}]"


def table_rows(events: Iterable[Event]) -> list[list[str]]:
    """Compact rows for a terminal table."""
    rows = []
    for event in events:
        rows.append(
            [
                event.when.date.isoformat() if event.when.date else "?",
                event.source.code or "?" if event.source else "-",
                f"{event.cameo} {event.cameo_name}"[:48],
                event.target.code or "?" if event.target else "-",
                f"{event.goldstein:+.1f}",
                _flags(event).strip(" []"),
                event.evidence_text[:70],
            ]
        )
    return rows

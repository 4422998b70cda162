"""Running casus over gold files and printing the scores."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from casus.coder import Coder
from casus.evaluation.gold import GoldArticle, read_gold
from casus.evaluation.scorer import (
    DATE_BUCKETS,
    FALSE_ALARM_BUCKETS,
    MISS_BUCKETS,
    Report,
    score_record,
)
from casus.model import Article


def evaluate(coder: Coder, records: Iterable[GoldArticle]) -> Report:
    """Code every gold record's text (with its date as the publication date) and score."""
    records = list(records)
    report = Report()
    articles = [
        Article(text=g.text, id=g.id, published=g.published, outlet=g.outlet) for g in records
    ]
    # pipe() yields in input order, so records pair by position (ids may repeat in a file)
    for gold, (_article, events) in zip(records, coder.pipe(articles), strict=True):
        score_record(gold, events, report)
    return report


def evaluate_files(coder: Coder, paths: Iterable[Path]) -> dict[str, Report]:
    """One report per gold file."""
    return {str(p): evaluate(coder, read_gold(p)) for p in paths}


def _pct(value: Any) -> str:
    return "-" if value is None else f"{100 * value:.1f}%"


def format_report(name: str, report: Report, *, show_errors: bool = False) -> str:
    """The human-readable scores of one gold file."""
    d = report.to_dict()
    det, dyad = d["detection"], d["dyad_root"]
    lines = [
        f"{name}: {d['records']} records",
        f"  event detection    P {_pct(det['precision'])}  R {_pct(det['recall'])}  "
        f"F1 {_pct(det['f1'])}  (tp {det['tp']}, fp {det['fp']}, fn {det['fn']})",
        f"  (source, target, root) P {_pct(dyad['precision'])}  R {_pct(dyad['recall'])}  "
        f"F1 {_pct(dyad['f1'])}  (tp {dyad['tp']}, fp {dyad['fp']}, fn {dyad['fn']})",
        f"  full-code accuracy {_pct(d['code_accuracy'])} ({d['counts']['code']} matched)   "
        f"QuadClass accuracy {_pct(d['quad_class_accuracy'])}",
        f"  actor-code accuracy {_pct(d['actor_code_accuracy'])} "
        f"({d['counts']['actor_code']})   date accuracy {_pct(d['date_accuracy'])} "
        f"({d['counts']['date']})   PLOVER type accuracy {_pct(d['plover_accuracy'])} "
        f"({d['counts']['plover']})",
        f"  forbidden events emitted: {d['forbidden_hits']}   records with an event and "
        f"nothing coded: {_pct(d['nothing_coded_share'])} ({d['counts']['nothing_coded']})",
    ]
    if d["confusion"]:
        roots = sorted({r for row in d["confusion"].values() for r in row} | set(d["confusion"]))
        lines.append("  confusion (rows gold root, columns predicted root; none = missed):")
        lines.append("        " + " ".join(f"{r:>4}" for r in roots))
        for gold_root, row in sorted(d["confusion"].items()):
            lines.append(
                f"   {gold_root:>4} " + " ".join(f"{row.get(r, 0) or '.':>4}" for r in roots)
            )
    buckets = d["error_buckets"]
    for kind, title, names in (
        ("miss", "misses", MISS_BUCKETS),
        ("false_alarm", "false alarms", FALSE_ALARM_BUCKETS),
    ):
        counts = "; ".join(f"{buckets[kind][b]} {label}" for b, label in names.items())
        lines.append(f"  {title} by cause: {counts}")
    if d["counts"]["date"]:
        counts = "; ".join(
            f"{buckets['wrong_date'][b]} {label}" for b, label in DATE_BUCKETS.items()
        )
        bases = ", ".join(f"{n} {basis}" for basis, n in d["wrong_date_basis"].items())
        lines.append(f"  wrong dates by kind: {counts}")
        lines.append(f"  wrong dates by casus's basis: {bases or 'none'}")
        elsewhere = d["wrong_date_elsewhere"]
        lines.append(
            f"  wrong dates of an event told in another sentence than the gold evidence "
            f"(a pairing artefact more often than a dating error): {sum(elsewhere.values())}, "
            f"{elsewhere['far_early']} of them over 10 days too early, "
            f"{elsewhere['far_late']} over 10 days too late"
        )
    if show_errors:
        lines.extend(_error_lines(report))
    return "\n".join(lines)


def _error_lines(report: Report) -> list[str]:
    """Every error, grouped by kind and bucket (misses, false alarms, forbidden events)."""
    lines = ["  errors:"]
    groups: list[tuple[str, str | None, str]] = [
        ("miss", b, f"missed: {label}") for b, label in MISS_BUCKETS.items()
    ]
    groups += [
        ("false_alarm", b, f"false alarm: {label}") for b, label in FALSE_ALARM_BUCKETS.items()
    ]
    groups.append(("forbidden", None, "forbidden events emitted"))
    groups += [("wrong_date", b, f"wrong date: {label}") for b, label in DATE_BUCKETS.items()]
    for kind, bucket, title in groups:
        errors = [e for e in report.errors if e["kind"] == kind and e.get("bucket") == bucket]
        if not errors:
            continue
        lines.append(f"  -- {title} ({len(errors)})")
        for err in errors:
            lines.append(
                f"   [{err['kind']}] {err['record']}: expected {err['expected']}; "
                f"got {err['got']}\n      {err['text'][:200]}"
            )
    return lines

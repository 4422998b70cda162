"""Gold standards: the sentence-level JSON-lines format of the public sets and casus's own
article-level format (docs/evaluation.md)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from casus.errors import InputError
from casus.model import parse_iso_date
from casus.ontology.cameo import PLOVER_TYPES


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """An expected event: acceptable codes/roots, actors, date with tolerance."""

    source: str | None
    target: str | None
    codes: frozenset[str]
    roots: frozenset[str]
    plover: str | None = None
    date: dt.date | None = None
    tolerance_days: int = 0
    required: bool = True
    symmetric: bool = False
    evidence: str | None = None


@dataclass(frozen=True, slots=True)
class Forbidden:
    """An action the text does not assert (negated, hypothetical, denied)."""

    source: str | None
    target: str | None
    roots: frozenset[str]
    note: str | None = None


@dataclass
class GoldArticle:
    """One gold record: a sentence or an article with its expected events."""

    id: str
    text: str
    published: dt.date | None
    events: list[GoldEvent] = field(default_factory=list)
    forbidden: list[Forbidden] = field(default_factory=list)
    outlet: str | None = None
    kind: str = "sentence"  # sentence | article


# The PLOVER gold records use the 2016 (v0.5) event types; casus maps CAMEO to the 2021
# types. Older names are read as their 2021 successors (docs/evaluation.md).
PLOVER_ALIASES = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "FIGHT": "ASSAULT",
    "INVESTIGATE": "ACCUSE",
}


def _sentence_event(raw: dict[str, Any], date: dt.date | None) -> GoldEvent:
    code = str(raw.get("code") or "")
    plover = PLOVER_ALIASES.get(code.upper(), code.upper())
    if plover in PLOVER_TYPES:
        return GoldEvent(
            raw.get("source"),
            raw.get("target"),
            frozenset(),
            frozenset(),
            plover=plover,
            date=date,
        )
    return GoldEvent(
        raw.get("source"), raw.get("target"), frozenset({code}), frozenset({code[:2]}), date=date
    )


def _article_event(raw: dict[str, Any], where: str) -> GoldEvent:
    codes = frozenset(str(c) for c in raw.get("codes") or ())
    roots = frozenset(str(r) for r in raw.get("roots") or ()) | {c[:2] for c in codes}
    if not roots:
        raise InputError("an event needs codes or roots", path=where)
    return GoldEvent(
        raw.get("source"),
        raw.get("target"),
        codes,
        roots,
        date=parse_iso_date(raw.get("date"), field_name="date"),
        tolerance_days=int(raw.get("date_tolerance_days") or 0),
        required=bool(raw.get("required", True)),
        symmetric=bool(raw.get("symmetric", False)),
        evidence=raw.get("evidence"),
    )


def read_gold(path: Path) -> list[GoldArticle]:
    """Every record of a gold file (format detected per line)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"cannot read gold file: {e}", path=str(path)) from e
    out = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as e:
            raise InputError(f"malformed JSON ({e.msg})", path=str(path), line=number) from e
        if not isinstance(raw, dict) or not isinstance(raw.get("text"), str):
            raise InputError("a gold record needs a 'text' string", path=str(path), line=number)
        out.append(_record(raw, where))
    return out


def _record(raw: dict[str, Any], where: str) -> GoldArticle:
    rid = str(raw.get("id") or where)
    if "published" in raw or "forbidden" in raw:
        published = parse_iso_date(raw.get("published"))
        return GoldArticle(
            rid,
            raw["text"],
            published,
            [_article_event(e, where) for e in raw.get("events") or []],
            [
                Forbidden(
                    f.get("source"),
                    f.get("target"),
                    frozenset(str(r) for r in f.get("roots") or ()),
                    f.get("note"),
                )
                for f in raw.get("forbidden") or []
            ],
            outlet=raw.get("outlet"),
            kind="article",
        )
    date = parse_iso_date(raw.get("date"), field_name="date")
    return GoldArticle(
        rid, raw["text"], date, [_sentence_event(e, date) for e in raw.get("events") or []]
    )

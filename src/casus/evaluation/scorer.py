"""Scoring predicted events against gold (matching rules: docs/evaluation.md).

Within each record, gold events are matched one-to-one to predictions, required events
first. *Detection* pairs by root alone; *dyad-root* pairs by (source, target, root), where an
actor matches on its country part (the first three letters; six for IGO/NGO/IMG/MNC codes;
``---`` matches anything), and a symmetric event matches either direction. A prediction that
repeats an already matched one (same actors and root, or its reverse) is a duplicate, not a
false alarm. Predictions matching an optional gold event are neither hits nor false alarms.

Every miss and false alarm is put in a bucket that says why (``MISS_BUCKETS``,
``FALSE_ALARM_BUCKETS``; docs/evaluation.md#why-an-event-was-missed).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from casus.evaluation.gold import Forbidden, GoldArticle, GoldEvent
from casus.model import Actor, Event
from casus.ontology.cameo import QUAD_CLASS_BY_ROOT

WIDE_PREFIXES = ("IGO", "NGO", "IMG", "MNC")
# Why a required gold event was missed, and why a prediction is a false alarm (in this order).
MISS_BUCKETS = {
    "nothing_coded": "nothing coded in its evidence sentence",
    "side_wrong": "code right, a side missing or wrong",
    "other_code": "another code found there",
}
FALSE_ALARM_BUCKETS = {
    "no_target": "no target",
    "pair_other_code": "its pair is in the gold under another code",
    "pair_not_in_gold": "its pair is not in the gold",
}
# How a matched event's date is wrong (in this order; docs/evaluation.md#wrong-dates).
DATE_BUCKETS = {
    "no_date": "no date",
    "took_publication": "publication day given, the act was on another day",
    "missed_publication": "the act was on the publication day, another day given",
    "days_early": "1-10 days too early",
    "days_late": "1-10 days too late",
    "far_early": "over 10 days too early",
    "far_late": "over 10 days too late",
}
NEAR_DAYS = 10


def actor_key(code: str | None) -> str | None:
    """The part of an actor code that scoring compares."""
    if code is None:
        return None
    code = code.upper()
    return code[:6] if code.startswith(WIDE_PREFIXES) else code[:3]


def _same(gold: str | None, pred: Actor | None, *, source: bool = False) -> bool:
    """Whether a predicted side matches the gold's. A null gold *source* means "unknown" and
    accepts a side of unknown country (``---``, ``---UAF``); a null gold *target* means "no
    target" and accepts only a missing or unresolved target."""
    pcode = pred.code if pred is not None else None
    if gold is None and source and pcode is not None and pcode.startswith("---"):
        return True
    if gold is None or pcode is None:
        return gold is None and pcode is None
    g = actor_key(gold)
    p = actor_key(pcode)
    assert g is not None and p is not None
    return g.startswith("---") or p.startswith(g) or g.startswith(p)


def actors_match(gold: GoldEvent | Forbidden, pred: Event, symmetric: bool) -> bool:
    """Source and target agree (either direction for symmetric events). PLOVER gold codes
    joint actors as several sources with no target, so there a missing gold target accepts
    any predicted target."""
    open_target = isinstance(gold, GoldEvent) and gold.plover is not None and gold.target is None
    if _same(gold.source, pred.source, source=True) and (
        open_target or _same(gold.target, pred.target)
    ):
        return True
    return (
        symmetric
        and _same(gold.source, pred.target, source=True)
        and _same(gold.target, pred.source)
    )


def _has_actors(gold: GoldEvent) -> bool:
    return gold.source is not None or gold.target is not None


def type_match(gold: GoldEvent, pred: Event) -> bool:
    """The event type agrees: PLOVER type for PLOVER gold, else the root (or exact code)."""
    if gold.plover is not None:
        return pred.plover == gold.plover
    return pred.cameo_root in gold.roots or pred.cameo in gold.codes


@dataclass
class Tally:
    """Hits, false alarms and misses."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def scores(self) -> dict[str, float | int]:
        """Precision, recall and F1 with the counts."""
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(f, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass
class Ratio:
    """A share of right answers."""

    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        """Count one answer."""
        self.total += 1
        self.right += int(ok)

    def value(self) -> float | None:
        """The share, or ``None`` when nothing was counted."""
        return round(self.right / self.total, 4) if self.total else None


@dataclass
class Report:
    """Everything ``casus eval`` prints."""

    records: int = 0
    detection: Tally = field(default_factory=Tally)
    dyad: Tally = field(default_factory=Tally)
    code: Ratio = field(default_factory=Ratio)
    quad: Ratio = field(default_factory=Ratio)
    actor_code: Ratio = field(default_factory=Ratio)
    date: Ratio = field(default_factory=Ratio)
    plover: Ratio = field(default_factory=Ratio)
    forbidden_hits: int = 0
    # records whose gold has an event: the share where casus coded nothing at all
    nothing_coded: Ratio = field(default_factory=Ratio)
    confusion: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    errors: list[dict[str, Any]] = field(default_factory=list)

    def buckets(self) -> dict[str, dict[str, int]]:
        """How many misses, false alarms and wrong dates fall in each bucket (every bucket
        listed)."""
        out: dict[str, dict[str, int]] = {
            "miss": dict.fromkeys(MISS_BUCKETS, 0),
            "false_alarm": dict.fromkeys(FALSE_ALARM_BUCKETS, 0),
            "wrong_date": dict.fromkeys(DATE_BUCKETS, 0),
        }
        for err in self.errors:
            if err["kind"] in out:
                out[err["kind"]][err["bucket"]] += 1
        return out

    def wrong_date_bases(self) -> dict[str, int]:
        """How many wrong dates came from each of casus's date bases (stated, inferred …)."""
        bases = Counter(e["basis"] for e in self.errors if e["kind"] == "wrong_date")
        return dict(sorted(bases.items()))

    def wrong_dates_elsewhere(self) -> dict[str, int]:
        """By bucket, how many wrong dates paired a gold event with a telling from another
        sentence than the one its evidence quotes: usually a background act of the same
        pair and root ("fought a war in 2006") standing in for a current act casus missed,
        a pairing artefact rather than a dating error."""
        out = dict.fromkeys(DATE_BUCKETS, 0)
        for err in self.errors:
            if err["kind"] == "wrong_date" and err["elsewhere"]:
                out[err["bucket"]] += 1
        return out

    def to_dict(self) -> dict[str, Any]:
        """The machine-readable summary (``casus eval --json``)."""
        return {
            "records": self.records,
            "detection": self.detection.scores(),
            "dyad_root": self.dyad.scores(),
            "code_accuracy": self.code.value(),
            "quad_class_accuracy": self.quad.value(),
            "actor_code_accuracy": self.actor_code.value(),
            "date_accuracy": self.date.value(),
            "plover_accuracy": self.plover.value(),
            "forbidden_hits": self.forbidden_hits,
            "nothing_coded_share": self.nothing_coded.value(),
            "error_buckets": self.buckets(),
            "wrong_date_basis": self.wrong_date_bases(),
            "wrong_date_elsewhere": self.wrong_dates_elsewhere(),
            "confusion": {g: dict(c) for g, c in sorted(self.confusion.items())},
            "counts": {
                "code": self.code.total,
                "date": self.date.total,
                "actor_code": self.actor_code.total,
                "plover": self.plover.total,
                "nothing_coded": self.nothing_coded.total,
            },
        }


def _match(
    golds: list[GoldEvent],
    preds: list[Event],
    ok: Callable[[GoldEvent, Event], bool],
    *,
    prefer_told: bool = False,
) -> dict[int, int]:
    """Greedy one-to-one matching, required gold events first; gold index → pred index.
    With ``prefer_told``, among the predictions a gold event may match, one from the
    sentence its evidence quotes comes first, so that an act told twice pairs with its own
    telling (which matters for its code and date); without it, the first that fits."""
    out: dict[int, int] = {}
    used: set[int] = set()
    order = sorted(range(len(golds)), key=lambda i: not golds[i].required)
    for gi in order:
        fits = [pi for pi, pred in enumerate(preds) if pi not in used and ok(golds[gi], pred)]
        if fits:
            told = (i for i in fits if prefer_told and _told_there(golds[gi], preds[i]))
            pi = next(told, fits[0])
            out[gi] = pi
            used.add(pi)
    return out


def _told_there(g: GoldEvent, p: Event) -> bool:
    """Whether the prediction comes from the sentence the gold event's evidence quotes."""
    if not g.evidence or not p.evidence_text:
        return False
    quoted, sentence = " ".join(g.evidence.split()), " ".join(p.evidence_text.split())
    return quoted in sentence or sentence in quoted


def _dyad_key(event: Event) -> tuple[str | None, str | None, str]:
    return (
        actor_key(event.source.code if event.source else None),
        actor_key(event.target.code if event.target else None),
        event.cameo_root,
    )


def score_record(gold: GoldArticle, preds: list[Event], report: Report) -> None:
    """Add one record's results to the report."""
    report.records += 1
    golds = gold.events
    if golds:
        report.nothing_coded.add(not preds)
    sym = {i: g.symmetric for i, g in enumerate(golds)}

    detection = _match(golds, preds, type_match)
    dyad = _match(golds, preds, _dyad_ok)
    for tally, matched, ok in (
        (report.detection, detection, type_match),
        (report.dyad, dyad, _dyad_ok),
    ):
        _tally(tally, golds, preds, matched, ok, sym)
    # the accuracies compare each gold event with its own telling; the counts above keep
    # the first fit, so that which telling pairs never changes what counts as a duplicate
    for gi, pi in _match(golds, preds, _dyad_ok, prefer_told=True).items():
        g, p = golds[gi], preds[pi]
        if g.codes:
            report.code.add(p.cameo in g.codes)
        if g.roots:
            report.quad.add(any(QUAD_CLASS_BY_ROOT.get(r) == p.quad_class for r in g.roots))
        for gold_code, actor in _paired_sides(g, p):
            if gold_code is not None and len(gold_code) > 3 and not gold_code.startswith("---"):
                report.actor_code.add(actor is not None and actor.code == gold_code)
        if g.date is not None and gold.kind == "article":
            report.date.add(_date_ok(g, p))
            if not _date_ok(g, p):
                report.errors.append(_wrong_date(gold, g, p))
    if any(g.plover for g in golds):
        actor_pairs = _match(golds, preds, lambda g, p: actors_match(g, p, True))
        for gi, pi in actor_pairs.items():
            report.plover.add(preds[pi].plover == golds[gi].plover)
    _confusion(golds, preds, report)
    for forbidden in gold.forbidden:
        for p in preds:
            if p.cameo_root in forbidden.roots and actors_match(forbidden, p, False):
                report.forbidden_hits += 1
                report.errors.append(_error("forbidden", gold, p, forbidden.note))
    for gi, g in enumerate(golds):
        if g.required and gi not in dyad:
            report.errors.append(_miss(gold, g, preds))
    matched_keys = {_dyad_key(preds[pi]) for pi in dyad.values()}
    for pi, p in enumerate(preds):
        if (
            pi not in dyad.values()
            and not _is_duplicate(p, matched_keys)
            and not any(not g.required and _dyad_ok(g, p) for g in golds)
        ):
            error = _error("false_alarm", gold, p, None)
            error["bucket"] = false_alarm_bucket(golds, p)
            report.errors.append(error)


def _paired_sides(g: GoldEvent, p: Event) -> tuple[tuple[str | None, Actor | None], ...]:
    """Each gold side with the predicted side it matched: a symmetric event matched the other
    way round ("Ali and Maduro met": gold GUY → VEN, casus VEN → GUY) pairs the gold source
    with the predicted target, so that a whole code is compared with the same party's."""
    if g.symmetric and not (_same(g.source, p.source, source=True) and _same(g.target, p.target)):
        return ((g.source, p.target), (g.target, p.source))
    return ((g.source, p.source), (g.target, p.target))


def _dyad_ok(g: GoldEvent, p: Event) -> bool:
    if not _has_actors(g):
        return type_match(g, p)
    return type_match(g, p) and actors_match(g, p, g.symmetric)


def found_events(gold: GoldArticle, preds: list[Event]) -> list[tuple[GoldEvent, bool, bool]]:
    """Each required gold event of a record, with whether the detection matching and the
    (source, target, root) matching found it (the same matchings as the scores)."""
    detection = _match(gold.events, preds, type_match)
    dyad = _match(gold.events, preds, _dyad_ok)
    return [(g, i in detection, i in dyad) for i, g in enumerate(gold.events) if g.required]


def _tally(
    tally: Tally,
    golds: list[GoldEvent],
    preds: list[Event],
    matched: dict[int, int],
    ok: Callable[[GoldEvent, Event], bool],
    sym: dict[int, bool],
) -> None:
    tally.tp += sum(1 for gi in matched if golds[gi].required)
    tally.fn += sum(1 for gi, g in enumerate(golds) if g.required and gi not in matched)
    keys = {_dyad_key(preds[pi]) for pi in matched.values()}
    used = set(matched.values())
    for pi, p in enumerate(preds):
        if pi in used or _is_duplicate(p, keys):
            continue
        if any(not g.required and ok(g, p) for g in golds):
            continue
        tally.fp += 1


def _is_duplicate(pred: Event, keys: set[tuple[str | None, str | None, str]]) -> bool:
    s, t, r = _dyad_key(pred)
    return (s, t, r) in keys or (t, s, r) in keys


def _date_ok(g: GoldEvent, p: Event) -> bool:
    if p.when.date is None or g.date is None:
        return False
    return abs((p.when.date - g.date).days) <= max(g.tolerance_days, 0)


def _confusion(golds: list[GoldEvent], preds: list[Event], report: Report) -> None:
    def actor_ok(g: GoldEvent, p: Event) -> bool:
        return actors_match(g, p, True) if _has_actors(g) else type_match(g, p)

    pairs = _match(
        [g for g in golds if g.required and g.roots],
        preds,
        lambda g, p: actor_ok(g, p) and type_match(g, p),
    )
    required = [g for g in golds if g.required and g.roots]
    used = set(pairs.values())
    rest = [i for i in range(len(required)) if i not in pairs]
    extra = _match(
        [required[i] for i in rest], [p for i, p in enumerate(preds) if i not in used], actor_ok
    )
    free = [i for i in range(len(preds)) if i not in used]
    for k, i in enumerate(rest):
        g = required[i]
        gold_root = sorted(g.roots)[0]
        if k in extra:
            report.confusion[gold_root][preds[free[extra[k]]].cameo_root] += 1
        else:
            report.confusion[gold_root]["none"] += 1
    for pi in pairs.values():
        report.confusion[preds[pi].cameo_root][preds[pi].cameo_root] += 1


def _normal(text: str) -> str:
    return " ".join(text.lower().split())


def in_evidence(gold: GoldArticle, g: GoldEvent, pred: Event) -> bool:
    """Whether a prediction was coded from the sentence that reports a gold event: the gold
    evidence is part of the prediction's sentence (or the reverse, for evidence that spans
    sentences). A sentence-level record, or a gold event with no evidence, is one sentence."""
    if gold.kind == "sentence" or not g.evidence:
        return True
    evidence, sentence = _normal(g.evidence), _normal(pred.evidence_text)
    return evidence in sentence or sentence in evidence or evidence[:40] in sentence


def miss_bucket(gold: GoldArticle, g: GoldEvent, preds: list[Event]) -> tuple[str, list[Event]]:
    """Why a required gold event was missed, with the predictions of its evidence sentence:
    ``nothing_coded`` (none there), ``side_wrong`` (one there has the right type but not the
    right actors), or ``other_code`` (only other types there)."""
    there = [p for p in preds if in_evidence(gold, g, p)]
    if not there:
        return "nothing_coded", []
    right_type = [p for p in there if type_match(g, p)]
    if right_type:
        return "side_wrong", right_type
    return "other_code", there


def false_alarm_bucket(golds: list[GoldEvent], pred: Event) -> str:
    """Why a prediction is a false alarm: ``no_target``, ``pair_other_code`` (some gold event
    has its actors, in either direction, under another type) or ``pair_not_in_gold``."""
    if pred.target is None or pred.target.code is None:
        return "no_target"
    if any(_has_actors(g) and actors_match(g, pred, True) for g in golds):
        return "pair_other_code"
    return "pair_not_in_gold"


def _got(p: Event) -> str:
    src = p.source.code if p.source else None
    tgt = p.target.code if p.target else None
    return f"{src} -> {tgt} {p.cameo} {p.cameo_name}"


def _miss(gold: GoldArticle, g: GoldEvent, preds: list[Event]) -> dict[str, Any]:
    what = g.plover or "/".join(sorted(g.codes or g.roots))
    bucket, there = miss_bucket(gold, g, preds)
    return {
        "kind": "miss",
        "bucket": bucket,
        "record": gold.id,
        "expected": f"{g.source} -> {g.target} {what}",
        "got": "; ".join(_got(p) for p in there[:3]) or None,
        "text": g.evidence or gold.text,
    }


def _wrong_date(gold: GoldArticle, g: GoldEvent, p: Event) -> dict[str, Any]:
    when = p.when
    got = f"{when.date} ({when.precision}, {when.basis}"
    got += f", {when.text!r})" if when.text else ")"
    return {
        "kind": "wrong_date",
        "bucket": date_bucket(gold, g, p),
        "basis": when.basis,
        "elsewhere": bool(g.evidence) and not _told_there(g, p),
        "record": gold.id,
        "expected": f"{g.date} ±{g.tolerance_days}",
        "got": f"{_got(p)}: {got}",
        "text": p.evidence_text,
    }


def date_bucket(gold: GoldArticle, g: GoldEvent, p: Event) -> str:
    """How a matched event's date is wrong (a key of ``DATE_BUCKETS``)."""
    got = p.when.date
    if got is None or g.date is None:
        return "no_date"
    if gold.published is not None and got == gold.published:
        return "took_publication"
    if gold.published is not None and g.date == gold.published:
        return "missed_publication"
    off = (got - g.date).days
    side = "early" if off < 0 else "late"
    return f"days_{side}" if abs(off) <= NEAR_DAYS else f"far_{side}"


def _error(kind: str, gold: GoldArticle, p: Event, note: str | None) -> dict[str, Any]:
    return {
        "kind": kind,
        "record": gold.id,
        "expected": note,
        "got": _got(p),
        "text": p.evidence_text,
    }

"""The records casus produces: frozen, slotted dataclasses with ``to_dict``/``from_dict``.

Offsets are character offsets into the article text, start inclusive, end exclusive. The keys
of :meth:`Event.to_dict` are the public contract of the JSON-lines output (docs/output.md).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import deque
from dataclasses import dataclass, field, fields
from itertools import repeat
from operator import attrgetter
from typing import Any

from casus.daterange import check_date
from casus.errors import InputError
from casus.sanitize import clean_text

DATE_PRECISIONS = ("day", "week", "month", "year", "decade", "unknown")
DATE_BASES = ("stated", "inferred", "publication", "reference")
# The country part of an actor whose country is unknown (CAMEO/PETRARCH convention): "---" alone
# for an actor of whom nothing is known, "---UAF" for unidentified gunmen.
UNKNOWN_COUNTRY = "---"


def content_id(*parts: str, length: int = 16) -> str:
    """A stable hex id from the parts' text (sha1), so re-running the same input adds nothing."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[:length]


def parse_iso_date(value: Any, *, field_name: str = "published") -> dt.date | None:
    """Read ``YYYY-MM-DD`` (or a full ISO timestamp) into a date; ``None`` stays ``None``.

    :class:`InputError` for anything else ("2023-04-09garbage") and for dates outside
    1800-01-01..2200-12-31 (:mod:`casus.daterange`)."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        # a bare date, or a whole ISO timestamp; never a date followed by other text
        day = (
            dt.date.fromisoformat(text)
            if len(text) <= 10
            else dt.datetime.fromisoformat(text).date()
        )
    except ValueError as e:
        shown = text if len(text) <= 40 else text[:40] + "..."
        raise InputError(f"{field_name} {shown!r} is not a date (expected YYYY-MM-DD)") from e
    return check_date(day, field_name)


@dataclass(frozen=True, slots=True)
class Article:
    """One input document. ``id`` is a content hash of the text unless the input gives one."""

    text: str
    id: str = ""
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    origin: str | None = None  # where it was read from: "file.jsonl:3", "-", "sample.txt"
    encoding: str | None = None  # the file's text encoding when a reader had to detect it

    def __post_init__(self) -> None:
        # hostile input (issue 13): lone surrogates cannot be encoded anywhere downstream, and
        # a date outside 1800..2200 breaks date arithmetic; both are settled here, once
        for name in ("text", "id", "title", "url", "outlet", "origin"):
            value = getattr(self, name)
            if isinstance(value, str):
                object.__setattr__(self, name, clean_text(value))
        if self.published is not None:
            check_date(self.published)
        if not self.id:
            object.__setattr__(self, "id", content_id(self.text))

    def to_dict(self) -> dict[str, Any]:
        """The article as JSON-ready data (dates as ISO strings)."""
        return {
            "id": self.id,
            "title": self.title,
            "url": self.url,
            "outlet": self.outlet,
            "published": self.published.isoformat() if self.published else None,
            "origin": self.origin,
            "encoding": self.encoding,
            "text": self.text,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """Build an article from a mapping with at least ``text``."""
        text = data.get("text")
        if not isinstance(text, str):
            raise InputError("missing or non-string 'text'")
        return cls(
            text=text,
            id=str(data.get("id") or ""),
            title=_opt_str(data.get("title")),
            url=_opt_str(data.get("url")),
            outlet=_opt_str(data.get("outlet")),
            published=parse_iso_date(data.get("published")),
            origin=_opt_str(data.get("origin")),
            encoding=_opt_str(data.get("encoding")),
        )


def _opt_str(value: Any) -> str | None:
    return None if value is None else str(value)


@dataclass(frozen=True, slots=True)
class Actor:
    """A resolved (or unresolved) actor: ``code`` is the CAMEO actor code. An event's side whose
    country is unknown has a code starting with ``---`` (``---`` alone when nothing is known,
    ``---COP`` for police of no known country); ``None`` is a phrase casus could not resolve."""

    code: str | None
    country: str | None
    roles: tuple[str, ...]
    text: str
    start: int
    end: int
    # how it was resolved: dictionary | person | metonym | pronoun | place | inferred | context |
    # generic | unknown | unresolved (docs/actors.md#the-how-field)
    how: str = "dictionary"

    @property
    def known(self) -> bool:
        """Whether the actor has a code with a known country or organisation part."""
        return self.code is not None and not self.code.startswith(UNKNOWN_COUNTRY)

    def to_dict(self) -> dict[str, Any]:
        """The actor as the public JSON object (``how`` is kept for ``--explain``)."""
        return {
            "code": self.code,
            "country": self.country,
            "roles": list(self.roles),
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "how": self.how,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Actor:
        """Inverse of :meth:`to_dict`."""
        return cls(
            code=data.get("code"),
            country=data.get("country"),
            roles=tuple(data.get("roles") or ()),
            text=str(data.get("text", "")),
            start=int(data.get("start", 0)),
            end=int(data.get("end", 0)),
            how=str(data.get("how", "dictionary")),
        )


@dataclass(frozen=True, slots=True)
class Mention:
    """A noun phrase in the article that names (or points to) an actor."""

    actor: Actor
    sentence_index: int
    head: int  # token index of the phrase head within the spaCy Doc


@dataclass(frozen=True, slots=True)
class Modality:
    """Whether an event is asserted: negated, hypothetical (modal, conditional, question,
    planned), future, or only reported by someone else."""

    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    reported: bool = False

    @property
    def asserted(self) -> bool:
        """True when the text says the event happened (not negated, not hypothetical/future)."""
        return not (self.negated or self.hypothetical or self.future)

    def to_dict(self) -> dict[str, Any]:
        """The modality flags as JSON."""
        return {
            "negated": self.negated,
            "hypothetical": self.hypothetical,
            "future": self.future,
            "reported": self.reported,
        }


@dataclass(frozen=True, slots=True)
class Attribution:
    """On whose word the event stands: a speaker (actor) with a reporting verb, or the outlet."""

    speaker: Actor | None = None
    outlet: str | None = None
    verb: str | None = None
    quote_start: int | None = None
    quote_end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """The attribution as the public JSON object."""
        quote = None
        if self.quote_start is not None and self.quote_end is not None:
            quote = {"start": self.quote_start, "end": self.quote_end}
        return {
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "outlet": self.outlet,
            "verb": self.verb,
            "quote": quote,
        }


@dataclass(frozen=True, slots=True)
class EventDate:
    """When the event happened: the first day of the period, its precision, and the basis."""

    date: dt.date | None
    precision: str = "unknown"
    basis: str = "publication"
    text: str | None = None  # the temporal expression used, if any
    note: str | None = None  # why the date is unknown, when it is
    reference: str | None = None  # the reference event it is dated from (reference_events.tsv)


@dataclass(frozen=True, slots=True)
class Location:
    """Where the event happened, resolved offline."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    precision: str  # city | region | country | border
    text: str
    start: int
    end: int
    # issue 15: where the place came from (clause | sentence | dateline | country) and its
    # GeoNames identity; defaults keep older JSON readable
    basis: str = "clause"
    geonameid: int | None = None
    admin1: str | None = None
    feature_code: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The place as JSON."""
        return {
            "name": self.name,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "precision": self.precision,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "basis": self.basis,
            "geonameid": self.geonameid,
            "admin1": self.admin1,
            "feature_code": self.feature_code,
        }


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event with its evidence. ``to_dict`` gives the public JSON contract."""

    article_id: str
    sentence_index: int
    evidence_text: str
    evidence_start: int
    evidence_end: int
    source: Actor | None
    target: Actor | None
    cameo: str
    cameo_name: str
    quad_class: int
    goldstein: float
    plover: str | None
    plover_mode: str | None
    trigger_text: str
    trigger_start: int
    trigger_end: int
    modality: Modality = field(default_factory=Modality)
    attribution: Attribution = field(default_factory=Attribution)
    when: EventDate = field(default_factory=lambda: EventDate(None))
    historical: bool = False
    location: Location | None = None
    confidence: float = 0.5
    pattern: str | None = None  # the lexicon pattern that coded it: "file:line"

    @property
    def cameo_root(self) -> str:
        """The two-digit CAMEO root of the code."""
        return self.cameo[:2]

    @property
    def event_id(self) -> str:
        """A content hash of what makes the event distinct within its article."""
        src = self.source.code if self.source else ""
        tgt = self.target.code if self.target else ""
        return content_id(
            self.article_id,
            str(self.trigger_start),
            self.cameo,
            src or "",
            tgt or "",
            str(self.source.start if self.source else -1),
            str(self.target.start if self.target else -1),
        )

    def with_(self, **changes: Any) -> Event:
        """A copy with some fields changed (every stage changes every event: field by field,
        without ``dataclasses.replace``'s round trip through ``__init__``)."""
        if not _EVENT_FIELD_SET.issuperset(changes):
            unknown = ", ".join(sorted(set(changes) - _EVENT_FIELD_SET))
            raise TypeError(f"Event has no field(s) {unknown}")
        values = list(_event_values(self))  # all the fields at once
        for name, value in changes.items():
            values[_EVENT_INDEX[name]] = value
        new = object.__new__(type(self))
        # set in one C-level pass (the "consume" idiom): a loop of setattr calls in Python
        # took a third longer, and every stage copies every event
        deque(map(_set, repeat(new), _EVENT_FIELDS, values), maxlen=0)
        return new

    def to_dict(self) -> dict[str, Any]:
        """The event as the public JSON object (docs/output.md)."""
        when = self.when
        return {
            "event_id": self.event_id,
            "article_id": self.article_id,
            "sentence_index": self.sentence_index,
            "evidence": {
                "text": self.evidence_text,
                "start": self.evidence_start,
                "end": self.evidence_end,
            },
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "trigger": {
                "text": self.trigger_text,
                "start": self.trigger_start,
                "end": self.trigger_end,
            },
            "cameo": self.cameo,
            "cameo_root": self.cameo_root,
            "cameo_name": self.cameo_name,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "plover": self.plover,
            "plover_mode": self.plover_mode,
            "date": when.date.isoformat() if when.date else None,
            "date_precision": when.precision,
            "date_basis": when.basis,
            "date_text": when.text,
            "date_note": when.note,
            "date_reference": when.reference,
            "historical": self.historical,
            "modality": self.modality.to_dict(),
            "attribution": self.attribution.to_dict(),
            "location": self.location.to_dict() if self.location else None,
            "confidence": round(self.confidence, 3),
            "pattern": self.pattern,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        """Rebuild an event from :meth:`to_dict` output (e.g. a JSON-lines file)."""
        ev = data["evidence"]
        trig = data.get("trigger") or {"text": "", "start": ev["start"], "end": ev["start"]}
        mod = data.get("modality") or {}
        att = data.get("attribution") or {}
        quote = att.get("quote") or {}
        loc = data.get("location")
        return cls(
            article_id=data["article_id"],
            sentence_index=int(data["sentence_index"]),
            evidence_text=ev["text"],
            evidence_start=int(ev["start"]),
            evidence_end=int(ev["end"]),
            source=Actor.from_dict(data["source"]) if data.get("source") else None,
            target=Actor.from_dict(data["target"]) if data.get("target") else None,
            cameo=str(data["cameo"]),
            cameo_name=str(data.get("cameo_name", "")),
            quad_class=int(data["quad_class"]),
            goldstein=float(data["goldstein"]),
            plover=data.get("plover"),
            plover_mode=data.get("plover_mode"),
            trigger_text=str(trig["text"]),
            trigger_start=int(trig["start"]),
            trigger_end=int(trig["end"]),
            modality=Modality(
                **{
                    k: bool(mod.get(k, False))
                    for k in ("negated", "hypothetical", "future", "reported")
                }
            ),
            attribution=Attribution(
                speaker=Actor.from_dict(att["speaker"]) if att.get("speaker") else None,
                outlet=att.get("outlet"),
                verb=att.get("verb"),
                quote_start=quote.get("start"),
                quote_end=quote.get("end"),
            ),
            when=EventDate(
                date=parse_iso_date(data.get("date"), field_name="date"),
                precision=str(data.get("date_precision") or "unknown"),
                basis=str(data.get("date_basis") or "publication"),
                text=data.get("date_text"),
                note=data.get("date_note"),
                reference=data.get("date_reference"),
            ),
            historical=bool(data.get("historical", False)),
            location=Location(**loc) if loc else None,
            confidence=float(data.get("confidence", 0.5)),
            pattern=data.get("pattern"),
        )

    def to_json(self) -> str:
        """One JSON line."""
        return json.dumps(self.to_dict(), ensure_ascii=False)


_EVENT_FIELDS = tuple(f.name for f in fields(Event))
_EVENT_FIELD_SET = frozenset(_EVENT_FIELDS)
_EVENT_INDEX = {name: i for i, name in enumerate(_EVENT_FIELDS)}
_event_values = attrgetter(*_EVENT_FIELDS)
_set = object.__setattr__

"""Cross-source de-duplication: cluster the reports of one real-world event.

Many sentences, articles and outlets report the same event ("Azerbaijan expelled four Iranian
diplomats on Thursday", "Baku ordered four Iranian embassy staff out"). Each coded report stays
in the store; a *cluster* groups the reports of one event, and the analysis functions count
clusters, not reports. docs/dedup.md explains the method; the parameters are
:class:`DedupParams`.

Two reports are candidates for one cluster only when all the *gates* pass:

- actors: the same source and target (countries, or codes for actors without a country); the
  direction may be swapped when either code is symmetric (057 "sign formal agreement") or
  the two codes are converses (042 visit / 043 host);
- codes: the same CAMEO root, or two codes of one family in :data:`CODE_FAMILIES`;
- dates: the periods their dates stand for (a day, a week, a month...) lie within
  ``day_slack`` days of each other; a date taken from the publication date stands for the week
  before it; an unknown date never matches a report from another article;
- places: two places named in the sentences themselves (not datelines) must not differ.

A candidate pair is *strong* (same root, both dates stated to the day, or the same article) or
*weak*; a weak pair also needs similar evidence (overlap of content words at least
``evidence_min``) and no conflicting quantities ("four diplomats" vs "six diplomats").
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from casus.dates import period_end
from casus.model import Actor, Event, EventDate, content_id
from casus.ontology.cameo import load_cameo
from casus.ontology.words import word_list, word_values

# Codes from different roots that often describe one event in different words. Each family
# is a set of code prefixes; two codes are related when both start with prefixes of one family.
CODE_FAMILIES: dict[str, tuple[str, ...]] = {
    # "declared persona non grata" (161), "expelled" (166), "ordered to leave" (174)
    "expulsion": ("161", "166", "174"),
    # "shelled", "bombed", "attacked": assault, fight and mass violence
    "armed attack": ("18", "19", "20"),
    # "signed a ceasefire agreement" (057) / "declared a truce" (0871)
    "truce": ("057", "0871"),
}
# Code pairs that describe one event from the two sides (A visits B = B hosts A).
CONVERSE_CODES = frozenset({("042", "043"), ("043", "042")})
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, "decade": 4, "unknown": 5}
SPECIFIC_PLACES = frozenset({"city", "region", "border"})
STOPWORDS = word_list("dedup_stopwords")
NUMBER_WORDS = {word: int(value) for word, value in word_values("count_numbers").items()}
_TOKEN_RE = re.compile(r"[a-z]+|\d+")


@dataclass(frozen=True, slots=True)
class DedupParams:
    """The parameters of the clustering (docs/dedup.md gives the reasons for each)."""

    day_slack: int = 2  # days between two periods that still count as the same time
    publication_lookback: int = 7  # a publication-date report covers this many days before
    evidence_min: float = 0.25  # overlap of content words a weak match needs


DEFAULT_PARAMS = DedupParams()


@dataclass(frozen=True, slots=True)
class Report:
    """One coded event as a report of something: the event plus where it was published."""

    event: Event
    outlet: str | None = None
    published: dt.date | None = None
    known_id: str | None = None  # the event's id when the caller has it (saves a hash)

    @property
    def event_id(self) -> str:
        """The event's id."""
        return self.known_id or self.event.event_id

    @property
    def source_key(self) -> str | None:
        """The source side used for matching: its country, else its code."""
        return actor_key(self.event.source)

    @property
    def target_key(self) -> str | None:
        """The target side used for matching: its country, else its code."""
        return actor_key(self.event.target)

    @property
    def dyad(self) -> str | None:
        """The unordered pair of actor keys the report belongs to (its clustering partition)."""
        return dyad_key(self.source_key, self.target_key)

    @property
    def source_name(self) -> str:
        """The outlet, or the article id for an article without one (counts as its own)."""
        return self.outlet or f"article:{self.event.article_id}"


@dataclass(frozen=True, slots=True)
class Cluster:
    """The reports of one real-world event, with a canonical report and a best date."""

    cluster_id: str
    reports: tuple[Report, ...]
    canonical: Report
    date: dt.date | None
    date_precision: str

    @property
    def n_reports(self) -> int:
        """How many coded reports (sentences) the cluster has."""
        return len(self.reports)

    @property
    def n_articles(self) -> int:
        """How many distinct articles report it."""
        return len({r.event.article_id for r in self.reports})

    @property
    def n_outlets(self) -> int:
        """How many distinct outlets report it (an article without outlet counts as one)."""
        return len({r.source_name for r in self.reports})

    @property
    def first_report(self) -> dt.date | None:
        """The earliest publication date among the reports."""
        dates = [r.published for r in self.reports if r.published is not None]
        return min(dates) if dates else None

    @property
    def evidence(self) -> list[str]:
        """Every report's evidence sentence, in report order."""
        return [r.event.evidence_text for r in self.reports]

    @property
    def historical(self) -> bool:
        """True when every report flags the event as historical background."""
        return all(r.event.historical for r in self.reports)

    @property
    def dyad(self) -> str | None:
        """The cluster's partition key (unordered actor pair)."""
        return self.canonical.dyad


def actor_key(actor: Actor | None) -> str | None:
    """The side of an event used for matching and dyads: the country, else the code."""
    if actor is None:
        return None
    return actor.country or actor.code


def known_dyad(key: str | None) -> str | None:
    """The dyad of a partition key when both sides are known ("AZE|IRN"), else ``None``: a
    missing side, an unknown actor (no code) or a role of unknown country ("---COP")."""
    if key is None:
        return None
    sides = key.split("|")
    if len(sides) != 2 or any(not s or s.startswith("---") for s in sides):
        return None
    return key


def dyad_key(a: str | None, b: str | None) -> str | None:
    """``"AZE|IRN"``: the sorted pair; one missing side is empty; ``None`` without actors."""
    if a is None and b is None:
        return None
    first, second = sorted((a or "", b or ""))
    return f"{first}|{second}"


@lru_cache(maxsize=4096)
def is_symmetric(code: str) -> bool:
    """Whether a CAMEO code's direction carries no meaning (unknown codes: not symmetric)."""
    table = load_cameo()
    return table.get(code).symmetric if code in table else False


def codes_related(a: str, b: str) -> float | None:
    """How close two CAMEO codes are: 1.0 same code, 0.8 same 3-digit code, 0.6 same root,
    0.4 same family in :data:`CODE_FAMILIES`, ``None`` when unrelated."""
    if a == b:
        return 1.0
    if len(a) >= 3 and len(b) >= 3 and a[:3] == b[:3]:
        return 0.8
    if a[:2] == b[:2]:
        return 0.6
    for prefixes in CODE_FAMILIES.values():
        if any(a.startswith(p) for p in prefixes) and any(b.startswith(p) for p in prefixes):
            return 0.4
    return None


def cluster_reports(
    reports: Iterable[Report], *, params: DedupParams = DEFAULT_PARAMS
) -> list[Cluster]:
    """Group reports into clusters, partition by partition (dyad), deterministically.

    Reports are taken in date order; each joins the best-scoring open cluster whose every
    member passes the gates with it and at least one member supports it (strong, or weak with
    similar evidence), else it starts a new cluster. Reports without any actor key are each
    their own cluster.
    """
    return [_finish(group) for group in _groups(reports, params)]


def group_reports(
    reports: Iterable[Report], *, params: DedupParams = DEFAULT_PARAMS
) -> list[list[Report]]:
    """The reports of each cluster :func:`cluster_reports` makes, in the same order, without
    its canonical report, date and id (for a caller that computes those itself: the
    store, in SQL)."""
    return [[item.report for item in group] for group in _groups(reports, params)]


def _groups(reports: Iterable[Report], params: DedupParams) -> Iterator[list[_Item]]:
    partitions: dict[str | None, list[_Item]] = defaultdict(list)
    for report in reports:
        partitions[report.dyad].append(_Item(report, params))
    for dyad in sorted(partitions, key=lambda d: d or ""):
        items = sorted(partitions[dyad], key=_Item.order)
        if dyad is None:
            yield from ([item] for item in items)
        else:
            yield from _cluster_partition(items, params)


def cluster_events(
    events: Iterable[Event],
    *,
    params: DedupParams = DEFAULT_PARAMS,
) -> list[Cluster]:
    """:func:`cluster_reports` for bare events (outlet from the attribution, no dates)."""
    return cluster_reports((Report(e, e.attribution.outlet) for e in events), params=params)


def match(a: Report, b: Report, *, params: DedupParams = DEFAULT_PARAMS) -> float | None:
    """The score of two reports as one event, or ``None`` when they cannot be one."""
    left, right = _Item(a, params), _Item(b, params)
    if not _gates(left, right, params):
        return None
    return _support(left, right, params)


# ---- internals -----------------------------------------------------------------------------
@dataclass(slots=True)
class _Item:
    """A report with what matching needs precomputed (the words of its evidence only when a
    weak pair or a choice between clusters needs them: most reports never do)."""

    report: Report
    params: DedupParams
    interval: tuple[dt.date, dt.date] | None = field(init=False)
    precise: bool = field(init=False)
    place: str | None = field(init=False)
    keys: tuple[str | None, str | None] = field(init=False)  # (source, target) actor keys
    _words: tuple[frozenset[str], frozenset[int]] | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        event = self.report.event
        self.interval = _interval(event, self.params)
        self.precise = (
            event.when.precision == "day"
            and event.when.basis != "publication"
            and event.when.date is not None
        )
        loc = event.location
        inside = loc is not None and event.evidence_start <= loc.start < event.evidence_end
        self.place = (
            loc.name.lower() if loc and inside and loc.precision in SPECIFIC_PLACES else None
        )
        self.keys = (actor_key(event.source), actor_key(event.target))

    @property
    def tokens(self) -> frozenset[str]:
        """Stemmed content words of the evidence."""
        return self._content()[0]

    @property
    def numbers(self) -> frozenset[int]:
        """The quantities the evidence names ("four", "12")."""
        return self._content()[1]

    def _content(self) -> tuple[frozenset[str], frozenset[int]]:
        if self._words is None:
            words = _content_words(self.report.event)
            numbers = frozenset(
                NUMBER_WORDS[w] if w in NUMBER_WORDS else int(w)
                for w in words
                if w in NUMBER_WORDS or w.isdigit()
            )
            tokens = frozenset(_stem(w) for w in words if w not in STOPWORDS)
            self._words = (tokens, numbers)
        return self._words

    def order(self) -> tuple[int, dt.date, dt.date, str, int, str]:
        """Dated reports first, by period start, then publication, article and sentence."""
        start = self.interval[0] if self.interval else dt.date.max
        published = self.report.published or dt.date.max
        event = self.report.event
        return (
            self.interval is None,
            start,
            published,
            event.article_id,
            event.sentence_index,
            self.report.event_id,
        )


@dataclass(slots=True)
class _Open:
    """A cluster being built."""

    members: list[_Item]
    end: dt.date  # the latest period end among members (for retiring the cluster)


def _cluster_partition(items: list[_Item], params: DedupParams) -> list[list[_Item]]:
    done: list[list[_Item]] = []
    active: list[_Open] = []
    by_article: dict[str, list[_Open]] = defaultdict(list)
    for item in items:
        if item.interval is not None:
            horizon = item.interval[0] - dt.timedelta(days=params.day_slack)
            done.extend(c.members for c in active if c.end < horizon)
            active = [c for c in active if c.end >= horizon]
            candidates = active
        else:
            candidates = by_article[item.report.event.article_id]
        best = _best_cluster(item, candidates, params)
        if best is None:
            best = _Open([], item.interval[1] if item.interval else dt.date.min)
            if item.interval is not None:
                active.append(best)
            else:
                done.append(best.members)
        best.members.append(item)
        if item.interval is not None and item.interval[1] > best.end:
            best.end = item.interval[1]
        article_clusters = by_article[item.report.event.article_id]
        if best not in article_clusters:
            article_clusters.append(best)
    done.extend(c.members for c in active)
    return done


def _best_cluster(item: _Item, candidates: list[_Open], params: DedupParams) -> _Open | None:
    """The best-scoring candidate the item may join; with one candidate only whether it
    may join matters (every score is positive), which spares the evidence words of a
    strong pair."""
    if len(candidates) == 1:
        return candidates[0] if _may_join(item, candidates[0].members, params) else None
    best: _Open | None = None
    best_score = 0.0
    for cluster in candidates:
        score = _join_score(item, cluster.members, params)
        if score is not None and score > best_score:
            best, best_score = cluster, score
    return best


def _may_join(item: _Item, members: list[_Item], params: DedupParams) -> bool:
    """Whether :func:`_join_score` would give a score, computing as little as it can."""
    if not all(_gates(item, member, params) for member in members):
        return False
    return any(_strong(item, m) or _support(item, m, params) is not None for m in members)


def _strong(a: _Item, b: _Item) -> bool:
    ea, eb = a.report.event, b.report.event
    if ea.article_id == eb.article_id:
        return True
    code = codes_related(ea.cameo, eb.cameo) or 0.0
    return code >= 0.6 and a.precise and b.precise


def _join_score(item: _Item, members: list[_Item], params: DedupParams) -> float | None:
    """Gates against every member; support from at least one; the best member's score."""
    best: float | None = None
    for member in members:
        if not _gates(item, member, params):
            return None
        score = _support(item, member, params)
        if score is not None and (best is None or score > best):
            best = score
    return best


def _gates(a: _Item, b: _Item, params: DedupParams) -> bool:
    ea, eb = a.report.event, b.report.event
    if codes_related(ea.cameo, eb.cameo) is None:
        return False
    if not _actors_compatible(a, b):
        return False
    if a.place and b.place and a.place != b.place:
        return False
    same_article = ea.article_id == eb.article_id
    if a.interval is None or b.interval is None:
        return same_article
    if same_article and a.precise and b.precise:
        return ea.when.date == eb.when.date  # one article dates its events consistently
    return _gap(a.interval, b.interval) <= params.day_slack


def _support(a: _Item, b: _Item, params: DedupParams) -> float | None:
    ea, eb = a.report.event, b.report.event
    code = codes_related(ea.cameo, eb.cameo) or 0.0
    same_article = ea.article_id == eb.article_id
    both_precise = a.precise and b.precise
    date = 0.5
    if both_precise:
        date = 1.0 if ea.when.date == eb.when.date else 0.8
    similarity = _overlap(a.tokens, b.tokens)
    score = code + date + (0.5 if similarity is None else similarity)
    strong = same_article or (code >= 0.6 and both_precise)
    if strong:
        return score
    if a.numbers and b.numbers and not a.numbers & b.numbers:
        return None  # "four diplomats" and "six diplomats" are not one weak match
    if similarity is not None and similarity < params.evidence_min:
        return None
    return score


def _actors_compatible(a: _Item, b: _Item) -> bool:
    if a.keys == b.keys:
        return True
    swapped = a.keys[0] == b.keys[1] and a.keys[1] == b.keys[0]
    ca, cb = a.report.event.cameo, b.report.event.cameo
    return swapped and (is_symmetric(ca) or is_symmetric(cb) or (ca, cb) in CONVERSE_CODES)


def _interval(event: Event, params: DedupParams) -> tuple[dt.date, dt.date] | None:
    """The days an event's date stands for, from its precision and basis."""
    when = event.when
    day = when.date
    if day is None or when.precision == "unknown":
        return None
    if when.basis == "publication":
        return day - dt.timedelta(days=params.publication_lookback), day
    return day, period_end(day, when.precision)


def _gap(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> int:
    """Days between two periods (0 or negative when they overlap)."""
    return (max(a[0], b[0]) - min(a[1], b[1])).days


def _content_words(event: Event) -> list[str]:
    """Lower-case words of the evidence without the actors' and the date's words."""
    text = event.evidence_text
    base = event.evidence_start
    for actor in (event.source, event.target):
        if actor is not None:
            start, end = max(actor.start - base, 0), min(actor.end - base, len(text))
            if start < end:
                text = text[:start] + " " * (end - start) + text[end:]
    stripped = text.lower()
    if event.when.text:
        stripped = stripped.replace(event.when.text.lower(), " ")
    return _TOKEN_RE.findall(stripped)


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """A crude stem so "expelled", "expels" and "expelling" meet ("expel")."""
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            word = word[: -len(suffix)]
            break
    if len(word) > 4 and word[-1] == word[-2]:
        word = word[:-1]  # "expell" (from "expelled") -> "expel"
    return word


def _overlap(a: frozenset[str], b: frozenset[str]) -> float | None:
    """Overlap coefficient |a∩b| / min(|a|, |b|); ``None`` when either side is empty."""
    if not a or not b:
        return None
    return len(a & b) / min(len(a), len(b))


def _finish(items: list[_Item]) -> Cluster:
    reports = tuple(i.report for i in items)
    canonical = min(
        reports,
        key=lambda r: (
            -r.event.confidence,
            r.published or dt.date.max,
            r.event.article_id,
            r.event.sentence_index,
        ),
    )
    date, precision = _best_date(reports)
    return Cluster(content_id("cluster", reports[0].event_id), reports, canonical, date, precision)


def _best_date(reports: tuple[Report, ...]) -> tuple[dt.date | None, str]:
    """The finest-precision date (stated before publication-based), most common, earliest."""
    dated = [r.event.when for r in reports if r.event.when.date is not None]
    if not dated:
        return None, "unknown"

    def rank(when: EventDate) -> tuple[int, bool]:
        return PRECISION_RANK.get(when.precision, 5), when.basis == "publication"

    best = min(rank(w) for w in dated)
    finest = [w for w in dated if rank(w) == best]
    counts = Counter(w.date for w in finest)
    top = max(counts.values())
    day = min(d for d, n in counts.items() if n == top and d is not None)
    return day, finest[0].precision

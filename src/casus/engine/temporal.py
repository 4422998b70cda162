"""Resolving temporal expressions against the publication date, with a precision.

``resolve_expression("last October", dt.date(2023, 4, 9))`` → ``(2022-10-01, "month")``.
Each rule is a regular expression over the lower-cased expression; docs/dates.md lists them
with the precision and the date they give (the first day of the period meant). dateparser
handles the explicit calendar forms the rules do not cover.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import warnings
from functools import lru_cache

from casus.daterange import bounded, clamped_shift  # issue 13: no OverflowError at the edges
from casus.dates import MONTH_PATTERN, period_end, shift_months
from casus.ontology.words import word_values

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
NUMBERS = {word: int(value) for word, value in word_values("duration_numbers").items()}
_MONTH = rf"({MONTH_PATTERN})\.?"
# A count in a duration: digits or a word of ``duration_numbers`` ("two", "a few", "several").
_NUM = r"(\d+|" + "|".join(NUMBERS) + ")"
_UNIT = r"(day|week|month|year|decade)s?"

# The end of a range of days written before its month, skipped so that the range starts on
# its first day, as "July 25-26" does: "on 25-26 July", "between 6 and 9 July".
_DAY_RANGE_END = r"(?:\s*(?:-|\u2013|to|and)\s*\d{1,2}(?:st|nd|rd|th)?)?"

Resolved = tuple[dt.date, str]
# The first day of the part of a month named by "mid" and "late" ("early" is the 1st).
THIRDS = {"mid": 11, "late": 21}


def _clean(text: str) -> str:
    text = text.lower().replace("\u2019", "'").strip(" ,.;")
    text = re.sub(r"^(on|in|at|during|since|from|by|over|of|until|till|through)\s+", "", text)
    text = re.sub(r"^(the|this past)\s+", lambda m: "" if m.group(1) == "the" else "last ", text)
    # "earlier in the week" is told like "earlier this week": the publication's week
    text = re.sub(r"^(earlier|later) in the (week|month|year)$", r"\1 this \2", text)
    return re.sub(r"\s+", " ", text)


def _num(word: str) -> int:
    return int(word) if word.isdigit() else NUMBERS.get(word, 1)


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _ago(n: int, unit: str, pub: dt.date) -> Resolved:
    if unit == "day":
        return pub - dt.timedelta(days=n), "day"
    if unit == "week":
        return _monday(pub - dt.timedelta(weeks=n)), "week"
    if unit == "month":
        return shift_months(pub.replace(day=1), -n), "month"
    if unit == "year":
        return dt.date(pub.year - n, 1, 1), "year"
    return dt.date(pub.year - 10 * n, 1, 1), "year"  # "a decade ago": the year it names


def _span_start(n: int, unit: str, pub: dt.date) -> Resolved:
    """ "over the past few days" etc.: the start of the span ("few" = 3 units). As ``_ago``,
    but a span of days starts in a week, and a span of decades is a decade."""
    if unit == "day":
        return _monday(pub - dt.timedelta(days=n)), "week"
    start, precision = _ago(n, unit, pub)
    return start, precision if unit in ("week", "month", "year") else "decade"


def _weekday(name: str, pub: dt.date, *, future: bool, modifier: str | None) -> Resolved:
    target = WEEKDAYS[name]
    if future or modifier == "next":
        delta = (target - pub.weekday()) % 7 or 7
        return pub + dt.timedelta(days=delta), "day"
    delta = (pub.weekday() - target) % 7
    if modifier == "last" and delta == 0:
        delta = 7
    return pub - dt.timedelta(days=delta), "day"


def _month_day(month: int, day: int, year: int | None, pub: dt.date | None) -> Resolved | None:
    if year is None:
        if pub is None:
            return None
        year = pub.year
        try:
            if dt.date(year, month, day) > pub:
                year -= 1
        except ValueError:
            return None
    try:
        return dt.date(year, month, day), "day"
    except ValueError:
        return None


def _month_only(
    month: int,
    year: int | None,
    pub: dt.date | None,
    modifier: str | None,
    *,
    future: bool = False,
) -> Resolved | None:
    if year is not None:
        return dt.date(year, month, 1), "month"
    if pub is None:
        return None
    year = pub.year
    if modifier == "this":
        return dt.date(year, month, 1), "month"  # "this October": this year's
    if modifier == "next" or (future and modifier != "last"):
        if month <= pub.month and (modifier == "next" or month < pub.month):
            year += 1  # "next October", "will vote in March" (said in June)
    elif month > pub.month or (modifier == "last" and month >= pub.month):
        year -= 1
    return dt.date(year, month, 1), "month"


RELATIVE_ONLY = re.compile(
    r"(ago|last|this|next|yesterday|today|tonight|tomorrow|recent|past|"
    r"earlier|later|week|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|month|year)"
)


def lacks_year(text: str) -> bool:
    """Whether an expression names a month, or a month and day, with no year and no relative
    word ("April", "late May", "April 7"; not "last April", "April 2019")."""
    s = _clean(text)
    return (
        re.search(rf"\b{_MONTH}", s) is not None
        and re.search(r"\d{4}", s) is None
        and RELATIVE_ONLY.search(s) is None
    )


@bounded
@lru_cache(maxsize=1 << 14)  # pure, and asked again for each predicate and each article of a day
def resolve_expression(
    text: str,
    pub: dt.date | None,
    *,
    future: bool = False,
) -> Resolved | None:
    """The first day of the period ``text`` names, and its precision; ``None`` if it names
    no resolvable time. Relative expressions need ``pub``."""
    s = _clean(text)
    part = _part_of(s, pub, future=future)
    if part is not None:
        return part
    month = _month_of_year(s, pub, future=future)
    if month is not None:
        return month
    absolute = _absolute(s, pub, future=future)
    if absolute is not None:
        return absolute
    if pub is None:
        return None
    return _relative(s, pub, future=future)


# A month of a year named from the publication date: "April last year", "in March of this
# year", "late May next year".
MONTH_OF_YEAR = re.compile(
    rf"(?:(early|mid|late)[ -])?{_MONTH},? (?:of )?((?:last|this|next|the previous) year)"
)


def _month_of_year(s: str, pub: dt.date | None, *, future: bool) -> Resolved | None:
    m = MONTH_OF_YEAR.fullmatch(s)
    if m is None or pub is None:
        return None
    year = _relative(_clean(m.group(3)), pub, future=future)
    if year is None:
        return None
    day = THIRDS.get(m.group(1) or "", 1)  # "late May" starts on the 21st
    return dt.date(year[0].year, MONTHS[m.group(2).rstrip(".")], day), "month"


# A part of a named period: "the last day of 2020", "the end of June", "the first week of
# March", "the eve of Sunday's vote" (the day before).
PART_OF = re.compile(
    r"(?:(?P<edge>first|last|final|opening|closing) (?:(?P<unit>day|week)|(?P<few>days|weeks))|"
    r"(?P<half>first|second|latter) half|"
    r"(?P<part>start|beginning|middle|end|close)|(?P<eve>eve)) of (?P<inner>.+)"
)
# "the end of the year": the year of publication.
_BARE_UNIT = re.compile(r"(?:the )?(week|month|year)")


def _part_of(s: str, pub: dt.date | None, *, future: bool) -> Resolved | None:
    """A part of the period an inner expression names: the first or last day or week, the
    start, middle or end (the thirds of a month, the first, seventh and last months of a
    year), or the eve (the day before)."""
    m = PART_OF.fullmatch(s)
    if m is None:
        return None
    inner = m.group("inner")
    bare = _BARE_UNIT.fullmatch(inner)
    if bare is not None:
        inner = f"this {bare.group(1)}"
    found = resolve_expression(inner, pub, future=future)
    if found is None:
        return None
    start, precision = found
    end, part = period_end(start, precision), m.group("part") or ""
    if m.group("eve"):
        return start - dt.timedelta(days=1), "day"
    if m.group("half") or m.group("few"):
        return _part_at_edge(start, end, precision, m)
    if m.group("unit") == "day":
        return (start if m.group("edge") == "first" else end), "day"
    if m.group("unit") == "week":
        return (start if m.group("edge") in ("first", "opening") else end - dt.timedelta(6)), "week"
    if precision == "month":
        third = {"middle": THIRDS["mid"], "end": THIRDS["late"], "close": THIRDS["late"]}
        return start.replace(day=third.get(part, 1)), "month"
    if precision == "year":
        return start.replace(month={"middle": 7, "end": 12, "close": 12}.get(part, 1)), "month"
    if precision == "decade":
        year = {"middle": start.year + 5, "end": end.year, "close": end.year}.get(part, start.year)
        return dt.date(year, 1, 1), "year"
    return start, precision


def _part_at_edge(start: dt.date, end: dt.date, precision: str, m: re.Match[str]) -> Resolved:
    """A half of a period, or its first or last days or weeks: "in the second half of May"
    starts on the 16th, "the first half of 2021" in January, "the last days of April" in
    its last week, "the final weeks of 2024" in December."""
    late = m.group("half") in ("second", "latter") or m.group("edge") not in (
        "first",
        "opening",
        None,
    )
    if m.group("few") == "days" and precision in ("week", "month"):
        return (end - dt.timedelta(days=6) if late else start), "week"
    if precision == "month":
        day = (16 if m.group("half") else THIRDS["late"]) if late else 1
        return start.replace(day=day), "month"
    if precision == "year":
        month = (7 if m.group("half") else 12) if late else 1
        return start.replace(month=month), "month"
    return start, precision


def _absolute(s: str, pub: dt.date | None, *, future: bool = False) -> Resolved | None:
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", s)
    if m:  # ISO "2021-01-12"
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))), "day"
        except ValueError:
            return None
    m = re.fullmatch(r"(?:(early|mid|late)[- ])?(?:the )?'?(\d{1,3}0)'?s", s)
    if m:
        start = int(m.group(2))
        if start < 100:
            start += 1900
        return dt.date(start, 1, 1), "decade"
    m = re.search(rf"{_MONTH} (\d{{1,2}})(?:st|nd|rd|th)?,? (\d{{4}})\b", s) or re.search(
        rf"\b(\d{{1,2}})(?:st|nd|rd|th)?{_DAY_RANGE_END} (?:of )?{_MONTH},? (\d{{4}})\b", s
    )
    if m:
        a, b, year = m.groups()
        month, day = (a, b) if not a.isdigit() else (b, a)
        return _month_day(MONTHS[month.rstrip(".")], int(day), int(year), pub)
    m = re.fullmatch(
        rf"(?:(last|this|next|early|mid|late|earlier|later)[ -])?{_MONTH}"
        rf"(?: (\d{{4}}))?",
        s,
    )
    if m:
        modifier, month, year = m.groups()
        found = _month_only(
            MONTHS[month.rstrip(".")], int(year) if year else None, pub, modifier, future=future
        )
        if found is not None and modifier in THIRDS:
            # "late December" starts on the 21st: the 1st would put it three weeks early
            return found[0].replace(day=THIRDS[modifier]), "month"
        return found
    m = re.search(rf"{_MONTH} (\d{{1,2}})(?:st|nd|rd|th)?\b", s) or re.search(
        rf"\b(\d{{1,2}})(?:st|nd|rd|th)?{_DAY_RANGE_END} (?:of )?{_MONTH}", s
    )
    if m:
        a, b = m.groups()
        month, day = (a, b) if not a.isdigit() else (b, a)
        found = _month_day(MONTHS[month.rstrip(".")], int(day), None, pub)
        if found is not None and future and pub is not None and found[0] < pub:
            # "will meet on April 20" said in May of the same year means next April
            try:
                return found[0].replace(year=found[0].year + 1), "day"
            except ValueError:
                return found
        return found
    m = re.search(r"\b(1[89]\d\d|20\d\d)\b", s)
    if m and not RELATIVE_ONLY.search(s.replace(m.group(1), "")):
        year = int(m.group(1))
        season = re.search(r"(spring|summer|autumn|fall|winter)", s)
        if season:
            first = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}[
                season.group(1)
            ]
            return dt.date(year, first, 1), "month"
        return dt.date(year, 1, 1), "year"
    return None


def _relative(s: str, pub: dt.date, *, future: bool) -> Resolved | None:
    """A relative expression resolved against the publication date, tried in order: an
    ordinal day ("the 5th"), a season, a named day ("yesterday"), a weekday or weekend, a
    calendar unit ("last week"), an elapsed span ("three days ago", "the past two weeks").
    The vague present ("these days", "now", "recently") is no date."""
    return (
        _ordinal_day(s, pub)
        or _season(s, pub)
        or _named_day(s, pub)
        or _weekday_phrase(s, pub, future=future)
        or _calendar_unit(s, pub)
        or _elapsed(s, pub)
    )


def _ordinal_day(s: str, pub: dt.date) -> Resolved | None:
    """ "the 5th": that day of this month, or of last month when it is still to come."""
    m = re.fullmatch(r"(\d{1,2})(st|nd|rd|th)", s)
    if m is None:
        return None
    day = int(m.group(1))
    month_start = pub.replace(day=1) if day <= pub.day else shift_months(pub.replace(day=1), -1)
    try:
        return month_start.replace(day=day), "day"
    except ValueError:
        return None


def _season(s: str, pub: dt.date) -> Resolved | None:
    """ "last summer", "this spring": the season's first month."""
    m = re.fullmatch(r"(?:(last|this|past) )?(spring|summer|autumn|fall|winter)", s)
    if m is None:
        return None
    first = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}[m.group(2)]
    year = pub.year
    if m.group(1) in ("last", "past"):  # the most recent such season that has ended
        if shift_months(dt.date(year, first, 1), 3) > pub:
            year -= 1
    elif dt.date(year, first, 1) > pub:
        year -= 1
    return dt.date(year, first, 1), "month"


def _named_day(s: str, pub: dt.date) -> Resolved | None:
    """ "today", "yesterday morning", "the day before yesterday", "tomorrow"."""
    if re.fullmatch(
        r"(today|tonight|overnight|this (morning|afternoon|evening)|earlier today|"
        r"later today)",
        s,
    ):
        return pub, "day"
    if re.fullmatch(r"(yesterday|last night)( (morning|afternoon|evening|night))?", s):
        return pub - dt.timedelta(days=1), "day"
    if s == "day before yesterday":
        return pub - dt.timedelta(days=2), "day"
    if re.fullmatch(r"tomorrow( (morning|afternoon|evening|night))?", s):
        return pub + dt.timedelta(days=1), "day"
    return None


def _weekday_phrase(s: str, pub: dt.date, *, future: bool) -> Resolved | None:
    """ "last Tuesday", "Friday's", "next weekend"."""
    m = re.fullmatch(
        r"(?:(?:early|late|earlier|later)(?: on)? )?"  # "late on Tuesday", "earlier on Monday"
        r"(?:(last|this|next|this past|past|early|late) )?(monday|tuesday|"
        r"wednesday|thursday|friday|saturday|sunday)(?:'s)?"
        r"( (?:morning|afternoon|evening|night))?( (?:of )?(?:last|this|next) week)?",
        s,
    )
    if m and m.group(4):
        # "Tuesday last week", "on Friday of next week": that day of the week named
        week = _calendar_unit(m.group(4).strip().removeprefix("of "), pub)
        return (week[0] + dt.timedelta(days=WEEKDAYS[m.group(2)]), "day") if week else None
    if m:
        return _weekday(m.group(2), pub, future=future, modifier=m.group(1))
    m = re.fullmatch(r"(?:(last|this|past|next) )?weekend", s)
    if m is None:
        return None
    if m.group(1) == "next":
        saturday = pub + dt.timedelta(days=(5 - pub.weekday()) % 7 or 7)
    else:
        saturday = pub - dt.timedelta(days=(pub.weekday() - 5) % 7 or 7)
    # the weekend's first day: the Monday before would put a Saturday raid five days early
    return saturday, "week"


def _calendar_unit(s: str, pub: dt.date) -> Resolved | None:
    """ "last week", "early next month", "earlier this year", "this decade"."""
    m = re.fullmatch(
        r"(?:(early|mid|late|earlier|later)[ -])?(last|this|next|previous|past|current)"
        r" (week|month|year|decade)",
        s,
    )
    if m is None and s not in ("earlier this week", "earlier this month", "earlier this year"):
        return None
    step = {"last": -1, "previous": -1, "past": -1, "this": 0, "current": 0, "next": 1}
    if m is None:
        which, unit = "this", s.split()[-1]
    else:
        which, unit = m.group(2), m.group(3)
    n = step[which]
    if unit == "week":
        return _monday(pub) + dt.timedelta(weeks=n), "week"
    if unit == "month":
        first = shift_months(pub.replace(day=1), n)
        part = m.group(1) if m is not None else None
        return first.replace(day=THIRDS.get(part or "", 1)), "month"  # "late last month"
    if unit == "year":
        return dt.date(pub.year + n, 1, 1), "year"
    return dt.date(pub.year // 10 * 10 + 10 * n, 1, 1), "decade"


def _elapsed(s: str, pub: dt.date) -> Resolved | None:
    """ "three days ago", "about a month ago"; "the past two weeks", "recent days" (the
    start of the span)."""
    m = re.fullmatch(rf"(?:about |some |nearly |almost |more than |over )?{_NUM} {_UNIT} ago", s)
    if m:
        return _ago(_num(m.group(1)), m.group(2), pub)
    m = re.fullmatch(rf"(?:last|past|recent|previous)(?: {_NUM})? {_UNIT}", s) or re.fullmatch(
        rf"(?:recent|the past|the last)(?: {_NUM})? {_UNIT}", s
    )
    if m is None:
        return None
    n = _num(m.group(1)) if m.group(1) else 1
    if n == 1 and "recent" in s:
        n = 3
    return _span_start(n, m.group(2), pub)


# Times on the day of the date just told: "hours later", "later that day", "that night".
SAME_DAY = re.compile(
    r"(?:a few |several |just |only )?(?:hours|minutes|moments) (?:later|afterwards|earlier)|"
    r"(?:later|earlier) (?:that|the same|in the) day|"
    r"(?:later |earlier )?that (?:same )?(?:morning|afternoon|evening|night)|"
    r"(?:late|early|later|earlier) in the (?:morning|afternoon|evening|night)"
)
# A count of hours after the time just told, rounded to days: "less than 48 hours later".
HOURS_OFFSET = re.compile(
    r"(?:(?:less|more|fewer) than |under |over |nearly |almost |about |some |just |barely |"
    rf"within )?{_NUM} hours? (later|afterwards?|earlier)"
)
# A stretch within which a past act followed the time told before it: "**Within a week**, the
# three juntas recalled their ambassadors" (after a drone was downed on March 31). A bare
# plural is a few ("within days"), and hours keep the day ("within hours").
WITHIN = re.compile(rf"within (?:{_NUM} )?(minute|hour|day|week|month|year)(s?)")
# Times on the day after it: "the next morning", "the following evening".
NEXT_DAY = re.compile(r"(?:next|following) (?:morning|afternoon|evening|night)")


# A period named by the time told before it: "Tension flared in December 2023 … Ali and
# Maduro met **later that month**"; "**earlier in the week**" than the day the story is at.
THAT_PERIOD = re.compile(
    r"(?:(?:later|earlier) (?:in )?|again )?(?:that|the same|that same|same) (week|month|year)|"
    r"(?:later|earlier) in the (week|month|year)"
)
PERIODS = ("day", "week", "month", "year")


@lru_cache(maxsize=1 << 14)  # pure, and asked for each expression as relative_offset is
def that_period(text: str) -> str | None:
    """ "later that month" → "month", "earlier that year" → "year", "earlier in the week" →
    "week": the period of the time told before it; ``None`` for anything else."""
    s = re.sub(r"\s+", " ", text.lower().strip(" ,.;"))
    s = re.sub(r"^(?:in|during|by) ", "", s)
    m = THAT_PERIOD.fullmatch(s)
    return None if m is None else m.group(1) or m.group(2)


def counts_from_before(text: str) -> bool:
    """Whether an expression names a time only from the one told before it: a relative
    offset ("two days later", "the same day") or a period ("later that month")."""
    return relative_offset(text) is not None or that_period(text) is not None


def period_start(day: dt.date, period: str) -> dt.date:
    """The first day of the week, month or year that holds ``day``."""
    if period == "week":
        return _monday(day)
    return day.replace(day=1) if period == "month" else day.replace(month=1, day=1)


@lru_cache(maxsize=1 << 14)  # pure, and asked again for each expression of the sentence
def relative_offset(text: str) -> tuple[int, int] | None:
    """ "two days later" → (2, 0) days/months; "two months later" → (0, 2); "the next day" →
    (1, 0); "the same day" → (0, 0); ``None`` for anything else."""
    s = _clean(text)
    if s in ("same day", "that day", "that same day") or SAME_DAY.fullmatch(s):
        return 0, 0
    if NEXT_DAY.fullmatch(s):
        return 1, 0
    if s in ("next day", "following day", "day after"):
        return 1, 0
    if s in ("previous day", "day before", "preceding day", "eve"):
        return -1, 0
    if s in ("following month", "next month after"):
        return 0, 1
    if s in ("previous month", "preceding month", "month before"):
        return 0, -1  # "… in October 2024 and killed Nasrallah **the previous month**"
    if s in ("previous year", "preceding year", "year before"):
        return 0, -12
    if s in ("following year", "year after"):
        return 0, 12
    within = WITHIN.fullmatch(s)
    if within is not None:
        return _within(within)
    hours = HOURS_OFFSET.fullmatch(s)
    if hours is not None:  # "less than 48 hours later": two days on; "12 hours later": that day
        n = _num(hours.group(1)) * (-1 if hours.group(2) == "earlier" else 1)
        return (abs(n) + 11) // 24 * (1 if n > 0 else -1), 0
    m = re.fullmatch(
        rf"(?:{_NUM} )?(day|week|month|year)(s?) (later|after|afterwards|earlier|before)", s
    )
    if m is None or not m.group(1) and not m.group(3):
        return None  # "day after" alone is "the day after" (above), not a count
    # a bare plural is a few: "**Days later**, ECOWAS imposed sanctions" (three days on)
    n = (_num(m.group(1)) if m.group(1) else 3) * (-1 if m.group(4) in ("earlier", "before") else 1)
    unit = m.group(2)
    steps = {"day": (n, 0), "week": (7 * n, 0), "month": (0, n), "year": (0, 12 * n)}
    return steps[unit]


def _within(m: re.Match[str]) -> tuple[int, int]:
    """The offset of "within N units": N of them, a few for a bare plural ("within days"),
    the same day for hours or minutes ("within hours"; "within 48 hours" is two days on)."""
    count, unit, plural = m.groups()
    n = _num(count) if count else (3 if plural else 1)
    if unit in ("minute", "hour"):
        return (n + 11) // 24 if unit == "hour" and count else 0, 0
    steps = {"day": (n, 0), "week": (7 * n, 0), "month": (0, n), "year": (0, 12 * n)}
    return steps[unit]


@clamped_shift
def shift(day: dt.date, offset: tuple[int, int]) -> dt.date:
    """Move a date by (days, months); a month shift lands on the 1st."""
    days, months = offset
    if months:
        return shift_months(day.replace(day=1), months)
    return day + dt.timedelta(days=days)


@bounded
def parse_with_dateparser(text: str, pub: dt.date | None) -> Resolved | None:
    """Fallback for calendar forms the rules miss ("12 Jan. 2021", "2021-01-12"). A bare
    duration is no date: dateparser would read "sentenced him to 27 years" as 27 years ago."""
    if re.fullmatch(
        rf"(?:a |an |about |some |up to |nearly |almost |for )?{_NUM}[ -]"
        rf"(?:{_UNIT}|(?:hour|minute|second)s?)(?: old)?",
        _clean(text),
    ):
        return None
    if pub is None:  # read against the current time: nothing to keep
        return _dateparser(text, None)
    return _dateparser_on(text, pub)


@lru_cache(maxsize=1 << 12)  # pure for a given day, and slow: each predicate asks again
def _dateparser_on(text: str, pub: dt.date) -> Resolved | None:
    return _dateparser(text, pub)


def _dateparser(text: str, pub: dt.date | None) -> Resolved | None:
    import dateparser  # imported lazily: it is slow to import

    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "STRICT_PARSING": True}
    if pub is not None:
        settings["RELATIVE_BASE"] = dt.datetime(pub.year, pub.month, pub.day)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = dateparser.parse(text, languages=["en"], settings=settings)
    if found is None:
        return None
    return found.date(), "day"

"""Datelines: "TEHRAN, April 7 (IRNA) –", "Baku, Azerbaijan (AP) —", "ANKARA —".

A dateline is parsed before the text is parsed: its place, date and agency become article
metadata, and its characters are blanked (same length, so offsets stay true) so the first
sentence parses as a sentence.
"""

from __future__ import annotations

import datetime as dt
import re

from casus.dates import MONTH_PATTERN
from casus.document import Dateline
from casus.engine.temporal import MONTHS
from casus.ontology.gazetteer import Gazetteer

# Datelines capitalise the month: "MOSCOW, Oct. 5 (Reuters) -".
_MONTH = "(?:" + "|".join(name.capitalize() for name in MONTH_PATTERN.split("|")) + ")"
_ORD = r"(?:st|nd|rd|th)?"  # "16th September, 2020"
ORDINAL_PARTS = frozenset({"st", "nd", "rd", "th", "of"})
HEADLINE_CHARS = 160  # a first line this short may be a headline above the dateline
DATELINE_RE = re.compile(
    rf"""^(?P<lead>\s*)
    (?P<place>[A-Z][A-Za-z.'\u2019-]*(?:\ (?!{_MONTH}\b)[A-Z][A-Za-z.'\u2019-]*){{0,3}}
              (?:/[A-Z][A-Za-z.'\u2019-]*(?:\ [A-Z][A-Za-z.'\u2019-]*){{0,3}})?)
    (?:,\ (?!{_MONTH}\b)(?P<region>[A-Z][A-Za-z.'-]*(?:\ [A-Z][A-Za-z.'-]*){{0,2}}))?
    (?:[,.]?\ (?P<date>{_MONTH}\.?\ \d{{1,2}}{_ORD}(?:,?\ \d{{4}})?
                 |\d{{1,2}}{_ORD}\ (?:of\ )?{_MONTH}\.?(?:,?\ \d{{4}})?))?
    \.?,?\s*
    (?:\((?P<agency>[^()\n]{{1,40}})\)|/(?P<slash>[^/\n]{{1,40}})/\.?
       |(?<=\.\ )(?P<bare>[A-Z]{{2,12}})(?=\s*(?:--|[-\u2013\u2014])))?
    \s*(?P<dash>--|[-\u2013\u2014:])?\s+""",
    re.VERBOSE,
)


def parse_dateline(
    text: str,
    gazetteer: Gazetteer,
    *,
    published: dt.date | None = None,
) -> Dateline | None:
    """The dateline at the start of ``text`` (or of its second line, after a headline as in
    extracted HTML), or ``None``. The year of a date without one is the publication year (or,
    without that, unknown)."""
    found = _parse_at(text, 0, gazetteer, published)
    first_break = text.find("\n")
    if found is None and 0 < first_break <= HEADLINE_CHARS:
        start = first_break + 1
        found = _parse_at(text, start, gazetteer, published)
    return found


def _parse_at(
    text: str, start: int, gazetteer: Gazetteer, published: dt.date | None
) -> Dateline | None:
    m = DATELINE_RE.match(text[start : start + 200])
    if m is None:
        return None
    # a joint dateline, "DUSHANBE/BISHKEK, April 30": the first place is the dateline's
    place = m.group("place").split("/")[0].rstrip(".")
    region = m.group("region")
    agency = m.group("agency") or m.group("slash") or m.group("bare")
    dash = m.group("dash")
    all_caps = place.upper() == place and sum(c.isalpha() for c in place) >= 3
    if not dash and not m.group("slash"):
        return None
    if region is not None and not all_caps and gazetteer.lookup(region) is None and not agency:
        agency, region = region, None  # "Damascus, SANA –"
    found = gazetteer.lookup(place.title() if all_caps else place)  # "BAKU" is Baku
    if found is None and region is not None:
        found = gazetteer.lookup(region)
    if found is None and not (all_caps and (agency or m.group("date"))):
        return None
    if found is None and not all_caps:
        return None
    day, month_day = _date(m.group("date"), published)
    pretty = place.title() if all_caps else place
    return Dateline(
        pretty,
        found.country if found else None,
        day,
        month_day,
        agency,
        start + m.start("place"),
        start + m.end(),
    )


def _date(
    text: str | None,
    published: dt.date | None,
) -> tuple[dt.date | None, tuple[int, int] | None]:
    if not text:
        return None, None
    parts = [p for p in re.findall(r"[A-Za-z]+|\d+", text) if p not in ORDINAL_PARTS]
    month = next(
        MONTHS[p.lower()[:3] if p.lower()[:3] in MONTHS else p.lower()]
        for p in parts
        if not p.isdigit()
    )
    numbers = [int(p) for p in parts if p.isdigit()]
    day = numbers[0]
    year = numbers[1] if len(numbers) > 1 else None
    if year is None and published is not None:
        year = published.year
        if (month, day) > (published.month, published.day):
            year -= 1
    try:
        return (dt.date(year, month, day) if year else None), (month, day)
    except ValueError:
        return None, None


def blank_dateline(text: str, dateline: Dateline) -> str:
    """The text with the dateline replaced by spaces (offsets unchanged)."""
    return text[: dateline.start] + " " * (dateline.end - dateline.start) + text[dateline.end :]

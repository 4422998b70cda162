"""The gates of :mod:`casus.dedup` in SQL, for the store's set-based re-clustering.

Each expression here is the SQL twin of a Python function in ``dedup.py`` and must decide
exactly as it does (tests/test_dedup_sql.py compares the two on generated stores):

- :data:`FIRST_SQL` / :data:`LAST_SQL`: ``dedup._interval``, the days a date stands for;
- :func:`group_sql`: the *code group* of a report. Two codes are related (``codes_related``)
  only when they share the root or a family of :data:`casus.dedup.CODE_FAMILIES`, so joining
  the roots a family spans (16 with 17 through 161/174; 18, 19 and 20; 05 with 08) gives
  groups that no cluster crosses;
- :func:`gate_sql`: ``dedup._gates`` over two aliased rows of the work table;
- :data:`STRONG_SQL`: ``dedup._strong`` (a pair that needs no evidence).
"""

from __future__ import annotations

from casus.dedup import CODE_FAMILIES, CONVERSE_CODES, DEFAULT_PARAMS, SPECIFIC_PLACES

LOOKBACK = DEFAULT_PARAMS.publication_lookback
SLACK = DEFAULT_PARAMS.day_slack
# The period an event's date stands for (dedup._interval, in SQL).
FIRST_SQL = (
    "CASE WHEN date IS NULL OR date_precision = 'unknown' THEN NULL "
    f"WHEN date_basis = 'publication' THEN date - {LOOKBACK} ELSE date END"
)
LAST_SQL = (
    "CASE WHEN date IS NULL OR date_precision = 'unknown' THEN NULL "
    "WHEN date_basis = 'publication' THEN date "
    "WHEN date_precision = 'week' THEN date + 6 "
    "WHEN date_precision = 'month' THEN last_day(date) "
    "WHEN date_precision = 'year' THEN make_date(year(date), 12, 31) "
    "WHEN date_precision = 'decade' THEN make_date(least(year(date) + 9, 9999), 12, 31) "
    "ELSE date END"
)
# dedup._Item.precise: a stated or inferred date to the day
PRECISE_SQL = (
    "(date IS NOT NULL AND date_precision = 'day' AND date_basis IS DISTINCT FROM 'publication')"
)
# dedup.actor_key: the country, else the code; no actor (no text) has no key
_KEY_SQL = (
    "CASE WHEN {side}_text IS NULL THEN NULL "
    "WHEN coalesce({side}_country, '') <> '' THEN {side}_country ELSE {side}_code END"
)
SOURCE_KEY_SQL = _KEY_SQL.format(side="source")
TARGET_KEY_SQL = _KEY_SQL.format(side="target")
# dedup._Item.place: a specific place named inside the sentence ('' counts as none)
_PLACES = ", ".join(f"'{p}'" for p in sorted(SPECIFIC_PLACES))
PLACE_SQL = (
    "CASE WHEN location_name IS NOT NULL AND location_start >= evidence_start "
    f"AND location_start < evidence_end AND location_precision IN ({_PLACES}) "
    "THEN nullif(lower(location_name), '') END"
)
# dedup._strong: the same article, or the same root with both dates stated to the day
STRONG_SQL = "(a.article_id = b.article_id OR (a.root = b.root AND a.precise AND b.precise))"


def root_groups() -> dict[str, str]:
    """Each root a family spans -> the smallest root of its group (roots in no family are
    their own group)."""
    parent: dict[str, str] = {}

    def find(root: str) -> str:
        while parent.setdefault(root, root) != root:
            root = parent[root]
        return root

    for prefixes in CODE_FAMILIES.values():
        roots = sorted({p[:2] for p in prefixes})
        for root in roots[1:]:
            low, high = sorted((find(roots[0]), find(root)))
            parent[high] = low
    return {root: find(root) for root in parent}


def group_sql() -> str:
    """The code group of ``cameo``: its root, or the smallest root of its family's roots."""
    cases = " ".join(
        f"WHEN '{root}' THEN '{group}'" for root, group in sorted(root_groups().items())
    )
    return f"CASE cameo[:2] {cases} ELSE cameo[:2] END" if cases else "cameo[:2]"


def families_sql() -> str:
    """A bit mask of the families of ``cameo`` (bit i: the i-th family of CODE_FAMILIES)."""
    terms = []
    for i, prefixes in enumerate(CODE_FAMILIES.values()):
        test = " OR ".join(f"starts_with(cameo, '{p}')" for p in prefixes)
        terms.append(f"CASE WHEN {test} THEN {1 << i} ELSE 0 END")
    return " + ".join(terms) if terms else "0"


def gate_sql() -> str:
    """``dedup._gates`` for the rows ``a`` and ``b``: related codes, compatible actors, no
    conflicting places, periods within the slack (same-article rules for undated and
    day-precise reports)."""
    converse = " OR ".join(
        f"(a.cameo = '{x}' AND b.cameo = '{y}')" for x, y in sorted(CONVERSE_CODES)
    )
    swap_ok = f"(a.sym OR b.sym{' OR ' + converse if converse else ''})"
    return f"""(
        (a.root = b.root OR (a.fams & b.fams) <> 0)
        AND ((a.sk IS NOT DISTINCT FROM b.sk AND a.tk IS NOT DISTINCT FROM b.tk)
             OR (a.sk IS NOT DISTINCT FROM b.tk AND a.tk IS NOT DISTINCT FROM b.sk
                 AND {swap_ok}))
        AND (a.place IS NULL OR b.place IS NULL OR a.place = b.place)
        AND CASE
            WHEN a.first IS NULL OR b.first IS NULL THEN a.article_id = b.article_id
            WHEN a.article_id = b.article_id AND a.precise AND b.precise THEN a.date = b.date
            ELSE greatest(a.first, b.first) - least(a.last, b.last) <= {SLACK}
        END)"""


def _blank(text: str, side: str) -> str:
    """``text`` with the ``side`` actor's span blanked (``dedup._content_words``)."""
    low = f"greatest({side}_start - evidence_start, 0)"
    high = f"least({side}_end - evidence_start, length({text}))"
    return (
        f"CASE WHEN {side}_text IS NOT NULL AND {low} < {high} THEN "
        f"substring({text}, 1, {low}) || repeat(' ', {high} - {low}) "
        f"|| substring({text}, {high} + 1) ELSE {text} END"
    )


def words_sql() -> str:
    """``dedup._content_words``: the lower-case words of the evidence without the actors'
    spans and the date expression."""
    text = _blank(_blank("evidence_text", "source"), "target")
    stripped = (
        f"CASE WHEN coalesce(date_text, '') = '' THEN lower({text}) "
        f"ELSE replace(lower({text}), lower(date_text), ' ') END"
    )
    return f"regexp_extract_all({stripped}, '[a-z]+|[0-9]+')"


# Text where SQL's lower-casing or digits could differ from Python's: non-ASCII digits
# (Python's \d takes them), "İ" and the Kelvin sign (lower-case to ASCII), a non-ASCII date
# expression. Such reports are left to dedup.py.
EXOTIC_SQL = (
    "(regexp_matches(regexp_replace(evidence_text, '[0-9]', '', 'g'), '\\p{Nd}') "
    "OR regexp_matches(evidence_text, '[\\x{0130}\\x{212A}]') "
    "OR regexp_matches(coalesce(date_text, ''), '[^\\x00-\\x7F]'))"
)
# dedup._stem, on the list {words}
_STEM_SQL = """list_transform(list_transform({words}, lambda w:
    CASE WHEN length(w) > 6 AND ends_with(w, 'ing') THEN left(w, length(w) - 3)
         WHEN length(w) > 5 AND ends_with(w, 'ed') THEN left(w, length(w) - 2)
         WHEN length(w) > 5 AND ends_with(w, 'es') THEN left(w, length(w) - 2)
         WHEN length(w) > 4 AND ends_with(w, 's') THEN left(w, length(w) - 1)
         ELSE w END), lambda w:
    CASE WHEN length(w) > 4 AND right(w, 1) = left(right(w, 2), 1)
         THEN left(w, length(w) - 1) ELSE w END)"""
# dedup._Item.tokens (stems of the words that are not stop words, $stop) and numbers (the
# quantities, as digit strings without leading zeros: $number_words -> $number_values)
TOKENS_SQL = (
    "list_distinct("
    + _STEM_SQL.format(words="list_filter(ws, lambda w: NOT list_contains($stop, w))")
    + ")"
)
NUMBERS_SQL = """list_distinct(list_filter(list_transform(ws, lambda w:
    CASE WHEN list_contains($number_words, w)
         THEN $number_values[list_position($number_words, w)]
         WHEN regexp_full_match(w, '[0-9]+') THEN coalesce(nullif(ltrim(w, '0'), ''), '0')
    END), lambda x: x IS NOT NULL))"""
# dedup._support for a pair that is not strong: no conflicting quantities, and similar
# evidence when both sides have content words
WEAK_SUPPORT_SQL = """(
    NOT (len(a.numbers) > 0 AND len(b.numbers) > 0
         AND len(list_intersect(a.numbers, b.numbers)) = 0)
    AND (len(a.tokens) = 0 OR len(b.tokens) = 0
         OR len(list_intersect(a.tokens, b.tokens)) / least(len(a.tokens), len(b.tokens))
            >= {evidence_min}))"""

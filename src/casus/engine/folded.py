"""Case-insensitive patterns run on lower-case ASCII text, without ``re.IGNORECASE``.

Python's regular expressions test every letter twice under ``IGNORECASE`` (the character and
its other case), which makes a scan of a whole sentence for a long alternation of words (the
relation words of reference events, the time phrases spaCy misses, the markers of the
present) three times slower than the same scan without the flag. On ASCII text the two
readings agree exactly when the pattern's letters are all lower case: ``str.lower`` changes
no length and so no offset, and folds A-Z as the flag does (the non-ASCII letters that the
flag also folds, such as the Kelvin sign, cannot be in ASCII text). A sentence with any other
character is matched with the original pattern, as before.
"""

from __future__ import annotations

import re

# the pattern's escapes ("\\W", "\\S", "\\b") and its groups' names ("(?P<r0>") are no
# letters to fold
_ESCAPE = re.compile(r"\\.|\(\?P<\w+>|\(\?P=\w+\)")
_UPPER = re.compile(r"[A-Z]")


def folded(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` without ``re.IGNORECASE``, to match the lower case of ASCII text
    (:func:`fold`). A pattern with an upper-case letter outside its escapes cannot be
    folded: it is refused when the module that builds it is imported."""
    if _UPPER.search(_ESCAPE.sub("", pattern.pattern)):
        raise ValueError(f"pattern {pattern.pattern[:60]!r} has upper-case letters")
    return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)


def fold(text: str) -> str | None:
    """The lower case of an ASCII ``text`` (the same offsets), else ``None``: match the text
    itself with the original pattern."""
    return text.lower() if text.isascii() else None

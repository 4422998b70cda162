"""Text that cannot hurt: lone surrogates replaced, terminal controls escaped for display.

Two different promises, kept apart on purpose:

- :func:`clean_text` is applied to every article field when an :class:`~casus.model.Article` is
  built. It only replaces what cannot be encoded at all (a lone UTF-16 surrogate such as
  ``"\\ud800"``, which JSON allows and UTF-8 does not) with U+FFFD, one code point for one, so
  character offsets stay valid. Control and bidi characters are *kept*: they are data.
- :func:`escape_terminal` is applied only to human-readable output (``--explain``, tables),
  so that an article containing ``ESC [ 2 J`` or a right-to-left override cannot rewrite the
  reader's terminal. Machine-readable output (JSON lines, CSV files) keeps the data as it is.
"""

from __future__ import annotations

import re

REPLACEMENT = "\ufffd"
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
# C0 controls except tab and newline, DEL, C1 controls, and the bidi embedding, override and
# isolate characters that reorder what a terminal shows ("Trojan Source").
_TERMINAL_RE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


def clean_text(text: str) -> str:
    """``text`` with each lone surrogate replaced by U+FFFD (same length, same offsets)."""
    if _SURROGATE_RE.search(text) is None:  # the common case costs one scan, no copy
        return text
    return _SURROGATE_RE.sub(REPLACEMENT, text)


def escape_terminal(text: str) -> str:
    """``text`` safe to print on a terminal: control and bidi characters shown as ``\\uNNNN``
    escapes (tab and newline kept; valid inside a JSON string too), lone surrogates replaced."""
    return _TERMINAL_RE.sub(_escape_one, clean_text(text))


def _escape_one(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group(0)):04x}"

"""Text from data or from the command line, made safe to print on a terminal.

A value in a table, an explanation, a finding or an error message can hold
terminal control sequences (a UTM campaign `x\\x1b[41mRED`, an OSC title
`\\x1b]0;...\\x07`). Printed raw, they recolour, retitle or rewrite the user's
terminal. `printable` shows every such character as a visible escape instead
(`\\x1b`, `\\n`, `\\u202e`), in every text format; JSON and CSV keep the exact value.

>>> printable("x\\x1b[41mRED\\x1b[0m")
'x\\\\x1b[41mRED\\\\x1b[0m'
>>> printable("line one\\nline two", keep_newlines=True)
'line one\\nline two'
>>> shorten("a" * 100, 10)
'aaaaaaaaa… (100 characters)'
"""

from __future__ import annotations

import re

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# C0 controls and DEL, C1 controls, and the Unicode formatting characters that
# reorder or hide text (bidirectional overrides and isolates, zero-width marks,
# line and paragraph separators).
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff]")
_CONTROL_BUT_NEWLINE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff]")
# The same, but the plain whitespace a SQL literal may hold (tab, newline, CR, VT, FF) is kept:
# it moves the cursor, and cannot start an escape sequence.
_CONTROL_BUT_WHITESPACE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff]")


def _escape(match: re.Match) -> str:
    char = match.group(0)
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str, *, keep_newlines: bool = False, keep_whitespace: bool = False) -> str:
    """`text` with every control or invisible formatting character shown as an escape.

    `keep_whitespace` keeps tabs, newlines, carriage returns, vertical tabs and
    form feeds as they are (SQL text, whose string literals may hold them).
    """
    pattern = _CONTROL_BUT_WHITESPACE if keep_whitespace else _CONTROL_BUT_NEWLINE if keep_newlines else _CONTROL
    return pattern.sub(_escape, text)


def has_control(text: str) -> bool:
    """True when `text` holds a character `printable` would escape (newlines included)."""
    return _CONTROL.search(text) is not None


def shorten(text: str, limit: int = 80) -> str:
    """`text` cut to about `limit` characters, saying how long it was, for echoing user input."""
    if len(text) <= limit:
        return text
    return f"{text[: limit - 1]}… ({len(text):,} characters)"

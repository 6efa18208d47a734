"""Text helpers for Danish users."""

from __future__ import annotations

import re

# Python sorts Å before Æ and Ø; Danish puts them last as Æ, Ø, Å. Map them past "z".
_DANISH_ORDER = str.maketrans({"æ": "{", "ø": "|", "å": "}"})


def danish_sort_key(text: str) -> str:
    """Sort key placing æ, ø, å after z, as a Danish reader expects."""
    return text.casefold().translate(_DANISH_ORDER)


# Control characters (C0, DEL, C1) are never typed on purpose: ESC starts a terminal escape
# sequence in CLI output, NUL cuts C strings and calendar lines, others break exports.
# Multi-line text keeps newline and tab; a one-line field turns them into a space.
_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
_CONTROL_EXCEPT_LAYOUT = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_LAYOUT = re.compile(r"[\t\n]")


def without_control_characters(text: str, *, multiline: bool) -> str:
    """``text`` without control characters: the one input-cleaning rule for stored text.

    Line breaks of any kind become ``\\n`` in multi-line text; in one-line text (names,
    titles) newlines and tabs become a space.
    """
    text = _CONTROL_EXCEPT_LAYOUT.sub("", _LINE_BREAKS.sub("\n", text))
    return text if multiline else _LAYOUT.sub(" ", text)

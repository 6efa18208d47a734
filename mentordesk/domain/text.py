"""Text helpers for Danish users."""

from __future__ import annotations

# Python sorts Å before Æ and Ø; Danish puts them last as Æ, Ø, Å. Map them past "z".
_DANISH_ORDER = str.maketrans({"æ": "{", "ø": "|", "å": "}"})


def danish_sort_key(text: str) -> str:
    """Sort key placing æ, ø, å after z, as a Danish reader expects."""
    return text.casefold().translate(_DANISH_ORDER)

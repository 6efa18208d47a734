"""Writing export files safely: atomically, and under names Windows accepts.

An export (PDF, xlsx, ICS, zip) either appears complete or not at all: it is written to
a temporary file in the destination folder, flushed to disk and then renamed over the
target. A full disk or a crash mid-write leaves the previous file untouched.
"""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from pathlib import Path

# Device names Windows reserves in every folder, with or without an extension: the
# classic ones, the console buffers, and the ports Windows also accepts as 0 and as the
# superscript digits ¹ ² ³ (documented under "Naming files", Win32 file systems).
_PORT_NUMBERS = [str(n) for n in range(10)] + ["¹", "²", "³"]
_RESERVED_NAMES = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
                   *(f"COM{n}" for n in _PORT_NUMBERS), *(f"LPT{n}" for n in _PORT_NUMBERS)}
_FORBIDDEN_CHARACTERS = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_MAX_STEM = 120


def write_atomically(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` all-or-nothing; the old file survives any failure."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary_name = tempfile.mkstemp(prefix=f".{path.stem[:40]}-", suffix=".tmp",
                                              dir=path.parent)
    temporary = Path(temporary_name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return path


def safe_file_stem(text: str, *, fallback: str = "dokument") -> str:
    """A file name stem valid on Windows: no reserved device names, forbidden characters,
    trailing dots or spaces; letters such as æøå are kept."""
    cleaned = unicodedata.normalize("NFC", text)
    cleaned = _FORBIDDEN_CHARACTERS.sub("_", cleaned)
    cleaned = re.sub(r"\s+", " ", cleaned).strip()
    cleaned = cleaned[:_MAX_STEM].rstrip(". ")
    if not cleaned:
        return fallback
    if cleaned.split(".")[0].upper() in _RESERVED_NAMES:
        cleaned = f"_{cleaned}"
    return cleaned

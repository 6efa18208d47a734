"""Copies of reports handed to the system's PDF viewer ("Åbn i PDF-fremviser").

The viewer needs a file, and a report is a citizen's case in plain text. So every copy
goes into one folder of this app's inside the temp folder (private to this user), the
copies this run made are deleted when the app closes, and whatever an earlier run left
behind (it crashed, or the viewer still held the file) is swept at the next start:
everything in the folder older than this run.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import time
from functools import cache
from pathlib import Path

from mentordesk.files import safe_file_stem, write_atomically
from mentordesk.paths import temp_dir

log = logging.getLogger(__name__)

FOLDER_PREFIX = "mentordesk-fremviser"


def viewer_folder() -> Path:
    """The app's folder in this user's temp folder (the user id in the name where the
    temp folder is shared between users)."""
    suffix = f"-{os.getuid()}" if hasattr(os, "getuid") else ""
    return temp_dir() / f"{FOLDER_PREFIX}{suffix}"


class ViewerCopies:
    """This run's viewer copies: written on request, removed on close."""

    def __init__(self, folder: Path | None = None) -> None:
        self._folder = folder
        self.started = time.time()
        self._made: list[Path] = []

    @property
    def folder(self) -> Path:
        return self._folder or viewer_folder()

    def write(self, title: str, pdf: bytes) -> Path:
        """A copy named after the report, in a subfolder of its own (two reports may have
        the same title)."""
        self._ensure_folder()
        own = Path(tempfile.mkdtemp(prefix="rapport-", dir=self.folder))
        self._made.append(own)
        return write_atomically(own / f"{safe_file_stem(title)}.pdf", pdf)

    def remove_own(self) -> None:
        """When the app closes: the copies this run made (a copy the viewer still holds
        open on Windows stays, and goes at the next start)."""
        for own in self._made:
            shutil.rmtree(own, ignore_errors=True)
        self._made.clear()

    def sweep_earlier(self) -> int:
        """At start: remove what earlier runs left; returns how many copies went."""
        if not self.folder.is_dir():
            return 0
        removed = 0
        for entry in self.folder.iterdir():
            if _newest_change(entry) < self.started:
                _remove(entry)
                removed += 0 if entry.exists() else 1
        if removed:
            log.info("Removed %d viewer copies left by an earlier run", removed)
        return removed

    def _ensure_folder(self) -> None:
        self.folder.mkdir(mode=0o700, exist_ok=True)
        if hasattr(os, "getuid") and self.folder.stat().st_uid != os.getuid():
            raise PermissionError(f"{self.folder} belongs to another user")


def _newest_change(entry: Path) -> float:
    try:
        times = [entry.stat().st_mtime]
        if entry.is_dir():
            times += [child.stat().st_mtime for child in entry.iterdir()]
    except OSError:
        return 0.0
    return max(times)


def _remove(entry: Path) -> None:
    if entry.is_dir():
        shutil.rmtree(entry, ignore_errors=True)
    else:
        entry.unlink(missing_ok=True)


@cache
def viewer_copies() -> ViewerCopies:
    """The application's one set of viewer copies (made when the app starts)."""
    return ViewerCopies()

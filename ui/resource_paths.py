"""Where the shipped resources (translations, styles, icons) are found.

In a source checkout they sit in ``resources/`` next to ``ui/``; in the PyInstaller build
they are unpacked under ``sys._MEIPASS`` with the same layout.
"""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def style_path() -> Path:
    return resources_dir() / "styles" / "mentordesk.qss"


def icon_path() -> Path:
    return resources_dir() / "icons" / "mentordesk.svg"

"""Where the shipped resources (translations, styles, icons) are found.

They are package data of ``ui`` (``ui/resources/``), found through ``importlib.resources``
so a source checkout, an installed wheel and the PyInstaller folder (which keeps the
package layout under ``_internal/ui/resources``) all work the same way.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path


def resources_dir() -> Path:
    root = resources.files(__package__).joinpath("resources")
    # Qt (QIcon, QTranslator) and lrelease need real file paths. ``ui`` is always a plain
    # folder on disk (never zipped): the wheel and the frozen build both unpack it.
    if not isinstance(root, os.PathLike):
        raise RuntimeError(f"ui resources are not on disk: {root!r}")
    return Path(os.fspath(root))


def translations_dir() -> Path:
    return resources_dir() / "translations"


def style_path() -> Path:
    return resources_dir() / "styles" / "mentordesk.qss"


def icon_path() -> Path:
    return resources_dir() / "icons" / "mentordesk.svg"


"""Load the Danish translation of the UI.

Source strings are English (``self.tr("...")``); the Danish text lives in one ``.ts`` file
per area, ``ui/resources/translations/*_da.ts`` (so areas can be worked on independently),
compiled together into one ``mentordesk_da.qm``. Qt loads compiled ``.qm`` files only, and
``*.qm`` is not in git. The wheel and the frozen build compile it at build time and ship
only the ``.qm`` (``packaging/build_backend/``, ``packaging/mentordesk.spec``), so it is
used as it is. In a source checkout the ``.qm`` is compiled with ``lrelease`` on first use
into ``paths.data_dir()/translations/`` and again whenever a ``.ts`` is newer.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from mentordesk import paths
from ui.resource_paths import translations_dir

log = logging.getLogger(__name__)

CATALOGUE = "mentordesk_da"
DANISH = QLocale(QLocale.Language.Danish, QLocale.Country.Denmark)


class TranslationError(RuntimeError):
    """lrelease is missing or rejected the .ts file."""


def ts_paths() -> list[Path]:
    return sorted(translations_dir().glob("*_da.ts"))


def shipped_qm_path() -> Path:
    return translations_dir() / f"{CATALOGUE}.qm"


def find_lrelease() -> Path:
    """PySide6 ships ``lrelease`` in its package folder; the console script is a fallback."""
    import PySide6

    executable = "lrelease.exe" if sys.platform == "win32" else "lrelease"
    bundled = Path(PySide6.__file__).resolve().parent / executable
    if bundled.is_file():
        return bundled
    script = shutil.which("pyside6-lrelease")
    if script:
        return Path(script)
    raise TranslationError("lrelease was not found (PySide6 package folder or PATH)")


def compile_translation(ts_files: list[Path], qm: Path, *, strict: bool = False) -> Path:
    """Compile the ``.ts`` files into one ``qm``, atomically; ``strict`` fails on unfinished
    entries."""
    if not ts_files:
        raise TranslationError("no translation files (*_da.ts) were found")
    qm.parent.mkdir(parents=True, exist_ok=True)
    # Compile beside the target, then replace: two app instances never see half a file.
    handle, temporary = tempfile.mkstemp(suffix=".qm", dir=qm.parent)
    os.close(handle)
    command = [str(find_lrelease()), "-silent", *map(str, ts_files), "-qm", temporary]
    if strict:
        command.insert(1, "-fail-on-unfinished")
    try:
        result = subprocess.run(command, check=False, capture_output=True, text=True,
                                timeout=60)
        if result.returncode != 0 or Path(temporary).stat().st_size == 0:
            raise TranslationError(
                f"lrelease failed ({result.returncode}): {result.stderr or result.stdout}"
            )
        os.replace(temporary, qm)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return qm


def _is_fresh(qm: Path, ts_files: list[Path]) -> bool:
    return qm.is_file() and all(qm.stat().st_mtime >= ts.stat().st_mtime for ts in ts_files)


def ensure_compiled() -> Path:
    """The path of an up-to-date ``.qm`` for all ``.ts`` files, compiling it when needed.

    An installed build has no ``.ts`` files: its shipped ``.qm`` is then always fresh."""
    ts_files = ts_paths()
    shipped = shipped_qm_path()
    if _is_fresh(shipped, ts_files):
        return shipped
    built = paths.data_dir() / "translations" / shipped.name
    if _is_fresh(built, ts_files):
        return built
    return compile_translation(ts_files, built)


def install_translations(app: QCoreApplication, qm: Path | None = None) -> list[QTranslator]:
    """Install Qt's own Danish strings (standard buttons, file dialogs) and ours.

    A missing or broken translation must not stop the app: it then runs with the
    English source strings and logs why.
    """
    installed: list[QTranslator] = []
    qt_translator = QTranslator(app)
    if qt_translator.load(DANISH, "qtbase", "_", QLibraryInfo.path(
            QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_translator)
        installed.append(qt_translator)
    try:
        qm = qm or ensure_compiled()
    except (TranslationError, OSError, subprocess.SubprocessError) as error:
        log.warning("Danish translation unavailable: %s", error)
        return installed
    ours = QTranslator(app)
    if ours.load(str(qm)):
        app.installTranslator(ours)
        installed.append(ours)
    else:
        log.warning("Could not load %s", qm)
    return installed

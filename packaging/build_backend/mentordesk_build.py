"""The build backend: setuptools, plus the Danish translation compiled into the wheel.

Qt loads compiled ``.qm`` files only and ``*.qm`` is not in git, so a wheel is built with
``ui/resources/translations/mentordesk_da.qm`` compiled from the ``*_da.ts`` files by
``lrelease`` (shipped inside PySide6-Essentials) and without the ``.ts`` sources. A wheel
build therefore needs PySide6 in its build environment; an editable install does not (a
source checkout compiles the ``.qm`` on first use, see ``ui/i18n.py``) and so does not
download it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from setuptools import build_meta as _setuptools
from setuptools.build_meta import *  # noqa: F403  (the PEP 517 hooks we do not change)
from setuptools.command.build_py import build_py

# The same range as the runtime dependency in pyproject.toml.
LRELEASE_PROVIDER = "PySide6-Essentials>=6.8,<6.12"
TRANSLATIONS = Path("ui", "resources", "translations")
CATALOGUE = "mentordesk_da.qm"


def get_requires_for_build_wheel(config_settings=None):
    return [*_setuptools.get_requires_for_build_wheel(config_settings), LRELEASE_PROVIDER]


def find_lrelease() -> Path:
    import PySide6

    name = "lrelease.exe" if sys.platform == "win32" else "lrelease"
    lrelease = Path(PySide6.__file__).resolve().parent / name
    if not lrelease.is_file():
        raise RuntimeError(f"lrelease is missing from PySide6 ({lrelease})")
    return lrelease


def compile_catalogue(ts_files: list[Path], qm: Path) -> None:
    """All ``.ts`` into one ``.qm``; an unfinished translation fails the build."""
    if not ts_files:
        raise RuntimeError(f"no *_da.ts files in {TRANSLATIONS}")
    qm.parent.mkdir(parents=True, exist_ok=True)
    command = [str(find_lrelease()), "-silent", "-fail-on-unfinished",
               *map(str, ts_files), "-qm", str(qm)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0 or not qm.is_file() or qm.stat().st_size == 0:
        raise RuntimeError(f"lrelease failed ({result.returncode}): "
                           f"{result.stderr or result.stdout}")


class BuildPyWithTranslations(build_py):
    """``build_py`` that adds the compiled catalogue and leaves the ``.ts`` out."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return
        source = Path(TRANSLATIONS)
        target = Path(self.build_lib) / TRANSLATIONS
        compile_catalogue(sorted(source.glob("*_da.ts")), target / CATALOGUE)
        for ts in target.glob("*.ts"):
            ts.unlink()

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        outputs = [path for path in super().get_outputs(include_bytecode)
                   if not path.endswith(".ts")]
        if not self.editable_mode:
            outputs.append(str(Path(self.build_lib) / TRANSLATIONS / CATALOGUE))
        return outputs

"""The core must import and work with PySide6 unavailable (ARCHITECTURE.md)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import mentordesk

BLOCK_QT = """
import importlib.abc, sys
class BlockQt(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6', 'ui'):
            raise ImportError('Qt is blocked in this test: ' + name)
        return None
sys.meta_path.insert(0, BlockQt())
import importlib
for name in {modules!r}:
    importlib.import_module(name)
assert not any(m.split('.')[0] in ('PySide6', 'shiboken6', 'ui') for m in sys.modules)
print('ok', len({modules!r}))
"""


def _all_core_modules() -> list[str]:
    names = ["mentordesk"]
    for module in pkgutil.walk_packages(mentordesk.__path__, "mentordesk."):
        if module.name in ("mentordesk.__main__",) or ".migrations.versions." in module.name:
            continue
        if module.name == "mentordesk.storage.migrations.env":
            continue  # runs only inside Alembic
        names.append(module.name)
    return names


def test_every_core_module_imports_without_qt():
    modules = _all_core_modules()
    assert len(modules) > 15
    result = subprocess.run([sys.executable, "-c", BLOCK_QT.format(modules=modules)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"ok {len(modules)}"

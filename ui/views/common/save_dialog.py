"""The one "save as" dialog every export uses: opened window-modal with ``open()``, not
``exec()``, so the worker and the rest of the window go on while the user chooses."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget


def open_save_dialog(parent: QWidget, title: str, name_filter: str, suggested_name: str,
                     on_chosen: Callable[[Path], None]) -> QFileDialog:
    """Ask where to save; ``on_chosen`` gets the path. Returned so tests can answer it."""
    dialog = QFileDialog(parent, title)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setNameFilter(name_filter)
    dialog.setDefaultSuffix(Path(suggested_name).suffix.lstrip("."))
    dialog.selectFile(suggested_name)
    dialog.fileSelected.connect(lambda path: on_chosen(Path(path)))
    dialog.open()
    return dialog

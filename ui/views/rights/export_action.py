"""Exporting one citizen's right-of-access package: choose where, build off the GUI thread."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from mentordesk.rights.access_export import AccessPackage, export_citizen
from ui.operations import Operations


class AccessExport(QObject):
    done = Signal(str)  # a Danish sentence for the status line
    failed = Signal(str)

    def __init__(self, ops: Operations, owner: QWidget) -> None:
        super().__init__(owner)
        self._ops, self._owner = ops, owner

    def choose(self, citizen_id: int) -> None:
        name = f"indsigt-borger-{citizen_id}-{date.today():%Y-%m-%d}.zip"
        path, _kind = QFileDialog.getSaveFileName(
            self._owner, self.tr("Save the access package"), str(Path.home() / name),
            self.tr("Zip file (*.zip)"))
        if path:
            self.export(citizen_id, Path(path))

    def export(self, citizen_id: int, path: Path) -> None:
        self._ops.run(export_citizen, citizen_id, path, owner=self._owner, slot="export",
                      label=self.tr("Building the access package…"), done=self._exported,
                      failed=self.failed.emit)

    def _exported(self, package: AccessPackage) -> None:
        self.done.emit(self.tr("Access package saved to {name} ({files} files).").format(
            name=package.path.name, files=len(package.files)))

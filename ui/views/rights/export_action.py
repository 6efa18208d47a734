"""Exporting one citizen's right-of-access package: choose where, build off the GUI thread."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from mentordesk.kernel.context import Context
from mentordesk.rights.access_export import AccessPackage, export_citizen
from ui.tasks import TaskContext, TaskRunner
from ui.workspace import Workspace


class AccessExport(QObject):
    done = Signal(str)  # a Danish sentence for the status line
    failed = Signal(str)

    def __init__(self, workspace: Workspace, runner: TaskRunner, owner: QWidget) -> None:
        super().__init__(owner)
        self._workspace, self._runner, self._owner = workspace, runner, owner

    def choose(self, citizen_id: int) -> None:
        name = f"indsigt-borger-{citizen_id}-{date.today():%Y-%m-%d}.zip"
        path, _kind = QFileDialog.getSaveFileName(
            self._owner, self.tr("Save the access package"), str(Path.home() / name),
            self.tr("Zip file (*.zip)"))
        if path:
            self.export(citizen_id, Path(path))

    def export(self, citizen_id: int, path: Path) -> None:
        database, actor = self._workspace.database, self._workspace.actor

        def job(_context: TaskContext) -> AccessPackage:
            return export_citizen(Context(database, actor), citizen_id, path)

        task = self._runner.submit(job, label=self.tr("Building the access package…"),
                                   report_errors=False, parent=self._owner)
        task.succeeded.connect(lambda package: self.done.emit(self.tr(
            "Access package saved to {name} ({files} files).").format(
            name=package.path.name, files=len(package.files))))
        task.failed.connect(lambda message, _details: self.failed.emit(message))

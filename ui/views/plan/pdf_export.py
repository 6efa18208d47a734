""""Udskriv handleplan (PDF)…": choose where, then build and write the PDF off the GUI thread.

The suggested file name carries the citizen's name (or alias) and the date, never the
CPR number. The PDF is built by the core (``plan_pdf``, audited as a print) and written
atomically, so a failed export never leaves half a file behind.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from mentordesk.files import safe_file_stem, write_atomically
from mentordesk.kernel.context import Context
from mentordesk.reports.plan_export import plan_pdf
from ui.tasks import TaskContext, TaskRunner
from ui.views.common.save_dialog import open_save_dialog
from ui.workspace import Workspace


def default_file_name(citizen_label: str, on: date) -> str:
    stem = safe_file_stem(f"Handleplan {citizen_label} {on:%d-%m-%Y}", fallback="Handleplan")
    return f"{stem}.pdf"


class PlanPdfExport(QObject):
    written = Signal(str)  # the path of the written PDF

    def __init__(self, workspace: Workspace, runner: TaskRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._runner = runner
        self._parent = parent
        self.file_dialog: QFileDialog | None = None

    def ask_and_write(self, citizen_id: int, citizen_label: str) -> None:
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = str(Path(folder) / default_file_name(citizen_label, date.today()))
        self.file_dialog = open_save_dialog(
            self._parent, self.tr("Print action plan (PDF)"), self.tr("PDF documents (*.pdf)"),
            suggested, lambda path: self.write(citizen_id, path))

    def write(self, citizen_id: int, path: Path) -> None:
        database, actor = self._workspace.database, self._workspace.actor

        def job(_context: TaskContext) -> str:
            data = plan_pdf(Context(database, actor), citizen_id, datetime.now().astimezone())
            return str(write_atomically(path, data))

        task = self._runner.submit(job, label=self.tr("Writing the action plan…"),
                                   parent=self._parent)
        task.succeeded.connect(self._on_written)

    def _on_written(self, path: object) -> None:
        self.written.emit(str(path))

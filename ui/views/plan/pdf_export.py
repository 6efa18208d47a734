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
from ui.operations import Operations
from ui.views.common.save_dialog import open_save_dialog


def default_file_name(citizen_label: str, on: date) -> str:
    stem = safe_file_stem(f"Handleplan {citizen_label} {on:%d-%m-%Y}", fallback="Handleplan")
    return f"{stem}.pdf"


def write_plan_pdf(context: Context, citizen_id: int, path: Path) -> str:
    """Build the plan's PDF (audited as a print) and write it atomically; its path."""
    data = plan_pdf(context, citizen_id, datetime.now().astimezone())
    return str(write_atomically(path, data))


class PlanPdfExport(QObject):
    written = Signal(str)  # the path of the written PDF

    def __init__(self, ops: Operations, parent: QWidget) -> None:
        super().__init__(parent)
        self._ops = ops
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
        self._ops.run(write_plan_pdf, citizen_id, path, owner=self._parent, slot="pdf",
                      label=self.tr("Writing the action plan…"), done=self.written.emit)

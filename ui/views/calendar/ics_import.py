"""Importér fra Outlook (ICS)…: a mentor's Outlook calendar as busy blocks.

A mentor imports into their own calendar; coordinators choose the mentor. The file is read
and imported on the worker thread; at most 5 MB (+1 byte) is read, so a huge file is
refused by the core without being loaded whole. The calendar shows the new blocks when the
change hub reports the changed schedule.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from mentordesk.errors import InvalidInput
from mentordesk.kernel.changes import Result
from mentordesk.kernel.context import Context
from mentordesk.schedule.ics_import import MAX_IMPORT_BYTES, IcsImportResult, import_ics
from ui.operations import Operations


class IcsImportDialog(QDialog):
    def __init__(self, ops: Operations, *, mentors: list[tuple[int, str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self.file_dialog: QFileDialog | None = None
        self.result_box: QMessageBox | None = None
        self.setWindowTitle(self.tr("Import from Outlook (ICS)"))
        self.setMinimumWidth(440)
        actor = ops.actor
        self.mentor_combo = QComboBox()
        choices = mentors if actor.sees_all_citizens else []
        for mentor_id, name in choices or [(actor.user_id, actor.full_name)]:
            self.mentor_combo.addItem(name, mentor_id)
        self.mentor_combo.setCurrentIndex(max(self.mentor_combo.findData(actor.user_id), 0))
        # The core refuses a mentor importing into someone else's calendar as well.
        self.mentor_combo.setEnabled(actor.sees_all_citizens)
        hint = QLabel(self.tr(
            "Export the calendar from Outlook as an .ics file and choose it here. Each event "
            "is shown as a busy block without a citizen, so double bookings are flagged. "
            "Only the subject is kept; importing the same file again adds nothing twice."))
        hint.setWordWrap(True)
        hint.setObjectName("hintLabel")
        form = QFormLayout()
        form.addRow(self.tr("&Mentor:"), self.mentor_combo)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(self.tr("Choose file…"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.choose_file)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)

    def choose_file(self) -> None:
        dialog = QFileDialog(self, self.tr("Choose an Outlook calendar file"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilter(self.tr("Calendar files (*.ics)"))
        dialog.fileSelected.connect(lambda path: self.import_from(Path(path)))
        self.file_dialog = dialog
        dialog.open()

    def import_from(self, path: Path) -> None:
        self.import_button.setEnabled(False)
        # Errors (a malformed file, no access) come back as a Danish message box.
        task = self._ops.run(_import_file, self.mentor_combo.currentData(), path, owner=self,
                             slot="import", label=self.tr("Importing…"),
                             done=self._on_imported)
        task.finished.connect(lambda: self.import_button.setEnabled(True))

    def _on_imported(self, result: IcsImportResult) -> None:
        text = self.tr("%1 appointments imported, %2 skipped (already imported)").replace(
            "%1", str(result.imported)).replace("%2", str(result.already_imported))
        if result.ignored:
            text += self.tr(", %1 ignored (cancelled or free)").replace(
                "%1", str(result.ignored))
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Import from Outlook (ICS)"),
                          text + ".", QMessageBox.StandardButton.Ok, self.parentWidget())
        box.setTextFormat(Qt.TextFormat.PlainText)
        self.result_box = box
        self.accept()
        box.open()


def _import_file(context: Context, mentor_id: int, path: Path) -> Result[IcsImportResult]:
    """Read the file on the worker (never on the GUI thread) and import it."""
    return import_ics(context, mentor_id, read_limited(path))


def read_limited(path: Path) -> bytes:
    """The file's bytes, at most one more than the core accepts (it names the limit)."""
    try:
        with open(path, "rb") as file:
            return file.read(MAX_IMPORT_BYTES + 1)
    except OSError:
        raise InvalidInput(f"Filen »{path.name}« kunne ikke læses.") from None

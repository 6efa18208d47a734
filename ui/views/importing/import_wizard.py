"""The onboarding import wizard: choose file → map columns → check rows → done.

Reading, checking and importing run on the worker through ``ops``; the wizard only shows
plain results from ``mentordesk.importing``. The citizens it creates reach the list
through the change hub. Pages that start work return False
from ``validatePage`` and move on by themselves when the work has succeeded.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from mentordesk.importing import (
    ColumnMapping,
    ImportResult,
    ImportTable,
    propose_mapping,
    read_import_file,
)
from mentordesk.kernel.context import Context
from ui.operations import Operations
from ui.views.importing.check_page import ImportCheckPage
from ui.views.importing.mapping_page import ImportMappingPage, plain_label


def read_file(_context: Context, path: Path) -> ImportTable:
    """Reading the file touches no data; it runs on the worker like every other step."""
    return read_import_file(path)


class ImportWizard(QWizard):
    imported = Signal(int)  # number of citizens created

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.path: Path | None = None
        self.table: ImportTable | None = None
        self.mapping: ColumnMapping = {}
        self.import_result: ImportResult | None = None
        self._busy = 0
        self.setWindowTitle(self.tr("Import citizen list"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setMinimumSize(820, 600)
        self.file_page = ImportFilePage(self)
        self.mapping_page = ImportMappingPage(self)
        self.check_page = ImportCheckPage(self)
        self.done_page = ImportDonePage(self)
        for page in (self.file_page, self.mapping_page, self.check_page, self.done_page):
            self.addPage(page)

    def set_busy(self, busy: bool) -> None:
        """While the worker reads or writes, the wizard cannot be left or cancelled."""
        self._busy += 1 if busy else -1
        idle = self._busy == 0
        for button in (QWizard.WizardButton.BackButton, QWizard.WizardButton.CancelButton):
            self.button(button).setEnabled(idle)

    def is_busy(self) -> bool:
        return self._busy > 0

    def reject(self) -> None:
        if not self.is_busy():
            super().reject()

    def use_table(self, path: Path, table: ImportTable) -> None:
        """A newly read file: start again from the proposed mapping."""
        self.path, self.table = path, table
        self.mapping = propose_mapping(table.headers)
        self.import_result = None


class ImportFilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self._loaded: Path | None = None
        self._reading = False
        self.setTitle(self.tr("Choose the citizen list"))
        self.setSubTitle(self.tr(
            "An Excel file (.xlsx) or a CSV file whose first row holds the column headings, "
            "e.g. Navn, CPR, Mentor, Lovgrundlag, Startdato and Timer pr. uge."))
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(self.tr("Path to the file"))
        self.path_edit.textChanged.connect(self._on_path_changed)
        self.browse_button = QPushButton(self.tr("Choose…"))
        self.browse_button.clicked.connect(self.browse)
        self.error_label = plain_label(object_name="errorLabel")
        self.error_label.setVisible(False)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.error_label)
        layout.addStretch(1)

    def browse(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose the citizen list"), self.path_edit.text(),
            self.tr("Spreadsheets (*.xlsx *.csv);;All files (*)"))
        if chosen:
            self.path_edit.setText(chosen)

    def chosen_path(self) -> Path:
        return Path(self.path_edit.text().strip()).expanduser()

    def isComplete(self) -> bool:
        return bool(self.path_edit.text().strip()) and not self._reading

    def validatePage(self) -> bool:
        path = self.chosen_path()
        if self._loaded == path and self._wizard.table is not None:
            return True
        if not self._reading:
            self._read(path)
        return False

    def _on_path_changed(self, _text: str) -> None:
        self._loaded = None
        self.error_label.setVisible(False)
        self.completeChanged.emit()

    def _read(self, path: Path) -> None:
        self._set_reading(True)
        task = self._wizard.ops.run(read_file, path, owner=self, slot="read",
                                    label=self.tr("Reading the file…"),
                                    done=lambda table: self._on_read(path, table),
                                    failed=self._show_error)
        task.finished.connect(lambda: self._set_reading(False))

    def _on_read(self, path: Path, table: ImportTable) -> None:
        self._loaded = path
        self._wizard.use_table(path, table)
        self._set_reading(False)
        self._wizard.next()

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(True)

    def _set_reading(self, reading: bool) -> None:
        if reading == self._reading:
            return
        self._reading = reading
        self._wizard.set_busy(reading)
        self.path_edit.setEnabled(not reading)
        self.browse_button.setEnabled(not reading)
        self.completeChanged.emit()


class ImportDonePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Import finished"))
        self.setFinalPage(True)
        self.summary_label = plain_label()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addStretch(1)

    def initializePage(self) -> None:
        result = self._wizard.import_result
        if result is None:
            return
        self.summary_label.setText(
            self.tr("%n citizen(s) imported from {file}.", "", result.citizens)
            .format(file=result.source_name)
            + "\n"
            + self.tr("{grants} with a grant, {mentors} with a primary mentor. The citizens "
                      "are now in the list under Citizens.")
            .format(grants=result.grants, mentors=result.assignments))
        self.summary_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)

"""Wizard page: every row checked; the import button works only when no row has errors.

The user fixes the rows in the file and reads it again here; the chosen columns are kept
when the headings are unchanged. Importing is all or nothing (``import_citizens``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from mentordesk.importing import (
    ColumnMapping,
    ImportCheck,
    ImportHasErrors,
    ImportResult,
    ImportTable,
    check_import,
    import_citizens,
    read_import_file,
)
from mentordesk.kernel.context import Context
from ui.tasks import Task
from ui.views.importing.mapping_page import plain_label

if TYPE_CHECKING:
    from ui.views.importing.import_wizard import ImportWizard


@dataclass(frozen=True)
class _Checked:
    table: ImportTable
    check: ImportCheck | None  # None: the headings changed, the columns must be chosen again


def check_rows(context: Context, path: Path, table: ImportTable, mapping: ColumnMapping,
               reread: bool) -> _Checked:
    """Check every row (after reading the file again if asked), unless the headings moved."""
    current = read_import_file(path) if reread else table
    if current.headers != table.headers:
        return _Checked(current, None)
    return _Checked(current, check_import(context, current, mapping))


class ImportCheckPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self._check: ImportCheck | None = None
        self._busy = False
        self.setTitle(self.tr("Check the rows"))
        self.setSubTitle(self.tr(
            "Nothing is imported while a row has errors. Correct them in the file, save it "
            "and read it again."))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Import"))
        self.summary_label = plain_label()
        self.errors_list = QListWidget()
        self.error_label = plain_label(object_name="errorLabel")
        self.reload_button = QPushButton(self.tr("Read the file again"))
        self.reload_button.clicked.connect(self.reload_file)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.reload_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.errors_list, 1)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)

    # -- checking ---------------------------------------------------------------------

    def initializePage(self) -> None:
        self._start_check(reread=False)

    def reload_file(self) -> None:
        self._start_check(reread=True)

    def _start_check(self, *, reread: bool) -> None:
        wizard = self._wizard
        path, table = wizard.path, wizard.table
        if path is None or table is None:
            return
        self._check = None
        self.summary_label.setText(self.tr("Checking the rows…"))
        self.errors_list.clear()
        self.error_label.clear()
        self._submit(self.tr("Checking the rows…"), check_rows, path, table,
                     dict(wizard.mapping), reread, done=self._on_checked)

    def _on_checked(self, checked: _Checked) -> None:
        if checked.check is None:
            self.summary_label.setText(self.tr(
                "The column headings in the file have changed. Go back and choose the "
                "fields again."))
            return
        self._wizard.table = checked.table
        self._check = checked.check
        self._show_check(checked.check)
        self.completeChanged.emit()

    def _show_check(self, check: ImportCheck) -> None:
        self.errors_list.clear()
        for error in check.errors:
            self.errors_list.addItem(QListWidgetItem(str(error)))  # item text is plain
        if check.ok:
            self.summary_label.setText(
                self.tr("%n citizen(s) ready to import.", "", check.citizens) + " "
                + self.tr("{grants} with a grant, {mentors} with a primary mentor.").format(
                    grants=check.grants, mentors=check.assignments))
        else:
            self.summary_label.setText(
                self.tr("%n row(s) have errors. Nothing can be imported until they are "
                        "corrected.", "", check.rows_with_errors))

    def check(self) -> ImportCheck | None:
        return self._check

    # -- importing --------------------------------------------------------------------

    def isComplete(self) -> bool:
        return self._check is not None and self._check.ok and not self._busy

    def validatePage(self) -> bool:
        if self._wizard.import_result is not None:
            return True
        if self.isComplete():
            self._start_import()
        return False

    def _start_import(self) -> None:
        wizard = self._wizard
        assert wizard.table is not None
        task: Task = self._submit(
            self.tr("Importing the citizens…"), import_citizens, wizard.table,
            dict(wizard.mapping), done=self._on_imported, long=True,
            failed=lambda message: self._on_import_failed(task, message))

    def _on_imported(self, result: ImportResult) -> None:
        self._wizard.import_result = result
        self._set_busy(False)
        self._wizard.imported.emit(result.citizens)
        self._wizard.next()

    def _on_import_failed(self, task: Task, message: str) -> None:
        self._show_failure(message)
        # The team changed since the check (e.g. a CPR number was registered meanwhile).
        if isinstance(task.error, ImportHasErrors):
            self._check = task.error.check
            self._show_check(task.error.check)
            self.completeChanged.emit()

    # -- shared -----------------------------------------------------------------------

    def _submit(self, label: str, operation: Callable[..., Any], *args: Any,
                done: Callable[[Any], None], failed: Callable[[str], None] | None = None,
                long: bool = False) -> Task:
        """Run one step; the wizard cannot be left while it runs."""
        self._set_busy(True)
        task = self._wizard.ops.run(operation, *args, owner=self, slot="step", label=label,
                                    long=long, done=done, failed=failed or self._show_failure)
        task.finished.connect(lambda: self._set_busy(False))
        return task

    def _show_failure(self, message: str) -> None:
        if self._check is None:
            self.summary_label.clear()  # no longer "Checking…": it stopped
        self.error_label.setText(message)

    def _set_busy(self, busy: bool) -> None:
        if busy == self._busy:
            return
        self._busy = busy
        self._wizard.set_busy(busy)
        self.reload_button.setEnabled(not busy)
        self.completeChanged.emit()


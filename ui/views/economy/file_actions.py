"""The economy editor's file actions: export to Excel, import from Excel, print to PDF,
and the versions dialog. The work runs on the worker thread; the files are written
atomically by the core, which also audits and records a version.

Each action has a ``…_to(path)``/``…_from(path)`` half without a file dialog, which the
tests call directly. Exports and prints show what is saved, so with unsaved edits they
first offer "Gem og eksportér"/"Gem og udskriv": save, then carry on; cancel changes
nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QStandardPaths
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox, QToolBar

from mentordesk.files import safe_file_stem
from mentordesk.kernel.context import Context
from ui.tasks import Task
from ui.views.economy.import_dialog import ImportMappingDialog
from ui.views.economy.versions_dialog import VersionsDialog

if TYPE_CHECKING:
    from ui.views.economy.editor import EconomyEditor


class FileActions(QObject):
    def __init__(self, editor: EconomyEditor) -> None:
        super().__init__(editor)
        self.editor = editor
        self.mapping_dialog: ImportMappingDialog | None = None
        self.versions_dialog: VersionsDialog | None = None
        self.save_first_box: QMessageBox | None = None  # "save first?" while it is open
        # Asks for a file to write: (title, suggested path, filter) → path or "". Tests
        # replace it, as the native dialog cannot be driven from a test.
        self.ask_save_path: Callable[[str, str, str], str] = self._save_file_dialog
        self.export_action = QAction(self.tr("Export to Excel…"), editor)
        self.import_action = QAction(self.tr("Import from Excel…"), editor)
        self.print_action = QAction(self.tr("Print (PDF)…"), editor)
        self.versions_action = QAction(self.tr("Versions…"), editor)
        self.export_action.triggered.connect(self.choose_export)
        self.import_action.triggered.connect(self.choose_import)
        self.print_action.triggered.connect(self.choose_print)
        self.versions_action.triggered.connect(self.open_versions)

    def actions(self) -> list[QAction]:
        return [self.export_action, self.import_action, self.print_action,
                self.versions_action]

    def add_to(self, toolbar: QToolBar) -> None:
        for action in self.actions():
            toolbar.addAction(action)

    def set_enabled(self, enabled: bool) -> None:
        for action in self.actions():
            action.setEnabled(enabled)

    # -- helpers ----------------------------------------------------------------------

    def _context(self) -> tuple[Any, Any, int, int] | None:
        editor = self.editor
        if editor.citizen_id is None or editor.summary is None:
            return None
        return (editor.workspace.database, editor.workspace.actor, editor.citizen_id,
                editor.summary.year)

    def _after_saving(self, action_text: str, then: Callable[[], None]) -> None:
        """Run ``then`` now if everything is saved; else offer to save first (exports and
        prints use the saved version, so unsaved edits would be missing)."""
        if not self.editor.has_unsaved_changes():
            then()
            return
        box = QMessageBox(QMessageBox.Icon.Question, "MentorDesk", self.tr(
            "The overview has changes that are not saved. Exports and prints use the saved "
            "version: save the changes first?"), QMessageBox.StandardButton.NoButton,
            self.editor)
        save_button = box.addButton(action_text, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(save_button)
        box.finished.connect(lambda _result: self._save_answered(box, save_button, then))
        self.save_first_box = box
        box.open()

    def _save_answered(self, box: QMessageBox, save_button: object,
                       then: Callable[[], None]) -> None:
        self.save_first_box = None
        box.deleteLater()
        if box.clickedButton() is not save_button:
            return  # cancelled: the edits stay unsaved, nothing is written
        task = self.editor.save()
        if task is not None:
            # A failed or conflicting save is handled by the editor; nothing is exported.
            task.succeeded.connect(lambda _saved: then())

    def _save_file_dialog(self, title: str, suggested: str, file_filter: str) -> str:
        path, _filter = QFileDialog.getSaveFileName(self.editor, title, suggested, file_filter)
        return path

    def _suggested(self, suffix: str) -> str:
        summary = self.editor.summary
        assert summary is not None
        stem = safe_file_stem(self.tr("Economy {name} {year}").format(
            name=summary.citizen_initials, year=summary.year))
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        return str(Path(folder) / f"{stem}{suffix}")

    # -- export -----------------------------------------------------------------------

    def choose_export(self) -> None:
        if self._context() is not None:
            self._after_saving(self.tr("Save and export"), self._pick_export_path)

    def _pick_export_path(self) -> None:
        path = self.ask_save_path(self.tr("Export economy overview"),
                                  self._suggested(".xlsx"), self.tr("Excel workbook (*.xlsx)"))
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> Task | None:
        from mentordesk.economy import export_xlsx

        context = self._context()
        if context is None:
            return None
        database, actor, citizen_id, year = context
        task = self.editor.runner.submit(
            lambda _c: export_xlsx(Context(database, actor), citizen_id, year, path),
            label=self.tr("Exporting…"), parent=self.editor)
        task.succeeded.connect(lambda _r: self.editor.show_info(
            self.tr("Exported to {path}").format(path=str(path))))
        return task

    # -- print ------------------------------------------------------------------------

    def choose_print(self) -> None:
        if self._context() is not None:
            self._after_saving(self.tr("Save and print"), self._pick_print_path)

    def _pick_print_path(self) -> None:
        path = self.ask_save_path(self.tr("Print economy overview"), self._suggested(".pdf"),
                                  self.tr("PDF document (*.pdf)"))
        if path:
            self.print_to(Path(path))

    def print_to(self, path: Path) -> Task | None:
        context = self._context()
        if context is None:
            return None
        database, actor, citizen_id, year = context

        def job(_c: object) -> object:
            from mentordesk.reports.economy_pdf import export_pdf

            return export_pdf(Context(database, actor), citizen_id, year, path)

        task = self.editor.runner.submit(job, label=self.tr("Printing…"), parent=self.editor)
        task.succeeded.connect(lambda _r: self.editor.show_info(
            self.tr("PDF saved as {path}").format(path=str(path))))
        return task

    # -- import -----------------------------------------------------------------------

    def choose_import(self) -> None:
        if self._context() is None:
            return
        path, _filter = QFileDialog.getOpenFileName(
            self.editor, self.tr("Import economy overview"), "",
            self.tr("Excel workbook (*.xlsx)"))
        if path:
            self.import_from(Path(path))

    def import_from(self, path: Path) -> Task | None:
        from mentordesk.economy import read_economy_workbook

        context = self._context()
        if context is None:
            return None
        year = context[3]
        task = self.editor.runner.submit(lambda _c: read_economy_workbook(path, year),
                                         label=self.tr("Reading the workbook…"),
                                         parent=self.editor)
        task.succeeded.connect(lambda preview: self._show_preview(path, preview))
        return task

    def _show_preview(self, path: Path, preview: Any) -> None:
        if self.mapping_dialog is not None:
            self.mapping_dialog.deleteLater()
        dialog = ImportMappingDialog(path, preview, self.editor)
        dialog.accepted.connect(lambda: self._import(path, dialog))
        self.mapping_dialog = dialog
        dialog.open()

    def _import(self, path: Path, dialog: ImportMappingDialog) -> None:
        from mentordesk.economy import import_xlsx

        context = self._context()
        if context is None:
            return
        database, actor, citizen_id, year = context
        guess, version = dialog.guess(), self.editor.model.base.version
        task = self.editor.runner.submit(
            lambda _c: import_xlsx(Context(database, actor), citizen_id, year, path,
                                   expected_version=version, guess=guess),
            label=self.tr("Importing…"), parent=self.editor)
        task.succeeded.connect(lambda _r: self._imported())

    def _imported(self) -> None:
        self.editor.discard_changes()
        self.editor.reload_now()
        self.editor.show_info(self.tr("The workbook was imported."))

    # -- versions ---------------------------------------------------------------------

    def open_versions(self) -> None:
        context = self._context()
        if context is None:
            return
        _database, _actor, citizen_id, year = context
        if self.versions_dialog is not None:
            self.versions_dialog.deleteLater()
        dialog = VersionsDialog(self.editor.workspace, self.editor.runner, citizen_id, year,
                                self.editor.model.base.version, self.editor.model.norm_rates,
                                self.editor)
        dialog.restored.connect(lambda _sheet: self._imported_version())
        self.versions_dialog = dialog
        dialog.open()

    def _imported_version(self) -> None:
        self.editor.discard_changes()
        self.editor.reload_now()
        self.editor.show_info(self.tr("The version was restored."))

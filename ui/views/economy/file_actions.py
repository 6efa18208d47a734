"""The economy editor's file actions: export to Excel, import from Excel, print to PDF,
and the versions dialog. The work runs on the worker thread; the files are written
atomically by the core, which also audits and records a version.

Each action has a ``…_to(path)``/``…_from(path)`` half without a file dialog, which the
tests call directly.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QStandardPaths
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QToolBar

from mentordesk.files import safe_file_stem
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

    def _needs_saving(self) -> bool:
        """Exports and prints show what is saved: unsaved edits would be missing."""
        if self.editor.has_unsaved_changes():
            self.editor.show_message(self.tr(
                "Save the overview first (Ctrl+S): exports and prints use the saved version."))
            return True
        return False

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
        if self._context() is None or self._needs_saving():
            return
        path, _filter = QFileDialog.getSaveFileName(
            self.editor, self.tr("Export economy overview"), self._suggested(".xlsx"),
            self.tr("Excel workbook (*.xlsx)"))
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> Task | None:
        from mentordesk.economy import export_xlsx

        context = self._context()
        if context is None:
            return None
        database, actor, citizen_id, year = context
        task = self.editor.runner.submit(
            lambda _c: export_xlsx(database, actor, citizen_id, year, path),
            label=self.tr("Exporting…"), parent=self.editor)
        task.succeeded.connect(lambda _r: self.editor.show_info(
            self.tr("Exported to {path}").format(path=str(path))))
        return task

    # -- print ------------------------------------------------------------------------

    def choose_print(self) -> None:
        if self._context() is None or self._needs_saving():
            return
        path, _filter = QFileDialog.getSaveFileName(
            self.editor, self.tr("Print economy overview"), self._suggested(".pdf"),
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

            return export_pdf(database, actor, citizen_id, year, path)

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
            lambda _c: import_xlsx(database, actor, citizen_id, year, path,
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
                                self.editor.model.base.version, self.editor)
        dialog.restored.connect(lambda _sheet: self._imported_version())
        self.versions_dialog = dialog
        dialog.open()

    def _imported_version(self) -> None:
        self.editor.discard_changes()
        self.editor.reload_now()
        self.editor.show_info(self.tr("The version was restored."))

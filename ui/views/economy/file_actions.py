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
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import QObject, QStandardPaths
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox, QToolBar

from mentordesk.economy import SnapshotInfo
from mentordesk.files import safe_file_stem
from ui.tasks import Task
from ui.views.economy.import_dialog import ImportMappingDialog
from ui.views.economy.versions_dialog import VersionsDialog

if TYPE_CHECKING:
    from ui.views.economy.editor import EconomyEditor


class Shown(NamedTuple):
    """The citizen and year the editor shows: what every file action works on."""

    citizen_id: int
    year: int


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

    def _shown(self) -> Shown | None:
        editor = self.editor
        if editor.citizen_id is None or editor.summary is None:
            return None
        return Shown(editor.citizen_id, editor.summary.year)

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
        if self._shown() is not None:
            self._after_saving(self.tr("Save and export"), self._pick_export_path)

    def _pick_export_path(self) -> None:
        path = self.ask_save_path(self.tr("Export economy overview"),
                                  self._suggested(".xlsx"), self.tr("Excel workbook (*.xlsx)"))
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> Task | None:
        from mentordesk.economy import export_xlsx

        shown = self._shown()
        if shown is None:
            return None
        return self.editor.ops.run(
            export_xlsx, shown.citizen_id, shown.year, path, owner=self.editor, slot="export",
            label=self.tr("Exporting…"), done=lambda _summary: self.editor.show_info(
                self.tr("Exported to {path}").format(path=str(path))))

    # -- print ------------------------------------------------------------------------

    def choose_print(self) -> None:
        if self._shown() is not None:
            self._after_saving(self.tr("Save and print"), self._pick_print_path)

    def _pick_print_path(self) -> None:
        path = self.ask_save_path(self.tr("Print economy overview"), self._suggested(".pdf"),
                                  self.tr("PDF document (*.pdf)"))
        if path:
            self.print_to(Path(path))

    def print_to(self, path: Path) -> Task | None:
        from mentordesk.reports.economy_pdf import export_pdf

        shown = self._shown()
        if shown is None:
            return None
        return self.editor.ops.run(
            export_pdf, shown.citizen_id, shown.year, path, owner=self.editor, slot="print",
            label=self.tr("Printing…"), done=lambda _result: self.editor.show_info(
                self.tr("PDF saved as {path}").format(path=str(path))))

    # -- import -----------------------------------------------------------------------

    def choose_import(self) -> None:
        if self._shown() is None:
            return
        path, _filter = QFileDialog.getOpenFileName(
            self.editor, self.tr("Import economy overview"), "",
            self.tr("Excel workbook (*.xlsx)"))
        if path:
            self.import_from(Path(path))

    def import_from(self, path: Path) -> Task | None:
        from mentordesk.economy import read_economy_workbook

        shown = self._shown()
        if shown is None:
            return None
        year = shown.year
        # Reading the file needs no database: the context is not used.
        return self.editor.ops.run(
            lambda _context: read_economy_workbook(path, year), owner=self.editor,
            slot="import", label=self.tr("Reading the workbook…"),
            done=lambda preview: self._show_preview(path, preview))

    def _show_preview(self, path: Path, preview: Any) -> None:
        if self.mapping_dialog is not None:
            self.mapping_dialog.deleteLater()
        dialog = ImportMappingDialog(path, preview, self.editor)
        dialog.accepted.connect(lambda: self._import(path, dialog))
        self.mapping_dialog = dialog
        dialog.open()

    def _import(self, path: Path, dialog: ImportMappingDialog) -> None:
        from mentordesk.economy import import_xlsx

        shown = self._shown()
        if shown is None:
            return
        # A long job: a big workbook takes a while, and the user may cancel it.
        self.editor.ops.run(
            import_xlsx, shown.citizen_id, shown.year, path, owner=self.editor, slot="import",
            long=True, label=self.tr("Importing…"), done=lambda _sheet: self._imported(),
            expected_version=self.editor.model.base.version, guess=dialog.guess())

    def _imported(self) -> None:
        self.editor.discard_changes()
        self.editor.reload_now()
        self.editor.show_info(self.tr("The workbook was imported."))

    # -- versions ---------------------------------------------------------------------

    def open_versions(self) -> None:
        shown = self._shown()
        if shown is None:
            return
        if self.versions_dialog is not None:
            self.versions_dialog.deleteLater()
        dialog = VersionsDialog(self.editor.ops, shown.citizen_id, shown.year,
                                self.editor.model.rates, self.editor)
        dialog.restore_requested.connect(lambda version: self._restore(dialog, version))
        self.versions_dialog = dialog
        dialog.open()

    def _restore(self, dialog: VersionsDialog, version: SnapshotInfo) -> None:
        """Checked against the version the editor loaded, like a save."""
        from mentordesk.economy import restore_snapshot

        self.editor.ops.run(restore_snapshot, version.id, self.editor.model.base.version,
                            owner=self.editor, slot="restore", label=self.tr("Restoring…"),
                            done=lambda _sheet: self._restored(dialog))

    def _restored(self, dialog: VersionsDialog) -> None:
        dialog.accept()
        self.editor.discard_changes()
        self.editor.reload_now()
        self.editor.show_info(self.tr("The version was restored."))

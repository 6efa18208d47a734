"""Saved versions of a year's sheet: list, view one read-only, restore one.

Every explicit save, export, import and restore records a version (the core does it);
restoring is itself checked against the version the editor loaded, like a save. The
dialog only asks for it (``restore_requested``): restoring replaces the editor's sheet,
so the editor's file actions do it and read the sheet back.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.money import format_dkk
from mentordesk.economy import (
    SnapshotContent,
    SnapshotInfo,
    YearRates,
    list_snapshots,
    load_snapshot,
)
from ui.operations import Operations
from ui.views.common.form_fields import confirm, plain_label
from ui.views.common.record_table import RecordTableModel, TableColumn, record_table, selected_row
from ui.views.common.screen_fit import fit_to_screen
from ui.views.economy.sheet_model import SheetTableModel
from ui.views.economy.sheet_view import SheetTableView


def local_time(moment: datetime) -> str:
    """Stored in UTC; shown in the PC's time zone as dd-mm-åååå tt:mm."""

    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone().strftime("%d-%m-%Y %H:%M")


class VersionsDialog(QDialog):
    restore_requested = Signal(object)  # the SnapshotInfo to make current

    def __init__(self, ops: Operations, citizen_id: int, year: int,
                 rates: YearRates | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        # What the rates table offers the year: a version's norm row is the household it
        # stored under these rates (and its confirmed earlier year), as the editor shows it.
        self._rates = rates or YearRates(year)
        self._citizen_id, self._year = citizen_id, year
        self.viewer: QDialog | None = None
        self.viewer_model: SheetTableModel | None = None
        self.setWindowTitle(self.tr("Versions of the economy overview {year}").format(year=year))
        self.model = RecordTableModel([
            TableColumn(self.tr("Saved"), lambda v: local_time(v.taken_at)),
            TableColumn(self.tr("By"), lambda v: v.author),
            TableColumn(self.tr("Why"), lambda v: self._reason(v.reason)),
            TableColumn(self.tr("Lines"), lambda v: str(v.line_count)),
            TableColumn(self.tr("Income, year"), lambda v: format_dkk(v.income_year_oere)),
            TableColumn(self.tr("Expenses, year"), lambda v: format_dkk(v.expense_year_oere)),
        ], None, self)
        self.table = record_table(self.model)
        self.table.activated.connect(lambda _index: self.view_selected())
        self.empty_label = plain_label(self.tr("No versions saved yet."))
        self.view_button = QPushButton(self.tr("View"))
        self.restore_button = QPushButton(self.tr("Restore…"))
        self.view_button.clicked.connect(self.view_selected)
        self.restore_button.clicked.connect(self.restore_selected)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.view_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(buttons)
        fit_to_screen(self, QSize(760, 420))
        self.load()

    def _reason(self, code: str) -> str:
        return {"save": self.tr("Saved"), "export": self.tr("Exported"),
                "import": self.tr("Imported"), "restore": self.tr("Restored"),
                "copy": self.tr("Copied")}.get(code, code)

    def load(self) -> None:
        self._ops.run(list_snapshots, self._citizen_id, self._year, owner=self, slot="list",
                      label=self.tr("Loading versions…"), done=self._show)

    def _show(self, versions: list[SnapshotInfo]) -> None:
        self.model.set_rows(versions)
        self.empty_label.setVisible(not versions)
        if versions:
            self.table.selectRow(0)

    def view_selected(self) -> None:
        version = selected_row(self.table)
        if version is None:
            return
        self._ops.run(load_snapshot, version.id, owner=self, slot="view",
                      label=self.tr("Loading the version…"), done=self._open_viewer)

    def _open_viewer(self, content: SnapshotContent) -> None:
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Version of {saved}").format(
            saved=local_time(content.info.taken_at)))
        model = SheetTableModel(dialog)
        model.set_sheet(content.sheet, self._rates)
        self.viewer_model = model
        view = SheetTableView(model, read_only=True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(view, 1)
        layout.addWidget(close)
        fit_to_screen(dialog, QSize(1100, 520))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.viewer = dialog
        dialog.open()

    def restore_selected(self) -> None:
        version = selected_row(self.table)
        if version is None:
            return
        confirm(self, self.tr(
            "Make the version of {saved} the current overview? The versions stay in "
            "this list.").format(saved=local_time(version.taken_at)),
            lambda: self._restore(version))

    def _restore(self, version: SnapshotInfo) -> None:
        self.restore_requested.emit(version)

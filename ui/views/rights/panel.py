"""The rights panel of the Log area: export a citizen's access package, and list and
delete closed cases past the retention period (coordinators and admins)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.dates import format_date
from mentordesk.kernel.changes import Changes, Kind
from mentordesk.kernel.context import Context
from mentordesk.rights.deletion import (
    DeletionCandidate,
    DeletionResult,
    delete_citizen,
    deletion_candidates,
    retention_years,
    set_retention_years,
)
from mentordesk.services.citizens import CitizenRow, list_citizens
from ui.operations import Operations
from ui.views.common.coalesce import CoalescedReload
from ui.views.common.reload_when_shown import ReloadWhenShown
from ui.views.rights.delete_dialog import DeleteDialog
from ui.views.rights.export_action import AccessExport

Overview = tuple[list[CitizenRow], list[DeletionCandidate], int]


def rights_overview(context: Context) -> Overview:
    """The citizens to export for, the closed cases due for deletion, the retention years."""
    return (list_citizens(context), deletion_candidates(context),
            retention_years(context.database))


class RightsPanel(QWidget):
    candidates_loaded = Signal(int)
    deleted = Signal(int)  # citizen id

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self._candidates: list[DeletionCandidate] = []
        self._refresh_soon = CoalescedReload(self.refresh, self)
        self._refresh_when_shown = ReloadWhenShown(self, self._refresh_soon)
        self.dialog: DeleteDialog | None = None
        self.exporter = AccessExport(ops, self)
        self.citizen_combo = QComboBox()
        self.citizen_combo.setEditable(True)
        self.citizen_combo.setMinimumWidth(280)
        self.export_button = QPushButton(self.tr("Export access package…"))
        self.export_button.clicked.connect(self._export)
        self.export_status = QLabel()
        self.export_status.setWordWrap(True)
        self.exporter.done.connect(self.export_status.setText)
        self.exporter.failed.connect(self.export_status.setText)
        self.years_spin = QSpinBox()
        self.years_spin.setRange(1, 50)
        self.years_spin.setSuffix(self.tr(" years"))
        self.save_years_button = QPushButton(self.tr("Save"))
        self.save_years_button.clicked.connect(self._save_years)
        self.table = self._table()
        self.delete_button = QPushButton(self.tr("Delete case…"))
        self.delete_button.clicked.connect(self.open_delete_dialog)
        self.deletion_status = QLabel()
        self.deletion_status.setWordWrap(True)
        self.count_label = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self._access_box())
        layout.addWidget(self._deletion_box(), 1)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self._loaded_once = False
        ops.hub.changed.connect(self._on_changes)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        # Loaded when first seen: listing citizens is itself logged, and the Log page
        # opens on the viewer tab.
        super().showEvent(event)
        if not self._loaded_once:
            self._loaded_once = True
            self.refresh()

    def _access_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Right of access"))
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Citizen")))
        row.addWidget(self.citizen_combo, 1)
        row.addWidget(self.export_button)
        layout = QVBoxLayout(box)
        layout.addLayout(row)
        layout.addWidget(self.export_status)
        return box

    def _deletion_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Closed cases to delete"))
        settings = QHBoxLayout()
        settings.addWidget(QLabel(self.tr("Closed cases are kept for")))
        settings.addWidget(self.years_spin)
        settings.addWidget(self.save_years_button)
        settings.addStretch(1)
        settings.addWidget(self.delete_button)
        layout = QVBoxLayout(box)
        layout.addLayout(settings)
        layout.addWidget(self.count_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.deletion_status)
        return box

    def _table(self) -> QTableWidget:
        table = QTableWidget(0, 3)
        table.setHorizontalHeaderLabels([self.tr("Citizen"), self.tr("Closed"),
                                         self.tr("To be deleted since")])
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        return table

    # -- loading ------------------------------------------------------------------------

    def refresh(self) -> None:
        self._ops.run(rights_overview, owner=self, slot="load", label=self.tr("Loading…"),
                      done=self._show)

    def _on_changes(self, changes: Changes) -> None:
        # Only once shown, and again only when shown: listing citizens is itself logged.
        if self._loaded_once and changes.touches(Kind.CITIZEN, Kind.SETTINGS):
            self._refresh_when_shown()

    def _show(self, loaded: Overview) -> None:
        citizens, candidates, years = loaded
        self.citizen_combo.clear()
        for row in citizens:
            label = row.alias if row.is_anonymous or not row.name else row.name
            self.citizen_combo.addItem(f"{label} (nr. {row.id})", row.id)
        self.years_spin.setValue(years)
        self._candidates = candidates
        self.table.setRowCount(len(candidates))
        for number, candidate in enumerate(candidates):
            for column, text in enumerate((candidate.label, format_date(candidate.closed_on),
                                           format_date(candidate.due_since))):
                self.table.setItem(number, column, QTableWidgetItem(text))
        self.count_label.setText(self.tr("{count} closed cases are past the retention "
                                             "period.").format(count=len(candidates)))
        self._update_buttons()
        self.candidates_loaded.emit(len(candidates))

    def _update_buttons(self) -> None:
        self.delete_button.setEnabled(self.selected_candidate() is not None)
        self.export_button.setEnabled(self.citizen_combo.count() > 0)

    def selected_candidate(self) -> DeletionCandidate | None:
        rows = self.table.selectionModel().selectedRows()
        return self._candidates[rows[0].row()] if rows else None

    # -- actions ------------------------------------------------------------------------

    def _export(self) -> None:
        citizen_id = self.citizen_combo.currentData()
        if citizen_id is not None:
            self.exporter.choose(int(citizen_id))

    def _save_years(self) -> None:
        self._ops.run(set_retention_years, self.years_spin.value(), owner=self, slot="years",
                      label=self.tr("Saving…"), done=lambda _none: self._refresh_soon())

    def open_delete_dialog(self) -> None:
        candidate = self.selected_candidate()
        if candidate is None:
            return
        dialog = DeleteDialog(candidate, self)
        dialog.confirmed.connect(lambda typed: self._delete(dialog, candidate, typed))
        dialog.finished.connect(lambda _result: self._forget(dialog))
        self.dialog = dialog
        dialog.open()

    def _delete(self, dialog: DeleteDialog, candidate: DeletionCandidate, typed: str) -> None:
        dialog.delete_button.setEnabled(False)
        self._ops.run(delete_citizen, candidate.citizen_id, typed, owner=dialog, slot="delete",
                      label=self.tr("Deleting the case…"),
                      done=lambda result: self._deleted(dialog, result),
                      failed=dialog.show_error)

    def _deleted(self, dialog: DeleteDialog, result: DeletionResult) -> None:
        dialog.accept()
        self.deletion_status.setText(self.tr(
            "The case was deleted ({rows} rows) on {day}.").format(
            rows=result.rows_deleted, day=format_date(date.today())))
        self.deleted.emit(result.citizen_id)
        self._refresh_soon()

    def _forget(self, dialog: DeleteDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

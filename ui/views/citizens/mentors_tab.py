"""The "Mentorer" tab of a citizen's record: the primary mentor and the substitutes, each
with a period. Coordinators and admins assign, change periods and delete mistakes; a
mentor sees the list only.

The rows come with the record (``set_rows``); after a save the record reads them again,
as it does when the hub announces a change of this citizen's assignments."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.dates import format_date
from mentordesk.services.assignments import (
    PRIMARY,
    SUBSTITUTE,
    AssignmentRow,
    assign_mentor,
    change_assignment_period,
    remove_assignment,
)
from mentordesk.services.team import TeamMember, list_users
from ui.operations import Operations
from ui.views.citizens.assignment_dialog import AssignmentDialog
from ui.views.common.keys import shortcut
from ui.views.common.visibility import hidden_unless

_PAST_COLOUR = QColor("#6b6b6b")


class MentorsTab(QWidget):
    changed = Signal(list)  # the assignments now shown
    saved = Signal()  # an assignment was made, changed or deleted: read the record again

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self._citizen_id: int | None = None
        self._closed = False
        self._rows: list[AssignmentRow] = []
        self.dialog: AssignmentDialog | None = None
        self.confirm_box: QMessageBox | None = None
        self.table = self._table()
        self.primary_button = QPushButton(self.tr("New primary mentor…"))
        self.substitute_button = QPushButton(self.tr("Add substitute…"))
        self.period_button = QPushButton(self.tr("Change period…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.primary_button.clicked.connect(lambda: self.open_dialog(PRIMARY))
        self.substitute_button.clicked.connect(lambda: self.open_dialog(SUBSTITUTE))
        self.period_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.ask_delete)
        self.info_label = QLabel()
        self.info_label.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.primary_button, self.substitute_button, self.period_button,
                       self.delete_button):
            buttons.addWidget(button)
            hidden_unless(self._may_assign(), button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.info_label)
        layout.addLayout(buttons)
        shortcut(Qt.Key.Key_Delete, self.table, self.ask_delete,
                 Qt.ShortcutContext.WidgetShortcut)
        self._update_buttons()

    def _may_assign(self) -> bool:
        return self._ops.actor.sees_all_citizens

    def _table(self) -> QTableWidget:
        table = QTableWidget(0, 4)
        table.setHorizontalHeaderLabels([self.tr("Mentor"), self.tr("Role"), self.tr("From"),
                                         self.tr("To")])
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.doubleClicked.connect(lambda _index: self.edit_selected())
        table.itemSelectionChanged.connect(self._update_buttons)
        return table

    # -- rows -------------------------------------------------------------------------

    def set_rows(self, citizen_id: int | None, rows: Sequence[AssignmentRow],
                 closed: bool = False) -> None:
        self._citizen_id = citizen_id
        self._closed = closed
        today = date.today()
        # Current first (primary before substitutes), then coming, then past periods.
        self._rows = sorted(rows, key=lambda row: (
            0 if row.is_current(today) else 1 if row.start_on > today else 2,
            row.kind != PRIMARY, -row.start_on.toordinal()))
        self.table.setRowCount(len(self._rows))
        for number, row in enumerate(self._rows):
            self._fill_row(number, row, today)
        self._update_buttons()
        self.changed.emit(self._rows)

    def _fill_row(self, number: int, row: AssignmentRow, today: date) -> None:
        texts = (row.mentor_name, row.kind_label, format_date(row.start_on),
                 format_date(row.end_on) if row.end_on else self.tr("ongoing"))
        current = row.is_current(today)
        for column, text in enumerate(texts):
            item = QTableWidgetItem(text)
            if current:
                font = QFont()
                font.setBold(True)
                item.setFont(font)
            elif row.end_on is not None and row.end_on < today:
                item.setForeground(QBrush(_PAST_COLOUR))
            self.table.setItem(number, column, item)

    def current_names(self, kind: str) -> list[str]:
        today = date.today()
        return [row.mentor_name for row in self._rows
                if row.kind == kind and row.is_current(today)]

    def selected_row(self) -> AssignmentRow | None:
        selected = self.table.selectionModel().selectedRows()
        return self._rows[selected[0].row()] if selected else None

    def _update_buttons(self) -> None:
        open_case = self._citizen_id is not None and not self._closed
        chosen = self.selected_row() is not None
        self.primary_button.setEnabled(open_case)
        self.substitute_button.setEnabled(open_case)
        self.period_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)
        if not self._may_assign():
            self.info_label.setText(self.tr("Only a coordinator can assign mentors."))
        elif self._closed:
            self.info_label.setText(self.tr("The case is closed. Reopen it to assign "
                                            "mentors."))
        else:
            self.info_label.setText(self.tr("A new primary mentor ends the current one the "
                                            "day before."))

    # -- assigning --------------------------------------------------------------------

    def open_dialog(self, kind: str, row: AssignmentRow | None = None) -> None:
        if self._citizen_id is None or not self._may_assign():
            return
        self._ops.run(list_users, owner=self, slot="users", label=self.tr("Loading…"),
                      active_only=True,
                      done=lambda members: self._show_dialog(kind, row, members))

    def _show_dialog(self, kind: str, row: AssignmentRow | None,
                     members: list[TeamMember]) -> None:
        dialog = AssignmentDialog(kind, [(m.id, m.full_name) for m in members], row, self)
        dialog.submitted.connect(lambda values: self._save(dialog, kind, row, values))
        dialog.finished.connect(lambda _result: self._forget(dialog))
        self.dialog = dialog
        dialog.open()

    def edit_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.open_dialog(row.kind, row)

    def _save(self, dialog: AssignmentDialog, kind: str, row: AssignmentRow | None,
              values: dict) -> None:
        period = (values["start_on"], values["end_on"])
        request = ((assign_mentor, self._citizen_id, values["user_id"], kind, *period)
                   if row is None else (change_assignment_period, row.id, row.version, *period))
        operation, *args = request
        self._ops.run(operation, *args, owner=dialog, slot="save", label=self.tr("Saving…"),
                      done=lambda _result: self._saved(dialog), failed=dialog.show_error)

    def _saved(self, dialog: AssignmentDialog) -> None:
        dialog.accept()
        self.saved.emit()

    def _forget(self, dialog: AssignmentDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def ask_delete(self) -> None:
        row = self.selected_row()
        if row is None or not self._may_assign():
            return
        box = QMessageBox(
            QMessageBox.Icon.Question, self.tr("Delete assignment"),
            self.tr("Delete the assignment of {name}? Use Change period to end an assignment "
                    "that really took place.").format(name=row.mentor_name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.finished.connect(lambda _result: self._delete_if_confirmed(box, row))
        self.confirm_box = box
        box.open()

    def _delete_if_confirmed(self, box: QMessageBox, row: AssignmentRow) -> None:
        self.confirm_box = None
        box.deleteLater()
        if box.clickedButton() is not box.button(QMessageBox.StandardButton.Yes):
            return
        self._ops.run(remove_assignment, row.id, owner=self, slot="delete",
                      label=self.tr("Deleting…"), done=lambda _result: self.saved.emit())

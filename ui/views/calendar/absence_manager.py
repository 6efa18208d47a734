"""Fravær: the list of absences (current and upcoming first, then the past year), per
mentor or for the team, with new / edit / delete.

A mentor sees and manages only their own absences; a coordinator everyone's. Deleting
asks first; a stale edit or delete is refused by the core (version check) and the list
reloads so the user sees what changed. The list also reloads when the change hub reports
a changed schedule (absences are part of it), whoever changed it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mentordesk.kernel.changes import Changes, Kind
from mentordesk.schedule.absence import AbsenceRow, absences_to_manage, delete_absence
from ui.operations import Operations
from ui.views.calendar.absence_dialog import AbsenceDialog

ALL = -1  # the mentor filter's "whole team" entry


class AbsenceManagerDialog(QDialog):
    loaded = Signal()  # tests listen

    def __init__(self, ops: Operations, *, citizens: list[tuple[int, str]],
                 mentors: list[tuple[int, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self._citizens = citizens
        self._mentors = mentors
        self.rows: list[AbsenceRow] = []
        self.editor: AbsenceDialog | None = None  # the open edit dialog (tests reach it)
        self.question: QMessageBox | None = None
        self.setWindowTitle(self.tr("Absence"))
        self.mentor_combo = QComboBox()
        if ops.actor.sees_all_citizens:
            self.mentor_combo.addItem(self.tr("Whole team"), ALL)
            for mentor_id, name in mentors:
                self.mentor_combo.addItem(name, mentor_id)
        else:
            self.mentor_combo.addItem(ops.actor.full_name, ops.actor.user_id)
        self.mentor_combo.currentIndexChanged.connect(lambda _index: self.reload())
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([
            self.tr("Mentor"), self.tr("Kind"), self.tr("Period"), self.tr("Substitutes"),
            self.tr("Note")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)  # the note
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.new_button = QPushButton(self.tr("New absence…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.new_button.clicked.connect(self.new_absence)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.message_label = QLabel()
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setWordWrap(True)
        hint = QLabel(self.tr("Current and upcoming absences first, then the past year's."))
        hint.setObjectName("hintLabel")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show:")))
        top.addWidget(self.mentor_combo, 1)
        for button in (self.new_button, self.edit_button, self.delete_button):
            top.addWidget(button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        layout.addWidget(self.message_label)
        layout.addWidget(buttons)
        self.resize(820, 460)
        self._update_buttons()
        ops.hub.changed.connect(self._on_changes)
        self.reload()

    # -- list -------------------------------------------------------------------------

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(Kind.SCHEDULE):
            self.reload()

    def reload(self) -> None:
        chosen = self.mentor_combo.currentData()
        self._ops.run(absences_to_manage, user_id=None if chosen == ALL else chosen,
                      owner=self, slot="list", label=self.tr("Loading absences…"),
                      done=self._show)

    def _show(self, rows: list[AbsenceRow]) -> None:
        selected = self.selected()
        self.rows = rows
        names = dict(self._mentors)
        citizens = dict(self._citizens)
        self.table.setRowCount(len(rows))
        for line, row in enumerate(rows):
            covers = ", ".join(
                f"{citizens.get(citizen, self.tr('Citizen {number}').format(number=citizen))}"
                f" → {names.get(substitute, '?')}" for citizen, substitute in row.covers)
            for column, text in enumerate((row.user_name, row.kind_label, row.period_label,
                                           covers, row.note.replace("\n", " "))):
                self.table.setItem(line, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        if selected is not None:
            self.select(selected.id)
        self._update_buttons()
        self.loaded.emit()

    def selected(self) -> AbsenceRow | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() \
            else []
        return self.rows[rows[0].row()] if rows and rows[0].row() < len(self.rows) else None

    def select(self, absence_id: int) -> None:
        for line, row in enumerate(self.rows):
            if row.id == absence_id:
                self.table.selectRow(line)
                return

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    # -- actions ----------------------------------------------------------------------

    def new_absence(self) -> AbsenceDialog:
        return self._open_editor(None)

    def edit_selected(self) -> AbsenceDialog | None:
        row = self.selected()
        return self._open_editor(row) if row is not None else None

    def _open_editor(self, row: AbsenceRow | None) -> AbsenceDialog:
        dialog = AbsenceDialog(self._ops, citizens=self._citizens, mentors=self._mentors,
                               existing=row, parent=self)
        dialog.saved.connect(lambda _result: self.message_label.setText(
            self.tr("The absence is saved.")))
        self.editor = dialog
        dialog.open()
        return dialog

    def delete_selected(self) -> QMessageBox | None:
        row = self.selected()
        if row is None:
            return None
        text = self.tr("Delete {who}'s absence ({kind}, {period})?").format(
            who=row.user_name, kind=row.kind_label.lower(), period=row.period_label)
        if row.covers:
            text += "\n" + self.tr("The substitutes no longer see the citizens they cover.")
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Delete absence"), text,
                          QMessageBox.StandardButton.Cancel, self)
        delete = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        box.buttonClicked.connect(lambda button: self._delete(row)
                                  if button is delete else None)
        self.question = box
        box.open()
        return box

    def _delete(self, row: AbsenceRow) -> None:
        self._ops.run(delete_absence, row.id, row.version, owner=self, slot="delete",
                      label=self.tr("Deleting…"),
                      done=lambda _result: self.message_label.setText(
                          self.tr("The absence is deleted.")),
                      failed=self._failed)

    def _failed(self, message: str) -> None:
        self.message_label.setText(message)
        self.reload()  # show what the other user saved

"""The citizen's relatives and network (*pårørende og netværk*) inside the "Oversigt" tab:
a table, and a dialog to add or edit a person. Each change is saved at once (it is its own
row, with its own version), then the list is read again."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mentordesk.kernel.context import Context
from mentordesk.services.network import (
    COMMON_RELATIONS,
    RELATIVE_LABELS,
    RelativeInput,
    RelativeRow,
    add_relative,
    relatives_for_citizen,
    remove_relative,
    update_relative,
)
from ui.tasks import TaskContext, TaskRunner
from ui.views.citizens.conflict_save import ConflictAwareSave
from ui.workspace import Workspace


class RelativeDialog(QDialog):
    """Add or edit one person; ``submitted`` carries the values, the panel saves them."""

    submitted = Signal(dict)

    def __init__(self, row: RelativeRow | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit person") if row else self.tr("Add person"))
        self.name_edit = QLineEdit(row.name if row else "")
        self.relation_combo = QComboBox()
        self.relation_combo.setEditable(True)
        self.relation_combo.addItems(COMMON_RELATIONS)
        self.relation_combo.setCurrentText(row.relation if row else "")
        self.phone_edit = QLineEdit(row.phone if row else "")
        self.note_edit = QPlainTextEdit(row.note if row else "")
        self.note_edit.setTabChangesFocus(True)
        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        buttons.accepted.connect(lambda: self.submitted.emit(self.values()))
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.name_edit)
        form.addRow(self.tr("Relation:"), self.relation_combo)
        form.addRow(self.tr("Phone:"), self.phone_edit)
        form.addRow(self.tr("Note:"), self.note_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    def values(self) -> dict[str, str]:
        return {"name": self.name_edit.text(), "relation": self.relation_combo.currentText(),
                "phone": self.phone_edit.text(), "note": self.note_edit.toPlainText()}

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)


class RelativesPanel(QGroupBox):
    def __init__(self, workspace: Workspace, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Relatives and network"))
        self._workspace = workspace
        self._runner = runner
        self._citizen_id: int | None = None
        self._rows: list[RelativeRow] = []
        self.dialog: RelativeDialog | None = None
        self.confirm_box: QMessageBox | None = None
        self.table = self._table()
        self.add_button = QPushButton(self.tr("Add…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.add_button.clicked.connect(lambda: self.open_dialog(None))
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button.clicked.connect(self.ask_remove)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        delete = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table, self.ask_remove)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        self._update_buttons()

    def _table(self) -> QTableWidget:
        table = QTableWidget(0, 4)
        table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Relation"), self.tr("Phone"),
                                         self.tr("Note")])
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.horizontalHeader().setStretchLastSection(True)
        table.setMinimumHeight(120)
        table.doubleClicked.connect(lambda _index: self.edit_selected())
        table.itemSelectionChanged.connect(self._update_buttons)
        return table

    # -- rows -------------------------------------------------------------------------

    def set_rows(self, citizen_id: int | None, rows: Sequence[RelativeRow]) -> None:
        self._citizen_id = citizen_id
        self._rows = list(rows)
        self.table.setRowCount(len(self._rows))
        for number, row in enumerate(self._rows):
            # Items show text as typed: "<b>" is never rendered as markup.
            note = row.note.splitlines()[0] if row.note else ""
            for column, text in enumerate((row.name, row.relation, row.phone, note)):
                item = QTableWidgetItem(text)
                item.setToolTip(row.note if column == 3 else "")
                self.table.setItem(number, column, item)
        self._update_buttons()

    def names(self) -> list[str]:
        return [row.name for row in self._rows]

    def selected_row(self) -> RelativeRow | None:
        selected = self.table.selectionModel().selectedRows()
        return self._rows[selected[0].row()] if selected else None

    def _update_buttons(self) -> None:
        self.add_button.setEnabled(self._citizen_id is not None)
        chosen = self.selected_row() is not None
        self.edit_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    def reload(self) -> None:
        citizen_id = self._citizen_id
        if citizen_id is None:
            return
        database, actor = self._workspace.database, self._workspace.actor

        def job(_context: TaskContext) -> list[RelativeRow]:
            return relatives_for_citizen(Context(database, actor), citizen_id)

        task = self._runner.submit(job, label=self.tr("Loading…"), parent=self)
        task.succeeded.connect(lambda rows: self._reloaded(citizen_id, rows))

    def _reloaded(self, citizen_id: int, rows: list[RelativeRow]) -> None:
        if citizen_id == self._citizen_id:
            self.set_rows(citizen_id, rows)

    # -- add, edit, remove ------------------------------------------------------------

    def edit_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.open_dialog(row)

    def open_dialog(self, row: RelativeRow | None) -> None:
        if self._citizen_id is None:
            return
        dialog = RelativeDialog(row, self)
        saver = ConflictAwareSave(self._runner, dialog, RELATIVE_LABELS)
        saver.saved.connect(lambda _result: self._saved(dialog))
        saver.failed.connect(dialog.show_error)
        dialog.submitted.connect(lambda values: self._save(saver, dialog, row, values))
        dialog.finished.connect(lambda _result: self._forget(dialog))
        self.dialog = dialog
        dialog.open()

    def _save(self, saver: ConflictAwareSave, dialog: RelativeDialog, row: RelativeRow | None,
              values: dict[str, str]) -> None:
        database, actor, citizen_id = (self._workspace.database, self._workspace.actor,
                                       self._citizen_id)
        if row is None:
            def job(_context: TaskContext) -> int:
                return add_relative(Context(database, actor), citizen_id, RelativeInput(**values))

            task = self._runner.submit(job, label=self.tr("Saving…"), report_errors=False,
                                       parent=dialog)
            task.succeeded.connect(lambda _id: self._saved(dialog))
            task.failed.connect(lambda message, _details: dialog.show_error(message))
            return
        changes = {field: value for field, value in values.items()
                   if value != row.editable()[field]}
        saver.submit(lambda version, new, original: update_relative(
            Context(database, actor), row.id, version, new, original), row.version, changes,
            row.editable())

    def _saved(self, dialog: RelativeDialog) -> None:
        dialog.accept()
        self.reload()

    def _forget(self, dialog: RelativeDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def ask_remove(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Remove person"),
                          self.tr("Remove {name} from the citizen's network?").format(
                              name=row.name),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.finished.connect(lambda _result: self._remove_if_confirmed(box, row))
        self.confirm_box = box
        box.open()

    def _remove_if_confirmed(self, box: QMessageBox, row: RelativeRow) -> None:
        self.confirm_box = None
        box.deleteLater()
        if box.clickedButton() is not box.button(QMessageBox.StandardButton.Yes):
            return
        database, actor = self._workspace.database, self._workspace.actor

        def job(_context: TaskContext) -> None:
            remove_relative(Context(database, actor), row.id)

        task = self._runner.submit(job, label=self.tr("Removing…"), parent=self)
        task.succeeded.connect(lambda _result: self.reload())

"""What the debts and the one-off benefits share: a dialog for one of a citizen's records
(saved through a create and an update service, checked against the version loaded) and a
tab that opens it for a new or the chosen row and deletes after a question.

Text shown to the user stays in the subclasses (their own translation context); this
module holds only the mechanics.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMessageBox, QPlainTextEdit, QTableView, QWidget

from mentordesk.domain.dates import format_date
from mentordesk.domain.money import format_dkk
from ui.tasks import TaskRunner
from ui.views.common.form_fields import confirm
from ui.views.common.record_dialog import RecordDialog, SaveJob
from ui.views.common.record_table import selected_row
from ui.workspace import Workspace

NOTE_HEIGHT = 60


def note_editor() -> QPlainTextEdit:
    """A short note field where Tab moves on, as in the rest of the form."""
    editor = QPlainTextEdit()
    editor.setTabChangesFocus(True)
    editor.setFixedHeight(NOTE_HEIGHT)
    return editor


class CitizenRecordDialog(RecordDialog):
    """Subclasses set ``input_type`` (the core's input dataclass), ``create_service``
    ``(database, actor, citizen_id, input)``, ``update_service``
    ``(database, actor, id, version, changes, original)`` and ``money_fields``."""

    input_type: type
    create_service: Callable[..., Any]
    update_service: Callable[..., Any]
    money_fields: tuple[str, ...] = ()

    def __init__(self, runner: TaskRunner, workspace: Workspace, citizen_id: int,
                 row: Any | None, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self._workspace, self._citizen_id, self._row = workspace, citizen_id, row

    def create_job(self, values: dict[str, Any]) -> SaveJob:
        database, actor, citizen_id = (self._workspace.database, self._workspace.actor,
                                       self._citizen_id)
        create, make_input = type(self).create_service, self.input_type
        # The input is built on the worker too: its checks raise the core's messages.
        return lambda: create(database, actor, citizen_id, make_input(**values))

    def update_job(self, version: int, changes: dict[str, Any],
                   original: dict[str, Any]) -> SaveJob:
        assert self._row is not None
        database, actor, row_id = (self._workspace.database, self._workspace.actor,
                                   self._row.id)
        update = type(self).update_service
        return lambda: update(database, actor, row_id, version, changes, original)

    def text_fields(self) -> frozenset[str]:
        return frozenset({"note"})

    def shown(self, field: str, value: object) -> str:
        if value is None:
            return ""
        special = self.shown_special(field, value)
        if special is not None:
            return special
        if field in self.money_fields and isinstance(value, int):
            return format_dkk(value)
        if isinstance(value, date):
            return format_date(value)
        return str(value)

    def shown_special(self, field: str, value: object) -> str | None:
        """A field this record shows its own way (a code as its label); None: the usual."""
        return None


class CitizenRecordsTab(QWidget):
    """Subclasses build ``self.table`` and give ``make_dialog``, ``delete_job`` and
    ``delete_question``; ``deleting_label`` is the busy text while deleting."""

    changed = Signal()  # a record was saved or deleted

    def __init__(self, workspace: Workspace, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace, self._runner = workspace, runner
        self.citizen_id: int | None = None
        self.dialog: RecordDialog | None = None
        self.confirm_box: QMessageBox | None = None  # the delete question while it is open
        self.table: QTableView

    def make_dialog(self, citizen_id: int, row: Any | None) -> RecordDialog:
        raise NotImplementedError

    def delete_job(self, row: Any) -> Callable[[], object]:
        raise NotImplementedError

    def delete_question(self, row: Any) -> str:
        raise NotImplementedError

    def deleting_label(self) -> str:
        raise NotImplementedError

    def new_record(self) -> None:
        if self.citizen_id is not None:
            self._open(self.make_dialog(self.citizen_id, None))

    def edit_selected(self) -> None:
        row = selected_row(self.table)
        if row is not None and self.citizen_id is not None:
            self._open(self.make_dialog(self.citizen_id, row))

    def delete_selected(self) -> None:
        row = selected_row(self.table)
        if row is None:
            return
        job = self.delete_job(row)

        def delete() -> None:
            task = self._runner.submit(lambda _context: job(), label=self.deleting_label(),
                                       parent=self)
            task.succeeded.connect(lambda _result: self.changed.emit())

        self.confirm_box = confirm(self, self.delete_question(row), delete)

    def _open(self, dialog: RecordDialog) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()  # kept until now: a save under way finds it alive
        self.dialog = dialog
        dialog.saved.connect(lambda _row: self.changed.emit())
        dialog.open()

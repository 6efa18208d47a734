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

from PySide6.QtWidgets import QMessageBox, QPlainTextEdit, QTableView, QWidget

from mentordesk.domain.dates import format_date
from mentordesk.domain.money import format_dkk
from mentordesk.kernel.context import Context
from ui.operations import Operations
from ui.views.common.form_fields import confirm
from ui.views.common.record_dialog import RecordDialog, SaveJob
from ui.views.common.record_table import selected_row

NOTE_HEIGHT = 60


def note_editor() -> QPlainTextEdit:
    """A short note field where Tab moves on, as in the rest of the form."""
    editor = QPlainTextEdit()
    editor.setTabChangesFocus(True)
    editor.setFixedHeight(NOTE_HEIGHT)
    return editor


class CitizenRecordDialog(RecordDialog):
    """Subclasses set ``input_type`` (the core's input dataclass), ``create_service``
    ``(context, citizen_id, input)``, ``update_service``
    ``(context, id, version, changes, original)`` and ``money_fields``."""

    input_type: type
    create_service: Callable[..., Any]
    update_service: Callable[..., Any]
    money_fields: tuple[str, ...] = ()

    def __init__(self, ops: Operations, citizen_id: int, row: Any | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
        self._citizen_id, self._row = citizen_id, row

    def create_job(self, values: dict[str, Any]) -> SaveJob:
        citizen_id = self._citizen_id
        create, make_input = type(self).create_service, self.input_type
        # The input is built on the worker too: its checks raise the core's messages.
        return lambda context: create(context, citizen_id, make_input(**values))

    def update_job(self, version: int, changes: dict[str, Any],
                   original: dict[str, Any]) -> SaveJob:
        assert self._row is not None
        row_id, update = self._row.id, type(self).update_service
        return lambda context: update(context, row_id, version, changes, original)

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
    """Subclasses build ``self.table``, set ``delete_service`` ``(context, id, version)``
    and give ``make_dialog`` and ``delete_question``; ``deleting_label`` is the busy text
    while deleting. A saved or deleted record comes back through the change hub: the
    editor reads the economy again."""

    delete_service: Callable[[Context, int, int], object]

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self.citizen_id: int | None = None
        self.dialog: RecordDialog | None = None
        self.confirm_box: QMessageBox | None = None  # the delete question while it is open
        self.table: QTableView

    def make_dialog(self, citizen_id: int, row: Any | None) -> RecordDialog:
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
        delete = type(self).delete_service

        def confirmed() -> None:
            self._ops.run(delete, row.id, row.version, owner=self,
                          label=self.deleting_label())

        self.confirm_box = confirm(self, self.delete_question(row), confirmed)

    def _open(self, dialog: RecordDialog) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()  # kept until now: a save under way finds it alive
        self.dialog = dialog
        dialog.open()

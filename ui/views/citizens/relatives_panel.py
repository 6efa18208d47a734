"""The citizen's relatives and network (*pårørende og netværk*) inside the "Oversigt" tab:
a table, and a dialog to add or edit a person. Each change is saved at once (it is its own
row, with its own version); the list is read again when the hub announces it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from mentordesk.kernel.changes import Kind
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
from ui.operations import Operations
from ui.views.common.record_dialog import RecordDialog, SaveJob
from ui.views.common.record_list import CitizenRecordList, Request
from ui.views.common.record_table import RowLook, TableColumn, height_for_rows


class RelativeDialog(RecordDialog):
    """Add or edit one person of the citizen's network."""

    def __init__(self, ops: Operations, citizen_id: int, row: RelativeRow | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
        self._citizen_id = citizen_id
        self._row = row
        self.setWindowTitle(self.tr("Edit person") if row else self.tr("Add person"))
        self.name_edit = QLineEdit(row.name if row else "")
        self.relation_combo = QComboBox()
        self.relation_combo.setEditable(True)
        self.relation_combo.addItems(COMMON_RELATIONS)
        self.relation_combo.setCurrentText(row.relation if row else "")
        self.phone_edit = QLineEdit(row.phone if row else "")
        self.note_edit = QPlainTextEdit(row.note if row else "")
        self.note_edit.setTabChangesFocus(True)
        self.form.addRow(self.tr("Name:"), self.name_edit)
        self.form.addRow(self.tr("Relation:"), self.relation_combo)
        self.form.addRow(self.tr("Phone:"), self.phone_edit)
        self.form.addRow(self.tr("Note:"), self.note_edit)
        if row is not None:
            self.edit(row.version, row.editable())

    def collect(self) -> dict[str, Any]:
        return {"name": self.name_edit.text(), "relation": self.relation_combo.currentText(),
                "phone": self.phone_edit.text(), "note": self.note_edit.toPlainText()}

    def create_job(self, values: dict[str, Any]) -> SaveJob:
        citizen_id = self._citizen_id
        return lambda context: add_relative(context, citizen_id, RelativeInput(**values))

    def update_job(self, version: int, changes: dict[str, Any],
                   original: dict[str, Any]) -> SaveJob:
        assert self._row is not None
        relative_id = self._row.id
        return lambda context: update_relative(context, relative_id, version, changes, original)

    def field_labels(self) -> dict[str, str]:
        return RELATIVE_LABELS

    def text_fields(self) -> frozenset[str]:
        return frozenset(RELATIVE_LABELS)  # all free text: both versions are kept to merge


class RelativesPanel(CitizenRecordList):
    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(
            ops, self._columns(), look=_note_tooltip, kinds=(Kind.NETWORK,),
            new_text=self.tr("Add…"),
            edit_text=self.tr("Edit…"), remove_text=self.tr("Remove"), parent=parent)
        # Inside the scrolled case form: five relatives without a second scroll bar.
        self.table.setMinimumHeight(height_for_rows(self.table, 5))
        self.update_buttons()

    def _columns(self) -> list[TableColumn]:
        return [
            TableColumn(self.tr("Name"), lambda row: row.name),
            TableColumn(self.tr("Relation"), lambda row: row.relation),
            TableColumn(self.tr("Phone"), lambda row: row.phone),
            # The first line in the cell; the whole note is in the record's dialog.
            TableColumn(self.tr("Note"),
                        lambda row: row.note.splitlines()[0] if row.note else ""),
        ]

    def show_rows(self, citizen_id: int | None, rows: Sequence[RelativeRow]) -> None:
        """The rows the record has just read: shown without reading them again."""
        self.citizen_id = citizen_id
        self.set_rows(rows)

    def names(self) -> list[str]:
        return [row.name for row in self.rows()]

    # -- the list's questions ---------------------------------------------------------

    def load_request(self) -> Request | None:
        return None if self.citizen_id is None else (relatives_for_citizen, self.citizen_id)

    def make_dialog(self, row: RelativeRow | None) -> RecordDialog | None:
        if self.citizen_id is None:
            return None
        return RelativeDialog(self._ops, self.citizen_id, row, self)

    def remove_request(self, row: RelativeRow) -> Request:
        return (remove_relative, row.id)

    def remove_question(self, row: RelativeRow) -> str:
        return self.tr("Remove {name} from the citizen's network?").format(name=row.name)


def _note_tooltip(row: RelativeRow) -> RowLook | None:
    return RowLook(tooltip=row.note) if row.note else None

"""The base of every edit dialog in grants, consents, partners and the catalogues.

It owns the behaviour users rely on being the same everywhere: Enter or Ctrl+S saves,
Esc cancels, errors appear inline under the form (the core's Danish sentence), saving
runs through ``ops`` on the worker thread (what it changed reaches the hub), and a stale
save opens the conflict dialog instead of overwriting someone else's work.

A subclass's ``create_job`` / ``update_job`` return an operation of the context only,
e.g. ``lambda context: create_grant(context, citizen_id, GrantInput(**values))``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mentordesk.kernel.context import Context
from mentordesk.kernel.editing import EditConflict, FieldConflict
from ui.operations import Operations
from ui.tasks import Task
from ui.views.common.conflict_dialog import ConflictDialog

SaveJob = Callable[[Context], object]


class _Shown:
    """A non-text value with the text the conflict dialog shows for it ("01-02-2026"
    rather than ``datetime.date(2026, 2, 1)``); unwrapped again before saving."""

    def __init__(self, value: object, text: str) -> None:
        self.value = value
        self.text = text

    def __str__(self) -> str:
        return self.text


class RecordDialog(QDialog):
    """Subclasses build ``self.form`` and implement ``collect`` and the two jobs."""

    saved = Signal(object)  # what the service returned

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self.version: int | None = None
        self.original: dict[str, Any] | None = None  # None: a new record
        self.conflict_dialog: ConflictDialog | None = None
        self.form = QFormLayout()
        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setWordWrap(True)
        self.error_label.setVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        # Enter must always mean Save: no other button may become the default by focus
        # (Qt's autoDefault), or Enter would silently cancel and drop the user's input.
        for button in self.buttons.buttons():
            if isinstance(button, QPushButton):  # a standard button always is one
                button.setAutoDefault(False)
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+S"), self, self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        self.extra_layout = QVBoxLayout()
        layout.addLayout(self.extra_layout)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    # -- for subclasses ---------------------------------------------------------------

    def edit(self, version: int, original: Mapping[str, Any]) -> None:
        """Edit an existing record loaded at ``version`` with these field values."""
        self.version = version
        self.original = dict(original)

    def collect(self) -> dict[str, Any]:
        """The form's values by service field name; ``ValueError`` for bad input."""
        raise NotImplementedError

    def create_job(self, values: dict[str, Any]) -> SaveJob:
        raise NotImplementedError

    def update_job(self, version: int, changes: dict[str, Any],
                   original: dict[str, Any]) -> SaveJob:
        raise NotImplementedError

    def field_labels(self) -> dict[str, str]:
        """Field name → the label the conflict dialog shows."""
        return {}

    def text_fields(self) -> frozenset[str]:
        """Multi-line text fields: the conflict dialog keeps both texts by default.
        Every other field is a choice between mine and theirs."""
        return frozenset()

    def shown(self, field: str, value: object) -> str:
        """How a non-text value reads in the conflict dialog."""
        return "" if value is None else str(value)

    # -- saving -----------------------------------------------------------------------

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))

    def save(self) -> None:
        if not self.save_button.isEnabled():
            return  # a save is already on its way
        try:
            values = self.collect()
        except ValueError as error:
            self.show_error(str(error))
            return
        if self.original is None:
            self._submit(self.create_job(values))
            return
        changes = {field: value for field, value in values.items()
                   if self.original.get(field) != value}
        if not changes:
            self.accept()  # nothing changed: nothing to save or audit
            return
        assert self.version is not None
        self._submit(self.update_job(self.version, changes, self.original))

    def _submit(self, job: SaveJob) -> None:
        self.show_error("")
        self.save_button.setEnabled(False)
        task: Task = self._ops.run(job, owner=self, slot="save", label=self.tr("Saving…"),
                                   done=self._on_saved,
                                   failed=lambda message: self._on_failed(task, message))

    def _on_saved(self, result: object) -> None:
        self.save_button.setEnabled(True)
        self.saved.emit(result)
        self.accept()

    def _on_failed(self, task: Task, message: str) -> None:
        self.save_button.setEnabled(True)
        error = task.error
        if isinstance(error, EditConflict) and self.original is not None:
            self._resolve(error)
        else:
            self.show_error(message)

    # -- someone else saved first -----------------------------------------------------

    def _resolve(self, conflict: EditConflict) -> None:
        assert self.original is not None
        if not conflict.conflicts:
            # The other user changed other fields only: my changes apply as they are.
            self._save_resolution(conflict, {})
            return
        shown = [self._for_dialog(item) for item in conflict.conflicts]
        labels = self.field_labels()
        dialog = ConflictDialog(shown, labels, parent=self)
        dialog.accepted.connect(lambda: self._save_resolution(
            conflict, {field: value.value if isinstance(value, _Shown) else value
                       for field, value in dialog.resolved_values().items()}))
        dialog.rejected.connect(lambda: self.show_error(self.tr(
            "Not saved: someone else changed this record while you were editing. "
            "Your text is still in the form.")))
        self.conflict_dialog = dialog
        dialog.open()

    def _for_dialog(self, conflict: FieldConflict) -> FieldConflict:
        if conflict.field in self.text_fields():
            return FieldConflict(conflict.field, conflict.mine or "", conflict.theirs or "")
        return FieldConflict(conflict.field,
                             _Shown(conflict.mine, self.shown(conflict.field, conflict.mine)),
                             _Shown(conflict.theirs,
                                    self.shown(conflict.field, conflict.theirs)))

    def _save_resolution(self, conflict: EditConflict, resolved: dict[str, Any]) -> None:
        assert self.original is not None
        # What the other user saved is now what this form was based on.
        self.original = {**self.original,
                         **{item.field: item.theirs for item in conflict.conflicts}}
        self.version = conflict.current_version
        self._submit(self.update_job(conflict.current_version,
                                     {**conflict.merged, **resolved}, self.original))

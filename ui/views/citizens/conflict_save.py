"""Saving a versioned edit from a form without ever overwriting someone else's work.

``ConflictAwareSave.submit`` runs the save operation through ``ops`` (on the worker, with
the workspace's context; the changes it reports reach the hub). When the row changed
meanwhile (``EditConflict``): with no field both users changed, the changes are saved at once
against the new version; otherwise the ``ConflictDialog`` shows both sides and its
resolution is saved. Coded values (a status, a contact form) are offered as a choice
between the two labels, never merged as text.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any, NamedTuple

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from mentordesk.domain.dates import format_date
from mentordesk.kernel.context import Context
from mentordesk.kernel.editing import EditConflict, FieldConflict
from ui.operations import Operations
from ui.tasks import Task
from ui.views.common.conflict_dialog import ConflictDialog

# save(context, expected_version, changes, original) -> what the operation returns
SaveCall = Callable[[Context, int, dict[str, Any], Mapping[str, Any] | None], Any]


class Coded(NamedTuple):
    """A code shown by its label in the conflict dialog (not a str: chosen, not merged)."""

    code: str
    label: str


class ConflictAwareSave(QObject):
    saved = Signal(object)  # the operation's value
    failed = Signal(str)  # a Danish message for the form
    cancelled = Signal()  # the user closed the conflict dialog: their edits stay in the form

    def __init__(self, ops: Operations, parent_widget: QWidget,
                 labels: Mapping[str, str],
                 choices: Mapping[str, Mapping[str, str]] | None = None) -> None:
        super().__init__(parent_widget)
        self._ops = ops
        self._parent_widget = parent_widget
        self._labels = labels
        self._choices = choices or {}
        self.dialog: ConflictDialog | None = None

    def submit(self, save: SaveCall, version: int, changes: dict[str, Any],
               original: Mapping[str, Any] | None) -> None:
        task: Task = self._ops.run(
            save, version, changes, original, owner=self._parent_widget, slot="save",
            label=self.tr("Saving…"), done=self.saved.emit,
            failed=lambda message: self._on_failed(task.error, message, save, original))

    def _on_failed(self, error: BaseException | None, message: str, save: SaveCall,
                   original: Mapping[str, Any] | None) -> None:
        if not isinstance(error, EditConflict):
            self.failed.emit(message)
            return
        if not error.conflicts:
            # Nobody else touched these fields: my changes go in as they are. The
            # original is passed again so a further save in between is caught too.
            self.submit(save, error.current_version, dict(error.merged), original)
            return
        self._ask(error, save, original)

    def _ask(self, error: EditConflict, save: SaveCall,
             original: Mapping[str, Any] | None) -> None:
        conflicts = [self._wrapped(conflict) for conflict in error.conflicts]
        dialog = ConflictDialog(conflicts, self._labels, shown=self._shown,
                                parent=self._parent_widget)
        self.dialog = dialog

        def resolved() -> None:
            values = {field: value.code if isinstance(value, Coded) else value
                      for field, value in dialog.resolved_values().items()}
            self.submit(save, error.current_version, {**error.merged, **values}, original)

        dialog.accepted.connect(resolved)
        dialog.rejected.connect(self.cancelled.emit)
        dialog.finished.connect(lambda _result: self._forget(dialog))
        dialog.open()

    def _forget(self, dialog: ConflictDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _wrapped(self, conflict: FieldConflict) -> FieldConflict:
        labels = self._choices.get(conflict.field)
        if labels is None:
            return conflict
        return FieldConflict(conflict.field,
                             Coded(conflict.mine, labels.get(conflict.mine, conflict.mine)),
                             Coded(conflict.theirs, labels.get(conflict.theirs, conflict.theirs)))

    def _shown(self, value: Any) -> str:
        if isinstance(value, Coded):
            return value.label or self.tr("(none)")
        if isinstance(value, bool):
            return self.tr("Yes") if value else self.tr("No")
        if isinstance(value, date):
            return format_date(value)
        return self.tr("(none)") if value is None else str(value)

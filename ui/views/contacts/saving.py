"""Saving a contact, new or edited, off the GUI thread, with the consent question.

The core refuses a contact with a partner the citizen has not consented to
(``ConsentMissing``); then the user is asked why it is needed anyway, and the same save
runs again with that reason, which the core stores on the contact and in the audit log.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from mentordesk.errors import MentorDeskError
from mentordesk.kernel.context import Context
from mentordesk.kernel.editing import EditConflict
from mentordesk.services.contacts import REASON_MAX_CHARS, ConsentMissing, ContactInputError
from ui.operations import Operations
from ui.tasks import Task, show_error
from ui.views.contacts.entry_form import ContactEntryForm

# save(context, reason) is an operation run on the worker: reason is "" first, then what
# the user typed.
SaveOperation = Callable[[Context, str], object]


class ConsentReasonDialog(QDialog):
    """Asks why a partner contact is logged without valid consent; a reason is required."""

    def __init__(self, message: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Contact without consent"))
        self.problem_label = QLabel(message)  # names the partner: user text, as typed
        self.problem_label.setTextFormat(Qt.TextFormat.PlainText)
        self.problem_label.setWordWrap(True)
        question = QLabel(self.tr(
            "Why is the contact needed without consent? The reason is saved with the "
            "contact and in the access log."))
        question.setWordWrap(True)
        self.reason_edit = QLineEdit()
        self.reason_edit.setMaxLength(REASON_MAX_CHARS)
        question.setBuddy(self.reason_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Save with reason"))
        self.ok_button.setEnabled(False)
        self.reason_edit.textChanged.connect(
            lambda text: self.ok_button.setEnabled(bool(text.strip())))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.problem_label)
        layout.addWidget(question)
        layout.addWidget(self.reason_edit)
        layout.addWidget(buttons)
        self.resize(480, self.sizeHint().height())

    def reason(self) -> str:
        return self.reason_edit.text().strip()

    def accept(self) -> None:
        if self.reason():  # Enter in an empty field must not pass as a reason
            super().accept()


class ContactSaveFlow(QObject):
    """Runs one save at a time; input errors go to the form, conflicts to the caller."""

    saved = Signal(object)  # what the operation returned
    conflicted = Signal(object)  # EditConflict: the caller shows the conflict dialog

    def __init__(self, ops: Operations, form: ContactEntryForm, parent: QWidget) -> None:
        super().__init__(parent)
        self._ops = ops
        self._form = form
        self._parent = parent
        self.busy = False
        self.reason_dialog: ConsentReasonDialog | None = None
        self._task: Task | None = None
        self._job: SaveOperation | None = None
        self._label = ""

    def save(self, job: SaveOperation, label: str) -> None:
        if self.busy:
            return  # a second Ctrl+S while saving must not log the contact twice
        self._form.clear_error()
        self._run(job, "", label)

    def _run(self, job: SaveOperation, reason: str, label: str) -> None:
        self.busy = True
        self._job, self._label = job, label
        self._task = self._ops.run(job, reason, owner=self._parent, slot="save", label=label,
                                   done=self._on_saved, failed=self._on_failed)

    def _on_saved(self, result: object) -> None:
        self.busy = False
        self.saved.emit(result)

    def _on_failed(self, message: str) -> None:
        self.busy = False
        error = self._task.error if self._task is not None else None
        if isinstance(error, ConsentMissing) and self._job is not None:
            self._ask_reason(self._job, self._label, message)
        elif isinstance(error, EditConflict):
            self.conflicted.emit(error)
        elif isinstance(error, ContactInputError):
            self._form.show_error(message, error.field)
        elif isinstance(error, MentorDeskError):
            self._form.show_error(message)
        else:
            show_error(self._parent, message, _details(error))

    def _ask_reason(self, job: SaveOperation, label: str, message: str) -> None:
        dialog = ConsentReasonDialog(message, self._parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._run(job, dialog.reason(), label))
        dialog.rejected.connect(lambda: self._form.show_error(
            self.tr("Not saved: a contact with this partner needs consent or a reason."),
            "partner_id"))
        dialog.finished.connect(lambda _result: setattr(self, "reason_dialog", None))
        self.reason_dialog = dialog
        dialog.open()


def _details(error: BaseException | None) -> str:
    """The traceback support needs, for an error the user cannot fix themselves."""
    return "".join(traceback.format_exception(error)) if error is not None else ""

"""Editing and deleting a listed contact: shared by the citizen tab and the mentor page."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from mentordesk.kernel.context import Context
from mentordesk.services.contacts import ContactRow, delete_contact
from ui.tasks import TaskContext, TaskRunner
from ui.views.contacts.edit_dialog import ContactEditDialog
from ui.workspace import Workspace


class ContactActions(QObject):
    changed = Signal()  # a contact was edited or deleted: reload the list

    def __init__(self, workspace: Workspace, runner: TaskRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._runner = runner
        self._parent = parent
        # Kept so tests (and a second double-click) can reach the open windows.
        self.editor: ContactEditDialog | None = None
        self.confirm_box: QMessageBox | None = None

    def edit(self, contact_id: int) -> None:
        if self.editor is not None:
            self.editor.raise_()
            return
        dialog = ContactEditDialog(self._workspace, self._runner, contact_id, self._parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda _contact_id: self.changed.emit())
        dialog.finished.connect(lambda _result: setattr(self, "editor", None))
        self.editor = dialog
        dialog.open()

    def delete(self, row: ContactRow) -> None:
        """Ask first (Delete is easy to hit), then delete on the worker."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Delete contact"),
                          self.tr("Delete the contact of {date} ({form}, {duration})? "
                                  "This cannot be undone.").format(
                              date=row.date_text, form=row.form.label,
                              duration=row.duration_text),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                          self._parent)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda button: self._confirmed(box, button, row.id))
        box.finished.connect(lambda _result: setattr(self, "confirm_box", None))
        self.confirm_box = box
        box.open()

    def _confirmed(self, box: QMessageBox, button: QAbstractButton, contact_id: int) -> None:
        if box.standardButton(button) == QMessageBox.StandardButton.Yes:
            self._delete(contact_id)

    def _delete(self, contact_id: int) -> None:
        database, actor = self._workspace.database, self._workspace.actor

        def job(_context: TaskContext) -> None:
            delete_contact(Context(database, actor), contact_id)

        task = self._runner.submit(job, label=self.tr("Deleting the contact…"),
                                   parent=self._parent)
        task.succeeded.connect(self._on_deleted)

    def _on_deleted(self, _result: object) -> None:
        self.changed.emit()

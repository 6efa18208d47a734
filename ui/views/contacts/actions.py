"""Editing and deleting a listed contact: shared by the citizen tab and the mentor page.

The lists reload from the change hub (``Kind.CONTACTS``), not from here.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from mentordesk.services.contacts import ContactRow, delete_contact
from ui.operations import Operations
from ui.views.contacts.edit_dialog import ContactEditDialog


class ContactActions(QObject):
    def __init__(self, ops: Operations, parent: QWidget) -> None:
        super().__init__(parent)
        self._ops = ops
        self._parent = parent
        # Kept so tests (and a second double-click) can reach the open windows.
        self.editor: ContactEditDialog | None = None
        self.confirm_box: QMessageBox | None = None

    def edit(self, contact_id: int) -> None:
        if self.editor is not None:
            self.editor.raise_()
            return
        dialog = ContactEditDialog(self._ops, contact_id, self._parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
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
        self._ops.run(delete_contact, contact_id, owner=self._parent, slot="delete",
                      label=self.tr("Deleting the contact…"))

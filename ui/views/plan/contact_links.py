"""Linking contacts from the goal's side: "Link contacts…" offers the citizen's recent
contacts not yet linked (tick several), "Remove link" unlinks the chosen one after a
question. The core audits both and writes them in the goal's history; the change hub
then has the plan read the goal's contacts and history again.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.dates import format_date
from mentordesk.domain.duration import hours_text
from mentordesk.services.plan import (
    GoalContact,
    GoalItem,
    link_contacts,
    linkable_contacts,
    unlink_contact,
)
from ui.operations import Operations
from ui.views.common.form_fields import confirm, plain_label
from ui.views.plan.goal_detail import GoalDetail

ERROR_STYLE = "color: #a40000;"


class LinkContactsDialog(QDialog):
    contacts_loaded = Signal(int)  # how many contacts are offered

    def __init__(self, ops: Operations, goal: GoalItem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops, self._goal = ops, goal
        self.setWindowTitle(self.tr("Link contacts to the goal"))
        self.setMinimumSize(560, 380)
        intro = plain_label(self.tr(
            "Tick the contacts that worked on \"{title}\". The citizen's newest contacts "
            "that are not linked yet are shown.").format(title=goal.title))
        self.contacts_list = QListWidget()
        self.contacts_list.itemChanged.connect(lambda _item: self._update_button())
        self.empty_label = plain_label(self.tr(
            "All of the citizen's recent contacts are already linked to this goal."))
        self.empty_label.setVisible(False)
        self.error_label = QLabel()
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.link_button = QPushButton(self.tr("Link"))
        self.link_button.setDefault(True)  # Space ticks a contact, Enter links the ticked
        buttons.addButton(self.link_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, self.contacts_list, self.empty_label, self.error_label, buttons):
            layout.addWidget(widget)
        self._update_button()
        self._load()

    def _load(self) -> None:
        self._ops.run(linkable_contacts, self._goal.id, owner=self, slot="load",
                      label=self.tr("Loading contacts…"), done=self._show,
                      failed=self.error_label.setText)

    def _show(self, contacts: list[GoalContact]) -> None:
        for contact in contacts:
            item = QListWidgetItem(self.contact_text(contact))
            item.setData(Qt.ItemDataRole.UserRole, contact.contact_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.contacts_list.addItem(item)
        self.empty_label.setVisible(not contacts)
        if contacts:
            self.contacts_list.setCurrentRow(0)
            self.contacts_list.setFocus()
        self.contacts_loaded.emit(len(contacts))

    def contact_text(self, contact: GoalContact) -> str:
        parts = [format_date(contact.contact_on), contact.form_label, contact.mentor_name,
                 hours_text(contact.duration_minutes)]
        if contact.note_excerpt:
            parts.append(contact.note_excerpt)
        return " · ".join(parts)

    def chosen_ids(self) -> list[int]:
        return [int(item.data(Qt.ItemDataRole.UserRole))
                for row in range(self.contacts_list.count())
                if (item := self.contacts_list.item(row)).checkState() == Qt.CheckState.Checked]

    def _update_button(self) -> None:
        self.link_button.setEnabled(bool(self.chosen_ids()))

    def save(self) -> None:
        chosen = self.chosen_ids()
        if not chosen:
            return
        self.link_button.setEnabled(False)
        self._ops.run(link_contacts, self._goal.id, chosen, owner=self, slot="link",
                      label=self.tr("Linking…"), done=lambda _count: self.accept(),
                      failed=self._failed)

    def _failed(self, message: str) -> None:
        # Nothing was linked (the core links all or nothing): the choice stays for a retry.
        self.error_label.setText(message)
        self._update_button()


class ContactLinks(QObject):
    def __init__(self, ops: Operations, detail: GoalDetail, parent: QWidget) -> None:
        super().__init__(parent)
        self._ops, self._detail, self._parent = ops, detail, parent
        self.dialog: LinkContactsDialog | None = None
        self.confirm_box: QMessageBox | None = None
        detail.link_contacts_button.clicked.connect(self.link)
        detail.unlink_contact_button.clicked.connect(self.unlink_selected)

    def link(self) -> None:
        goal = self._detail.goal
        if goal is None:
            return
        if self.dialog is not None:
            self.dialog.deleteLater()  # kept until now: a save under way finds it alive
        dialog = LinkContactsDialog(self._ops, goal, self._parent)
        self.dialog = dialog
        dialog.open()

    def unlink_selected(self) -> None:
        goal, contact = self._detail.goal, self._detail.selected_contact()
        if goal is None or contact is None:
            return
        def unlink() -> None:
            # Nothing changes on screen before it is stored: a failure only needs its box.
            self._ops.run(unlink_contact, goal.id, contact.contact_id, owner=self._parent,
                          slot="unlink", label=self.tr("Saving…"))

        self.confirm_box = confirm(self._parent, self.tr(
            "Remove the link between the contact of {date} ({form}) and this goal? "
            "The contact itself stays in the journal.").format(
                date=format_date(contact.contact_on), form=contact.form_label), unlink)

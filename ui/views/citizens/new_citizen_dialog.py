"""Register a new citizen: with a name (and a CPR number when known) or anonymously under
§99 (an alias only). The dialog saves through ``create_citizen`` on the worker and stays
open with the reason when the core refuses (e.g. a CPR number already registered)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.codes import CitizenStatus
from mentordesk.services.citizens import NewCitizen, create_citizen
from ui.operations import Operations
from ui.views.citizens.cpr_field import CprField


class NewCitizenDialog(QDialog):
    created = Signal(int)  # the new citizen's id

    def __init__(self, ops: Operations, mentors: Sequence[tuple[int, str]] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self.setWindowTitle(self.tr("New citizen"))
        self.named_radio = QRadioButton(self.tr("With name"))
        self.anonymous_radio = QRadioButton(self.tr("Anonymous (§99): alias only"))
        self.named_radio.setChecked(True)
        kinds = QButtonGroup(self)
        kinds.addButton(self.named_radio)
        kinds.addButton(self.anonymous_radio)
        self.anonymous_radio.toggled.connect(self._kind_changed)
        self.first_name_edit = QLineEdit()
        self.last_name_edit = QLineEdit()
        self.cpr_field = CprField()
        self.alias_edit = QLineEdit()
        self.status_combo = QComboBox()
        for status in (CitizenStatus.WAITING, CitizenStatus.ACTIVE, CitizenStatus.PAUSED):
            self.status_combo.addItem(status.label, status.value)
        self.address_edit = QLineEdit()
        self.phone_edit = QLineEdit()
        self.mentor_combo = self._mentor_combo(mentors)
        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Create"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        self._layout(buttons)
        self._kind_changed(False)

    def _mentor_combo(self, mentors: Sequence[tuple[int, str]]) -> QComboBox:
        combo = QComboBox()
        if self._ops.actor.sees_all_citizens:
            combo.addItem(self.tr("(none yet)"), None)
            for user_id, name in mentors:
                combo.addItem(name, user_id)
        else:
            # A mentor's new citizen is theirs: otherwise it would leave their own list.
            combo.addItem(self._ops.actor.full_name, self._ops.actor.user_id)
            combo.setEnabled(False)
        return combo

    def _layout(self, buttons: QDialogButtonBox) -> None:
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.named_radio)
        kind_row.addWidget(self.anonymous_radio)
        kind_row.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("First name:"), self.first_name_edit)
        form.addRow(self.tr("Last name:"), self.last_name_edit)
        form.addRow(self.tr("CPR number:"), self.cpr_field)
        form.addRow(self.tr("Alias:"), self.alias_edit)
        form.addRow(self.tr("Status:"), self.status_combo)
        form.addRow(self.tr("Address:"), self.address_edit)
        form.addRow(self.tr("Phone:"), self.phone_edit)
        form.addRow(self.tr("Primary mentor:"), self.mentor_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(kind_row)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def _kind_changed(self, anonymous: bool) -> None:
        # §99 anonymity: no name and no CPR number can even be typed.
        for widget in (self.first_name_edit, self.last_name_edit, self.cpr_field):
            widget.setEnabled(not anonymous)
        if anonymous:
            self.first_name_edit.clear()
            self.last_name_edit.clear()
            self.cpr_field.edit.clear()
            self.status_combo.setCurrentIndex(self.status_combo.findData(
                CitizenStatus.ACTIVE.value))  # outreach: the contact is already there
            self.alias_edit.setFocus()
        else:
            self.first_name_edit.setFocus()
        self.alias_edit.setPlaceholderText(
            self.tr("Required") if anonymous else self.tr("Optional, e.g. a nickname"))

    def new_citizen(self) -> NewCitizen:
        return NewCitizen(
            first_name=self.first_name_edit.text(), last_name=self.last_name_edit.text(),
            alias=self.alias_edit.text(), cpr=self.cpr_field.text(),
            status=CitizenStatus(self.status_combo.currentData()),
            address=self.address_edit.text(), phone=self.phone_edit.text(),
            anonymous=self.anonymous_radio.isChecked(),
            primary_mentor_id=self.mentor_combo.currentData(),
        )

    def submit(self) -> None:
        if not self.cpr_field.is_acceptable():
            self.error_label.setText(self.cpr_field.message.text())
            self.cpr_field.edit.setFocus()
            return
        self.ok_button.setEnabled(False)
        self.error_label.clear()
        self._ops.run(create_citizen, self.new_citizen(), owner=self, slot="save",
                      label=self.tr("Saving…"), done=self._created, failed=self._refused)

    def _created(self, citizen_id: int) -> None:
        self.created.emit(citizen_id)
        self.accept()

    def _refused(self, message: str) -> None:
        self.ok_button.setEnabled(True)
        self.error_label.setText(message)

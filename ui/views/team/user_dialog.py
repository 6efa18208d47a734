"""Create or edit a team member (admins): login = the member's OS login, name, role,
weekly capacity in hours, volunteer, active."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.codes import Role
from mentordesk.services.team import (
    InvalidInput,
    TeamMember,
    format_weekly_hours,
    parse_weekly_hours,
)


class UserDialog(QDialog):
    """``submitted`` carries the values as the service stores them (minutes, role code)."""

    submitted = Signal(dict)

    def __init__(self, member: TeamMember | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.member = member
        self.setWindowTitle(self.tr("Edit user") if member else self.tr("New user"))
        self.login_edit = QLineEdit(member.login if member else "")
        self.login_edit.setToolTip(self.tr("The user name the person logs on to the PC with."))
        self.name_edit = QLineEdit(member.full_name if member else "")
        self.role_combo = QComboBox()
        for code, label in Role.choices():
            self.role_combo.addItem(label, code)
        self.role_combo.setCurrentIndex(self.role_combo.findData(
            member.role.value if member else Role.MENTOR.value))
        self.hours_edit = QLineEdit(
            format_weekly_hours(member.weekly_capacity_minutes) if member else "")
        self.hours_edit.setPlaceholderText(self.tr("e.g. 37 or 7,5"))
        self.volunteer_check = QCheckBox(self.tr("Volunteer"))
        self.volunteer_check.setChecked(bool(member and member.is_volunteer))
        self.active_check = QCheckBox(self.tr("Active (may open the database)"))
        self.active_check.setChecked(member.active if member else True)
        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        buttons.accepted.connect(self._submit)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Login:"), self.login_edit)
        form.addRow(self.tr("Name:"), self.name_edit)
        form.addRow(self.tr("Role:"), self.role_combo)
        form.addRow(self.tr("Hours per week:"), self.hours_edit)
        form.addRow(self.volunteer_check)
        form.addRow(self.active_check)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def values(self) -> dict[str, Any]:
        """The form as stored values; InvalidInput (Danish) for unreadable hours."""
        return {
            "login": self.login_edit.text(), "full_name": self.name_edit.text(),
            "role": self.role_combo.currentData(),
            "weekly_capacity_minutes": parse_weekly_hours(self.hours_edit.text()),
            "is_volunteer": self.volunteer_check.isChecked(),
            "active": self.active_check.isChecked(),
        }

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)

    def _submit(self) -> None:
        try:
            values = self.values()
        except InvalidInput as error:
            self.show_error(str(error))
            self.hours_edit.setFocus()
            return
        self.error_label.clear()
        self.submitted.emit(values)

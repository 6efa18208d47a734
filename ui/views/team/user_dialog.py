"""Create or edit a team member (admins): login = the member's OS login, name, role,
weekly capacity in hours, volunteer, active."""

from __future__ import annotations

from typing import Any, cast

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget

from mentordesk.domain.codes import Role
from mentordesk.services.team import (
    USER_LABELS,
    InvalidInput,
    NewUser,
    TeamMember,
    create_user,
    format_weekly_hours,
    parse_weekly_hours,
    update_user,
)
from ui.operations import Operations
from ui.views.common.record_dialog import RecordDialog, SaveJob


class UserDialog(RecordDialog):
    def __init__(self, ops: Operations, member: TeamMember | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
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
        self.form.addRow(self.tr("Login:"), self.login_edit)
        self.form.addRow(self.tr("Name:"), self.name_edit)
        self.form.addRow(self.tr("Role:"), self.role_combo)
        self.form.addRow(self.tr("Hours per week:"), self.hours_edit)
        self.form.addRow(self.volunteer_check)
        self.form.addRow(self.active_check)
        self.setMinimumWidth(420)
        if member is not None:
            self.edit(member.version, member.editable())

    def collect(self) -> dict[str, Any]:
        """The form as stored values (minutes, role code); unreadable hours are refused."""
        try:
            minutes = parse_weekly_hours(self.hours_edit.text())
        except InvalidInput:
            self.hours_edit.setFocus()
            raise
        return {
            "login": self.login_edit.text(), "full_name": self.name_edit.text(),
            "role": self.role_combo.currentData(), "weekly_capacity_minutes": minutes,
            "is_volunteer": self.volunteer_check.isChecked(),
            "active": self.active_check.isChecked(),
        }

    def create_job(self, values: dict[str, Any]) -> SaveJob:
        new = NewUser(**{**values, "role": Role(values["role"])})
        return lambda context: create_user(context, new)

    def update_job(self, version: int, changes: dict[str, Any],
                   original: dict[str, Any]) -> SaveJob:
        assert self.member is not None
        member_id = self.member.id
        return lambda context: update_user(context, member_id, version, changes, original)

    # -- conflicts --------------------------------------------------------------------

    def field_labels(self) -> dict[str, str]:
        return USER_LABELS

    def text_fields(self) -> frozenset[str]:
        # Both spellings of a name are kept side by side for the user to settle.
        return frozenset({"login", "full_name"})

    def shown(self, field: str, value: object) -> str:
        if field == "role" and value in set(Role):
            return Role(cast(str, value)).label
        if isinstance(value, bool):
            return self.tr("Yes") if value else self.tr("No")
        if field == "weekly_capacity_minutes" and isinstance(value, int):
            return format_weekly_hours(value)
        return super().shown(field, value)

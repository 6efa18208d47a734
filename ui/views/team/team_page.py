"""The Team page: everyone on the team with role, weekly capacity and current number of
citizens. Admins add and edit users; everyone else reads."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QWidget

from mentordesk.domain.codes import Role
from mentordesk.domain.duration import hours_text
from mentordesk.kernel.changes import Changes, Kind
from mentordesk.services.team import TeamMember, list_users
from ui.operations import Operations
from ui.views.common.record_dialog import RecordDialog
from ui.views.common.record_list import RecordListPanel, Request
from ui.views.common.record_table import RowLook, TableColumn
from ui.views.team.user_dialog import UserDialog

INACTIVE_GREY = "#8a8a8a"


class TeamPage(RecordListPanel):
    def __init__(self, ops: Operations, title: str, parent: QWidget | None = None) -> None:
        self.is_admin = ops.actor.role is Role.ADMIN
        super().__init__(
            ops, self._columns(), look=_inactive_look, kinds=(Kind.TEAM, Kind.ASSIGNMENTS),
            new_text=self.tr("New user (Ctrl+N)"), edit_text=self.tr("Edit (Enter)"),
            editable=self.is_admin, parent=parent)
        title_label = QLabel(title)
        title_label.setObjectName("pageTitle")
        self.info_label = QLabel(self.tr(
            "The OS login identifies each user. Mentors see the citizens they are assigned "
            "to; coordinators and administrators see all. Only an administrator can change "
            "users."))
        self.info_label.setWordWrap(True)
        self.body.insertWidget(0, title_label)
        self.body.insertWidget(1, self.info_label)
        self.table.horizontalHeader().resizeSection(0, 220)
        self.update_buttons()

    def _columns(self) -> list[TableColumn]:
        yes, no = self.tr("Yes"), self.tr("No")
        return [
            TableColumn(self.tr("Name"), lambda member: member.full_name),
            TableColumn(self.tr("Login"), lambda member: member.login),
            TableColumn(self.tr("Role"), lambda member: member.role.label),
            TableColumn(self.tr("Hours per week"),
                        lambda member: hours_text(member.weekly_capacity_minutes)),
            TableColumn(self.tr("Citizens now"), lambda member: str(member.caseload)),
            TableColumn(self.tr("Volunteer"), lambda member: yes if member.is_volunteer else no),
            TableColumn(self.tr("Active"), lambda member: yes if member.active else no),
        ]

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.refresh()  # capacity and caseloads change in other areas

    def is_affected_by(self, changes: Changes) -> bool:
        return self.isVisible() and super().is_affected_by(changes)

    # -- the list's questions ---------------------------------------------------------

    def load_request(self) -> Request:
        return (list_users,)

    def make_dialog(self, row: TeamMember | None) -> RecordDialog:
        return UserDialog(self._ops, row, self)

    # -- reading ----------------------------------------------------------------------

    def refresh(self) -> None:
        self.reload()

    def names(self) -> list[str]:
        return [member.full_name for member in self.rows()]

    def selected_member(self) -> TeamMember | None:
        return self.selected()


def _inactive_look(member: TeamMember) -> RowLook | None:
    return None if member.active else RowLook(foreground=INACTIVE_GREY)

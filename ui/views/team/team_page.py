"""The Team page: everyone on the team with role, weekly capacity, current number of
citizens and whether they have a key of their own or a one-time code not used yet (as
``mentordesk users DB list`` shows). Admins add and edit users, hand out one-time codes
(a new member's first unlock, or a forgotten passphrase) and remove people who leave;
everyone else reads."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from mentordesk.domain.codes import RECOVERY_LOGIN, Role
from mentordesk.domain.duration import hours_text
from mentordesk.kernel.changes import Changes, Kind
from mentordesk.kernel.context import Context
from mentordesk.keys.keyfile import SlotKind
from mentordesk.security.people import Removal, enrol_person, key_holders, remove_person
from mentordesk.services.team import TeamMember, list_users
from ui.operations import Operations
from ui.views.common.form_fields import confirm
from ui.views.common.record_dialog import RecordDialog
from ui.views.common.record_list import RecordListPanel, Request
from ui.views.common.record_table import RowLook, TableColumn
from ui.views.team.user_dialog import UserDialog

INACTIVE_GREY = "#8a8a8a"


def team_and_keys(context: Context) -> tuple[list[TeamMember], dict[str, SlotKind]]:
    """The team, and the kind of key each login has in the key file (none: no key)."""
    kinds = {holder.login.casefold(): holder.kind for holder in key_holders(context)}
    return list_users(context), kinds


class TeamPage(RecordListPanel):
    def __init__(self, ops: Operations, title: str, parent: QWidget | None = None) -> None:
        self.is_admin = ops.actor.role is Role.ADMIN
        self.key_kinds: dict[str, SlotKind] = {}
        super().__init__(
            ops, self._columns(), look=_inactive_look, kinds=(Kind.TEAM, Kind.ASSIGNMENTS),
            new_text=self.tr("New user (Ctrl+N)"), edit_text=self.tr("Edit (Enter)"),
            editable=self.is_admin, parent=parent)
        title_label = QLabel(title)
        title_label.setObjectName("pageTitle")
        self.info_label = QLabel(self.tr(
            "Each person unlocks with their own login and passphrase. Mentors see the "
            "citizens they are assigned to; coordinators and administrators see all. Only "
            "an administrator can change users, hand out one-time codes and remove people."))
        self.info_label.setWordWrap(True)
        self.body.insertWidget(0, title_label)
        self.body.insertWidget(1, self.info_label)
        self.table.horizontalHeader().resizeSection(0, 220)
        self.code_box: QMessageBox | None = None
        self.code_button = self.add_row_action(
            self.tr("One-time code…"), self.issue_code, applies=self._can_get_code)
        self.leave_button = self.add_row_action(
            self.tr("Remove from team…"), self.ask_remove, applies=self._can_be_removed)
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
            TableColumn(self.tr("Key"), self._key_text),
        ]

    def _key_text(self, member: TeamMember) -> str:
        kind = self.key_kinds.get(member.login.casefold())
        if kind is SlotKind.PERSON:
            return self.tr("Own key")
        if kind is SlotKind.ENROLMENT:
            return self.tr("One-time code not used yet")
        if kind is SlotKind.RECOVERY:
            return self.tr("Recovery key")
        return self.tr("No key")

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.refresh()  # capacity and caseloads change in other areas

    def is_affected_by(self, changes: Changes) -> bool:
        return self.isVisible() and super().is_affected_by(changes)

    # -- the list's questions ---------------------------------------------------------

    def load_request(self) -> Request:
        return (team_and_keys,)

    def take_loaded(self, value: Any) -> list[TeamMember]:
        members, self.key_kinds = value
        return members

    def make_dialog(self, row: TeamMember | None) -> RecordDialog:
        return UserDialog(self._ops, row, self)

    # -- keys -------------------------------------------------------------------------

    def _can_get_code(self, member: TeamMember) -> bool:
        return member.active and member.login not in (RECOVERY_LOGIN, self._ops.actor.login)

    def _can_be_removed(self, member: TeamMember) -> bool:
        return self._can_get_code(member)

    def issue_code(self, member: TeamMember) -> None:
        self._ops.run(enrol_person, member.login, owner=self, slot="code",
                      label=self.tr("Making a one-time code…"),
                      done=lambda code: self._show_code(member, code))

    def _show_code(self, member: TeamMember, code: str) -> None:
        self.code_box = QMessageBox(QMessageBox.Icon.Information, "MentorDesk", self.tr(
            "One-time code for {name} ({login}):\n\n{code}\n\nGive it to them in person. "
            "They use it once, under \"First time\" when they unlock, to choose their own "
            "passphrase. A new code replaces any earlier one.").format(
                name=member.full_name, login=member.login, code=code), parent=self)
        self.code_box.setTextFormat(Qt.TextFormat.PlainText)
        self.code_box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.code_box.open()

    def ask_remove(self, member: TeamMember) -> None:
        self.confirm_box = confirm(self, self.tr(
            "Remove {name} ({login}) from the team? They can no longer open the database. "
            "The database key is changed and every backup in the backup folder is "
            "re-encrypted, so their passphrase opens none of them. Everyone else must close "
            "MentorDesk first; their own passphrases keep working.").format(
                name=member.full_name, login=member.login),
            lambda: self._remove(member))

    def _remove(self, member: TeamMember) -> None:
        self._ops.run(remove_person, member.login, owner=self, slot="remove", long=True,
                      label=self.tr("Removing {name} and changing the database key…").format(
                          name=member.full_name),
                      done=self._removed)

    def _removed(self, removal: Removal) -> None:
        self.info_label.setText(self.tr(
            "{login} was removed. The database key was changed; {count} backups were "
            "re-encrypted. Copies kept outside the backup folder still have the old key: "
            "delete them.").format(login=removal.login, count=removal.backups_reencrypted))

    # -- reading ----------------------------------------------------------------------

    def refresh(self) -> None:
        self.reload()

    def names(self) -> list[str]:
        return [member.full_name for member in self.rows()]

    def selected_member(self) -> TeamMember | None:
        return self.selected()


def _inactive_look(member: TeamMember) -> RowLook | None:
    return None if member.active else RowLook(foreground=INACTIVE_GREY)

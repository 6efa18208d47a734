"""The Team page: everyone on the team with role, weekly capacity and current number of
citizens. Admins add and edit users; everyone else reads."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.codes import Role
from mentordesk.kernel.context import Context
from mentordesk.services.team import (
    USER_LABELS,
    NewUser,
    TeamMember,
    create_user,
    format_weekly_hours,
    list_users,
    update_user,
)
from ui.tasks import TaskContext, TaskRunner
from ui.views.citizens.conflict_save import ConflictAwareSave
from ui.views.team.user_dialog import UserDialog
from ui.workspace import Workspace

_INACTIVE_COLOUR = QColor("#8a8a8a")


class TeamPage(QWidget):
    loaded = Signal(int)  # number of users shown

    def __init__(self, workspace: Workspace, runner: TaskRunner, title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._runner = runner
        self._members: list[TeamMember] = []
        self.dialog: UserDialog | None = None
        self.is_admin = workspace.actor.role is Role.ADMIN
        title_label = QLabel(title)
        title_label.setObjectName("pageTitle")
        self.table = self._table()
        self.new_button = QPushButton(self.tr("New user (Ctrl+N)"))
        self.new_button.clicked.connect(lambda: self.open_dialog(None))
        self.edit_button = QPushButton(self.tr("Edit… (Enter)"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.info_label = QLabel(self.tr(
            "The OS login identifies each user. Mentors see the citizens they are assigned "
            "to; coordinators and administrators see all. Only an administrator can change "
            "users."))
        self.info_label.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        for button in (self.new_button, self.edit_button):
            button.setVisible(self.is_admin)
        layout = QVBoxLayout(self)
        layout.addWidget(title_label)
        layout.addWidget(self.info_label)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        if self.is_admin:
            shortcut = QShortcut(QKeySequence("Ctrl+N"), self, lambda: self.open_dialog(None))
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._update_buttons()

    def _table(self) -> QTableWidget:
        table = QTableWidget(0, 7)
        table.setHorizontalHeaderLabels([
            self.tr("Name"), self.tr("Login"), self.tr("Role"), self.tr("Hours per week"),
            self.tr("Citizens now"), self.tr("Volunteer"), self.tr("Active")])
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.horizontalHeader().setStretchLastSection(True)
        table.horizontalHeader().resizeSection(0, 220)
        table.doubleClicked.connect(lambda _index: self.edit_selected())
        table.itemSelectionChanged.connect(self._update_buttons)
        table.installEventFilter(self)
        return table

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.KeyPress \
                and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.edit_selected()
            return True
        return super().eventFilter(watched, event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()  # capacity and caseloads change in other areas

    # -- the list ---------------------------------------------------------------------

    def refresh(self) -> None:
        database, actor = self._workspace.database, self._workspace.actor

        def job(_context: TaskContext) -> list[TeamMember]:
            return list_users(Context(database, actor))

        task = self._runner.submit(job, label=self.tr("Loading the team…"), parent=self)
        task.succeeded.connect(self._show_members)

    def _show_members(self, members: list[TeamMember]) -> None:
        selected = self.selected_member()
        self._members = members
        self.table.setRowCount(len(members))
        yes, no = self.tr("Yes"), self.tr("No")
        for row, member in enumerate(members):
            texts = (member.full_name, member.login, member.role.label,
                     format_weekly_hours(member.weekly_capacity_minutes),
                     str(member.caseload), yes if member.is_volunteer else no,
                     yes if member.active else no)
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                if not member.active:
                    item.setForeground(QBrush(_INACTIVE_COLOUR))
                self.table.setItem(row, column, item)
            if selected is not None and member.id == selected.id:
                self.table.selectRow(row)
        self._update_buttons()
        self.loaded.emit(len(members))

    def names(self) -> list[str]:
        return [member.full_name for member in self._members]

    def selected_member(self) -> TeamMember | None:
        rows = self.table.selectionModel().selectedRows()
        return self._members[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        self.edit_button.setEnabled(self.selected_member() is not None)

    # -- editing ----------------------------------------------------------------------

    def edit_selected(self) -> None:
        member = self.selected_member()
        if member is not None:
            self.open_dialog(member)

    def open_dialog(self, member: TeamMember | None) -> None:
        if not self.is_admin:
            return
        dialog = UserDialog(member, self)
        saver = ConflictAwareSave(self._runner, dialog, USER_LABELS,
                                  choices={"role": dict(Role.choices())})
        saver.saved.connect(lambda _result: self._saved(dialog))
        saver.failed.connect(dialog.show_error)
        dialog.submitted.connect(lambda values: self._save(saver, dialog, member, values))
        dialog.finished.connect(lambda _result: self._forget(dialog))
        self.dialog = dialog
        dialog.open()

    def _save(self, saver: ConflictAwareSave, dialog: UserDialog, member: TeamMember | None,
              values: dict) -> None:
        database, actor = self._workspace.database, self._workspace.actor
        if member is None:
            new = NewUser(login=values["login"], full_name=values["full_name"],
                          role=Role(values["role"]),
                          weekly_capacity_minutes=values["weekly_capacity_minutes"],
                          is_volunteer=values["is_volunteer"], active=values["active"])

            def job(_context: TaskContext) -> int:
                return create_user(Context(database, actor), new)

            task = self._runner.submit(job, label=self.tr("Saving…"), report_errors=False,
                                       parent=dialog)
            task.succeeded.connect(lambda _id: self._saved(dialog))
            task.failed.connect(lambda message, _details: dialog.show_error(message))
            return
        original = member.editable()
        changes = {field: value for field, value in values.items()
                   if value != original[field]}
        saver.submit(lambda version, new_values, loaded: update_user(
            Context(database, actor), member.id, version, new_values, loaded),
            member.version, changes, original)

    def _saved(self, dialog: UserDialog) -> None:
        dialog.accept()
        self.refresh()

    def _forget(self, dialog: UserDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

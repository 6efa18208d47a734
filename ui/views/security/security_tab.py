"""Indstillinger → Sikkerhed: auto-lock, who else has the file open, backups, your own
passphrase, and (administrators) a new recovery key and restore."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.codes import Role
from mentordesk.security import lock
from mentordesk.security.location import is_network_path, is_sync_folder
from mentordesk.security.people import renew_recovery_key
from mentordesk.security.workflows import BackupCheck, check_backup, open_elsewhere, take_backup
from ui.operations import Operations
from ui.views.common.form_fields import confirm, plain_label
from ui.views.common.visibility import hidden_unless
from ui.views.security import preferences
from ui.views.security.hub import hub
from ui.views.security.recovery_key_dialog import RecoveryKeyDialog
from ui.views.security.rekey_dialog import RekeyDialog

BACKUP_FILTER = "MentorDesk (*.mentordesk);;Alle filer (*)"


def ask_save_path(parent: QWidget, title: str, suggestion: Path, file_filter: str) -> Path | None:
    chosen, _filter = QFileDialog.getSaveFileName(parent, title, str(suggestion), file_filter)
    return Path(chosen) if chosen else None


def ask_open_path(parent: QWidget, title: str, folder: Path, file_filter: str) -> Path | None:
    chosen, _filter = QFileDialog.getOpenFileName(parent, title, str(folder), file_filter)
    return Path(chosen) if chosen else None


class SecurityTab(QWidget):
    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self.is_admin = ops.actor.role is Role.ADMIN
        # Replaceable so tests can answer the native dialogs.
        self.choose_save_path: Callable[[QWidget, str, Path, str], Path | None] = ask_save_path
        self.choose_open_path: Callable[[QWidget, str, Path, str], Path | None] = ask_open_path
        self.rekey_dialog: RekeyDialog | None = None
        self.recovery_dialog: RecoveryKeyDialog | None = None
        self.confirm_box: QMessageBox | None = None
        self._build()
        if ops.workspace.is_server:
            self._disable_file_only_actions()
        else:
            self.refresh_others()

    def _build(self) -> None:
        self.idle_spin = QSpinBox()
        self.idle_spin.setRange(preferences.MIN_IDLE_MINUTES, preferences.MAX_IDLE_MINUTES)
        self.idle_spin.setSuffix(self.tr(" min"))
        self.idle_spin.setValue(preferences.idle_minutes())
        self.idle_spin.valueChanged.connect(self._idle_changed)
        self.lock_button = QPushButton(self.tr("Lock now (Ctrl+L)"))
        self.lock_button.clicked.connect(hub().lock_requested)
        lock_row = QHBoxLayout()
        lock_row.addWidget(self.idle_spin)
        lock_row.addWidget(self.lock_button)
        lock_row.addStretch(1)
        self.others_label = plain_label()
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh_others)
        others_row = QHBoxLayout()
        others_row.addWidget(self.others_label, 1)
        others_row.addWidget(self.refresh_button)
        self.location_label = plain_label(self._location_text())
        form = QFormLayout()
        form.addRow(self.tr("Lock after idle time:"), lock_row)
        form.addRow(self.tr("Also open by:"), others_row)
        form.addRow(self.tr("Database file:"), self.location_label)
        self.backup_button = QPushButton(self.tr("Take a backup now…"))
        self.backup_button.clicked.connect(self.take_backup)
        self.rekey_button = QPushButton(self.tr("Change my passphrase…"))
        self.rekey_button.clicked.connect(self.open_rekey)
        self.recovery_button = QPushButton(self.tr("New recovery key…"))
        self.recovery_button.clicked.connect(self.ask_new_recovery_key)
        self.restore_button = QPushButton(self.tr("Restore from backup…"))
        self.restore_button.clicked.connect(self.choose_restore)
        hidden_unless(self.is_admin, self.backup_button, self.recovery_button, self.restore_button)
        buttons = QHBoxLayout()
        for button in (self.rekey_button, self.backup_button, self.recovery_button,
                       self.restore_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.status_label = plain_label()
        box = QGroupBox(self.tr("Security"))
        box_layout = QVBoxLayout(box)
        box_layout.addLayout(form)
        box_layout.addLayout(buttons)
        box_layout.addWidget(plain_label(self.tr(
            "MentorDesk takes an encrypted backup once a day when it closes, and keeps the "
            "last 14 daily and 12 monthly backups in the folder beside the database.")))
        self.protection_label = plain_label(self.tr(
            "What the encryption protects: without a team member's own passphrase (or the "
            "printed recovery key) nobody can read the database, its key file or its backups. "
            "Inside the team, everyone who can open the file holds its key: the roles in "
            "MentorDesk guard against mistakes and curiosity, and everything done through "
            "MentorDesk is logged and signed under a verified person. Roles that hold against "
            "a team member with tools need a team server."))
        box_layout.addWidget(self.protection_label)
        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addWidget(self.status_label)
        layout.addStretch(1)

    def _disable_file_only_actions(self) -> None:
        """On a team server there is no file: no key slots, no backups beside it, no
        lock record. The buttons stay in view, disabled, saying where it is done."""
        why = self.tr("On a team server this is done by IT on the server "
                      "(mentordesk server …), not in the app.")
        for button in (self.rekey_button, self.backup_button, self.recovery_button,
                       self.restore_button, self.refresh_button):
            button.setEnabled(False)
            button.setToolTip(why)
        self.others_label.setText(self.tr("Not shown on a team server: the server lets "
                                          "many people work at once."))

    def _location_text(self) -> str:
        if self._ops.workspace.is_server:
            return self.tr("Team server: {where}").format(where=self._ops.workspace.server_title)
        path = self._ops.workspace.database.path
        text = str(path)
        if is_sync_folder(path):
            text += "\n" + self.tr(
                "Warning: a cloud-synchronised folder can damage the database. Move it.")
        elif is_network_path(path):
            text += "\n" + self.tr("On a network drive (shared use, without WAL).")
        return text

    def _idle_changed(self, minutes: int) -> None:
        preferences.set_idle_minutes(minutes)
        hub().idle_minutes_changed.emit(minutes)

    # -- who else ---------------------------------------------------------------------

    def refresh_others(self) -> None:
        self._ops.run(open_elsewhere, owner=self, slot="others", done=self._show_others,
                      report_errors=False)

    def _show_others(self, entries: list[lock.OpenBy]) -> None:
        self.others_label.setText("\n".join(lock.describe(entries))
                                  or self.tr("Nobody else right now."))

    # -- backup and recovery sheet -------------------------------------------------------

    def take_backup(self) -> None:
        from mentordesk.storage.backup import timestamped_backup_path

        target = self.choose_save_path(self, self.tr("Save backup"),
                                       timestamped_backup_path(self._database_path(), "kopi"),
                                       BACKUP_FILTER)
        if target is None:
            return
        self._ops.run(take_backup, target, owner=self, slot="backup", long=True,
                      label=self.tr("Taking a backup…"),
                      done=lambda path: self.status_label.setText(
                          self.tr("The backup was saved: {path}").format(path=path)))

    def _database_path(self) -> Path:
        return self._ops.workspace.database.path

    # -- administrators -------------------------------------------------------------------

    def open_rekey(self) -> None:
        dialog = RekeyDialog(self._ops, self)
        dialog.changed.connect(lambda: self.status_label.setText(self.tr(
            "Your passphrase was changed. Nobody else is affected.")))
        self.rekey_dialog = dialog
        dialog.open()

    def ask_new_recovery_key(self) -> None:
        self.confirm_box = confirm(self, self.tr(
            "Make a new recovery key? The current one stops working at once, so print "
            "the new one before you close its window."), self._renew_recovery_key)

    def _renew_recovery_key(self) -> None:
        self._ops.run(renew_recovery_key, owner=self, slot="recovery",
                      label=self.tr("Making a new recovery key…"),
                      done=self._show_recovery_key)

    def _show_recovery_key(self, key: str) -> None:
        self.recovery_dialog = RecoveryKeyDialog(self._ops, key, self)
        self.recovery_dialog.open()

    def choose_restore(self) -> None:
        from mentordesk.security.backups import automatic_folder

        path = self._database_path()
        folder = automatic_folder(path)
        backup = self.choose_open_path(self, self.tr("Choose a backup to restore"),
                                       folder if folder.is_dir() else path.parent,
                                       BACKUP_FILTER)
        if backup is None:
            return
        self._verify_then_confirm(backup)

    def _verify_then_confirm(self, backup: Path) -> None:
        # Only a backup under this database's own key can be restored: the file never
        # goes back to a key that a former team member knew.
        self._ops.run(check_backup, backup,
                      owner=self, slot="restore", label=self.tr("Checking the backup…"),
                      done=lambda checked: self._confirm_restore(backup, checked))

    def _confirm_restore(self, backup: Path, checked: BackupCheck) -> None:
        self.confirm_box = confirm(self, self.tr(
            "The backup {file} passed every check:\n{checks}\n\nReplace the database with "
            "it? The current database is kept in the backup folder. MentorDesk closes the "
            "window and opens the restored database.").format(
                file=backup.name, checks="\n".join(checked.lines)),
            lambda: hub().restore_requested.emit(backup, checked.raw_key))



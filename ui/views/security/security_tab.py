"""Indstillinger → Sikkerhed: auto-lock, who else has the file open, backups, the
recovery sheet, and (administrators) passphrase change and restore."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.codes import Role
from mentordesk.security import lock
from mentordesk.security.location import is_network_path, is_sync_folder, read_salt
from mentordesk.security.workflows import (
    BackupCheck,
    check_backup,
    open_elsewhere,
    save_recovery_sheet,
    take_backup,
)
from mentordesk.vault import KeyStore, RawKey
from ui.operations import Operations
from ui.views.common.form_fields import confirm, plain_label
from ui.views.security import preferences
from ui.views.security.hub import hub
from ui.views.security.rekey_dialog import RekeyDialog

BACKUP_FILTER = "MentorDesk (*.mentordesk);;Alle filer (*)"


def ask_save_path(parent: QWidget, title: str, suggestion: Path, file_filter: str) -> Path | None:
    chosen, _filter = QFileDialog.getSaveFileName(parent, title, str(suggestion), file_filter)
    return Path(chosen) if chosen else None


def ask_open_path(parent: QWidget, title: str, folder: Path, file_filter: str) -> Path | None:
    chosen, _filter = QFileDialog.getOpenFileName(parent, title, str(folder), file_filter)
    return Path(chosen) if chosen else None


def ask_passphrase(parent: QWidget, title: str, label: str) -> str | None:
    text, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Password)
    return text if ok and text else None


class SecurityTab(QWidget):
    def __init__(self, ops: Operations, keystore: KeyStore | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self._keystore = keystore or KeyStore()
        self.is_admin = ops.actor.role is Role.ADMIN
        # Replaceable so tests can answer the native dialogs.
        self.choose_save_path: Callable[[QWidget, str, Path, str], Path | None] = ask_save_path
        self.choose_open_path: Callable[[QWidget, str, Path, str], Path | None] = ask_open_path
        self.ask_passphrase: Callable[[QWidget, str, str], str | None] = ask_passphrase
        self.rekey_dialog: RekeyDialog | None = None
        self.confirm_box: QMessageBox | None = None
        self._build()
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
        self.sheet_button = QPushButton(self.tr("Save recovery sheet…"))
        self.sheet_button.clicked.connect(self.save_recovery_sheet)
        self.rekey_button = QPushButton(self.tr("Change passphrase…"))
        self.rekey_button.clicked.connect(self.open_rekey)
        self.restore_button = QPushButton(self.tr("Restore from backup…"))
        self.restore_button.clicked.connect(self.choose_restore)
        for button in (self.rekey_button, self.restore_button):
            button.setVisible(self.is_admin)
        buttons = QHBoxLayout()
        for button in (self.backup_button, self.sheet_button, self.rekey_button,
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
        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addWidget(self.status_label)
        layout.addStretch(1)

    def _location_text(self) -> str:
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

    def save_recovery_sheet(self) -> None:
        from mentordesk.security.recovery_sheet import default_sheet_path

        target = self.choose_save_path(self, self.tr("Save recovery sheet"),
                                       default_sheet_path(self._database_path()),
                                       "PDF (*.pdf)")
        if target is None:
            return
        self._ops.run(save_recovery_sheet, target, owner=self, slot="sheet",
                      label=self.tr("Saving the recovery sheet…"),
                      done=lambda path: self.status_label.setText(self.tr(
                          "The recovery sheet was saved: {path}. Print it, write the "
                          "passphrase on it and lock it away.").format(path=path)))

    def _database_path(self) -> Path:
        return self._ops.workspace.database.path

    # -- administrators -------------------------------------------------------------------

    def open_rekey(self) -> None:
        dialog = RekeyDialog(self._ops, self._keystore, self)
        dialog.changed.connect(self._after_rekey)
        self.rekey_dialog = dialog
        dialog.open()

    def _after_rekey(self) -> None:
        self.status_label.setText(self.tr(
            "The passphrase was changed. Save and print a new recovery sheet now."))
        self.save_recovery_sheet()

    def choose_restore(self) -> None:
        from mentordesk.security.backups import automatic_folder

        path = self._database_path()
        folder = automatic_folder(path)
        backup = self.choose_open_path(self, self.tr("Choose a backup to restore"),
                                       folder if folder.is_dir() else path.parent,
                                       BACKUP_FILTER)
        if backup is None:
            return
        key = self._known_key_for(backup)
        if key is None:
            passphrase = self.ask_passphrase(self, self.tr("Restore from backup"), self.tr(
                "The backup was made with another passphrase. Enter that passphrase:"))
            if passphrase is None:
                return
        self._verify_then_confirm(backup, key, None if key else passphrase)

    def _known_key_for(self, backup: Path) -> RawKey | None:
        current = self._ops.workspace.database.raw_key
        try:
            salt = read_salt(backup)
        except Exception:  # noqa: BLE001 - the worker reports the file's problem
            return current
        if salt == current.salt:
            return current
        return self._keystore.recall(salt)

    def _verify_then_confirm(self, backup: Path, key: RawKey | None,
                             passphrase: str | None) -> None:
        self._ops.run(check_backup, backup, raw_key=key, passphrase=passphrase or "",
                      owner=self, slot="restore", label=self.tr("Checking the backup…"),
                      done=lambda checked: self._confirm_restore(backup, checked))

    def _confirm_restore(self, backup: Path, checked: BackupCheck) -> None:
        question = self.tr(
            "The backup {file} passed every check:\n{checks}\n\nReplace the database with "
            "it? The current database is kept in the backup folder. MentorDesk closes the "
            "window and opens the restored database.").format(
                file=backup.name, checks="\n".join(checked.lines))
        if checked.other_team is not None:
            # Another team's copy over this team's cases is almost always a wrong file.
            question = self.tr(
                "Warning: the backup is of ANOTHER database (the team \"{team}\"), "
                "not of this one. Restoring it replaces this team's data with the other "
                "team's.\n\n").format(team=checked.other_team) + question
        other = checked.other_team is not None
        self.confirm_box = confirm(
            self, question,
            lambda: hub().restore_requested.emit(backup, checked.raw_key, other))



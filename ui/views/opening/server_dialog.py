""""Forbind til teamserver…": a connection profile, the person's own password, and a
button that tries the connection before anything opens. Connecting runs on the worker.

The password is kept in this PC's keyring only when "Husk adgangskoden på denne pc" is
ticked; the profile itself (no password) is saved for the next start.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mentordesk.server import profiles
from mentordesk.server.connect import check_connection, open_server
from mentordesk.server.profiles import ConnectionProfile, ProfileError
from ui.tasks import TaskContext, TaskRunner
from ui.views.common.passphrase_fields import error_label, password_field, show_inline_error
from ui.workspace import Workspace, load_server_workspace


class ServerConnectDialog(QDialog):
    """Connect as oneself to the team's server; ``opened(Workspace)`` on success."""

    opened = Signal(object)  # Workspace

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None, *,
                 profile: ConnectionProfile | None = None, locked: bool = False) -> None:
        super().__init__(parent)
        self._runner = runner
        self.setWindowTitle(self.tr("MentorDesk is locked") if locked
                            else self.tr("Connect to team server"))
        self.setMinimumWidth(480)
        self._build()
        saved = [] if locked else profiles.load_profiles()
        self._fill_saved(saved)
        chosen = profile or (saved[-1] if saved else None)
        if chosen is not None:
            self.show_profile(chosen)
        if locked:
            self._keep_to_the_locked_person()

    def _keep_to_the_locked_person(self) -> None:
        """After auto-lock only the same login on the same server may come back: the
        hidden window may hold that person's unsaved edits."""
        for field in (self.name_edit, self.host_edit, self.port_spin, self.dbname_edit,
                      self.login_edit, self.ca_edit, self.ca_button):
            field.setEnabled(False)
        self.test_button.hide()
        self.connect_button.setText(self.tr("Unlock"))
        self.status_label.setText(self.tr("Enter your password to go on."))

    def _build(self) -> None:
        self.saved_combo = QComboBox()
        self.saved_combo.activated.connect(self._pick_saved)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("e.g. The team's server"))
        self.host_edit = QLineEdit()
        self.port_spin = QSpinBox()
        self.port_spin.setRange(1, 65535)
        self.port_spin.setValue(profiles.DEFAULT_PORT)
        self.dbname_edit = QLineEdit()
        self.login_edit = QLineEdit()
        self.ca_edit = QLineEdit()
        self.ca_button = QPushButton(self.tr("Choose…"))
        self.ca_button.clicked.connect(self._choose_ca_file)
        self.password_edit = password_field()
        self.remember_check = QCheckBox(self.tr("Remember the password on this PC"))
        self.remember_check.setToolTip(self.tr(
            "Keeps your password in this PC's credential store (Windows Credential "
            "Manager). Only on a PC that you alone use."))
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.error_label = error_label()
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.clicked.connect(self.test_connection)
        self.connect_button = QPushButton(self.tr("Connect"))
        self.connect_button.setDefault(True)
        self.buttons = QDialogButtonBox()
        self.buttons.addButton(self.test_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.connect_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.connect_to_server)
        self.buttons.rejected.connect(self.reject)
        self._lay_out()

    def _lay_out(self) -> None:
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_edit, 1)
        ca_row.addWidget(self.ca_button)
        form = QFormLayout()
        form.addRow(self.tr("Saved:"), self.saved_combo)
        form.addRow(self.tr("Name:"), self.name_edit)
        form.addRow(self.tr("Server:"), self.host_edit)
        form.addRow(self.tr("Port:"), self.port_spin)
        form.addRow(self.tr("Database:"), self.dbname_edit)
        form.addRow(self.tr("Login:"), self.login_edit)
        form.addRow(self.tr("The team's CA certificate:"), ca_row)
        form.addRow(self.tr("Password:"), self.password_edit)
        form.addRow("", self.remember_check)
        self.form = form
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    # -- profiles ---------------------------------------------------------------------

    def _fill_saved(self, saved: list[ConnectionProfile]) -> None:
        self._saved = saved
        self.saved_combo.clear()
        for profile in saved:
            self.saved_combo.addItem(profile.name)
        self.form.setRowVisible(self.saved_combo, bool(saved))

    def _pick_saved(self, index: int) -> None:
        if 0 <= index < len(self._saved):
            self.show_profile(self._saved[index])

    def show_profile(self, profile: ConnectionProfile) -> None:
        self.name_edit.setText(profile.name)
        self.host_edit.setText(profile.host)
        self.port_spin.setValue(profile.port)
        self.dbname_edit.setText(profile.dbname)
        self.login_edit.setText(profile.login)
        self.ca_edit.setText(str(profile.ca_file))
        remembered = profiles.remembered_password(profile)
        self.password_edit.setText(remembered or "")
        self.remember_check.setChecked(remembered is not None)
        self.password_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def profile(self) -> ConnectionProfile:
        """The profile as typed, checked (raises ProfileError with a Danish reason)."""
        host, dbname = self.host_edit.text().strip(), self.dbname_edit.text().strip()
        name = self.name_edit.text().strip() or f"{host}/{dbname}"
        ca_text = self.ca_edit.text().strip()
        return ConnectionProfile(name, host, self.port_spin.value(), dbname,
                                 self.login_edit.text().strip(),
                                 Path(ca_text) if ca_text else Path()).checked()

    def _choose_ca_file(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, self.tr("The team's CA certificate"), "",
            self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"))
        if chosen:
            self.ca_edit.setText(chosen)

    # -- connecting -------------------------------------------------------------------

    def _checked_input(self) -> tuple[ConnectionProfile, str] | None:
        try:
            profile = self.profile()
        except ProfileError as problem:
            self._show_error(str(problem))
            return None
        if not self.password_edit.text():
            self._show_error(self.tr("Enter your password."))
            return None
        return profile, self.password_edit.text()

    def test_connection(self) -> None:
        checked = self._checked_input()
        if checked is None:
            return
        profile, password = checked
        self._set_busy(True)
        task = self._runner.submit(lambda _context: check_connection(profile, password),
                                   label=self.tr("Testing the connection…"),
                                   report_errors=False, parent=self)
        task.succeeded.connect(self._tested)
        task.failed.connect(self._on_failed)

    def _tested(self, confirmation: str) -> None:
        self._set_busy(False)
        self.error_label.hide()
        self.status_label.setText(confirmation)

    def connect_to_server(self) -> None:
        checked = self._checked_input()
        if checked is None:
            return
        profile, password = checked
        remember = self.remember_check.isChecked()

        def job(_context: TaskContext) -> Workspace:
            workspace = load_server_workspace(open_server(profile, password), profile)
            profiles.save_profile(profile)
            if remember:
                profiles.remember_password(profile, password)
            else:
                profiles.forget_password(profile)
            return workspace

        self._set_busy(True)
        task = self._runner.submit(job, label=self.tr("Connecting to the team server…"),
                                   report_errors=False, parent=self)
        task.succeeded.connect(self._connected)
        task.failed.connect(self._on_failed)

    def _connected(self, workspace: Workspace) -> None:
        self._set_busy(False)
        self.opened.emit(workspace)
        self.accept()

    def _on_failed(self, message: str, _details: str) -> None:
        self._set_busy(False)
        self.status_label.clear()
        self._show_error(message)

    def _show_error(self, message: str) -> None:
        show_inline_error(self, self.error_label, message)

    def reject(self) -> None:
        if self.buttons.isEnabled():  # not while connecting: see _set_busy
            super().reject()

    def _set_busy(self, busy: bool) -> None:
        # A connection opened after cancel would stay open with no window to close it.
        self.buttons.setEnabled(not busy)

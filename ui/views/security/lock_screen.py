"""The lock screen: shown instead of the main window after idle time or a session lock.

No personal data is on screen while it shows (the main window and its views are gone,
or hidden when they hold unsaved edits) and the database is closed. Unlocking asks for
the team passphrase; when this PC remembers the key, it may unlock with that instead
(the same key would open the app after a restart anyway, so hiding the option would
protect nothing).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialogButtonBox, QPushButton, QWidget

from mentordesk.vault import KeyStore, unlock_with_keyring
from ui.tasks import TaskContext, TaskRunner
from ui.views.common.visibility import hidden_unless
from ui.views.opening.unlock_dialog import UnlockDialog
from ui.workspace import Workspace, load_workspace


class LockScreen(UnlockDialog):
    def __init__(self, path: Path, runner: TaskRunner, keystore: KeyStore,
                 key_remembered: bool, parent: QWidget | None = None, *,
                 login: str, kept_edits: Sequence[str] = ()) -> None:
        super().__init__(path, runner, keystore, parent, message="")
        # The person who locked, and only they: the kept window holds their work.
        self.login_edit.setText(login)
        self.login_edit.setReadOnly(True)
        self.first_time_check.setVisible(False)
        self.passphrase_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.setWindowTitle(self.tr("MentorDesk is locked"))
        text = self.tr(
            "MentorDesk was locked to protect the citizens' data. The database is closed. "
            "Enter your passphrase to continue where you left off.")
        if kept_edits:
            # Say where the edits are, and that quitting from here loses them.
            text += "\n\n" + self.tr(
                "Changes that were not saved are kept and come back when you unlock: "
                "{places}. Quitting MentorDesk from here discards them.").format(
                    places="; ".join(kept_edits))
        self.info_label.setTextFormat(Qt.TextFormat.PlainText)  # a citizen's name
        self.info_label.setText(text)
        self.info_label.setVisible(True)
        self.remember_check.setVisible(False)
        self.unlock_button.setText(self.tr("Unlock"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Quit MentorDesk"))
        self.keyring_button = QPushButton(self.tr("Unlock with this PC's saved key"))
        hidden_unless(key_remembered, self.keyring_button)
        self.keyring_button.clicked.connect(self.unlock_with_saved_key)
        self.buttons.addButton(self.keyring_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)
        self.setModal(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        # Escape must not quit the app by accident; "Quit MentorDesk" is a button.
        if event.key() != Qt.Key.Key_Escape:
            super().keyPressEvent(event)

    def unlock_with_saved_key(self) -> None:
        path, keystore, login = self.path, self._keystore, self.login_edit.text()

        def job(_context: TaskContext) -> Workspace:
            return load_workspace(unlock_with_keyring(path, keystore, login=login))

        self._set_busy(True)
        task = self._runner.submit(job, label=self.tr("Unlocking the database…"),
                                   report_errors=False, parent=self)
        task.succeeded.connect(self._on_unlocked)
        task.failed.connect(self._on_failed)

"""From start-up to an open database: first run, keyring, passphrase, demo.

Every step that touches a file runs on the worker thread; the dialogs only collect
input. The flow ends with ``opened(Workspace)`` or ``aborted(exit_code)``.

Opening the remembered file or the demo goes in two steps, so the window shows before
the database layer is imported (ARCHITECTURE.md, "Start-up"): a first look
(``keys.first_opening``: the person's keys and their first citizens list, by a plain
driver query) is announced as ``first_view(FirstView)``; right after the first paint the
full unlock runs with the keys already found and ends in ``opened`` as before. When the
full unlock fails, ``first_view_withdrawn`` comes first, and the failure is handled as it
always was. This module imports the dialogs and the vault only where they are used.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from mentordesk import paths
from mentordesk.errors import KeyUnavailable
from mentordesk.keys.first_opening import (
    FirstOpening,
    FirstOpeningInAdvance,
    first_opening_with_keyring,
    first_opening_with_passphrase,
)
from mentordesk.keys.identity import current_login
from mentordesk.keys.keystore import KeyStore
from ui import settings
from ui.settings import default_login
from ui.tasks import Task, TaskContext, TaskRunner, show_error
from ui.workspace import FirstView, Workspace, load_workspace

if TYPE_CHECKING:
    from ui.views.opening.create_database_dialog import CreateDatabaseDialog
    from ui.views.opening.first_run_dialog import FirstRunDialog
    from ui.views.opening.server_dialog import ServerConnectDialog
    from ui.views.opening.unlock_dialog import UnlockDialog

# The full unlock of a file opened in two steps, given the first look (None: there was
# none, so it does everything itself).
FullOpen = Callable[[FirstOpening | None], Workspace]

# Exit code of the command-line contract for "cannot open (wrong key, corrupt, …)".
EXIT_CANNOT_OPEN = 3


def ask_open_file(parent: QWidget | None, title: str, file_filter: str) -> Path | None:
    chosen, _filter = QFileDialog.getOpenFileName(parent, title, "", file_filter)
    return Path(chosen) if chosen else None


class OpeningFlow(QObject):
    opened = Signal(object)  # Workspace
    aborted = Signal(int)  # exit code
    first_view = Signal(object)  # FirstView: the window may show, not yet work
    first_view_withdrawn = Signal()  # the full unlock failed: hide what first_view showed
    asking = Signal()  # a dialog waits for the user (a good time to load the window)

    def __init__(self, runner: TaskRunner, keystore: KeyStore, demo_passphrase: str,
                 in_advance: FirstOpeningInAdvance | None = None) -> None:
        super().__init__()
        self._runner = runner
        self._keystore = keystore
        self._demo_passphrase = demo_passphrase
        self._in_advance = in_advance  # begun at launch (ui/launch.py): taken once
        # Replaceable so tests can answer the native file dialog.
        self.choose_file: Callable[[QWidget | None, str, str], Path | None] = ask_open_file
        self.first_run_dialog: FirstRunDialog | None = None
        self.create_dialog: CreateDatabaseDialog | None = None
        self.unlock_dialog: UnlockDialog | None = None
        self.server_dialog: ServerConnectDialog | None = None
        self.last_task: Task | None = None
        self.rollback_box: QMessageBox | None = None
        self._recovery_key = ""
        # Opened on the worker by a two-step open and not yet handed to the window: the
        # window may have been closed meanwhile, and shutdown must close these too.
        self._not_handed_over: list[Workspace] = []

    # -- entry points ---------------------------------------------------------------

    def start(self) -> None:
        """Open the remembered database, or ask what to do on a first run."""
        last = settings.last_database()
        if last is not None and last.exists():
            self.open_path(last)
        else:
            self.show_first_run()

    def show_first_run(self) -> None:
        if self.first_run_dialog is None:
            from ui.views.opening.first_run_dialog import FirstRunDialog

            dialog = FirstRunDialog()
            dialog.create_requested.connect(self.show_create)
            dialog.open_requested.connect(self.choose_and_open)
            dialog.server_requested.connect(self.show_server_connect)
            dialog.demo_requested.connect(lambda: self.open_demo(on_failure=self.show_first_run))
            dialog.rejected.connect(lambda: self.aborted.emit(0))
            self.first_run_dialog = dialog
        self.first_run_dialog.show()
        self.first_run_dialog.raise_()
        self.asking.emit()

    def open_path(self, path: Path, on_failure: Callable[[], None] | None = None) -> None:
        """Try the key remembered on this PC (off the GUI thread), else ask."""
        self._hide_first_run()
        keystore, login = self._keystore, default_login()

        def full_open(_first: FirstOpening | None) -> Workspace:
            # The remembered key is read again: a stale one is forgotten here, as always.
            from mentordesk.vault import unlock_with_keyring

            return load_workspace(unlock_with_keyring(path, keystore, login=login))

        def connect(task: Task) -> None:
            task.succeeded.connect(lambda workspace: self._finish(workspace, remember_path=True))
            task.failed.connect(
                lambda message, details: self._keyring_failed(
                    task, path, message, details, on_failure or self.show_first_run))

        self._open_in_two_steps(
            path, login, lambda: first_opening_with_keyring(path, keystore, login), full_open,
            self.tr("Opening {file}…").format(file=path.name), connect, report_errors=False)

    def choose_and_open(self) -> None:
        parent = self.first_run_dialog
        path = self.choose_file(parent, self.tr("Open MentorDesk database"),
                                self.tr("MentorDesk databases (*.mentordesk);;All files (*)"))
        if path is not None:
            self.open_path(path)

    def show_server_connect(self) -> None:
        """"Forbind til teamserver…": the profile dialog, then the main window."""
        from ui.views.opening.server_dialog import ServerConnectDialog

        dialog = ServerConnectDialog(self._runner)
        dialog.opened.connect(lambda workspace: self._finish(workspace, remember_path=False))
        dialog.rejected.connect(self.show_first_run)
        self.server_dialog = dialog
        self._hide_first_run()
        dialog.show()
        dialog.raise_()

    def show_create(self) -> None:
        from ui.views.opening.create_database_dialog import CreateDatabaseDialog

        dialog = CreateDatabaseDialog(self._runner, self._keystore)
        dialog.recovery_key_made.connect(self._keep_recovery_key)
        dialog.opened.connect(lambda workspace: self._finish(workspace, remember_path=True))
        dialog.rejected.connect(self.show_first_run)
        self.create_dialog = dialog
        self._hide_first_run()
        dialog.show()

    def open_demo(self, on_failure: Callable[[], None] | None = None) -> None:
        """Open the demo database, building it on first use (slow: progress, cancel)."""
        self._hide_first_run()
        # Started with --demo there is nothing to go back to: an error ends the app
        # with the "cannot open" code, a cancel by the user ends it normally.
        fail = on_failure or (lambda: self.aborted.emit(EXIT_CANNOT_OPEN))
        give_up = on_failure or (lambda: self.aborted.emit(0))
        path, passphrase = paths.demo_database_path(), self._demo_passphrase

        def connect(task: Task) -> None:
            task.succeeded.connect(lambda workspace: self._finish(workspace, remember_path=False))
            task.failed.connect(lambda _message, _details: fail())
            task.cancelled.connect(give_up)

        if path.exists():
            login = current_login()
            self._open_in_two_steps(
                path, login, lambda: first_opening_with_passphrase(path, passphrase, login),
                _open_demo_job(path, passphrase), self.tr("Opening the demo database…"),
                connect)
            return
        task = self._runner.submit(
            _build_demo_job(path, passphrase), cancellable=True,
            label=self.tr("Building the demo database with fictitious citizens…"))
        connect(task)
        self.last_task = task

    def _open_in_two_steps(self, path: Path, login: str,
                           first_look: Callable[[], FirstOpening | None],
                           full_open: FullOpen, label: str, connect: Callable[[Task], None],
                           *, report_errors: bool = True) -> None:
        """The first look (the one begun at launch when it is for this file and login),
        announced; then, after the first paint, the full unlock (``connect`` wires its
        outcome, as for a one-step open)."""
        in_advance, self._in_advance = self._in_advance, None
        begun = in_advance.take(path, login) if in_advance is not None else None
        first_look = begun or first_look

        def opened(first: FirstOpening | None) -> Workspace:
            workspace = full_open(first)
            self._not_handed_over.append(workspace)  # worker thread; taken in _finish
            return workspace

        def full(first: FirstOpening | None) -> None:
            task = self._runner.submit(lambda _context: opened(first), label=label,
                                       report_errors=report_errors)
            if first is not None:  # connected first: the window goes before any message
                task.failed.connect(lambda _message, _details: self.first_view_withdrawn.emit())
                task.cancelled.connect(self.first_view_withdrawn.emit)
            connect(task)
            self.last_task = task

        def looked(first: FirstOpening | None) -> None:
            if first is None:
                full(None)
                return
            self.first_view.emit(FirstView.of(first, path))
            # After the window's first paint: the full unlock imports the database layer,
            # and would hold the interpreter while the window is being drawn.
            QTimer.singleShot(0, lambda: full(first))

        look = self._runner.submit(lambda _context: first_look(), label=label,
                                   report_errors=False)
        look.succeeded.connect(looked)
        look.failed.connect(lambda _message, _details: full(None))  # the full way explains
        self.last_task = look

    def not_handed_over(self) -> list[Workspace]:
        """Workspaces opened whose window never came (the app quit first): for shutdown to
        close, on the worker, after every queued job."""
        return list(self._not_handed_over)

    def take_recovery_key(self) -> str:
        """The recovery key of a database just created, once (then forgotten here)."""
        key, self._recovery_key = self._recovery_key, ""
        return key

    def _keep_recovery_key(self, key: str) -> None:
        self._recovery_key = key

    # -- steps ------------------------------------------------------------------------

    def _keyring_failed(self, task: Task, path: Path, message: str, details: str,
                        on_failure: Callable[[], None]) -> None:
        from mentordesk.vault import StaleKey

        if isinstance(task.error, KeyUnavailable):
            # The core says why (nothing remembered, or the remembered key is stale).
            self.show_unlock(path, on_failure, message=message)
            if isinstance(task.error, StaleKey) and self.unlock_dialog is not None:
                # This PC chose to remember the key before: remember the new one again.
                self.unlock_dialog.remember_check.setChecked(True)
            return
        show_error(None, message, details)
        on_failure()

    def show_unlock(self, path: Path, on_cancel: Callable[[], None] | None = None,
                    message: str = "") -> None:
        from ui.views.opening.unlock_dialog import UnlockDialog

        dialog = UnlockDialog(path, self._runner, self._keystore, message=message)
        dialog.opened.connect(lambda workspace: self._finish(workspace, remember_path=True))
        dialog.rejected.connect(on_cancel or self.show_first_run)
        self.unlock_dialog = dialog
        dialog.show()
        dialog.raise_()
        self.asking.emit()

    def _finish(self, workspace: Workspace, *, remember_path: bool) -> None:
        if workspace in self._not_handed_over:
            self._not_handed_over.remove(workspace)
        if remember_path:
            # The demo is not remembered: the next plain start offers the team's database.
            settings.remember_database(workspace.database.path)
            settings.remember_login(workspace.actor.login)
        self._close_dialogs()
        self.opened.emit(workspace)
        if workspace.database.log_warning:
            self._warn_about_log(workspace.database.log_warning)

    def _warn_about_log(self, problem: str) -> None:
        """Loud, and logged in the file by the core: someone may have replaced the file
        with an older copy, or changed or cut the access log."""
        self.rollback_box = QMessageBox(QMessageBox.Icon.Warning, "MentorDesk", self.tr(
            "Warning: the database's access log is not as it must be."
            "\n\n{problem}\n\nTell your administrator. The warning is recorded in the "
            "access log.").format(problem=problem))
        self.rollback_box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.rollback_box.open()

    def _hide_first_run(self) -> None:
        if self.first_run_dialog is not None:
            self.first_run_dialog.hide()

    def _close_dialogs(self) -> None:
        for dialog in (self.first_run_dialog, self.create_dialog, self.unlock_dialog,
                       self.server_dialog):
            if dialog is not None and dialog.isVisible():
                _close_quietly(dialog)


def _close_quietly(dialog: QDialog) -> None:
    # Closing with reject() would fire the "go back" connections; hide() does not.
    dialog.blockSignals(True)
    dialog.hide()
    dialog.blockSignals(False)


def _open_demo_job(path: Path, passphrase: str) -> FullOpen:
    def job(first: FirstOpening | None) -> Workspace:
        from mentordesk.vault import unlock_with_keys, unlock_with_passphrase

        if first is None:
            return load_workspace(unlock_with_passphrase(path, passphrase))
        # The first look derived the passphrase's key already: not twice.
        return load_workspace(unlock_with_keys(path, first.login, first.keys))

    return job


def _build_demo_job(path: Path, passphrase: str) -> Callable[[TaskContext], Workspace]:
    def job(context: TaskContext) -> Workspace:
        # Imported here: the demo builder is large and only needed on first use.
        from mentordesk.demo import build_demo

        database = build_demo(path, passphrase, progress=context.report,
                              cancelled=context.cancelled)
        return load_workspace(database)

    return job

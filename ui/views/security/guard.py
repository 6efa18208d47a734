"""The application's security duties while a database is open.

* the lock record: register when a window opens, heartbeat, show who else has the file
  open in the status bar, release on lock and exit;
* auto-lock after idle time (and on the Windows session lock): the main window and all
  its views are destroyed (no personal data left on screen or in view models), the
  database is closed, and a lock screen asks for the passphrase; unlocking rebuilds the
  window on the same area. A window holding unsaved edits is hidden instead (with its
  dialogs), so the edits are not lost: the database is closed all the same, and on
  unlock the same Database object is re-bound to the key just verified and the window
  shown again. Those edits stay in this process's memory while locked, never on screen;
  quitting from the lock screen discards them (the lock screen says so);
* the clipboard guard; the sync-folder warning; restore, which needs the window and
  the database closed around it (the restore itself is the core's ``restore_database``,
  the same workflow ``mentordesk restore`` runs).

All database work goes to the worker thread (TaskRunner); this object only reacts.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QByteArray, QObject, Qt, QTimer
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from mentordesk.security import lock
from mentordesk.security.location import is_network_path, is_sync_folder
from mentordesk.storage.database import Database
from mentordesk.vault import KeyStore, RawKey
from ui.tasks import TaskContext, TaskRunner, show_error
from ui.views.security import preferences
from ui.views.security.clipboard import ClipboardGuard
from ui.views.security.hub import hub
from ui.views.security.idle import IdleWatcher, SessionLockFilter, watch_session_lock
from ui.views.security.lock_screen import LockScreen
from ui.workspace import Workspace, load_workspace

if TYPE_CHECKING:
    from mentordesk.server.profiles import ConnectionProfile
    from ui.views.main_window import MainWindow
    from ui.views.opening.server_dialog import ServerConnectDialog

log = logging.getLogger(__name__)


class SecurityGuard(QObject):
    def __init__(self, runner: TaskRunner, keystore: KeyStore,
                 show_window: Callable[[Workspace], MainWindow],
                 quit_app: Callable[[int], None]) -> None:
        super().__init__()
        self._runner = runner
        self._keystore = keystore
        self._show_window = show_window
        self._quit_app = quit_app
        self.window: MainWindow | None = None
        self.workspace: Workspace | None = None
        self.session_id: int | None = None
        self.lock_screen: LockScreen | ServerConnectDialog | None = None
        self.others_label = QLabel()
        self.others: list[lock.OpenBy] = []
        self.idle = IdleWatcher(preferences.idle_minutes() * 60_000, self)
        self.idle.idle.connect(self.lock)
        self.clipboard = ClipboardGuard(parent=self)
        self._heartbeat = QTimer(self)
        self._heartbeat.setInterval(lock.HEARTBEAT_SECONDS * 1000)
        self._heartbeat.timeout.connect(self._beat)
        self._session_filter: SessionLockFilter | None = None
        self._restore_state: tuple[int, QByteArray] | None = None
        # While locked with unsaved edits: the hidden window, its workspace and dialogs.
        self._kept: tuple[MainWindow, Workspace, list[QWidget]] | None = None
        hub().lock_requested.connect(self.lock)
        hub().idle_minutes_changed.connect(self._set_idle_minutes)
        hub().restore_requested.connect(self.restore)

    def _set_idle_minutes(self, minutes: int) -> None:
        self.idle.set_timeout_ms(minutes * 60_000)

    @property
    def is_locked(self) -> bool:
        return self.lock_screen is not None and self.lock_screen.isVisible()

    # -- a window opens ---------------------------------------------------------------

    def attach(self, window: MainWindow, workspace: Workspace) -> None:
        self.window, self.workspace = window, workspace
        self.idle.reset()
        self._restore_window_state(window)
        self.others_label.setText("")
        window.statusBar().addPermanentWidget(self.others_label)
        if self._session_filter is None:
            self._session_filter = watch_session_lock(int(window.winId()), self.lock)
        if workspace.is_server:
            return  # no lock record and no file location on a team server
        database, login = workspace.database, workspace.actor.login
        task = self._runner.submit(lambda _context: _register(database, login),
                                   report_errors=False)
        task.succeeded.connect(self._registered)
        self._heartbeat.start()
        self._warn_about_location(window, database.path)

    def _registered(self, outcome: tuple[int, list[lock.OpenBy]]) -> None:
        self.session_id, others = outcome
        self._show_others(others)

    def _beat(self) -> None:
        if self.workspace is None or self.session_id is None or self.is_locked:
            return
        database, session_id = self.workspace.database, self.session_id
        task = self._runner.submit(lambda _context: _heartbeat(database, session_id),
                                   report_errors=False)
        task.succeeded.connect(self._show_others)

    def _show_others(self, others: list[lock.OpenBy]) -> None:
        self.others = others
        if not others:
            self.others_label.setText("")
            self.others_label.setToolTip("")
            return
        names = lock.describe(others)
        self.others_label.setText(self.tr("Also open by: {names}").format(
            names=", ".join(names[:2]) + (" …" if len(names) > 2 else "")))
        self.others_label.setToolTip("\n".join(names))

    def _warn_about_location(self, window: MainWindow, path: Path) -> None:
        if is_sync_folder(path):
            show_error(window, self.tr(
                "The database lies in a cloud-synchronised folder (OneDrive, Dropbox or "
                "similar). Such folders copy half-written files between PCs and can damage "
                "the database. Move it to a local folder or a network share."))
        elif is_network_path(path):
            log.info("Database on a network path: rollback journal instead of WAL")

    # -- locking ------------------------------------------------------------------------

    def lock(self) -> None:
        """Hide everything, close the database, ask for the passphrase again."""
        if self.window is None or self.workspace is None or self.is_locked:
            return
        if self.workspace.server is not None:
            self._lock_server(self.workspace.server)
            return
        path, login = self.workspace.database.path, self.workspace.actor.login
        key_remembered = self._keystore.recall(self.workspace.file_id, login) is not None
        kept = [name for _row, name in self.window.unsaved_places()]
        if kept:
            log.info("Auto-lock: window hidden with unsaved edits, database closed")
            self._hide_window_and_close_database()
        else:
            log.info("Auto-lock: window closed, database closed")
            self._close_window_and_database()
        self.clipboard.clear_if_ours()
        # Only the person who locked may unlock: the kept window holds their edits.
        screen = LockScreen(path, self._runner, self._keystore, key_remembered, login=login,
                            kept_edits=kept)
        screen.opened.connect(self._unlocked)
        screen.rejected.connect(lambda: self._quit_app(0))
        self.lock_screen = screen
        screen.show()
        screen.raise_()

    def _lock_server(self, profile: ConnectionProfile) -> None:
        """As on the file, with the server's connections closed and the person's own
        server password asked for again (there is no key to re-verify)."""
        from ui.views.opening.server_dialog import ServerConnectDialog

        if self.window is not None and self.window.unsaved_places():
            self._hide_window_and_close_database()
        else:
            self._close_window_and_database()
        self.clipboard.clear_if_ours()
        screen = ServerConnectDialog(self._runner, profile=profile, locked=True)
        screen.opened.connect(self._unlocked)
        screen.rejected.connect(lambda: self._quit_app(0))
        self.lock_screen = screen
        screen.show()
        screen.raise_()

    def _unlocked(self, workspace: Workspace) -> None:
        self.lock_screen = None
        kept, self._kept = self._kept, None
        if kept is None:
            self._show_window(workspace)
            return
        window, old, dialogs = kept
        fresh = workspace.database

        def job(_context: TaskContext) -> None:
            if workspace.is_server:
                # The kept window's database opens new connections when next used (its
                # pool was closed at the lock); the password was just proven again.
                fresh.close()
                return
            # The views hold ``old``: give it the key the lock screen just verified (it
            # may even be a new one, if someone was removed meanwhile). The signer stays:
            # the lock screen let only the same person in.
            old.database.rebind(fresh.raw_key)
            fresh.close()

        task = self._runner.submit(job, label=self.tr("Unlocking the database…"),
                                   report_errors=False)
        task.succeeded.connect(lambda _result: self._reattach(window, old, dialogs))
        # Cannot reuse the old window: carry on in a new one, on the fresh database.
        task.failed.connect(lambda _message, _details: self._replace_kept(window, workspace))

    def _reattach(self, window: MainWindow, workspace: Workspace,
                  dialogs: list[QWidget]) -> None:
        window.show()
        window.raise_()
        window.activateWindow()
        for dialog in dialogs:
            if shiboken6.isValid(dialog):
                dialog.show()
        self.attach(window, workspace)

    def _replace_kept(self, window: MainWindow, workspace: Workspace) -> None:
        log.warning("Could not reattach the locked window; its unsaved edits are lost")
        window.blockSignals(True)
        window.close_without_asking()
        window.deleteLater()
        self._show_window(workspace)

    def _detach(self) -> tuple[MainWindow, Workspace]:
        """Stop the window's duties and close its database (on the worker)."""
        window, workspace, session_id = self.window, self.workspace, self.session_id
        assert window is not None and workspace is not None
        self._heartbeat.stop()
        self.window, self.workspace, self.session_id = None, None, None
        window.statusBar().removeWidget(self.others_label)
        self.others_label.setParent(None)
        database = workspace.database
        # Locking closes the database like quitting does, so it takes the day's backup
        # too (a locked app is often quit from the lock screen).
        self._runner.submit(lambda _context: close_database(database, session_id, backup=True),
                            report_errors=False)
        return window, workspace

    def _hide_window_and_close_database(self) -> None:
        window, workspace = self._detach()
        # Dialogs are windows of their own: hiding the main window leaves them up.
        dialogs = [child for child in window.findChildren(QWidget)
                   if child.isWindow() and child.isVisible()]
        for dialog in dialogs:
            dialog.hide()
        window.hide()
        self._kept = (window, workspace, dialogs)

    def _close_window_and_database(self) -> None:
        assert self.window is not None
        self._restore_state = (self.window.current_area(), self.window.saveGeometry())
        window, _workspace = self._detach()
        window.blockSignals(True)  # closing here is not a quit request
        window.close_without_asking()
        window.deleteLater()

    def _restore_window_state(self, window: MainWindow) -> None:
        if self._restore_state is None:
            return
        area, geometry = self._restore_state
        self._restore_state = None
        window.restoreGeometry(geometry)
        window.switch_area(area)

    # -- restore ------------------------------------------------------------------------

    def restore(self, backup: Path, backup_key: RawKey) -> None:
        """Close the window and database, restore on the worker and reopen as the same
        person (the file keeps its own key); a refused backup reopens the untouched
        database."""
        if self.window is None or self.workspace is None:
            return
        from mentordesk.security.workflows import restore_database

        database, session_id = self.workspace.database, self.session_id
        self._close_window_and_database()

        def job(_context: TaskContext) -> tuple[Workspace, str]:
            # The Result's changes (everything) need no publishing: every view is rebuilt.
            outcome = restore_database(database.path, backup, backup_key, current=database,
                                       session_id=session_id).value
            assert outcome.database is not None  # reopened, as ``current`` was given
            return load_workspace(outcome.database), str(outcome.refusal or "")

        task = self._runner.submit(job, label=self.tr("Checking and restoring the backup…"),
                                   cancellable=False, modal=True)
        task.succeeded.connect(self._after_restore)
        # Even reopening failed (the file vanished meanwhile): the message is shown by
        # the runner; nothing is left to show.
        task.failed.connect(lambda _message, _details: self._quit_app(3))

    def _after_restore(self, outcome: tuple[Workspace, str]) -> None:
        workspace, refusal = outcome
        window = self._show_window(workspace)
        if refusal:
            show_error(window, refusal)
        else:
            box = QMessageBox(QMessageBox.Icon.Information, "MentorDesk", self.tr(
                "The backup passed every check and has been restored. The replaced "
                "database was kept in the backup folder."), parent=window)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
            self.restored_box = box

    # -- exit ---------------------------------------------------------------------------

    def stop(self) -> None:
        # The hub outlives this guard (tests build many): leave no slot connected to it.
        hub().lock_requested.disconnect(self.lock)
        hub().idle_minutes_changed.disconnect(self._set_idle_minutes)
        hub().restore_requested.disconnect(self.restore)
        self._heartbeat.stop()
        self.idle.stop()
        self.clipboard.clear_if_ours()
        self.clipboard.stop()


def _register(database: Database, login: str) -> tuple[int, list[lock.OpenBy]]:
    session_id = lock.register(database, login)
    return session_id, lock.others(database, session_id)


def _heartbeat(database: Database, session_id: int) -> list[lock.OpenBy]:
    lock.heartbeat(database, session_id)
    return lock.others(database, session_id)


def close_database(database: Database, session_id: int | None, *,
                   backup: bool = False) -> None:
    """Worker thread: lock record away, the day's backup and access-log pruning (on exit
    and lock), connections closed."""
    if database.is_server:
        database.close()  # no lock record, file backup or file witness on a server
        return
    lock.release_quietly(database, session_id)
    if backup and not database.is_demo:
        from mentordesk.security.backups import closing_backup

        try:
            done = closing_backup(database)
            if done.backup is not None:
                log.info("Automatic daily backup written")
            if done.pruned:
                log.info("Access log pruned after the backup: %d events", done.pruned)
        except Exception:  # noqa: BLE001 - never keep the app from closing
            log.exception("Automatic backup or access-log pruning failed")
    _witness_log_head(database)
    database.close()


def _witness_log_head(database: Database) -> None:
    """This PC has now seen the log up to here: a later copy must extend it."""
    from mentordesk.keys.witness import remember_head

    try:
        remember_head(database, database.file_id)
    except Exception:  # noqa: BLE001 - never keep the app from closing
        log.exception("Could not note the access log's head on this PC")


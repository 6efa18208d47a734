"""Start MentorDesk: command line or GUI, QApplication set-up, wiring, clean exit.

``mentordesk``            the GUI: the remembered database, else the first-run dialog
                          (entered by ``ui/launch.py``, which begins the first opening)
``mentordesk --demo``     the GUI on the demo database (built on first use)
``mentordesk <command>``  the command line (``mentordesk.cli``), no Qt involved
``mentordesk --version``  the version
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QLocale, QObject, QTimer, Signal
from PySide6.QtGui import QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QDialog

from mentordesk import __version__
from mentordesk.keys.first_opening import FirstOpeningInAdvance
from mentordesk.keys.keystore import KeyStore

# Fictitious demo data only (README). Defined in the core so the CLI and GUI agree;
# re-exported here because callers know it as ui.app.DEMO_PASSPHRASE.
from mentordesk.paths import DEMO_PASSPHRASE
from mentordesk.security import app_log
from ui import settings
from ui.change_hub import ChangeHub
from ui.i18n import DANISH, install_translations
from ui.launch import wants_console
from ui.resource_paths import icon_path, style_path
from ui.tasks import TaskRunner
from ui.viewer_copies import viewer_copies
from ui.views.opening.flow import OpeningFlow
from ui.workspace import FirstView, Workspace

# Start-up shows the window before the database layer loads (ARCHITECTURE.md, "Start-up"):
# the modules below import the core's operations, the ORM or SQLAlchemy, so they are
# imported where they are first needed, never here.
if TYPE_CHECKING:
    from ui.views.main_window import MainWindow
    from ui.views.security.guard import SecurityGuard

# What the working window imports beyond its frame: loaded while a dialog waits for the
# user, so the window is quick to come once the passphrase is typed.
WINDOW_MODULES = ("ui.operations", "ui.views.main_window", "ui.views.citizens.citizens_view",
                  "ui.views.security.guard")

log = logging.getLogger(__name__)

EXIT_USAGE = 2
USE_THE_CONSOLE_PROGRAM = (
    "MentorDesk.exe er programmet med vinduer og kan ikke skrive i en konsol herfra.\n\n"
    "Brug mentordesk-cli.exe i en kommandoprompt til kommandolinjen, fx:\n"
    "mentordesk-cli --version"
)


class AppController(QObject):
    """Owns the worker, the opening flow and the main window; closes databases at exit.

    It asks to quit by signal (``main`` connects it to ``app.exit``), so tests can drive
    it without ending their own event loops.
    """

    quit_requested = Signal(int)  # exit code

    def __init__(self, runner: TaskRunner, keystore: KeyStore,
                 demo_passphrase: str = DEMO_PASSPHRASE,
                 in_advance: FirstOpeningInAdvance | None = None) -> None:
        super().__init__()
        self.runner = runner
        self.keystore = keystore
        self.flow = OpeningFlow(runner, keystore, demo_passphrase, in_advance)
        self.flow.first_view.connect(self.show_first_view)
        self.flow.first_view_withdrawn.connect(self._withdraw_first_view)
        self.flow.opened.connect(self.show_main_window)
        self.flow.aborted.connect(self._quit)
        self.flow.asking.connect(self._load_window_modules_soon)
        # The working window; before it, at start-up, the first window shows the first
        # list (the same window, attached once the database is open: then main_window).
        self.main_window: MainWindow | None = None
        self.first_window: MainWindow | None = None
        self.recovery_dialog: QDialog | None = None
        self.hub = ChangeHub()
        self.workspaces: list[Workspace] = []
        self.exit_code: int | None = None
        self._shut_down = False
        self._guard: SecurityGuard | None = None
        # Reports an earlier run handed to the PDF viewer are plaintext: not kept.
        viewer_copies().sweep_earlier()

    @property
    def guard(self) -> SecurityGuard:
        """Auto-lock, lock record, clipboard, restore (ui/views/security/guard.py), made
        with the first working window: it needs the database layer."""
        if self._guard is None:
            from ui.views.security.guard import SecurityGuard

            self._guard = SecurityGuard(self.runner, self.keystore, self.show_main_window,
                                        self._quit)
        return self._guard

    def start(self, *, demo: bool = False) -> None:
        if demo:
            self.flow.open_demo()
        else:
            self.flow.start()

    def _load_window_modules_soon(self) -> None:
        """A dialog waits for the user, or the first window is on screen and the full
        unlock has begun: import the working window's modules meanwhile. (Not while a key
        is derived: cryptography's Argon2id holds the interpreter lock.)"""
        QTimer.singleShot(0, lambda: [importlib.import_module(name) for name in WINDOW_MODULES])

    def show_first_view(self, view: FirstView) -> MainWindow:
        """The window with the first citizens list, before the database is fully open."""
        from ui.views.main_window import MainWindow

        window = MainWindow(view, self.runner, view.rows)
        window.closed.connect(lambda: self._quit(0))
        self.first_window = window
        window.show()
        # The flow starts the full unlock on a zero timer after this; ours comes after it,
        # so the worker is already busy with it while this thread imports.
        QTimer.singleShot(0, self._load_window_modules_soon)
        return window

    def _withdraw_first_view(self) -> None:
        """The full unlock failed: the first window goes before the flow says why."""
        window, self.first_window = self.first_window, None
        if window is not None:
            window.blockSignals(True)  # not a request to quit
            window.close_without_asking()
            window.deleteLater()

    def show_main_window(self, workspace: Workspace) -> MainWindow:
        from ui.operations import Operations
        from ui.views.main_window import MainWindow

        self.workspaces.append(workspace)
        ops = Operations(workspace, self.runner, self.hub)
        window, self.first_window = self.first_window, None
        if window is not None:
            window.attach(ops)
        else:
            window = MainWindow.of(ops)
            window.closed.connect(lambda: self._quit(0))
        self.main_window = window
        self.lock_shortcut = QShortcut(QKeySequence("Ctrl+L"), window, self.guard.lock)
        self.guard.attach(window, workspace)
        window.show()
        self._show_new_recovery_key(window)
        return window

    def _show_new_recovery_key(self, window: MainWindow) -> None:
        """A team just created: its recovery key, shown once, to print."""
        key = self.flow.take_recovery_key()
        if key:
            from ui.views.security.recovery_key_dialog import RecoveryKeyDialog

            self.recovery_dialog = RecoveryKeyDialog(window.ops, key, window)
            self.recovery_dialog.open()

    def _quit(self, code: int) -> None:
        self.exit_code = code
        self.quit_requested.emit(code)

    def shutdown(self) -> None:
        """Close every database on the worker thread that used it, then stop the worker."""
        if self._shut_down:
            return
        self._shut_down = True
        guard = self._guard
        if guard is not None:
            guard.stop()
        viewer_copies().remove_own()
        for window in (self.main_window, self.first_window):
            if window is not None and shiboken6.isValid(window):
                window.blockSignals(True)  # closing here is not a new quit request
                window.close_without_asking()  # asked already, or quit from lock
        databases = [workspace.database for workspace in self.workspaces]
        current = guard.workspace.database if guard and guard.workspace else None
        session_id = guard.session_id if guard else None

        def close_all() -> None:
            from ui.views.security.guard import close_database

            # The open one: lock record away and the day's automatic backup first.
            for database in databases:
                if database is current:
                    close_database(database, session_id, backup=True)
                else:
                    database.close()
            # Quit while the first window waited for the full open: it opened anyway.
            for workspace in self.flow.not_handed_over():
                workspace.database.close()

        self.runner.stop(cleanup=close_all)


def parse_options(args: Sequence[str]) -> tuple[argparse.Namespace, list[str]]:
    """Our options; anything unknown (e.g. Qt's ``-platform``) is left for Qt."""
    parser = argparse.ArgumentParser(prog="mentordesk", add_help=True)
    parser.add_argument("--demo", action="store_true",
                        help="open the demo database with fictitious data")
    parser.add_argument("--version", action="version", version=f"MentorDesk {__version__}")
    parser.add_argument("--self-check", type=Path, metavar="OUT.json",
                        help="check this installation on the demo data; result in OUT.json")
    parser.add_argument("--self-check-pdf", type=Path, metavar="PDF",
                        help="a PDF the self-check loads into the report preview")
    return parser.parse_known_args(list(args))


def configure_application(app: QApplication) -> None:
    """Names (QSettings location), Danish locale and translation, style, icon."""
    settings.name_the_settings()
    apply_look_and_language(app)
    # Windows are closed explicitly (main window, aborted flow): hiding the first-run
    # dialog between steps must not end the application.
    app.setQuitOnLastWindowClosed(False)


def apply_look_and_language(app: QApplication, qm: Path | None = None) -> None:
    """Danish locale, translations (``qm``: an already compiled catalogue), style."""
    QLocale.setDefault(DANISH)
    install_translations(app, qm)
    app.setStyle("Fusion")
    if style_path().is_file():
        app.setStyleSheet(style_path().read_text(encoding="utf-8"))
    if icon_path().is_file():
        app.setWindowIcon(QIcon(str(icon_path())))


def _run_cli(args: list[str]) -> int:
    # Imported only here: the command line must not pay for (or need) the GUI.
    from mentordesk import cli

    return int(cli.main(args) or 0)


def attach_parent_console() -> bool:
    """Give a windowed program (MentorDesk.exe, pythonw) the console it was started from.

    Windows starts a GUI-subsystem exe without a console (``sys.stdout`` is None), so a
    command run from ``cmd`` would print nothing. False when there is no parent console
    (started from Explorer or a shortcut with arguments).
    """
    if sys.platform != "win32" or sys.stdout is not None:
        return True
    import ctypes

    attach_parent_process = -1
    if not ctypes.windll.kernel32.AttachConsole(attach_parent_process):
        return False
    sys.stdout = open("CONOUT$", "w", encoding="utf-8", errors="replace")
    sys.stderr = open("CONOUT$", "w", encoding="utf-8", errors="replace")
    sys.stdin = open("CONIN$", encoding="utf-8")
    return True


def _tell_to_use_the_console_program() -> None:
    import ctypes

    message_box_icon_information = 0x40
    # ctypes.windll exists on Windows only, where this runs; mypy checks as on Linux.
    ctypes.windll.user32.MessageBoxW(  # type: ignore[attr-defined]
        None, USE_THE_CONSOLE_PROGRAM, settings.APPLICATION_NAME, message_box_icon_information)


def main(argv: Sequence[str] | None = None,
         in_advance: FirstOpeningInAdvance | None = None) -> int:
    """The program (``in_advance``: the first opening ``ui/launch.py`` began)."""
    argv = list(sys.argv if argv is None else argv)
    args = argv[1:]
    if wants_console(args) and not attach_parent_console():
        _tell_to_use_the_console_program()
        return EXIT_USAGE
    if args and not args[0].startswith("-"):
        return _run_cli(args)
    try:
        options, qt_args = parse_options(args)
    except SystemExit as exit_request:  # argparse: --help (0) or a usage error (2)
        return EXIT_USAGE if exit_request.code else 0
    app_log.configure()
    running = QApplication.instance()
    app = running if isinstance(running, QApplication) else QApplication(
        [argv[0] if argv else "mentordesk", *qt_args])
    configure_application(app)
    controller = AppController(TaskRunner(), KeyStore(), in_advance=in_advance)
    controller.quit_requested.connect(app.exit)
    app.aboutToQuit.connect(controller.shutdown)
    if options.self_check:
        from ui.self_check import SelfCheck

        SelfCheck(app, controller, options.self_check, options.self_check_pdf)  # owned by it
    demo = options.demo or bool(options.self_check)
    # Start inside the event loop, so an early abort (app.exit) is not lost.
    QTimer.singleShot(0, lambda: controller.start(demo=demo))
    code = app.exec()
    controller.shutdown()
    return code


if __name__ == "__main__":
    sys.exit(main())

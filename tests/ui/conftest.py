"""Qt test set-up: offscreen platform, Danish UI, isolated settings, files and keyring."""

from __future__ import annotations

import os

# pytest-qt does not choose a platform; this must be set before any QApplication exists.
os.environ["QT_QPA_PLATFORM"] = "offscreen"

from collections.abc import Callable, Iterator
from pathlib import Path

import keyring
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget
from qt_support import PASSPHRASE, TEAM_NAME, MemoryKeyring

from mentordesk.kernel.context import Context
from mentordesk.services.citizens import NewCitizen, create_citizen
from mentordesk.services.new_team import create_database
from mentordesk.services.team import resolve_actor
from mentordesk.storage.database import Database
from mentordesk.vault import KeyStore, current_login
from ui.app import AppController, apply_look_and_language
from ui.i18n import TranslationError, compile_translation, ts_paths
from ui.operations import ChangeHub, Operations
from ui.tasks import TaskRunner
from ui.workspace import Workspace


@pytest.fixture(scope="session")
def danish_qm(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Compile the .ts as the build does; an lrelease failure fails the whole run loudly."""
    target = tmp_path_factory.mktemp("translations") / "mentordesk_da.qm"
    try:
        return compile_translation(ts_paths(), target, strict=True)
    except TranslationError as error:
        pytest.fail(f"Compiling {ts_paths()} failed: {error}", pytrace=False)


@pytest.fixture(scope="session", autouse=True)
def danish_application(qapp: QApplication, danish_qm: Path) -> QApplication:
    """The UI under test speaks Danish, exactly as the real app."""
    qapp.setOrganizationName("MentorDeskTests")
    qapp.setApplicationName("MentorDeskTests")
    apply_look_and_language(qapp, qm=danish_qm)
    qapp.setQuitOnLastWindowClosed(False)
    return qapp


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """MENTORDESK_HOME and QSettings both point into this test's temporary folder."""
    home = tmp_path / "home"
    monkeypatch.setenv("MENTORDESK_HOME", str(home))
    monkeypatch.delenv("MENTORDESK_PASSPHRASE", raising=False)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "settings"))
    return home


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    """Injected through KeyStore(backend), and also made the process default so that
    no code path can reach the real OS keyring of the developer's PC."""
    backend = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def keystore(memory_keyring: MemoryKeyring) -> KeyStore:
    return KeyStore(memory_keyring)


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    task_runner = TaskRunner()
    yield task_runner
    task_runner.stop()


@pytest.fixture
def hub() -> ChangeHub:
    return ChangeHub()


@pytest.fixture
def make_ops(runner: TaskRunner, hub: ChangeHub) -> Callable[[Workspace], Operations]:
    """The operations runner a view gets, for a workspace, sharing one change hub."""
    return lambda workspace: Operations(workspace, runner, hub)


@pytest.fixture
def controller(keystore: KeyStore) -> Iterator[AppController]:
    app_controller = AppController(TaskRunner(), keystore)
    yield app_controller
    app_controller.shutdown()
    _close_top_level_windows()


def _close_top_level_windows() -> None:
    # Leftover dialogs or message boxes would leak into the next test.
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QWidget) and widget.isVisible():
            widget.close()


@pytest.fixture
def database_path(tmp_path: Path) -> Path:
    return tmp_path / "files" / "team.mentordesk"


@pytest.fixture
def make_database(keystore: KeyStore) -> Iterator:
    """Create a real encrypted database (closed again unless ``keep_open``)."""
    opened: list[Database] = []

    def make(path: Path, citizens: list[NewCitizen] = (), *, remember: bool = False,
             keep_open: bool = False) -> Database:
        database = create_database(path, PASSPHRASE, team_name=TEAM_NAME, remember=remember,
                                   keystore=keystore).database
        actor = resolve_actor(database, current_login())
        for citizen in citizens:
            create_citizen(Context(database, actor), citizen)
        if keep_open:
            opened.append(database)
        else:
            database.close()
        return database

    yield make
    for database in opened:
        database.close()

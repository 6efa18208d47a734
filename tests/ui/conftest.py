"""Qt test set-up: offscreen platform, Danish UI, isolated settings, files and keyring."""

from __future__ import annotations

import os

# pytest-qt does not choose a platform; this must be set before any QApplication exists.
os.environ["QT_QPA_PLATFORM"] = "offscreen"

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from mentordesk.services.citizens import NewCitizen, create_citizen  # noqa: E402
from mentordesk.services.team import resolve_actor  # noqa: E402
from mentordesk.storage.database import Database  # noqa: E402
from mentordesk.vault import KeyStore, create_database, current_login  # noqa: E402
from ui.app import AppController, apply_look_and_language  # noqa: E402
from ui.i18n import TranslationError, compile_translation, ts_path  # noqa: E402
from ui.tasks import TaskRunner  # noqa: E402

from qt_support import PASSPHRASE, TEAM_NAME, MemoryKeyring  # noqa: E402


@pytest.fixture(scope="session")
def danish_qm(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Compile the .ts as the build does; an lrelease failure fails the whole run loudly."""
    target = tmp_path_factory.mktemp("translations") / "mentordesk_da.qm"
    try:
        return compile_translation(ts_path(), target, strict=True)
    except TranslationError as error:
        pytest.fail(f"Compiling {ts_path()} failed: {error}", pytrace=False)


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
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "settings"))
    return home


@pytest.fixture
def memory_keyring() -> MemoryKeyring:
    return MemoryKeyring()


@pytest.fixture
def keystore(memory_keyring: MemoryKeyring) -> KeyStore:
    return KeyStore(memory_keyring)


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    task_runner = TaskRunner()
    yield task_runner
    task_runner.stop()


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
    return tmp_path / "team.mentordesk"


@pytest.fixture
def make_database(keystore: KeyStore) -> Iterator:
    """Create a real encrypted database (closed again unless ``keep_open``)."""
    opened: list[Database] = []

    def make(path: Path, citizens: list[NewCitizen] = (), *, remember: bool = False,
             keep_open: bool = False) -> Database:
        database = create_database(path, PASSPHRASE, team_name=TEAM_NAME, remember=remember,
                                   keystore=keystore)
        actor = resolve_actor(database, current_login())
        for citizen in citizens:
            create_citizen(database, actor, citizen)
        if keep_open:
            opened.append(database)
        else:
            database.close()
        return database

    yield make
    for database in opened:
        database.close()

"""What this PC remembers between runs (QSettings: the registry on Windows).

The path of the last used database, the login last used for it, and per user how they
divided the panes (splitters); never a key or a passphrase (a remembered key lives in the OS
keyring, see ``mentordesk.keys.keystore.KeyStore``). The login only fills in the login field.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings
from PySide6.QtWidgets import QSplitter

from mentordesk.keys.identity import current_login

# Where QSettings keeps them: HKCU\Software\MentorDesk\MentorDesk on Windows.
ORGANIZATION_NAME = "MentorDesk"
APPLICATION_NAME = "MentorDesk"
LAST_DATABASE_KEY = "database/last_path"
LAST_LOGIN_KEY = "database/last_login"
SPLITTER_GROUP = "layout/{login}/splitters"


def name_the_settings() -> None:
    """Give QSettings its place, unless the application has one: ``ui/launch.py`` names it
    before there is an application, ``ui.app.configure_application`` when there is (and
    the tests name it their own)."""
    if not QCoreApplication.organizationName():
        QCoreApplication.setOrganizationName(ORGANIZATION_NAME)
        QCoreApplication.setApplicationName(APPLICATION_NAME)


def _settings() -> QSettings:
    # Default constructor: the names set by name_the_settings; tests redirect the
    # storage with QSettings.setPath.
    return QSettings()


def last_database() -> Path | None:
    value = _settings().value(LAST_DATABASE_KEY, "")
    return Path(str(value)) if value else None


def remember_database(path: Path) -> None:
    settings = _settings()
    settings.setValue(LAST_DATABASE_KEY, str(path))
    settings.sync()


def forget_database() -> None:
    settings = _settings()
    settings.remove(LAST_DATABASE_KEY)
    settings.sync()


def last_login() -> str:
    """The login last used to unlock on this PC account ("" when none)."""
    return str(_settings().value(LAST_LOGIN_KEY, "") or "")


def default_login() -> str:
    """The login last used on this PC account, else the Windows login: only a default."""
    return last_login() or current_login()


def remember_login(login: str) -> None:
    settings = _settings()
    settings.setValue(LAST_LOGIN_KEY, login)
    settings.sync()


def remember_splitter(splitter: QSplitter, name: str, login: str) -> None:
    """Restore the divider positions ``login`` last chose for the splitter called ``name``
    (if any), and keep every later move of theirs. Per user: two mentors sharing a PC
    divide the screen their own way."""
    key = f"{SPLITTER_GROUP.format(login=login)}/{name}"
    state = _settings().value(key)
    if isinstance(state, QByteArray) and not state.isEmpty():
        splitter.restoreState(state)
    splitter.splitterMoved.connect(lambda *_args: _save_splitter(splitter, key))


def _save_splitter(splitter: QSplitter, key: str) -> None:
    settings = _settings()
    settings.setValue(key, splitter.saveState())

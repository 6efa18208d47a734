"""What this PC remembers between runs (QSettings: the registry on Windows).

Only the path of the last used database is kept here; never a key or a passphrase
(the raw key lives in the OS keyring, see ``mentordesk.vault.KeyStore``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

LAST_DATABASE_KEY = "database/last_path"


def _settings() -> QSettings:
    # Default constructor: organisation/application names set in ui.app; tests
    # redirect the storage with QSettings.setPath.
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

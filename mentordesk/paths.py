"""Where MentorDesk keeps its own files on this PC (platformdirs; Windows-safe)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from platformdirs import PlatformDirs

APP_NAME = "MentorDesk"
# Lets tests and portable installs keep everything in one folder.
HOME_OVERRIDE = "MENTORDESK_HOME"


def _dirs() -> PlatformDirs:
    return PlatformDirs(APP_NAME, appauthor=False, ensure_exists=False)


def data_dir() -> Path:
    override = os.environ.get(HOME_OVERRIDE)
    path = Path(override) / "data" if override else _dirs().user_data_path
    path.mkdir(parents=True, exist_ok=True)
    return path


def state_dir() -> Path:
    override = os.environ.get(HOME_OVERRIDE)
    path = Path(override) / "state" if override else _dirs().user_state_path
    path.mkdir(parents=True, exist_ok=True)
    return path


def config_dir() -> Path:
    """Settings the user chose on this PC (connection profiles): roams with the profile."""
    override = os.environ.get(HOME_OVERRIDE)
    path = Path(override) / "config" if override else _dirs().user_config_path
    path.mkdir(parents=True, exist_ok=True)
    return path


def temp_dir() -> Path:
    """The system's temp folder (under the home override when one is set)."""
    override = os.environ.get(HOME_OVERRIDE)
    if not override:
        return Path(tempfile.gettempdir())
    path = Path(override) / "temp"
    path.mkdir(parents=True, exist_ok=True)
    return path


def demo_database_path() -> Path:
    return data_dir() / "demo.mentordesk"


# The demo database holds only fictitious people, so its passphrase is public (README).
DEMO_PASSPHRASE = "demo-mentordesk-2026"

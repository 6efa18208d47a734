"""Shared constants and fakes for the Qt tests (imported by conftest and tests)."""

from __future__ import annotations

from keyring.backend import KeyringBackend

# Fictitious test passphrase and team.
PASSPHRASE = "korrekt hest batteri hæfteklamme"
TEAM_NAME = "Mentorteam Nord"


class MemoryKeyring(KeyringBackend):
    """An in-memory OS keyring: tests never touch the real one (or a plaintext file)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


def show_record_tab(record, title: str):
    """Bring the citizen record's tab ``title`` forward; the tab itself, built on showing."""
    tabs = record.tabs
    index = next(i for i in range(tabs.count()) if tabs.tabText(i) == title)
    tabs.setCurrentIndex(index)
    return tabs.widget(index).tab

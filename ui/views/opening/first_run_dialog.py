"""The first dialog on a PC that has not opened a database yet: four ways in."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCommandLinkButton, QDialog, QLabel, QVBoxLayout, QWidget


class FirstRunDialog(QDialog):
    """Create a new database, open an existing one, connect to the team's server, or
    try the demo database."""

    create_requested = Signal()
    open_requested = Signal()
    server_requested = Signal()
    demo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome to MentorDesk"))
        self.setMinimumWidth(460)
        intro = QLabel(self.tr(
            "MentorDesk keeps the team's cases in one encrypted database file. "
            "What would you like to do?"
        ))
        intro.setWordWrap(True)
        self.create_button = self._choice(
            self.tr("Create new database"),
            self.tr("Start a new, empty database for your team, protected by a passphrase."),
        )
        self.open_button = self._choice(
            self.tr("Open existing"),
            self.tr("Open a database file your team already uses."),
        )
        self.server_button = self._choice(
            self.tr("Connect to team server…"),
            self.tr("Log in as yourself to your team's MentorDesk server."),
        )
        self.demo_button = self._choice(
            self.tr("Open demo database"),
            self.tr("Try MentorDesk on fictitious data. Nothing you do there is real."),
        )
        self.create_button.clicked.connect(self.create_requested)
        self.open_button.clicked.connect(self.open_requested)
        self.server_button.clicked.connect(self.server_requested)
        self.demo_button.clicked.connect(self.demo_requested)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        for button in (self.create_button, self.open_button, self.server_button,
                       self.demo_button):
            layout.addWidget(button)

    def _choice(self, title: str, description: str) -> QCommandLinkButton:
        button = QCommandLinkButton(title, description, self)
        button.setAutoDefault(False)
        return button

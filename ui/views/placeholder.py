"""A page for an area that is not built yet, so the navigation is complete from day one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PlaceholderPage(QWidget):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title_label = QLabel(title)
        self.title_label.setObjectName("pageTitle")
        self.message_label = QLabel(self.tr("Coming soon"))
        self.message_label.setObjectName("comingSoon")
        detail = QLabel(self.tr("This area will arrive in a later version of MentorDesk."))
        detail.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for label in (self.title_label, self.message_label, detail):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(label)
        layout.addStretch(2)

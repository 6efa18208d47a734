"""Indstillinger → Logo til rapporter (administrators): choose the team logo printed in
every report header, see it, or remove it. Validation and storage are the core's
(``mentordesk.services.team_settings``); a refused file is explained and changes nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from mentordesk.kernel.changes import Changes, Kind
from mentordesk.kernel.context import Context
from mentordesk.services.team_settings import (
    MAX_LOGO_SIDE,
    TeamLogo,
    remove_team_logo,
    set_team_logo_from_file,
    team_logo,
)
from ui.operations import Operations
from ui.views.common.form_fields import confirm, plain_label
from ui.views.security.security_tab import ask_open_path

IMAGE_FILTER = "Billeder (*.png *.jpg *.jpeg);;Alle filer (*)"
PREVIEW_SIZE = (360, 120)


def current_logo(context: Context) -> bytes | None:
    return team_logo(context.database)


class LogoTab(QWidget):
    changed = Signal()  # the logo shown was (re)loaded, set or removed

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self.has_logo = False
        self.confirm_box: QMessageBox | None = None
        # Replaceable so tests can answer the native file dialog.
        self.choose_open_path: Callable[[QWidget, str, Path, str], Path | None] = ask_open_path
        self._build()
        ops.hub.changed.connect(self._on_changes)
        self.reload()

    def _build(self) -> None:
        intro = plain_label(self.tr(
            "The logo is printed at the top of every progression report. PNG or JPEG, at "
            "most 1 MB and {side} × {side} pixels.").format(side=MAX_LOGO_SIDE))
        self.preview = QLabel(self.tr("No logo chosen."))
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(*PREVIEW_SIZE)
        self.preview.setFrameShape(QLabel.Shape.StyledPanel)
        self.status_label = plain_label()
        self.choose_button = QPushButton(self.tr("Choose image…"))
        self.remove_button = QPushButton(self.tr("Remove logo"))
        self.choose_button.clicked.connect(self.choose)
        self.remove_button.clicked.connect(self.ask_remove)
        buttons = QHBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(buttons)
        layout.addWidget(self.status_label)
        layout.addStretch(1)
        self._show(None)

    def reload(self) -> None:
        self._ops.run(current_logo, owner=self, slot="load", label=self.tr("Loading the logo…"),
                      done=self._show)

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(Kind.SETTINGS):  # e.g. another window set a new logo
            self.reload()

    def choose(self) -> None:
        path = self.choose_open_path(self, self.tr("Choose logo"), Path.home(), IMAGE_FILTER)
        if path is not None:
            self.set_from_file(path)

    def set_from_file(self, path: Path) -> None:
        # The refusal is shown inline: the user sees why and can pick another file.
        self._ops.run(set_team_logo_from_file, path, owner=self, slot="save",
                      label=self.tr("Saving the logo…"), done=self._saved,
                      failed=self._refused)

    def ask_remove(self) -> None:
        self.confirm_box = confirm(self, self.tr("Remove the logo from the reports?"),
                                   self.remove)

    def remove(self) -> None:
        self._ops.run(remove_team_logo, owner=self, slot="save",
                      label=self.tr("Removing the logo…"), done=lambda _result: self._removed())

    def _saved(self, logo: TeamLogo) -> None:
        self._show(logo.png)
        self.status_label.setText(self.tr("The logo is saved ({width} × {height} pixels).")
                                  .format(width=logo.width, height=logo.height))

    def _removed(self) -> None:
        self._show(None)
        self.status_label.setText(self.tr("The logo is removed."))

    def _refused(self, message: str) -> None:
        self.status_label.setText(message)
        self.changed.emit()

    def _show(self, png: bytes | None) -> None:
        pixmap = QPixmap()
        self.has_logo = bool(png and pixmap.loadFromData(png))
        if self.has_logo:
            self.preview.setPixmap(pixmap.scaled(
                *PREVIEW_SIZE, Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation))
        else:
            self.preview.setPixmap(QPixmap())
            self.preview.setText(self.tr("No logo chosen."))
        self.remove_button.setEnabled(self.has_logo)
        self.changed.emit()

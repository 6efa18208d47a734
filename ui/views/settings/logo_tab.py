"""Indstillinger → Logo til rapporter (administrators): choose the team logo printed in
every report header, see it, or remove it. Validation and storage are the core's
(``mentordesk.services.team_settings``); a refused file is explained and changes nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from mentordesk.kernel.context import Context
from mentordesk.services.team_settings import (
    MAX_LOGO_SIDE,
    TeamLogo,
    remove_team_logo,
    set_team_logo_from_file,
    team_logo,
)
from ui.tasks import TaskContext, TaskRunner
from ui.views.common.form_fields import confirm, plain_label
from ui.views.security.security_tab import ask_open_path
from ui.workspace import Workspace

IMAGE_FILTER = "Billeder (*.png *.jpg *.jpeg);;Alle filer (*)"
PREVIEW_SIZE = (360, 120)


class LogoTab(QWidget):
    changed = Signal()  # the logo shown was (re)loaded, set or removed

    def __init__(self, workspace: Workspace, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._runner = runner
        self.has_logo = False
        self.confirm_box: QMessageBox | None = None
        # Replaceable so tests can answer the native file dialog.
        self.choose_open_path: Callable[[QWidget, str, Path, str], Path | None] = ask_open_path
        self._build()
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
        database = self._workspace.database
        task = self._runner.submit(lambda _c: team_logo(database),
                                   label=self.tr("Loading the logo…"), parent=self)
        task.succeeded.connect(self._show)

    def choose(self) -> None:
        path = self.choose_open_path(self, self.tr("Choose logo"), Path.home(), IMAGE_FILTER)
        if path is not None:
            self.set_from_file(path)

    def set_from_file(self, path: Path) -> None:
        database, actor = self._workspace.database, self._workspace.actor

        def job(_context: TaskContext) -> TeamLogo:
            return set_team_logo_from_file(Context(database, actor), path)

        # The refusal is shown inline: the user sees why and can pick another file.
        task = self._runner.submit(job, label=self.tr("Saving the logo…"), report_errors=False,
                                   parent=self)
        task.succeeded.connect(self._saved)
        task.failed.connect(lambda message, _details: self._refused(message))

    def ask_remove(self) -> None:
        self.confirm_box = confirm(self, self.tr("Remove the logo from the reports?"),
                                   self.remove)

    def remove(self) -> None:
        database, actor = self._workspace.database, self._workspace.actor
        task = self._runner.submit(lambda _c: remove_team_logo(Context(database, actor)),
                                   label=self.tr("Removing the logo…"), parent=self)
        task.succeeded.connect(lambda _result: self._removed())

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
        self.has_logo = bool(png) and pixmap.loadFromData(png)
        if self.has_logo:
            self.preview.setPixmap(pixmap.scaled(
                *PREVIEW_SIZE, Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation))
        else:
            self.preview.setPixmap(QPixmap())
            self.preview.setText(self.tr("No logo chosen."))
        self.remove_button.setEnabled(self.has_logo)
        self.changed.emit()

"""Show a new recovery key once: print it, or save the sheet where the admin chooses.

The key is never written anywhere by default. Printing goes straight to the printer
(QPrinter); saving a PDF asks for a place and warns first that a secret on disk must be
printed and then deleted.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.codes import RECOVERY_LOGIN
from mentordesk.security.recovery_sheet import suggested_sheet_name
from mentordesk.security.workflows import save_recovery_sheet
from ui.operations import Operations
from ui.views.common.form_fields import confirm


def print_document(parent: QWidget, document: QTextDocument) -> bool:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if QPrintDialog(printer, parent).exec() != QDialog.DialogCode.Accepted:
        return False
    document.print_(printer)
    return True


def ask_sheet_path(parent: QWidget, title: str, suggestion: Path) -> Path | None:
    chosen, _filter = QFileDialog.getSaveFileName(parent, title, str(suggestion), "PDF (*.pdf)")
    return Path(chosen) if chosen else None


class RecoveryKeyDialog(QDialog):
    def __init__(self, ops: Operations, recovery_key: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self._key = recovery_key
        # Replaceable so tests can stand in for the printer and the native file dialog.
        self.print_document: Callable[[QWidget, QTextDocument], bool] = print_document
        self.choose_path: Callable[[QWidget, str, Path], Path | None] = ask_sheet_path
        self.warning_box: QMessageBox | None = None
        self.setWindowTitle(self.tr("Recovery key"))
        self.setMinimumWidth(480)
        self._build()

    def _build(self) -> None:
        intro = QLabel(self.tr(
            "The recovery key opens the database if every administrator forgets their "
            "passphrase. Log in as «{login}» with this key. It is shown only now and is "
            "saved nowhere: print it and lock it away.").format(login=RECOVERY_LOGIN))
        intro.setWordWrap(True)
        self.key_edit = QLineEdit(self._key)
        self.key_edit.setReadOnly(True)
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.TypeWriter)
        font.setPointSize(font.pointSize() + 3)
        self.key_edit.setFont(font)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.clicked.connect(self.print_key)
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.save_button.clicked.connect(self.save_sheet)
        self.buttons = QDialogButtonBox()
        self.buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.done_button = self.buttons.addButton(self.tr("I have put it away"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.key_edit)
        layout.addWidget(self.status_label)
        layout.addWidget(self.buttons)

    def sheet_document(self) -> QTextDocument:
        workspace = self._ops.workspace
        document = QTextDocument(self)
        document.setHtml(self.tr(
            "<h1>Recovery key for MentorDesk</h1>"
            "<p>Team: {team}<br>Database file: {file}<br>File id: {file_id}</p>"
            "<p>Login: <b>{login}</b><br>Key: <b><tt>{key}</tt></b></p>"
            "<p>Lock this sheet away. Whoever holds it can open every citizen's data.</p>"
        ).format(team=html.escape(workspace.team_name), file=html.escape(workspace.file_name),
                 file_id=html.escape(workspace.file_id), login=RECOVERY_LOGIN,
                 key=html.escape(self._key)))
        return document

    def print_key(self) -> None:
        if self.print_document(self, self.sheet_document()):
            self.status_label.setText(self.tr("Sent to the printer."))

    def save_sheet(self) -> None:
        self.warning_box = confirm(self, self.tr(
            "The recovery key will be written into a PDF file. Anyone who can read that "
            "file can open the database. Save it only to print it, and delete the file "
            "afterwards. Continue?"), self._choose_and_save)

    def _choose_and_save(self) -> None:
        suggestion = Path.home() / suggested_sheet_name(self._ops.workspace.database.path)
        target = self.choose_path(self, self.tr("Save recovery sheet"), suggestion)
        if target is None:
            return
        self._ops.run(save_recovery_sheet, target, self._key, owner=self, slot="sheet",
                      label=self.tr("Saving the recovery sheet…"),
                      done=lambda path: self.status_label.setText(self.tr(
                          "Saved: {path}. Print it, then delete the file.").format(path=path)))

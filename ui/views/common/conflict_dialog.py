"""The conflict dialog: someone else saved the same record while you were editing.

For each field both of you changed it shows their saved text and yours, and an editable
result that starts with both texts, so nobody's words disappear unless a person removes
them. Non-text fields (dates, numbers, choices) are chosen as yours or theirs.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mentordesk.kernel.editing import FieldConflict
from ui.views.common.screen_fit import fit_to_screen


def both_texts(theirs: str, mine: str) -> str:
    """Their saved text first (it is already on record), then mine."""
    if not theirs.strip():
        return mine
    if not mine.strip() or mine == theirs:
        return theirs
    return f"{theirs}\n\n{mine}"


class _TextChoice(QGroupBox):
    def __init__(self, label: str, conflict: FieldConflict) -> None:
        super().__init__(label)
        self.conflict = conflict
        theirs_view = self._read_only(str(conflict.theirs))
        mine_view = self._read_only(str(conflict.mine))
        self.result = QPlainTextEdit(both_texts(str(conflict.theirs), str(conflict.mine)))
        self.use_mine = QPushButton(self.tr("Use mine"))
        self.use_theirs = QPushButton(self.tr("Use theirs"))
        self.use_both = QPushButton(self.tr("Keep both"))
        self.use_mine.clicked.connect(lambda: self.result.setPlainText(str(conflict.mine)))
        self.use_theirs.clicked.connect(lambda: self.result.setPlainText(str(conflict.theirs)))
        self.use_both.clicked.connect(lambda: self.result.setPlainText(
            both_texts(str(conflict.theirs), str(conflict.mine))))
        sides = QHBoxLayout()
        for caption, view in ((self.tr("Saved by someone else"), theirs_view),
                              (self.tr("Your version"), mine_view)):
            column = QVBoxLayout()
            column.addWidget(QLabel(caption))
            column.addWidget(view)
            sides.addLayout(column)
        buttons = QHBoxLayout()
        for button in (self.use_both, self.use_mine, self.use_theirs):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(sides)
        layout.addWidget(QLabel(self.tr("Save as:")))
        layout.addWidget(self.result)
        layout.addLayout(buttons)

    @staticmethod
    def _read_only(text: str) -> QPlainTextEdit:
        view = QPlainTextEdit(text)  # plain text: "<b>" and "&" are shown as typed
        view.setReadOnly(True)
        view.setMaximumHeight(110)
        return view

    def value(self) -> str:
        return self.result.toPlainText()


class _ValueChoice(QGroupBox):
    def __init__(self, label: str, conflict: FieldConflict, shown: Callable[[Any], str]) -> None:
        super().__init__(label)
        self.conflict = conflict
        self.theirs = QRadioButton(self.tr("Saved by someone else: {value}").format(
            value=shown(conflict.theirs)))
        self.mine = QRadioButton(self.tr("Your version: {value}").format(
            value=shown(conflict.mine)))
        self.mine.setChecked(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.theirs)
        layout.addWidget(self.mine)

    def value(self) -> Any:
        return self.conflict.mine if self.mine.isChecked() else self.conflict.theirs


class ConflictDialog(QDialog):
    """Resolve an ``EditConflict``; ``resolved_values()`` is what to save next."""

    def __init__(self, conflicts: list[FieldConflict], labels: Mapping[str, str],
                 shown: Callable[[Any], str] = str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Someone else saved first"))
        self.choices: list[_TextChoice | _ValueChoice] = []
        fields = QWidget()
        fields_layout = QVBoxLayout(fields)
        for conflict in conflicts:
            label = labels.get(conflict.field, conflict.field)
            if isinstance(conflict.mine, str) and isinstance(conflict.theirs, str):
                choice: _TextChoice | _ValueChoice = _TextChoice(label, conflict)
            else:
                choice = _ValueChoice(label, conflict, shown)
            self.choices.append(choice)
            fields_layout.addWidget(choice)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(fields)
        intro = QLabel(self.tr(
            "Another user saved changes to the same fields while you were editing. "
            "Nothing has been lost: choose what to save."))
        intro.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, QSize(760, 520))

    def resolved_values(self) -> dict[str, Any]:
        return {choice.conflict.field: choice.value() for choice in self.choices}

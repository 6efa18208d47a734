"""Someone else saved the same year's sheet while you were editing: choose what to keep.

The dialog lists what differs between their saved sheet and yours (line by line), and
offers: keep my version (saved over theirs, knowingly), take theirs (my edits are
dropped), or go back to editing (nothing saved). Nothing is overwritten silently.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.money import format_dkk
from mentordesk.economy import Sheet, SheetLine

KEEP_MINE, TAKE_THEIRS = 1, 2


def sheet_differences(theirs: Sheet, mine: Sheet) -> list[str]:
    """Readable lines: "Husleje: 5.000,00 kr./år (gemt) → 6.000,00 kr./år (din)"."""
    def key(line: SheetLine) -> tuple[str, str]:
        return (line.section.value, line.label.casefold())

    their_lines = {key(line): line for line in theirs.lines}
    my_lines = {key(line): line for line in mine.lines}
    result = []
    for name in dict.fromkeys([*their_lines, *my_lines]):
        saved, edited = their_lines.get(name), my_lines.get(name)
        if saved is None and edited is not None:
            result.append(f"+ {edited.label}: {_year(edited)}")
        elif edited is None and saved is not None:
            result.append(f"− {saved.label}: {_year(saved)}")
        elif saved is not None and edited is not None and (
                saved.months != edited.months or saved.note != edited.note
                or saved.person != edited.person):
            result.append(f"≠ {edited.label}: {_year(saved)} → {_year(edited)}")
    return result


def _year(line: SheetLine) -> str:
    return format_dkk(line.year_total)


class SheetConflictDialog(QDialog):
    def __init__(self, theirs: Sheet, mine: Sheet, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Someone else saved first"))
        self.theirs, self.mine = theirs, mine
        intro = QLabel(self.tr(
            "Another user saved this year's economy overview while you were editing. "
            "Nothing has been saved yet. Lines marked + are only in yours, − only in "
            "theirs, ≠ differ (year total: saved → yours)."))
        intro.setWordWrap(True)
        differences = sheet_differences(theirs, mine)
        self.differences = QPlainTextEdit("\n".join(differences) or self.tr(
            "The lines are the same; the household or the order differs."))
        self.differences.setReadOnly(True)
        buttons = QDialogButtonBox()
        self.keep_mine = QPushButton(self.tr("Save mine over theirs"))
        self.take_theirs = QPushButton(self.tr("Discard mine, show theirs"))
        self.back = QPushButton(self.tr("Back to editing"))
        buttons.addButton(self.keep_mine, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.take_theirs, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(self.back, QDialogButtonBox.ButtonRole.RejectRole)
        # Enter must not overwrite anybody's work: the safe choice is the default.
        for button in (self.keep_mine, self.take_theirs):
            button.setAutoDefault(False)
        self.back.setDefault(True)
        self.back.setFocus()
        self.keep_mine.clicked.connect(lambda: self.done(KEEP_MINE))
        self.take_theirs.clicked.connect(lambda: self.done(TAKE_THEIRS))
        self.back.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.differences, 1)
        layout.addWidget(buttons)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.resize(620, 380)

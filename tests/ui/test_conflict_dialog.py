"""The conflict dialog never drops anyone's text unless the user chooses to."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from mentordesk.kernel.editing import FieldConflict
from ui.views.common.conflict_dialog import ConflictDialog

MINE = "Min note med <b>fed</b> & =SUM(A1)"
THEIRS = "Deres note 🙂"


def test_text_conflict_starts_with_both_texts_and_buttons_choose(qtbot):
    dialog = ConflictDialog([FieldConflict("note", MINE, THEIRS)], {"note": "Note"})
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Nogen andre gemte først"
    assert dialog.resolved_values() == {"note": f"{THEIRS}\n\n{MINE}"}
    choice = dialog.choices[0]
    qtbot.mouseClick(choice.use_mine, Qt.MouseButton.LeftButton)
    assert dialog.resolved_values() == {"note": MINE}
    qtbot.mouseClick(choice.use_theirs, Qt.MouseButton.LeftButton)
    assert dialog.resolved_values() == {"note": THEIRS}
    assert choice.title() == "Note"
    assert choice.use_both.text() == "Behold begge"


def test_value_conflict_defaults_to_mine(qtbot):
    dialog = ConflictDialog([FieldConflict("contact_on", date(2026, 11, 20), date(2026, 11, 21))],
                            {"contact_on": "Dato"}, shown=lambda d: d.strftime("%d-%m-%Y"))
    qtbot.addWidget(dialog)
    choice = dialog.choices[0]
    assert "20-11-2026" in choice.mine.text() and "21-11-2026" in choice.theirs.text()
    assert dialog.resolved_values() == {"contact_on": date(2026, 11, 20)}
    choice.theirs.setChecked(True)
    assert dialog.resolved_values() == {"contact_on": date(2026, 11, 21)}

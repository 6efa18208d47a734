"""Choosing a citizen by typing: name, alias or initials narrow the list to the ones
that match, and choosing one gives its id; the appointment dialog and the report editor
use it instead of a drop-down of every name."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QApplication

from ui.views.common.citizen_combo import CitizenCombo

CITIZENS = [(1, "Gitte Gram"), (2, "Anders Jeppesen"), (3, "Ravnen"), (4, "Bente Hald")]
ALIASES = {3: "Ravnen", 4: "Bee"}


@pytest.fixture
def combo(qtbot):
    box = CitizenCombo()
    qtbot.addWidget(box)
    box.set_citizens(CITIZENS, none_text="(ingen borger)", aliases=ALIASES)
    box.show()
    qtbot.waitExposed(box)
    box.setFocus()
    return box


def offered(qtbot, combo, typed: str) -> list[str]:
    combo.lineEdit().clear()
    qtbot.keyClicks(combo.lineEdit(), typed)
    completer = combo.completer()
    model = completer.completionModel()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_typing_finds_by_name_alias_and_initials(qtbot, combo):
    assert combo.currentData() is None and combo.currentText() == "(ingen borger)"
    assert offered(qtbot, combo, "jepp") == ["Anders Jeppesen"]
    assert offered(qtbot, combo, "gg") == ["Gitte Gram"]  # the calendar's "GG · …"
    assert offered(qtbot, combo, "bee") == ["Bente Hald"]  # her alias
    assert offered(qtbot, combo, "ravn") == ["Ravnen"]


def test_enter_on_the_offered_citizen_chooses_them(qtbot, combo):
    offered(qtbot, combo, "gg")
    popup = combo.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=2_000)
    popup.setCurrentIndex(combo.completer().completionModel().index(0, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)

    assert combo.currentData() == 1
    assert combo.currentText() == "Gitte Gram"  # the name, not what was matched on


def test_half_a_name_left_behind_shows_the_chosen_citizen_again(qtbot, combo):
    combo.setCurrentIndex(combo.findData(2))
    combo.lineEdit().setText("Gitt")
    QApplication.sendEvent(combo.lineEdit(), QFocusEvent(QEvent.Type.FocusOut))  # Tab away

    assert combo.currentText() == "Anders Jeppesen"
    assert combo.currentData() == 2

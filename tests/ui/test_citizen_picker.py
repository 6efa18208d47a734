"""The shared "choose a citizen on the left": Danish order, search, choosing, and the
pages that use it (Handleplan, Økonomi). Real encrypted file, fictitious names."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from mentordesk.services.citizens import NewCitizen
from ui.views import economy
from ui.views.common.citizen_picker import CitizenPicker
from ui.workspace import load_workspace

TIMEOUT = 10_000
NAMES = [("Åse", "Ager"), ("Ærtebjerg", "Bo"), ("Øgle", "Olsen"), ("Zenia", "Zahle"),
         ("Anna", "Andersen")]


@pytest.fixture
def workspace(database_path, make_database):
    database = make_database(database_path, [NewCitizen(first_name=first, last_name=last)
                                             for first, last in NAMES], keep_open=True)
    return load_workspace(database)


@pytest.fixture
def picker(qtbot, workspace, make_ops):
    widget = CitizenPicker(make_ops(workspace))
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.citizens_loaded, timeout=TIMEOUT):
        widget.show()
    return widget


def test_lists_the_citizens_in_danish_order(picker):
    assert picker.names() == ["Anna Andersen", "Zenia Zahle", "Ærtebjerg Bo", "Øgle Olsen",
                              "Åse Ager"]
    assert picker.chosen_citizen() is None


def test_typing_searches_and_keeps_the_choice(qtbot, picker):
    with qtbot.waitSignal(picker.citizen_chosen, timeout=TIMEOUT) as chosen:
        picker.choose(5)
    assert chosen.args == [5] and picker.chosen_citizen() == 5
    with qtbot.waitSignal(picker.citizens_loaded, timeout=TIMEOUT):
        qtbot.keyClicks(picker.search_edit, "an")
    assert picker.names() == ["Anna Andersen"]
    assert picker.chosen_citizen() == 5  # still chosen: no signal, no reload of the page

    with qtbot.waitSignal(picker.cleared, timeout=TIMEOUT):
        picker.search_edit.setText("Zahle")
    assert picker.names() == ["Zenia Zahle"] and picker.chosen_citizen() is None


def test_moving_back_without_notifying(qtbot, picker):
    emitted: list[int] = []
    picker.citizen_chosen.connect(emitted.append)
    assert picker.choose(4, notify=False)
    assert picker.chosen_citizen() == 4 and emitted == []
    assert not picker.choose(99)  # not listed
    assert picker.chosen_citizen() is None


def test_enter_in_the_search_moves_to_the_list(qtbot, picker):
    picker.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is picker, timeout=TIMEOUT)
    picker.search_edit.setFocus()
    with qtbot.waitSignal(picker.citizen_chosen, timeout=TIMEOUT) as chosen:
        qtbot.keyClick(picker.search_edit, "\r")
    assert chosen.args == [5]  # the first in Danish order: Anna Andersen
    assert picker.citizen_list.hasFocus()


def test_economy_page_keeps_the_edited_citizen_when_the_user_cancels(qtbot, workspace,
                                                                     make_ops):
    page = economy.create_page(make_ops(workspace), "Økonomi")
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.citizens_loaded, timeout=TIMEOUT):
        page.show()
    with qtbot.waitSignal(page.editor.loaded, timeout=TIMEOUT):
        page.choose_citizen(1)
    page.editor.add_income_action.trigger()
    asked: list[bool] = []
    page.editor.unsaved_prompt = lambda: asked.append(True) or "cancel"

    page.picker.choose(2)  # as a click on another name

    assert asked == [True]
    assert page.picker.chosen_citizen() == 1 and page.editor.citizen_id == 1
    assert page.has_unsaved_changes()

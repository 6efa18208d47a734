"""Main window: title (DEMO), status bar, navigation, placeholders, keyboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from qt_support import TEAM_NAME

from mentordesk.services.citizens import NewCitizen, create_citizen
from mentordesk.storage.database import DEMO_KEY
from ui.operations import ChangeHub, Operations
from ui.views.main_window import MainWindow
from ui.views.placeholder import PlaceholderPage
from ui.workspace import load_workspace

AREAS = ["Borgere", "Frister", "Kontakter", "Handleplan", "Kalender", "Timer", "Økonomi",
         "Rapporter", "Samarbejdspartnere", "Team",
         "Log", "Indstillinger"]
RECORD_TABS = ["Oversigt", "Mentorer", "Kontakter", "Handleplan", "Bevillinger", "Samtykker",
               "Økonomi", "Rettigheder"]


def mark_as_demo(database) -> None:
    database.set_meta(DEMO_KEY, "1")


@pytest.fixture
def open_database(database_path, make_database):
    return make_database(database_path, keep_open=True)


@pytest.fixture
def window(qtbot, open_database, runner):
    main_window = MainWindow.of(Operations(load_workspace(open_database), runner, ChangeHub()))
    qtbot.addWidget(main_window)
    main_window.show()
    qtbot.waitExposed(main_window)
    return main_window


def test_title_status_bar_and_areas(window):
    assert window.windowTitle() == f"MentorDesk – {TEAM_NAME}"
    assert window.user_label.text().startswith("Bruger: ")
    assert window.user_label.text().endswith("(Administrator)")
    assert window.database_label.text() == "Database: team.mentordesk"
    names = [window.navigation.item(row).text() for row in range(window.navigation.count())]
    assert names == AREAS


def test_title_says_demo_when_database_is_demo(qtbot, open_database, runner):
    mark_as_demo(open_database)
    demo_window = MainWindow.of(Operations(load_workspace(open_database), runner, ChangeHub()))
    qtbot.addWidget(demo_window)

    assert demo_window.windowTitle() == f"MentorDesk – {TEAM_NAME} – DEMO (fiktive data)"


NOT_BUILT_YET: set[str] = set()


def test_areas_not_built_yet_show_coming_soon(window):
    for row in range(1, window.navigation.count()):
        if AREAS[row] not in NOT_BUILT_YET:
            continue
        window.navigation.setCurrentRow(row)
        page = window.pages.currentWidget()
        assert isinstance(page, PlaceholderPage)
        assert page.title_label.text() == AREAS[row]
        assert page.message_label.text() == "Kommer snart"


def activate(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2_000)


def test_alt_digits_switch_areas(qtbot, window):
    activate(qtbot, window)

    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    assert window.current_area() == 2
    qtbot.keyClick(window, Qt.Key.Key_9, Qt.KeyboardModifier.AltModifier)
    assert window.current_area() == 8
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert window.current_area() == 0


def test_ctrl_f_focuses_the_search_field(qtbot, window):
    activate(qtbot, window)
    window.switch_area(4)

    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)

    assert window.current_area() == 0
    qtbot.waitUntil(lambda: window.citizens_view.search_edit.hasFocus(), timeout=2_000)


def test_ctrl_q_closes_the_window(qtbot, window):
    activate(qtbot, window)

    with qtbot.waitSignal(window.closed, timeout=2_000):
        qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert window.quit_action.text() == "&Afslut"


def test_area_pages_are_built_when_first_shown(qtbot, window):
    """Start-up builds only the citizens area; the others (and their data loads) wait."""
    deadlines = window.pages.widget(AREAS.index("Frister"))
    assert deadlines.page is None
    window.switch_area(AREAS.index("Frister"))
    qtbot.waitUntil(lambda: deadlines.page is not None, timeout=2_000)
    assert deadlines.page.parent() is deadlines


def test_record_tabs_are_titled_and_built_when_first_shown(qtbot, window):
    """The record's tab bar names every tab from the start; a tab's area is built (and
    reads) only when the user goes to it."""
    tabs = window.citizens_view.record.tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == RECORD_TABS
    contributed = window.citizens_view.record.extra_tabs
    create_citizen(window.ops.context, NewCitizen(first_name="Bodil"))
    window.citizens_view.refresh()
    qtbot.waitUntil(lambda: window.citizens_view.visible_names() != [], timeout=5_000)
    window.citizens_view.table.selectRow(0)
    qtbot.waitUntil(lambda: window.citizens_view.record.is_shown(1), timeout=5_000)
    assert [tab.tab for tab in contributed] == [None] * len(contributed)

    tabs.setCurrentIndex(RECORD_TABS.index("Bevillinger"))

    grants = contributed[RECORD_TABS.index("Bevillinger") - 2]
    assert type(grants.tab).__name__ == "GrantsTab" and grants.tab.parent() is grants
    assert [tab.tab is None for tab in contributed].count(False) == 1

"""Ordinary work never opens a modal wait: searching, opening a citizen, saving a contact,
the Timer page and the calendar. Every operation is made slower than the old 0.6 s
threshold of the "Vent venligst" dialog (as at ten times the data), and the test fails if
any window-modal or application-modal window is shown meanwhile, or the search field
loses the focus while the list is read."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QWidget
from qt_support import show_record_tab

from mentordesk.demo import build_demo
from mentordesk.vault import current_login
from ui.operations import Operations
from ui.views.common.loading_bar import LoadingBar
from ui.views.main_window import MainWindow
from ui.workspace import load_workspace

SLOWER_THAN_THE_OLD_DIALOG = 0.8  # seconds each operation takes here
TODAY = date(2026, 11, 23)


class ModalWatch(QObject):
    """Notes every modal window shown while installed on the application."""

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) \
                and watched.isWindow() \
                and watched.windowModality() != Qt.WindowModality.NonModal:
            self.shown.append(f"{type(watched).__name__}: {watched.windowTitle()}")
        return False


@pytest.fixture
def slow_operations(monkeypatch: pytest.MonkeyPatch) -> None:
    run = Operations.run

    def slowed_run(self, operation, *args, **kwargs):  # type: ignore[no-untyped-def]
        def slow(context, *op_args, **op_kwargs):  # type: ignore[no-untyped-def]
            time.sleep(SLOWER_THAN_THE_OLD_DIALOG)
            return operation(context, *op_args, **op_kwargs)

        return run(self, slow, *args, **kwargs)

    monkeypatch.setattr(Operations, "run", slowed_run)


@pytest.fixture
def window(qtbot, tmp_path, make_ops, slow_operations) -> Iterator[MainWindow]:
    database = build_demo(tmp_path / "demo.mentordesk", "ingen ventedialoger her",
                          citizens=20, years=1, today=TODAY, operator_login=current_login())
    main_window = MainWindow.of(make_ops(load_workspace(database)))
    qtbot.addWidget(main_window)
    main_window.resize(1366, 728)
    main_window.show()
    qtbot.waitExposed(main_window)
    yield main_window
    main_window.close_without_asking()
    database.close()


@pytest.fixture
def watch(qapp) -> Iterator[ModalWatch]:
    watcher = ModalWatch()
    qapp.installEventFilter(watcher)
    yield watcher
    qapp.removeEventFilter(watcher)


def wait_for(condition, seconds: float = 20) -> None:  # type: ignore[no-untyped-def]
    """The worker must progress while the GUI waits: loop the events, never qWait."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        QApplication.processEvents()
        time.sleep(0.02)


def test_ordinary_work_shows_no_modal_wait(qtbot, window, watch):
    view = window.citizens_view
    window.activateWindow()
    wait_for(lambda: bool(view.visible_names()))

    view.focus_search()
    loaded: list[int] = []
    view.rows_loaded.connect(loaded.append)
    qtbot.keyClicks(view.search_edit, "an")
    wait_for(lambda: bool(loaded))
    assert view.search_edit.hasFocus(), "the list was read behind the user's typing"
    assert watch.shown == []

    view.table.selectRow(0)
    citizen = view.record.citizen_id
    wait_for(lambda: citizen is not None and view.record.is_shown(citizen))
    assert watch.shown == []

    contacts = show_record_tab(view.record, "Kontakter")
    wait_for(lambda: contacts.table.rows_model.rowCount() > 0 or window.ops.runner.is_idle())
    before = contacts.table.rows_model.rowCount()
    contacts.form.duration.spin.setValue(30)
    contacts.form.note_edit.setPlainText("Kort opfølgning")
    contacts.save()
    wait_for(lambda: contacts.table.rows_model.rowCount() == before + 1)
    assert watch.shown == []

    for area, shown in (("Timer", "overview"), ("Kalender", "scene")):
        window.switch_area(window.area_names().index(area))
        wait_for(lambda: window.pages.currentWidget().page is not None)
        page = window.pages.currentWidget().page
        wait_for(lambda page=page, shown=shown: getattr(page, shown) is not None)
    assert watch.shown == [], "a modal window opened for ordinary work"


def own_bar(view: QWidget) -> LoadingBar:
    """The thin busy bar lying over ``view``'s top edge."""
    bar = view.findChild(LoadingBar, options=Qt.FindChildOption.FindDirectChildrenOnly)
    assert bar is not None, f"{type(view).__name__} has no busy bar of its own"
    return bar


def shows_while_loading(bar: LoadingBar, view: QWidget) -> None:
    """The bar appears over the top of the view while its work runs, then goes away."""
    wait_for(bar.isVisible)
    assert bar.geometry().top() == 0 and bar.width() == view.width()
    assert bar.height() <= 6, "a thin line, not a panel hiding the view"
    wait_for(lambda: not bar.isVisible())


def test_slow_loads_show_inside_their_view_and_the_focus_stays(qtbot, window, watch):
    view = window.citizens_view
    window.activateWindow()
    wait_for(lambda: bool(view.visible_names()) and window.ops.runner.is_idle())

    view.focus_search()
    loaded: list[int] = []
    view.rows_loaded.connect(loaded.append)
    qtbot.keyClicks(view.search_edit, "an")
    list_bar = own_bar(view)
    wait_for(list_bar.isVisible)
    assert loaded == [], "the bar shows while the list is still being read"
    assert view.search_edit.hasFocus() and not own_bar(view.record).isVisible()
    wait_for(lambda: not list_bar.isVisible())
    assert loaded and view.search_edit.hasFocus(), "the focus stays where the user typed"

    view.table.selectRow(0)
    shows_while_loading(own_bar(view.record), view.record)
    tabs = view.record.tabs
    for title in ("Kontakter", "Handleplan", "Bevillinger", "Samtykker", "Økonomi"):
        tab = next(tabs.widget(i) for i in range(tabs.count()) if tabs.tabText(i) == title)
        tabs.setCurrentWidget(tab)
        shows_while_loading(own_bar(tab), tab)
        assert not list_bar.isVisible(), "a tab's read shows on the tab, not on the list"

    for area in ("Frister", "Kalender", "Timer", "Rapporter"):
        window.switch_area(window.area_names().index(area))
        page = window.pages.currentWidget()
        shows_while_loading(own_bar(page), page)
    assert watch.shown == [], "a modal window opened for ordinary work"

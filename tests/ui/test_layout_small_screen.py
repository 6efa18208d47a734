"""A 1366×768 office laptop: a maximised window is about 1366×728 (the taskbar takes the
rest). After the user has been through every page, every calendar view and every tab of a
citizen's record, the window must still be allowed to shrink to 1280×680 (a page that
once asked for more keeps the window from ever shrinking back), and the main table of each
place shows at least five rows."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QWidget,
)

from mentordesk.demo import build_demo
from mentordesk.vault import current_login
from ui.settings import remember_splitter
from ui.views.common.flow_layout import FlowLayout
from ui.views.main_window import MainWindow
from ui.workspace import load_workspace

LAPTOP = QSize(1366, 728)
LARGEST_MINIMUM = QSize(1280, 680)
FEWEST_ROWS = 5
TODAY = date(2026, 11, 23)
PASSPHRASE = "lille skærm på kontoret"


def settle(window: MainWindow, seconds: float = 0.3) -> None:
    """Let the worker answer and the page show it (loops the events, as the worker must
    progress while the GUI waits)."""
    deadline = time.monotonic() + 10
    quiet_since = None
    while time.monotonic() < deadline:
        QApplication.processEvents()
        if window.ops.runner.is_idle():
            quiet_since = quiet_since or time.monotonic()
            if time.monotonic() - quiet_since >= seconds:
                return
        else:
            quiet_since = None
        time.sleep(0.02)


@pytest.fixture
def window(qtbot, tmp_path, make_ops) -> Iterator[MainWindow]:
    database = build_demo(tmp_path / "demo.mentordesk", PASSPHRASE, citizens=30, years=1,
                          today=TODAY, operator_login=current_login())
    main_window = MainWindow.of(make_ops(load_workspace(database)))
    qtbot.addWidget(main_window)
    main_window.resize(LAPTOP)
    main_window.show()
    qtbot.waitExposed(main_window)
    settle(main_window)
    yield main_window
    main_window.close_without_asking()
    database.close()


def places(window: MainWindow) -> Iterator[tuple[str, QWidget]]:
    """Visits every page, the calendar's views and scopes, and every record tab; yields
    (where, the widget on screen) once each is loaded."""
    for row in range(window.navigation.count()):
        window.switch_area(row)
        settle(window)
        name = window.navigation.item(row).text()
        yield name, window.pages.currentWidget()
        if name == "Kalender":
            yield from calendar_views(window, window.pages.currentWidget().page)
    window.switch_area(0)
    view = window.citizens_view
    view.table.selectRow(0)
    settle(window)
    tabs = view.record.tabs
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        settle(window)
        yield f"Borger › {tabs.tabText(index)}", tabs.currentWidget()


def calendar_views(window: MainWindow, page) -> Iterator[tuple[str, QWidget]]:
    for scope in range(page.scope_combo.count()):
        page.scope_combo.setCurrentIndex(scope)
        settle(window)
        for button in page.view_buttons.buttons():
            button.click()
            settle(window)
            yield f"Kalender › {page.scope_combo.currentText()} › {button.text()}", page


def rows_shown(table: QTableView) -> float:
    return table.viewport().height() / table.verticalHeader().defaultSectionSize()


def main_table(place: QWidget) -> QTableView | None:
    """The largest table on screen in the place: the one the user works in."""
    tables = [table for table in place.findChildren(QTableView)
              if table.isVisible() and table.verticalHeader().defaultSectionSize() > 0]
    return max(tables, key=lambda table: table.height(), default=None)


def test_every_place_fits_a_laptop_and_shows_five_rows(window):
    too_few_rows: dict[str, float] = {}
    growth: dict[str, QSize] = {}
    for where, place in places(window):
        minimum = window.minimumSizeHint().expandedTo(window.minimumSize())
        if minimum.width() > LARGEST_MINIMUM.width() or \
                minimum.height() > LARGEST_MINIMUM.height():
            growth.setdefault(where, minimum)
        table = main_table(place)
        if table is not None and rows_shown(table) < FEWEST_ROWS:
            too_few_rows[where] = round(rows_shown(table), 1)
    assert growth == {}, "the window's minimum grew past 1280×680"
    assert too_few_rows == {}, "a main table shows fewer than five rows at 1366×728"
    assert window.size() == LAPTOP, "the window grew past the laptop's screen"


def test_a_toolbar_wraps_instead_of_widening_the_window(qtbot):
    bar = QWidget()
    qtbot.addWidget(bar)
    layout = FlowLayout(bar)
    layout.setContentsMargins(0, 0, 0, 0)
    buttons = [QPushButton(f"Handling nummer {number}") for number in range(8)]
    layout.add_widgets(*buttons[:5])
    layout.add_stretch()
    layout.add_widgets(*buttons[5:])
    widest = max(button.sizeHint().width() for button in buttons)
    one_line = max(button.sizeHint().height() for button in buttons)

    assert bar.minimumSizeHint().width() <= widest
    bar.resize(widest * 3, layout.heightForWidth(widest * 3))
    bar.show()
    qtbot.waitExposed(bar)
    assert layout.heightForWidth(widest * 3) > 2 * one_line  # three lines of buttons
    assert all(bar.rect().contains(button.geometry()) for button in buttons)
    assert layout.heightForWidth(widest * 20) == one_line  # a wide screen: one line
    layout.setGeometry(QRect(0, 0, widest * 20, one_line))
    assert buttons[-1].geometry().right() >= widest * 20 - 2  # the right group at the edge


def test_the_report_preview_fits_the_screen(qtbot):
    from ui.views.reports.preview import ReportPreviewDialog

    dialog = ReportPreviewDialog(one_page_pdf(), "Statusrapport")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)

    area = dialog.screen().availableGeometry()
    assert dialog.frameGeometry().height() <= area.height()
    assert dialog.width() <= area.width()
    assert area.contains(dialog.print_button.mapToGlobal(dialog.print_button.rect().center()))


def one_page_pdf() -> bytes:
    from io import BytesIO

    from reportlab.pdfgen.canvas import Canvas

    out = BytesIO()
    canvas = Canvas(out)
    canvas.drawString(72, 720, "Statusrapport")
    canvas.save()
    return out.getvalue()


def test_divider_positions_are_remembered_per_user(qtbot):
    def splitter_for(login: str, sizes: list[int] | None = None) -> QSplitter:
        splitter = QSplitter()
        qtbot.addWidget(splitter)
        for _pane in range(2):
            splitter.addWidget(QWidget())
        splitter.resize(1000, 400)
        splitter.setSizes([500, 500])
        remember_splitter(splitter, "citizens", login)
        if sizes:
            splitter.setSizes(sizes)
            splitter.splitterMoved.emit(sizes[0], 1)  # as a drag of the divider does
        return splitter

    splitter_for("bodil", [300, 700])
    splitter_for("jens", [700, 300])

    handle = QSplitter().handleWidth()  # the panes share what the divider leaves
    assert abs(splitter_for("bodil").sizes()[0] - 300) <= handle
    assert abs(splitter_for("jens").sizes()[0] - 700) <= handle
    assert abs(splitter_for("karen").sizes()[0] - 500) <= handle  # the default


def test_the_list_of_citizens_can_give_its_room_to_the_record(qtbot, window):
    view = window.citizens_view
    view.table.selectRow(0)
    settle(window)
    record_width = view.record.width()
    assert record_width > view.table.width()  # the record gets more room than the list

    view.list_button.click()
    settle(window, 0.1)
    assert not view.table.isVisible()
    assert view.record.width() > record_width + 200

    view.list_button.click()
    settle(window, 0.1)
    assert view.table.isVisible() and view.record.width() == record_width


class ControlsShownAsWindows(QObject):
    """Notes every button, label, field or box that is shown as a window of its own: a
    control made visible before it has a parent flashes on the screen as a small window
    and takes the keyboard focus from the window the user is typing in."""

    CONTROLS = (QAbstractButton, QLabel, QLineEdit, QComboBox, QAbstractItemView)
    MEANT_AS_WINDOWS = (Qt.WindowType.Popup, Qt.WindowType.ToolTip)  # a completer's list

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.Show and isinstance(watched, self.CONTROLS)
                and watched.isWindow() and watched.windowType() not in self.MEANT_AS_WINDOWS):
            self.seen.append(f"{type(watched).__name__} {getattr(watched, 'text', str)()!r}")
        return False


@pytest.fixture
def controls_shown_as_windows(qapp) -> Iterator[ControlsShownAsWindows]:
    watcher = ControlsShownAsWindows()
    qapp.installEventFilter(watcher)
    yield watcher
    qapp.removeEventFilter(watcher)


def test_no_control_flashes_as_a_window_of_its_own(controls_shown_as_windows, window):
    """Building the window, every page, calendar view and record tab shows no control
    outside the window (on Windows each would flash and steal the focus)."""
    for _where, _widget in places(window):
        pass
    assert controls_shown_as_windows.seen == []

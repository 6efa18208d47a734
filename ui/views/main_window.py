"""The main window: navigation on the left, one page per area, who and what below.

It is built in two steps, so it can show at start-up before the database layer loads:
the frame (title, navigation, status bar and the first citizens list, from
``WindowFacts``) and then ``attach(ops)``, once the database is fully open, which puts
the working citizens area in place of the first list and lets the areas open.
``MainWindow.of(ops)`` does both at once. This module imports no area, and no part of
the core beyond plain values, until ``attach``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mentordesk.storage.citizen_rows import CitizenRow
from ui.tasks import TaskRunner
from ui.views.areas import CitizenTab, CitizenTabSpec
from ui.views.common.loading_bar import LoadingBar
from ui.views.common.screen_fit import fit_to_screen
from ui.views.first_list import FirstListPage
from ui.views.placeholder import PlaceholderPage
from ui.views.save_then_close import Savable, SaveThenClose, can_save
from ui.workspace import WindowFacts

if TYPE_CHECKING:
    from ui.operations import Operations
    from ui.views.citizens.citizens_view import CitizensView
    from ui.workspace import Workspace

# The busy bar shows only for work that takes noticeably long; quick loads never flicker.
BUSY_BAR_DELAY_MS = 300

PageFactory = Callable[["Operations", str], QWidget]


def _page_imported_when_shown(module: str) -> PageFactory:
    """The area's ``create_page``, importing the area only when its page is first built:
    the areas pull in hundreds of milliseconds of modules that the start-up window (the
    citizens list) does not need."""

    def create_page(ops: Operations, title: str) -> QWidget:
        return importlib.import_module(module).create_page(ops, title)

    return create_page


def _tab_imported_when_shown(module: str) -> Callable[[Operations], CitizenTab]:
    """The area's ``create_citizen_tab``, importing the area when the tab is first shown."""

    def create_citizen_tab(ops: Operations) -> CitizenTab:
        tab: CitizenTab = importlib.import_module(module).create_citizen_tab(ops)
        return tab

    return create_citizen_tab


class LazyPage(QWidget):
    """Builds its area's page when first shown: the pages load their data as they are
    built, and at start-up the worker should serve the citizens list first."""

    def __init__(self, build: Callable[[], QWidget]) -> None:
        super().__init__()
        self._build = build
        self.page: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def showEvent(self, event: QShowEvent) -> None:
        if self.page is None:
            self.page = self._build()
            self._layout.addWidget(self.page)
        super().showEvent(event)


class MainWindow(QMainWindow):
    closed = Signal()

    def __init__(self, facts: WindowFacts, runner: TaskRunner,
                 first_rows: Sequence[CitizenRow] = (), parent: QWidget | None = None) -> None:
        """The frame, showing ``first_rows`` until :meth:`attach` (see the module)."""
        super().__init__(parent)
        self.ops: Operations  # set by attach
        self.workspace: Workspace  # set by attach
        self.citizens_view: CitizensView  # set by attach
        self._runner = runner
        self._close_confirmed = False
        self.close_question: QMessageBox | None = None
        self.save_button: QPushButton | None = None  # in the close question, when offered
        self.saving_to_close: SaveThenClose | None = None
        self.setWindowTitle(self.title_for(facts))
        # As large as wanted on a big screen; within a laptop's work area otherwise.
        fit_to_screen(self, QSize(1280, 800))
        self.first_list: FirstListPage | None = FirstListPage(first_rows, facts.actor)
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setEnabled(False)  # the areas work once the database is open
        self.pages = QStackedWidget()
        self._add_areas()
        self.navigation.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.navigation.setCurrentRow(0)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self._build_menu(facts)
        self._build_status_bar(facts)

    @classmethod
    def of(cls, ops: Operations) -> MainWindow:
        """The whole window for an open workspace."""
        window = cls(ops.workspace, ops.runner)
        window.attach(ops)
        return window

    @property
    def is_attached(self) -> bool:
        return self.first_list is None

    def attach(self, ops: Operations) -> None:
        """The database is open: the working citizens area replaces the first list (it
        shows the same rows without reading them again), and every area opens."""
        from ui.views.citizens.citizens_view import CitizensView  # the core's operations load here

        self.ops, self.workspace = ops, ops.workspace
        first_list, self.first_list = self.first_list, None
        assert first_list is not None, "attached twice"
        shown = first_list.rows if first_list.rows else None
        self.citizens_view = CitizensView(ops, record_tabs=self._record_tabs(),
                                          first_rows=shown)
        done_meanwhile = first_list.state()
        # In its place before the first list goes: removing the page on screen first would
        # show the next area's page, which would build itself and read (and log) its data.
        self.pages.insertWidget(0, self.citizens_view)
        self.navigation.setCurrentRow(0)
        self.pages.setCurrentIndex(0)
        self.pages.removeWidget(first_list)
        first_list.deleteLater()
        self.navigation.setEnabled(True)
        if self.import_action is not None:
            self.import_action.setEnabled(not ops.workspace.is_server)
        self._build_shortcuts()
        self.citizens_view.continue_from(done_meanwhile)
        # The record's tabs once the working window is on screen (record.py).
        QTimer.singleShot(0, self.citizens_view.record.build_soon)

    def title_for(self, workspace: WindowFacts) -> str:
        title = self.tr("MentorDesk – {team}").format(team=workspace.team_name)
        if workspace.is_server:
            # Which server and as whom: never mistake one team's server for another's.
            title += f" – {workspace.server_title}"
        if workspace.is_demo:
            # Never mistake fictitious demo data for the team's real cases.
            title += self.tr(" – DEMO (fictitious data)")
        return title

    def area_names(self) -> list[str]:
        return [name for name, _factory in self._areas()]

    def _record_tabs(self) -> list[CitizenTabSpec]:
        """The tabs other areas add to a citizen's record, after Oversigt and Mentorer."""
        return [CitizenTabSpec(title, _tab_imported_when_shown(module)) for title, module in (
            (self.tr("Contacts"), "ui.views.contacts"),
            (self.tr("Action plan"), "ui.views.plan"),
            (self.tr("Grants"), "ui.views.grants"),
            (self.tr("Consents"), "ui.views.partners"),
            (self.tr("Economy"), "ui.views.economy"),
            (self.tr("Rights"), "ui.views.rights"),
        )]

    def _areas(self) -> list[tuple[str, PageFactory | None]]:
        """Navigation order; None: not built yet (a placeholder page)."""
        return [
            (self.tr("Citizens"), None),
            (self.tr("Deadlines"), _page_imported_when_shown("ui.views.deadlines")),
            (self.tr("Contacts"), _page_imported_when_shown("ui.views.contacts")),
            (self.tr("Action plan"), _page_imported_when_shown("ui.views.plan")),
            (self.tr("Calendar"), _page_imported_when_shown("ui.views.calendar")),
            (self.tr("Hours"), _page_imported_when_shown("ui.views.hours")),
            (self.tr("Economy"), _page_imported_when_shown("ui.views.economy")),
            (self.tr("Reports"), _page_imported_when_shown("ui.views.reports")),
            (self.tr("Partners"), _page_imported_when_shown("ui.views.partners")),
            (self.tr("Team"), _page_imported_when_shown("ui.views.team")),
            (self.tr("Log"), _page_imported_when_shown("ui.views.audit")),
            (self.tr("Settings"), _page_imported_when_shown("ui.views.settings")),
        ]

    def _add_areas(self) -> None:
        for number, (name, factory) in enumerate(self._areas(), start=1):
            item = QListWidgetItem(name)
            item.setToolTip(f"{name} (Alt+{number})" if number <= 9 else name)
            item.setSizeHint(QSize(150, 34))
            self.navigation.addItem(item)
            page: QWidget
            if number == 1:
                assert self.first_list is not None
                page = self.first_list  # until attach puts the citizens area here
            elif factory is None:
                page = PlaceholderPage(name)
            else:
                page = LazyPage(partial(self._build_page, factory, name))
                LoadingBar(page, self._runner)  # the page's loads show on the page
            self.pages.addWidget(page)
        self.navigation.setFixedWidth(170)

    def _build_page(self, factory: PageFactory, name: str) -> QWidget:
        page = factory(self.ops, name)
        if hasattr(page, "citizen_requested"):  # e.g. a deadline: open that citizen
            page.citizen_requested.connect(self.open_citizen)
        return page

    def open_citizen(self, citizen_id: int) -> None:
        self.switch_area(0)
        self.citizens_view.open_citizen(citizen_id)

    def open_import(self) -> None:
        from ui.views.importing import open_import_wizard  # only coordinators, rarely

        open_import_wizard(self, self.ops)  # the citizens list hears of them through the hub

    def _build_menu(self, facts: WindowFacts) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.import_action: QAction | None = None
        if facts.actor.sees_all_citizens:  # importing is for coordinators
            self.import_action = QAction(self.tr("&Import citizens…"), self)
            self.import_action.triggered.connect(self.open_import)
            self.import_action.setEnabled(False)  # until attach
            if facts.is_server:
                # The import's safety copy is a copy of the file; the server's is IT's.
                self.import_action.setToolTip(self.tr(
                    "Not on a team server yet: IT imports with mentordesk server import."))
            file_menu.addAction(self.import_action)
            file_menu.addSeparator()
        # Ctrl+Q spelled out: QKeySequence.Quit is empty on Windows.
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.quit_action)

    def _build_status_bar(self, facts: WindowFacts) -> None:
        actor = facts.actor
        self.user_label = QLabel(self.tr("User: {name} ({role})").format(
            name=actor.full_name, role=actor.role.label))
        self.database_label = QLabel(self.tr("Database: {file}").format(
            file=facts.file_name))
        if facts.file_path is not None:
            self.database_label.setToolTip(str(facts.file_path))
        self.busy_bar = QProgressBar()
        self.busy_bar.setObjectName("busyBar")
        self.busy_bar.setRange(0, 0)  # indeterminate: ordinary work reports no steps
        self.busy_bar.setMaximumWidth(160)
        self.busy_bar.setMaximumHeight(12)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.hide()
        self._busy_delay = QTimer(self)
        self._busy_delay.setSingleShot(True)
        self._busy_delay.setInterval(BUSY_BAR_DELAY_MS)
        self._busy_delay.timeout.connect(self.busy_bar.show)
        self._runner.activity.connect(self._show_activity)
        self.statusBar().addWidget(self.user_label)
        self.statusBar().addPermanentWidget(self.busy_bar)
        self.statusBar().addPermanentWidget(self.database_label)

    def _show_activity(self, running: int, label: str) -> None:
        """A thin busy bar for work in progress: never a dialog, never the focus."""
        self.busy_bar.setToolTip(label)
        if running and not self._busy_delay.isActive() and not self.busy_bar.isVisible():
            self._busy_delay.start()
        elif not running:
            self._busy_delay.stop()
            self.busy_bar.hide()

    def _build_shortcuts(self) -> None:
        QShortcut(QKeySequence("Ctrl+F"), self, self.focus_search)
        for number in range(1, min(9, self.navigation.count()) + 1):
            QShortcut(QKeySequence(f"Alt+{number}"), self,
                      lambda row=number - 1: self.switch_area(row))

    def switch_area(self, row: int) -> None:
        self.navigation.setCurrentRow(row)

    def current_area(self) -> int:
        return self.pages.currentIndex()

    def focus_search(self) -> None:
        """Ctrl+F: the only searchable area so far is Borgere, so go there and search."""
        self.switch_area(0)
        self.citizens_view.focus_search()

    # -- closing: nothing lost --------------------------------------------------------

    def unsaved_places(self) -> list[tuple[int, str]]:
        """(navigation row, what to call it) for every place holding edits not saved:
        the citizen's record (case form and its tabs) and any built area page that
        says so through ``has_unsaved_changes``."""
        places: list[tuple[int, str]] = []
        if not self.is_attached:
            return places  # nothing can be edited before the database is open
        summary = self.citizens_view.record.unsaved_summary()
        if summary:
            places.append((0, f"{self.navigation.item(0).text()}: {summary}"))
        for row in range(1, self.pages.count()):
            page = getattr(self.pages.widget(row), "page", None)
            check = getattr(page, "has_unsaved_changes", None)
            if check is not None and check():
                places.append((row, self.navigation.item(row).text()))
        return places

    def place_widget(self, row: int) -> QWidget | None:
        """What holds the edits of an unsaved place: the record, or an area's page."""
        if row == 0:
            return self.citizens_view.record
        page: QWidget | None = getattr(self.pages.widget(row), "page", None)
        return page

    def close_without_asking(self) -> None:
        """Close even with unsaved edits: the caller has asked, or keeps them (lock)."""
        self._close_confirmed = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        places = [] if self._close_confirmed else self.unsaved_places()
        if places:
            # Closing waits for the answer; the question does not block the event loop
            # (the worker may still be delivering a save).
            event.ignore()
            if self.saving_to_close is None:  # "Gem" already chosen: its saves decide
                self._ask_before_closing(places)
            return
        self.closed.emit()
        super().closeEvent(event)

    def _ask_before_closing(self, places: list[tuple[int, str]]) -> None:
        if self.close_question is not None:
            self.close_question.raise_()
            return
        savable = all(can_save(self.place_widget(row)) for row, _name in places)
        box = QMessageBox(QMessageBox.Icon.Warning, "MentorDesk", self.tr(
            "There are changes that have not been saved:\n\n{places}\n\n"
            "If you close without saving, they are lost.").format(
                places="\n".join(f"• {name}" for _row, name in places)), parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)  # a citizen's name is never markup
        # Offered only when every place can save from here (not, e.g., an open dialog).
        self.save_button = box.addButton(self.tr("Save"), QMessageBox.ButtonRole.AcceptRole) \
            if savable else None
        self.discard_button = box.addButton(self.tr("Don't save"),
                                            QMessageBox.ButtonRole.DestructiveRole)
        self.cancel_close_button = box.addButton(self.tr("Cancel"),
                                                 QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(self.cancel_close_button)  # Enter keeps the edits
        box.setEscapeButton(self.cancel_close_button)
        box.finished.connect(lambda _result: self._close_answered(box, places))
        self.close_question = box
        box.open()

    def _close_answered(self, box: QMessageBox, places: list[tuple[int, str]]) -> None:
        self.close_question = None
        box.deleteLater()
        clicked = box.clickedButton()
        if clicked is self.discard_button:
            self.close_without_asking()
        elif self.save_button is not None and clicked is self.save_button:
            self._save_then_close(places)
        else:  # stay, and show where the edits are
            self._show_unsaved_place()

    def _save_then_close(self, places: list[tuple[int, str]]) -> None:
        savers: list[Savable] = []
        for row, _name in places:
            widget = self.place_widget(row)
            if isinstance(widget, Savable):
                savers.append(widget)
        self.saving_to_close = SaveThenClose(
            self.ops.runner, savers, still_unsaved=lambda: bool(self.unsaved_places()),
            close=self._saved_for_closing, stay=self._save_for_closing_failed, parent=self)

    def _saved_for_closing(self) -> None:
        self.saving_to_close = None
        self.close()  # nothing unsaved is left: closes without a question

    def _save_for_closing_failed(self) -> None:
        """A save failed or needs an answer (a conflict): the view shows why; stay there."""
        self.saving_to_close = None
        self._show_unsaved_place()

    def _show_unsaved_place(self) -> None:
        places = self.unsaved_places()
        if not places:
            return
        self.switch_area(places[0][0])
        if places[0][0] == 0:
            self.citizens_view.record.show_unsaved()

"""The Kalender page: day, week (default) and month for a mentor, a citizen or the team.

Data is read on the worker thread and prepared into a ``CalendarScene`` there; the GUI
only paints it. Only the newest answer is shown (quick PgDn presses do not flicker
through old weeks). The page reloads when the change hub reports changed appointments,
logged contacts (the done marks) or staffed hours: at once while shown, else when next
shown. Keyboard: PgUp/PgDn or Alt+Left/Right move, T jumps to today.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import cast

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mentordesk.kernel.changes import Changes, Kind
from mentordesk.schedule.calendar import CalendarItem
from ui.i18n import DANISH
from ui.operations import Operations
from ui.views.calendar import data
from ui.views.calendar.actions import CalendarActions
from ui.views.calendar.agenda import AgendaList
from ui.views.calendar.month_grid import MonthGrid
from ui.views.calendar.scene import (
    AGENDA,
    DAY,
    MONTH,
    WEEK,
    CalendarScene,
    Occurrence,
    period_for,
    step,
)
from ui.views.calendar.time_grid import TimeGrid
from ui.views.common.flow_layout import FlowLayout
from ui.views.common.reload_when_shown import ReloadWhenShown

TEAM, MENTOR, CITIZEN = "team", "mentor", "citizen"
# Appointments and groups, the done marks (logged contacts), the staffed hours.
SHOWN_KINDS = (Kind.SCHEDULE, Kind.CONTACTS, Kind.SETTINGS)


class CalendarPage(QWidget):
    scene_loaded = Signal(object)  # CalendarScene; tests and the bench listen
    choices_loaded = Signal()  # mentors and citizens for the filter and dialogs

    def __init__(self, ops: Operations, title: str, parent: QWidget | None = None, *,
                 today: date | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self._choices_loaded = False
        self.today = today or date.today()
        self.anchor = self.today
        self.view = WEEK
        self.scene: CalendarScene | None = None
        # Stale until first shown: nothing read yet. The choices are read first.
        self._refresh_when_shown = ReloadWhenShown(self, self._read_scene, stale=True,
                                                   on_show=self._load_choices_once)
        self.calendar_actions = CalendarActions(ops, self)
        self._build(title)
        self._build_shortcuts()
        ops.hub.changed.connect(self._on_changes)

    # -- layout -----------------------------------------------------------------------

    def _build(self, title: str) -> None:
        title_label = QLabel(title)
        title_label.setObjectName("pageTitle")
        self.period_label = QLabel()
        self.period_label.setObjectName("periodTitle")
        font = self.period_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.period_label.setFont(font)
        self.previous_button = QPushButton(self.tr("◀ Previous"))
        self.today_button = QPushButton(self.tr("Today"))
        self.next_button = QPushButton(self.tr("Next ▶"))
        self.previous_button.setToolTip(self.tr("Previous period (PgUp, Alt+Left)"))
        self.next_button.setToolTip(self.tr("Next period (PgDn, Alt+Right)"))
        self.today_button.setToolTip(self.tr("Go to today (T)"))
        self.previous_button.clicked.connect(lambda: self.step_period(-1))
        self.next_button.clicked.connect(lambda: self.step_period(1))
        self.today_button.clicked.connect(self.go_today)
        self.view_buttons = QButtonGroup(self)
        for view, text in ((DAY, self.tr("Day")), (WEEK, self.tr("Week")),
                           (MONTH, self.tr("Month")), (AGENDA, self.tr("Agenda"))):
            button = QPushButton(text)
            button.setCheckable(True)
            button.setChecked(view == self.view)
            button.setProperty("view", view)
            self.view_buttons.addButton(button)
        self.view_buttons.buttonClicked.connect(
            lambda button: self.set_view(button.property("view")))
        self.scope_combo = QComboBox()
        self.scope_combo.addItem(self.tr("Whole team"), TEAM)
        self.scope_combo.addItem(self.tr("Mentor"), MENTOR)
        self.scope_combo.addItem(self.tr("Citizen"), CITIZEN)
        self.choice_combo = QComboBox()
        # A long citizen's name must not set the width of the whole window.
        self.choice_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.choice_combo.setMinimumContentsLength(24)
        self.scope_combo.currentIndexChanged.connect(self._on_scope_changed)
        self.choice_combo.currentIndexChanged.connect(lambda _index: self.refresh())
        self.new_button = QPushButton(self.tr("New appointment…"))
        self.new_button.clicked.connect(lambda: self.calendar_actions.new_appointment(None))
        self.groups_button = QPushButton(self.tr("Group courses…"))
        self.groups_button.clicked.connect(self.calendar_actions.open_groups)
        self.absence_button = QPushButton(self.tr("Absence…"))
        self.absence_button.clicked.connect(self.calendar_actions.open_absences)
        self.staffed_button = QPushButton(self.tr("Staffed hours…"))
        self.staffed_button.setToolTip(self.tr("The team's staffed hours per weekday"))
        self.staffed_button.clicked.connect(self.calendar_actions.open_staffed_hours)
        self.export_button = QPushButton(self.tr("Export to Outlook…"))
        self.export_button.clicked.connect(self.calendar_actions.export_ics)
        self.import_button = QPushButton(self.tr("Import from Outlook (ICS)…"))
        self.import_button.clicked.connect(self.import_ics)
        self.done_button = QPushButton(self.tr("Mark as done (Ctrl+D)"))
        self.done_button.setToolTip(self.tr(
            "Logs the chosen appointment as a contact held (also on the right-click menu)."))
        self.done_button.setEnabled(False)
        self.done_button.clicked.connect(self.mark_chosen_done)
        self.chosen: Occurrence | None = None
        self.time_grid = TimeGrid()
        self.month_grid = MonthGrid()
        self.agenda = AgendaList()
        for grid in (self.time_grid.body, self.month_grid, self.agenda):
            grid.block_activated.connect(self.calendar_actions.edit_occurrence)
            grid.block_menu_requested.connect(self._show_menu)
        for chooser in (self.time_grid.body, self.agenda):
            chooser.block_selected.connect(self._choose)
        self.time_grid.body.slot_activated.connect(self.calendar_actions.new_appointment)
        self.month_grid.day_activated.connect(self.open_day)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.time_grid)
        self.stack.addWidget(self.month_grid)
        self.stack.addWidget(self.agenda)
        self.status_label = QLabel()
        legend = QLabel(self.tr(
            "⚠ and a red frame: conflict (hover for the reason). ✓ done, ✗ not attended, "
            "⊘ cancelled. "
            "Red days: public holidays. Grey: outside the team's staffed hours. "
            "Double-click to open, right-click for more."))
        legend.setObjectName("hintLabel")
        legend.setWordWrap(True)
        # Both rows wrap rather than widen the window on a laptop screen.
        top = FlowLayout()
        top.add_widgets(title_label, self.period_label)
        top.add_stretch()
        top.add_widgets(*self.view_buttons.buttons())
        navigation = FlowLayout()
        navigation.add_widgets(self.previous_button, self.today_button, self.next_button)
        navigation.add_spacing(16)
        navigation.add_widgets(QLabel(self.tr("Show:")), self.scope_combo, self.choice_combo)
        navigation.add_spacing(16)
        navigation.addWidget(self.done_button)
        navigation.add_stretch()
        navigation.add_widgets(self.new_button, self.groups_button, self.absence_button,
                               self.staffed_button, self.export_button, self.import_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(navigation)
        layout.addWidget(self.stack, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(legend, 1)
        bottom.addWidget(self.status_label)
        layout.addLayout(bottom)
        self.choice_combo.setVisible(False)
        # Team settings: coordinators and admins only (the core refuses others too).
        self.staffed_button.setVisible(self._ops.actor.sees_all_citizens)
        if not self._ops.actor.sees_all_citizens:
            # A mentor starts with their own calendar; the team view is one click away.
            self.scope_combo.setCurrentIndex(self.scope_combo.findData(MENTOR))

    def _build_shortcuts(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, action in (("PgUp", lambda: self.step_period(-1)),
                             ("PgDown", lambda: self.step_period(1)),
                             ("Alt+Left", lambda: self.step_period(-1)),
                             ("Alt+Right", lambda: self.step_period(1)), ("T", self.go_today),
                             ("Ctrl+D", self.mark_chosen_done)):
            QShortcut(QKeySequence(keys), self, action, context=context)

    # -- navigation -------------------------------------------------------------------

    def step_period(self, direction: int) -> None:
        self.anchor = step(self.view, self.anchor, direction)
        self.refresh()

    def go_today(self) -> None:
        self.anchor = self.today
        self.refresh()

    def go_to(self, day: date) -> None:
        self.anchor = day
        self.refresh()

    def set_view(self, view: str) -> None:
        self.view = view
        for button in self.view_buttons.buttons():
            button.setChecked(button.property("view") == view)
        self.stack.setCurrentWidget({MONTH: self.month_grid, AGENDA: self.agenda}.get(
            view, self.time_grid))
        self._choose(None)
        self.refresh()

    def open_day(self, day: date) -> None:
        self.anchor = day
        self.set_view(DAY)

    def period(self) -> tuple[date, date]:
        return period_for(self.view, self.anchor)

    def period_title(self) -> str:
        """"Uge 48 · 23.–29. november 2026", "Marts 2026", "mandag 23. november 2026"."""
        first, last = self.period()
        if self.view == DAY:
            return self.tr("{weekday} {day}. {month} {year} · week {week}").format(
                weekday=DANISH.dayName(first.isoweekday()), day=first.day,
                month=DANISH.monthName(first.month), year=first.year,
                week=first.isocalendar().week)
        if self.view == MONTH:
            return f"{DANISH.standaloneMonthName(self.anchor.month).capitalize()} " \
                   f"{self.anchor.year}"
        week = self.tr("Week {week}").format(week=first.isocalendar().week)
        if first.month == last.month:
            span = f"{first.day}.–{last.day}. {DANISH.monthName(last.month)} {last.year}"
        elif first.year == last.year:
            span = (f"{first.day}. {DANISH.monthName(first.month)} – {last.day}. "
                    f"{DANISH.monthName(last.month)} {last.year}")
        else:
            span = (f"{first.day}. {DANISH.monthName(first.month)} {first.year} – "
                    f"{last.day}. {DANISH.monthName(last.month)} {last.year}")
        return f"{week} · {span}"

    # -- filter -----------------------------------------------------------------------

    def scope(self) -> tuple[str, int | None]:
        scope = self.scope_combo.currentData()
        if scope == TEAM:
            return TEAM, None
        chosen = self.choice_combo.currentData()
        if scope == MENTOR and chosen is None:
            return MENTOR, self._ops.actor.user_id
        return scope, chosen

    def _on_scope_changed(self, _index: int) -> None:
        scope = self.scope_combo.currentData()
        self.choice_combo.setVisible(scope != TEAM)
        self._fill_choices()
        self.refresh()

    def _fill_choices(self) -> None:
        scope = self.scope_combo.currentData()
        self.choice_combo.blockSignals(True)
        self.choice_combo.clear()
        if scope == MENTOR:
            for mentor_id, name in self.calendar_actions.mentors:
                self.choice_combo.addItem(name, mentor_id)
            self.choice_combo.setCurrentIndex(
                max(self.choice_combo.findData(self._ops.actor.user_id), 0))
        elif scope == CITIZEN:
            for citizen_id, name in self.calendar_actions.citizens:
                self.choice_combo.addItem(name, citizen_id)
        self.choice_combo.blockSignals(False)

    def _load_choices_once(self) -> None:
        if not self._choices_loaded:
            self._choices_loaded = True
            self.calendar_actions.load_choices(self._on_choices_loaded)

    def _on_choices_loaded(self) -> None:
        self._fill_choices()
        self.choice_combo.setVisible(self.scope_combo.currentData() != TEAM)
        self.choices_loaded.emit()

    # -- loading ----------------------------------------------------------------------

    def _on_changes(self, changes: Changes) -> None:
        if not changes.touches(*SHOWN_KINDS):
            return
        scope, chosen = self.scope()
        if scope == CITIZEN and not changes.concerns(chosen):
            return  # only another citizen's calendar changed
        self.refresh()

    def refresh(self) -> None:
        self.period_label.setText(self.period_title())
        # Read now if shown, else when shown: not while the page is built or hidden.
        self._refresh_when_shown()

    def _read_scene(self) -> None:
        self.period_label.setText(self.period_title())
        first, last = self.period()
        scope, chosen = self.scope()
        # One slot: a newer period or filter replaces a scene still being read.
        # The team's day: a column per mentor, their names in full.
        self._ops.run(data.load_scene, first, last, scope=scope, chosen=chosen,
                      today=self.today, team_view=scope == TEAM,
                      by_mentor=scope == TEAM and self.view == DAY, owner=self, slot="scene",
                      label=self.tr("Loading the calendar…"), done=self._show_scene)

    def _show_scene(self, scene: CalendarScene) -> None:
        self.scene = scene
        days = [facts.day for facts in scene.days]
        if self.view == MONTH:
            self.month_grid.show_scene(scene, days, self.today, self.anchor.month)
        elif self.view == AGENDA:
            self.agenda.show_scene(scene)
        else:
            self.time_grid.show_scene(scene, days, self.today)
        occurrences = {block.occurrence.key for block in scene.blocks}
        conflicts = {block.occurrence.key for block in scene.blocks
                     if block.occurrence.conflicts}
        text = self.tr("%n appointment(s)", "", len(occurrences))
        if conflicts:
            text += " · " + self.tr("%n conflict(s)", "", len(conflicts))
        self.status_label.setText(text)
        self.scene_loaded.emit(scene)

    def import_ics(self) -> QWidget:
        from ui.views.calendar.ics_import import IcsImportDialog

        dialog = IcsImportDialog(self._ops, mentors=self.calendar_actions.mentors, parent=self)
        self.calendar_actions.dialog = dialog
        dialog.open()
        return dialog

    # -- the chosen appointment ----------------------------------------------------------

    def _choose(self, occurrence: Occurrence | None) -> None:
        self.chosen = occurrence
        self.done_button.setEnabled(occurrence is not None and self.calendar_actions.can_log(
            occurrence, now=datetime.now()))

    def mark_chosen_done(self) -> None:
        """"Markér gennemført" (button or Ctrl+D): the chosen appointment, if it can be."""
        if self.chosen is not None and self.done_button.isEnabled():
            self.calendar_actions.mark(cast(CalendarItem, self.chosen.key), True)

    def _show_menu(self, occurrence: Occurrence, position: QPoint) -> None:
        self.calendar_actions.show_menu(occurrence, position, now=datetime.now())

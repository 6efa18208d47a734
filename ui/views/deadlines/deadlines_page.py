"""The Frister page: my citizens' or the team's deadlines, soonest first.

Loads when first shown, on F5, when the Mine/Team choice changes and when the change hub
reports a change deadlines are computed from (contacts, plans, grants, consents,
assignments, the citizen): at once while shown, else when next shown (or on a new day).
The service call runs on the worker thread and only the newest answer is shown.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mentordesk.kernel.changes import Changes, Kind
from mentordesk.services.deadlines import Deadline, Scope, deadlines
from ui.operations import Operations
from ui.views.common.keys import shortcut
from ui.views.common.reload_when_shown import ReloadWhenShown
from ui.views.common.visibility import hidden_unless
from ui.views.deadlines.deadlines_model import CITIZEN_ID_ROLE, Column, DeadlinesTableModel

HORIZON_DAYS = 60
# What deadlines are computed from. Any citizen's change may add, move or close one.
DEADLINE_SOURCES = (Kind.CONTACTS, Kind.PLAN, Kind.GRANTS, Kind.PARTNERS, Kind.ASSIGNMENTS,
                    Kind.CITIZEN)


class DeadlinesPage(QWidget):
    citizen_requested = Signal(int)  # the integrator opens this citizen's record
    deadlines_loaded = Signal(int)  # number of deadlines shown; tests listen

    def __init__(self, ops: Operations, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self._loaded_on: date | None = None  # "overdue" and "this week" depend on the day
        # Stale until first shown: nothing read yet. A showing on a later day reads anew.
        self._refresh_when_shown = ReloadWhenShown(
            self, self.refresh, stale=True, also_if=lambda: self._loaded_on != date.today())
        self.model = DeadlinesTableModel(self)
        self._build(title)
        ops.hub.changed.connect(self._on_changes)

    # -- layout -----------------------------------------------------------------------

    def _build(self, title: str) -> None:
        title_label = QLabel(title)
        title_label.setObjectName("pageTitle")
        self.mine_button = self._scope_button(self.tr("My citizens"))
        self.team_button = self._scope_button(self.tr("Team"))
        self.scope_group = QButtonGroup(self)
        self.scope_group.setExclusive(True)
        self.scope_group.addButton(self.mine_button)
        self.scope_group.addButton(self.team_button)
        sees_all = self._ops.actor.sees_all_citizens
        # A mentor's team view would be their caseload again: offer only what differs.
        hidden_unless(sees_all, self.team_button)
        (self.team_button if sees_all else self.mine_button).setChecked(True)
        self.scope_group.buttonToggled.connect(self._on_scope_toggled)
        self.refresh_button = QPushButton(self.tr("Refresh (F5)"))
        self.refresh_button.clicked.connect(self.refresh)
        shortcut(Qt.Key.Key_F5, self, self.refresh)
        self.count_label = QLabel()
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        legend = QLabel(self.tr("Red: overdue. Bold: due this week. Double-click or press "
                                "Enter to open the citizen."))
        legend.setObjectName("hintLabel")
        legend.setWordWrap(True)
        self.table = self._table()
        bar = QHBoxLayout()
        bar.addWidget(self.mine_button)
        bar.addWidget(self.team_button)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        bar.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title_label)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(legend)

    def _scope_button(self, text: str) -> QPushButton:
        button = QPushButton(text)
        button.setCheckable(True)
        return button

    def _table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.resizeSection(Column.DUE, 190)
        header.resizeSection(Column.CITIZEN, 200)
        header.resizeSection(Column.KIND, 280)
        header.resizeSection(Column.MENTOR, 170)
        table.doubleClicked.connect(self._open_citizen_at)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut(key, table, self.open_selected_citizen, Qt.ShortcutContext.WidgetShortcut)
        return table

    # -- behaviour --------------------------------------------------------------------

    def scope(self) -> Scope:
        return "team" if self.team_button.isChecked() else "mine"

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(*DEADLINE_SOURCES):
            self._refresh_when_shown()

    def _on_scope_toggled(self, _button: QPushButton, checked: bool) -> None:
        if checked:
            self.refresh()

    def refresh(self) -> None:
        self._refresh_when_shown.forget()
        today = date.today()
        self.refresh_button.setEnabled(False)
        task = self._ops.run(deadlines, self.scope(), today=today, horizon_days=HORIZON_DAYS,
                             owner=self, slot="deadlines", label=self.tr("Loading deadlines…"),
                             done=lambda rows: self._show_rows(rows, today))
        task.finished.connect(lambda: self.refresh_button.setEnabled(True))

    def _show_rows(self, rows: list[Deadline], today: date) -> None:
        self._loaded_on = today
        self.model.set_rows(rows, today)
        overdue = sum(1 for row in rows if row.overdue)
        if rows:
            self.count_label.setText(self.tr("%n deadline(s)", "", len(rows)) + " · "
                                     + self.tr("%n overdue", "", overdue))
        else:
            self.count_label.setText(self.tr("No deadlines in the next %n day(s)", "",
                                             HORIZON_DAYS))
        self.deadlines_loaded.emit(len(rows))

    def open_selected_citizen(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self._open_citizen_at(rows[0])

    def _open_citizen_at(self, index: QModelIndex) -> None:
        citizen_id = index.data(CITIZEN_ID_ROLE)
        if citizen_id is not None:
            self.citizen_requested.emit(int(citizen_id))

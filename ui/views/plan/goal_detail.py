"""The selected goal in full: its fields, sub-goals, progress (chart and assessments),
history and the contacts that worked on it.

Display only: buttons and lists are wired by the plan widget, which owns the saving.
The level chart (QtCharts) is created when a goal is first shown, not at start-up.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.dates import format_date
from mentordesk.domain.duration import hours_text
from mentordesk.services.plan import AssessmentItem, GoalContact, GoalItem, HistoryEntry
from ui.views.common.flow_layout import FlowLayout
from ui.views.common.form_fields import plain_label
from ui.views.common.record_table import (
    RecordTableModel,
    TableColumn,
    record_table,
    selected_row,
)
from ui.views.plan.sub_goal_list import SubGoalList

if TYPE_CHECKING:
    from ui.views.plan.level_chart import LevelChart


def local_time(moment: datetime) -> str:
    """A stored UTC time as the user's local "dd-mm-åååå tt:mm"."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    local = aware.astimezone()
    return f"{format_date(local.date())} {local:%H:%M}"


def excerpt(text: str, limit: int = 80) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class GoalDetail(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.goal: GoalItem | None = None
        self.chart: LevelChart | None = None  # built on first use (QtCharts is heavy)
        self.assessments_model = RecordTableModel(self._assessment_columns(), parent=self)
        self.history_model = RecordTableModel(self._history_columns(), parent=self)
        self.contacts_model = RecordTableModel(self._contact_columns(), parent=self)
        self._build()
        self.set_goal(None)

    # -- columns ----------------------------------------------------------------------

    def _assessment_columns(self) -> list[TableColumn]:
        return [
            TableColumn(self.tr("Date"), lambda a: format_date(a.assessed_on)),
            TableColumn(self.tr("Functional level"), lambda a: a.level_label),
            TableColumn(self.tr("Support need"), lambda a: a.support_need_label),
            TableColumn(self.tr("Citizen's own view"), lambda a: excerpt(a.citizen_view)),
            TableColumn(self.tr("Mentor's note"), lambda a: excerpt(a.mentor_note)),
            TableColumn(self.tr("By"), lambda a: a.author_name),
        ]

    def _history_columns(self) -> list[TableColumn]:
        return [
            TableColumn(self.tr("When"), lambda h: local_time(h.changed_at)),
            TableColumn(self.tr("Who"), lambda h: h.user_name),
            TableColumn(self.tr("What"), lambda h: h.what),
            TableColumn(self.tr("Field"), lambda h: h.field_label),
            TableColumn(self.tr("Before"), lambda h: excerpt(h.old_text)),
            TableColumn(self.tr("After"), lambda h: excerpt(h.new_text)),
        ]

    def _contact_columns(self) -> list[TableColumn]:
        return [
            TableColumn(self.tr("Date"), lambda c: format_date(c.contact_on)),
            TableColumn(self.tr("Form"), lambda c: c.form_label),
            TableColumn(self.tr("Mentor"), lambda c: c.mentor_name),
            TableColumn(self.tr("Duration"), lambda c: hours_text(c.duration_minutes)),
            TableColumn(self.tr("Note"), lambda c: excerpt(c.note_excerpt)),
        ]

    # -- layout -----------------------------------------------------------------------

    def _build(self) -> None:
        self.title_label = plain_label()
        self.title_label.setObjectName("goalTitle")
        self.title_label.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.facts_label = plain_label()
        self.description_label = plain_label()
        self.description_label.setStyleSheet("color: #333;")
        self.sub_goals = SubGoalList()
        self.new_sub_goal_button = QPushButton(self.tr("New sub-goal"))
        self.edit_sub_goal_button = QPushButton(self.tr("Edit"))
        self.delete_sub_goal_button = QPushButton(self.tr("Delete"))
        self.new_assessment_button = QPushButton(self.tr("New assessment…"))
        self.edit_assessment_button = QPushButton(self.tr("Edit assessment"))
        self.delete_assessment_button = QPushButton(self.tr("Delete assessment"))
        self.assessments_table = record_table(self.assessments_model)
        self.history_table = record_table(self.history_model)
        self.contacts_table = record_table(self.contacts_model)
        self.contacts_table.selectionModel().selectionChanged.connect(
            self._update_contact_buttons)
        self.contacts_empty = plain_label(self.tr(
            "No contacts are linked to this goal yet. Link them here with \"Link "
            "contacts…\" or when logging a contact."))
        self.link_contacts_button = QPushButton(self.tr("Link contacts…"))
        self.unlink_contact_button = QPushButton(self.tr("Remove link"))
        self.tabs = QTabWidget()
        self.tabs.addTab(self._progress_tab(), self.tr("Progress"))
        self.tabs.addTab(self.history_table, self.tr("History"))
        self.tabs.addTab(self._contacts_tab(), self.tr("Contacts"))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._left_column())
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        splitter.splitterMoved.connect(self._on_user_split)
        self._user_split = False
        self.empty_label = plain_label(self.tr("Choose a goal above to see its sub-goals, "
                                               "progress and history."))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title_label)
        layout.addWidget(self.facts_label)
        layout.addWidget(self.description_label)
        layout.addWidget(self.empty_label)
        layout.addWidget(splitter, 1)
        self.body = splitter

    def _on_user_split(self, *_args: object) -> None:
        self._user_split = True

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if not self._user_split:
            # The chart needs the width more than the list of steps does; once the user
            # drags the divider, their choice stays.
            width = self.body.width() or self.width()
            self.body.setSizes([width * 2 // 5, width - width * 2 // 5])

    def _left_column(self) -> QWidget:
        box = QGroupBox(self.tr("Sub-goals"))
        buttons = FlowLayout()
        buttons.add_widgets(self.new_sub_goal_button, self.edit_sub_goal_button,
                            self.delete_sub_goal_button)
        hint = QLabel(self.tr("Tick when done · Ctrl+Up/Down or drag to reorder"))
        hint.setStyleSheet("color: #666;")
        hint.setWordWrap(True)  # must not set the column's minimum width
        layout = QVBoxLayout(box)
        layout.addWidget(self.sub_goals, 1)
        layout.addWidget(hint)
        layout.addLayout(buttons)
        return box

    def _progress_tab(self) -> QWidget:
        """The chart above the assessments; the divider between them is the user's."""
        self.chart_holder = QVBoxLayout()
        self.chart_holder.setContentsMargins(0, 0, 0, 0)
        chart_side = QWidget()
        chart_side.setLayout(self.chart_holder)
        buttons = FlowLayout()
        buttons.add_widgets(self.new_assessment_button, self.edit_assessment_button,
                            self.delete_assessment_button)
        assessments = QWidget()
        assessments_layout = QVBoxLayout(assessments)
        assessments_layout.setContentsMargins(0, 0, 0, 0)
        assessments_layout.addLayout(buttons)
        assessments_layout.addWidget(self.assessments_table, 1)
        page = QSplitter(Qt.Orientation.Vertical)
        page.addWidget(chart_side)
        page.addWidget(assessments)
        page.setStretchFactor(0, 3)
        page.setStretchFactor(1, 2)
        page.setSizes([300, 200])  # the chart first: its levels need the height
        page.setChildrenCollapsible(False)
        return page

    def _contacts_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        buttons = QHBoxLayout()
        buttons.addWidget(self.link_contacts_button)
        buttons.addWidget(self.unlink_contact_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.contacts_table, 1)
        layout.addWidget(self.contacts_empty)
        return page

    def _update_contact_buttons(self, *_args: object) -> None:
        self.link_contacts_button.setEnabled(self.goal is not None)
        self.unlink_contact_button.setEnabled(self.selected_contact() is not None)

    # -- content ----------------------------------------------------------------------

    def set_goal(self, goal: GoalItem | None, keep_sub_goal: int | None = None) -> None:
        """Show a goal (None: nothing chosen). History and contacts arrive separately.

        The sub-goal ``keep_sub_goal`` (else the one chosen before) stays chosen."""
        changed = goal is None or self.goal is None or goal.id != self.goal.id
        self.goal = goal
        self.body.setVisible(goal is not None)
        self.empty_label.setVisible(goal is None)
        self.title_label.setVisible(goal is not None)
        self.facts_label.setVisible(goal is not None)
        self.description_label.setVisible(False)
        if changed:
            self.history_model.set_rows([])
            self.contacts_model.set_rows([])
            self.contacts_empty.setVisible(False)
        self._update_contact_buttons()
        if goal is None:
            self.sub_goals.set_sub_goals([])
            self.assessments_model.set_rows([])
            return
        self.title_label.setText(goal.title)
        self.facts_label.setText(self.facts(goal))
        self.description_label.setText(goal.description)
        self.description_label.setVisible(bool(goal.description.strip()))
        self.sub_goals.set_sub_goals(goal.sub_goals, keep_sub_goal)
        self.assessments_model.set_rows(list(reversed(goal.assessments)))  # newest first
        self._ensure_chart().show_series(
            [(a.assessed_on, None if a.level is None else int(a.level))
             for a in goal.assessments])

    def facts(self, goal: GoalItem) -> str:
        parts = [goal.theme_label or self.tr("no theme"), goal.goal_type_label,
                 goal.status_label]
        if goal.start_on:
            parts.append(self.tr("start {date}").format(date=format_date(goal.start_on)))
        if goal.review_on:
            parts.append(self.tr("review {date}").format(date=format_date(goal.review_on)))
        if goal.grant_label:
            parts.append(goal.grant_label)
        return " · ".join(parts)

    def _ensure_chart(self) -> LevelChart:
        if self.chart is None:
            from ui.views.plan.level_chart import LevelChart  # QtCharts only when needed

            self.chart = LevelChart()
            self.chart_holder.addWidget(self.chart)
        return self.chart

    def set_extras(self, history: list[HistoryEntry], contacts: list[GoalContact]) -> None:
        self.history_model.set_rows(history)
        self.contacts_model.set_rows(contacts)
        self.contacts_empty.setVisible(not contacts)
        self._update_contact_buttons()

    def selected_assessment(self) -> AssessmentItem | None:
        return selected_row(self.assessments_table)

    def selected_contact(self) -> GoalContact | None:
        return selected_row(self.contacts_table)

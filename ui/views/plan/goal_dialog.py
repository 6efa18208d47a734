"""Create or edit one goal (indsatsmål) of a citizen's handleplan.

The title is the citizen's own words and is saved exactly as typed. Themes come from the
team's VUM term list (``theme_choices``): choosing a theme fills the sub-theme combo with
its sub-themes. A stale save opens the shared conflict dialog (RecordDialog).
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Any, cast

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from mentordesk.domain.codes import GoalStatus
from mentordesk.domain.dates import format_date
from mentordesk.domain.vum import GoalType
from mentordesk.services.plan import (
    GoalInput,
    GoalItem,
    Plan,
    ThemeChoice,
    create_goal,
    update_goal,
)
from ui.operations import Operations
from ui.views.common.date_edit import DanishDateEdit
from ui.views.common.form_fields import select_data
from ui.views.common.record_dialog import RecordDialog, SaveJob


def fill_enum_combo(combo: QComboBox, enum: Any) -> None:
    for member in enum:
        combo.addItem(member.label, member.value)


def theme_names(themes: list[ThemeChoice]) -> dict[str, str]:
    """Every theme and sub-theme name by code (for the conflict dialog)."""
    names: dict[str, str] = {}
    for theme in themes:
        names[theme.code] = theme.name
        names.update(theme_names(theme.children))
    return names


class GoalDialog(RecordDialog):
    def __init__(self, ops: Operations, plan: Plan, themes: list[ThemeChoice],
                 goal: GoalItem | None = None, parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
        self._plan = plan
        self._themes = themes
        self._goal = goal
        self._names = theme_names(themes)
        self.setWindowTitle(self.tr("Edit goal") if goal else self.tr("New goal"))
        self.setMinimumWidth(560)
        self._build()
        if goal is None:
            self.start_edit.set_date(date.today())
            select_data(self.status_combo, GoalStatus.IN_PROGRESS.value)
            self._fill_subthemes()
        else:
            self._fill(goal)
            self.edit(goal.version, asdict(goal.input()))
        self.title_edit.setFocus()

    def _build(self) -> None:
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("In the citizen's own words"))
        self.description_edit = QPlainTextEdit()
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setFixedHeight(80)
        self.theme_combo = QComboBox()
        self.theme_combo.addItem(self.tr("(choose a theme)"), "")
        for theme in self._themes:
            self.theme_combo.addItem(theme.name, theme.code)
        self.subtheme_combo = QComboBox()
        self.type_combo = QComboBox()
        fill_enum_combo(self.type_combo, GoalType)
        self.status_combo = QComboBox()
        fill_enum_combo(self.status_combo, GoalStatus)
        self.start_edit = DanishDateEdit(self.tr("Start date"), required=False)
        self.review_edit = DanishDateEdit(self.tr("Review date"), required=False)
        self.grant_combo = QComboBox()
        self.grant_combo.addItem(self.tr("(no grant)"), None)
        for grant in self._plan.grants:
            self.grant_combo.addItem(grant.label, grant.id)
        rows = (
            (self.tr("&Goal:"), self.title_edit),
            (self.tr("&Description:"), self.description_edit),
            (self.tr("&Theme:"), self.theme_combo),
            (self.tr("S&ub-theme:"), self.subtheme_combo),
            (self.tr("Goal t&ype:"), self.type_combo),
            (self.tr("&Status:"), self.status_combo),
            (self.tr("St&art date:"), self.start_edit),
            (self.tr("&Review date:"), self.review_edit),
            (self.tr("G&rant:"), self.grant_combo),
        )
        for label, widget in rows:
            self.form.addRow(label, widget)
        self.theme_combo.currentIndexChanged.connect(lambda _index: self._fill_subthemes())

    def _fill_subthemes(self, chosen: str = "") -> None:
        theme = next((t for t in self._themes if t.code == self.theme_combo.currentData()),
                     None)
        self.subtheme_combo.clear()
        self.subtheme_combo.addItem(self.tr("(no sub-theme)"), "")
        for child in theme.children if theme else []:
            self.subtheme_combo.addItem(child.name, child.code)
        self.subtheme_combo.setEnabled(bool(theme and theme.children))
        select_data(self.subtheme_combo, chosen)

    def _fill(self, goal: GoalItem) -> None:
        self.title_edit.setText(goal.title)
        self.description_edit.setPlainText(goal.description)
        if goal.theme_code and self.theme_combo.findData(goal.theme_code) < 0:
            # A theme hidden since the goal was made still shows on the goal.
            self.theme_combo.addItem(goal.theme_name or goal.theme_code, goal.theme_code)
        select_data(self.theme_combo, goal.theme_code)
        self._fill_subthemes(goal.subtheme_code)
        if goal.subtheme_code and self.subtheme_combo.currentData() != goal.subtheme_code:
            self.subtheme_combo.addItem(goal.subtheme_name or goal.subtheme_code,
                                        goal.subtheme_code)
            select_data(self.subtheme_combo, goal.subtheme_code)
        select_data(self.type_combo, goal.goal_type.value)
        select_data(self.status_combo, goal.status.value)
        self.start_edit.set_date(goal.start_on)
        self.review_edit.set_date(goal.review_on)
        if goal.grant_id is not None and self.grant_combo.findData(goal.grant_id) < 0:
            self.grant_combo.addItem(goal.grant_label or str(goal.grant_id), goal.grant_id)
        select_data(self.grant_combo, goal.grant_id)

    # -- saving -----------------------------------------------------------------------

    def collect(self) -> dict[str, Any]:
        return {
            "title": self.title_edit.text(),
            "description": self.description_edit.toPlainText(),
            "theme_code": self.theme_combo.currentData() or "",
            "subtheme_code": self.subtheme_combo.currentData() or "",
            "goal_type": GoalType(self.type_combo.currentData()),
            "status": GoalStatus(self.status_combo.currentData()),
            "start_on": self.start_edit.date_value(),
            "review_on": self.review_edit.date_value(),
            "grant_id": self.grant_combo.currentData(),
        }

    def create_job(self, values: dict[str, Any]) -> SaveJob:
        citizen_id = self._plan.citizen_id
        return lambda context: create_goal(context, citizen_id, GoalInput(**values))

    def update_job(self, version: int, changes: dict[str, Any],
                   original: dict[str, Any]) -> SaveJob:
        assert self._goal is not None
        goal_id = self._goal.id
        new, seen = GoalInput(**{**original, **changes}), GoalInput(**original)
        return lambda context: update_goal(context, goal_id, version, new, seen)

    # -- conflicts --------------------------------------------------------------------

    def field_labels(self) -> dict[str, str]:
        return {
            "title": self.tr("Goal"), "description": self.tr("Description"),
            "theme_code": self.tr("Theme"), "subtheme_code": self.tr("Sub-theme"),
            "goal_type": self.tr("Goal type"), "status": self.tr("Status"),
            "start_on": self.tr("Start date"), "review_on": self.tr("Review date"),
            "grant_id": self.tr("Grant"),
        }

    def text_fields(self) -> frozenset[str]:
        return frozenset({"description"})

    def shown(self, field: str, value: object) -> str:
        if value is None or value == "":
            return self.tr("(empty)")
        if isinstance(value, date):
            return format_date(value)
        if field in ("theme_code", "subtheme_code"):
            return self._names.get(str(value), str(value))
        if field == "goal_type":
            return GoalType(cast(str, value)).label
        if field == "status":
            return GoalStatus(cast(str, value)).label
        if field == "grant_id":
            labels = {grant.id: grant.label for grant in self._plan.grants}
            return labels.get(value, str(value))  # type: ignore[call-overload]
        return str(value)

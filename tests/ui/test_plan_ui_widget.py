"""The Handleplan tab: goals, sub-goals and assessments through the dialogs, the chart's
points, the overview's first/latest levels, conflicts, keyboard reordering, history."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from mentordesk.domain.codes import GoalStatus
from mentordesk.kernel.context import Context
from mentordesk.services.citizens import NewCitizen
from mentordesk.services.plan import (
    AssessmentInput,
    GoalInput,
    SubGoalInput,
    add_sub_goal,
    create_goal,
    load_plan,
    record_assessment,
    theme_choices,
    update_goal,
    update_sub_goal,
)
from ui.views.plan import create_citizen_tab, create_page
from ui.views.plan.goal_dialog import GoalDialog
from ui.views.plan.step_dialogs import AssessmentDialog, SubGoalDialog, select_level
from ui.workspace import load_workspace

CITIZEN = 1
TIMEOUT = 5_000
HOSTILE = "<b>Selv</b> & \"tjekke\" e-Boks =SUM(A1)"


@pytest.fixture
def workspace(database_path, make_database):
    database = make_database(database_path, [
        NewCitizen(first_name="Hanne", last_name="Handleplan", cpr="0101909003"),
    ], keep_open=True)
    return load_workspace(database)


@pytest.fixture
def tab(qtbot, workspace, make_ops):
    plan_tab = create_citizen_tab(make_ops(workspace))
    qtbot.addWidget(plan_tab)
    plan_tab.resize(1100, 800)
    plan_tab.show()
    qtbot.waitExposed(plan_tab)
    with qtbot.waitSignal(plan_tab.plan_widget.plan_loaded, timeout=TIMEOUT):
        plan_tab.show_citizen(CITIZEN)
    return plan_tab


def save(qtbot, widget, dialog) -> None:
    """Save a dialog and wait for the plan to be read again."""
    with qtbot.waitSignal(widget.plan_loaded, timeout=TIMEOUT):
        dialog.save_button.click()


def overview(widget) -> list[list[str]]:
    model = widget.model
    return [[model.index(row, column).data() for column in range(model.columnCount())]
            for row in range(model.rowCount())]


def choose(combo, text: str) -> None:
    index = combo.findText(text)
    assert index >= 0, (text, [combo.itemText(i) for i in range(combo.count())])
    combo.setCurrentIndex(index)


def add_goal_by_dialog(qtbot, widget, title: str, theme: str, review: str) -> None:
    widget.new_goal()
    dialog = widget.dialog
    assert isinstance(dialog, GoalDialog) and dialog.windowTitle() == "Nyt mål"
    dialog.title_edit.setText(title)
    choose(dialog.theme_combo, theme)
    dialog.start_edit.setText("05-01-2026")
    dialog.review_edit.setText(review)
    save(qtbot, widget, dialog)


def add_sub_goal_by_dialog(qtbot, widget, text: str, deadline: str) -> None:
    widget.detail.new_sub_goal_button.click()
    dialog = widget.steps.dialog
    assert isinstance(dialog, SubGoalDialog)
    dialog.text_edit.setPlainText(text)
    dialog.deadline_edit.setText(deadline)
    save(qtbot, widget, dialog)


def assess_by_dialog(qtbot, widget, on: str, level: int | None, view: str = "") -> None:
    widget.detail.new_assessment_button.click()
    dialog = widget.steps.dialog
    assert isinstance(dialog, AssessmentDialog)
    dialog.date_edit.setText(on)
    select_level(dialog.level_combo, level)
    dialog.citizen_view_edit.setPlainText(view)
    save(qtbot, widget, dialog)


def test_plan_built_in_the_dialogs_shows_levels_in_chart_and_overview(qtbot, tab, workspace):
    widget = tab.plan_widget
    assert widget.empty_label.isVisible()
    add_goal_by_dialog(qtbot, widget, HOSTILE, "Samfundsliv", "05-04-2026")
    add_goal_by_dialog(qtbot, widget, "Komme ud af lejligheden", "Relationer", "01-06-2026")
    widget.select_goal(widget.plan.goals[0].id)
    add_sub_goal_by_dialog(qtbot, widget, "Åbne e-Boks med mentor", "20-01-2026")
    add_sub_goal_by_dialog(qtbot, widget, "Åbne e-Boks alene", "20-02-2026")
    assert widget.detail.sub_goals.currentItem().text().startswith("Åbne e-Boks alene")
    widget.select_goal(widget.plan.goals[1].id)
    add_sub_goal_by_dialog(qtbot, widget, "Gå en tur om søen", "")

    widget.select_goal(widget.plan.goals[0].id)
    assess_by_dialog(qtbot, widget, "05-01-2026", 3, "Det er svært")
    assess_by_dialog(qtbot, widget, "05-02-2026", None)  # ikke vurderet: a gap
    assess_by_dialog(qtbot, widget, "05-03-2026", 2)
    assess_by_dialog(qtbot, widget, "05-04-2026", 1, "Jeg kan selv <nu>")

    chart = widget.detail.chart
    points = [[(p.x(), p.y()) for p in line.points()] for line in chart.line_series]
    assert [[y for _x, y in line] for line in points] == [[3.0], [2.0, 1.0]]
    assert chart.plotted() == [[(date(2026, 1, 5), 3)],
                               [(date(2026, 3, 5), 2), (date(2026, 4, 5), 1)]]
    assert chart.y_axis.isReverse()  # level 0 (best) at the top
    assert chart.y_axis.categoriesLabels()[0] == "0 Ingen"

    rows = overview(widget)
    assert rows[0][0] == HOSTILE  # the citizen's words, literally
    assert rows[0][1] == "Samfundsliv"
    assert rows[0][4:] == ["3 Svært (05-01-2026)", "1 Let (05-04-2026)", "05-04-2026"]
    assert rows[1][0] == "Komme ud af lejligheden"
    assert rows[1][4:6] == ["", ""]
    # The goal's detail shows its steps in order and the newest assessment first.
    detail = widget.detail
    assert detail.title_label.text() == HOSTILE
    assert [detail.sub_goals.item(row).text().split("  ")[0]
            for row in range(detail.sub_goals.count())] == ["Åbne e-Boks med mentor",
                                                           "Åbne e-Boks alene"]
    assert detail.assessments_model.index(0, 3).data() == "Jeg kan selv <nu>"
    stored = load_plan(Context(workspace.database, workspace.actor), CITIZEN)
    assert [len(goal.sub_goals) for goal in stored.goals] == [2, 1]


@pytest.fixture
def goal(workspace):
    database, actor = workspace.database, workspace.actor
    theme = theme_choices(database)[0].code
    made = create_goal(Context(database, actor), CITIZEN, GoalInput(
        "Tjekke e-Boks selv", "Start", theme, status=GoalStatus.IN_PROGRESS,
        start_on=date(2026, 1, 5), review_on=date(2026, 4, 5))).value
    for text in ("Første skridt", "Andet skridt", "Tredje skridt"):
        add_sub_goal(Context(database, actor), made.id, SubGoalInput(text))
    return made


def reload(qtbot, widget) -> None:
    with qtbot.waitSignal(widget.plan_loaded, timeout=TIMEOUT):
        widget.reload()


def test_stale_goal_edit_opens_the_conflict_dialog(qtbot, tab, workspace, goal):
    widget = tab.plan_widget
    reload(qtbot, widget)
    widget.edit_goal()
    dialog = widget.dialog
    assert dialog.windowTitle() == "Ret mål" and dialog.title_edit.text() == "Tjekke e-Boks selv"
    # Someone else saves the description while this dialog is open.
    update_goal(Context(workspace.database, workspace.actor), goal.id, goal.version,
                GoalInput(**{**goal.input().__dict__, "description": "Deres <tekst>"}),
                goal.input())
    dialog.description_edit.setPlainText("Min & tekst")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.conflict_dialog is not None
                    and dialog.conflict_dialog.isVisible(), timeout=TIMEOUT)
    [choice] = dialog.conflict_dialog.choices
    assert choice.title() == "Beskrivelse"
    assert choice.value() == "Deres <tekst>\n\nMin & tekst"
    with qtbot.waitSignal(widget.plan_loaded, timeout=TIMEOUT):
        dialog.conflict_dialog.accept()
    assert widget.plan.goals[0].description == "Deres <tekst>\n\nMin & tekst"


def sub_goal_texts(widget) -> list[str]:
    return [sub.text for sub in sorted(widget.detail.goal.sub_goals, key=lambda s: s.position)]


def test_ctrl_down_and_up_reorder_sub_goals(qtbot, tab, workspace, goal):
    widget = tab.plan_widget
    reload(qtbot, widget)
    subs = widget.detail.sub_goals
    tab.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is tab, timeout=TIMEOUT)
    subs.setFocus()
    subs.setCurrentRow(0)
    with qtbot.waitSignal(widget.plan_loaded, timeout=TIMEOUT):
        qtbot.keyClick(subs, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert sub_goal_texts(widget) == ["Andet skridt", "Første skridt", "Tredje skridt"]
    assert subs.currentItem().text().startswith("Første skridt")  # the moved step stays chosen
    with qtbot.waitSignal(widget.plan_loaded, timeout=TIMEOUT):
        qtbot.keyClick(subs, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(widget.plan_loaded, timeout=TIMEOUT):
        qtbot.keyClick(subs, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    stored = load_plan(Context(workspace.database, workspace.actor), CITIZEN).goals[0].sub_goals
    assert [sub.text for sub in sorted(stored, key=lambda s: s.position)] == \
        ["Andet skridt", "Første skridt", "Tredje skridt"]
    assert sorted(sub.position for sub in stored) == [0, 1, 2]


def test_dropping_a_dragged_sub_goal_saves_the_new_order(qtbot, tab, workspace, goal):
    widget = tab.plan_widget
    reload(qtbot, widget)
    subs = widget.detail.sub_goals
    # What QListView does when a drag of the first step is dropped below the third.
    with qtbot.waitSignal(widget.plan_loaded, timeout=TIMEOUT):
        assert subs.model().moveRow(QModelIndex(), 0, QModelIndex(), 3)
    stored = load_plan(Context(workspace.database, workspace.actor), CITIZEN).goals[0].sub_goals
    assert [sub.text for sub in sorted(stored, key=lambda s: s.position)] == \
        ["Andet skridt", "Tredje skridt", "Første skridt"]
    assert sub_goal_texts(widget) == ["Andet skridt", "Tredje skridt", "Første skridt"]


def test_ticking_a_sub_goal_marks_it_done_today(qtbot, tab, workspace, goal):
    widget = tab.plan_widget
    reload(qtbot, widget)
    item = widget.detail.sub_goals.item(1)
    with qtbot.waitSignal(widget.plan_loaded, timeout=TIMEOUT):
        item.setCheckState(Qt.CheckState.Checked)
    done = sorted(widget.plan.goals[0].sub_goals, key=lambda s: s.position)[1]
    assert (done.status, done.done_on) == (GoalStatus.ACHIEVED, date.today())
    shown = widget.detail.sub_goals.item(1)
    assert shown.checkState() == Qt.CheckState.Checked
    assert f"udført {date.today():%d-%m-%Y}" in shown.text()


def test_history_shows_who_and_old_to_new(qtbot, tab, workspace, goal):
    widget = tab.plan_widget
    update_goal(Context(workspace.database, workspace.actor), goal.id, goal.version,
                GoalInput(**{**goal.input().__dict__, "review_on": date(2026, 5, 1)}),
                goal.input())
    with qtbot.waitSignal(widget.extras_loaded, timeout=TIMEOUT):
        widget.reload()
    model = widget.detail.history_model
    rows = [[model.index(row, column).data() for column in range(model.columnCount())]
            for row in range(model.rowCount())]
    change = next(row for row in rows if row[4] == "05-04-2026")
    assert change[1] == workspace.actor.full_name
    assert change[5] == "01-05-2026"


def test_keyboard_new_edit_and_delete_goal(qtbot, tab, workspace, goal):
    widget = tab.plan_widget
    reload(qtbot, widget)
    tab.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is tab, timeout=TIMEOUT)
    widget.table.setFocus()
    qtbot.keyClick(widget.table, Qt.Key.Key_Return)
    assert isinstance(widget.dialog, GoalDialog) and widget.dialog.windowTitle() == "Ret mål"
    widget.dialog.reject()
    qtbot.keyClick(widget.table, Qt.Key.Key_Insert)
    assert widget.dialog.windowTitle() == "Nyt mål"
    widget.dialog.reject()
    qtbot.keyClick(widget.table, Qt.Key.Key_Delete)
    box = widget.confirm_box
    assert box.isVisible() and "Tjekke e-Boks selv" in box.text()
    with qtbot.waitSignal(widget.plan_loaded, timeout=TIMEOUT):
        box.button(QMessageBox.StandardButton.Yes).click()
    assert widget.model.rowCount() == 0 and widget.empty_label.isVisible()
    assert load_plan(Context(workspace.database, workspace.actor), CITIZEN).goals == []


def test_invalid_goal_is_refused_inline_with_a_danish_message(qtbot, tab, workspace):
    widget = tab.plan_widget
    widget.new_goal()
    dialog = widget.dialog
    dialog.title_edit.setText("   ")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.error_label.isVisible(), timeout=TIMEOUT)
    assert dialog.isVisible() and dialog.error_label.text()
    assert load_plan(Context(workspace.database, workspace.actor), CITIZEN).goals == []


def test_assessment_date_order_and_not_assessed_in_overview(qtbot, tab, workspace, goal):
    database, actor = workspace.database, workspace.actor
    record_assessment(Context(database, actor), goal.id, AssessmentInput(date(2026, 3, 1), None))
    widget = tab.plan_widget
    reload(qtbot, widget)
    assert overview(widget)[0][4:6] == ["Ikke vurderet (01-03-2026)",
                                        "Ikke vurderet (01-03-2026)"]
    assert widget.detail.chart.plotted() == []


def test_sub_goal_keys_insert_and_delete_with_confirmation(qtbot, tab, workspace, goal):
    widget = tab.plan_widget
    reload(qtbot, widget)
    subs = widget.detail.sub_goals
    tab.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is tab, timeout=TIMEOUT)
    subs.setFocus()
    qtbot.keyClick(subs, Qt.Key.Key_Insert)
    dialog = widget.steps.dialog
    assert isinstance(dialog, SubGoalDialog) and dialog.windowTitle() == "Nyt delmål"
    dialog.reject()
    subs.setCurrentRow(2)
    qtbot.keyClick(subs, Qt.Key.Key_Delete)
    box = widget.steps.confirm_box
    assert box.isVisible() and "Tredje skridt" in box.text()
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
    with qtbot.waitSignal(widget.plan_loaded, timeout=TIMEOUT):
        box.button(QMessageBox.StandardButton.Yes).click()
    assert sub_goal_texts(widget) == ["Første skridt", "Andet skridt"]


def test_stale_sub_goal_edit_opens_the_conflict_dialog(qtbot, tab, workspace, goal):
    widget = tab.plan_widget
    reload(qtbot, widget)
    subs = widget.detail.sub_goals
    subs.setCurrentRow(0)
    first = subs.sub_goal(subs.current_id())
    widget.steps.edit_sub_goal(first.id)
    dialog = widget.steps.dialog
    assert dialog.windowTitle() == "Ret delmål"
    update_sub_goal(Context(workspace.database, workspace.actor), first.id, first.version,
                    SubGoalInput("Deres skridt", first.deadline, first.status), first.input())
    dialog.text_edit.setPlainText("Mit skridt")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.conflict_dialog is not None
                    and dialog.conflict_dialog.isVisible(), timeout=TIMEOUT)
    [choice] = dialog.conflict_dialog.choices
    assert choice.title() == "Delmål"
    choice.use_mine.click()
    with qtbot.waitSignal(widget.plan_loaded, timeout=TIMEOUT):
        dialog.conflict_dialog.accept()
    assert sub_goal_texts(widget)[0] == "Mit skridt"


def test_a_goal_added_in_another_window_shows_through_the_hub(qtbot, tab, workspace,
                                                               make_ops):
    """The Handleplan page and a record's tab on the same citizen: no wiring between
    them, the change hub alone has the other one read the plan again."""
    page = create_page(make_ops(workspace), "Handleplan")
    qtbot.addWidget(page)
    page.show()
    other = page.plan_widget
    with qtbot.waitSignal(other.plan_loaded, timeout=TIMEOUT):
        other.show_citizen(CITIZEN)
    assert other.model.rowCount() == 0
    with qtbot.waitSignal(other.plan_loaded, timeout=TIMEOUT):
        add_goal_by_dialog(qtbot, tab.plan_widget, HOSTILE, "Samfundsliv", "05-04-2026")
    assert [row[0] for row in overview(other)] == [HOSTILE]


def test_a_short_level_chart_labels_fewer_levels_instead_of_cutting_them_all(qtbot):
    """On a laptop the chart is short: five level labels would be closer than a line of
    text and Qt would cut each to "…". It labels 0, 2 and 4 then, all five when tall."""
    from ui.views.plan.level_chart import LevelChart

    chart = LevelChart()
    qtbot.addWidget(chart)
    chart.show_series([(date(2026, 1, 5), 3), (date(2026, 3, 5), 1)])
    chart.resize(430, 120)
    chart.show()
    qtbot.waitExposed(chart)
    assert chart.y_axis.categoriesLabels() == ["0 Ingen", "2 Moderat", "4 Fuldstændig"]
    assert (chart.y_axis.min(), chart.y_axis.max()) == (-0.3, 4.3)  # every level still fits

    chart.resize(430, 300)
    qtbot.waitUntil(lambda: len(chart.y_axis.categoriesLabels()) == 5, timeout=2_000)
    assert chart.y_axis.categoriesLabels() == [
        "0 Ingen", "1 Let", "2 Moderat", "3 Svært", "4 Fuldstændig"]

"""The grant's hours plan and practice hours dialogs, opened from the Bevillinger tab."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QApplication

from mentordesk.domain.dates import iso_week_label, week_start
from mentordesk.domain.hours_plan import HoursStep
from mentordesk.kernel.context import Context
from mentordesk.services.catalogue_admin import load_catalogue
from mentordesk.services.citizens import NewCitizen
from mentordesk.services.grants import GrantInput, create_grant
from mentordesk.services.hours_plan import hours_plan, practice_hours
from ui.views.grants import create_citizen_tab
from ui.views.grants.hours_plan_dialog import HoursPlanDialog, PracticeHoursDialog
from ui.workspace import load_workspace

CITIZEN = 1
START, END = date(2026, 1, 5), date(2026, 4, 26)
H = 60


@pytest.fixture
def workspace(database_path, make_database):
    database = make_database(database_path, [
        NewCitizen(first_name="Pia", last_name="Praktik", cpr="0101909004")], keep_open=True)
    return load_workspace(database)


@pytest.fixture
def context(workspace):
    return Context(workspace.database, workspace.actor)


def _grant(context, workspace, code: str, start=START, end=END) -> int:
    basis = next(item.id for item in load_catalogue(workspace.database).legal_bases
                 if item.code == code)
    return create_grant(context, CITIZEN, GrantInput(
        legal_basis_id=basis, start_on=start, end_on=end, hours_min_minutes=5 * H)).value.id


@pytest.fixture
def tab(qtbot, workspace, make_ops):
    grants_tab = create_citizen_tab(make_ops(workspace))
    qtbot.addWidget(grants_tab)
    grants_tab.show()
    return grants_tab


def _show(qtbot, tab) -> None:
    with qtbot.waitSignal(tab.loaded, timeout=5_000):
        tab.show_citizen(CITIZEN)


def _open(qtbot, tab, button, kind):
    button.click()
    qtbot.waitUntil(lambda: isinstance(tab.dialog, kind) and tab.dialog.isVisible(),
                    timeout=5_000)
    return tab.dialog


def _fill(table, row: int, *texts: str) -> None:
    for column, text in enumerate(texts):
        table.item(row, column).setText(text)


def test_a_plan_typed_in_the_dialog_is_saved_in_order(qtbot, tab, context, workspace):
    grant = _grant(context, workspace, "LAB §42")
    _show(qtbot, tab)
    tab.table.selectRow(0)
    dialog = _open(qtbot, tab, tab.plan_button, HoursPlanDialog)
    assert dialog.windowTitle() == "Timeplan"
    assert "Fra 5 timer/uge" in dialog.form.itemAt(1).widget().text()
    dialog.add_step()
    _fill(dialog.table, 0, "05-01-2026", "2", "5")
    dialog.add_step()
    _fill(dialog.table, 1, "uge 10", "10", "15")
    with qtbot.waitSignal(tab.loaded, timeout=5_000):
        dialog.save_button.click()
    assert hours_plan(context, grant).steps == (HoursStep(date(2026, 1, 5), 2 * H, 5 * H),
                                                HoursStep(date(2026, 3, 2), 10 * H, 15 * H))


def test_a_step_outside_the_grant_period_is_refused_and_nothing_is_saved(qtbot, tab, context,
                                                                        workspace):
    grant = _grant(context, workspace, "LAB §42")
    _show(qtbot, tab)
    tab.table.selectRow(0)
    dialog = _open(qtbot, tab, tab.plan_button, HoursPlanDialog)
    dialog.add_step()
    _fill(dialog.table, 0, "04-05-2026", "6", "10")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.error_label.isVisible(), timeout=5_000)
    assert dialog.error_label.text() == "Trin 1 ligger uden for bevillingens periode."
    assert dialog.isVisible()
    _fill(dialog.table, 0, "05-01-2026", "syv", "10")
    dialog.save_button.click()
    assert dialog.error_label.text() == (
        "Trin 1: »syv« er ikke et timetal. Skriv fx 7 eller 7,5.")
    assert hours_plan(context, grant).steps == ()


def test_practice_hours_are_logged_per_week_for_lab_grants_only(qtbot, tab, context,
                                                                workspace):
    today = date.today()
    start = week_start(today) - timedelta(weeks=3)
    _grant(context, workspace, "SEL §85", start=start - timedelta(weeks=20), end=start)
    lab = _grant(context, workspace, "LAB §42", start=start, end=None)
    _show(qtbot, tab)
    tab.table.selectRow(1)                       # the §85 grant (newest start first)
    assert not tab.practice_button.isEnabled()
    tab.table.selectRow(0)
    assert tab.practice_button.isEnabled()
    dialog = _open(qtbot, tab, tab.practice_button, PracticeHoursDialog)
    weeks = [dialog.table.item(row, 0).text() for row in range(dialog.table.rowCount())]
    assert weeks == [iso_week_label(week_start(today) - timedelta(weeks=n)) for n in range(4)]
    # The keyboard way: the newest week's hours cell has the focus row; type and save.
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2_000)
    dialog.table.setFocus()
    dialog.table.editItem(dialog.table.item(0, 1))
    qtbot.keyClicks(QApplication.focusWidget(), "7,5")
    dialog.table.setCurrentCell(3, 1)            # leaving the cell commits it
    _fill(dialog.table, 3, iso_week_label(start), "12")
    with qtbot.waitSignal(tab.loaded, timeout=5_000):
        dialog.save_button.click()
    assert [(week.week_start, week.minutes) for week in practice_hours(context, lab)] == [
        (start, 12 * H), (week_start(today), 7 * H + 30)]


def test_the_grants_list_says_when_a_plan_sets_the_weekly_hours(qtbot, tab, context,
                                                                workspace):
    from mentordesk.services.hours_plan import save_hours_plan

    grant = _grant(context, workspace, "LAB §42")
    save_hours_plan(context, grant, hours_plan(context, grant).version, (
        HoursStep(START, 2 * H, 5 * H), HoursStep(date(2026, 3, 2), 10 * H, 15 * H)))
    _show(qtbot, tab)
    assert tab.model.index(0, 3).data() == "Timeplan i 2 trin"

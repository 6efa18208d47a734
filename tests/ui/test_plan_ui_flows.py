"""The evaluation dialog, the contact form's goal picker and the goal's contact list, the
PDF export and the Handleplan page with its citizen list."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from mentordesk.domain.codes import GoalStatus
from mentordesk.kernel.context import Context
from mentordesk.services.citizens import NewCitizen
from mentordesk.services.plan import (
    AssessmentInput,
    GoalInput,
    create_goal,
    load_plan,
    record_assessment,
    theme_choices,
)
from ui.views import contacts
from ui.views.plan import create_citizen_tab, create_page
from ui.views.plan.evaluation_dialog import EvaluationDialog
from ui.views.plan.pdf_export import default_file_name
from ui.workspace import load_workspace

CITIZEN, OTHER = 1, 2
TIMEOUT = 5_000


@pytest.fixture
def workspace(database_path, make_database):
    database = make_database(database_path, [
        NewCitizen(first_name="Erik", last_name="Evaluering", cpr="0101909003"),
        NewCitizen(alias="Stjerne"),
    ], keep_open=True)
    return load_workspace(database)


@pytest.fixture
def goals(workspace):
    """Two open goals and an achieved one."""
    database, actor = workspace.database, workspace.actor
    theme = theme_choices(database)[0].code
    made = [create_goal(Context(database, actor), CITIZEN, GoalInput(
        title, theme_code=theme, status=status, start_on=date(2026, 1, 5))).value
        for title, status in (("Tjekke e-Boks <selv>", GoalStatus.IN_PROGRESS),
                              ("Mere struktur", GoalStatus.NOT_STARTED),
                              ("Cykle til praktik", GoalStatus.ACHIEVED))]
    record_assessment(Context(database, actor), made[0].id, AssessmentInput(date(2026, 1, 5), 3, 2))
    return made


def show_plan(qtbot, widget, citizen_id: int = CITIZEN) -> None:
    with qtbot.waitSignal(widget.plan_loaded, timeout=TIMEOUT):
        widget.show_citizen(citizen_id)


@pytest.fixture
def tab(qtbot, workspace, make_ops):
    plan_tab = create_citizen_tab(make_ops(workspace))
    qtbot.addWidget(plan_tab)
    plan_tab.resize(1100, 800)
    plan_tab.show()
    qtbot.waitExposed(plan_tab)
    return plan_tab


def test_evaluation_records_one_assessment_per_open_goal(qtbot, tab, workspace, goals):
    widget = tab.plan_widget
    show_plan(qtbot, widget)
    widget.evaluation_button.click()
    dialog = widget.dialog
    assert isinstance(dialog, EvaluationDialog) and dialog.windowTitle() == "Gennemfør evaluering"
    assert [row.title.text() for row in dialog.rows] == ["Tjekke e-Boks <selv>", "Mere struktur"]
    first, second = dialog.rows
    assert first.level_combo.currentData() == 3  # starts from the latest assessment
    assert second.level_combo.currentText() == "Ikke vurderet"
    dialog.date_edit.setText("01-04-2026")
    first.level_combo.setCurrentIndex(first.level_combo.findData(2))
    first.citizen_view_edit.setPlainText("Jeg åbner selv posten & svarer")
    second.level_combo.setCurrentIndex(second.level_combo.findData(1))
    with qtbot.waitSignal(widget.plan_loaded, timeout=TIMEOUT):
        dialog.save_button.click()

    stored = {goal.title: goal.assessments
              for goal in load_plan(Context(workspace.database, workspace.actor), CITIZEN).goals}
    assert [(a.assessed_on, a.level) for a in stored["Tjekke e-Boks <selv>"]] == \
        [(date(2026, 1, 5), 3), (date(2026, 4, 1), 2)]
    assert stored["Tjekke e-Boks <selv>"][-1].citizen_view == "Jeg åbner selv posten & svarer"
    assert [(a.assessed_on, a.level) for a in stored["Mere struktur"]] == [(date(2026, 4, 1), 1)]
    assert stored["Cykle til praktik"] == []  # achieved: not part of the evaluation
    latest = {row.title: row.latest_level_label for row in widget.plan.overview}
    assert latest["Mere struktur"] == "Let nedsat funktionsevne"


def test_evaluation_with_a_bad_date_saves_nothing(qtbot, tab, workspace, goals):
    widget = tab.plan_widget
    show_plan(qtbot, widget)
    widget.complete_evaluation()
    dialog = widget.dialog
    dialog.date_edit.setText("31-02-2026")
    dialog.save_button.click()
    assert "findes ikke" in dialog.error_label.text()
    assert dialog.isVisible()
    goals_now = load_plan(Context(workspace.database, workspace.actor), CITIZEN).goals
    assert sum(len(goal.assessments) for goal in goals_now) == 1


def test_contact_form_links_a_goal_and_the_goal_lists_the_contact(qtbot, workspace, make_ops,
                                                                  goals):
    contacts_tab = contacts.create_citizen_tab(make_ops(workspace))
    qtbot.addWidget(contacts_tab)
    contacts_tab.show()
    with qtbot.waitSignal(contacts_tab.contacts_loaded, timeout=TIMEOUT):
        contacts_tab.show_citizen(CITIZEN)
    picker = contacts_tab.form.goals_list
    qtbot.waitUntil(lambda: picker.count() == 2, timeout=TIMEOUT)
    # Open goals only: the achieved one is not offered for new contacts.
    assert [picker.item(row).text() for row in range(2)] == ["Tjekke e-Boks <selv>",
                                                             "Mere struktur"]
    picker.item(0).setCheckState(Qt.CheckState.Checked)
    contacts_tab.form.note_edit.setPlainText("Vi åbnede e-Boks sammen")
    with qtbot.waitSignal(contacts_tab.contact_saved, timeout=TIMEOUT):
        contacts_tab.save()

    plan_tab = create_citizen_tab(make_ops(workspace))
    qtbot.addWidget(plan_tab)
    plan_tab.show()
    widget = plan_tab.plan_widget
    with qtbot.waitSignal(widget.extras_loaded, timeout=TIMEOUT):
        plan_tab.show_citizen(CITIZEN)
    detail = widget.detail
    assert detail.goal.title == "Tjekke e-Boks <selv>"
    model = detail.contacts_model
    assert model.rowCount() == 1
    assert model.index(0, 0).data() == date.today().strftime("%d-%m-%Y")
    assert model.index(0, 1).data() == "Hjemmebesøg"
    assert "Vi åbnede e-Boks sammen" in model.index(0, 4).data()
    assert not detail.contacts_empty.isVisible()


def test_pdf_export_writes_the_plan_with_a_name_without_cpr(qtbot, tab, tmp_path, goals,
                                                            pdf_text):
    widget = tab.plan_widget
    show_plan(qtbot, widget)
    name = default_file_name(widget.plan.citizen_label, date(2026, 4, 1))
    assert name == "Handleplan Erik Evaluering 01-04-2026.pdf"
    target = tmp_path / "ud" / name
    with qtbot.waitSignal(widget.pdf.written, timeout=10_000):
        widget.pdf.write(CITIZEN, target)
    text = pdf_text(target)
    assert "Tjekke e-Boks <selv>" in text and "Mere struktur" in text
    assert "0101909003" not in text and "010190" not in text
    assert str(target) in widget.saved_label.text()


def test_print_button_offers_a_save_dialog_with_the_suggested_name(qtbot, tab, goals):
    widget = tab.plan_widget
    show_plan(qtbot, widget)
    widget.print_button.click()
    dialog = widget.pdf.file_dialog
    assert dialog.isVisible() and dialog.windowTitle() == "Udskriv handleplan (PDF)"
    assert dialog.selectedFiles()[0].endswith(
        f"Handleplan Erik Evaluering {date.today():%d-%m-%Y}.pdf")
    dialog.reject()


def test_page_chooses_a_citizen_and_shows_the_plan(qtbot, workspace, make_ops, goals):
    page = create_page(make_ops(workspace), "Handleplan")
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.citizens_loaded, timeout=TIMEOUT):
        page.show()
    names = [page.citizen_list.item(row).text() for row in range(page.citizen_list.count())]
    assert names == ["Erik Evaluering", "Stjerne"]
    assert page.hint_label.isVisible()
    with qtbot.waitSignal(page.plan_widget.plan_loaded, timeout=TIMEOUT):
        page.choose_citizen(CITIZEN)
    assert page.plan_widget.model.rowCount() == 3
    assert not page.hint_label.isVisible()
    with qtbot.waitSignal(page.plan_widget.plan_loaded, timeout=TIMEOUT):
        page.choose_citizen(OTHER)
    assert page.plan_widget.model.rowCount() == 0
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page, timeout=TIMEOUT)
    page.search_edit.setFocus()
    with qtbot.waitSignal(page.citizens_loaded, timeout=TIMEOUT):
        qtbot.keyClicks(page.search_edit, "Erik")
    assert page.citizen_list.count() == 1


def test_app_start_does_not_import_qtcharts_or_reportlab():
    """The chart module loads when a goal is first shown; the PDF toolkit when printing."""
    code = ("import sys, ui.views.main_window; "
            "print(sorted(m for m in sys.modules if m.startswith(('PySide6.QtCharts', "
            "'reportlab'))))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=Path(__file__).resolve().parents[2], timeout=60,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, check=True)
    assert result.stdout.strip() == "[]"

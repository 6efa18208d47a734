"""Kalender dialogs: the Outlook export warns before details are included; group course
attendance creates contacts; absence with a substitute per citizen."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from mentordesk.kernel.context import Context
from mentordesk.schedule.absence import list_absences
from mentordesk.schedule.appointments import AppointmentInput, create_appointment
from mentordesk.schedule.ics import read_ics
from mentordesk.services.assignments import assign_mentor
from mentordesk.services.citizens import NewCitizen
from mentordesk.services.contacts import contacts_for_citizen
from mentordesk.services.team import NewUser, create_user
from ui.views.calendar.absence_dialog import AbsenceDialog
from ui.views.calendar.groups_dialog import GroupCoursesDialog, set_checked
from ui.views.calendar.ics_export import IcsExportDialog
from ui.views.common.form_fields import select_data
from ui.workspace import load_workspace

GITTE, HENRIK = 1, 2


@pytest.fixture
def workspace(database_path, make_database):
    database = make_database(database_path, [
        NewCitizen(first_name="Gitte", last_name="Gram", cpr="0101909003"),
        NewCitizen(first_name="Henrik", last_name="Holm")], keep_open=True)
    return load_workspace(database)


def test_ics_with_details_asks_first_and_default_has_initials_only(qtbot, workspace, make_ops,
                                                                  tmp_path):
    today = date.today()
    create_appointment(Context(workspace.database, workspace.actor), AppointmentInput(
        citizen_id=GITTE, mentor_ids=(workspace.actor.user_id,),
        starts_at=datetime.combine(today, time(9)),
        duration_minutes=60, form="home_visit", note="Hemmelig note om Gitte"))
    dialog = IcsExportDialog(make_ops(workspace), mentors=[], today=today)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.details_check.setChecked(True)
    box = dialog.warning_box
    assert box is not None and box.isVisible()
    assert "fulde navne" in box.text()
    box.button(QMessageBox.StandardButton.No).click()
    assert not dialog.details_check.isChecked()

    plain = tmp_path / "plain.ics"
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.export_to(plain)
    [event] = read_ics(plain.read_bytes())
    assert event.summary.startswith("GG")
    assert "Gitte" not in plain.read_text(encoding="utf-8")
    assert "Hemmelig" not in plain.read_text(encoding="utf-8")

    dialog = IcsExportDialog(make_ops(workspace), mentors=[], today=today)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.details_check.setChecked(True)
    dialog.warning_box.button(QMessageBox.StandardButton.Yes).click()
    assert dialog.details_check.isChecked()
    detailed = tmp_path / "detailed.ics"
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.export_to(detailed)
    assert "Gitte Gram" in detailed.read_text(encoding="utf-8")


def test_group_course_attendance_creates_contacts(qtbot, workspace, make_ops):
    citizens = [(GITTE, "Gitte Gram"), (HENRIK, "Henrik Holm")]
    mentors = [(workspace.actor.user_id, workspace.actor.full_name)]
    dialog = GroupCoursesDialog(make_ops(workspace), citizens=citizens, mentors=mentors)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.courses_loaded, timeout=10_000):
        dialog.show()
    assert dialog.course_combo.count() == 0
    last_monday = date.today() - timedelta(days=date.today().weekday())  # may be today
    dialog.name_edit.setText("Økonomi & IT")
    select_data(dialog.weekday_combo, 0)
    dialog.starts_edit.set_date(last_monday - timedelta(weeks=1))
    set_checked(dialog.participants_list, (GITTE, HENRIK))
    with qtbot.waitSignal(dialog.sessions_loaded, timeout=10_000):
        dialog.save_course_button.click()
    assert dialog.course_combo.currentText() == "Økonomi & IT"
    assert dialog.session_combo.currentData() == last_monday
    assert dialog.attendance_list.count() == 2
    dialog.attendance_list.item(0).setCheckState(Qt.CheckState.Checked)  # Gitte came
    with qtbot.waitSignal(dialog.sessions_loaded, timeout=10_000):
        dialog.register_button.click()
    assert "2 nye" in dialog.message_label.text()
    gitte = contacts_for_citizen(Context(workspace.database, workspace.actor), GITTE)
    henrik = contacts_for_citizen(Context(workspace.database, workspace.actor), HENRIK)
    assert [(c.contact_on, c.attended, c.form_code) for c in gitte] == [
        (last_monday, True, "group")]
    assert [c.attended for c in henrik] == [False]


def test_absence_with_a_substitute_per_citizen(qtbot, workspace, make_ops):
    actor = workspace.actor
    substitute = create_user(Context(workspace.database, actor),
                             NewUser("vikar", "Vera Vikar")).value
    assign_mentor(Context(workspace.database, actor), GITTE, actor.user_id, "primary")
    mentors = [(actor.user_id, actor.full_name), (substitute, "Vera Vikar")]
    dialog = AbsenceDialog(make_ops(workspace), citizens=[], mentors=mentors)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: GITTE in dialog.cover_combos, timeout=10_000)
    assert list(dialog.cover_combos) == [GITTE]  # the caseload, not every citizen
    select_data(dialog.kind_combo, "sickness")
    dialog.from_edit.set_date(date(2030, 2, 4))
    dialog.to_edit.set_date(date(2030, 2, 8))
    select_data(dialog.cover_combos[GITTE], substitute)
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        dialog.save_button.click()
    [absence] = list_absences(Context(workspace.database, actor), date(2030, 2, 1),
                              date(2030, 2, 28))
    assert (absence.kind, absence.covers) == ("sickness", ((GITTE, substitute),))

    dialog = AbsenceDialog(make_ops(workspace), citizens=[], mentors=mentors)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.from_edit.set_date(date(2030, 2, 8))
    dialog.to_edit.set_date(date(2030, 2, 4))
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.error_label.isVisible(), timeout=10_000)
    assert "før den første" in dialog.error_label.text()

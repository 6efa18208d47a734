"""Views refresh through the change hub alone: no view is wired to another.

A grant saved in one grants tab shows in another tab open on the same citizen; a mentor
assigned in the record shows in the citizens list and on the team page; a change for
another citizen reloads nothing of the open record; edits in progress survive a reload.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from mentordesk.kernel.changes import Changes, Kind
from mentordesk.kernel.context import Context
from mentordesk.services.assignments import (
    PRIMARY,
    assign_mentor,
    assignments_for_citizen,
    remove_assignment,
)
from mentordesk.services.case_record import get_citizen_record, update_citizen
from mentordesk.services.citizens import NewCitizen, list_citizens
from mentordesk.services.team import NewUser, create_user
from ui.models.citizens_table_model import Column
from ui.views.citizens.citizens_view import CitizensView
from ui.views.grants import create_citizen_tab as create_grants_tab
from ui.views.team import create_page as create_team_page
from ui.workspace import load_workspace

TIMEOUT = 5_000
QUIET_MS = 400  # long enough for a reload that should not happen to show up


@pytest.fixture
def workspace(database_path, make_database):
    database = make_database(database_path, [
        NewCitizen(first_name="Bodil", last_name="Bæk"),
        NewCitizen(first_name="Carl", last_name="Clausen"),
    ], keep_open=True)
    return load_workspace(database)


@pytest.fixture
def ids(workspace):
    rows = list_citizens(Context(workspace.database, workspace.actor))
    return {row.display_name.split()[0]: row.id for row in rows}


@pytest.fixture
def widgets(qtbot, runner):
    """Closed only once the worker is idle, before the database closes."""
    opened: list = []
    yield opened
    qtbot.waitUntil(runner.is_idle, timeout=TIMEOUT)
    for widget in opened:
        widget.close()
        widget.deleteLater()


def shown(widgets, widget):
    widgets.append(widget)
    widget.show()
    return widget


def grants_tab(qtbot, widgets, ops, citizen_id):
    tab = shown(widgets, create_grants_tab(ops))
    with qtbot.waitSignal(tab.loaded, timeout=TIMEOUT):
        tab.show_citizen(citizen_id)
    return tab


def citizens_view(qtbot, widgets, ops, name):
    view = shown(widgets, CitizensView(ops))
    qtbot.waitUntil(lambda: name in view.visible_names(), timeout=TIMEOUT)
    with qtbot.waitSignal(view.record_loaded, timeout=TIMEOUT):
        view.table.selectRow(view.visible_names().index(name))
    return view


def test_a_grant_saved_in_one_tab_shows_in_another_on_the_same_citizen_only(
        qtbot, widgets, workspace, ids, make_ops):
    ops = make_ops(workspace)
    editing = grants_tab(qtbot, widgets, ops, ids["Bodil"])
    same_citizen = grants_tab(qtbot, widgets, ops, ids["Bodil"])
    other_citizen = grants_tab(qtbot, widgets, ops, ids["Carl"])

    editing.new_grant()
    dialog = editing.dialog
    dialog.basis_combo.setCurrentIndex(dialog.basis_combo.findText(
        "SEL §85", Qt.MatchFlag.MatchStartsWith))
    dialog.start_edit.set_date(date(2026, 1, 5))
    with qtbot.waitSignal(same_citizen.loaded, timeout=TIMEOUT), \
            qtbot.assertNotEmitted(other_citizen.loaded, wait=QUIET_MS):
        dialog.save_button.click()

    assert [row.legal_basis_code for row in same_citizen.rows()] == ["SEL §85"]
    assert same_citizen.model.index(0, 2).data().startswith("05-01-2026 – ")
    assert other_citizen.rows() == [] and other_citizen.empty_label.isVisible()


def test_a_mentor_assigned_in_the_record_shows_in_the_list_and_on_the_team_page(
        qtbot, widgets, workspace, ids, make_ops):
    create_user(Context(workspace.database, workspace.actor),
                NewUser(login="mona", full_name="Mona Mentor"))
    ops = make_ops(workspace)
    team = shown(widgets, create_team_page(ops, "Team"))
    qtbot.waitUntil(lambda: "Mona Mentor" in team.names(), timeout=TIMEOUT)
    mona_row = team.names().index("Mona Mentor")
    assert team.model.index(mona_row, 4).data() == "0"
    view = citizens_view(qtbot, widgets, ops, "Bodil Bæk")
    mentors = view.record.mentors

    mentors.open_dialog("primary")
    qtbot.waitUntil(lambda: mentors.dialog is not None, timeout=TIMEOUT)
    dialog = mentors.dialog
    dialog.mentor_combo.setCurrentIndex(dialog.mentor_combo.findText("Mona Mentor"))
    with qtbot.waitSignal(team.loaded, timeout=TIMEOUT):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert team.model.index(team.names().index("Mona Mentor"), 4).data() == "1"
    bodil = view.visible_names().index("Bodil Bæk")
    qtbot.waitUntil(lambda: view.proxy.index(bodil, Column.MENTOR).data() == "Mona Mentor",
                    timeout=TIMEOUT)
    assert view.record.mentor_label.text() == "Primær kontaktperson: Mona Mentor"


def test_a_name_saved_in_the_record_shows_in_the_list(qtbot, widgets, workspace, make_ops):
    view = citizens_view(qtbot, widgets, make_ops(workspace), "Bodil Bæk")
    overview = view.record.overview

    overview.fields["last_name"].setText("Bækgaard")
    overview.save()

    qtbot.waitUntil(lambda: "Bodil Bækgaard" in view.visible_names(), timeout=TIMEOUT)
    assert "Bodil Bæk" not in view.visible_names()
    assert view.record.name_label.text() == "Bodil Bækgaard"


def test_a_change_for_another_citizen_does_not_reload_the_open_record(
        qtbot, widgets, workspace, ids, make_ops, hub):
    view = citizens_view(qtbot, widgets, make_ops(workspace), "Bodil Bæk")
    grants = grants_tab(qtbot, widgets, make_ops(workspace), ids["Bodil"])

    with qtbot.assertNotEmitted(view.record.loaded, wait=QUIET_MS), \
            qtbot.assertNotEmitted(grants.loaded, wait=0):
        hub.publish(Changes.of(Kind.CITIZEN, Kind.GRANTS, Kind.ASSIGNMENTS,
                               citizen=ids["Carl"]))

    with qtbot.waitSignal(view.record.loaded, timeout=TIMEOUT), \
            qtbot.waitSignal(grants.loaded, timeout=TIMEOUT):
        hub.publish(Changes.of(Kind.CONTACTS, Kind.GRANTS, citizen=ids["Bodil"]))


def test_a_reload_keeps_the_edits_in_progress(qtbot, widgets, workspace, ids, make_ops, hub):
    admin = workspace.actor
    view = citizens_view(qtbot, widgets, make_ops(workspace), "Bodil Bæk")
    overview = view.record.overview
    overview.fields["city"].setText("Thisted")
    # A colleague saves another field of the same case meanwhile.
    theirs = get_citizen_record(Context(workspace.database, admin), ids["Bodil"])
    update_citizen(Context(workspace.database, admin), ids["Bodil"], theirs.version,
                   {"phone": "11223344"}, theirs.editable())

    with qtbot.waitSignal(view.record.loaded, timeout=TIMEOUT):
        hub.publish(Changes.of(Kind.CITIZEN, citizen=ids["Bodil"]))

    assert overview.fields["city"].text() == "Thisted"
    assert overview.has_unsaved_changes()
    # Saving merges: nobody else touched the city, so no conflict dialog is needed.
    with qtbot.waitSignal(overview.saved, timeout=TIMEOUT):
        overview.save()
    record = get_citizen_record(Context(workspace.database, admin), ids["Bodil"])
    assert (record.city, record.phone) == ("Thisted", "11223344")
    assert overview.saver.dialog is None


def test_a_case_no_longer_visible_closes_the_record(qtbot, widgets, workspace, ids, make_ops,
                                                    hub):
    admin = workspace.actor
    create_user(Context(workspace.database, admin),
                NewUser(login="mona", full_name="Mona Mentor"))
    mona = load_workspace(workspace.database, "mona")
    assign_mentor(Context(workspace.database, admin), ids["Bodil"], mona.actor.user_id,
                  PRIMARY)
    view = citizens_view(qtbot, widgets, make_ops(mona), "Bodil Bæk")
    assert view.record.name_label.isVisible()
    # The coordinator takes the case from Mona on another PC.
    [assignment] = assignments_for_citizen(Context(workspace.database, admin), ids["Bodil"])
    remove_assignment(Context(workspace.database, admin), assignment.id)

    hub.publish(Changes.of(Kind.ASSIGNMENTS, citizen=ids["Bodil"]))

    qtbot.waitUntil(lambda: view.record.placeholder.isVisible(), timeout=TIMEOUT)
    assert not view.record.name_label.isVisible()
    qtbot.waitUntil(lambda: view.visible_names() == [], timeout=TIMEOUT)
    assert view.record.citizen_id is None


def test_a_hidden_tab_reads_a_change_once_when_shown(qtbot, widgets, workspace, ids, make_ops,
                                                     hub):
    grants = grants_tab(qtbot, widgets, make_ops(workspace), ids["Bodil"])
    grants.hide()

    with qtbot.assertNotEmitted(grants.loaded, wait=QUIET_MS):
        hub.publish(Changes.of(Kind.GRANTS, citizen=ids["Bodil"]))
        hub.publish(Changes.of(Kind.CATALOGUE))

    with qtbot.waitSignal(grants.loaded, timeout=TIMEOUT):
        grants.show()
    with qtbot.assertNotEmitted(grants.loaded, wait=QUIET_MS):
        grants.hide()
        grants.show()  # nothing changed meanwhile: no second read

"""The main window on a team server as the people who use it, each logged in as their own
login role (not the cluster's superuser), so the server's row-level security decides what
they see: a mentor sees only their own citizen, opens the record and logs a contact that
lands in the journal; a coordinator sees the whole team; and when two people save the
same contact or goal, the second gets the same conflict dialog as on a file."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from mentordesk.domain.codes import ContactForm, GoalStatus
from mentordesk.kernel.context import Context
from mentordesk.server.connect import open_server
from mentordesk.server.profiles import ConnectionProfile
from mentordesk.services.citizens import list_citizens
from mentordesk.services.contacts import (
    NewContact,
    contacts_for_citizen,
    get_contact,
    log_contact,
    update_contact,
)
from mentordesk.services.plan import GoalInput, create_goal, load_plan, theme_choices, update_goal
from tests.server_team import CITIZENS, MENTOR_CITIZENS, TeamLogin, team_with_login
from ui.views.contacts.table_model import Column
from ui.views.main_window import MainWindow
from ui.views.plan import create_citizen_tab as create_plan_tab
from ui.workspace import Workspace, load_server_workspace

TIMEOUT = 15_000
EVERYONE = sorted(f"{first} {last}" for first, last in CITIZENS)
MENTORS_OWN = [f"{first} {last}" for first, last in MENTOR_CITIZENS]


@pytest.fixture
def team(server_databases):
    yield from team_with_login(server_databases, name="Kontoret")


@pytest.fixture
def log_in(team: TeamLogin):
    """``log_in(profile) -> Workspace``: the app's workspace as that person, closed after."""
    opened: list[Workspace] = []

    def open_as(profile: ConnectionProfile) -> Workspace:
        workspace = load_server_workspace(open_server(profile, team.password), profile)
        opened.append(workspace)
        return workspace

    yield open_as
    for workspace in opened:
        workspace.database.close()


@pytest.fixture
def window_for(qtbot, make_ops):
    def show(workspace: Workspace) -> MainWindow:
        window = MainWindow.of(make_ops(workspace))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    return show


def wait_for_list(qtbot, window: MainWindow, names: list[str]) -> None:
    view = window.citizens_view
    qtbot.waitUntil(lambda: sorted(view.visible_names()) == names, timeout=TIMEOUT)
    count = f"{len(names)} borger" if len(names) == 1 else f"{len(names)} borgere"
    assert view.count_label.text() == count


def contacts_tab_of(qtbot, window: MainWindow, citizen_id: int):
    """Open the citizen's record and its Kontakter tab, as a double-click and a tab click
    would; the tab is built when first shown."""
    record = window.citizens_view.record
    window.open_citizen(citizen_id)
    qtbot.waitUntil(lambda: record.is_shown(citizen_id), timeout=TIMEOUT)
    titles = [record.tabs.tabText(index) for index in range(record.tabs.count())]
    lazy = record.tabs.widget(titles.index("Kontakter"))
    record.tabs.setCurrentWidget(lazy)
    qtbot.waitUntil(lambda: lazy.tab is not None, timeout=TIMEOUT)
    return lazy.tab


def wait_for_journal(qtbot, tab, count: int) -> None:
    text = f"{count} kontakt" if count == 1 else f"{count} kontakter"
    qtbot.waitUntil(lambda: tab.count_label.text() == text, timeout=TIMEOUT)


def journal_notes(tab) -> list[str]:
    model = tab.table.rows_model
    return [model.text(row, Column.NOTE) for row in range(model.rowCount())]


def id_of(workspace: Workspace, name: str) -> int:
    rows = list_citizens(Context(workspace.database, workspace.actor))
    return next(row.id for row in rows if row.display_name == name)


def test_a_mentor_sees_only_their_citizen_and_logs_a_contact_into_the_journal(
        qtbot, team, log_in, window_for):
    mentor = log_in(team.mentor)
    window = window_for(mentor)
    wait_for_list(qtbot, window, MENTORS_OWN)
    assert mentor.actor.login == team.mentor.login

    tab = contacts_tab_of(qtbot, window, id_of(mentor, MENTORS_OWN[0]))
    assert window.citizens_view.record.name_label.text() == MENTORS_OWN[0]
    wait_for_journal(qtbot, tab, 0)
    tab.form.note_edit.setPlainText("Hjemmebesøg på serveren: æøå & <b>")
    tab.form.place_edit.setText("Hjemme")
    with qtbot.waitSignal(tab.contact_saved, timeout=TIMEOUT):
        tab.save()  # "Gem" (Ctrl+S needs the window active, which offscreen does not give)

    wait_for_journal(qtbot, tab, 1)
    assert journal_notes(tab) == ["Hjemmebesøg på serveren: æøå & <b>"]
    # The coordinator, in a session of her own, finds it in the citizen's journal.
    coordinator = log_in(team.profile)
    rows = contacts_for_citizen(Context(coordinator.database, coordinator.actor),
                                id_of(coordinator, MENTORS_OWN[0]))
    assert [(row.note, row.mentor_name) for row in rows] == [
        ("Hjemmebesøg på serveren: æøå & <b>", "Mads Mentor")]


def test_a_coordinator_sees_every_citizen_of_the_team(qtbot, team, log_in, window_for):
    coordinator = log_in(team.profile)
    window = window_for(coordinator)

    wait_for_list(qtbot, window, EVERYONE)
    assert window.user_label.text().endswith("(Koordinator)")


def open_editor(qtbot, tab, row: int):
    tab.table.setCurrentIndex(tab.table.rows_model.index(row, 0))
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)  # Enter opens the row, like a double-click
    qtbot.waitUntil(lambda: tab.contact_actions.editor is not None, timeout=TIMEOUT)
    editor = tab.contact_actions.editor
    qtbot.waitUntil(editor.save_button.isEnabled, timeout=TIMEOUT)
    return editor


def test_two_people_saving_one_contact_get_the_conflict_dialog_and_keep_both_notes(
        qtbot, team, log_in, window_for):
    mentor = log_in(team.mentor)
    coordinator = log_in(team.profile)
    as_coordinator = Context(coordinator.database, coordinator.actor)
    citizen_id = id_of(coordinator, MENTORS_OWN[0])
    contact_id = log_contact(as_coordinator, NewContact(
        citizen_id=citizen_id, contact_on=date.today(), duration_minutes=60,
        form=ContactForm.HOME_VISIT, note="Oprindelig note", place="Café")).value
    window = window_for(mentor)
    tab = contacts_tab_of(qtbot, window, citizen_id)
    wait_for_journal(qtbot, tab, 1)
    editor = open_editor(qtbot, tab, 0)

    # Meanwhile the coordinator, on her own PC, saves a new note and a longer duration.
    theirs = get_contact(as_coordinator, contact_id)
    update_contact(as_coordinator, contact_id, theirs.version,
                   {"note": "Koordinatorens note", "duration_minutes": 90},
                   theirs.editable_values())
    editor.form.note_edit.setPlainText("Mentorens note 🙂")
    editor.form.place_edit.setText("Biblioteket")
    editor.save()
    qtbot.waitUntil(lambda: editor.conflict_dialog is not None, timeout=TIMEOUT)
    conflict = editor.conflict_dialog

    assert conflict.windowTitle() == "Nogen andre gemte først"
    assert [choice.title() for choice in conflict.choices] == ["Note"]
    assert conflict.resolved_values() == {"note": "Koordinatorens note\n\nMentorens note 🙂"}
    conflict.save_button.click()
    qtbot.waitUntil(lambda: tab.contact_actions.editor is None, timeout=TIMEOUT)

    saved = get_contact(as_coordinator, contact_id)
    assert saved.note == "Koordinatorens note\n\nMentorens note 🙂"
    assert saved.place == "Biblioteket"  # the mentor's change that did not conflict
    assert saved.duration_minutes == 90  # the coordinator's, which the mentor did not touch


def test_two_people_saving_one_goal_get_the_conflict_dialog_and_keep_both_texts(
        qtbot, team, log_in, make_ops):
    mentor = log_in(team.mentor)
    coordinator = log_in(team.profile)
    as_coordinator = Context(coordinator.database, coordinator.actor)
    citizen_id = id_of(coordinator, MENTORS_OWN[0])
    goal = create_goal(as_coordinator, citizen_id, GoalInput(
        "Tjekke e-Boks selv", "Start", theme_choices(coordinator.database)[0].code,
        status=GoalStatus.IN_PROGRESS, start_on=date(2026, 1, 5),
        review_on=date(2026, 4, 5))).value
    tab = create_plan_tab(make_ops(mentor))
    qtbot.addWidget(tab)
    tab.show()
    widget = tab.plan_widget
    with qtbot.waitSignal(widget.plan_loaded, timeout=TIMEOUT):
        tab.show_citizen(citizen_id)
    widget.edit_goal()
    dialog = widget.dialog
    assert dialog.title_edit.text() == "Tjekke e-Boks selv"

    # Meanwhile the coordinator saves another description on her own PC.
    update_goal(as_coordinator, goal.id, goal.version,
                GoalInput(**{**goal.input().__dict__, "description": "Koordinatorens tekst"}),
                goal.input())
    dialog.description_edit.setPlainText("Mentorens tekst")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.conflict_dialog is not None
                    and dialog.conflict_dialog.isVisible(), timeout=TIMEOUT)
    [choice] = dialog.conflict_dialog.choices

    assert choice.title() == "Beskrivelse"
    assert choice.value() == "Koordinatorens tekst\n\nMentorens tekst"
    with qtbot.waitSignal(widget.plan_loaded, timeout=TIMEOUT):
        dialog.conflict_dialog.accept()
    [saved] = load_plan(as_coordinator, citizen_id).goals
    assert saved.description == "Koordinatorens tekst\n\nMentorens tekst"

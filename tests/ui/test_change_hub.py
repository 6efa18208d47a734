"""One change hub for the whole window: a contact edited in a citizen's Kontakter tab
refreshes the Timer and Frister pages through the hub alone (no view knows another), a
view the change does not concern reads nothing, and a hidden page reads when shown."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from qt_support import show_record_tab

from mentordesk.domain.codes import CitizenStatus, ContactForm
from mentordesk.kernel.context import Context
from mentordesk.services.catalogue_admin import load_catalogue
from mentordesk.services.citizens import NewCitizen, create_citizen, list_citizens
from mentordesk.services.contacts import NewContact, log_contact
from mentordesk.services.grants import GrantInput, create_grant
from ui.views import contacts, deadlines, hours
from ui.views.areas import CitizenTabSpec
from ui.views.contacts.table_model import Column as ContactColumn
from ui.views.deadlines.deadlines_model import Column as DeadlineColumn
from ui.workspace import load_workspace

TIMEOUT = 10_000
TODAY = date.today()
FIRST_CONTACT = "Første kontakt efter bevilling"
DELIVERED = 3  # the Timer page's "delivered" column


@pytest.fixture
def workspace(database_path, make_database):
    database = make_database(database_path, keep_open=True)
    workspace = load_workspace(database)
    context = Context(database, workspace.actor)
    for first, last in (("Gitte", "Gram"), ("Henrik", "Holm")):
        create_citizen(context, NewCitizen(first_name=first, last_name=last,
                                           status=CitizenStatus.ACTIVE,
                                           primary_mentor_id=workspace.actor.user_id))
    ids = citizen_ids(workspace)
    basis = next(b.id for b in load_catalogue(database).legal_bases if b.code == "SEL §85")
    # Granted two weeks ago: the first contact was due four days ago. Only Gitte's
    # attended contact today keeps that deadline off the Frister page.
    create_grant(context, ids["Gitte Gram"], GrantInput(
        legal_basis_id=basis, start_on=TODAY - timedelta(days=14), hours_min_minutes=120,
        hours_max_minutes=240))
    for name in ids:
        log_contact(context, NewContact(citizen_id=ids[name], contact_on=TODAY,
                                        start_time=time(9), duration_minutes=60,
                                        form=ContactForm.HOME_VISIT, note=f"Hos {name}"))
    return workspace


def citizen_ids(workspace) -> dict[str, int]:
    return {row.display_name: row.id
            for row in list_citizens(Context(workspace.database, workspace.actor))}


def shown(qtbot, widget, loaded) -> None:
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    with qtbot.waitSignal(loaded, timeout=TIMEOUT):
        widget.show()


def contacts_tab(qtbot, make_ops, workspace, citizen_id: int):
    tab = contacts.create_citizen_tab(make_ops(workspace))
    qtbot.addWidget(tab)
    tab.show()
    with qtbot.waitSignal(tab.contacts_loaded, timeout=TIMEOUT):
        tab.show_citizen(citizen_id)
    return tab


def delivered(page) -> str:
    [row] = [row for row in range(page.citizen_model.rowCount())
             if page.citizen_model.index(row, 0).data() == "Gitte Gram"]
    return page.citizen_model.index(row, DELIVERED).data()


def deadline_kinds(page) -> list[tuple[str, str]]:
    return [(page.model.index(row, DeadlineColumn.CITIZEN).data(),
             page.model.index(row, DeadlineColumn.KIND).data())
            for row in range(page.model.rowCount())]


def edit_attendance_in_the_dialog(qtbot, tab, *, attended: bool):
    """Open the listed contact with Enter, as a user does, and tick attendance."""
    tab.activateWindow()  # the other pages are windows of their own here
    qtbot.waitUntil(lambda: QApplication.activeWindow() is tab, timeout=TIMEOUT)
    tab.table.setCurrentIndex(tab.table.rows_model.index(0, 0))
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.contact_actions.editor is not None, timeout=TIMEOUT)
    editor = tab.contact_actions.editor
    qtbot.waitUntil(editor.save_button.isEnabled, timeout=TIMEOUT)
    choice = editor.form.attendance
    (choice.attended if attended else choice.no_show).setChecked(True)
    return editor


def test_a_contact_edited_in_the_tab_refreshes_hours_and_deadlines_through_the_hub(
        qtbot, workspace, make_ops):
    ids = citizen_ids(workspace)
    # Every view gets its own operations object; they share nothing but the hub.
    gitte_tab = contacts_tab(qtbot, make_ops, workspace, ids["Gitte Gram"])
    henrik_tab = contacts_tab(qtbot, make_ops, workspace, ids["Henrik Holm"])
    hours_page = hours.create_page(make_ops(workspace), "Timer")
    shown(qtbot, hours_page, hours_page.loaded)
    deadlines_page = deadlines.create_page(make_ops(workspace), "Frister")
    shown(qtbot, deadlines_page, deadlines_page.deadlines_loaded)
    assert delivered(hours_page) == "1 t"
    assert ("Gitte Gram", FIRST_CONTACT) not in deadline_kinds(deadlines_page)

    editor = edit_attendance_in_the_dialog(qtbot, gitte_tab, attended=False)
    # Henrik's journal shows contacts too, but not Gitte's: it must not read again.
    with qtbot.assertNotEmitted(henrik_tab.contacts_loaded, wait=500):
        with qtbot.waitSignals([gitte_tab.contacts_loaded, hours_page.loaded,
                                deadlines_page.deadlines_loaded], timeout=TIMEOUT):
            editor.save_button.click()

    assert [gitte_tab.table.rows_model.text(row, ContactColumn.ATTENDANCE)
            for row in range(gitte_tab.table.rows_model.rowCount())] == ["Udeblevet"]
    assert delivered(hours_page) == "0 t"  # a no-show is not a delivered hour
    assert ("Gitte Gram", FIRST_CONTACT) in deadline_kinds(deadlines_page)
    assert henrik_tab.table.rows_model.text(0, ContactColumn.NOTE) == "Hos Henrik Holm"

    # A hidden page reads nothing when a change comes, and reads once when shown again.
    hours_page.hide()
    editor = edit_attendance_in_the_dialog(qtbot, gitte_tab, attended=True)
    with qtbot.assertNotEmitted(hours_page.loaded, wait=500):
        with qtbot.waitSignals([gitte_tab.contacts_loaded, deadlines_page.deadlines_loaded],
                               timeout=TIMEOUT):
            editor.save_button.click()
    assert ("Gitte Gram", FIRST_CONTACT) not in deadline_kinds(deadlines_page)
    with qtbot.waitSignal(hours_page.loaded, timeout=TIMEOUT):
        hours_page.show()
    assert delivered(hours_page) == "1 t"
    # Shown again with nothing changed meanwhile: no recount.
    hours_page.hide()
    with qtbot.assertNotEmitted(hours_page.loaded, wait=300):
        hours_page.show()


def test_a_contact_edited_on_the_contacts_page_refreshes_the_open_record(
        qtbot, workspace, make_ops):
    """The coordinator's Kontakter page and a citizen's open record are two views that
    know nothing of each other: the record's journal follows the edit through the hub."""
    from ui.views.citizens.citizens_view import CitizensView

    ids = citizen_ids(workspace)
    view = CitizensView(make_ops(workspace), record_tabs=[
        CitizenTabSpec("Kontakter", contacts.create_citizen_tab)])
    qtbot.addWidget(view)
    view.resize(1300, 800)
    view.show()
    with qtbot.waitSignal(view.record_loaded, timeout=TIMEOUT):
        view.open_citizen(ids["Gitte Gram"])
    journal = show_record_tab(view.record, "Kontakter")
    qtbot.waitUntil(lambda: journal.table.rows_model.rowCount() == 1, timeout=TIMEOUT)
    assert journal.table.rows_model.text(0, ContactColumn.ATTENDANCE) == "Fremmøde"

    page = contacts.create_page(make_ops(workspace), "Kontakter")
    shown(qtbot, page, page.contacts_loaded)
    [gitte_row] = [row for row in range(page.table.rows_model.rowCount())
                   if page.table.rows_model.text(row, ContactColumn.NOTE) == "Hos Gitte Gram"]
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page, timeout=TIMEOUT)
    page.table.setCurrentIndex(page.table.rows_model.index(gitte_row, 0))
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.contact_actions.editor is not None, timeout=TIMEOUT)
    editor = page.contact_actions.editor
    qtbot.waitUntil(editor.save_button.isEnabled, timeout=TIMEOUT)
    editor.form.attendance.no_show.setChecked(True)
    with qtbot.waitSignal(journal.contacts_loaded, timeout=TIMEOUT):
        editor.save_button.click()
    assert journal.table.rows_model.text(0, ContactColumn.ATTENDANCE) == "Udeblevet"

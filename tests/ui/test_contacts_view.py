"""The citizen's Kontakter tab and the Kontakter page: lists, filters, attendance
stability, editing with a stale-save conflict, deleting, and the per-mentor page."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import func, select

from mentordesk.domain.codes import Attendance, ContactForm, Role
from mentordesk.kernel.context import Context
from mentordesk.services.citizens import NewCitizen, list_citizens
from mentordesk.services.contacts import NewContact, get_contact, log_contact, update_contact
from mentordesk.services.team import resolve_actor
from mentordesk.storage.models import Assignment, AuditEvent, User
from ui.views.contacts import create_citizen_tab, create_page
from ui.views.contacts.page import ContactsPage
from ui.views.contacts.table_model import Column
from ui.workspace import load_workspace

TIMEOUT = 5_000
TODAY = date.today()


@pytest.fixture
def workspace(database_path, make_database):
    database = make_database(database_path, [
        NewCitizen(first_name="Karla", last_name="Kontakt", cpr="0101909001"),
        NewCitizen(alias="Ravnen"),
    ], keep_open=True)
    return load_workspace(database)


@pytest.fixture
def citizen_ids(workspace) -> dict[str, int]:
    return {row.display_name: row.id
            for row in list_citizens(Context(workspace.database, workspace.actor))}


def log(workspace, citizen_id: int, actor=None, **fields) -> int:
    values = {"duration_minutes": 60, "form": ContactForm.HOME_VISIT, "contact_on": TODAY}
    values.update(fields)
    return log_contact(Context(workspace.database, actor or workspace.actor),
                       NewContact(citizen_id=citizen_id, **values)).value


@pytest.fixture
def tab(qtbot, workspace, make_ops):
    contacts_tab = create_citizen_tab(make_ops(workspace))
    qtbot.addWidget(contacts_tab)
    contacts_tab.show()
    qtbot.waitExposed(contacts_tab)
    return contacts_tab


def show(qtbot, tab, citizen_id: int) -> None:
    with qtbot.waitSignal(tab.contacts_loaded, timeout=TIMEOUT):
        tab.show_citizen(citizen_id)


def column(view, which: Column) -> list[str]:
    model = view.table.rows_model
    return [model.text(row, which) for row in range(model.rowCount())]


def test_lists_newest_first_with_attendance_stability(qtbot, workspace, citizen_ids, tab):
    karla = citizen_ids["Karla Kontakt"]
    for days_ago, form, attendance in [(40, ContactForm.HOME_VISIT, Attendance.ATTENDED),
                                       (30, ContactForm.PUBLIC_SPACE, Attendance.ATTENDED),
                                       (20, ContactForm.ACCOMPANIMENT, Attendance.ATTENDED),
                                       (10, ContactForm.GROUP, Attendance.ATTENDED),
                                       (5, ContactForm.HOME_VISIT, Attendance.NO_SHOW),
                                       (2, ContactForm.PHONE, Attendance.NO_SHOW)]:
        log(workspace, karla, form=form, attendance=attendance,
            contact_on=TODAY - timedelta(days=days_ago), note=f"{days_ago} dage siden\nmere")
    log(workspace, citizen_ids["Ravnen"], note="en anden borger")

    show(qtbot, tab, karla)

    assert column(tab, Column.NOTE) == [f"{days} dage siden" for days in (2, 5, 10, 20, 30, 40)]
    assert column(tab, Column.FORM)[:2] == ["Telefon", "Hjemmebesøg"]
    assert column(tab, Column.ATTENDANCE)[:3] == ["Udeblevet", "Udeblevet", "Fremmøde"]
    assert set(column(tab, Column.MENTOR)) == {workspace.actor.full_name}
    assert tab.count_label.text() == "6 kontakter"
    # Phone is remote: 4 of the 5 in-person meetings were attended.
    assert tab.rate_label.text() == "Mødestabilitet: 80 % (4 af 5)"
    headers = [tab.table.rows_model.headerData(i, Qt.Orientation.Horizontal)
               for i in range(tab.table.rows_model.columnCount())]
    assert headers == ["Dato", "Tid", "Varighed", "Form", "Sted", "Fremmøde", "Bevilling",
                       "Mentor", "Note", "Kørsel / indirekte"]
    # Karla has no grant: every contact says so in plain sight.
    assert set(column(tab, Column.GRANT)) == {"Ikke tilknyttet"}


def test_filters_narrow_the_list(qtbot, workspace, citizen_ids, tab):
    karla = citizen_ids["Karla Kontakt"]
    log(workspace, karla, note="gammel", contact_on=TODAY - timedelta(days=200))
    log(workspace, karla, note="telefon", form=ContactForm.PHONE)
    log(workspace, karla, note="udeblev", attendance=Attendance.NO_SHOW,
        contact_on=TODAY - timedelta(days=1))
    show(qtbot, tab, karla)
    bar = tab.filter_bar

    with qtbot.waitSignal(tab.contacts_loaded, timeout=TIMEOUT):
        bar.period_combo.setCurrentIndex(bar.period_combo.findText("Seneste 3 måneder"))
    assert column(tab, Column.NOTE) == ["telefon", "udeblev"]
    with qtbot.waitSignal(tab.contacts_loaded, timeout=TIMEOUT):
        bar.attendance_combo.setCurrentIndex(bar.attendance_combo.findText("Udeblevet"))
    assert column(tab, Column.NOTE) == ["udeblev"]
    with qtbot.waitSignal(tab.contacts_loaded, timeout=TIMEOUT):
        bar.attendance_combo.setCurrentIndex(0)
    with qtbot.waitSignal(tab.contacts_loaded, timeout=TIMEOUT):
        bar.form_combo.setCurrentIndex(bar.form_combo.findText("Telefon"))
    assert column(tab, Column.NOTE) == ["telefon"]
    assert not bar.from_edit.isVisible()
    with qtbot.waitSignal(tab.contacts_loaded, timeout=TIMEOUT):
        bar.period_combo.setCurrentIndex(bar.period_combo.findText("Valgt periode"))
    assert bar.from_edit.isVisible() and bar.to_edit.text() == TODAY.strftime("%d-%m-%Y")


def open_editor(qtbot, tab, row: int):
    index = tab.table.rows_model.index(row, 0)
    tab.table.setCurrentIndex(index)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)  # Enter activates the row, like double-click
    qtbot.waitUntil(lambda: tab.contact_actions.editor is not None, timeout=TIMEOUT)
    editor = tab.contact_actions.editor
    qtbot.waitUntil(editor.save_button.isEnabled, timeout=TIMEOUT)
    return editor


def test_edit_a_contact_in_the_dialog(qtbot, workspace, citizen_ids, tab):
    karla = citizen_ids["Karla Kontakt"]
    contact_id = log(workspace, karla, note="Før <b>", start_time=time(10, 0))
    show(qtbot, tab, karla)

    editor = open_editor(qtbot, tab, 0)
    assert editor.form.note_edit.toPlainText() == "Før <b>"
    assert editor.form.time_edit.value() == time(10, 0)
    editor.form.note_edit.setPlainText("Efter <b>")
    editor.form.attendance.no_show.setChecked(True)
    with qtbot.waitSignal(tab.contacts_loaded, timeout=TIMEOUT):
        qtbot.keyClick(editor.form.place_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    assert column(tab, Column.NOTE) == ["Efter <b>"]
    assert column(tab, Column.ATTENDANCE) == ["Udeblevet"]
    assert get_contact(Context(workspace.database, workspace.actor), contact_id).note == "Efter <b>"


def test_stale_edit_opens_the_conflict_dialog_and_keeps_both_notes(qtbot, workspace,
                                                                    citizen_ids, tab):
    karla = citizen_ids["Karla Kontakt"]
    contact_id = log(workspace, karla, note="Oprindelig note", place="Café")
    show(qtbot, tab, karla)
    editor = open_editor(qtbot, tab, 0)

    # Meanwhile another user (another session) saves a new note and a new duration.
    theirs = get_contact(Context(workspace.database, workspace.actor), contact_id)
    update_contact(Context(workspace.database, workspace.actor), contact_id, theirs.version,
                   {"note": "Koordinatorens note & <i>", "duration_minutes": 90},
                   theirs.editable_values())

    editor.form.note_edit.setPlainText("Mentorens note 🙂")
    editor.form.place_edit.setText("Biblioteket")
    qtbot.keyClick(editor.form.place_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: editor.conflict_dialog is not None, timeout=TIMEOUT)
    conflict = editor.conflict_dialog

    assert [choice.title() for choice in conflict.choices] == ["Note"]
    assert conflict.resolved_values() == {
        "note": "Koordinatorens note & <i>\n\nMentorens note 🙂"}
    conflict.save_button.click()
    # The conflict itself was announced on the hub (the list may reload meanwhile), so wait
    # for the resolution's save to finish: the editor closes when it is stored.
    qtbot.waitUntil(lambda: tab.contact_actions.editor is None, timeout=TIMEOUT)

    saved = get_contact(Context(workspace.database, workspace.actor), contact_id)
    assert saved.note == "Koordinatorens note & <i>\n\nMentorens note 🙂"
    assert saved.place == "Biblioteket"  # my change that did not conflict
    assert saved.duration_minutes == 90  # theirs, which I did not touch
    qtbot.waitUntil(lambda: column(tab, Column.NOTE) == ["Koordinatorens note & <i>"],
                    timeout=TIMEOUT)


def test_non_text_conflict_is_shown_in_danish(qtbot, workspace, citizen_ids, tab):
    karla = citizen_ids["Karla Kontakt"]
    contact_id = log(workspace, karla, form=ContactForm.HOME_VISIT)
    show(qtbot, tab, karla)
    editor = open_editor(qtbot, tab, 0)
    theirs = get_contact(Context(workspace.database, workspace.actor), contact_id)
    update_contact(Context(workspace.database, workspace.actor), contact_id, theirs.version,
                   {"form": ContactForm.GROUP}, theirs.editable_values())

    editor.form.form_combo.setCurrentIndex(editor.form.form_combo.findText("Ledsagelse"))
    editor.save()
    qtbot.waitUntil(lambda: editor.conflict_dialog is not None, timeout=TIMEOUT)
    choice = editor.conflict_dialog.choices[0]

    assert choice.title() == "Kontaktform"
    assert choice.theirs.text() == "Gemt af en anden: Gruppe"
    assert choice.mine.text() == "Din version: Ledsagelse"
    choice.theirs.setChecked(True)
    editor.conflict_dialog.save_button.click()
    # Choosing theirs saves nothing new; the list shows what the other user saved, which
    # the conflict announced on the change hub.
    qtbot.waitUntil(lambda: tab.contact_actions.editor is None, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: column(tab, Column.FORM) == ["Gruppe"], timeout=TIMEOUT)
    saved = get_contact(Context(workspace.database, workspace.actor), contact_id)
    assert saved.form is ContactForm.GROUP


def test_delete_key_deletes_after_confirmation(qtbot, workspace, citizen_ids, tab):
    karla = citizen_ids["Karla Kontakt"]
    log(workspace, karla, note="behold", contact_on=TODAY - timedelta(days=1))
    log(workspace, karla, note="slet mig")
    show(qtbot, tab, karla)
    tab.table.selectRow(0)
    tab.table.setFocus()
    tab.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is tab, timeout=TIMEOUT)

    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: tab.contact_actions.confirm_box is not None, timeout=TIMEOUT)
    box = tab.contact_actions.confirm_box
    assert "Slet kontakten den" in box.text() and "Hjemmebesøg, 1 t" in box.text()
    with qtbot.waitSignal(tab.contacts_loaded, timeout=TIMEOUT):
        box.button(QMessageBox.StandardButton.Yes).click()

    assert column(tab, Column.NOTE) == ["behold"]


def test_no_citizen_disables_the_tab(qtbot, tab):
    tab.show_citizen(None)
    assert not tab.isEnabled()
    assert tab.table.rows_model.rowCount() == 0


# -- the Kontakter page ------------------------------------------------------------------


@pytest.fixture
def mentor(workspace, citizen_ids):
    with workspace.database.session() as session:
        user = User(login="mona.mentor", full_name="Mona Mentor", role=Role.MENTOR.value)
        session.add(user)
        session.flush()
        session.add(Assignment(citizen_id=citizen_ids["Ravnen"], user_id=user.id,
                               kind="primary", start_on=TODAY - timedelta(days=30)))
    return resolve_actor(workspace.database, "mona.mentor")


def make_page(qtbot, workspace, make_ops) -> ContactsPage:
    page = create_page(make_ops(workspace), "Kontakter")
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.contacts_loaded, timeout=TIMEOUT):
        page.show()
    return page


def test_page_shows_my_contacts_across_citizens_newest_first(qtbot, workspace, citizen_ids,
                                                             make_ops, mentor):
    log(workspace, citizen_ids["Karla Kontakt"], note="Karla i går",
        contact_on=TODAY - timedelta(days=1))
    log(workspace, citizen_ids["Ravnen"], note="Ravnen i dag", start_time=time(9, 0))
    log(workspace, citizen_ids["Ravnen"], actor=mentor, note="Monas kontakt")

    page = make_page(qtbot, workspace, make_ops)

    assert page.title_label.text() == "Kontakter"
    assert column(page, Column.NOTE) == ["Ravnen i dag", "Karla i går"]
    assert column(page, Column.CITIZEN) == ["Ravnen", "Karla Kontakt"]
    assert page.count_label.text() == "2 kontakter"
    # A coordinator chooses whose contacts to see.
    qtbot.waitUntil(lambda: page.mentor_combo.count() == 2, timeout=TIMEOUT)
    assert page.mentor_combo.isVisible()
    with qtbot.waitSignal(page.contacts_loaded, timeout=TIMEOUT):
        page.mentor_combo.setCurrentIndex(page.mentor_combo.findText("Mona Mentor"))
    assert column(page, Column.NOTE) == ["Monas kontakt"]


def test_mentor_page_has_no_mentor_choice(qtbot, workspace, citizen_ids, make_ops, mentor):
    log(workspace, citizen_ids["Ravnen"], actor=mentor, note="Monas kontakt")
    log(workspace, citizen_ids["Karla Kontakt"], note="ikke Monas")
    mentor_workspace = load_workspace(workspace.database, "mona.mentor")

    page = make_page(qtbot, mentor_workspace, make_ops)

    assert not page.mentor_combo.isVisible()
    assert column(page, Column.NOTE) == ["Monas kontakt"]


def test_page_edits_and_reloads(qtbot, workspace, citizen_ids, make_ops):
    contact_id = log(workspace, citizen_ids["Ravnen"], note="før")
    page = make_page(qtbot, workspace, make_ops)
    page.table.setCurrentIndex(page.table.rows_model.index(0, 0))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.contact_actions.editor is not None, timeout=TIMEOUT)
    editor = page.contact_actions.editor
    qtbot.waitUntil(editor.save_button.isEnabled, timeout=TIMEOUT)
    editor.form.note_edit.setPlainText("efter")

    with qtbot.waitSignal(page.contacts_loaded, timeout=TIMEOUT):
        editor.save_button.click()

    assert column(page, Column.NOTE) == ["efter"]
    assert get_contact(Context(workspace.database, workspace.actor), contact_id).note == "efter"


def test_a_hidden_tab_reads_the_journal_only_when_shown(qtbot, workspace, citizen_ids, make_ops):
    def contact_reads() -> int:
        with workspace.database.read_session() as session:
            return session.scalar(select(func.count()).select_from(AuditEvent)
                                  .where(AuditEvent.entity == "contact"))

    log(workspace, citizen_ids["Karla Kontakt"], note="skjult")
    hidden = create_citizen_tab(make_ops(workspace))
    qtbot.addWidget(hidden)
    before = contact_reads()
    hidden.show_citizen(citizen_ids["Karla Kontakt"])
    qtbot.wait(200)
    assert contact_reads() == before and hidden.table.rows_model.rowCount() == 0

    with qtbot.waitSignal(hidden.contacts_loaded, timeout=TIMEOUT):
        hidden.show()
    assert column(hidden, Column.NOTE) == ["skjult"]

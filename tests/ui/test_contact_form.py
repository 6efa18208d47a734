"""The contact entry form: logging by keyboard, the consent question, literal user text."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from mentordesk.domain.codes import Attendance, ContactForm
from mentordesk.kernel.context import Context
from mentordesk.services.citizens import NewCitizen, list_citizens
from mentordesk.services.contacts import get_contact
from mentordesk.storage.models import Consent, Goal, Partner
from ui.views.contacts import create_citizen_tab
from ui.views.contacts.table_model import Column
from ui.workspace import load_workspace

HOSTILE = "<b>fed</b> & <i>kursiv</i> =SUM(A1) 'citat' \"dobbelt\" 🙂"
TIMEOUT = 5_000


@pytest.fixture
def workspace(database_path, make_database):
    database = make_database(database_path, [NewCitizen(first_name="Karla", last_name="Kontakt",
                                                        cpr="0101909001")], keep_open=True)
    return load_workspace(database)


@pytest.fixture
def citizen_id(workspace) -> int:
    return list_citizens(Context(workspace.database, workspace.actor))[0].id


@pytest.fixture
def tab(qtbot, workspace, citizen_id, make_ops):
    contacts_tab = create_citizen_tab(make_ops(workspace))
    qtbot.addWidget(contacts_tab)
    contacts_tab.show()
    qtbot.waitExposed(contacts_tab)
    contacts_tab.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is contacts_tab, timeout=TIMEOUT)
    with qtbot.waitSignal(contacts_tab.contacts_loaded, timeout=TIMEOUT):
        contacts_tab.show_citizen(citizen_id)
    # The choices (partners, goals) arrive in their own result.
    qtbot.waitUntil(lambda: contacts_tab.form.partner_combo.count() >= 1, timeout=TIMEOUT)
    return contacts_tab


def focused():
    return QApplication.focusWidget()


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focused(), key, modifier)


def type_text(qtbot, text: str) -> None:
    qtbot.keyClicks(focused(), text)


def shown_rows(tab) -> list[dict[Column, str]]:
    model = tab.table.rows_model
    return [{column: model.text(row, column) for column in model.columns}
            for row in range(model.rowCount())]


def save_and_wait(qtbot, tab, key=Qt.Key.Key_S, modifier=Qt.KeyboardModifier.ControlModifier):
    with qtbot.waitSignal(tab.contacts_loaded, timeout=TIMEOUT):
        with qtbot.waitSignal(tab.contact_saved, timeout=TIMEOUT) as saved:
            press(qtbot, key, modifier)
    return saved.args[0]


def test_form_defaults(tab):
    form = tab.form
    assert form.date_edit.value() == date.today()
    assert form.date_edit.text() == date.today().strftime("%d-%m-%Y")
    assert form.form_combo.currentText() == "Hjemmebesøg"
    assert form.attendance.attended.text() == "Fremmøde" and form.attendance.attended.isChecked()
    assert form.partner_combo.currentText() == "(ingen samarbejdspartner)"
    assert form.no_goals_label.text() == "Borgeren har ingen indsatsmål endnu."
    assert tab.count_label.text() == "0 kontakter"
    assert tab.rate_label.text() == "Mødestabilitet: ingen fysiske møder de seneste 3 måneder"


def test_two_contacts_logged_with_the_keyboard_show_newest_first(qtbot, tab):
    form = tab.form
    form.date_edit.setFocus()
    qtbot.waitUntil(lambda: focused() is form.date_edit, timeout=TIMEOUT)
    press(qtbot, Qt.Key.Key_Minus)  # yesterday
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is form.time_edit
    type_text(qtbot, "0930")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is form.duration.spin
    type_text(qtbot, "45")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is form.form_combo
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is form.place_edit
    type_text(qtbot, "Hjemme hos borgeren")
    form.note_edit.setFocus()
    type_text(qtbot, "Første besøg")
    save_and_wait(qtbot, tab, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    # Ready for the next contact: date and form kept, the rest cleared.
    assert form.date_edit.value() == date.today() - timedelta(days=1)
    assert form.form_combo.currentText() == "Hjemmebesøg"
    assert form.note_edit.toPlainText() == "" and form.place_edit.text() == ""
    assert focused() is form.date_edit

    press(qtbot, Qt.Key.Key_Plus)  # back to today
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "1400")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "30")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "T")  # the combo jumps to "Telefon"
    assert form.form_combo.currentText() == "Telefon"
    form.note_edit.setFocus()
    type_text(qtbot, "Opringning")
    save_and_wait(qtbot, tab)

    rows = shown_rows(tab)
    today, yesterday = date.today(), date.today() - timedelta(days=1)
    assert [(r[Column.DATE], r[Column.TIME], r[Column.DURATION], r[Column.FORM],
             r[Column.PLACE], r[Column.ATTENDANCE], r[Column.NOTE]) for r in rows] == [
        (today.strftime("%d-%m-%Y"), "14:00", "0,5 t", "Telefon", "", "Fremmøde",
         "Opringning"),
        (yesterday.strftime("%d-%m-%Y"), "09:30", "0,75 t", "Hjemmebesøg",
         "Hjemme hos borgeren", "Fremmøde", "Første besøg"),
    ]
    assert tab.count_label.text() == "2 kontakter"
    # One in-person meeting attended in the last 3 months; the phone call does not count.
    assert tab.rate_label.text() == "Mødestabilitet: 100 % (1 af 1)"


def test_enter_outside_the_note_saves_and_enter_in_the_note_is_a_new_line(qtbot, workspace, tab):
    form = tab.form
    form.note_edit.setFocus()
    type_text(qtbot, "linje 1")
    press(qtbot, Qt.Key.Key_Return)
    type_text(qtbot, "linje 2")
    assert form.note_edit.toPlainText() == "linje 1\nlinje 2"
    form.place_edit.setFocus()
    contact_id = save_and_wait(qtbot, tab, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
    assert get_contact(Context(workspace.database, workspace.actor), contact_id).note == \
        "linje 1\nlinje 2"


def test_escape_clears_the_form(qtbot, tab):
    form = tab.form
    form.place_edit.setFocus()
    type_text(qtbot, "Biblioteket")
    form.attendance.no_show.setChecked(True)
    form.date_edit.set_value(date.today() - timedelta(days=3))

    press(qtbot, Qt.Key.Key_Escape)

    assert form.place_edit.text() == ""
    assert form.attendance.value() is Attendance.ATTENDED
    assert form.date_edit.value() == date.today()


def test_alt_arrows_change_the_day_and_minus_after_digits_separates(qtbot, tab):
    edit = tab.form.date_edit
    edit.setFocus()
    qtbot.waitUntil(lambda: focused() is edit, timeout=TIMEOUT)
    press(qtbot, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    press(qtbot, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    press(qtbot, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert edit.value() == date.today() - timedelta(days=1)
    edit.set_value(date(2026, 1, 5))
    edit.setSelectedSection(edit.Section.DaySection)
    type_text(qtbot, "3-")  # "-" after a digit is the separator, not a step
    assert edit.value().day == 3


def test_partner_without_consent_asks_for_a_reason_and_stores_it(qtbot, workspace, tab, citizen_id):
    database = workspace.database
    with database.session() as session:
        session.add(Partner(name="Lægehuset <Vest> & Co", kind="gp"))
    tab.show_citizen(citizen_id)  # reload the choices
    form = tab.form
    qtbot.waitUntil(lambda: form.partner_combo.count() == 2, timeout=TIMEOUT)
    form.partner_combo.setCurrentIndex(1)
    form.note_edit.setFocus()
    type_text(qtbot, "Ringede til lægen")

    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: tab.flow.reason_dialog is not None, timeout=TIMEOUT)
    dialog = tab.flow.reason_dialog
    assert dialog.windowTitle() == "Kontakt uden samtykke"
    assert "Lægehuset <Vest> & Co" in dialog.problem_label.text()
    assert dialog.problem_label.textFormat() == Qt.TextFormat.PlainText
    assert not dialog.ok_button.isEnabled()  # a reason is required
    qtbot.keyClicks(dialog.reason_edit, "Akut <indlæggelse> & aftalt")
    with qtbot.waitSignal(tab.contact_saved, timeout=TIMEOUT) as saved:
        qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return)

    detail = get_contact(Context(database, workspace.actor), saved.args[0])
    assert detail.consent_override_reason == "Akut <indlæggelse> & aftalt"
    assert detail.partner_name == "Lægehuset <Vest> & Co"


def test_cancelled_consent_question_saves_nothing(qtbot, workspace, tab, citizen_id):
    database = workspace.database
    with database.session() as session:
        session.add(Partner(name="Jobcenter Nord", kind="jobcenter"))
    tab.show_citizen(citizen_id)
    qtbot.waitUntil(lambda: tab.form.partner_combo.count() == 2, timeout=TIMEOUT)
    tab.form.partner_combo.setCurrentIndex(1)
    tab.form.place_edit.setFocus()
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: tab.flow.reason_dialog is not None, timeout=TIMEOUT)

    tab.flow.reason_dialog.reject()

    assert "kræver samtykke eller en begrundelse" in tab.form.error_label.text()
    # The partner field is where the focus goes back to when the window is active again.
    assert tab.window().focusWidget() is tab.form.partner_combo
    assert tab.table.rows_model.total_count() == 0


def test_partner_with_consent_saves_without_a_question(qtbot, workspace, tab, citizen_id):
    database = workspace.database
    with database.session() as session:
        partner = Partner(name="Distriktspsykiatrien", kind="psychiatry")
        session.add(partner)
        session.flush()
        session.add(Consent(citizen_id=citizen_id, partner_id=partner.id, purpose="Udskrivning",
                            given_on=date.today() - timedelta(days=30)))
    tab.show_citizen(citizen_id)
    qtbot.waitUntil(lambda: tab.form.partner_combo.count() == 2, timeout=TIMEOUT)
    tab.form.partner_combo.setCurrentIndex(1)
    tab.form.place_edit.setFocus()

    contact_id = save_and_wait(qtbot, tab)

    assert tab.flow.reason_dialog is None
    detail = get_contact(Context(database, workspace.actor), contact_id)
    assert detail.partner_name == "Distriktspsykiatrien" and detail.consent_override_reason == ""


def test_goals_can_be_linked_from_the_checklist(qtbot, workspace, tab, citizen_id):
    database = workspace.database
    with database.session() as session:
        session.add_all([Goal(citizen_id=citizen_id, title="Tjekke e-Boks <selv>", position=1),
                         Goal(citizen_id=citizen_id, title="Mere struktur", position=2)])
    tab.show_citizen(citizen_id)
    goals = tab.form.goals_list
    qtbot.waitUntil(lambda: goals.count() == 2, timeout=TIMEOUT)
    assert [goals.item(row).text() for row in range(2)] == ["Tjekke e-Boks <selv>",
                                                           "Mere struktur"]
    goals.setFocus()
    goals.setCurrentRow(1)
    press(qtbot, Qt.Key.Key_Space)  # the keyboard ticks a goal

    contact_id = save_and_wait(qtbot, tab)

    linked = get_contact(Context(database, workspace.actor), contact_id).goal_ids
    assert linked == (goals.item(1).data(Qt.ItemDataRole.UserRole),)


def test_hostile_note_is_stored_and_shown_literally(qtbot, workspace, tab):
    form = tab.form
    form.note_edit.setPlainText(HOSTILE + "\nanden linje")
    form.place_edit.setText("<script>&amp;")
    form.place_edit.setFocus()

    contact_id = save_and_wait(qtbot, tab)

    row = shown_rows(tab)[0]
    assert row[Column.NOTE] == HOSTILE
    assert row[Column.PLACE] == "<script>&amp;"
    detail = get_contact(Context(workspace.database, workspace.actor), contact_id)
    assert detail.note == HOSTILE + "\nanden linje"


def test_over_long_place_gets_a_clear_inline_message_and_nothing_is_saved(qtbot, tab):
    form = tab.form
    form.place_edit.setText("<b>" + "x" * 250)
    form.note_edit.setFocus()

    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(form.error_label.isVisible, timeout=TIMEOUT)

    assert form.error_label.text() == "Stedet må højst være 200 tegn; der er 253 tegn."
    assert form.error_label.textFormat() == Qt.TextFormat.PlainText
    assert form.place_edit.hasFocus()
    assert form.place_edit.text().startswith("<b>")  # the user's text is kept to shorten
    assert tab.table.rows_model.total_count() == 0


def test_edit_values_round_trip_through_the_form(qtbot, tab, citizen_id):
    from mentordesk.services.contacts import ContactDetail

    detail = ContactDetail(
        id=1, citizen_id=citizen_id, mentor_id=1, mentor_name="X",
        contact_on=date(2026, 11, 2), start_time=time(8, 45), duration_minutes=95,
        form=ContactForm.ACCOMPANIMENT, place="Sted", attendance=Attendance.NO_SHOW,
        note=HOSTILE, partner_id=None, partner_name="", consent_override_reason="",
        goal_ids=(), version=3)
    tab.form.load(detail)
    assert tab.form.values() == {
        key: value for key, value in detail.editable_values().items()
        if key != "consent_override_reason"}


def test_reloading_the_same_citizen_keeps_the_contact_being_typed(qtbot, workspace, tab,
                                                                   citizen_id):
    tab.form.note_edit.setPlainText("halvt skrevet")
    with workspace.database.session() as session:
        session.add(Goal(citizen_id=citizen_id, title="Nyt mål"))

    tab.show_citizen(citizen_id)
    qtbot.waitUntil(lambda: tab.form.goals_list.count() == 1, timeout=TIMEOUT)

    assert tab.form.note_edit.toPlainText() == "halvt skrevet"
    tab.show_citizen(None)
    assert tab.form.note_edit.toPlainText() == ""


def test_a_contact_without_start_time_stays_without_one_until_a_time_is_typed(qtbot, tab):
    edit = tab.form.time_edit
    edit.set_value(None)
    assert edit.text() == "--:--" and edit.value() is None
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus, timeout=TIMEOUT)
    type_text(qtbot, "0815")
    assert edit.value() == time(8, 15) and edit.text() == "08:15"


def test_travel_and_indirect_time_by_keyboard_stay_beside_the_duration(qtbot, tab, workspace):
    form = tab.form
    form.attendance.attended.setFocus()
    qtbot.waitUntil(lambda: focused() is form.attendance.attended, timeout=TIMEOUT)
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is form.around.travel
    type_text(qtbot, "25")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is form.around.km
    type_text(qtbot, "18")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is form.around.indirect
    type_text(qtbot, "15")
    contact_id = save_and_wait(qtbot, tab)
    [row] = shown_rows(tab)
    # The face-to-face hour is the duration; travel and indirect time are shown apart.
    assert row[Column.DURATION] == "1 t"
    assert row[Column.AROUND] == "kørsel 0,42 t, 18 km · indirekte 0,25 t"
    detail = get_contact(Context(workspace.database, workspace.actor), contact_id)
    assert (detail.duration_minutes, detail.travel_minutes, detail.travel_km,
            detail.indirect_minutes) == (60, 25, 18, 15)
    assert form.around.values() == {"travel_minutes": 0, "travel_km": 0, "indirect_minutes": 0}

"""A citizen's record walked through the UI: register named and anonymous citizens, edit
and save, a stale edit resolved in the conflict dialog, mentors, CPR reveal, closing,
the network, contributed tabs, and hostile text shown literally."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QGroupBox, QLabel
from sqlalchemy import select

from mentordesk.domain.codes import CitizenStatus, Role
from mentordesk.kernel.context import Context
from mentordesk.services.case_record import get_citizen_record, update_citizen
from mentordesk.services.citizens import NewCitizen, create_citizen, list_citizens
from mentordesk.services.network import RelativeInput, add_relative
from mentordesk.services.team import NewUser, create_user, resolve_actor
from mentordesk.storage.models import AuditEvent
from ui.models.citizens_table_model import Column
from ui.views.areas import CitizenTab, CitizenTabSpec
from ui.views.citizens import overview_tab as overview_module
from ui.views.citizens.citizens_view import CitizensView
from ui.workspace import load_workspace

HOSTILE = '<b>x</b> & "q" =SUM(A1) 😀'
TIMEOUT = 5_000


class FakeTab(CitizenTab):
    """Stands in for a tab another area contributes (contacts, grants …)."""

    def __init__(self, _ops) -> None:
        super().__init__()
        self.shown: list[int | None] = []

    def show_citizen(self, citizen_id: int | None) -> None:
        self.shown.append(citizen_id)


def make_view(qtbot, widgets, make_ops, database, runner, login=None, record_tabs=()):
    view = CitizensView(make_ops(load_workspace(database, login)), record_tabs)
    widgets.append(view)
    view.resize(1300, 800)
    view.show()
    qtbot.waitUntil(runner.is_idle, timeout=TIMEOUT)
    return view


def open_citizen(qtbot, view, name: str) -> None:
    view.search_edit.setText(name)
    with qtbot.waitSignal(view.rows_loaded, timeout=TIMEOUT):
        view.refresh()  # at once, instead of after the typing pause
    qtbot.waitUntil(lambda: name in " ".join(view.visible_names()), timeout=TIMEOUT)
    row = next(i for i, shown in enumerate(view.visible_names()) if name in shown)
    with qtbot.waitSignal(view.record_loaded, timeout=TIMEOUT):
        view.table.selectRow(row)


def wait_idle(qtbot, runner) -> None:
    qtbot.waitUntil(runner.is_idle, timeout=TIMEOUT)


def mentor(database, admin, login="mona", name="Mona Mentor"):
    create_user(Context(database, admin), NewUser(login=login, full_name=name, role=Role.MENTOR))
    return resolve_actor(database, login)


@pytest.fixture
def widgets(qtbot, runner, database):
    """Widgets closed only once the worker is idle and before the database closes: a
    result arriving for a closed widget would fail (pytest-qt closes ``addWidget``
    widgets before any fixture teardown, so they are not registered there)."""
    opened: list = []
    yield opened
    qtbot.waitUntil(runner.is_idle, timeout=TIMEOUT)
    for widget in opened:
        widget.close()
        widget.deleteLater()


@pytest.fixture
def view(qtbot, widgets, make_ops, database, runner):
    return make_view(qtbot, widgets, make_ops, database, runner)


# -- registering ----------------------------------------------------------------------------


def test_create_a_named_citizen_with_the_keyboard(qtbot, view, database, admin):
    view.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view, timeout=TIMEOUT)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: view.new_dialog is not None and view.new_dialog.isVisible(),
                    timeout=TIMEOUT)
    dialog = view.new_dialog

    qtbot.keyClicks(dialog.first_name_edit, "Bodil")
    qtbot.keyClicks(dialog.last_name_edit, "Bæk")
    qtbot.keyClicks(dialog.cpr_field.edit, "3213909001")
    assert "gyldig fødselsdato" in dialog.cpr_field.message.text()
    dialog.cpr_field.edit.clear()
    qtbot.keyClicks(dialog.cpr_field.edit, "010190-9001")
    assert dialog.cpr_field.message.text() == "Gyldigt CPR-nummer."
    with qtbot.waitSignal(view.record_loaded, timeout=TIMEOUT):
        qtbot.keyClick(dialog.cpr_field.edit, Qt.Key.Key_Return)

    assert view.visible_names() == ["Bodil Bæk"]
    assert view.record.name_label.text() == "Bodil Bæk"
    assert view.record.overview.cpr_label.text() == "010190-xxxx"
    assert [row.cpr_masked for row in list_citizens(Context(database, admin))] == ["010190-xxxx"]


def test_create_an_anonymous_citizen(qtbot, view, database, admin):
    view.new_citizen()
    dialog = view.new_dialog
    dialog.anonymous_radio.setChecked(True)
    assert not dialog.first_name_edit.isEnabled() and not dialog.cpr_field.isEnabled()
    qtbot.keyClicks(dialog.alias_edit, "Ravnen")

    with qtbot.waitSignal(view.record_loaded, timeout=TIMEOUT):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    assert view.visible_names() == ["Ravnen (anonym)"]
    assert view.record.anonymous_badge.isVisible()
    assert view.record.overview.status_combo.currentText() == "Aktiv"
    [row] = list_citizens(Context(database, admin))
    assert row.is_anonymous and row.cpr_masked == ""


def test_refused_registration_keeps_the_dialog_open_with_the_reason(qtbot, view, database,
                                                                     admin):
    create_citizen(Context(database, admin), NewCitizen(first_name="Først", cpr="0101909001"))
    view.new_citizen()
    dialog = view.new_dialog
    qtbot.keyClicks(dialog.first_name_edit, "Anden")
    qtbot.keyClicks(dialog.cpr_field.edit, "0101909001")

    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: dialog.error_label.text() != "", timeout=TIMEOUT)
    assert dialog.error_label.text() == "En borger med dette CPR-nummer findes allerede."
    assert dialog.isVisible() and dialog.ok_button.isEnabled()
    assert len(list_citizens(Context(database, admin))) == 1


# -- editing --------------------------------------------------------------------------------


def test_edit_and_save_with_ctrl_s(qtbot, view, database, admin):
    citizen_id = create_citizen(Context(database, admin), NewCitizen(first_name="Bodil",
                                                            last_name="Bæk")).value
    view.refresh()
    open_citizen(qtbot, view, "Bodil")
    overview = view.record.overview
    assert not overview.save_button.isEnabled()

    overview.fields["phone"].setText("12345678")
    overview.note_edit.setPlainText("Kan bedst lide <b>formiddage</b> & kaffe 😀")
    assert overview.save_button.isEnabled()
    overview.activateWindow()
    overview.note_edit.setFocus()
    with qtbot.waitSignal(overview.saved, timeout=TIMEOUT):
        qtbot.keyClick(overview.note_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    record = get_citizen_record(Context(database, admin), citizen_id)
    assert record.phone == "12345678"
    assert record.note == "Kan bedst lide <b>formiddage</b> & kaffe 😀"
    assert not overview.save_button.isEnabled()


def test_enter_on_the_list_moves_into_the_record(qtbot, view, database, admin):
    create_citizen(Context(database, admin), NewCitizen(first_name="Bodil"))
    view.refresh()
    open_citizen(qtbot, view, "Bodil")
    view.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view, timeout=TIMEOUT)
    view.table.setFocus()

    qtbot.keyClick(view.table, Qt.Key.Key_Return)

    assert view.record.overview.fields["first_name"].hasFocus()


def test_over_long_input_gets_a_clear_limit_message(qtbot, view, database, admin):
    create_citizen(Context(database, admin), NewCitizen(first_name="Bodil"))
    view.refresh()
    open_citizen(qtbot, view, "Bodil")
    overview = view.record.overview

    overview.fields["first_name"].setText("B" * 121)
    overview.save()

    qtbot.waitUntil(lambda: overview.error_label.text() != "", timeout=TIMEOUT)
    assert overview.error_label.text() == "Fornavn må højst være 120 tegn."
    assert overview.save_button.isEnabled()  # the text is still there to shorten


def test_stale_edit_shows_the_conflict_dialog_and_keeps_both_texts(
        qtbot, view, database, admin, runner):
    citizen_id = create_citizen(Context(database, admin), NewCitizen(first_name="Bodil",
                                                            note="Start")).value
    view.refresh()
    open_citizen(qtbot, view, "Bodil")
    overview = view.record.overview
    overview.note_edit.setPlainText("Min tekst fra mødet")
    overview.fields["phone"].setText("87654321")
    # Meanwhile a colleague saves a different note from another PC.
    theirs = get_citizen_record(Context(database, admin), citizen_id)
    update_citizen(Context(database, admin), citizen_id, theirs.version,
                   {"note": "Kollegaens tekst <b>&"}, theirs.editable())

    overview.save()
    qtbot.waitUntil(lambda: overview.saver.dialog is not None
                    and overview.saver.dialog.isVisible(), timeout=TIMEOUT)
    dialog = overview.saver.dialog
    [choice] = dialog.choices
    assert choice.value() == "Kollegaens tekst <b>&\n\nMin tekst fra mødet"
    with qtbot.waitSignal(overview.saved, timeout=TIMEOUT):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    record = get_citizen_record(Context(database, admin), citizen_id)
    assert record.note == "Kollegaens tekst <b>&\n\nMin tekst fra mødet"
    assert record.phone == "87654321"
    assert overview.note_edit.toPlainText() == record.note


def test_unsaved_changes_keep_the_record_open(qtbot, view, database, admin):
    for name in ("Anna", "Bent"):
        create_citizen(Context(database, admin), NewCitizen(first_name=name))
    view.refresh()
    qtbot.waitUntil(lambda: len(view.visible_names()) == 2, timeout=TIMEOUT)
    with qtbot.waitSignal(view.record_loaded, timeout=TIMEOUT):
        view.table.selectRow(0)
    view.record.overview.fields["city"].setText("Thisted")

    view.table.selectRow(1)

    assert view.record.name_label.text() == "Anna"
    assert view.record.overview.fields["city"].text() == "Thisted"
    assert view.table.selectionModel().selectedRows()[0].row() == 0


# -- hostile text ---------------------------------------------------------------------------


def test_hostile_text_is_shown_literally_in_list_and_form(qtbot, view, database, admin):
    create_citizen(Context(database, admin), NewCitizen(first_name=HOSTILE, last_name="Test",
                                               note=HOSTILE))
    view.refresh()
    qtbot.waitUntil(lambda: view.visible_names() == [f"{HOSTILE} Test"], timeout=TIMEOUT)
    with qtbot.waitSignal(view.record_loaded, timeout=TIMEOUT):
        view.table.selectRow(0)

    assert view.proxy.index(0, Column.NAME).data() == f"{HOSTILE} Test"
    record = view.record
    assert record.name_label.text() == f"{HOSTILE} Test"
    assert record.name_label.textFormat() == Qt.TextFormat.PlainText
    assert record.overview.fields["first_name"].text() == HOSTILE
    assert record.overview.note_edit.toPlainText() == HOSTILE
    rich = [label for label in record.findChildren(QLabel)
            if HOSTILE in label.text() and label.textFormat() != Qt.TextFormat.PlainText]
    assert rich == []


# -- CPR ------------------------------------------------------------------------------------


def test_show_cpr_reveals_the_number_then_masks_it_again(qtbot, view, database, admin,
                                                         monkeypatch):
    monkeypatch.setattr(overview_module, "REVEAL_MS", 300)
    citizen_id = create_citizen(Context(database, admin), NewCitizen(first_name="Bodil",
                                                            cpr="0101909001")).value
    view.refresh()
    open_citizen(qtbot, view, "Bodil")
    overview = view.record.overview

    qtbot.mouseClick(overview.reveal_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: overview.cpr_label.text() == "010190-9001", timeout=TIMEOUT)
    assert overview.reveal_button.text() == "Skjul CPR"
    with database.read_session() as session:
        event = session.scalars(select(AuditEvent).where(
            AuditEvent.action == "reveal_cpr")).one()
    assert event.citizen_id == citizen_id
    qtbot.waitUntil(lambda: overview.cpr_label.text() == "010190-xxxx", timeout=TIMEOUT)
    assert overview.reveal_button.text() == "Vis CPR"


def test_change_cpr_through_its_dialog(qtbot, view, database, admin):
    create_citizen(Context(database, admin), NewCitizen(first_name="Bodil"))
    view.refresh()
    open_citizen(qtbot, view, "Bodil")
    overview = view.record.overview
    assert overview.cpr_label.text() == "Ikke registreret"

    overview.open_cpr_dialog()
    dialog = overview.cpr_dialog
    qtbot.keyClicks(dialog.field.edit, "020285-9002")
    with qtbot.waitSignal(overview.saved, timeout=TIMEOUT):
        dialog.field.edit.setFocus()
        qtbot.keyClick(dialog.field.edit, Qt.Key.Key_Return)

    assert overview.cpr_label.text() == "020285-xxxx"
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: view.proxy.index(0, Column.CPR).data() == "020285-xxxx",
                    timeout=TIMEOUT)


# -- mentors --------------------------------------------------------------------------------


def test_assign_a_primary_mentor_and_a_substitute(qtbot, view, database, admin, runner):
    mona = mentor(database, admin)
    mentor(database, admin, "sara", "Sara Sub")
    create_citizen(Context(database, admin), NewCitizen(first_name="Bodil"))
    view.refresh()
    open_citizen(qtbot, view, "Bodil")
    mentors = view.record.mentors
    view.record.tabs.setCurrentWidget(mentors)

    mentors.open_dialog("primary")
    qtbot.waitUntil(lambda: mentors.dialog is not None, timeout=TIMEOUT)
    dialog = mentors.dialog
    dialog.mentor_combo.setCurrentIndex(dialog.mentor_combo.findText("Mona Mentor"))
    assert dialog.start_field.text() == date.today().strftime("%d-%m-%Y")
    with qtbot.waitSignal(mentors.changed, timeout=TIMEOUT):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    mentors.open_dialog("substitute")
    qtbot.waitUntil(lambda: mentors.dialog is not None, timeout=TIMEOUT)
    dialog = mentors.dialog
    dialog.mentor_combo.setCurrentIndex(dialog.mentor_combo.findText("Sara Sub"))
    dialog.end_field.setText("31-12-2099")
    with qtbot.waitSignal(mentors.changed, timeout=TIMEOUT):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert mentors.current_names("primary") == ["Mona Mentor"]
    assert mentors.current_names("substitute") == ["Sara Sub"]
    table = [[mentors.table.item(row, column).text() for column in range(4)]
             for row in range(mentors.table.rowCount())]
    assert table[1][1:] == ["Afløser", date.today().strftime("%d-%m-%Y"), "31-12-2099"]
    assert view.record.mentor_label.text() == "Primær kontaktperson: Mona Mentor"
    qtbot.waitUntil(lambda: view.proxy.index(0, Column.MENTOR).data() == "Mona Mentor",
                    timeout=TIMEOUT)
    assert [row.id for row in list_citizens(Context(database, mona))] == [
        row.id for row in list_citizens(Context(database, admin))]


def test_a_mentor_sees_mentors_but_cannot_assign(qtbot, widgets, make_ops, database, admin,
                                                 runner):
    mona = mentor(database, admin)
    create_citizen(Context(database, mona), NewCitizen(first_name="Bodil"))  # mona is primary
    view = make_view(qtbot, widgets, make_ops, database, runner, login="mona")
    open_citizen(qtbot, view, "Bodil")
    mentors = view.record.mentors

    assert mentors.current_names("primary") == ["Mona Mentor"]
    assert not mentors.primary_button.isVisibleTo(view)
    assert mentors.info_label.text() == "Kun en koordinator kan tildele mentorer."
    assert not view.record.overview.close_button.isVisibleTo(view)


# -- closing --------------------------------------------------------------------------------


def test_close_and_reopen_the_case(qtbot, view, database, admin):
    citizen_id = create_citizen(Context(database, admin), NewCitizen(first_name="Bodil")).value
    view.refresh()
    open_citizen(qtbot, view, "Bodil")
    overview = view.record.overview

    qtbot.mouseClick(overview.close_button, Qt.MouseButton.LeftButton)
    dialog = overview.close_dialog
    assert dialog.date_field.text() == date.today().strftime("%d-%m-%Y")
    with qtbot.waitSignal(overview.saved, timeout=TIMEOUT):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    assert get_citizen_record(Context(database, admin), citizen_id).status is CitizenStatus.CLOSED
    assert view.record.status_label.text() == "Afsluttet"
    assert not overview.status_combo.isEnabled()
    assert overview.reopen_button.isVisibleTo(view)

    overview.ask_reopen()
    box = overview.confirm_box
    with qtbot.waitSignal(overview.saved, timeout=TIMEOUT):
        qtbot.mouseClick(box.button(box.StandardButton.Yes), Qt.MouseButton.LeftButton)
    assert get_citizen_record(Context(database, admin), citizen_id).status is CitizenStatus.ACTIVE


# -- network --------------------------------------------------------------------------------


def test_add_a_relative(qtbot, view, database, admin):
    citizen_id = create_citizen(Context(database, admin), NewCitizen(first_name="Bodil")).value
    view.refresh()
    open_citizen(qtbot, view, "Bodil")
    panel = view.record.overview.relatives

    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    dialog.name_edit.setText(HOSTILE)  # keyClicks cannot type an emoji
    dialog.relation_combo.setCurrentText("Søster")
    qtbot.keyClicks(dialog.phone_edit, "20304050")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: panel.names() == [HOSTILE], timeout=TIMEOUT)
    assert panel.model.index(0, 1).data() == "Søster"
    assert [r.name for r in get_citizen_record(Context(database, admin), citizen_id).relatives] == [
        HOSTILE]


def test_delete_in_the_network_asks_then_removes_the_person(qtbot, view, database, admin):
    citizen_id = view_citizen_with_relative(qtbot, view, database, admin)
    panel = view.record.overview.relatives
    panel.activateWindow()
    panel.table.setFocus()
    panel.table.selectRow(0)

    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)

    box = panel.confirm_box
    assert box is not None and "Søs Sørensen" in box.text()
    with qtbot.waitSignal(panel.loaded, timeout=TIMEOUT):
        box.button(box.StandardButton.Yes).click()
    assert panel.names() == []
    assert get_citizen_record(Context(database, admin), citizen_id).relatives == ()


def view_citizen_with_relative(qtbot, view, database, admin) -> int:
    create_citizen(Context(database, admin), NewCitizen(first_name="Bodil"))
    citizen_id = next(row.id for row in list_citizens(Context(database, admin)))
    add_relative(Context(database, admin), citizen_id,
                 RelativeInput(name="Søs Sørensen", relation="Søster"))
    view.refresh()
    open_citizen(qtbot, view, "Bodil")
    return citizen_id


# -- contributed tabs -----------------------------------------------------------------------


def test_contributed_tabs_are_built_when_shown_and_follow_the_selected_citizen(
        qtbot, widgets, make_ops, database, admin, runner):
    bodil = create_citizen(Context(database, admin), NewCitizen(first_name="Bodil")).value
    carl = create_citizen(Context(database, admin), NewCitizen(first_name="Carl")).value
    view = make_view(qtbot, widgets, make_ops, database, runner,
                     record_tabs=[CitizenTabSpec("Prøvefane", FakeTab)])
    [lazy] = view.record.extra_tabs
    assert view.record.tabs.tabText(2) == "Prøvefane"
    assert [view.record.tabs.tabText(i) for i in range(2)] == ["Oversigt", "Mentorer"]

    open_citizen(qtbot, view, "Bodil")
    assert lazy.tab is None  # never shown: not built, nothing read for it

    view.record.tabs.setCurrentWidget(lazy)
    assert lazy.tab.shown == [bodil]
    open_citizen(qtbot, view, "Carl")
    assert lazy.tab.shown[-1] == carl  # on screen: follows at once

    view.record.tabs.setCurrentWidget(view.record.overview)
    open_citizen(qtbot, view, "Bodil")
    assert bodil not in lazy.tab.shown[2:]  # hidden: reads nothing behind the user's back
    view.record.tabs.setCurrentWidget(lazy)
    assert lazy.tab.shown[-1] == bodil


def record_with_contacts_tab(qtbot, widgets, make_ops, database, admin, runner):
    """The Borgere area with the real Kontakter tab, Bodil's record open on that tab."""
    from ui.views import contacts

    create_citizen(Context(database, admin), NewCitizen(first_name="Bodil"))
    view = make_view(qtbot, widgets, make_ops, database, runner,
                     record_tabs=[CitizenTabSpec("Kontakter", contacts.create_citizen_tab)])
    view.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view, timeout=TIMEOUT)
    open_citizen(qtbot, view, "Bodil")
    [lazy] = view.record.extra_tabs
    view.record.tabs.setCurrentWidget(lazy)
    tab = lazy.tab
    qtbot.waitUntil(lambda: tab.citizen_id is not None and tab.isEnabled(), timeout=TIMEOUT)
    wait_idle(qtbot, runner)
    return view, tab


@pytest.mark.parametrize("where", ["journal", "tab bar"])
def test_ctrl_n_on_the_contacts_tab_starts_a_new_contact_not_a_citizen(
        qtbot, widgets, make_ops, database, admin, runner, where):
    view, tab = record_with_contacts_tab(qtbot, widgets, make_ops, database, admin, runner)
    assert "Ny kontakt (Ctrl+N)" in [box.title() for box in tab.findChildren(QGroupBox)]
    focused = tab.table if where == "journal" else view.record.tabs.tabBar()
    focused.setFocus()
    qtbot.waitUntil(focused.hasFocus, timeout=TIMEOUT)

    qtbot.keyClick(focused, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)

    qtbot.waitUntil(tab.form.date_edit.hasFocus, timeout=TIMEOUT)
    assert view.new_dialog is None  # not "Ny borger"


def test_ctrl_n_on_the_list_still_registers_a_new_citizen(qtbot, widgets, make_ops, database,
                                                         admin, runner):
    view, _tab = record_with_contacts_tab(qtbot, widgets, make_ops, database, admin, runner)
    view.search_edit.setFocus()
    qtbot.waitUntil(view.search_edit.hasFocus, timeout=TIMEOUT)

    qtbot.keyClick(view.search_edit, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)

    qtbot.waitUntil(lambda: view.new_dialog is not None and view.new_dialog.isVisible(),
                    timeout=TIMEOUT)
    view.new_dialog.reject()


def test_a_contact_form_from_elsewhere_is_kept_and_the_record_is_not_dirty(
        qtbot, view, database, admin):
    """A preferred contact stored by an import or an older version ("Værestedet") is not a
    choice in the combo: it must show as itself, not count as an edit, and survive a save."""
    from mentordesk.storage.models import Citizen

    citizen_id = create_citizen(Context(database, admin), NewCitizen(first_name="Vilma")).value
    with database.session() as session:  # as an older version could have stored it
        session.get(Citizen, citizen_id).preferred_contact = "Værestedet"
    view.refresh()
    open_citizen(qtbot, view, "Vilma")
    overview = view.record.overview

    assert overview.contact_combo.currentText() == "Værestedet"
    assert not overview.has_unsaved_changes()
    assert overview.close_button.isEnabled()
    overview.fields["phone"].setText("11 22 33 44")
    with qtbot.waitSignal(overview.saved, timeout=TIMEOUT):
        overview.save()
    record = get_citizen_record(Context(database, admin), citizen_id)
    assert record.preferred_contact == "Værestedet"

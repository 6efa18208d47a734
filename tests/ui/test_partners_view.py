"""Partner register page and the Samtykker tab: record, colour by state, withdraw."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from mentordesk.domain.codes import Role
from mentordesk.kernel.actor import Actor
from mentordesk.kernel.context import Context
from mentordesk.services.citizens import NewCitizen
from mentordesk.services.partners import (
    ConsentInput,
    PartnerInput,
    create_partner,
    record_consent,
    update_partner,
)
from ui.views import partners
from ui.views.partners.consent_dialog import ConsentDialog, WithdrawConsentDialog
from ui.views.partners.partner_dialog import PartnerDialog
from ui.workspace import Workspace, load_workspace

CITIZEN = 1
HOSTILE = "<b>Lægehuset</b> & \"Co\" =HYPERLINK(\"x\") 🙂"
GREEN, AMBER, GREY = "#e3f4e1", "#fff1c7", "#eeeeee"


@pytest.fixture
def workspace(database_path, make_database):
    database = make_database(database_path, [NewCitizen(first_name="Sif", last_name="Samtykke")],
                             keep_open=True)
    return load_workspace(database)


@pytest.fixture
def gp(workspace):
    return create_partner(Context(workspace.database, workspace.actor), PartnerInput(
        "Lægehuset Vestby", kind="gp", organisation="Almen praksis")).value


@pytest.fixture
def page(qtbot, workspace, runner, make_ops):
    partners_page = partners.create_page(make_ops(workspace), "Samarbejdspartnere")
    qtbot.addWidget(partners_page)
    partners_page.show()
    qtbot.waitUntil(runner.is_idle, timeout=5_000)
    return partners_page


@pytest.fixture
def tab(qtbot, workspace, make_ops, gp):
    consents_tab = partners.create_citizen_tab(make_ops(workspace))
    qtbot.addWidget(consents_tab)
    consents_tab.show()
    with qtbot.waitSignal(consents_tab.loaded, timeout=5_000):
        consents_tab.show_citizen(CITIZEN)
    return consents_tab


def background(model, row: int) -> str:
    return model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole).color().name()


def test_add_partner_with_hostile_name_shown_literally_and_search(qtbot, page, workspace):
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page, timeout=2_000)
    page.search_edit.setFocus()
    qtbot.keyClick(page.search_edit, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = page.dialog
    assert isinstance(dialog, PartnerDialog) and dialog.windowTitle() == "Ny samarbejdspartner"
    dialog.name_edit.setText(HOSTILE)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findText("Egen læge"))
    dialog.email_edit.setText("ikke en adresse")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: "ligner ikke en e-mailadresse" in dialog.error_label.text(),
                    timeout=5_000)
    dialog.email_edit.setText("laege@vestby.example")
    with qtbot.waitSignal(page.loaded, timeout=5_000):
        qtbot.keyClick(dialog.email_edit, Qt.Key.Key_Return)  # Enter saves
    with qtbot.waitSignal(page.loaded, timeout=5_000):
        create_partner(Context(workspace.database, workspace.actor),
                       PartnerInput("Boligkontoret Vestby", kind="housing"))
        page.reload()

    assert page.visible_names() == [HOSTILE, "Boligkontoret Vestby"]
    assert page.proxy.index(0, 1).data() == "Egen læge"
    page.search_edit.setText("bolig")
    assert page.visible_names() == ["Boligkontoret Vestby"]


def test_remove_partner_in_use_is_deactivated(qtbot, workspace, gp, make_ops):
    record_consent(Context(workspace.database, workspace.actor), CITIZEN,
                   ConsentInput(gp.id, "Medicin", date.today()))
    page = partners.create_page(make_ops(workspace), "Samarbejdspartnere")
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5_000)
    page.table.selectRow(0)
    page.remove_selected()
    with qtbot.waitSignal(page.loaded, timeout=5_000):
        page.confirm_box.button(page.confirm_box.StandardButton.Yes).click()
    assert page.status_label.text() == (
        "Lægehuset Vestby er i brug og er derfor deaktiveret i stedet for slettet.")
    assert page.proxy.index(0, 5).data() == "Inaktiv"


def test_mentor_cannot_remove_partners(qtbot, workspace, runner, make_ops):
    mentor = Workspace(workspace.database, Actor(99, "mentor", "Mentor", Role.MENTOR),
                       workspace.team_name, False)
    page = partners.create_page(make_ops(mentor), "Samarbejdspartnere")
    qtbot.addWidget(page)
    qtbot.waitUntil(runner.is_idle, timeout=5_000)
    assert page.remove_button.isHidden()


def test_record_consent_and_withdraw_it(qtbot, tab):
    assert tab.empty_label.isVisibleTo(tab)
    tab.new_consent()
    dialog = tab.dialog
    assert isinstance(dialog, ConsentDialog)
    assert dialog.partner_combo.currentText() == "Lægehuset Vestby (Egen læge)"
    assert dialog.given_edit.text() == date.today().strftime("%d-%m-%Y")
    dialog.purpose_edit.setText(HOSTILE)
    dialog.note_edit.setPlainText("<i>note</i>")
    with qtbot.waitSignal(tab.loaded, timeout=5_000):
        dialog.save_button.click()

    assert tab.states() == ["Gyldig"]
    assert tab.model.index(0, 3).data() == HOSTILE
    assert background(tab.model, 0) == GREEN
    assert tab.withdraw_button.isEnabled()

    tab.withdraw_selected()
    withdraw = tab.dialog
    assert isinstance(withdraw, WithdrawConsentDialog)
    assert withdraw.date_edit.text() == date.today().strftime("%d-%m-%Y")
    with qtbot.waitSignal(tab.loaded, timeout=5_000):
        withdraw.save_button.click()

    assert tab.states() == ["Trukket tilbage"]
    assert tab.model.index(0, 6).data() == date.today().strftime("%d-%m-%Y")
    assert background(tab.model, 0) == GREY
    assert not tab.withdraw_button.isEnabled()


def test_expiring_consent_is_amber_and_editing_it_updates_the_state(qtbot, tab, workspace, gp):
    record_consent(Context(workspace.database, workspace.actor), CITIZEN, ConsentInput(
        gp.id, "Helbred", date.today() - timedelta(days=300),
        expires_on=date.today() + timedelta(days=10)))
    with qtbot.waitSignal(tab.loaded, timeout=5_000):
        tab.reload()
    assert tab.states() == ["Udløber snart"]
    assert background(tab.model, 0) == AMBER

    tab.table.selectRow(0)
    tab.edit_selected()
    dialog = tab.dialog
    dialog.expires_edit.set_date(date.today() + timedelta(days=365))
    with qtbot.waitSignal(tab.loaded, timeout=5_000):
        dialog.save_button.click()
    assert tab.states() == ["Gyldig"]


def test_consent_errors_are_inline(qtbot, tab):
    tab.new_consent()
    dialog = tab.dialog
    dialog.given_edit.set_date(date.today() + timedelta(days=3))
    dialog.purpose_edit.setText("Helbred")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.error_label.text()
                    == "Et samtykke kan ikke være givet ud i fremtiden.", timeout=5_000)
    assert tab.model.rowCount() == 0


def test_stale_partner_edit_offers_a_choice_for_one_line_fields(qtbot, page, workspace, gp):
    with qtbot.waitSignal(page.loaded, timeout=5_000):
        page.reload()
    page.table.selectRow(0)
    page.edit_selected()
    dialog = page.dialog
    update_partner(Context(workspace.database, workspace.actor), gp.id, gp.version,
                   {"phone": "11 11 11 11"}, gp.values())
    dialog.phone_edit.setText("22 22 22 22")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.conflict_dialog is not None
                    and dialog.conflict_dialog.isVisible(), timeout=5_000)
    [choice] = dialog.conflict_dialog.choices
    assert choice.theirs.text() == "Gemt af en anden: 11 11 11 11"
    assert choice.mine.text() == "Din version: 22 22 22 22"
    choice.theirs.setChecked(True)
    with qtbot.waitSignal(page.loaded, timeout=5_000):
        dialog.conflict_dialog.accept()
    assert page.proxy.index(0, 3).data() == "11 11 11 11"


def test_up_and_down_move_the_date_a_day(qtbot, tab):
    tab.new_consent()
    dialog = tab.dialog
    dialog.given_edit.set_date(date(2026, 2, 28))
    qtbot.keyClick(dialog.given_edit, Qt.Key.Key_Up)
    assert dialog.given_edit.text() == "01-03-2026"
    qtbot.keyClick(dialog.given_edit, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.given_edit, Qt.Key.Key_Down)
    assert dialog.given_edit.text() == "27-02-2026"

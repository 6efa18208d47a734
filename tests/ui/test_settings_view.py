"""Indstillinger: the catalogues, editable for admins and read-only for everyone else."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from mentordesk.domain.codes import Role
from mentordesk.kernel.actor import Actor
from mentordesk.kernel.context import Context
from mentordesk.services.catalogue_admin import AuthorityInput, create_authority, load_catalogue
from mentordesk.services.citizens import NewCitizen, create_citizen
from mentordesk.services.grants import GrantInput, create_grant
from ui.views import settings
from ui.views.settings.catalogue_dialogs import AuthorityDialog, LegalBasisDialog
from ui.views.settings.course_type_dialog import CourseTypeDialog
from ui.workspace import Workspace, load_workspace

HOSTILE = "<b>Særlig</b> støtte & \"mere\" =1+1 🙂"
MISUSE = "Mentorstøtte - For borgere med misbrug."


@pytest.fixture
def workspace(database_path, make_database):
    return load_workspace(make_database(database_path, keep_open=True))


def open_page(qtbot, workspace, make_ops):
    page = settings.create_page(make_ops(workspace), "Indstillinger")
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.catalogue is not None, timeout=5_000)
    return page


def column(tab, number: int) -> list[str]:
    model = tab.model
    return [model.index(row, number).data() for row in range(model.rowCount())]


def row_of(tab, text: str) -> int:
    return column(tab, 0).index(text)


def save(qtbot, page, dialog) -> None:
    with qtbot.waitSignal(page.loaded, timeout=5_000):
        dialog.save_button.click()


def test_admin_sees_three_editable_catalogues(qtbot, workspace, make_ops):
    page = open_page(qtbot, workspace, make_ops)
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == [
        "Lovgrundlag", "Forløbstyper", "Myndigheder", "Sikkerhed", "Logo til rapporter"]
    assert page.read_only_label.isHidden()
    assert column(page.legal_bases, 0)[:2] == ["LAB §31b", "LAB §31c"]
    misuse = row_of(page.course_types, MISUSE)
    assert [page.course_types.model.index(misuse, c).data() for c in range(5)] == [
        MISUSE, "LAB §31b", "Fra 13 uger", "Fra 1 time/uge", "Aftales"]
    assert page.legal_bases.new_button.isVisibleTo(page)


def test_add_legal_basis_with_hostile_text_by_keyboard(qtbot, workspace, make_ops):
    page = open_page(qtbot, workspace, make_ops)
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page, timeout=2_000)
    page.legal_bases.table.setFocus()
    qtbot.keyClick(page.legal_bases.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = page.dialog
    assert isinstance(dialog, LegalBasisDialog)
    dialog.code_edit.setText("SEL §107")
    dialog.name_edit.setText("x" * 201)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: "højst være 200 tegn langt" in dialog.error_label.text(),
                    timeout=5_000)
    dialog.name_edit.setText(HOSTILE)
    dialog.anonymous_check.setChecked(True)
    save(qtbot, page, dialog)

    row = row_of(page.legal_bases, "SEL §107")
    assert [page.legal_bases.model.index(row, c).data() for c in range(5)] == [
        "SEL §107", HOSTILE, "Ja", "Ja", "Ja"]


def test_edit_course_type_hours_and_weekly_price(qtbot, workspace, make_ops):
    page = open_page(qtbot, workspace, make_ops)
    page.tabs.setCurrentWidget(page.course_types)
    page.course_types.table.selectRow(row_of(page.course_types, MISUSE))
    page.course_types.edit_selected()
    dialog = page.dialog
    assert isinstance(dialog, CourseTypeDialog)
    assert dialog.hours_input.preview.text() == "Fra 1 time/uge"
    dialog.hours_input.set_minutes(6 * 60, 10 * 60)
    dialog.price_input.model_combo.setCurrentIndex(
        dialog.price_input.model_combo.findText("pr. uge"))
    dialog.price_input.amount_edit.setText("2.500")
    dialog.price_input.max_hours_spin.setValue(10)
    save(qtbot, page, dialog)

    row = row_of(page.course_types, MISUSE)
    assert page.course_types.model.index(row, 3).data() == "6–10 timer/uge"
    assert page.course_types.model.index(row, 4).data() == (
        "2.500,00 kr. pr. uge op til ca. 10 timer eks. moms")
    stored = next(c for c in load_catalogue(workspace.database).course_types
                  if c.name == MISUSE)
    assert (stored.hours_min_minutes, stored.hours_max_minutes) == (360, 600)
    assert (stored.price_oere, stored.price_max_hours) == (250_000, 10)


def test_bad_amount_is_refused_inline(qtbot, workspace, make_ops):
    page = open_page(qtbot, workspace, make_ops)
    page.course_types.table.selectRow(row_of(page.course_types, MISUSE))
    page.course_types.edit_selected()
    dialog = page.dialog
    dialog.price_input.set_price("per_hour", None)
    dialog.price_input.amount_edit.setText("12.5")
    dialog.save_button.click()
    assert dialog.error_label.text() == "Ugyldigt beløb: »12.5«. Brug komma som decimaltegn."


def test_add_authority_and_remove_used_legal_basis(qtbot, workspace, make_ops):
    page = open_page(qtbot, workspace, make_ops)
    page.tabs.setCurrentWidget(page.authorities)
    page.authorities.new_record()
    dialog = page.dialog
    assert isinstance(dialog, AuthorityDialog)
    dialog.name_edit.setText("Jobcenter Vestby")
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findText("Jobcenter"))
    dialog.email_edit.setText("jobcenter@vestby.example")
    save(qtbot, page, dialog)
    assert column(page.authorities, 0) == ["Jobcenter Vestby"]
    assert column(page.authorities, 1) == ["Jobcenter"]

    # LAB §42 is named by course types: removing it deactivates it.
    page.legal_bases.table.selectRow(row_of(page.legal_bases, "LAB §42"))
    page.legal_bases.remove_selected()
    box = page.legal_bases.confirm_box
    with qtbot.waitSignal(page.loaded, timeout=5_000):
        box.button(box.StandardButton.Yes).click()
    assert page.status_label.text() == (
        "LAB §42 er i brug og er derfor deaktiveret i stedet for slettet.")
    assert page.legal_bases.model.index(row_of(page.legal_bases, "LAB §42"), 4).data() == "Nej"


def test_catalogues_are_read_only_for_a_mentor(qtbot, workspace, make_ops):
    mentor = Workspace(workspace.database, Actor(99, "mentor", "Mette Mentor", Role.MENTOR),
                       workspace.team_name, False)
    page = open_page(qtbot, mentor, make_ops)
    assert page.read_only_label.isVisibleTo(page)
    assert page.read_only_label.text() == (
        "Kun en administrator kan ændre katalogerne. Her kan du læse dem.")
    for tab in (page.legal_bases, page.course_types, page.authorities):
        assert not tab.new_button.isVisibleTo(page)
        assert not tab.edit_button.isVisibleTo(page)
    assert page.course_types.model.rowCount() == 15
    page.course_types.table.selectRow(0)
    page.course_types.table.activated.emit(page.course_types.model.index(0, 0))
    assert page.dialog is None


def test_authority_in_use_cannot_be_removed(qtbot, workspace, make_ops):
    authority = create_authority(Context(workspace.database, workspace.actor),
                                 AuthorityInput("<b>Nordby</b> Kommune")).value
    citizen_id = create_citizen(Context(workspace.database, workspace.actor),
                                NewCitizen(first_name="Ida", last_name="Job")).value
    basis = load_catalogue(workspace.database).legal_bases[0]
    create_grant(Context(workspace.database, workspace.actor), citizen_id, GrantInput(
        legal_basis_id=basis.id, authority_id=authority.id, start_on=date(2026, 1, 5)))
    page = open_page(qtbot, workspace, make_ops)
    page.authorities.table.selectRow(0)
    page.authorities.remove_selected()
    box = page.authorities.confirm_box
    box.button(box.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: page.status_label.text() != "", timeout=5_000)
    assert page.status_label.text() == (
        "Myndigheden <b>Nordby</b> Kommune står på 1 bevilling(er) og kan ikke slettes.")
    assert page.status_label.textFormat() == Qt.TextFormat.PlainText
    assert column(page.authorities, 0) == ["<b>Nordby</b> Kommune"]


def test_billing_agreement_on_the_authority_refuses_a_wrong_ean(qtbot, workspace, make_ops):
    page = open_page(qtbot, workspace, make_ops)
    page.tabs.setCurrentWidget(page.authorities)
    page.authorities.new_record()
    dialog = page.dialog
    assert isinstance(dialog, AuthorityDialog)
    dialog.name_edit.setText("Sydby Kommune")
    dialog.agreement.travel_check.setChecked(True)
    dialog.agreement.km_rate_edit.setText("3,79")
    dialog.agreement.ean_edit.setText("5798000000002")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: "forkert kontrolciffer" in dialog.error_label.text(),
                    timeout=5_000)
    assert load_catalogue(workspace.database).authorities == ()  # nothing saved
    dialog.agreement.ean_edit.setText("5798000000001")
    save(qtbot, page, dialog)
    row = row_of(page.authorities, "Sydby Kommune")
    assert [page.authorities.model.index(row, c).data() for c in (4, 5)] == [
        "5798000000001", "Kørselstid, 3,79 kr./km"]

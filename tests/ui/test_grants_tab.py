"""The Bevillinger tab: add a grant from the catalogue, validation, §12, conflicts, ending."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from mentordesk.kernel.context import Context
from mentordesk.services.catalogue_admin import load_catalogue
from mentordesk.services.citizens import NewCitizen
from mentordesk.services.grants import GrantInput, create_grant, grants_for_citizen, update_grant
from ui.views.grants import create_citizen_tab
from ui.views.grants.grant_dialog import GrantDialog
from ui.workspace import load_workspace

NAMED, ANONYMOUS = 1, 2  # citizen ids, in the order created below
TALKS = ("Mentorstøtte - For borgere som har brug for støttende/vejledende samtaler hos "
         "psykolog/psykiater.")
HOSTILE = "<b>Karin</b> & \"Co\" =SUM(A1) 🙂"


@pytest.fixture
def workspace(database_path, make_database):
    database = make_database(database_path, [
        NewCitizen(first_name="Gitte", last_name="Grant", cpr="0101909003"),
        NewCitizen(alias="Måne"),
    ], keep_open=True)
    return load_workspace(database)


@pytest.fixture
def tab(qtbot, workspace, make_ops):
    grants_tab = create_citizen_tab(make_ops(workspace))
    qtbot.addWidget(grants_tab)
    grants_tab.show()
    return grants_tab


def show(qtbot, tab, citizen_id: int) -> None:
    with qtbot.waitSignal(tab.loaded, timeout=5_000):
        tab.show_citizen(citizen_id)


def cells(tab, row: int = 0) -> list[str]:
    return [tab.model.index(row, column).data() for column in range(tab.model.columnCount())]


def choose_basis(dialog, code: str) -> None:
    combo = dialog.basis_combo
    combo.setCurrentIndex(combo.findText(code, Qt.MatchFlag.MatchStartsWith))


def save(qtbot, tab, dialog) -> None:
    with qtbot.waitSignal(tab.loaded, timeout=5_000):
        dialog.save_button.click()


def test_add_grant_from_catalogue_with_prefilled_hours_and_price(qtbot, tab):
    show(qtbot, tab, NAMED)
    assert tab.empty_label.isVisible() and tab.model.rowCount() == 0
    tab.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is tab, timeout=2_000)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = tab.dialog
    assert isinstance(dialog, GrantDialog) and dialog.isVisible()
    assert dialog.start_edit.text() == date.today().strftime("%d-%m-%Y")

    dialog.choose_course_type(dialog.course_combo.itemData(dialog.course_combo.findText(TALKS)))

    assert dialog.basis_combo.currentText() == "LAB §31b – Mentorstøtte"
    assert dialog.hours_input.preview.text() == "Fra 1 time/uge"
    assert dialog.price_input.amount_edit.text() == "500,00"
    assert dialog.price_input.model_combo.currentText() == "pr. time"
    assert not dialog.form.isRowVisible(dialog.discharge_edit)
    dialog.start_edit.setText("05-01-2026")
    # Typed keys cannot carry an emoji (QTest splits surrogate pairs): paste it instead.
    dialog.caseworker_edit.setText(HOSTILE)
    # The authority's own number sits right below the authority, for the billing basis.
    authority_row = dialog.form.getWidgetPosition(dialog.authority_combo)[0]
    assert dialog.form.getWidgetPosition(dialog.billing.case_number_edit)[0] == \
        authority_row + 1
    dialog.billing.case_number_edit.setText("J.nr. 27.12.08-G01-3-26")
    save(qtbot, tab, dialog)

    assert cells(tab) == ["LAB §31b", TALKS, "05-01-2026 – løbende", "Fra 1 time/uge",
                          "500,00 kr. pr. time eks. moms", "Aktiv", "", HOSTILE]
    assert tab.model.row_at(0).case_number == "J.nr. 27.12.08-G01-3-26"


def test_discharge_date_only_for_sel_12(qtbot, tab):
    show(qtbot, tab, NAMED)
    tab.new_grant()
    dialog = tab.dialog
    choose_basis(dialog, "SEL §12")
    assert dialog.form.isRowVisible(dialog.discharge_edit)
    dialog.start_edit.setText("02-03-2026")
    dialog.discharge_edit.setText("27-02-2026")
    save(qtbot, tab, dialog)
    assert tab.model.row_at(0).discharge_on == date(2026, 2, 27)


def test_invalid_input_is_shown_inline_and_nothing_saved(qtbot, tab, workspace):
    show(qtbot, tab, NAMED)
    tab.new_grant()
    dialog = tab.dialog
    dialog.start_edit.setText("31-02-2026")
    dialog.save_button.click()
    assert dialog.error_label.text() == "Startdato: Datoen »31-02-2026« findes ikke i kalenderen."
    dialog.start_edit.setText("01-03-2026")
    dialog.end_edit.setText("01-02-2026")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.error_label.isVisible()
                    and "Slutdatoen" in dialog.error_label.text(), timeout=5_000)
    assert dialog.isVisible()
    assert grants_for_citizen(Context(workspace.database, workspace.actor), NAMED) == []


def test_anonymous_citizen_is_refused_a_grant_without_anonymity(qtbot, tab):
    show(qtbot, tab, ANONYMOUS)
    tab.new_grant()
    dialog = tab.dialog
    choose_basis(dialog, "SEL §85")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: "anonymt" in dialog.error_label.text(), timeout=5_000)
    assert dialog.error_label.textFormat() == Qt.TextFormat.PlainText
    choose_basis(dialog, "SEL §99")
    save(qtbot, tab, dialog)
    assert cells(tab)[0] == "SEL §99"


def _grant(workspace, **values):
    catalogue = load_catalogue(workspace.database)
    basis = next(b.id for b in catalogue.legal_bases if b.code == "SEL §85")
    return create_grant(Context(workspace.database, workspace.actor), NAMED, GrantInput(
        legal_basis_id=basis, start_on=date(2026, 1, 5), **values)).value


def test_stale_edit_opens_conflict_dialog_and_keeps_both_notes(qtbot, tab, workspace):
    grant = _grant(workspace, note="Start")
    show(qtbot, tab, NAMED)
    tab.table.selectRow(0)
    tab.edit_selected()
    dialog = tab.dialog
    # Another user saves a note while this dialog is open.
    update_grant(Context(workspace.database, workspace.actor), grant.id, grant.version,
                 {"note": "Deres <note>"}, grant.values())
    dialog.note_edit.setPlainText("Min & note")
    dialog.end_edit.setText("30-06-2026")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.conflict_dialog is not None
                    and dialog.conflict_dialog.isVisible(), timeout=5_000)
    [choice] = dialog.conflict_dialog.choices
    assert choice.title() == "Note"
    assert choice.value() == "Deres <note>\n\nMin & note"
    with qtbot.waitSignal(tab.loaded, timeout=5_000):
        dialog.conflict_dialog.accept()
    saved = tab.model.row_at(0)
    assert (saved.note, saved.end_on) == ("Deres <note>\n\nMin & note", date(2026, 6, 30))


def test_end_grant(qtbot, tab, workspace):
    _grant(workspace)
    show(qtbot, tab, NAMED)
    tab.end_selected()
    dialog = tab.dialog
    dialog.end_edit.setText("31-03-2026")
    save(qtbot, tab, dialog)
    assert cells(tab)[2] == "05-01-2026 – 31-03-2026"
    assert cells(tab)[5] == ("Afsluttet" if date.today() > date(2026, 3, 31) else "Aktiv")


def test_enter_edits_ctrl_s_saves_and_escape_cancels(qtbot, tab, workspace):
    _grant(workspace, caseworker_name="Sara Sag")
    show(qtbot, tab, NAMED)
    tab.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is tab, timeout=2_000)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    dialog = tab.dialog
    assert isinstance(dialog, GrantDialog) and dialog.windowTitle() == "Ret bevilling"
    assert dialog.caseworker_edit.text() == "Sara Sag"
    dialog.caseworker_edit.setText("Ændret")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    context = Context(workspace.database, workspace.actor)
    assert grants_for_citizen(context, NAMED)[0].caseworker_name == "Sara Sag"

    tab.edit_selected()
    dialog = tab.dialog
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2_000)
    dialog.caseworker_edit.setText("Sofie Sag")
    with qtbot.waitSignal(tab.loaded, timeout=5_000):
        qtbot.keyClick(dialog.caseworker_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert cells(tab)[7] == "Sofie Sag"


def test_period_shorter_than_course_minimum_warns_but_saves(qtbot, tab):
    show(qtbot, tab, NAMED)
    tab.new_grant()
    dialog = tab.dialog
    dialog.choose_course_type(dialog.course_combo.itemData(dialog.course_combo.findText(TALKS)))
    dialog.start_edit.setText("05-01-2026")
    dialog.end_edit.setText("01-02-2026")
    assert dialog.warning_label.text() == (
        "Perioden er kortere end forløbstypens mindste varighed på 13 uger.")
    dialog.end_edit.setText("05-04-2026")
    assert dialog.warning_label.text() == ""
    dialog.end_edit.setText("01-02-2026")
    save(qtbot, tab, dialog)
    assert tab.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == (
        "Perioden er kortere end forløbstypens mindste varighed på 13 uger.")


def test_no_deadline_on_a_new_outreach_grant_is_stored_as_no_deadline(qtbot, tab):
    """§99 suggests 30 days; a mentor who chooses "Ingen frist" gets no deadline."""
    show(qtbot, tab, NAMED)
    tab.new_grant()
    dialog = tab.dialog
    choose_basis(dialog, "SEL §99")
    assert dialog.outreach_spin.text() == "30 dage"
    dialog.outreach_spin.setFocus()
    dialog.outreach_spin.selectAll()
    qtbot.keyClicks(dialog.outreach_spin, "0")
    dialog.outreach_spin.interpretText()  # as leaving the field does
    assert dialog.outreach_spin.text() == "Ingen frist"
    dialog.start_edit.setText("05-01-2026")
    save(qtbot, tab, dialog)
    assert tab.model.row_at(0).outreach_days is None

    tab.new_grant()
    dialog = tab.dialog
    choose_basis(dialog, "SEL §99")
    dialog.start_edit.setText("05-01-2026")
    save(qtbot, tab, dialog)
    assert tab.model.row_at(0).outreach_days == 30  # the default, where nobody chose


GUIDANCE = ("Vejlednings- og opkvalificeringsforløb - For borgere som mangler "
            "beskæftigelses- eller uddannelsesmål.")


def test_the_guidance_course_is_granted_under_lab_32(qtbot, tab):
    show(qtbot, tab, NAMED)
    tab.new_grant()
    dialog = tab.dialog
    dialog.choose_course_type(
        dialog.course_combo.itemData(dialog.course_combo.findText(GUIDANCE)))
    assert dialog.basis_combo.currentText() == "LAB §32 – Vejledning og opkvalificering"
    dialog.start_edit.setText("05-01-2026")
    dialog.end_edit.setText("15-02-2026")
    assert dialog.warning_label.text() == ""  # 6 weeks; no 6-month rule applies to §32
    save(qtbot, tab, dialog)
    assert cells(tab)[:2] == ["LAB §32", GUIDANCE]

"""Debts and one-off benefits share one record dialog and tab base (citizen_records):
editing and deleting from either tab, and the values a conflict shows, still work."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QMessageBox
from test_economy_sheet import (  # noqa: F401 - helpers, and the fixtures
    CITIZEN,
    editor,
    line_row,
    type_into,
    workspace,
)

from mentordesk.economy import (
    BenefitInput,
    DebtInput,
    create_benefit,
    create_debt,
    list_benefits,
    list_debts,
)
from mentordesk.kernel.context import Context
from ui.views.economy.editor import EconomyEditor
from ui.views.economy.sheet_model import COL_AMOUNT

TIMEOUT = 10_000


def answer_yes(tab) -> None:
    box = tab.confirm_box
    assert box is not None and box.isVisible()
    box.button(QMessageBox.StandardButton.Yes).click()


def test_edit_then_delete_a_debt(qtbot, editor, workspace):  # noqa: F811
    database, actor = workspace.database, workspace.actor
    create_debt(Context(database, actor), CITIZEN, DebtInput(
        creditor="Kviklån Demo ApS", debt_type="consumer_credit", balance_oere=3_000_000))
    with qtbot.waitSignal(editor.loaded, timeout=TIMEOUT):
        editor.reload()
    debts = editor.debts
    debts.table.selectRow(0)
    debts.edit_selected()
    dialog = debts.dialog
    assert dialog.windowTitle() == "Ret gæld"
    assert dialog.creditor_edit.text() == "Kviklån Demo ApS"
    dialog.balance_edit.setText("25.000")
    with qtbot.waitSignal(editor.loaded, timeout=TIMEOUT):
        dialog.save_button.click()
    [stored] = list_debts(Context(database, actor), CITIZEN)
    assert stored.balance_oere == 2_500_000
    # What a conflict would show for this record's fields, in the user's words.
    assert dialog.shown("interest_bp", 725) == "7,25 %"
    assert dialog.shown("priority_class", "housing") == "Bolig (husleje, risiko for udsættelse)"
    assert dialog.shown("balance_oere", 2_500_000) == "25.000,00 kr."
    assert dialog.shown("balance_on", date(2026, 3, 2)) == "02-03-2026"
    assert dialog.shown("note", None) == ""

    debts.table.selectRow(0)
    debts.delete_selected()
    assert "Kviklån Demo ApS" in debts.confirm_box.text()
    with qtbot.waitSignal(editor.loaded, timeout=TIMEOUT):
        answer_yes(debts)
    assert list_debts(Context(database, actor), CITIZEN) == []
    assert debts.model.rowCount() == 0


def test_edit_then_delete_a_benefit_and_no_keeps_it(qtbot, editor, workspace):  # noqa: F811
    database, actor = workspace.database, workspace.actor
    create_benefit(Context(database, actor), CITIZEN, BenefitInput(
        applied_on=date(2026, 2, 2), purpose="Briller", amount_applied_oere=150_000))
    with qtbot.waitSignal(editor.loaded, timeout=TIMEOUT):
        editor.reload()
    benefits = editor.benefits
    benefits.table.selectRow(0)
    benefits.edit_selected()
    dialog = benefits.dialog
    assert dialog.purpose_edit.text() == "Briller"
    dialog.status_combo.setCurrentIndex(dialog.status_combo.findData("granted"))
    dialog.granted_amount.setText("1.200")
    with qtbot.waitSignal(editor.loaded, timeout=TIMEOUT):
        dialog.save_button.click()
    [stored] = list_benefits(Context(database, actor), CITIZEN)
    assert (stored.status, stored.amount_granted_oere) == ("granted", 120_000)
    assert dialog.shown("status", "refused") == "Afslået"
    assert dialog.shown("amount_granted_oere", 120_000) == "1.200,00 kr."

    benefits.table.selectRow(0)
    benefits.delete_selected()
    benefits.confirm_box.button(QMessageBox.StandardButton.No).click()
    qtbot.wait(200)
    assert len(list_benefits(Context(database, actor), CITIZEN)) == 1
    benefits.delete_selected()
    with qtbot.waitSignal(editor.loaded, timeout=TIMEOUT):
        answer_yes(benefits)
    assert list_benefits(Context(database, actor), CITIZEN) == []


def test_a_debt_saved_elsewhere_shows_here_and_keeps_unsaved_sheet_edits(
        qtbot, editor, workspace, make_ops):  # noqa: F811
    """Two windows on the same citizen: the hub alone brings the other's debt in, and the
    sheet being edited here is neither replaced nor marked saved."""
    type_into(qtbot, editor, line_row(editor, "El"), COL_AMOUNT, "999")
    assert editor.has_unsaved_changes()
    other = EconomyEditor(make_ops(workspace))
    qtbot.addWidget(other)
    other.show()
    with qtbot.waitSignal(other.loaded, timeout=TIMEOUT):
        other.show_citizen(CITIZEN)
    other.debts.new_debt()
    dialog = other.debts.dialog
    dialog.creditor_edit.setText("Vestby Boligforening")
    dialog.balance_edit.setText("12.000,00")
    with qtbot.waitSignals([editor.loaded, other.loaded], timeout=TIMEOUT):
        dialog.save_button.click()
    assert [row.creditor for row in editor.debts.model.rows()] == ["Vestby Boligforening"]
    assert editor.model.index(line_row(editor, "El"), COL_AMOUNT).data() == "999,00"
    assert editor.has_unsaved_changes()


def test_its_own_sheet_save_is_not_read_back(qtbot, editor):  # noqa: F811
    """The saved sheet is already on screen: no second read (and no audited look-up)."""
    type_into(qtbot, editor, line_row(editor, "El"), COL_AMOUNT, "999")
    reloads: list[int] = []
    editor.loaded.connect(reloads.append)
    with qtbot.waitSignal(editor.saved, timeout=TIMEOUT):
        editor.save_action.trigger()
    qtbot.wait(300)
    assert reloads == []
    assert not editor.has_unsaved_changes()
    assert editor.undo_action.isEnabled()  # the undo history survived the save


def test_a_hidden_editor_reads_the_change_only_when_shown(
        qtbot, editor, workspace, make_ops):  # noqa: F811
    other = EconomyEditor(make_ops(workspace))
    qtbot.addWidget(other)
    other.show()
    with qtbot.waitSignal(other.loaded, timeout=TIMEOUT):
        other.show_citizen(CITIZEN)
    other.hide()
    reads: list[int] = []
    other.loaded.connect(reads.append)
    editor.debts.new_debt()
    dialog = editor.debts.dialog
    dialog.creditor_edit.setText("Vestby Boligforening")
    with qtbot.waitSignal(editor.loaded, timeout=TIMEOUT):
        dialog.save_button.click()
    qtbot.wait(300)
    assert reads == []  # hidden: nothing read, nothing logged
    with qtbot.waitSignal(other.loaded, timeout=TIMEOUT):
        other.show()
    assert [row.creditor for row in other.debts.model.rows()] == ["Vestby Boligforening"]

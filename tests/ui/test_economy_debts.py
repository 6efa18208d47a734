"""Debts, the repayment plan that follows the sheet, one-off benefits, and versions."""

from __future__ import annotations

from datetime import date

from test_economy_sheet import (  # noqa: F401 - helpers, and the fixtures
    CITIZEN,
    YEAR,
    editor,
    line_row,
    type_into,
    workspace,
)

from mentordesk.economy import DebtInput, create_debt, list_benefits, list_debts
from mentordesk.kernel.context import Context
from ui.views.economy.sheet_model import COL_AMOUNT


def texts(model, row: int) -> list[str]:
    return [model.index(row, column).data() for column in range(model.columnCount())]


def test_new_debt_and_the_plan_follows_the_sheet(qtbot, editor, workspace):  # noqa: F811
    debts = editor.debts
    create_debt(Context(workspace.database, workspace.actor), CITIZEN, DebtInput(
        creditor="Kviklån Demo ApS", debt_type="consumer_credit", balance_oere=3_000_000))
    debts.new_debt()
    dialog = debts.dialog
    dialog.creditor_edit.setText("Vestby Boligforening")
    dialog.type_combo.setCurrentIndex(dialog.type_combo.findData("rent"))
    dialog._type_chosen()
    assert dialog.priority_combo.currentData() == "housing"
    dialog.balance_edit.setText("12.000,00")
    dialog.payment_edit.setText("500")
    dialog.interest_edit.setText("7,25")
    with qtbot.waitSignal(editor.loaded, timeout=5_000):
        dialog.save_button.click()
    [rent] = [d for d in list_debts(Context(workspace.database, workspace.actor), CITIZEN)
              if d.creditor == "Vestby Boligforening"]
    assert (rent.balance_oere, rent.interest_bp, rent.is_priority) == (1_200_000, 725, True)

    # Income 13.500, expenses 7.100: 6.400 a month, below the 7.240 norm: nothing left.
    assert debts.plan.available_oere == 0
    assert texts(debts.plan_model, 0)[:4] == [
        "Vestby Boligforening", "Prioriteret", "12.000,00 kr.", "0,00 kr."]
    assert "Planen mangler" in debts.plan_label.text()
    # The rent agreement cannot be paid: named as a conflict, not silently reduced.
    assert "Konflikt: aftalen med Vestby Boligforening" in debts.plan_label.text()

    # Cheaper rent in the sheet leaves money for the plan at once, before saving.
    type_into(qtbot, editor, line_row(editor, "Husleje"), COL_AMOUNT, "2.000")
    # 13.500 − 2.600 − 7.240 = 3.660 kr. a month: 500 to the rent, 3.160 to the loan.
    assert debts.plan.available_oere == 366_000
    assert texts(debts.plan_model, 0)[3] == "500,00 kr."
    assert texts(debts.plan_model, 1)[:4] == [
        "Kviklån Demo ApS", "Forholdsmæssig", "30.000,00 kr.", "3.160,00 kr."]
    assert texts(debts.plan_model, 1)[4] == "10 måneder"


def test_new_one_off_benefit(qtbot, editor, workspace):  # noqa: F811
    benefits = editor.benefits
    benefits.new_benefit()
    dialog = benefits.dialog
    dialog.applied_edit.setText("02-03-2026")
    dialog.purpose_edit.setText("Tandbehandling <akut>")
    dialog.basis_combo.setCurrentText("Aktivloven §82")
    dialog.applied_amount.setText("8.500")
    dialog.status_combo.setCurrentIndex(dialog.status_combo.findData("refused"))
    dialog.decided_edit.setText("20-03-2026")
    dialog.deadline_edit.setText("17-04-2026")
    with qtbot.waitSignal(editor.loaded, timeout=5_000):
        dialog.save_button.click()
    assert texts(benefits.model, 0) == [
        "02-03-2026", "Tandbehandling <akut>", "Aktivloven §82", "8.500,00 kr.", "Afslået",
        "", "20-03-2026", "17-04-2026"]
    [stored] = list_benefits(Context(workspace.database, workspace.actor), CITIZEN)
    assert stored.amount_applied_oere == 850_000


def test_versions_list_and_restore(qtbot, editor, workspace):  # noqa: F811
    type_into(qtbot, editor, line_row(editor, "El"), COL_AMOUNT, "999")
    with qtbot.waitSignal(editor.saved, timeout=5_000):
        editor.save_action.trigger()
    editor.files.open_versions()
    dialog = editor.files.versions_dialog
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2, timeout=5_000)
    assert [texts(dialog.model, row)[2] for row in range(2)] == ["Gemt", "Gemt"]
    assert texts(dialog.model, 0)[5] == "89.988,00 kr."  # 12 × (6.500 + 999)
    dialog.table.selectRow(1)
    with qtbot.waitSignal(editor.loaded, timeout=5_000):
        dialog._restore(dialog.model.row_at(1))
    assert editor.model.index(line_row(editor, "El"), COL_AMOUNT).data() == "600,00"


def test_an_old_debt_is_flagged_and_enforcement_shows_on_the_plan(qtbot, editor,  # noqa: F811
                                                                   workspace):  # noqa: F811
    debts = editor.debts
    create_debt(Context(workspace.database, workspace.actor), CITIZEN, DebtInput(
        creditor="Webshop (fiktiv)", balance_oere=300_000, status="attachment",
        due_on=date(2015, 1, 1)))
    with qtbot.waitSignal(editor.loaded, timeout=5_000):
        editor.reload()
    row = texts(debts.model, 0)
    assert row[0] == "Webshop (fiktiv)" and row[-1] == "mulig forældet – undersøg"
    assert texts(debts.plan_model, 0)[-1] == "Udlæg"
    debts.table.selectRow(0)
    debts.edit_selected()
    assert debts.dialog.due_edit.date_value() == date(2015, 1, 1)
    assert debts.dialog.basis_combo.currentData() == "claim"


def test_a_coordinator_changes_the_limitation_rule_and_the_flag_follows(  # noqa: F811
        qtbot, editor, workspace):  # noqa: F811
    debts = editor.debts
    create_debt(Context(workspace.database, workspace.actor), CITIZEN, DebtInput(
        creditor="Webshop (fiktiv)", balance_oere=300_000, due_on=date(2020, 1, 1)))
    with qtbot.waitSignal(editor.loaded, timeout=5_000):
        editor.reload()
    assert texts(debts.model, 0)[-1] == "mulig forældet – undersøg"  # 3 years have passed
    assert editor.limitation_action in editor.toolbar.actions()
    editor.limitation_action.trigger()
    dialog = editor.limitation_dialog
    qtbot.waitUntil(lambda: dialog.source_edit.text() == "Forældelsesloven § 3, stk. 1",
                    timeout=5_000)
    dialog.years_spin.setValue(10)
    dialog.source_edit.setText("Teamets regel (fiktiv)")
    with qtbot.waitSignal(editor.loaded, timeout=5_000):
        dialog.save()
    assert texts(debts.model, 0)[-1] == ""  # ten years from 2020 have not passed
    assert "Gemt: 10 år" in dialog.message.text()

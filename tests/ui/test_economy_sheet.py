"""The economy year sheet behaves like a spreadsheet: typing Danish amounts, paste from
Excel, Delete, undo/redo, save and reload, and a stale save opens the conflict dialog."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from mentordesk.domain.economy import Frequency
from mentordesk.economy import Sheet, SheetLine, load_sheet, save_sheet
from mentordesk.kernel.context import Context
from mentordesk.services.citizens import NewCitizen
from ui.views.economy.editor import EconomyEditor
from ui.views.economy.sheet_conflict import KEEP_MINE
from ui.views.economy.sheet_model import COL_AMOUNT, COL_FIRST_MONTH, COL_FREQUENCY, COL_YEAR
from ui.workspace import load_workspace

CITIZEN = 1
YEAR = date.today().year
RATES_YEAR = 2024  # the newest rates MentorDesk ships
JAN, FEB, MAR, JUN = (COL_FIRST_MONTH + month for month in (0, 1, 2, 5))


def sheet_workspace(database_path, make_database, lines: tuple[SheetLine, ...]):
    """Gitte's database with this year's sheet saved with ``lines``."""
    database = make_database(database_path, [
        NewCitizen(first_name="Gitte", last_name="Økonomi", cpr="0101909003")], keep_open=True)
    workspace = load_workspace(database)
    # Only 2024's rates are shipped: the mentor has confirmed them for this year's sheet.
    save_sheet(Context(database, workspace.actor), CITIZEN, YEAR, 0,
               Sheet(citizen_id=CITIZEN, year=YEAR, lines=lines,
                     rates_year=RATES_YEAR if YEAR > RATES_YEAR else None))
    return workspace


@pytest.fixture
def workspace(database_path, make_database):
    return sheet_workspace(database_path, make_database, (
        SheetLine.filled("income", "Kontanthjælp", "monthly", 1_150_000),
        SheetLine.filled("income", "Boligstøtte", "monthly", 200_000),
        SheetLine.filled("expense", "Husleje", "monthly", 650_000),
        SheetLine.filled("expense", "El", "monthly", 60_000)))


@pytest.fixture
def editor(qtbot, workspace, make_ops):
    widget = EconomyEditor(make_ops(workspace))
    qtbot.addWidget(widget)
    widget.resize(1300, 700)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget, timeout=2_000)
    with qtbot.waitSignal(widget.loaded, timeout=5_000):
        widget.show_citizen(CITIZEN)
    return widget


def cell(editor, row: int, column: int) -> str:
    return editor.model.index(row, column).data()


def line_row(editor, label: str) -> int:
    model = editor.model
    return next(row for row in range(model.rowCount())
                if (line := model.line_at(row)) is not None and line.label == label)


def summary_cell(editor, key: str, column: int) -> str:
    return cell(editor, editor.model.summary_row(key), column)


def type_into(qtbot, editor, row: int, column: int, text: str) -> None:
    """Select a cell and type as a user does: the first key opens the editor."""
    view = editor.view
    window = view.window()
    window.activateWindow()  # a dialog may have been on top
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2_000)
    view.setFocus()
    view.go_to(row, column)
    qtbot.keyClicks(view, text[0])
    qtbot.keyClicks(QApplication.focusWidget(), text[1:])
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    # The delegate commits on the next turn of the event loop, as in the running app.
    qtbot.waitUntil(lambda: view.state() != view.State.EditingState
                    and (view.frozen is None
                         or view.frozen.state() != view.State.EditingState), timeout=2_000)


def test_typing_a_danish_amount_updates_line_and_totals(qtbot, editor):
    row = line_row(editor, "El")
    expenses = editor.model.subtotal_row("expense")
    assert cell(editor, expenses, FEB) == "7.100,00"

    type_into(qtbot, editor, row, FEB, "1.234,50")

    assert cell(editor, row, FEB) == "1.234,50"
    assert cell(editor, expenses, FEB) == "7.734,50"
    assert cell(editor, row, COL_YEAR) == "7.834,50"  # 11 × 600 + 1.234,50
    # Income 13.500 − expenses 7.734,50; February has 28 or 29 days.
    assert summary_cell(editor, "disposable", FEB) == "5.765,50"
    # The month no longer follows the monthly rule: the line now varies.
    assert cell(editor, row, COL_FREQUENCY) == "Varierende"
    # Enter moved down, as in a spreadsheet, and Save is now possible.
    assert editor.view.currentIndex().row() == row + 1
    assert editor.save_action.isEnabled()


def test_amount_column_fills_the_months_by_frequency(qtbot, editor):
    row = line_row(editor, "Husleje")
    type_into(qtbot, editor, row, COL_AMOUNT, "7000")
    assert [cell(editor, row, JAN + m) for m in range(12)] == ["7.000,00"] * 12
    assert cell(editor, row, COL_YEAR) == "84.000,00"


def test_bad_input_shows_a_message_and_keeps_the_value(qtbot, editor):
    row = line_row(editor, "El")
    type_into(qtbot, editor, row, MAR, "12.5")
    assert editor.message_label.isVisible()
    assert "komma som decimaltegn" in editor.message_label.text()
    assert cell(editor, row, MAR) == "600,00"
    assert editor.model.undo_stack.count() == 0


def test_deficit_months_are_marked_with_colour_and_text(qtbot, editor):
    row = line_row(editor, "Husleje")
    type_into(qtbot, editor, row, JAN, "30.000")
    balance = editor.model.summary_row("balance")
    assert summary_cell(editor, "balance", JAN) == "-17.100,00"
    background = editor.model.index(balance, JAN).data(Qt.ItemDataRole.BackgroundRole)
    assert background is not None and background.color().name() == "#f8d0d0"
    assert editor.model.index(balance, FEB + 10).data(Qt.ItemDataRole.BackgroundRole) is None
    assert summary_cell(editor, "balance", COL_YEAR + 2) == "Underskud i: jan, feb, mar"


def paste_block(qtbot, editor, row: int, column: int, text: str) -> None:
    QGuiApplication.clipboard().setText(text)
    editor.view.setFocus()
    editor.view.go_to(row, column)
    qtbot.keyClick(editor.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def block_3x12() -> str:
    rows = []
    for line in range(3):
        rows.append("\t".join(f"{(line + 1) * 1000 + month},50" for month in range(1, 13)))
    return "\r\n".join(rows) + "\r\n"  # as Excel puts it on the clipboard


def months_of(editor, row: int) -> list[str]:
    return [cell(editor, row, JAN + month) for month in range(12)]


def test_paste_3x12_block_then_undo_and_redo(qtbot, editor):
    first = line_row(editor, "Husleje")
    before = [months_of(editor, first + offset) for offset in range(2)]
    expenses = editor.model.subtotal_row("expense")

    paste_block(qtbot, editor, first, JAN, block_3x12())

    # Two expense lines were there; the third pasted row became a new line.
    rows = [first, first + 1, first + 2]
    assert [months_of(editor, row) for row in rows] == [
        [f"{(line + 1)}.{month:03d},50" for month in range(1, 13)] for line in range(3)]
    assert editor.model.line_at(first + 2).section == "expense"
    assert cell(editor, expenses + 1, JAN) == "6.004,50"  # subtotal moved down one row
    selected = editor.view.selectionModel().selectedIndexes()
    assert len(selected) == 36

    qtbot.keyClick(editor.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [months_of(editor, first + offset) for offset in range(2)] == before
    assert editor.model.line_at(first + 2) is None  # the added line is gone again
    assert cell(editor, expenses, JAN) == "7.100,00"

    qtbot.keyClick(editor.view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert months_of(editor, first + 2) == [f"3.{month:03d},50" for month in range(1, 13)]
    assert cell(editor, expenses + 1, JAN) == "6.004,50"


def test_paste_with_a_bad_cell_changes_nothing(qtbot, editor):
    first = line_row(editor, "Kontanthjælp")
    paste_block(qtbot, editor, first, JAN, "100\t200\n300\tfem")
    assert "Intet blev indsat. Række 2, kolonne feb" in editor.message_label.text()
    assert cell(editor, first, JAN) == "11.500,00"
    assert editor.model.undo_stack.count() == 0


def test_copy_gives_tab_separated_danish_numbers(qtbot, editor):
    first = line_row(editor, "Kontanthjælp")
    view = editor.view
    view.go_to(first, JAN)
    view.selectionModel().select(editor.model.index(first + 1, FEB),
                                 view.selectionModel().SelectionFlag.Select)
    view.selectionModel().select(editor.model.index(first, FEB),
                                 view.selectionModel().SelectionFlag.Select)
    view.selectionModel().select(editor.model.index(first + 1, JAN),
                                 view.selectionModel().SelectionFlag.Select)
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == (
        "11.500,00\t11.500,00\n2.000,00\t2.000,00\n")


def test_delete_clears_amounts_and_undo_brings_them_back(qtbot, editor):
    row = line_row(editor, "El")
    editor.view.setFocus()
    editor.view.go_to(row, JAN)
    qtbot.keyClick(editor.view, Qt.Key.Key_Delete)
    assert cell(editor, row, JAN) == "0,00"
    qtbot.keyClick(editor.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert cell(editor, row, JAN) == "600,00"


def test_add_and_remove_rows_undo(qtbot, editor):
    editor.add_expense_action.trigger()
    new_row = editor.view.currentIndex().row()
    assert editor.model.line_at(new_row).section == "expense"
    type_into(qtbot, editor, new_row, 0, "Medicin")
    assert cell(editor, new_row, 0) == "Medicin"
    editor.view.go_to(new_row, 0)
    editor.remove_action.trigger()
    assert all(editor.model.line_at(r) is None or editor.model.line_at(r).label != "Medicin"
               for r in range(editor.model.rowCount()))
    editor.model.undo_stack.undo()
    assert cell(editor, line_row(editor, "Medicin"), 0) == "Medicin"


def test_save_then_reload_shows_the_values(qtbot, editor, workspace, make_ops):
    row = line_row(editor, "Boligstøtte")
    type_into(qtbot, editor, row, COL_AMOUNT, "2.150,75")
    with qtbot.waitSignal(editor.saved, timeout=5_000):
        qtbot.keyClick(editor.view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not editor.has_unsaved_changes() and not editor.save_action.isEnabled()

    stored = load_sheet(Context(workspace.database, workspace.actor), CITIZEN, YEAR)
    line = next(line for line in stored.lines if line.label == "Boligstøtte")
    assert line.months == (215_075,) * 12 and line.frequency is Frequency.MONTHLY

    again = EconomyEditor(make_ops(workspace))
    qtbot.addWidget(again)
    with qtbot.waitSignal(again.loaded, timeout=5_000):
        again.show_citizen(CITIZEN)
    assert cell(again, line_row(again, "Boligstøtte"), JUN) == "2.150,75"
    assert cell(again, again.model.subtotal_row("income"), JUN) == "13.650,75"


def test_stale_save_shows_the_conflict_dialog(qtbot, editor, workspace):
    # Another user saves the same year while this editor has it open.
    theirs = load_sheet(Context(workspace.database, workspace.actor), CITIZEN, YEAR)
    save_sheet(Context(workspace.database, workspace.actor), CITIZEN, YEAR, theirs.version,
               Sheet(citizen_id=CITIZEN, year=YEAR, lines=theirs.lines + (
                   SheetLine.filled("expense", "Forsikringer", "yearly", 320_000),)))
    row = line_row(editor, "El")
    type_into(qtbot, editor, row, COL_AMOUNT, "700")

    with qtbot.waitSignal(editor.conflict_shown, timeout=5_000) as shown:
        editor.save_action.trigger()
    dialog = shown.args[0]
    assert dialog.isVisible()
    differences = dialog.differences.toPlainText()
    assert "− Forsikringer: 3.200,00 kr." in differences
    assert "≠ El: 7.200,00 kr. → 8.400,00 kr." in differences
    assert load_sheet(Context(workspace.database, workspace.actor), CITIZEN, YEAR).lines[-1].label \
        == "Forsikringer"  # nothing was overwritten

    with qtbot.waitSignal(editor.saved, timeout=5_000):
        dialog.done(KEEP_MINE)
    stored = load_sheet(Context(workspace.database, workspace.actor), CITIZEN, YEAR)
    assert [line.label for line in stored.lines] == [
        "Kontanthjælp", "Boligstøtte", "Husleje", "El"]
    assert stored.lines[-1].months == (70_000,) * 12


def test_leaving_for_another_year_asks_about_unsaved_changes(qtbot, editor):
    row = line_row(editor, "El")
    type_into(qtbot, editor, row, COL_AMOUNT, "650")
    asked = []
    editor.unsaved_prompt = lambda: asked.append(True) or "cancel"
    editor.household.year_spin.setValue(YEAR + 1)
    assert asked and editor.year == YEAR  # cancelled: still the edited year
    assert cell(editor, row, JAN) == "650,00"

    editor.unsaved_prompt = lambda: "discard"
    with qtbot.waitSignal(editor.loaded, timeout=5_000):
        editor.household.year_spin.setValue(YEAR + 1)
    assert editor.model.lines() == [] and not editor.has_unsaved_changes()


def test_copy_last_year_fills_a_new_year_unsaved(qtbot, editor, workspace):
    with qtbot.waitSignal(editor.loaded, timeout=5_000):
        editor.household.year_spin.setValue(YEAR + 1)
    assert editor.model.lines() == []
    with qtbot.waitSignal(editor.loaded, timeout=5_000):
        editor.copy_year_action.trigger()
    assert [line.label for line in editor.model.lines()] == [
        "Kontanthjælp", "Boligstøtte", "Husleje", "El"]
    assert editor.has_unsaved_changes() and editor.save_action.isEnabled()
    assert load_sheet(Context(workspace.database, workspace.actor), CITIZEN, YEAR + 1).lines == ()
    with qtbot.waitSignal(editor.saved, timeout=5_000):
        editor.save_action.trigger()
    context = Context(workspace.database, workspace.actor)
    assert len(load_sheet(context, CITIZEN, YEAR + 1).lines) == 4


def test_chart_shows_income_and_expenses_by_month(qtbot, editor):
    editor.tabs.setCurrentWidget(editor.chart)
    qtbot.waitUntil(lambda: editor.chart.view is not None, timeout=5_000)
    assert editor.chart.income_values == [13_500.0] * 12
    assert editor.chart.expense_values == [7_100.0] * 12
    series = editor.chart.view.chart().series()
    assert [s.name() for s in series] == ["", "Rådighedsbeløb"]
    assert [bar.label() for bar in series[0].barSets()] == ["Indtægter", "Udgifter"]


def test_citizen_tab_reads_the_economy_only_when_shown(qtbot, workspace, make_ops):
    from ui.views.economy import create_citizen_tab

    tab = create_citizen_tab(make_ops(workspace))
    qtbot.addWidget(tab)
    tab.show_citizen(CITIZEN)
    assert tab.editor.citizen_id is None  # hidden: nothing read yet
    with qtbot.waitSignal(tab.editor.loaded, timeout=5_000):
        tab.show()
    assert [line.label for line in tab.editor.model.lines()][:2] == ["Kontanthjælp",
                                                                      "Boligstøtte"]


def test_tab_commits_and_moves_right_and_one_value_fills_a_selection(qtbot, editor):
    row = line_row(editor, "El")
    view = editor.view
    type_into(qtbot, editor, row, JAN, "5")  # Enter: down
    view.go_to(row, FEB)
    qtbot.keyClicks(view, "7")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert cell(editor, row, FEB) == "7,00"
    assert view.currentIndex().column() == MAR

    QGuiApplication.clipboard().setText("1.000,00\r\n")
    view.go_to(row, MAR)
    for month in range(1, 4):  # March to June selected, one value pasted into all
        view.selectionModel().select(editor.model.index(row, MAR + month),
                                     view.selectionModel().SelectionFlag.Select)
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert [cell(editor, row, MAR + m) for m in range(5)] == ["1.000,00"] * 4 + ["600,00"]


def test_tab_in_the_item_column_commits_and_moves_right(qtbot, editor):
    row = line_row(editor, "El")
    view = editor.view
    view.setFocus()
    view.go_to(row, 0)
    qtbot.keyClicks(view, "S")  # the first key opens the editor in the frozen column
    qtbot.keyClicks(QApplication.focusWidget(), "trøm")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)

    qtbot.waitUntil(lambda: editor.model.line_at(row).label == "Strøm", timeout=2_000)
    assert view.frozen.state() != view.State.EditingState
    assert (view.currentIndex().row(), view.currentIndex().column()) == (row, 1)
    assert QApplication.focusWidget() is view  # the next column is in the main view
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert (view.currentIndex().row(), view.currentIndex().column()) == (row, 2)


def test_shift_tab_in_the_item_column_commits_and_stays_in_the_row(qtbot, editor):
    row = line_row(editor, "El")
    view = editor.view
    view.setFocus()
    view.go_to(row, 0)
    qtbot.keyClicks(view, "G")
    qtbot.keyClicks(QApplication.focusWidget(), "as")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab,
                   Qt.KeyboardModifier.ShiftModifier)

    qtbot.waitUntil(lambda: editor.model.line_at(row).label == "Gas", timeout=2_000)
    assert (view.currentIndex().row(), view.currentIndex().column()) == (row, 0)


def test_new_line_offers_the_item_list_and_takes_its_code(qtbot, editor):
    editor.add_expense_action.trigger()
    row = editor.view.currentIndex().row()
    editor.view.go_to(row, 0)
    qtbot.keyClicks(editor.view, "M")
    line_edit = QApplication.focusWidget()
    completer = line_edit.completer()
    assert completer is not None and "Medicin" in completer.model().stringList()
    assert "Kontanthjælp" not in completer.model().stringList()  # an income item
    qtbot.keyClicks(line_edit, "edicin")
    qtbot.keyClick(line_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: editor.model.line_at(row).label == "Medicin", timeout=2_000)
    assert editor.model.line_at(row).category == "medicine"


def test_household_sets_the_norm_and_undoes(qtbot, editor):
    assert summary_cell(editor, "norm", JAN) == "7.240,00"
    editor.household.adults_spin.setValue(2)
    editor.household.children_spins["children_7_17"].setValue(1)
    # 7.240 + 5.040 for the second adult + 3.630 for a child of 7–17 (2024 rates).
    assert summary_cell(editor, "norm", JAN) == "15.910,00"
    assert editor.household.norm_label.text() == "= 15.910,00 kr. pr. måned"
    assert editor.has_unsaved_changes()
    editor.model.undo_stack.undo()
    editor.model.undo_stack.undo()
    assert summary_cell(editor, "norm", JAN) == "7.240,00"
    assert editor.household.adults_spin.value() == 1
    assert not editor.has_unsaved_changes()

"""Import from Excel in the economy editor: a mentor's own spreadsheet goes through the
mapping dialog, pre-filled by the core's detection, with a preview that follows the
choices; MentorDesk's own export comes back as it went out."""

from __future__ import annotations

import openpyxl
import pytest
from test_economy_sheet import (  # noqa: F401 - helpers, and the fixtures
    CITIZEN,
    JAN,
    YEAR,
    cell,
    editor,
    line_row,
    workspace,
)

from mentordesk.economy import load_sheet
from mentordesk.kernel.context import Context

MONTHS = ("Januar", "Februar", "Marts", "April", "Maj", "Juni", "Juli", "August",
          "September", "Oktober", "November", "December")


@pytest.fixture
def foreign_xlsx(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Budget"
    sheet.append(["Budget for G. Ø. (fiktiv)"])
    sheet.append([])
    sheet.append(["Post", *MONTHS, "Note"])
    sheet.append(["Indtægter"])
    sheet.append(["Kontanthjælp", *[11500] * 12])
    sheet.append(["Børneydelse", *[4675 if m % 3 == 0 else 0 for m in range(12)]])
    sheet.append(["Udgifter"])
    sheet.append(["Husleje", *[6500] * 12, "inkl. vand"])
    sheet.append(["El", *["600,00"] * 12])
    sheet.append(["I alt", *[2000] * 12])
    path = tmp_path / "gittes budget.xlsx"
    book.save(path)
    return path


def open_mapping(qtbot, editor, path):  # noqa: F811 - the fixture
    editor.files.import_from(path)
    qtbot.waitUntil(lambda: editor.files.mapping_dialog is not None
                    and editor.files.mapping_dialog.isVisible(), timeout=10_000)
    return editor.files.mapping_dialog


def test_foreign_sheet_mapping_dialog_is_prefilled_with_a_preview(
        qtbot, editor, workspace, foreign_xlsx):  # noqa: F811
    dialog = open_mapping(qtbot, editor, foreign_xlsx)

    assert dialog.mapping.isVisible()
    assert dialog.header_spin.value() == 3
    assert dialog.item_combo.currentText() == "A: Post"
    assert dialog.january_combo.currentText() == "B: Januar"
    assert (dialog.income_spin.value(), dialog.expense_spin.value()) == (4, 7)
    assert dialog.note_combo.currentText() == "N: Note"
    rows = dialog.result_rows()
    assert [row[:3] for row in rows] == [
        ["Indtægter", "Kontanthjælp", "11.500,00"], ["Indtægter", "Børneydelse", "4.675,00"],
        ["Udgifter", "Husleje", "6.500,00"], ["Udgifter", "El", "600,00"]]
    assert rows[1][-1] == "18.700,00"  # four quarterly payments
    assert "I alt" in dialog.skipped_text.toPlainText()
    assert dialog.import_button.isEnabled()

    # Without section rows the core cannot tell income from expenses: import refused.
    dialog.income_spin.setValue(0)
    dialog.expense_spin.setValue(0)
    assert not dialog.import_button.isEnabled()
    assert dialog.result_rows() == []
    dialog.income_spin.setValue(4)
    dialog.expense_spin.setValue(7)
    assert len(dialog.result_rows()) == 4

    with qtbot.waitSignal(editor.loaded, timeout=10_000):
        dialog.import_button.click()
    assert cell(editor, line_row(editor, "Børneydelse"), JAN + 3) == "4.675,00"
    stored = load_sheet(Context(workspace.database, workspace.actor), CITIZEN, YEAR)
    assert [line.label for line in stored.lines] == ["Kontanthjælp", "Børneydelse",
                                                     "Husleje", "El"]
    assert stored.lines[2].note == "inkl. vand"


def test_own_export_imports_back_without_mapping(qtbot, editor, workspace, tmp_path):  # noqa: F811
    path = tmp_path / "eksport.xlsx"
    with qtbot.waitSignal(editor.files.export_to(path).finished, timeout=20_000):
        pass
    assert path.is_file() and "Eksporteret til" in editor.message_label.text()
    before = load_sheet(Context(workspace.database, workspace.actor), CITIZEN, YEAR)

    dialog = open_mapping(qtbot, editor, path)
    assert not dialog.mapping.isVisible()
    assert "eksporteret fra MentorDesk" in dialog.intro.text()
    assert [row[1] for row in dialog.result_rows()] == [line.label for line in before.lines]
    with qtbot.waitSignal(editor.loaded, timeout=10_000):
        dialog.import_button.click()
    after = load_sheet(Context(workspace.database, workspace.actor), CITIZEN, YEAR)
    assert [(line.label, line.months) for line in after.lines] == [
        (line.label, line.months) for line in before.lines]


def test_a_file_that_is_not_a_workbook_is_refused_with_a_message(
        qtbot, editor, tmp_path):  # noqa: F811
    path = tmp_path / "ikke et regneark.xlsx"
    path.write_text("hej", encoding="utf-8")
    task = editor.files.import_from(path)
    with qtbot.waitSignal(task.failed, timeout=10_000) as failed:
        pass
    assert "er ikke en Excel-fil" in failed.args[0]
    assert editor.files.mapping_dialog is None


def test_print_to_pdf_and_unsaved_changes_are_offered_saving_first(
        qtbot, editor, tmp_path, pdf_text):  # noqa: F811
    from test_economy_sheet import type_into

    from ui.views.economy.sheet_model import COL_AMOUNT

    type_into(qtbot, editor, line_row(editor, "El"), COL_AMOUNT, "750")
    editor.files.choose_print()  # asks before any file dialog: the edit is unsaved
    box = editor.files.save_first_box
    assert box is not None and "ikke er gemt" in box.text()
    box.button(box.StandardButton.Cancel).click()
    assert editor.has_unsaved_changes()  # cancel: still unsaved, nothing printed
    with qtbot.waitSignal(editor.saved, timeout=5_000):
        editor.save_action.trigger()

    path = tmp_path / "overblik.pdf"
    with qtbot.waitSignal(editor.files.print_to(path).finished, timeout=20_000):
        pass
    text = pdf_text(path)
    assert f"Økonomisk overblik {YEAR}" in text
    assert "9.000,00" in text  # El: 12 × 750

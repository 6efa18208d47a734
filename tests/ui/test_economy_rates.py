"""A year without rates says so in the GUI, the PDF and the workbook; the nearest earlier
year's rates apply only once the user confirms; an admin's rates with a source apply at
once (issue 16: "a 2026 sheet with no 2026 rates")."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest
from PySide6.QtWidgets import QApplication

from mentordesk.domain.economy import NORM_ITEMS
from mentordesk.economy import Sheet, SheetLine, export_xlsx, load_sheet, save_sheet
from mentordesk.economy.xlsx_layout import NOTE_ROW, RATES_SHEET, YEAR_SHEET
from mentordesk.kernel.context import Context
from mentordesk.services.citizens import NewCitizen
from ui.views.economy.editor import EconomyEditor
from ui.workspace import load_workspace

CITIZEN, YEAR, TIMEOUT = 1, date.today().year, 5_000
SOURCE = "borger.dk: Gældsstyrelsens rådighedssatser 2026 (fiktiv testkilde)"

pytestmark = pytest.mark.skipif(YEAR <= 2024, reason="needs a year after the shipped rates")


@pytest.fixture
def workspace(database_path, make_database):
    database = make_database(database_path, [
        NewCitizen(first_name="Gitte", last_name="Økonomi", cpr="0101909003")], keep_open=True)
    workspace = load_workspace(database)
    save_sheet(Context(database, workspace.actor), CITIZEN, YEAR, 0, Sheet(
        citizen_id=CITIZEN, year=YEAR, lines=(
            SheetLine.filled("income", "Kontanthjælp", "monthly", 1_350_000),
            SheetLine.filled("expense", "Husleje", "monthly", 650_000, category="rent"))))
    return workspace


@pytest.fixture
def editor(qtbot, workspace, make_ops):
    widget = EconomyEditor(make_ops(workspace))
    qtbot.addWidget(widget)
    widget.resize(1300, 700)
    widget.show()
    with qtbot.waitSignal(widget.loaded, timeout=TIMEOUT):
        widget.show_citizen(CITIZEN)
    return widget


def test_the_gui_says_there_are_no_rates_and_borrows_only_when_confirmed(qtbot, editor,
                                                                          workspace):
    bar = editor.household
    assert bar.rates_label.text() == (
        f"Der er ingen satser for {YEAR}: rådighedsbeløbet er ikke trukket fra.")
    assert editor.model.norm_oere == 0
    assert bar.use_rates_button.isVisible()
    assert bar.use_rates_button.text() == "Brug satserne fra 2024"
    bar.use_rates_button.click()
    # Confirmed: the 2024 rates apply, and the bar says where they come from.
    assert editor.model.norm_oere == 724_000
    assert bar.rates_label.text() == "satser fra 2024"
    assert not bar.use_rates_button.isVisible()
    with qtbot.waitSignal(editor.saved, timeout=TIMEOUT):
        editor.save_action.trigger()
    assert load_sheet(Context(workspace.database, workspace.actor), CITIZEN,
                      YEAR).rates_year == 2024


def test_an_admin_adds_the_years_rates_with_a_source_and_the_sheet_follows(qtbot, editor):
    assert editor.rates_action in editor.toolbar.actions()
    editor.rates_action.trigger()
    dialog = editor.rates_dialog
    qtbot.waitUntil(lambda: "Der er ingen satser" in dialog.message.text(), timeout=TIMEOUT)
    for item, amount in zip(NORM_ITEMS, ("7.500", "5.200", "2.030", "2.600", "3.750"),
                            strict=True):
        dialog.amount_edits[item].setText(amount)
    dialog.save()  # no source: refused, nothing saved
    qtbot.waitUntil(lambda: "Kilde" in dialog.message.text(), timeout=TIMEOUT)
    assert editor.model.norm_oere == 0
    dialog.source_edit.setText(SOURCE)
    with qtbot.waitSignal(editor.loaded, timeout=TIMEOUT):
        dialog.save()
    assert editor.model.norm_oere == 750_000
    assert not editor.household.rates_label.isVisible()
    assert not editor.household.use_rates_button.isVisible()
    QApplication.processEvents()


def test_the_pdf_and_the_workbook_say_so_too(workspace, tmp_path, pdf_text):
    from mentordesk.reports.economy_pdf import export_pdf

    context = Context(workspace.database, workspace.actor)
    text = " ".join(pdf_text(export_pdf(context, CITIZEN, YEAR, tmp_path / "o.pdf")).split())
    assert f"Der er ingen satser for {YEAR}: rådighedsbeløbet er ikke trukket fra" in text
    export_xlsx(context, CITIZEN, YEAR, tmp_path / "o.xlsx")
    book = openpyxl.load_workbook(tmp_path / "o.xlsx")
    assert book[YEAR_SHEET].cell(NOTE_ROW + 1, 10).value == f"ingen satser for {YEAR}"
    assert book[RATES_SHEET]["A1"].value.startswith(f"Ingen satser for {YEAR}")
    # Confirmed: "satser fra 2024" on all three, and the source on the PDF and workbook.
    stored = load_sheet(context, CITIZEN, YEAR)
    save_sheet(context, CITIZEN, YEAR, stored.version, Sheet(
        citizen_id=CITIZEN, year=YEAR, lines=stored.lines, rates_year=2024))
    text = " ".join(pdf_text(export_pdf(context, CITIZEN, YEAR, tmp_path / "p.pdf")).split())
    assert "satser fra 2024 (kilde: borger.dk: Gældsstyrelsens rådighedssatser 2024)" in text
    export_xlsx(context, CITIZEN, YEAR, tmp_path / "p.xlsx")
    book = openpyxl.load_workbook(tmp_path / "p.xlsx")
    assert book[YEAR_SHEET].cell(NOTE_ROW + 1, 10).value == "satser fra 2024"
    assert book[RATES_SHEET]["A1"].value.startswith("Satser fra 2024")
    assert "borger.dk: Gældsstyrelsens rådighedssatser 2024" in [
        cell.value for row in book[RATES_SHEET].iter_rows() for cell in row]

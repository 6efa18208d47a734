"""The two views side by side in the sheet: the everyday budget (actual items) and the
ability to pay by the public method, and the marks that keep it from counting twice."""

from __future__ import annotations

from test_economy_sheet import (  # noqa: F401 - helpers, and the fixtures
    CITIZEN,
    JAN,
    YEAR,
    editor,
    line_row,
    summary_cell,
    workspace,
)

from mentordesk.economy import DebtInput, create_debt, load_sheet
from mentordesk.kernel.context import Context

TIMEOUT = 5_000


def test_marking_an_item_covered_by_the_norm_raises_the_ability_not_the_budget(
        qtbot, editor):  # noqa: F811
    # Income 13.500; rent 6.500 and el 600 are deducted beside the 7.240 norm: −840.
    assert summary_cell(editor, "disposable", JAN) == "6.400,00"
    assert summary_cell(editor, "ability", JAN) == "-840,00"
    editor.view.go_to(line_row(editor, "El"), 0)
    assert editor.budget_marks.covered_action.isEnabled()
    editor.budget_marks.covered_action.trigger()
    # The norm pays for it now: the ability no longer deducts the 600, the budget does.
    assert summary_cell(editor, "ability", JAN) == "-240,00"
    assert summary_cell(editor, "disposable", JAN) == "6.400,00"
    assert summary_cell(editor, "deductions", JAN) == "6.500,00"
    editor.model.undo_stack.undo()
    assert summary_cell(editor, "ability", JAN) == "-840,00"


def test_a_line_linked_to_a_debt_is_saved_and_counted_once(qtbot, editor, workspace):  # noqa: F811
    context = Context(workspace.database, workspace.actor)
    phone = create_debt(context, CITIZEN, DebtInput(
        creditor="Teleselskabet (fiktiv)", debt_type="phone_internet", balance_oere=400_000,
        agreed_payment_oere=60_000)).value
    with qtbot.waitSignal(editor.loaded, timeout=TIMEOUT):
        editor.reload()
    line = editor.model.line_at(line_row(editor, "El"))
    editor.budget_marks.link(line, phone.id)
    # The 600 is the phone agreement's instalment: the plan pays it, so the ability to
    # pay does not deduct it as well (−840 + 600 = −240).
    assert summary_cell(editor, "ability", JAN) == "-240,00"
    with qtbot.waitSignal(editor.saved, timeout=TIMEOUT):
        editor.save_action.trigger()
    stored = load_sheet(context, CITIZEN, YEAR)
    assert [ln.debt_id for ln in stored.lines if ln.label == "El"] == [phone.id]


def test_summary_titles_fit_the_item_column_and_say_the_whole_name_on_hover(
        qtbot, editor):  # noqa: F811
    """At 1366 px the item column keeps its width; the summary rows' titles fit it in
    their own font (none is cut to "…") and the whole name is the tooltip."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QFontMetrics

    from ui.views.economy.sheet_model import COL_LABEL

    view, model = editor.view, editor.model
    room = view.columnWidth(COL_LABEL) - 8  # the cell's own margins
    for key in ("disposable", "per_day", "balance", "norm", "deductions", "ability"):
        index = model.index(model.summary_row(key), COL_LABEL)
        font = index.data(Qt.ItemDataRole.FontRole) or view.font()
        width = QFontMetrics(font).horizontalAdvance(index.data())
        assert width <= room, f"{index.data()!r} is cut in the item column"
    tips = {key: model.index(model.summary_row(key), COL_LABEL).data(
        Qt.ItemDataRole.ToolTipRole) for key in ("disposable", "norm", "deductions", "ability")}
    assert tips == {"disposable": "Rådighedsbeløb pr. måned (budget, faktiske poster)",
                    "norm": "Offentlig metode: rådighedsbeløb (norm) pr. måned",
                    "deductions": "Bolig, bidrag, særlige udgifter, offentlig gæld",
                    "ability": "Betalingsevne (offentlig metode)"}

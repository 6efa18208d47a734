"""A record table's columns: as wide as their text (as Qt itself would size them), a long
text capped, and a long list measured from a sample spread over it, with its looks asked
once per row."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ui.views.common.record_table import (
    MAX_COLUMN_WIDTH,
    RecordTableModel,
    RowLook,
    TableColumn,
    longest_texts,
    record_table,
)

TITLES = ("Borger", "Leveret", "Status", "Note")


def table_of(qtbot, rows, look=None):
    model = RecordTableModel([TableColumn(title, lambda row, i=i: row[i])
                              for i, title in enumerate(TITLES)], look)
    table = record_table(model)
    qtbot.addWidget(table)
    table.resize(1200, 400)
    table.show()
    model.set_rows(rows)
    return model, table


def widths(table) -> list[int]:
    return [table.horizontalHeader().sectionSize(column) for column in range(len(TITLES))]


def test_columns_are_as_wide_as_qt_would_make_them_and_a_long_text_is_capped(qtbot):
    rows = [("Anne Æbelø Sørensen", "12,5 t", "Under (2,5 t mangler)", "kort"),
            ("Bo", "1 t", "en meget lang bemærkning " * 30, "")] * 20
    _, table = table_of(qtbot, rows)
    fitted = widths(table)[:3]  # the last column stretches to the table's edge

    table.resizeColumnsToContents()
    assert fitted == [min(width, MAX_COLUMN_WIDTH) for width in widths(table)[:3]]
    assert fitted[2] == MAX_COLUMN_WIDTH


def test_a_long_name_far_down_a_long_list_still_widens_its_column(qtbot):
    rows = [(f"Borger {number}", "1 t", "Inden for", "") for number in range(2500)]
    rows[2400] = ("Anne-Margrethe Æbelø Sørensen-Kristiansen", "1 t", "Inden for", "")
    _, table = table_of(qtbot, rows)
    needed = table.fontMetrics().horizontalAdvance(rows[2400][0])
    assert table.horizontalHeader().sectionSize(0) > needed


def test_the_longest_name_is_never_cut_though_it_falls_between_the_sampled_rows(qtbot):
    rows = [(f"Borger {number}", "1 t", "Inden for", "") for number in range(2500)]
    rows[2401] = ("Charlotte Vestergaard-Kristiansen", "1 t", "Inden for", "")  # unsampled
    _, table = table_of(qtbot, rows)
    needed = table.fontMetrics().horizontalAdvance(rows[2401][0])
    assert table.horizontalHeader().sectionSize(0) > needed


def test_a_rows_look_is_worked_out_once_however_often_it_is_painted(qtbot):
    asked: list[str] = []

    def look(row) -> RowLook:
        asked.append(row[0])
        return RowLook("#fde2e1", "#8a1c1c", "Under")

    model, table = table_of(qtbot, [("Anne", "1 t", "Under", "")], look)
    for role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole,
                 Qt.ItemDataRole.ToolTipRole):
        for column in range(len(TITLES)):
            model.index(0, column).data(role)
    table.viewport().repaint()
    assert asked == ["Anne"]
    assert model.index(0, 2).data(Qt.ItemDataRole.ToolTipRole) == "Under"


def test_a_list_measured_where_it_was_built_is_fitted_the_same(qtbot):
    """The Timer page measures its long lists' texts on the worker: the widths it gets are
    those the table would work out itself."""
    rows = [(f"Borger {number}", "1 t", "Inden for", "") for number in range(2500)]
    rows[2401] = ("Charlotte Vestergaard-Kristiansen", "12 t 30 min", "Inden for", "")
    model, table = table_of(qtbot, rows)
    by_itself = widths(table)
    columns = [TableColumn(title, lambda row, i=i: row[i]) for i, title in enumerate(TITLES)]
    measured = longest_texts(columns, rows)
    assert measured[:2] == (2401, 2401)
    model.set_rows([])
    model.set_rows(rows, measured)
    assert widths(table) == by_itself

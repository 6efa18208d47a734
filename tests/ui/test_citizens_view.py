"""The Borgere area: search as you type, Danish sorting, masked summary, lazy list."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit

from mentordesk.domain.codes import CitizenStatus
from mentordesk.kernel.context import Context
from mentordesk.services.assignments import PRIMARY, SUBSTITUTE, assign_mentor
from mentordesk.services.citizens import NewCitizen, list_citizens
from mentordesk.services.team import NewUser, create_user, resolve_actor
from mentordesk.vault import current_login
from ui.models.citizens_table_model import CHUNK, CitizensTableModel, Column
from ui.models.danish_sort_proxy import DanishSortProxyModel
from ui.views.citizens.citizens_view import CitizensView
from ui.workspace import load_workspace

# Fictitious people and CPR numbers.
CITIZENS = [
    NewCitizen(first_name="Åse", last_name="Holm", cpr="0101909001",
               status=CitizenStatus.ACTIVE, address="Havnegade 1", phone="12345678"),
    NewCitizen(first_name="Øjvind", last_name="Lund", cpr="0202858002"),
    NewCitizen(first_name="Æbelø", last_name="Krog", cpr="0303807003"),
    NewCitizen(first_name="Anders", last_name="Berg", cpr="0404758004",
               status=CitizenStatus.ACTIVE),
    NewCitizen(alias="Fuglen"),
]


@pytest.fixture
def widgets(qtbot, runner, make_database):
    """Widgets closed only once the worker is idle and before the database closes: a
    result arriving for a closed widget would fail (pytest-qt closes ``addWidget``
    widgets before any fixture teardown, so they are not registered there)."""
    opened: list = []
    yield opened
    qtbot.waitUntil(runner.is_idle, timeout=5_000)
    for widget in opened:
        widget.close()
        widget.deleteLater()


@pytest.fixture
def view(qtbot, widgets, database_path, make_database, make_ops):
    database = make_database(database_path, CITIZENS, keep_open=True)
    citizens_view = CitizensView(make_ops(load_workspace(database)))
    widgets.append(citizens_view)
    citizens_view.show()
    qtbot.waitUntil(lambda: citizens_view.model.total_count() == len(CITIZENS), timeout=5_000)
    return citizens_view


def wait_for_names(qtbot, view, expected: list[str]) -> None:
    qtbot.waitUntil(lambda: view.visible_names() == expected, timeout=5_000)


def test_lists_all_citizens_in_danish_order_with_count(view):
    assert view.visible_names() == [
        "Anders Berg", "Fuglen (anonym)", "Æbelø Krog", "Øjvind Lund", "Åse Holm",
    ]
    assert view.count_label.text() == "5 borgere"


def test_search_as_you_type_shows_only_matches(qtbot, view):
    qtbot.keyClicks(view.search_edit, "lund")

    wait_for_names(qtbot, view, ["Øjvind Lund"])
    assert view.count_label.text() == "1 borger"


def test_search_by_last_four_cpr_digits(qtbot, view):
    qtbot.keyClicks(view.search_edit, "7003")

    wait_for_names(qtbot, view, ["Æbelø Krog"])


def test_search_is_debounced(qtbot, view):
    with qtbot.waitSignal(view.rows_loaded, timeout=5_000) as loaded:
        qtbot.keyClicks(view.search_edit, "Anders")
    # One search for the whole word, not one per keystroke.
    assert loaded.args == [1]
    with qtbot.assertNotEmitted(view.rows_loaded, wait=400):
        pass


def test_status_filter(qtbot, view):
    view.status_combo.setCurrentIndex(view.status_combo.findData(CitizenStatus.ACTIVE.value))

    wait_for_names(qtbot, view, ["Anders Berg", "Åse Holm"])
    assert view.status_combo.currentText() == "Aktiv"


def test_danish_sort_order_descending_and_by_clicking_header(qtbot, view):
    view.table.sortByColumn(Column.NAME, Qt.SortOrder.DescendingOrder)

    assert view.visible_names() == [
        "Åse Holm", "Øjvind Lund", "Æbelø Krog", "Fuglen (anonym)", "Anders Berg",
    ]


def test_proxy_orders_ae_oe_aa_after_z():
    model = CitizensTableModel()
    from mentordesk.services.citizens import CitizenRow

    names = ["Åse", "Zenia", "Øjvind", "Æbelø", "anders"]
    model.set_rows([
        CitizenRow(id=i, name=name, alias="", is_anonymous=False, cpr_masked="",
                   status_code=CitizenStatus.ACTIVE.value, primary_mentor="")
        for i, name in enumerate(names)
    ])
    proxy = DanishSortProxyModel()
    proxy.setSourceModel(model)
    proxy.sort(Column.NAME, Qt.SortOrder.AscendingOrder)

    ordered = [proxy.index(row, 0).data() for row in range(proxy.rowCount())]
    assert ordered == ["anders", "Zenia", "Æbelø", "Øjvind", "Åse"]


def record_texts(view) -> str:
    """Every text the record shows in labels and fields."""
    widgets = view.record.findChildren(QLabel) + view.record.findChildren(QLineEdit)
    return " ".join(widget.text() for widget in widgets)


def test_selecting_a_row_shows_the_record_with_masked_cpr_only(qtbot, view):
    qtbot.keyClicks(view.search_edit, "Åse")
    wait_for_names(qtbot, view, ["Åse Holm"])

    with qtbot.waitSignal(view.record_loaded, timeout=5_000):
        view.table.selectRow(0)

    record, overview = view.record, view.record.overview
    assert record.name_label.text() == "Åse Holm"
    assert not record.anonymous_badge.isVisible()
    assert overview.cpr_label.text() == "010190-xxxx"
    assert overview.status_combo.currentText() == "Aktiv"
    assert overview.fields["address"].text() == "Havnegade 1"
    assert "9001" not in record_texts(view)
    assert "0101909001" not in " ".join(view.visible_names())


def test_anonymous_citizen_is_marked(qtbot, view):
    qtbot.keyClicks(view.search_edit, "Fuglen")
    wait_for_names(qtbot, view, ["Fuglen (anonym)"])
    index = view.proxy.index(0, Column.NAME)

    assert index.data(Qt.ItemDataRole.FontRole).italic()
    assert "§99" in index.data(Qt.ItemDataRole.ToolTipRole)
    with qtbot.waitSignal(view.record_loaded, timeout=5_000):
        view.table.selectRow(0)
    assert view.record.name_label.text() == "Fuglen"
    assert view.record.anonymous_badge.isVisible()
    assert view.record.anonymous_badge.text() == "Anonym (§99)"
    assert view.record.overview.cpr_label.text() == "Intet (anonym, §99)"
    assert not view.record.overview.reveal_button.isEnabled()


def test_model_hands_rows_to_the_view_in_chunks():
    from mentordesk.services.citizens import CitizenRow

    model = CitizensTableModel()
    total = CHUNK * 2 + 17
    model.set_rows([
        CitizenRow(id=i, name=f"Borger {i}", alias="", is_anonymous=False,
                   cpr_masked="xxxxxx-xxxx", status_code=CitizenStatus.WAITING.value,
                   primary_mentor="")
        for i in range(total)
    ])

    assert model.rowCount() == CHUNK
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == CHUNK * 2
    proxy = DanishSortProxyModel()
    proxy.setSourceModel(model)
    proxy.sort(Column.CPR, Qt.SortOrder.AscendingOrder)  # not the natural order: load all
    assert model.rowCount() == total == proxy.rowCount()
    assert not model.canFetchMore()


def test_filter_by_mentor_legal_basis_and_my_citizens(qtbot, widgets, database_path,
                                                      make_database, make_ops):
    database = make_database(database_path, CITIZENS, keep_open=True)
    admin = resolve_actor(database, current_login())
    create_user(Context(database, admin), NewUser(login="mona", full_name="Mona Mentor"))
    mona = resolve_actor(database, "mona")
    ids = {row.display_name: row.id for row in list_citizens(Context(database, admin))}
    assign_mentor(Context(database, admin), ids["Åse Holm"], mona.user_id, PRIMARY)
    assign_mentor(Context(database, admin), ids["Øjvind Lund"], mona.user_id, SUBSTITUTE)
    assign_mentor(Context(database, admin), ids["Anders Berg"], admin.user_id, PRIMARY)
    coordinator_view = CitizensView(make_ops(load_workspace(database)))
    widgets.append(coordinator_view)
    bar = coordinator_view.filter_bar
    qtbot.waitUntil(lambda: bar.mentor_combo.findData(mona.user_id) > 0, timeout=5_000)

    bar.mentor_combo.setCurrentIndex(bar.mentor_combo.findData(mona.user_id))
    wait_for_names(qtbot, coordinator_view, ["Øjvind Lund", "Åse Holm"])
    assert coordinator_view.proxy.index(1, Column.MENTOR).data() == "Mona Mentor"

    bar.mine_check.setChecked(True)  # a coordinator's own caseload
    wait_for_names(qtbot, coordinator_view, ["Anders Berg"])
    assert not bar.mentor_combo.isEnabled()
    bar.mine_check.setChecked(False)
    bar.basis_combo.setCurrentIndex(bar.basis_combo.findData("SEL §85"))
    wait_for_names(qtbot, coordinator_view, [])  # nobody holds a §85 grant yet


def test_a_mentor_sees_only_their_caseload_without_the_my_citizens_toggle(
        qtbot, widgets, database_path, make_database, make_ops):
    database = make_database(database_path, CITIZENS, keep_open=True)
    admin = resolve_actor(database, current_login())
    create_user(Context(database, admin), NewUser(login="mona", full_name="Mona Mentor"))
    mona = resolve_actor(database, "mona")
    ids = {row.display_name: row.id for row in list_citizens(Context(database, admin))}
    assign_mentor(Context(database, admin), ids["Fuglen"], mona.user_id, PRIMARY)

    mentor_view = CitizensView(make_ops(load_workspace(database, "mona")))
    widgets.append(mentor_view)
    mentor_view.show()

    wait_for_names(qtbot, mentor_view, ["Fuglen (anonym)"])
    assert not mentor_view.filter_bar.mine_check.isVisible()


# -- the keyboard path from the search field into a record ------------------------------


def focus_search(qtbot, view) -> None:
    view.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view, timeout=5_000)
    view.search_edit.setFocus()
    qtbot.waitUntil(view.search_edit.hasFocus, timeout=5_000)


def first_name_field(view) -> QLineEdit:
    return view.record.overview.fields["first_name"]


def test_down_from_the_search_field_selects_the_first_result(qtbot, view):
    focus_search(qtbot, view)
    qtbot.keyClicks(view.search_edit, "ø")
    wait_for_names(qtbot, view, ["Æbelø Krog", "Øjvind Lund"])

    with qtbot.waitSignal(view.record_loaded, timeout=5_000):
        qtbot.keyClick(view.search_edit, Qt.Key.Key_Down)

    assert view.table.hasFocus()
    assert view.record.name_label.text() == "Æbelø Krog"
    with qtbot.waitSignal(view.record_loaded, timeout=5_000):
        qtbot.keyClick(view.table, Qt.Key.Key_Down)
    assert view.record.name_label.text() == "Øjvind Lund"

    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    qtbot.waitUntil(first_name_field(view).hasFocus, timeout=5_000)
    assert first_name_field(view).text() == "Øjvind"


def test_enter_in_the_search_field_opens_the_only_result(qtbot, view):
    focus_search(qtbot, view)
    qtbot.keyClicks(view.search_edit, "Åse")
    # At once, without waiting for the search pause: the answer is awaited.
    qtbot.keyClick(view.search_edit, Qt.Key.Key_Return)

    qtbot.waitUntil(first_name_field(view).hasFocus, timeout=5_000)
    assert view.visible_names() == ["Åse Holm"]
    assert view.record.name_label.text() == "Åse Holm"
    assert first_name_field(view).text() == "Åse"


def test_enter_in_the_search_field_opens_the_selected_result(qtbot, view):
    focus_search(qtbot, view)
    with qtbot.waitSignal(view.record_loaded, timeout=5_000):
        view.table.selectRow(1)
    assert view.record.name_label.text() == "Fuglen"
    view.search_edit.setFocus()
    qtbot.waitUntil(view.search_edit.hasFocus, timeout=5_000)

    qtbot.keyClick(view.search_edit, Qt.Key.Key_Enter)

    alias = view.record.overview.fields["alias"]
    qtbot.waitUntil(alias.hasFocus, timeout=5_000)
    assert alias.text() == "Fuglen"


def test_enter_with_several_results_and_none_chosen_stays_in_the_search(qtbot, view):
    focus_search(qtbot, view)
    qtbot.keyClicks(view.search_edit, "ø")
    wait_for_names(qtbot, view, ["Æbelø Krog", "Øjvind Lund"])

    qtbot.keyClick(view.search_edit, Qt.Key.Key_Return)

    assert view.search_edit.hasFocus()
    assert view.record.citizen_id is None

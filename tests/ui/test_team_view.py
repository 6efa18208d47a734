"""The Team page: admins add and edit users (with a stale-edit conflict), others only read."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from mentordesk.domain.codes import Role
from mentordesk.kernel.context import Context
from mentordesk.services.team import NewUser, create_user, list_users, update_user
from ui.views.common.conflict_dialog import ConflictDialog
from ui.views.team import create_page
from ui.workspace import load_workspace

TIMEOUT = 5_000


def make_page(qtbot, widgets, database, make_ops, login=None):
    page = create_page(make_ops(load_workspace(database, login)), "Team")
    widgets.append(page)
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.show()
    return page


def member(database, admin, login):
    return next(m for m in list_users(Context(database, admin)) if m.login == login)


@pytest.fixture
def widgets(qtbot, runner, database):
    """Widgets closed only once the worker is idle and before the database closes: a
    result arriving for a closed widget would fail (pytest-qt closes ``addWidget``
    widgets before any fixture teardown, so they are not registered there)."""
    opened: list = []
    yield opened
    qtbot.waitUntil(runner.is_idle, timeout=TIMEOUT)
    for widget in opened:
        widget.close()
        widget.deleteLater()


@pytest.fixture
def page(qtbot, widgets, database, make_ops):
    return make_page(qtbot, widgets, database, make_ops)


def test_admin_creates_a_user_with_the_keyboard(qtbot, page, database, admin):
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page, timeout=TIMEOUT)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = page.dialog
    qtbot.keyClicks(dialog.login_edit, "mona.m")
    qtbot.keyClicks(dialog.name_edit, "Mona Mentor")
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findText("Koordinator"))
    qtbot.keyClicks(dialog.hours_edit, "37,5")
    dialog.volunteer_check.setChecked(True)

    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        qtbot.keyClick(dialog.hours_edit, Qt.Key.Key_Return)

    saved = member(database, admin, "mona.m")
    assert (saved.role, saved.weekly_capacity_minutes, saved.is_volunteer) == (
        Role.COORDINATOR, 2250, True)
    row = page.names().index("Mona Mentor")
    assert [page.model.index(row, column).data() for column in range(7)] == [
        "Mona Mentor", "mona.m", "Koordinator", "37,5 t", "0", "Ja", "Ja"]


def test_bad_hours_and_last_admin_are_refused_in_the_dialog(qtbot, page, database, admin):
    page.table.selectRow(0)
    page.edit_selected()
    dialog = page.dialog
    dialog.hours_edit.setText("mange")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.error_label.text() == "Timer pr. uge skal være et tal, fx 37 eller 7,5."

    dialog.hours_edit.setText("30")
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findText("Mentor"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: "administrator" in dialog.error_label.text(), timeout=TIMEOUT)
    assert dialog.isVisible()
    assert member(database, admin, admin.login).role is Role.ADMIN


def test_stale_user_edit_opens_the_conflict_dialog(qtbot, page, database, admin):
    create_user(Context(database, admin), NewUser(login="mona", full_name="Mona Mentor"))
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.refresh()
    page.table.selectRow(page.names().index("Mona Mentor"))
    page.edit_selected()
    dialog = page.dialog
    dialog.name_edit.setText("Mona Møller")
    loaded = member(database, admin, "mona")
    update_user(Context(database, admin), loaded.id, loaded.version, {"full_name": "Mona M. <b>"},
                loaded.editable())

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: _conflict_dialog(dialog) is not None, timeout=TIMEOUT)
    conflict = _conflict_dialog(dialog)
    [choice] = conflict.choices
    assert choice.value() == "Mona M. <b>\n\nMona Møller"
    choice.use_mine.click()
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        qtbot.mouseClick(conflict.save_button, Qt.MouseButton.LeftButton)
    assert member(database, admin, "mona").full_name == "Mona Møller"


def _conflict_dialog(parent):
    found = [child for child in parent.findChildren(ConflictDialog) if child.isVisible()]
    return found[0] if found else None


def test_non_admins_only_read_the_team(qtbot, widgets, database, admin, make_ops):
    create_user(Context(database, admin), NewUser(login="kim", full_name="Kim Koordinator",
                                         role=Role.COORDINATOR))
    page = make_page(qtbot, widgets, database, make_ops, login="kim")

    assert not page.new_button.isVisibleTo(page) and not page.edit_button.isVisibleTo(page)
    assert sorted(page.names()) == sorted(["Kim Koordinator", admin.full_name])
    page.table.selectRow(0)
    page.edit_selected()
    assert page.dialog is None


def test_the_team_shows_who_has_a_key_and_who_has_an_unused_code(qtbot, page, database,
                                                                  admin, make_ops):
    """As ``mentordesk users DB list``: a key of one's own, a one-time code not used yet,
    or no key at all (the person cannot open the database yet)."""
    from mentordesk.security.people import enrol_person

    context = Context(database, admin)
    create_user(context, NewUser(login="kim", full_name="Kim Koordinator",
                                 role=Role.COORDINATOR))
    create_user(context, NewUser(login="mona", full_name="Mona Mentor", role=Role.MENTOR))
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.refresh()
    column = [page.model.headerData(i, Qt.Orientation.Horizontal)
              for i in range(page.model.columnCount())].index("Nøgle")

    def key_of(name: str) -> str:
        return page.model.index(page.names().index(name), column).data()

    assert key_of(admin.full_name) == "Egen nøgle"
    assert key_of("Kim Koordinator") == key_of("Mona Mentor") == "Ingen nøgle"

    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page._ops.run(enrol_person, "kim", owner=page)  # as "Engangskode…" does
    assert key_of("Kim Koordinator") == "Engangskode ikke brugt endnu"
    assert key_of("Mona Mentor") == "Ingen nøgle"

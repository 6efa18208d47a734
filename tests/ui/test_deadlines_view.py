"""The Frister dashboard: an overdue first contact in red that goes when a contact is logged.

Fictitious citizens; grants and contacts are written with the ORM so this test does not
depend on the grants or contacts screens.
"""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from sqlalchemy import select

from mentordesk.domain.codes import CitizenStatus, Role
from mentordesk.kernel.changes import Changes, Kind
from mentordesk.kernel.context import Context
from mentordesk.services.citizens import NewCitizen, create_citizen
from mentordesk.storage.models import Assignment, Contact, Grant, LegalBasis, User
from ui.views import deadlines as deadlines_area
from ui.views.deadlines import DeadlinesPage
from ui.views.deadlines.deadlines_model import Column
from ui.workspace import load_workspace

TODAY = date.today()
HOSTILE = "<b>Bo</b> & =SUM(A1) 🙂"


@pytest.fixture
def database(database_path, make_database):
    return make_database(database_path, keep_open=True)


@pytest.fixture
def workspace(database):
    return load_workspace(database)


def add_case(database, actor, name: str, *, grant_start: date) -> int:
    first, last = name.rsplit(" ", 1)
    citizen_id = create_citizen(Context(database, actor), NewCitizen(
        first_name=first, last_name=last, status=CitizenStatus.ACTIVE)).value
    with database.session() as session:
        basis = session.scalar(select(LegalBasis.id).where(LegalBasis.code == "SEL §85"))
        session.add(Grant(citizen_id=citizen_id, legal_basis_id=basis, start_on=grant_start))
        session.add(Assignment(citizen_id=citizen_id, user_id=actor.user_id, kind="primary",
                               start_on=grant_start))
    return citizen_id


def log_contact(database, citizen_id: int, mentor_id: int) -> None:
    with database.session() as session:
        session.add(Contact(citizen_id=citizen_id, mentor_id=mentor_id, contact_on=TODAY,
                            start_time=time(9, 30), duration_minutes=45, form="home_visit"))


def open_page(qtbot, workspace, make_ops) -> DeadlinesPage:
    page = deadlines_area.create_page(make_ops(workspace), "Frister")
    assert isinstance(page, DeadlinesPage)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.deadlines_loaded, timeout=5_000):
        page.show()  # shown = loaded
    return page


def cell(page: DeadlinesPage, row: int, column: Column, role=Qt.ItemDataRole.DisplayRole):
    return page.model.index(row, column).data(role)


def test_overdue_first_contact_is_red_and_goes_when_a_contact_is_logged(
        qtbot, database, workspace, make_ops):
    actor = workspace.actor
    citizen_id = add_case(database, actor, f"{HOSTILE} Holm", grant_start=TODAY - timedelta(14))

    page = open_page(qtbot, workspace, make_ops)

    assert page.team_button.isChecked()  # an admin starts on the team view
    assert page.model.rowCount() == 1
    due = TODAY - timedelta(days=4)
    assert cell(page, 0, Column.DUE) == f"{due:%d-%m-%Y} (4 dage over)"
    assert cell(page, 0, Column.CITIZEN) == f"{HOSTILE} Holm"  # literally, no markup
    assert cell(page, 0, Column.KIND) == "Første kontakt efter bevilling"
    assert cell(page, 0, Column.MENTOR) == actor.full_name
    assert cell(page, 0, Column.DETAIL) == "SEL §85"
    for column in Column:
        assert cell(page, 0, column, Qt.ItemDataRole.ForegroundRole) == QColor("#b00020")
    assert page.count_label.text() == "1 frist · 1 overskredet"

    with qtbot.waitSignal(page.citizen_requested, timeout=2_000) as requested:
        page.table.doubleClicked.emit(page.model.index(0, Column.CITIZEN))
    assert requested.args == [citizen_id]

    log_contact(database, citizen_id, actor.user_id)
    with qtbot.waitSignal(page.deadlines_loaded, timeout=5_000) as loaded:
        page.refresh_button.click()
    assert loaded.args == [0]
    assert page.model.rowCount() == 0
    assert page.count_label.text() == "Ingen frister de næste 60 dage"


def test_due_soon_is_bold_not_red_and_f5_and_announced_changes_refresh(
        qtbot, database, workspace, make_ops, hub):
    actor = workspace.actor
    add_case(database, actor, "Åse Ærø", grant_start=TODAY - timedelta(days=9))  # due tomorrow
    page = open_page(qtbot, workspace, make_ops)
    assert cell(page, 0, Column.DUE).endswith("(i morgen)")
    assert cell(page, 0, Column.CITIZEN, Qt.ItemDataRole.ForegroundRole) is None
    bold = cell(page, 0, Column.DUE, Qt.ItemDataRole.FontRole)
    monday = TODAY - timedelta(days=TODAY.weekday())
    assert (bold is not None and bold.bold()) == (TODAY + timedelta(1) <= monday + timedelta(6))

    add_case(database, actor, "Bo Berg", grant_start=TODAY - timedelta(days=30))
    page.table.setFocus()
    with qtbot.waitSignal(page.deadlines_loaded, timeout=5_000) as loaded:
        qtbot.keyClick(page.table, Qt.Key.Key_F5)
    assert loaded.args == [2]
    assert [cell(page, row, Column.CITIZEN) for row in range(2)] == ["Bo Berg", "Åse Ærø"]

    # Hidden, the page reads nothing; a change announced meanwhile is read when it is shown.
    page.hide()
    cai = add_case(database, actor, "Cai Cruz", grant_start=TODAY - timedelta(days=30))
    with qtbot.assertNotEmitted(page.deadlines_loaded, wait=300):
        hub.publish(Changes.of(Kind.GRANTS, citizen=cai))
    with qtbot.waitSignal(page.deadlines_loaded, timeout=5_000) as loaded:
        page.show()
    assert loaded.args == [3]
    # Shown again with nothing changed: no recount.
    page.hide()
    with qtbot.assertNotEmitted(page.deadlines_loaded, wait=300):
        page.show()


def test_mentor_sees_only_own_caseload_without_team_toggle(qtbot, database, make_database,
                                                           make_ops):
    admin_workspace = load_workspace(database)
    with database.session() as session:
        session.add(User(login="mona.m", full_name="Mona Mentor", role=Role.MENTOR.value))
    mentor_workspace = load_workspace(database, "mona.m")
    mine = add_case(database, admin_workspace.actor, "Egen Borger",
                    grant_start=TODAY - timedelta(days=20))
    add_case(database, admin_workspace.actor, "Anden Borger",
             grant_start=TODAY - timedelta(days=20))
    with database.session() as session:
        session.add(Assignment(citizen_id=mine, user_id=mentor_workspace.actor.user_id,
                               kind="substitute", start_on=TODAY - timedelta(days=1)))

    page = open_page(qtbot, mentor_workspace, make_ops)

    assert page.mine_button.isChecked() and not page.team_button.isVisible()
    assert [cell(page, row, Column.CITIZEN) for row in range(page.model.rowCount())] == [
        "Egen Borger"]
    page.table.selectRow(0)
    with qtbot.waitSignal(page.citizen_requested, timeout=2_000) as requested:
        page.open_selected_citizen()
    assert requested.args == [mine]

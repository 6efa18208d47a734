"""Rights in the GUI: the access package, and deleting a closed case only after typing
the citizen's name."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import pytest

from mentordesk.domain.codes import Role
from mentordesk.kernel.context import Context
from mentordesk.services.citizens import NewCitizen, create_citizen, list_citizens
from mentordesk.services.team import NewUser, create_user
from mentordesk.storage.models import Citizen
from ui.views.audit import create_page
from ui.views.rights import create_citizen_tab
from ui.workspace import load_workspace

TIMEOUT = 10_000


@pytest.fixture
def widgets(qtbot, runner, database):
    opened: list = []
    yield opened
    qtbot.waitUntil(runner.is_idle, timeout=TIMEOUT)
    for widget in opened:
        widget.close()
        widget.deleteLater()


@pytest.fixture
def closed_case(database, admin):
    citizen_id = create_citizen(Context(database, admin), NewCitizen(first_name="Carla",
                                                            last_name="Lukket")).value
    create_citizen(Context(database, admin), NewCitizen(first_name="Dan", last_name="Aktiv"))
    with database.session() as session:
        citizen = session.get(Citizen, citizen_id)
        citizen.status, citizen.closed_on = "closed", date(2015, 6, 1)
    return citizen_id


@pytest.fixture
def panel(qtbot, widgets, database, make_ops, closed_case):
    page = create_page(make_ops(load_workspace(database)), "Log")
    widgets.append(page)
    page.show()
    with qtbot.waitSignal(page.rights.candidates_loaded, timeout=TIMEOUT):
        page.tabs.setCurrentWidget(page.rights)
    return page.rights


def test_deletion_needs_the_typed_name(qtbot, panel, database, admin, closed_case):
    assert panel.table.rowCount() == 1
    assert panel.table.item(0, 0).text() == "Carla Lukket"
    assert panel.table.item(0, 1).text() == "01-06-2015"
    assert not panel.delete_button.isEnabled()
    panel.table.selectRow(0)
    panel.open_delete_dialog()
    dialog = panel.dialog
    qtbot.keyClicks(dialog.name_edit, "Carla")
    assert not dialog.delete_button.isEnabled()
    qtbot.keyClicks(dialog.name_edit, " lukket")
    assert dialog.delete_button.isEnabled()
    with qtbot.waitSignal(panel.deleted, timeout=TIMEOUT):
        dialog.delete_button.click()
    qtbot.waitUntil(lambda: panel.table.rowCount() == 0, timeout=TIMEOUT)
    assert [row.name for row in list_citizens(Context(database, admin))] == ["Dan Aktiv"]
    assert "Sagen blev slettet" in panel.deletion_status.text()


def test_access_package_from_the_panel(qtbot, panel, closed_case, tmp_path: Path):
    out = tmp_path / "pakke.zip"
    with qtbot.waitSignal(panel.exporter.done, timeout=TIMEOUT):
        panel.exporter.export(closed_case, out)
    assert "Indsigtspakken er gemt i pakke.zip" in panel.export_status.text()
    assert "00-oversigt.pdf" in zipfile.ZipFile(out).namelist()
    assert panel.citizen_combo.count() == 2


def test_rights_tab_is_for_coordinators(qtbot, widgets, database, make_ops, admin):
    create_user(Context(database, admin), NewUser("mette", "Mette Mentor", Role.MENTOR))
    tab = create_citizen_tab(make_ops(load_workspace(database, "mette")))
    widgets.append(tab)
    tab.show()
    tab.show_citizen(1)
    assert not tab.export_button.isVisible()

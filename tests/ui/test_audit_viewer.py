"""The Log area: coordinators filter and export the access log and print the monthly
review; mentors see only an explanation."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtWidgets import QLabel

from mentordesk.domain.codes import Role
from mentordesk.kernel.context import Context
from mentordesk.services.citizens import NewCitizen, create_citizen, get_citizen_summary
from mentordesk.services.team import NewUser, create_user
from ui.views.audit import create_page
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
def citizens(database, admin):
    first = create_citizen(Context(database, admin),
                           NewCitizen(first_name="Alma", last_name="Log")).value
    second = create_citizen(Context(database, admin),
                            NewCitizen(first_name="Bent", last_name="Log")).value
    get_citizen_summary(Context(database, admin), first)
    return first, second


def open_page(qtbot, widgets, database, make_ops, login=None):
    page = create_page(make_ops(load_workspace(database, login)), "Log")
    widgets.append(page)
    if page.viewer is not None:
        with qtbot.waitSignal(page.viewer.loaded, timeout=TIMEOUT):
            page.show()
    else:
        page.show()
    return page


def column(viewer, number):
    return [viewer.table.item(row, number).text() for row in range(viewer.table.rowCount())]


def test_coordinator_filters_by_citizen_and_action(qtbot, widgets, database, make_ops,
                                                   citizens):
    first, _second = citizens
    page = open_page(qtbot, widgets, database, make_ops)
    viewer = page.viewer
    assert viewer.table.rowCount() >= 3
    assert viewer.table.horizontalHeaderItem(2).text() == "Handling"
    viewer.citizen_edit.setText(str(first))
    viewer.action_combo.setCurrentIndex(viewer.action_combo.findText("Læst"))
    with qtbot.waitSignal(viewer.loaded, timeout=TIMEOUT):
        viewer.search_button.click()
    assert set(column(viewer, 3)) == {f"Alma Log (nr. {first})"}
    assert set(column(viewer, 2)) == {"Læst"}
    assert viewer.status_label.text() == f"{viewer.table.rowCount()} af " \
        f"{viewer.table.rowCount()} hændelser"


def test_bad_citizen_number_is_explained(qtbot, widgets, database, make_ops, citizens):
    viewer = open_page(qtbot, widgets, database, make_ops).viewer
    viewer.citizen_edit.setText("abc")
    viewer.search_button.click()
    assert viewer.status_label.text() == "Borgernummeret skal være et helt tal."


def test_export_and_review_write_files(qtbot, widgets, database, make_ops, citizens,
                                       tmp_path: Path, pdf_text):
    page = open_page(qtbot, widgets, database, make_ops)
    viewer = page.viewer
    out = tmp_path / "log.xlsx"
    viewer.export_to(out)
    qtbot.waitUntil(lambda: "eksporteret til log.xlsx" in viewer.status_label.text(),
                    timeout=TIMEOUT)
    sheet = openpyxl.load_workbook(out).active
    assert sheet["A1"].value == "Nr." and sheet.max_row > 3
    review = tmp_path / "logkontrol.pdf"
    viewer.log_actions.write_review(date.today().replace(day=1), review)
    qtbot.waitUntil(lambda: viewer.log_actions.last_message != "", timeout=TIMEOUT)
    assert "Logkontrollen er gemt i logkontrol.pdf" in viewer.log_actions.last_message
    assert "Logkontrol" in pdf_text(review)
    viewer.log_actions.message_box.close()


def test_mentor_sees_an_explanation_not_the_log(qtbot, widgets, database, make_ops, admin):
    create_user(Context(database, admin), NewUser("mette", "Mette Mentor", Role.MENTOR))
    page = open_page(qtbot, widgets, database, make_ops, login="mette")
    assert page.viewer is None and page.rights is None
    texts = [label.text() for label in page.findChildren(QLabel)]
    assert any("Kun koordinatorer og administratorer" in text for text in texts)


def test_after_pruning_the_log_is_searched_again(qtbot, widgets, database, make_ops,
                                                 citizens):
    """The change hub announces the changed log; the viewer reads it again (nothing is
    old enough to go here, but the new search is itself logged and shown)."""
    viewer = open_page(qtbot, widgets, database, make_ops).viewer
    searches = column(viewer, 2).count("Søgning")
    with qtbot.waitSignal(viewer.loaded, timeout=TIMEOUT):
        viewer.log_actions.prune()
    assert column(viewer, 2).count("Søgning") == searches + 1
    qtbot.waitUntil(lambda: viewer.log_actions.last_message != "", timeout=TIMEOUT)
    viewer.log_actions.message_box.close()

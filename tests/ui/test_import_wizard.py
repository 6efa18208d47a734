"""The import wizard end to end: file → columns → row errors → fix → import → done.

Fictitious people and CPR numbers; the file is a small csv written by the test.
"""

from __future__ import annotations

import os

import pytest
from PySide6.QtWidgets import QWidget, QWizard

from mentordesk.domain.codes import Role
from mentordesk.importing import ImportField
from mentordesk.kernel.context import Context
from mentordesk.services.citizens import list_citizens
from mentordesk.storage.models import User
from ui.views.importing import ImportWizard, open_import_wizard
from ui.workspace import load_workspace

HOSTILE = '<b>Bo</b> & "Berg" =SUM(A1) 🙂'


@pytest.fixture
def workspace(database_path, make_database):
    database = make_database(database_path, keep_open=True)
    with database.session() as session:
        session.add(User(login="mona.m", full_name="Mona Mentorsen", role=Role.MENTOR.value))
    return load_workspace(database)


@pytest.fixture
def wizard(qtbot, workspace, make_ops) -> ImportWizard:
    import_wizard = ImportWizard(make_ops(workspace))
    qtbot.addWidget(import_wizard)
    import_wizard.show()
    return import_wizard


def write_list(path, second_cpr: str) -> None:
    escaped = HOSTILE.replace('"', '""')
    path.write_text(
        "Navn;CPR;Kontakt;Lovgrundlag;Startdato\n"
        "Åse Ærø;010190-9001;mona.m;SEL §85;01-02-2026\n"
        f'"{escaped}";{second_cpr};Mona Mentorsen;§99;15.03.2026\n',
        encoding="utf-8-sig")


def wait_for_page(qtbot, wizard: ImportWizard, page) -> None:
    qtbot.waitUntil(lambda: wizard.currentPage() is page, timeout=5_000)


def test_import_a_small_csv_end_to_end(qtbot, wizard, workspace, tmp_path):
    csv_file = tmp_path / "teamets liste.csv"
    write_list(csv_file, second_cpr="3213909002")  # a bad CPR number first

    wizard.file_page.path_edit.setText(str(csv_file))
    wizard.button(QWizard.WizardButton.NextButton).click()
    wait_for_page(qtbot, wizard, wizard.mapping_page)

    mapping_page = wizard.mapping_page
    assert [combo.currentText() for combo in mapping_page.combos] == [
        "Navn", "CPR", "Importér ikke", "Lovgrundlag", "Startdato"]
    assert mapping_page.preview_table.item(1, 0).text() == HOSTILE  # shown as typed
    assert mapping_page.preview_table.verticalHeaderItem(1).text() == "3"
    mapping_page.choose_field(0, None)
    assert "borgerens navn" in mapping_page.problems_label.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    mapping_page.choose_field(0, ImportField.NAME)
    mapping_page.choose_field(2, ImportField.MENTOR)
    assert mapping_page.problems_label.text() == ""
    wizard.button(QWizard.WizardButton.NextButton).click()
    wait_for_page(qtbot, wizard, wizard.check_page)

    check_page = wizard.check_page
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    qtbot.waitUntil(lambda: check_page.check() is not None, timeout=5_000)
    assert [check_page.errors_list.item(i).text()
            for i in range(check_page.errors_list.count())] == [
        "Række 3: CPR-nummeret er ugyldigt. CPR-nummeret indeholder ikke en gyldig "
        "fødselsdato."]
    assert "1 række har fejl" in check_page.summary_label.text()
    assert commit.text() == "Importér" and not commit.isEnabled()

    write_list(csv_file, second_cpr="0202909002")  # corrected in the file
    check_page.reload_button.click()
    qtbot.waitUntil(lambda: check_page.check() is not None and check_page.check().ok,
                    timeout=5_000)
    assert check_page.errors_list.count() == 0
    assert check_page.summary_label.text() == (
        "2 borgere er klar til import. 2 med bevilling, 2 med primær mentor.")
    assert commit.isEnabled()

    with qtbot.waitSignal(wizard.imported, timeout=5_000) as imported:
        commit.click()
    assert imported.args == [2]
    wait_for_page(qtbot, wizard, wizard.done_page)
    assert wizard.done_page.summary_label.text().startswith(
        "2 borgere er importeret fra teamets liste.csv.\n2 med bevilling, 2 med primær mentor.")

    rows = list_citizens(Context(workspace.database, workspace.actor))
    assert {(row.display_name, row.primary_mentor) for row in rows} == {
        ("Åse Ærø", "Mona Mentorsen"), (HOSTILE, "Mona Mentorsen")}


def test_a_file_that_is_not_a_spreadsheet_is_refused_on_the_first_page(qtbot, wizard,
                                                                       tmp_path):
    random_file = tmp_path / "tilfældig.xlsx"
    random_file.write_bytes(b"PK\x03\x04" + os.urandom(500))

    wizard.file_page.path_edit.setText(str(random_file))
    wizard.button(QWizard.WizardButton.NextButton).click()

    qtbot.waitUntil(lambda: wizard.file_page.error_label.isVisible(), timeout=5_000)
    assert "er ikke et regneark" in wizard.file_page.error_label.text()
    assert wizard.currentPage() is wizard.file_page
    wizard.file_page.path_edit.setText(str(tmp_path / "en anden.csv"))
    assert not wizard.file_page.error_label.isVisible()


def test_open_import_wizard_opens_a_window_modal_wizard(qtbot, workspace, make_ops):
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()

    open_import_wizard(parent, make_ops(workspace))

    wizards = parent.findChildren(ImportWizard)
    assert len(wizards) == 1 and wizards[0].isVisible()
    assert wizards[0].windowTitle() == "Importér borgerliste"
    wizards[0].reject()


def test_a_mentor_cannot_import(qtbot, workspace, make_ops, tmp_path):
    mentor_workspace = load_workspace(workspace.database, "mona.m")
    import_wizard = ImportWizard(make_ops(mentor_workspace))
    qtbot.addWidget(import_wizard)
    import_wizard.show()
    csv_file = tmp_path / "liste.csv"
    write_list(csv_file, second_cpr="0202909002")
    import_wizard.file_page.path_edit.setText(str(csv_file))
    import_wizard.button(QWizard.WizardButton.NextButton).click()
    wait_for_page(qtbot, import_wizard, import_wizard.mapping_page)
    import_wizard.button(QWizard.WizardButton.NextButton).click()

    check_page = import_wizard.check_page
    qtbot.waitUntil(lambda: check_page.error_label.text() != "", timeout=5_000)
    assert check_page.error_label.text() == "Kun en koordinator kan gøre dette."
    assert check_page.summary_label.text() == ""
    assert not import_wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    assert list_citizens(Context(workspace.database, workspace.actor)) == []

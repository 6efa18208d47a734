"""The Rapporter area: write a draft, preview its pages, approve it (locked), and run a
batch with progress while the GUI keeps ticking. Fictitious data, a real encrypted file."""

from __future__ import annotations

import time
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import select

from mentordesk.domain.codes import CitizenStatus
from mentordesk.kernel.context import Context
from mentordesk.reports.progress import workflow
from mentordesk.services.citizens import NewCitizen, create_citizen
from mentordesk.storage.models import Contact, Goal, Grant, LegalBasis, Partner
from ui.views import reports as reports_area
from ui.views.reports.page import ReportsPage
from ui.workspace import load_workspace

TODAY = date.today()
HOSTILE = "<b>Bo</b> & <img src='x'>"


@pytest.fixture
def database(database_path, make_database):
    return make_database(database_path, keep_open=True)


@pytest.fixture
def workspace(database):
    return load_workspace(database)


def add_case(database, actor, alias: str) -> int:
    citizen_id = create_citizen(Context(database, actor), NewCitizen(alias=alias,
                                                            status=CitizenStatus.ACTIVE)).value
    start = TODAY - timedelta(days=120)
    with database.session() as session:
        basis = session.scalar(select(LegalBasis.id).where(LegalBasis.code == "SEL §99"))
        # The goal and the contacts belong to the grant, as the plan and contact forms set.
        grant = Grant(citizen_id=citizen_id, legal_basis_id=basis, start_on=start,
                      hours_min_minutes=60)
        session.add(grant)
        session.flush()
        session.add(Goal(citizen_id=citizen_id, title=f"Mål for {alias}", start_on=start,
                         grant_id=grant.id))
        for week in range(12):
            session.add(Contact(citizen_id=citizen_id, mentor_id=actor.user_id,
                                contact_on=start + timedelta(weeks=week), duration_minutes=90,
                                form="public_space", grant_id=grant.id))
    return citizen_id


def open_page(qtbot, workspace, make_ops) -> ReportsPage:
    page = reports_area.create_page(make_ops(workspace), "Rapporter")
    assert isinstance(page, ReportsPage)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.editor.reports_loaded, timeout=10_000):
        page.show()
    return page


def test_write_preview_and_approve_a_report(qtbot, database, workspace, make_ops):
    add_case(database, workspace.actor, "Ravnen")
    with database.session() as session:
        session.add(Partner(name="Lægehuset"))
    page = open_page(qtbot, workspace, make_ops)
    editor = page.editor
    assert editor.citizen_combo.currentText() == "Ravnen"
    assert editor.start_edit.text() == f"{TODAY - timedelta(days=120):%d-%m-%Y}"
    assert not editor.save_button.isEnabled()  # nothing to save before a report exists

    with qtbot.waitSignal(editor.report_opened, timeout=10_000):
        editor.new_button.click()
    assert editor.status_label.text() == "Kladde"
    editor.assessment_edit.setPlainText(HOSTILE)
    editor.recommendation_combo.setCurrentIndex(1)
    with qtbot.waitSignal(editor.report_opened, timeout=10_000):
        editor.save_button.click()
    assert editor.report.texts.mentor_assessment == HOSTILE

    with qtbot.waitSignal(editor.preview_shown, timeout=20_000) as shown:
        editor.preview_button.click()
    preview = shown.args[0]
    assert preview.page_count() >= 1 and preview.pdf.startswith(b"%PDF")
    preview.close()

    with qtbot.waitSignal(editor.report_opened, timeout=20_000):
        answer_approval(editor, "Godkend og lås")
    assert editor.status_label.text().startswith("Godkendt af")
    assert editor.assessment_edit.isReadOnly() and not editor.save_button.isEnabled()
    assert editor.sent_button.isEnabled()
    assert editor.reports_list.count() == 1
    assert "Godkendt" in editor.reports_list.item(0).text()

    # Sharing with a partner the citizen has given no consent for is refused.
    editor.partner_combo.setCurrentIndex(editor.partner_combo.findText("Lægehuset"))
    editor.sent_button.click()
    qtbot.waitUntil(lambda: _message_box_text() != "", timeout=10_000)
    assert "samtykke" in _message_box_text()
    assert editor.report.status == "approved"


def answer_approval(editor, answer: str) -> None:
    """Click Godkend, then the button ``answer`` in the question that follows."""
    editor.approve_button.click()
    box = editor.approve_box
    assert box.isVisible()
    button = next(button for button in box.buttons() if button.text() == answer)
    button.click()


def test_approval_asks_first_and_cancel_leaves_the_draft(qtbot, database, workspace, make_ops):
    citizen_id = add_case(database, workspace.actor, "Ravnen")
    page = open_page(qtbot, workspace, make_ops)
    editor = page.editor
    with qtbot.waitSignal(editor.report_opened, timeout=10_000):
        editor.new_button.click()
    version = editor.report.version

    editor.approve_button.click()
    box = editor.approve_box
    assert box.isVisible() and box.isModal()
    assert "låst" in box.text() and "PDF'en fryses" in box.text()
    assert box.defaultButton().text() == "Annuller"  # Enter cannot lock a report
    assert sorted(button.text() for button in box.buttons()) == ["Annuller", "Godkend og lås"]
    box.defaultButton().click()
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=5_000)
    qtbot.wait(300)  # an approval, had one started, would have been written by now
    assert editor.report.status == "draft" and editor.report.version == version
    stored = workflow.list_reports(Context(database, workspace.actor), citizen_id)
    assert [(row.status, row.version) for row in stored] == [("draft", version)]
    assert editor.status_label.text() == "Kladde"
    assert not editor.assessment_edit.isReadOnly() and editor.approve_button.isEnabled()

    with qtbot.waitSignal(editor.report_opened, timeout=20_000):
        answer_approval(editor, "Godkend og lås")
    assert editor.report.status == "approved"
    assert editor.status_label.text().startswith("Godkendt af")


def _message_box_text() -> str:
    boxes = [widget for widget in QApplication.topLevelWidgets()
             if isinstance(widget, QMessageBox) and widget.isVisible()]
    return boxes[0].text() if boxes else ""


def test_batch_shows_progress_and_the_gui_keeps_ticking(qtbot, database, workspace, make_ops,
                                                         tmp_path: Path):
    for number in range(25):
        add_case(database, workspace.actor, f"Borger {number:02d}")
    page = open_page(qtbot, workspace, make_ops)
    panel = page.batch
    assert panel is not None and page.tabs.count() == 2
    page.tabs.setCurrentWidget(panel)
    panel.start_edit.set_date(TODAY - timedelta(days=90))
    panel.out_edit.setText(str(tmp_path / "ud"))
    # The event loop's longest pause while the worker renders: a 10 ms timer's gaps.
    gaps: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]

    def tick() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(10)
    started = time.monotonic()
    with qtbot.waitSignal(panel.batch_finished, timeout=120_000) as finished:
        panel.start_button.click()
    timer.stop()
    result = finished.args[0]
    assert result.reports == 25 and not result.failures
    assert len(list((tmp_path / "ud").glob("*.pdf"))) == 25
    assert panel.progress.value() == panel.progress.maximum() == 25
    assert panel.progress_label.text() == "Færdig: 25 af 25 rapporter blev dannet."
    longest = max(gaps)
    print(f"batch {time.monotonic() - started:.1f} s, longest event-loop gap {longest} ms "
          f"over {len(gaps)} ticks")
    # 100 ms is the target on a quiet machine; the shared test machine adds scheduling
    # delays of its own, so only a gross stall (the GUI frozen by the batch) fails here.
    assert longest < 500


def test_a_report_written_in_another_window_shows_without_overwriting_text(
        qtbot, database, workspace, make_ops):
    """No wiring between the two pages: the change hub alone has the other one list the
    report again, and text being written there stays as typed."""
    add_case(database, workspace.actor, "Ravnen")
    mine, other = open_page(qtbot, workspace, make_ops), open_page(qtbot, workspace, make_ops)
    with qtbot.waitSignal(other.editor.reports_loaded, timeout=10_000):
        mine.editor.new_button.click()
    assert other.editor.reports_list.count() == 1
    other.editor.reports_list.setCurrentRow(0)
    other.editor.assessment_edit.setPlainText("Mit udkast")
    assert other.editor.has_unsaved_changes()

    with qtbot.waitSignal(other.editor.reports_loaded, timeout=20_000):
        answer_approval(mine.editor, "Godkend og lås")
    assert "Godkendt" in other.editor.reports_list.item(0).text()
    assert other.editor.assessment_edit.toPlainText() == "Mit udkast"
    assert other.editor.has_unsaved_changes()


def test_the_grant_picker_offers_the_grants_running_in_the_period_first(
        qtbot, database, workspace, make_ops):
    """A long §85 grant runs through the period; a short §99 grant started later but ended
    before it. The report is about the one running in the period; the ended one is still
    offered, after it and marked."""
    citizen_id = add_case(database, workspace.actor, "Ravnen")  # §99 from 120 days ago
    with database.session() as session:
        grant = session.scalar(select(Grant).where(Grant.citizen_id == citizen_id))
        grant.start_on, grant.end_on = TODAY - timedelta(days=200), TODAY - timedelta(days=150)
        basis = session.scalar(select(LegalBasis.id).where(LegalBasis.code == "SEL §85"))
        session.add(Grant(citizen_id=citizen_id, legal_basis_id=basis,
                          start_on=TODAY - timedelta(days=400), hours_min_minutes=120))
    page = open_page(qtbot, workspace, make_ops)
    editor = page.editor
    editor.start_edit.set_date(TODAY - timedelta(days=90))
    editor.end_edit.set_date(TODAY)

    items = [editor.grant_combo.itemText(i) for i in range(editor.grant_combo.count())]
    assert editor.grant_combo.currentText().startswith("SEL §85")
    assert items[0].startswith("SEL §85") and not items[0].endswith("(ikke i perioden)")
    assert items[1].startswith("SEL §99") and items[1].endswith("(ikke i perioden)")

    editor.start_edit.set_date(TODAY - timedelta(days=180))  # now both run in the period
    assert editor.grant_combo.currentText().startswith("SEL §85")  # the choice is kept
    assert not any(editor.grant_combo.itemText(i).endswith("(ikke i perioden)")
                   for i in range(editor.grant_combo.count()))

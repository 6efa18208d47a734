"""Printing from the report preview, driven without the modal print dialog: a QPrinter set
to PDF output stands in for the printer the dialog would return. Fictitious data."""

from __future__ import annotations

import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter
from sqlalchemy import select

from mentordesk.domain.codes import CitizenStatus
from mentordesk.kernel.context import Context
from mentordesk.services.citizens import NewCitizen, create_citizen
from mentordesk.storage.models import AuditEvent, Goal, Grant, LegalBasis
from ui.views import reports as reports_area
from ui.views.reports.page import ReportsPage

TODAY = date.today()
ALIAS = "Hejren Ørnsø"
_alive: list = []


@pytest.fixture
def database(database_path, make_database):
    return make_database(database_path, keep_open=True)


@pytest.fixture
def editor(qtbot, database, make_ops):
    from ui.workspace import load_workspace

    workspace = load_workspace(database)
    citizen_id = create_citizen(Context(database, workspace.actor), NewCitizen(
        alias=ALIAS, status=CitizenStatus.ACTIVE)).value
    start = TODAY - timedelta(days=90)
    with database.session() as session:
        basis = session.scalar(select(LegalBasis.id).where(LegalBasis.code == "SEL §99"))
        grant = Grant(citizen_id=citizen_id, legal_basis_id=basis, start_on=start,
                      hours_min_minutes=60)
        session.add(grant)
        session.flush()
        session.add(Goal(citizen_id=citizen_id, title="Tage bussen alene", start_on=start,
                         grant_id=grant.id))
    page = reports_area.create_page(make_ops(workspace), "Rapporter")
    assert isinstance(page, ReportsPage)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.editor.reports_loaded, timeout=10_000):
        page.show()
    with qtbot.waitSignal(page.editor.report_opened, timeout=10_000):
        page.editor.new_button.click()
    # The page owns the editor: keep it alive for the test (qtbot holds it weakly).
    editor = page.editor
    _alive.append(page)
    yield editor
    _alive.remove(page)


def _pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def _pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True,
                          check=True).stdout
    return int(next(line for line in info.splitlines() if line.startswith("Pages:")).split()[1])


def _print_events(database) -> list[str]:
    with database.read_session() as session:
        return list(session.scalars(select(AuditEvent.detail).where(
            AuditEvent.action == "print", AuditEvent.entity == "report",
            AuditEvent.detail.like("%udskrevet på printer%"))))


def _open_preview(qtbot, editor):
    with qtbot.waitSignal(editor.preview_shown, timeout=20_000) as shown:
        editor.print_button.click()
    return shown.args[0]


def test_print_to_a_pdf_printer_gives_the_same_pages_and_is_audited(
        qtbot, database, editor, tmp_path, pdf_text):
    preview = _open_preview(qtbot, editor)
    out = tmp_path / "udskrift.pdf"
    with qtbot.waitSignal(editor.print_recorded, timeout=10_000):
        printed = preview.print_to(_pdf_printer(out))
    assert printed == preview.page_count() == _pages(out)
    text = pdf_text(out)
    assert ALIAS in text and "Tage bussen alene" in text and "Side 1 af" in text
    period = editor.report.period.label
    assert _print_events(database) == [
        f"Progressionsrapport {period} udskrevet på printer ({printed} sider)"]


def test_a_page_range_is_printed_through_the_page_renderer(qtbot, database, editor,
                                                           tmp_path):
    preview = _open_preview(qtbot, editor)
    count = preview.page_count()
    out = tmp_path / "sider.pdf"
    printer = _pdf_printer(out)
    # A range chosen in the dialog: pages are rendered one by one as on a real printer.
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(1, count)
    with qtbot.waitSignal(editor.print_recorded, timeout=10_000):
        assert preview.print_to(printer) == count
    assert _pages(out) == count
    assert len(_print_events(database)) == 1

"""Files are rendered outside any transaction: while a workbook, a PDF or a calendar file
is being made, a colleague can still save (no write lock is held), and the export is
audited afterwards as before."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from schedule_support import add_citizen, add_grant, add_user
from sqlalchemy import func, select

from mentordesk.domain.economy import EconomySection, Frequency
from mentordesk.economy import Sheet, SheetLine, export_xlsx, save_sheet, xlsx_writer
from mentordesk.kernel.context import Context
from mentordesk.schedule import (
    AppointmentInput,
    billing_documents,
    create_appointment,
    export_billing_pdf,
    export_hours_xlsx,
    export_ics,
    ics,
)
from mentordesk.schedule import export as hours_export
from mentordesk.storage.models import AppMeta, AuditEvent, Authority

pytestmark = pytest.mark.both_backends

DAY = date(2026, 3, 10)


@pytest.fixture
def colleague_saves_while_rendering(database, monkeypatch):
    """Wrap a renderer so that a colleague commits a change while it runs."""
    saved: list[str] = []

    def wrap(module, name: str) -> None:
        original = getattr(module, name)

        def rendering(*args, **kwargs):
            with database.session() as session:
                session.merge(AppMeta(key="colleague", value=name))
            saved.append(name)
            return original(*args, **kwargs)

        monkeypatch.setattr(module, name, rendering)

    return wrap, saved


@pytest.fixture
def karla(database, admin):
    mentor = add_user(database, "ida", "Ida Ics")
    citizen = add_citizen(database, "Karla", "Kontakt", mentor_id=mentor)
    return mentor, citizen


def exports(database, entity: str) -> int:
    with database.read_session() as session:
        return session.scalar(select(func.count()).select_from(AuditEvent).where(
            AuditEvent.entity == entity, AuditEvent.action == "export"))


def test_economy_workbook(database, admin, karla, tmp_path, colleague_saves_while_rendering):
    wrap, saved = colleague_saves_while_rendering
    _mentor, citizen = karla
    context = Context(database, admin)
    save_sheet(context, citizen, 2026, 0, Sheet(citizen_id=citizen, year=2026, lines=(
        SheetLine.filled(EconomySection.INCOME, "Løn", Frequency.MONTHLY, 2_000_000),)))
    wrap(xlsx_writer, "workbook_bytes")
    export_xlsx(context, citizen, 2026, tmp_path / "overblik.xlsx")
    assert saved == ["workbook_bytes"] and exports(database, "economy_overview") == 1


def test_hours_workbook(database, admin, karla, tmp_path, colleague_saves_while_rendering):
    wrap, saved = colleague_saves_while_rendering
    wrap(hours_export, "hours_workbook")
    export_hours_xlsx(Context(database, admin), DAY, DAY, tmp_path / "timer.xlsx", today=DAY)
    assert saved == ["hours_workbook"] and exports(database, "hours") >= 1


def test_billing_pdf(database, admin, karla, tmp_path, colleague_saves_while_rendering):
    wrap, saved = colleague_saves_while_rendering
    _mentor, citizen = karla
    with database.session() as session:
        authority = Authority(name="Fiktiv Kommune")
        session.add(authority)
        session.flush()
        authority_id = authority.id
    add_grant(database, citizen, date(2026, 1, 1), None, 60, 120, authority_id=authority_id,
              price_model="per_hour", price_oere=50_000)
    wrap(billing_documents, "billing_pdf")
    export_billing_pdf(Context(database, admin), authority_id, 2026, 3, tmp_path / "a.pdf",
                       printed_at=datetime(2026, 4, 1, 9))
    assert saved == ["billing_pdf"] and exports(database, "billing") >= 1


def test_calendar_file(database, admin, karla, colleague_saves_while_rendering):
    wrap, saved = colleague_saves_while_rendering
    mentor, citizen = karla
    create_appointment(Context(database, admin), AppointmentInput(
        citizen_id=citizen, mentor_ids=(mentor,), starts_at=datetime(2026, 3, 10, 10),
        duration_minutes=60, form="home_visit"), today=DAY)
    wrap(ics, "_calendar")
    export_ics(Context(database, admin), DAY, DAY, today=DAY)
    assert saved == ["_calendar"] and exports(database, "calendar") == 1

"""The printed economy overview: the figures the citizen takes home, text as typed."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select

from mentordesk.domain.economy import EconomySection, Frequency
from mentordesk.economy import DebtInput, Sheet, SheetLine, create_debt, save_sheet
from mentordesk.kernel.context import Context
from mentordesk.services.citizens import NewCitizen, create_citizen
from mentordesk.storage.models import AuditEvent

YEAR = 2025


def test_pdf_shows_figures_plan_and_escaped_text(database, admin, tmp_path, pdf_text):
    context = Context(database, admin)
    from mentordesk.reports.economy_pdf import export_pdf
    from mentordesk.services.catalogue import seed_default_catalogue

    with database.session() as session:
        seed_default_catalogue(session, today=date(YEAR, 6, 1))
    citizen = create_citizen(context, NewCitizen(first_name="Dorte", last_name="Test")).value
    save_sheet(context, citizen, YEAR, 0, Sheet(citizen_id=citizen, year=YEAR, lines=(
        SheetLine.filled(EconomySection.INCOME, "Løn", Frequency.MONTHLY, 1_800_000),
        SheetLine.filled(EconomySection.EXPENSE, "Husleje <b>Łódź", Frequency.MONTHLY,
                         612_345, note="<img src='/etc/passwd'> & Şule"),
        SheetLine.filled(EconomySection.EXPENSE, "Tandlæge", Frequency.ONCE, 400_000, 9),
    )))
    create_debt(context, citizen, DebtInput(creditor="Kviklån (fiktiv)",
                                            balance_oere=1_000_000))
    out = export_pdf(context, citizen, YEAR, tmp_path / "overblik.pdf",
                     now=datetime(2025, 6, 2, 10, 30))
    text = pdf_text(out)
    assert "Økonomisk overblik 2025" in text and "Dorte Test" in text
    assert "Husleje <b>Łódź" in text and "<img" in text and "& Şule" in text
    assert "216.000,00" in text  # income for the year
    assert "6.123,45" in text and "Sep." in text and "Juli–december" in text
    # 18.000 − 6.123,45 − 7.240 (norm) = 4.636,55 a month (September: the dentist).
    assert "Kviklån (fiktiv)" in text and "Symbolsk" not in text
    with database.read_session() as session:
        actions = session.scalars(select(AuditEvent.action).where(
            AuditEvent.citizen_id == citizen, AuditEvent.entity == "economy_overview")).all()
    assert actions[-1] == "print"

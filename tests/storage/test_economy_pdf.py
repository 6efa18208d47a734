"""The printed economy overview: the figures the citizen takes home, text as typed."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select

from mentordesk.domain.economy import EconomySection, Frequency
from mentordesk.economy import DebtInput, Sheet, SheetLine, create_debt, save_sheet
from mentordesk.kernel.context import Context
from mentordesk.services.citizens import NewCitizen, create_citizen
from mentordesk.storage.models import AuditEvent

pytestmark = pytest.mark.both_backends

YEAR = 2025


def test_pdf_shows_figures_plan_and_escaped_text(database, admin, tmp_path, pdf_text):
    context = Context(database, admin)
    from mentordesk.reports.economy_pdf import export_pdf
    from mentordesk.services.catalogue import seed_default_catalogue

    with database.session() as session:
        seed_default_catalogue(session)
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


def test_pdf_prints_the_ability_workings_priorities_and_the_broken_agreement(
        database, admin, tmp_path, pdf_text):
    """Example (a) on paper: the citizen sees why the plan pays the rent, the support and
    the fine first, and that the phone agreement is a conflict, not quietly cut."""
    context = Context(database, admin)
    from mentordesk.reports.economy_pdf import export_pdf
    from mentordesk.services.catalogue import seed_default_catalogue

    with database.session() as session:
        seed_default_catalogue(session)
    citizen = create_citizen(context, NewCitizen(first_name="Erik", last_name="Test")).value
    income, expense = EconomySection.INCOME, EconomySection.EXPENSE
    # Net 10.000; rent 1.560 (housing), food 2.000 (covered by the norm).
    # Ability: 10.000 − 7.240 (2024 rates, first adult) − 1.560 = 1.200 kr. a month.
    # 2025 has no rates of its own: the mentor confirmed the 2024 rates for the sheet.
    save_sheet(context, citizen, YEAR, 0, Sheet(citizen_id=citizen, year=YEAR, rates_year=2024,
                                                lines=(
        SheetLine.filled(income, "Kontanthjælp", Frequency.MONTHLY, 1_000_000),
        SheetLine.filled(expense, "Husleje", Frequency.MONTHLY, 156_000, category="rent"),
        SheetLine.filled(expense, "Mad", Frequency.MONTHLY, 200_000, category="food",
                         norm_covered=True),
    )))
    for creditor, kind, balance, agreed, status in (
            ("Teleselskabet (fiktiv)", "phone_internet", 400_000, 42_000, "instalment_plan"),
            ("Boligforeningen (fiktiv)", "rent", 1_200_000, 100_000, "bailiff"),
            ("Børnebidrag (fiktiv)", "child_support", 600_000, 40_000, "debt_agency"),
            ("Bødeopkrævningen (fiktiv)", "fines", 300_000, 0, "debt_agency")):
        create_debt(context, citizen, DebtInput(creditor=creditor, debt_type=kind,
                                                balance_oere=balance, status=status,
                                                agreed_payment_oere=agreed))
    text = " ".join(pdf_text(export_pdf(context, citizen, YEAR, tmp_path / "plan.pdf",
                                        now=datetime(2025, 6, 2, 10, 30))).split())
    assert "Betalingsevne efter den offentlige metode" in text
    assert "satser fra 2024 (kilde: borger.dk: Gældsstyrelsens rådighedssatser 2024)" in text
    assert "Bolig og boligudgifter 18.720,00 1.560,00" in text
    assert "Ikke fratrukket: dækket af rådighedsbeløbet 24.000,00" in text
    assert "Betalingsevne 14.400,00 1.200,00" in text
    # Rent 1.000, support 200 of its 400, the fine nothing: the phone company gets nothing.
    assert "de øvrige kreditorer får intet" in text
    assert ("Konflikt: aftalen med Teleselskabet (fiktiv) er på 420,00 kr. om måneden, men "
            "planen kan kun betale 0,00 kr. – aftalen er ikke nedsat") in text
    assert "Konflikt: aftalen med Børnebidrag (fiktiv)" in text
    # The bailiff case and the priority class stay visible on the plan.
    assert "Fogedret" in text and "Husleje: Bolig" in text

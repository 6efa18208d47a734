"""Hostile text through every export: PDFs build and show it literally, xlsx cells are
never formulas, ICS stays valid, the access zip carries it unchanged.

The text holds reportlab markup (``<b``, ``<img src=…>`` that would read a local file),
``&``, a spreadsheet formula that runs a command, control characters (dropped before they
are stored), right-to-left marks and a 50 KB note.
"""

from __future__ import annotations

import io
import json
import zipfile
from datetime import date, datetime, time

import openpyxl
import pytest

from mentordesk.domain.codes import Role
from mentordesk.kernel.actor import Actor
from mentordesk.kernel.context import Context
from mentordesk.storage.models import (
    Appointment,
    Assessment,
    Assignment,
    Authority,
    BenefitApplication,
    Citizen,
    Contact,
    CourseType,
    Debt,
    EconomyLine,
    EconomyOverview,
    Goal,
    Grant,
    LegalBasis,
    SubGoal,
    User,
)

pytestmark = pytest.mark.both_backends

MARKUP = '<b>fed & <img src="/etc/passwd"/>'
FORMULA = "=cmd|' /C calc'!A0"
HOSTILE = f"{MARKUP} {FORMULA} \u202eRTL\u202c\u200f slut\x01\x07"
LONG = (("Lang note om borgerens uge " + HOSTILE + ". ") * 700)[:50_000]
NOW = datetime(2026, 11, 23, 9, 30)
VISIBLE = (MARKUP, FORMULA)


@pytest.fixture
def world(database, admin):
    """One citizen with hostile text in every field the exports show."""
    with database.session() as session:
        mentor = User(login="mentor1", full_name=f"Mia {HOSTILE}", role=Role.MENTOR.value)
        basis = LegalBasis(code="SEL §85 test", name=HOSTILE)
        authority = Authority(name=f"Kommune {HOSTILE}")
        course = CourseType(name=f"Forløb {HOSTILE}")
        session.add_all([mentor, basis, authority, course])
        session.flush()
        citizen = Citizen(first_name=HOSTILE, last_name="Østergård", note=LONG,
                          address=HOSTILE, status="active", opened_on=date(2026, 1, 1))
        session.add(citizen)
        session.flush()
        cid = citizen.id
        grant = Grant(citizen_id=cid, legal_basis_id=basis.id, course_type_id=course.id,
                      authority_id=authority.id, caseworker_name=HOSTILE,
                      start_on=date(2026, 1, 1), end_on=date(2026, 12, 31),
                      hours_min_minutes=60, hours_max_minutes=300, price_model="per_hour",
                      price_oere=50_000, note=LONG, case_number=FORMULA)
        session.add_all([grant, Assignment(citizen_id=cid, user_id=mentor.id, kind="primary",
                                           start_on=date(2026, 1, 1))])
        session.flush()
        goal = Goal(citizen_id=cid, grant_id=grant.id, title=HOSTILE, description=LONG,
                    status="in_progress", start_on=date(2026, 1, 5))
        session.add(goal)
        session.flush()
        session.add_all([
            SubGoal(goal_id=goal.id, text=HOSTILE, status="in_progress"),
            Assessment(goal_id=goal.id, assessed_on=date(2026, 10, 1), level=2,
                       citizen_view=HOSTILE, mentor_note=LONG),
            Contact(citizen_id=cid, mentor_id=mentor.id, contact_on=date(2026, 10, 6),
                    start_time=time(10), duration_minutes=90, form="home_visit",
                    place=HOSTILE, note=LONG, travel_minutes=30, travel_km=12,
                    indirect_minutes=15),
            Appointment(citizen_id=cid, mentor_id=mentor.id, starts_at=datetime(2026, 11, 24, 10),
                        duration_minutes=60, form="home_visit", place=HOSTILE, note=LONG),
            Debt(citizen_id=cid, creditor=HOSTILE, collector=HOSTILE, case_number=FORMULA,
                 balance_oere=1_000_000, note=LONG),
            BenefitApplication(citizen_id=cid, applied_on=date(2026, 3, 1), purpose=HOSTILE,
                               amount_applied_oere=100_000, note=HOSTILE),
        ])
        overview = EconomyOverview(citizen_id=cid, year=2026, note=HOSTILE)
        session.add(overview)
        session.flush()
        session.add(EconomyLine(overview_id=overview.id, section="income", label=HOSTILE,
                                note=HOSTILE, amount_oere=1_200_000,
                                **{f"m{m:02d}_oere": 1_200_000 for m in range(1, 13)}))
        session.add(EconomyLine(overview_id=overview.id, section="expense", label=FORMULA,
                                note=LONG, amount_oere=600_000,
                                **{f"m{m:02d}_oere": 600_000 for m in range(1, 13)}))
    return cid, authority.id


def _shows_literally(text: str) -> None:
    flat = " ".join(text.split())
    for piece in VISIBLE:
        assert piece in flat, f"{piece!r} not shown literally"
    assert "\x01" not in text and "\x07" not in text


def _no_formula_from_user_text(data: bytes, must_contain: str = FORMULA) -> None:
    book = openpyxl.load_workbook(io.BytesIO(data))
    cells = [cell for sheet in book for row in sheet.iter_rows() for cell in row]
    user_cells = [cell for cell in cells if isinstance(cell.value, str) and "cmd|" in cell.value]
    assert user_cells, "the hostile text is missing from the workbook"
    assert all(cell.data_type != "f" for cell in user_cells)
    assert any(must_contain in str(cell.value) for cell in user_cells)
    for cell in cells:
        if cell.data_type == "f":
            assert not any(piece in str(cell.value) for piece in ("cmd|", "passwd", "<b>"))


def test_plan_pdf(database, admin, world, pdf_text):
    from mentordesk.reports.plan_export import plan_pdf

    _shows_literally(pdf_text(plan_pdf(Context(database, admin), world[0], NOW)))


def test_economy_xlsx_and_pdf(database, admin, world, tmp_path, pdf_text):
    from mentordesk.economy import export_xlsx
    from mentordesk.reports.economy_pdf import export_pdf

    export_xlsx(Context(database, admin), world[0], 2026, tmp_path / "okonomi.xlsx")
    _no_formula_from_user_text((tmp_path / "okonomi.xlsx").read_bytes())
    export_pdf(Context(database, admin), world[0], 2026, tmp_path / "okonomi.pdf", now=NOW)
    _shows_literally(pdf_text(tmp_path / "okonomi.pdf"))


def test_hours_xlsx(database, admin, world, tmp_path):
    from mentordesk.schedule.export import export_hours_xlsx

    export_hours_xlsx(Context(database, admin), date(2026, 10, 1), date(2026, 10, 31),
                      tmp_path / "timer.xlsx", today=date(2026, 11, 23))
    _no_formula_from_user_text((tmp_path / "timer.xlsx").read_bytes())


def test_billing_xlsx_and_pdf(database, admin, world, tmp_path, pdf_text):
    from mentordesk.schedule.billing import export_billing_pdf, export_billing_xlsx

    _cid, authority = world
    export_billing_xlsx(Context(database, admin), authority, 2026, 10, tmp_path / "afregning.xlsx")
    # The case number (a formula as typed) stays text beside the travel and indirect lines.
    _no_formula_from_user_text((tmp_path / "afregning.xlsx").read_bytes())
    export_billing_pdf(Context(database, admin), authority, 2026, 10, tmp_path / "afregning.pdf",
                       printed_at=NOW)
    _shows_literally(pdf_text(tmp_path / "afregning.pdf"))


def test_ics_is_valid_and_keeps_the_text(database, admin, world):
    from icalendar import Calendar

    from mentordesk.schedule.ics import export_ics, read_ics

    data = export_ics(Context(database, admin), date(2026, 11, 23), date(2026, 11, 30),
                      include_details=True, today=date(2026, 11, 23))
    calendar = Calendar.from_ical(data)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 1 and len(read_ics(data)) == 1
    assert MARKUP in str(events[0]["location"]) and FORMULA in str(events[0]["description"])


def test_progress_report_pdf(database, admin, world, pdf_text):
    from mentordesk.reports.progress.assemble import Period, ReportTexts
    from mentordesk.reports.progress.workflow import preview_pdf

    texts = ReportTexts(mentor_assessment=LONG, citizen_view=HOSTILE, next_steps=HOSTILE)
    pdf = preview_pdf(Context(database, admin), world[0],
                      Period(date(2026, 7, 1), date(2026, 10, 31)),
                      texts, now=NOW, today=date(2026, 11, 23))
    _shows_literally(pdf_text(pdf))


def test_access_zip(database, admin, world, tmp_path, pdf_text):
    from mentordesk.rights.access_export import export_citizen

    export_citizen(Context(database, admin), world[0], tmp_path / "indsigt.zip", now=NOW)
    archive = zipfile.ZipFile(tmp_path / "indsigt.zip")
    data = json.loads(archive.read("data/borgerdata.json"))
    # Everything but the control characters, which are never stored (issue 13): the
    # markup, the formula and the right-to-left marks arrive exactly as typed.
    assert data["tabeller"]["citizen"]["rækker"][0]["note"] == LONG.replace("\x01\x07", "")
    assert data["tabeller"]["citizen"]["rækker"][0]["first_name"] == \
        HOSTILE.replace("\x01\x07", "")
    _no_formula_from_user_text(archive.read("data/borgerdata.xlsx"))
    _no_formula_from_user_text(archive.read("økonomi/økonomisk-overblik-2026.xlsx"))
    _shows_literally(pdf_text(archive.read("00-oversigt.pdf")))


def test_mentor_outside_caseload_gets_no_export(database, world, tmp_path):
    from mentordesk.errors import NotFound
    from mentordesk.reports.plan_export import plan_pdf

    stranger = Actor(999, "fremmed", "Fremmed", Role.MENTOR)
    with pytest.raises(NotFound):
        plan_pdf(Context(database, stranger), world[0], NOW)

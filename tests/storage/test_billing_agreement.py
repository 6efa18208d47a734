"""Billing per the authority's agreement: travel and indirect time are shown to every
authority and billed only to those that pay for them; hours above the band are flagged
with the excess, never billed silently; a wrong EAN is refused before anything is saved;
VAT per course type; the workbook's sums hold when LibreOffice recalculates them."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from schedule_support import add_citizen, add_grant, add_user

from mentordesk.domain.codes import ContactForm
from mentordesk.domain.hours_plan import HoursStep
from mentordesk.errors import InvalidInput
from mentordesk.kernel.context import Context
from mentordesk.schedule.billing import (
    ItemKind,
    billing_basis,
    export_billing_pdf,
    export_billing_xlsx,
)
from mentordesk.services.catalogue_admin import (
    AuthorityInput,
    CourseTypeInput,
    create_authority,
    create_course_type,
    load_catalogue,
    update_authority,
)
from mentordesk.services.contacts import NewContact, log_contact
from mentordesk.services.hours_plan import save_hours_plan
from mentordesk.storage.models import Authority, Grant

pytestmark = pytest.mark.both_backends

TODAY = date(2026, 12, 20)
VALID_EAN = "5798000000001"   # GS1 check digit 1
WRONG_EAN = "5798000000002"
HOURLY = 50_000               # 500 kr. per hour


def _authority(context: Context, name: str, **agreement: object) -> int:
    return create_authority(context, AuthorityInput(name=name, kind="kommune",
                                                    **agreement)).value.id  # type: ignore[arg-type]


def _log(context: Context, citizen: int, day: date, minutes: int, *, travel: int = 0,
         km: int = 0, indirect: int = 0, attended: bool = True) -> None:
    from mentordesk.domain.codes import Attendance

    log_contact(context, NewContact(
        citizen_id=citizen, duration_minutes=minutes, form=ContactForm.HOME_VISIT,
        contact_on=day, travel_minutes=travel, travel_km=km, indirect_minutes=indirect,
        attendance=Attendance.ATTENDED if attended else Attendance.NO_SHOW), today=TODAY)


@pytest.fixture
def two_authorities(database, admin):
    """A jobcenter that pays face-to-face time only and a municipality that pays travel
    time, 3,79 kr./km and indirect time; one citizen each with the same contact."""
    context = Context(database, admin)
    jobcenter = _authority(context, "Jobcenter Nordby", ean=VALID_EAN)
    municipality = _authority(context, "Sydby Kommune", bill_travel=True, km_rate_oere=379,
                              bill_indirect=True)
    mentor = add_user(database, "tove", "Tove Tur")
    citizens = {}
    for authority, first in ((jobcenter, "Jens"), (municipality, "Kirsten")):
        citizen = add_citizen(database, first, "Kørsel", mentor_id=mentor)
        add_grant(database, citizen, date(2026, 11, 1), None, 60, 600,
                  authority_id=authority, price_model="per_hour", price_oere=HOURLY)
        _log(context, citizen, date(2026, 11, 10), 60, travel=30, km=20, indirect=15)
        _log(context, citizen, date(2026, 11, 12), 60, travel=30, km=20, attended=False)
        citizens[authority] = citizen
    return context, jobcenter, municipality


def test_the_jobcenter_that_does_not_pay_travel_sees_it_but_is_not_billed(two_authorities,
                                                                          pdf_text, tmp_path):
    context, jobcenter, _municipality = two_authorities
    basis = billing_basis(context, jobcenter, 2026, 11)
    [line] = basis.lines
    items = {item.kind: item for item in line.items}
    # The no-show's drive happened too: 60 travel minutes and 40 km, shown, not billed.
    assert (items[ItemKind.TRAVEL_TIME].minutes, items[ItemKind.TRAVEL_TIME].billed) == (60, False)
    assert (items[ItemKind.KM].km, items[ItemKind.KM].billed) == (40, False)
    assert (items[ItemKind.INDIRECT].minutes, items[ItemKind.INDIRECT].billed) == (15, False)
    assert line.delivered_minutes == 60 and line.amount_oere == HOURLY
    assert basis.total_oere == 50_000 and basis.authority_ean == VALID_EAN
    text = " ".join(pdf_text(export_billing_pdf(context, jobcenter, 2026, 11,
                                                tmp_path / "job.pdf")).split())
    assert "Kørselstid" in text and "ikke faktureret" in text and VALID_EAN in text
    assert "500,00 kr." in text


def test_the_municipality_that_pays_travel_is_billed_for_it(two_authorities):
    context, _jobcenter, municipality = two_authorities
    [line] = billing_basis(context, municipality, 2026, 11).lines
    assert all(item.billed for item in line.items)
    # 1 t face-to-face + 1 t travel + 0,25 t indirect at 500 kr. + 40 km × 3,79 kr.
    assert line.amount_oere == 50_000 + 50_000 + 12_500 + 40 * 379
    assert line.vat_oere == 0 and line.vat_label == "Momsfritaget"


def test_hours_above_the_band_are_flagged_with_the_excess_not_billed(database, admin,
                                                                     pdf_text, tmp_path):
    context = Context(database, admin)
    authority = _authority(context, "Vestby Kommune")
    citizen = add_citizen(database, "Otto", "Over", mentor_id=add_user(database, "ole", "Ole"))
    add_grant(database, citizen, date(2026, 10, 1), None, 60, 300, authority_id=authority,
              price_model="per_hour", price_oere=HOURLY)
    for day in (2, 3, 4, 5):                       # week 45: 4 × 90 = 360 min, band 1–5 t
        _log(context, citizen, date(2026, 11, day), 90)
    _log(context, citizen, date(2026, 11, 30), 200)  # week 49 spans November and December
    _log(context, citizen, date(2026, 12, 1), 200)
    november = billing_basis(context, authority, 2026, 11)
    [line] = november.lines
    assert line.delivered_minutes == 560 and line.over_grant_minutes == 60
    assert line.amount_oere == 416_667   # 500 minutes at 500 kr./t billed, 60 flagged
    over = [item for item in line.items if item.kind is ItemKind.OVER_GRANT]
    assert [(item.minutes, item.billed, item.amount_oere) for item in over] == [(60, False, 0)]
    assert over[0].status == "Over bevilling — kræver godkendelse"
    # The week across the months: its last 100 minutes (on 01-12) are the excess.
    [december] = billing_basis(context, authority, 2026, 12).lines
    assert (december.delivered_minutes, december.over_grant_minutes) == (200, 100)
    assert december.amount_oere == 83_333
    text = " ".join(pdf_text(export_billing_pdf(context, authority, 2026, 11,
                                                tmp_path / "over.pdf")).split())
    assert "Over bevilling — kræver godkendelse" in text and "1 t" in text


def test_a_stepped_plan_flags_only_what_passes_the_step_in_force(database, admin):
    """A practice course rising from 1–2 to 5–8 hours a week: 6 hours in the later week are
    inside its step and billed whole; the same 6 hours in the early week pass 2 hours."""
    context = Context(database, admin)
    authority = _authority(context, "Trinby Kommune")
    citizen = add_citizen(database, "Trine", "Trin", mentor_id=add_user(database, "tim", "Tim"))
    grant_id = add_grant(database, citizen, date(2026, 10, 1), None, 60, 120,
                         authority_id=authority, price_model="per_hour", price_oere=HOURLY)
    with database.session() as session:
        version = session.get(Grant, grant_id).version
    save_hours_plan(context, grant_id, version,
                    (HoursStep(date(2026, 11, 16), 300, 480),))   # from week 47: 5–8 hours
    _log(context, citizen, date(2026, 11, 10), 360)   # week 46: band 1–2 hours
    _log(context, citizen, date(2026, 11, 17), 360)   # week 47: step 5–8 hours
    [line] = billing_basis(context, authority, 2026, 11).lines
    assert (line.delivered_minutes, line.over_grant_minutes) == (720, 240)
    assert line.amount_oere == 8 * HOURLY


def test_an_ean_with_a_wrong_check_digit_is_refused_and_nothing_is_saved(database, admin):
    context = Context(database, admin)
    with pytest.raises(InvalidInput, match="kontrolciffer"):
        _authority(context, "Nordby Kommune", ean=WRONG_EAN, bill_travel=True)
    assert [item.name for item in load_catalogue(database).authorities] == []
    created = create_authority(context, AuthorityInput(name="Nordby Kommune")).value
    with pytest.raises(InvalidInput, match="kontrolciffer"):
        update_authority(context, created.id, created.version,
                         {"ean": WRONG_EAN, "bill_travel": True}, created.values())
    with pytest.raises(InvalidInput, match="13 cifre"):
        update_authority(context, created.id, created.version, {"ean": "57980000"},
                         created.values())
    with database.read_session() as session:
        row = session.get(Authority, created.id)
        assert (row.ean, row.bill_travel, row.version) == ("", False, created.version)
    saved = update_authority(context, created.id, created.version,
                             {"ean": "5798 0000 0000 1"}, created.values()).value
    assert saved.ean == VALID_EAN


def test_vat_per_course_type_and_the_workbook_recalculated(database, admin, tmp_path):
    context = Context(database, admin)
    authority = _authority(context, "Momsby Jobcenter", bill_travel=True, km_rate_oere=379)
    course = create_course_type(context, CourseTypeInput(name="Fastholdelsesmentor",
                                                         vat_liable=True)).value
    citizen = add_citizen(database, "Mette", "Moms", mentor_id=add_user(database, "mo", "Mo"))
    grant_id = add_grant(database, citizen, date(2026, 11, 1), None, 60, 600,
                         authority_id=authority, price_model="per_hour", price_oere=HOURLY)
    with database.session() as session:
        grant = session.get(Grant, grant_id)
        grant.course_type_id, grant.case_number = course.id, "BEV-2026-0042"
    _log(context, citizen, date(2026, 11, 16), 90, travel=20, km=13)
    basis = billing_basis(context, authority, 2026, 11)
    [line] = basis.lines
    assert line.vat_label == "Momspligtig 25 %" and line.case_number == "BEV-2026-0042"
    # 750 + 166,67 + 49,27 kr.; VAT 25 % of each billed line, rounded to the øre.
    assert line.amount_oere == 75_000 + 16_667 + 13 * 379
    assert line.vat_oere == 18_750 + 4_167 + 1_232
    path = export_billing_xlsx(context, authority, 2026, 11, tmp_path / "moms.xlsx")
    expected = [basis.total_oere / 100, basis.total_vat_oere / 100,
                (basis.total_oere + basis.total_vat_oere) / 100]
    assert _totals(path) == pytest.approx(expected)
    assert _totals(_recalculated(path, tmp_path)) == pytest.approx(expected)


def _totals(path: Path) -> list[float]:
    sheet = openpyxl.load_workbook(path, data_only=True)["Afregningsgrundlag"]
    [row] = [row for row in sheet.iter_rows(values_only=True) if row[0] == "I alt"]
    return [float(row[column]) for column in (11, 12, 13)]


_FORCE_RECALC = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode"
 oor:op="fuse"><value>0</value></prop></item>
</oor:items>"""


def _recalculated(source: Path, work: Path) -> Path:
    """LibreOffice opens the workbook recalculating every formula and saves it again."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    profile = work / "lo-profile"
    (profile / "user").mkdir(parents=True, exist_ok=True)
    (profile / "user" / "registrymodifications.xcu").write_text(_FORCE_RECALC)
    # Cached values zeroed first: only a real recalculation can bring the totals back.
    blank = work / "blank" / source.name
    blank.parent.mkdir()
    book = openpyxl.load_workbook(source)
    book.save(blank)  # openpyxl drops every cached value
    out = work / "recalculated"
    result = subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
         "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out), str(blank)],
        capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr
    return out / source.name


def test_a_weekly_price_covers_the_travel_time_the_agreement_would_pay(database, admin):
    context = Context(database, admin)
    authority = _authority(context, "Ugeby Kommune", bill_travel=True, km_rate_oere=379)
    citizen = add_citizen(database, "Ulla", "Uge", mentor_id=add_user(database, "uv", "Uv"))
    add_grant(database, citizen, date(2026, 11, 2), None, 60, 900, authority_id=authority,
              price_model="per_week", price_oere=250_000)
    _log(context, citizen, date(2026, 11, 10), 60, travel=30, km=10)
    [line] = billing_basis(context, authority, 2026, 11).lines
    items = {item.kind: item for item in line.items}
    assert items[ItemKind.TRAVEL_TIME].status == "ikke faktureret (indgår i ugeprisen)"
    assert items[ItemKind.KM].billed and items[ItemKind.KM].amount_oere == 3_790
    assert line.amount_oere == 4 * 250_000 + 3_790   # Thursdays 5, 12, 19, 26 November

"""ICS (no CPR or note by default, parses with icalendar, malformed files refused),
the hours workbook (numbers as numbers, hostile names stay text) and the billing basis."""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar
from openpyxl import load_workbook
from schedule_support import add_citizen, add_contact, add_grant, add_user

from mentordesk.errors import InvalidInput
from mentordesk.kernel.context import Context
from mentordesk.schedule import (
    AppointmentInput,
    billing_basis,
    create_appointment,
    export_billing_pdf,
    export_billing_xlsx,
    export_hours_xlsx,
    export_ics,
    read_ics,
    weekly_rule,
)
from mentordesk.storage.models import Authority

pytestmark = pytest.mark.both_backends

CPR = "0101909001"
SECRET = "Hemmelig note om diagnose"
HOSTILE = '=HYPERLINK("http://x","klik")'


@pytest.fixture
def booked(database, admin):
    mentor = add_user(database, "ida", "Ida Ics")
    citizen = add_citizen(database, "Karla", "Kontakt", cpr=CPR, mentor_id=mentor, note=SECRET)
    create_appointment(Context(database, admin), AppointmentInput(
        citizen_id=citizen, mentor_ids=(mentor,), starts_at=datetime(2026, 3, 22, 10),
        duration_minutes=60, form="home_visit", place="Borgerens hjem, Vej 1",
        note=f"{SECRET}. CPR 010190-9001 skrevet i noten ved en fejl.",
        rrule=weekly_rule(count=3)), today=date(2026, 3, 1))
    return mentor, citizen


def test_ics_default_has_initials_and_form_only(database, admin, booked):
    context = Context(database, admin)
    data = export_ics(context, date(2026, 3, 1), date(2026, 4, 30), mentor_login="ida")
    text = data.decode("utf-8")
    assert CPR not in text and "Hemmelig" not in text and "Vej 1" not in text
    assert "Karla" not in text
    events = Calendar.from_ical(data).walk("VEVENT")
    assert [str(e["summary"]) for e in events] == ["KK – Hjemmebesøg"] * 3
    # 10:00 local before and after the DST change (29-03-2026): UTC 09:00, then 08:00.
    utc = [e["dtstart"].dt.astimezone(ZoneInfo("UTC")).hour
           for e in events]
    assert utc == [9, 8, 8]
    parsed = read_ics(data)
    assert [e.starts_at for e in parsed] == [datetime(2026, 3, d, 10) for d in (22, 29)] + [
        datetime(2026, 4, 5, 10)]


def test_ics_with_details_names_but_never_cpr(database, admin, booked):
    text = export_ics(Context(database, admin), date(2026, 3, 1), date(2026, 4, 30),
                      include_details=True).decode("utf-8")
    assert "Karla Kontakt" in text and "Vej 1" in text and "Hemmelig" in text
    assert CPR not in text and "010190-9001" not in text and "CPR fjernet" in text


@pytest.mark.parametrize("bad", [b"", b"not a calendar", b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n",
                                 b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:x\r\nEND:VEVENT\r\n"
                                 b"END:VCALENDAR\r\n",
                                 b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:2026XX01\r\n"
                                 b"END:VEVENT\r\nEND:VCALENDAR\r\n"])
def test_malformed_ics_is_refused_in_danish(bad):
    with pytest.raises(InvalidInput, match="gyldig kalenderfil"):
        read_ics(bad)


def test_hours_workbook_numbers_and_hostile_text(database, admin, tmp_path):
    mentor = add_user(database, "hans", "Hans Hours")
    citizen = add_citizen(database, HOSTILE, "Test", mentor_id=mentor)
    add_grant(database, citizen, date(2026, 11, 1), None, 60, 300)
    add_contact(database, citizen, mentor, date(2026, 11, 24), 90)
    path = export_hours_xlsx(Context(database, admin), date(2026, 11, 23), date(2026, 11, 29),
                             tmp_path / "timer.xlsx", today=date(2026, 11, 30))
    with zipfile.ZipFile(path) as archive:
        assert "<f>" not in archive.read("xl/worksheets/sheet1.xml").decode()
    sheet = load_workbook(path)["Borgere"]
    row = [cell.value for cell in sheet[4]]
    assert row[0] == f"{HOSTILE} Test"
    assert row[2] == "2026-W48" and row[4] == 1 and row[5] == 5 and row[6] == 1.5
    assert row[8] == "Inden for bevilling"


def test_billing_basis_per_hour_and_per_week(database, admin, tmp_path, pdf_text):
    mentor = add_user(database, "bent", "Bent Billing")
    hourly = add_citizen(database, "Hanne", "Time", mentor_id=mentor)
    weekly = add_citizen(database, "Uffe", "Uge", mentor_id=mentor)
    with database.session() as session:
        authority = Authority(name="Testkommune")
        session.add(authority)
        session.flush()
        authority_id = authority.id
    add_grant(database, hourly, date(2026, 10, 1), None, 60, 300, authority_id=authority_id,
              price_model="per_hour", price_oere=50_000)
    add_grant(database, weekly, date(2026, 11, 10), None, 60, 900, authority_id=authority_id,
              price_model="per_week", price_oere=250_000)
    add_contact(database, hourly, mentor, date(2026, 11, 3), 90)
    add_contact(database, hourly, mentor, date(2026, 11, 20), 45)
    add_contact(database, hourly, mentor, date(2026, 11, 21), 60, attended=False)
    add_contact(database, hourly, mentor, date(2026, 12, 1), 60)
    basis = billing_basis(Context(database, admin), authority_id, 2026, 11)
    lines = {line.citizen_id: line for line in basis.lines}
    # 135 min × 500 kr./t = 1.125,00 kr.; November Thursdays from 10-11: 12, 19, 26 = 3 weeks.
    assert (lines[hourly].delivered_minutes, lines[hourly].amount_oere) == (135, 112_500)
    assert (lines[weekly].weeks, lines[weekly].amount_oere) == (3, 750_000)
    assert basis.total_oere == 862_500
    pdf = export_billing_pdf(Context(database, admin), authority_id, 2026, 11, tmp_path / "a.pdf")
    text = pdf_text(pdf)
    assert "Testkommune" in text and "8.625,00 kr." in text and "Hanne Time" in text
    xlsx = load_workbook(export_billing_xlsx(Context(database, admin), authority_id, 2026, 11,
                                             tmp_path / "a.xlsx"))["Afregningsgrundlag"]
    header = [cell.value for cell in xlsx[4]]
    amount = header.index("Beløb ekskl. moms (kr.)") + 1
    amounts = [xlsx.cell(row=r, column=amount).value for r in (5, 6)]
    assert sorted(amounts) == [1125, 7500]

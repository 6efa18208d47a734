"""`mentordesk hours` and `mentordesk calendar export` as real processes on a real file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar
from sqlalchemy import select

from mentordesk import vault
from mentordesk.kernel.context import Context
from mentordesk.schedule import AppointmentInput, create_appointment, weekly_hours_for_week
from mentordesk.schedule.anonymous import AnonymousCount, count_anonymous_contact
from mentordesk.services import new_team
from mentordesk.services.team import resolve_actor
from mentordesk.storage.models import Assignment, Citizen, Contact, Grant, LegalBasis, User

PASSPHRASE = "kalender-adgangskode 2026"
CPR = "0101909001"


def run(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, MENTORDESK_HOME=str(home), MENTORDESK_PASSPHRASE=PASSPHRASE,
               PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring")
    return subprocess.run([sys.executable, "-m", "mentordesk", *args], capture_output=True,
                          text=True, encoding="utf-8", env=env, timeout=300)


@pytest.fixture
def team_file(tmp_path: Path) -> Path:
    path = tmp_path / "kalender.mentordesk"
    database = new_team.create_database(path, PASSPHRASE, team_name="Kalenderteamet").database
    try:
        admin = resolve_actor(database, vault.current_login())
        with database.session() as session:
            mentor = User(login="mette", full_name="Mette Mentor", role="mentor",
                          weekly_capacity_minutes=1200)
            citizen = Citizen(first_name="Per", last_name="Prøve", cpr=CPR, status="active")
            session.add_all([mentor, citizen])
            session.flush()
            basis = session.query(LegalBasis).first()
            session.add_all([
                Assignment(citizen_id=citizen.id, user_id=mentor.id, kind="primary",
                           start_on=date(2026, 1, 1)),
                Grant(citizen_id=citizen.id, legal_basis_id=basis.id, start_on=date(2026, 1, 1),
                      hours_min_minutes=60, hours_max_minutes=300),
                Contact(citizen_id=citizen.id, mentor_id=mentor.id, contact_on=date(2026, 11, 3),
                        duration_minutes=50, form="home_visit", travel_minutes=20,
                        travel_km=14, indirect_minutes=10),
                Contact(citizen_id=citizen.id, mentor_id=mentor.id, contact_on=date(2026, 11, 5),
                        duration_minutes=25, form="sms"),
            ])
            citizen_id, mentor_id = citizen.id, mentor.id
        mette = Context(database, resolve_actor(database, "mette"))
        for _ in range(2):
            count_anonymous_contact(mette, AnonymousCount(contact_on=date(2026, 11, 4),
                                                          minutes=5), today=date(2026, 11, 4))
        create_appointment(Context(database, admin), AppointmentInput(
            citizen_id=citizen_id, mentor_ids=(mentor_id,), starts_at=datetime(2026, 11, 4, 9),
            duration_minutes=45, form="home_visit", note="Fortrolig note"),
            today=date(2026, 11, 1))
    finally:
        database.close()
    return path


def test_hours_json_equals_service_numbers(team_file, isolated_home):
    result = run("hours", str(team_file), "--week", "2026-W45", "--json", home=isolated_home)
    assert result.returncode == 0, result.stderr
    printed = json.loads(result.stdout)
    citizen = printed["citizens"][0]
    assert (citizen["name"], citizen["week"], citizen["granted_min_minutes"],
            citizen["granted_max_minutes"], citizen["delivered_minutes"], citizen["flag"]) == (
        "Per Prøve", "2026-W45", 60, 300, 75, "within")
    database = vault.unlock_with_passphrase(team_file, PASSPHRASE)
    try:
        actor = resolve_actor(database, vault.current_login())
        overview = weekly_hours_for_week(Context(database, actor), "2026-W45")
    finally:
        database.close()
    service = [(r.citizen_id, r.granted_min_minutes, r.granted_max_minutes,
                r.delivered_minutes, r.planned_minutes, r.flag) for r in overview.citizen_weeks]
    assert service == [(c["citizen_id"], c["granted_min_minutes"], c["granted_max_minutes"],
                        c["delivered_minutes"], c["planned_minutes"], c["flag"])
                       for c in printed["citizens"]]
    mette = next(m for m in printed["mentors"] if m["name"] == "Mette Mentor")
    assert (mette["capacity_minutes"], mette["delivered_minutes"]) == (1200, 75)
    # Delivered stays face-to-face time; travel, indirect time and the anonymous tally
    # (counts, no one named) stand beside it.
    [around] = printed["time_around"]
    assert around == {"mentor_id": mette["mentor_id"], "name": "Mette Mentor",
                      "travel_minutes": 20, "travel_km": 14, "indirect_minutes": 10,
                      "anonymous_contacts": 2, "anonymous_minutes": 10}

    text = run("hours", str(team_file), "--week", "2026-W45", home=isolated_home)
    assert text.returncode == 0 and "Per Prøve" in text.stdout and "1,25" in text.stdout


def test_hours_bad_week_is_usage_error(team_file, isolated_home):
    result = run("hours", str(team_file), "--week", "2026-W54", home=isolated_home)
    assert result.returncode == 2 and "Uge 54 findes ikke" in result.stderr


def test_calendar_export_writes_ics_without_cpr_or_note(team_file, isolated_home, tmp_path):
    out = tmp_path / "mette.ics"
    result = run("calendar", "export", str(team_file), "--mentor", "mette", "--from",
                 "01-11-2026", "--to", "30-11-2026", "--out", str(out), home=isolated_home)
    assert result.returncode == 0, result.stderr
    data = out.read_bytes()
    assert CPR.encode() not in data and b"Fortrolig" not in data
    events = Calendar.from_ical(data).walk("VEVENT")
    assert [str(e["summary"]) for e in events] == ["PP – Hjemmebesøg"]


def test_hours_says_paa_vej_for_a_booked_week_ahead(team_file, isolated_home):
    """Issue #14: next week has nothing delivered yet but 1,5 t booked against a 1–5 t
    grant, so the command line says "På vej" (the app's and the workbook's word)."""
    next_wednesday = date.today() + timedelta(days=7 - date.today().weekday() + 2)
    database = vault.unlock_with_passphrase(team_file, PASSPHRASE)
    try:
        admin = resolve_actor(database, vault.current_login())
        with database.read_session() as session:
            citizen_id, mentor_id = session.execute(select(Assignment.citizen_id,
                                                           Assignment.user_id)).one()
        mette = Context(database, resolve_actor(database, "mette"))
        for _ in range(2):
            count_anonymous_contact(mette, AnonymousCount(contact_on=date(2026, 11, 4),
                                                          minutes=5), today=date(2026, 11, 4))
        create_appointment(Context(database, admin), AppointmentInput(
            citizen_id=citizen_id, mentor_ids=(mentor_id,),
            starts_at=datetime.combine(next_wednesday, time(10)), duration_minutes=90,
            form="home_visit"), today=date.today())
    finally:
        database.close()
    week = f"{next_wednesday.isocalendar()[0]}-W{next_wednesday.isocalendar()[1]:02d}"
    result = run("hours", str(team_file), "--week", week, home=isolated_home)
    assert result.returncode == 0, result.stderr
    line = next(text for text in result.stdout.splitlines() if text.startswith("Per Prøve"))
    assert line.split()[-2:] == ["På", "vej"]
    assert "1,5 t" in line and "Under" not in line

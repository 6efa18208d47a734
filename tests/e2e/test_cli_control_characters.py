"""Control characters typed or pasted into a name or a note (ESC starts a terminal escape
sequence, NUL cuts lines) are dropped before they are stored: they never come back out
in the command line's output, an ICS file or an access export. Newlines in a note stay."""

from __future__ import annotations

import zipfile
from datetime import date, datetime

import pytest
from test_cli_schedule import PASSPHRASE, run

from mentordesk import vault
from mentordesk.domain.codes import CitizenStatus, ContactForm
from mentordesk.kernel.context import Context
from mentordesk.schedule import AppointmentInput, create_appointment
from mentordesk.services import new_team
from mentordesk.services.citizens import NewCitizen, create_citizen
from mentordesk.services.contacts import NewContact, log_contact
from mentordesk.services.team import resolve_actor
from mentordesk.storage.models import Contact, Partner

ESC, NUL = "\x1b", "\x00"
HOSTILE_NAME = f"Es{ESC}[31mben{NUL}"
HOSTILE_NOTE = f"Første linje{ESC}]0;titel\x07\nAnden{NUL} linje\tmed tab"


@pytest.fixture
def hostile_file(tmp_path):
    path = tmp_path / "styretegn.mentordesk"
    database = new_team.create_database(path, PASSPHRASE, team_name="Styretegnsteamet").database
    try:
        context = Context(database, resolve_actor(database, vault.current_login()))
        citizen_id = create_citizen(context, NewCitizen(
            first_name=HOSTILE_NAME, last_name=f"Hansen{ESC}c",
            status=CitizenStatus.ACTIVE)).value
        log_contact(context, NewContact(citizen_id=citizen_id, duration_minutes=30,
                                        form=ContactForm.PHONE, contact_on=date(2026, 11, 3),
                                        note=HOSTILE_NOTE), today=date(2026, 11, 3))
        create_appointment(context, AppointmentInput(
            citizen_id=citizen_id, mentor_ids=(context.actor.user_id,),
            starts_at=datetime(2026, 11, 4, 9), duration_minutes=45, form="home_visit",
            place=f"Hjemme{ESC}[2J", note=HOSTILE_NOTE), today=date(2026, 11, 1))
        with database.read_session() as session:
            stored_note = session.query(Contact.note).scalar()
    finally:
        database.close()
    return path, citizen_id, stored_note


def _clean(data: bytes) -> bool:
    return b"\x1b" not in data and b"\x00" not in data and b"\\u001b" not in data \
        and b"\\u0000" not in data


def test_control_characters_never_reach_cli_output_or_ics(hostile_file, isolated_home,
                                                           tmp_path):
    path, citizen_id, stored_note = hostile_file
    assert stored_note == "Første linje]0;titel\nAnden linje\tmed tab"  # layout kept

    for args in (("citizens", str(path)), ("citizens", str(path), "--json")):
        listed = run(*args, home=isolated_home)
        assert listed.returncode == 0, listed.stderr
        assert "Es[31mben Hansenc" in listed.stdout
        assert _clean(listed.stdout.encode()), listed.stdout

    ics = tmp_path / "kalender.ics"
    exported = run("calendar", "export", str(path), "--include-details", "--from",
                   "01-11-2026", "--to", "30-11-2026", "--out", str(ics), home=isolated_home)
    assert exported.returncode == 0, exported.stderr
    assert b"Anden linje" in ics.read_bytes() and _clean(ics.read_bytes())

    package = tmp_path / "indsigt.zip"
    access = run("export-citizen", str(path), "--citizen", str(citizen_id), "--out",
                 str(package), home=isolated_home)
    assert access.returncode == 0, access.stderr
    with zipfile.ZipFile(package) as archive:
        texts = [name for name in archive.namelist() if name.endswith((".json", ".csv", ".txt"))]
        assert texts
        for name in texts:  # (PDF and xlsx are binary: their bytes prove nothing)
            assert _clean(archive.read(name)), name


def test_text_stored_without_an_operation_is_cleaned_too(database):
    """The session's flush applies the same rule to rows written past the operations."""
    with database.session() as session:
        session.add(Partner(name=f"Jobcenter{ESC}[5m\nNord{NUL}", note=f"a{NUL}\nb"))
    with database.read_session() as session:
        assert session.query(Partner.name, Partner.note).one() == ("Jobcenter[5m Nord", "a\nb")

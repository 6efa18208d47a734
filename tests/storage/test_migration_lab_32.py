"""Migrating to 0011: LivaRehab's guidance course and its grants move from LAB §31b to
LAB §32, and a report on such a grant says "LAB §32", never "§31b"."""

from __future__ import annotations

import shutil
from datetime import date, datetime
from pathlib import Path

import pytest
import sqlcipher3

from mentordesk.domain.catalogue import GUIDANCE_COURSE
from mentordesk.kernel.context import Context
from mentordesk.reports.progress.assemble import Period
from mentordesk.reports.progress.batch import one_report
from mentordesk.security.key_migration import migrate_to_key_slots
from mentordesk.services.catalogue_admin import load_catalogue
from mentordesk.services.citizens import NewCitizen, create_citizen
from mentordesk.services.grants import GrantInput, create_grant, prefill_from_course_type
from mentordesk.storage.models import Grant

pytestmark = pytest.mark.both_backends

FIXTURES = Path(__file__).with_name("fixtures")
BASELINE_PASSPHRASE = "fixture-adgangskode-0001"
MENTOR_COURSE = "Mentorstøtte - For borgere med misbrug."


def _old_file_with_guidance_grants(tmp_path: Path) -> Path:
    """The 0001 fixture with the old catalogue: the guidance course under LAB §31b."""
    path = tmp_path / "gammel.mentordesk"
    shutil.copyfile(FIXTURES / "baseline-0001.mentordesk", path)
    connection = sqlcipher3.connect(str(path))
    connection.execute(f"PRAGMA key = '{BASELINE_PASSPHRASE}'")
    connection.executemany(
        "INSERT INTO legal_basis (id, code, name, note, allows_anonymous, requires_assessment, "
        "active, version) VALUES (?, ?, ?, '', 0, 1, 1, 1)",
        [(1, "LAB §31b", "Mentorstøtte"), (2, "SEL §85", "Socialpædagogisk støtte")])
    connection.executemany(
        "INSERT INTO course_type (id, name, legal_basis_id, fixed_period, roles, description, "
        "active, version) VALUES (?, ?, 1, 0, '', '', 1, 1)",
        [(1, GUIDANCE_COURSE), (2, MENTOR_COURSE)])
    connection.executemany(
        'INSERT INTO "grant" (id, citizen_id, legal_basis_id, course_type_id, caseworker_name, '
        "caseworker_contact, start_on, note, version) "
        "VALUES (?, 1, ?, ?, '', '', '2026-01-05', '', 1)",
        [(11, 1, 1),    # the guidance course under §31b: moves
         (12, 2, 1),    # a person put it under SEL §85: stays
         (13, 1, 2)])   # real mentor support: stays §31b
    connection.commit()
    connection.close()
    return path


def test_guidance_course_and_its_grants_move_to_lab_32(tmp_path):
    path = _old_file_with_guidance_grants(tmp_path)
    database = migrate_to_key_slots(path, BASELINE_PASSPHRASE, admin_login="fixture.mentor",
                                    admin_passphrase="fixture-admins-egen-kode").database
    try:
        catalogue = load_catalogue(database)
        bases = {item.id: item for item in catalogue.legal_bases}
        courses = {item.name: item for item in catalogue.course_types}
        with database.read_session() as session:
            grants = {grant.id: (bases[grant.legal_basis_id].code, grant.version)
                      for grant in session.query(Grant)}
    finally:
        database.close()
    lab_32 = next(item for item in bases.values() if item.code == "LAB §32")
    assert lab_32.name == "Vejledning og opkvalificering"
    assert courses[GUIDANCE_COURSE].legal_basis_code == "LAB §32"
    assert courses[MENTOR_COURSE].legal_basis_code == "LAB §31b"
    assert grants == {11: ("LAB §32", 2), 12: ("SEL §85", 1), 13: ("LAB §31b", 1)}


def test_a_lab_32_grants_report_says_lab_32_never_31b(database, admin, pdf_text):
    context = Context(database, admin)
    catalogue = load_catalogue(database)
    course = next(item for item in catalogue.course_types if item.name == GUIDANCE_COURSE)
    citizen = create_citizen(context, NewCitizen(first_name="Vera", last_name="Vejledt",
                                                 cpr="0101909005")).value
    create_grant(context, citizen, GrantInput(
        start_on=date(2026, 1, 5), end_on=date(2026, 2, 15),
        **prefill_from_course_type(course)))
    _name, pdf = one_report(context, citizen, Period(date(2026, 1, 5), date(2026, 2, 15)),
                            today=date(2026, 3, 1), now=datetime(2026, 3, 1, 10, 0))
    text = " ".join(pdf_text(pdf).split())
    assert "LAB §32 – Vejledning og opkvalificering" in text
    assert "31b" not in text


def test_lab_32_has_no_six_month_limit_unlike_mentor_support():
    from mentordesk.services.grants import period_warning

    start, eight_months_on = date(2026, 1, 5), date(2026, 9, 4)
    assert period_warning(start, eight_months_on, None, "LAB §32") == ""
    assert "6 måneder" in period_warning(start, eight_months_on, None, "LAB §31b")

"""The log viewer (filters, export) and the monthly log review (data and PDF)."""

from __future__ import annotations

import csv
import io
from datetime import date

import openpyxl
import pytest

from mentordesk import audit
from mentordesk.audit_admin import LogFilter, export_log, search_log
from mentordesk.audit_admin.review import export_review_pdf, monthly_review, parse_month
from mentordesk.domain.codes import CitizenStatus, Role
from mentordesk.errors import AccessDenied, InvalidInput
from mentordesk.kernel.context import Context
from mentordesk.services.assignments import assign_mentor
from mentordesk.services.case_record import reveal_cpr
from mentordesk.services.citizens import NewCitizen, create_citizen, get_citizen_summary
from mentordesk.services.team import NewUser, create_user, resolve_actor

pytestmark = pytest.mark.both_backends

HOSTILE = "=cmd|' /C calc'!A0 <b>&"
THIS_MONTH = date.today().replace(day=1)


@pytest.fixture
def team(database, admin):
    create_user(Context(database, admin), NewUser("mette", "Mette Mentor", Role.MENTOR))
    mentor = resolve_actor(database, "mette")
    own = create_citizen(Context(database, admin), NewCitizen(
        first_name="Olga", last_name="Egen", cpr="0101901234",
        status=CitizenStatus.ACTIVE)).value
    other = create_citizen(Context(database, admin),
                           NewCitizen(first_name="Peter", last_name="Fremmed",
                                                       status=CitizenStatus.ACTIVE)).value
    assign_mentor(Context(database, admin), own, mentor.user_id, "primary")
    get_citizen_summary(Context(database, mentor), own)
    reveal_cpr(Context(database, mentor), own)
    with database.session() as session:  # a look-up the service rules would not allow now
        audit.record(session, "mette", audit.Action.READ, entity="citizen", citizen_id=other,
                     detail=HOSTILE)
    return mentor, own, other


def test_filters_by_citizen_user_action_and_period(database, admin, team):
    mentor, own, _other = team
    page = search_log(Context(database, admin), LogFilter(citizen_id=own, user_login="mette"))
    assert page.total == len(page.rows) >= 2
    assert {row.action for row in page.rows} >= {"read", "reveal_cpr"}
    assert all(row.citizen_label == "Olga Egen" for row in page.rows)
    reveals = search_log(Context(database, admin), LogFilter(action="reveal_cpr"))
    assert [row.user_name for row in reveals.rows] == ["Mette Mentor"]
    assert search_log(Context(database, admin), LogFilter(start=date(2000, 1, 1),
                                                 end=date(2000, 1, 31))).total == 0
    with pytest.raises(InvalidInput):
        search_log(Context(database, admin),
                   LogFilter(start=date(2026, 2, 1), end=date(2026, 1, 1)))
    with pytest.raises(AccessDenied):
        search_log(Context(database, mentor), LogFilter())


def test_export_never_writes_a_formula(database, admin, team, tmp_path):
    _mentor, _own, other = team
    assert export_log(Context(database, admin),
                      LogFilter(citizen_id=other), tmp_path / "log.xlsx") >= 1
    sheet = openpyxl.load_workbook(tmp_path / "log.xlsx").active
    details = [row[9] for row in sheet.iter_rows(min_row=2)]
    assert any(cell.value == HOSTILE for cell in details)
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    export_log(Context(database, admin), LogFilter(citizen_id=other), tmp_path / "log.csv")
    rows = list(csv.reader(io.StringIO((tmp_path / "log.csv").read_text("utf-8-sig")),
                           delimiter=";"))
    assert rows[0][0] == "Nr." and any(row[9] == "'" + HOSTILE for row in rows[1:])
    last = search_log(Context(database, admin), LogFilter(action="export")).rows[0]
    # The log names the file type, never the file name users may have typed a name into.
    assert "en csv-fil" in last.detail and "log.csv" not in last.detail
    assert last.citizen_id == other


def test_review_finds_outside_caseload_reveals_and_exports(database, admin, team, tmp_path,
                                                           pdf_text):
    _mentor, own, other = team
    export_log(Context(database, admin), LogFilter(), tmp_path / "alt.csv")
    report = monthly_review(Context(database, admin), THIS_MONTH)
    assert [(f.name, f.citizen_label) for f in report.outside_caseload] == [
        ("Mette Mentor", "Peter Fremmed")]
    assert [f.citizen_label for f in report.cpr_reveals] == ["Olga Egen"]
    assert any("Adgangslog eksporteret til en csv-fil" in f.detail for f in report.exports)
    assert report.chain_ok and {v.login for v in report.volumes} >= {"mette", admin.login}
    out = tmp_path / "logkontrol.pdf"
    export_review_pdf(Context(database, admin), THIS_MONTH, out)
    text = " ".join(pdf_text(out).split())
    assert "Logkontrol" in text and "Peter Fremmed" in text and HOSTILE in text
    assert own != other


def test_the_review_prints_the_log_head_as_a_witness_outside_the_file(database, admin,
                                                                      tmp_path, pdf_text):
    import re

    from sqlalchemy import select

    from mentordesk.storage.models import AuditEvent

    out = tmp_path / "logkontrol.pdf"
    export_review_pdf(Context(database, admin), THIS_MONTH, out)
    text = " ".join(pdf_text(out).split())
    assert "Underskrifter: i orden" in text
    printed = re.search(r"Hændelse nr\. (\d+) af (\d+), hash ([0-9a-f ]+)\.", text)
    assert printed is not None
    event_id, printed_hash = int(printed.group(1)), printed.group(3).replace(" ", "")
    with database.read_session() as session:
        stored = session.scalar(select(AuditEvent.hash).where(AuditEvent.id == event_id))
    assert printed_hash == stored  # what the team writes down is the log's real head


def test_unusual_volume_is_flagged(database, admin, team):
    with database.session() as session:
        for number in range(400):
            audit.record(session, "mette", audit.Action.READ, citizen_id=number + 100)
    volumes = {v.login: v for v in monthly_review(Context(database, admin), THIS_MONTH).volumes}
    assert "hændelser" in volumes["mette"].unusual and not volumes[admin.login].unusual


def test_month_must_be_written_as_year_and_month():
    assert parse_month("2026-10") == date(2026, 10, 1)
    with pytest.raises(InvalidInput, match="ÅÅÅÅ-MM"):
        parse_month("10-2026")

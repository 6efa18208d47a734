"""Progression reports on a real encrypted file: the assembled content, drafts with version
checks, sign-off (approve, send back, send with consent) and the frozen reprint."""

from __future__ import annotations

import base64
import struct
import subprocess
import zlib
from datetime import date, datetime, time

import pytest
from sqlalchemy import select

from mentordesk.domain.codes import Role
from mentordesk.errors import AccessDenied, InvalidInput, StaleEdit
from mentordesk.kernel.actor import Actor
from mentordesk.kernel.changes import NOTHING, Changes, Kind
from mentordesk.kernel.context import Context
from mentordesk.kernel.editing import EditConflict
from mentordesk.reports.progress import workflow
from mentordesk.reports.progress.assemble import Period, ReportTexts
from mentordesk.reports.progress.batch import Selection, one_report, run_batch
from mentordesk.reports.progress.workflow import (
    LOGO_META_KEY,
    approve,
    create_draft,
    get_report,
    list_reports,
    mark_sent,
    preview_pdf,
    report_pdf,
    save_draft,
    send_back,
    suggested_period,
)
from mentordesk.services.catalogue_admin import load_catalogue
from mentordesk.services.citizens import NewCitizen, create_citizen
from mentordesk.services.grants import GrantInput, create_grant
from mentordesk.storage.models import (
    Assessment,
    Assignment,
    AuditEvent,
    Consent,
    Contact,
    Goal,
    Partner,
    SubGoal,
    User,
)

pytestmark = pytest.mark.both_backends

PERIOD = Period(date(2026, 8, 1), date(2026, 10, 31))
TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 10, 15)
HOSTILE = '<b>fed</b> & <img src="/etc/passwd"/>'


def _user(database, login: str, role: Role) -> Actor:
    with database.session() as session:
        user = User(login=login, full_name=login.title(), role=role.value)
        session.add(user)
        session.flush()
        return Actor(user.id, user.login, user.full_name, role)


@pytest.fixture
def case(database, admin) -> int:
    """A named citizen with a §85 grant (6–10 hours), two goals and a term of contacts,
    all belonging to the grant (as the plan's grant field and the contact form set them)."""
    catalogue = load_catalogue(database)
    basis = next(item.id for item in catalogue.legal_bases if item.code == "SEL §85")
    citizen_id = create_citizen(Context(database, admin), NewCitizen(
        first_name="Łukasz", last_name="Şahin", alias="Luk", cpr="0101909002",
        opened_on=date(2026, 1, 5))).value
    grant_id = create_grant(Context(database, admin), citizen_id, GrantInput(
        legal_basis_id=basis, start_on=date(2026, 1, 5), caseworker_name="Bo Iversen",
        hours_min_minutes=360, hours_max_minutes=600)).value.id
    with database.session() as session:
        goal = Goal(citizen_id=citizen_id, title="Tjekke e-Boks selv hver mandag",
                    goal_type="develop", status="in_progress", start_on=date(2026, 2, 1),
                    grant_id=grant_id)
        other = Goal(citizen_id=citizen_id, title=HOSTILE, goal_type="maintain",
                     status="in_progress", start_on=date(2026, 2, 1), position=1,
                     grant_id=grant_id)
        session.add_all([goal, other])
        session.flush()
        session.add_all([
            SubGoal(goal_id=goal.id, text="Åbne e-Boks på telefonen", status="achieved",
                    done_on=date(2026, 8, 20)),
            Assessment(goal_id=goal.id, assessed_on=date(2026, 5, 1), level=4),
            Assessment(goal_id=goal.id, assessed_on=date(2026, 8, 10), level=3),
            Assessment(goal_id=goal.id, assessed_on=date(2026, 10, 20), level=1,
                       citizen_view="Nu kan jeg selv."),
        ])
        for day, form, attended, minutes in (
            (date(2026, 8, 3), "home_visit", True, 150), (date(2026, 8, 5), "phone", True, 30),
            (date(2026, 8, 12), "home_visit", False, 60),
            (date(2026, 9, 14), "accompaniment", True, 200)):
            session.add(Contact(citizen_id=citizen_id, mentor_id=admin.user_id, contact_on=day,
                                start_time=time(10), duration_minutes=minutes, form=form,
                                attended=attended, grant_id=grant_id))
    return citizen_id


def _events(database, citizen_id: int) -> list[tuple[str, str]]:
    with database.read_session() as session:
        return [tuple(row) for row in session.execute(
            select(AuditEvent.action, AuditEvent.detail)
            .where(AuditEvent.citizen_id == citizen_id, AuditEvent.entity == "report"))]


def test_report_contains_the_case_as_assembled(database, admin, case, pdf_text):
    name, pdf = one_report(Context(database, admin), case, PERIOD, today=TODAY, now=NOW)
    text = pdf_text(pdf)
    for expected in ("Łukasz Şahin", "Luk", "010190-xxxx", "SEL §85", "Bo Iversen",
                     "Tjekke e-Boks selv hver mandag", "Åbne e-Boks på telefonen", HOSTILE,
                     "fra 3 (10-08-2026) til 1 (20-10-2026)", "Nu kan jeg selv.",
                     "Uge 32, 2026", "Side 1 af", "2 af 3 fysiske aftaler gennemført (67 %)"):
        assert expected in text, expected
    # Week 32 (3–9 August): 150 + 30 attended minutes = 3 hours, in the 6–10 band.
    week_32 = next(line for line in text.splitlines() if "Uge 32, 2026" in line)
    # Cells in order: week, granted band, delivered hours, flag. pdftotext's spacing inside a
    # right-aligned cell varies ("3t"), so the words are compared without their spaces.
    assert "".join(week_32.split()) == "".join(
        ["Uge", "32,", "2026", "6–10t", "3t", "Under", "bevilling"])
    assert "0101909002" not in text and "9002" not in text
    # The May assessment is before the period: it is neither first nor latest.
    assert "(01-05-2026)" not in text
    assert name == f"Progressionsrapport ŁŞ nr {case} 01-08-2026 til 31-10-2026.pdf"
    assert ("print", "Progressionsrapport 01-08-2026 – 31-10-2026 dannet") in \
        _events(database, case)


def test_draft_is_saved_against_its_version(database, admin, case):
    created = create_draft(Context(database, admin), case, PERIOD)
    draft = created.value
    assert draft.status == "draft" and draft.texts == ReportTexts()
    assert created.changes == Changes.of(Kind.REPORTS, citizen=case)
    changed = save_draft(Context(database, admin), draft.id, draft.version,
                         {"mentor_assessment": "Godt i gang.", "recommendation": "continue"},
                         draft.values())
    saved = changed.value
    assert saved.texts.mentor_assessment == "Godt i gang."
    assert changed.changes == Changes.of(Kind.REPORTS, citizen=case)
    unchanged = save_draft(Context(database, admin), saved.id, saved.version, saved.values(),
                           saved.values())
    assert unchanged.changes == NOTHING and unchanged.value.version == saved.version
    # A second editor still holding the first version changes the same field: conflict.
    with pytest.raises(EditConflict):
        save_draft(Context(database, admin), draft.id, draft.version,
                   {"mentor_assessment": "Noget andet."}, draft.values())
    with pytest.raises(InvalidInput):
        save_draft(Context(database, admin), saved.id, saved.version, {"recommendation": "maybe"},
                   saved.values())
    with pytest.raises(InvalidInput):
        save_draft(Context(database, admin), saved.id, saved.version,
                   {"period_to": date(2026, 7, 1)}, saved.values())
    assert get_report(Context(database, admin), draft.id).texts.mentor_assessment == "Godt i gang."
    assert [row.id for row in list_reports(Context(database, admin), case)] == [draft.id]


def test_default_period_runs_from_the_grant_then_from_the_last_report(database, admin, case):
    assert suggested_period(Context(database, admin), case, TODAY) == \
        Period(date(2026, 1, 5), TODAY)
    create_draft(Context(database, admin), case, PERIOD)
    assert suggested_period(Context(database, admin), case, TODAY) == \
        Period(date(2026, 11, 1), TODAY)


def test_sign_off_freezes_the_pdf_and_reprints_it_byte_for_byte(database, admin, case,
                                                                 pdf_text):
    mentor = _user(database, "mette", Role.MENTOR)
    with database.session() as session:
        session.add(Assignment(citizen_id=case, user_id=mentor.user_id, kind="primary",
                               start_on=date(2026, 1, 5)))
    draft = create_draft(Context(database, mentor), case, PERIOD,
                         ReportTexts("Stabil udvikling.", HOSTILE, "Flere ture.", "continue")).value
    with pytest.raises(AccessDenied):
        approve(Context(database, mentor), draft.id, draft.version, now=NOW)
    returned = send_back(Context(database, admin), draft.id, draft.version,
                         "Skriv mere om økonomi.").value
    assert returned.status == "draft" and returned.return_comment == "Skriv mere om økonomi."
    with pytest.raises(StaleEdit):
        approve(Context(database, admin), draft.id, draft.version, now=NOW)
    approved = approve(Context(database, admin), returned.id, returned.version, now=NOW).value
    assert approved.status == "approved" and approved.has_frozen_pdf

    first = report_pdf(Context(database, admin), approved.id, now=datetime(2026, 12, 1, 8, 0))
    text = pdf_text(first)
    assert "Godkendt af" in text and "Stabil udvikling." in text and HOSTILE in text
    # The case changes after approval; the approved report does not.
    with database.session() as session:
        session.add(Contact(citizen_id=case, mentor_id=admin.user_id,
                            contact_on=date(2026, 8, 4), duration_minutes=600, form="online"))
    again = report_pdf(Context(database, mentor), approved.id, now=datetime(2027, 1, 5, 14, 0))
    assert again == first
    assert one_report(Context(database, admin), case, PERIOD, today=TODAY)[1] == first
    with pytest.raises(InvalidInput):
        save_draft(Context(database, mentor), approved.id, approved.version,
                   {"next_steps": "Ændret."}, approved.values())
    actions = [action for action, _ in _events(database, case)]
    assert actions.count("print") >= 3


def test_a_draft_saved_while_the_approval_renders_is_not_approved_unseen(
        database, admin, case, monkeypatch):
    """Approval renders outside the write transaction; a save that lands meanwhile makes
    the approval fail as stale instead of freezing a PDF of the older text."""
    draft = create_draft(Context(database, admin), case, PERIOD,
                         ReportTexts("Første udgave.", "", "", "continue")).value
    render = workflow._render

    def colleague_saves_then_render(*args):
        save_draft(Context(database, admin), draft.id, draft.version,
                   {"mentor_assessment": "Anden udgave."}, draft.values())
        return render(*args)

    monkeypatch.setattr(workflow, "_render", colleague_saves_then_render)
    with pytest.raises(StaleEdit):
        approve(Context(database, admin), draft.id, draft.version, now=NOW)
    current = get_report(Context(database, admin), draft.id)
    assert current.status == "draft" and not current.has_frozen_pdf
    assert current.texts.mentor_assessment == "Anden udgave."


def test_sending_records_recipient_and_needs_consent_for_a_partner(database, admin, case):
    draft = create_draft(Context(database, admin), case, PERIOD).value
    with pytest.raises(InvalidInput, match="godkendt"):
        mark_sent(Context(database, admin), draft.id, draft.version, TODAY, "Nordby Kommune")
    approved = approve(Context(database, admin), draft.id, draft.version, now=NOW).value
    with database.session() as session:
        partner = Partner(name="Distriktspsykiatrien")
        session.add(partner)
        session.flush()
        partner_id = partner.id
    with pytest.raises(InvalidInput, match="samtykke"):
        mark_sent(Context(database, admin), approved.id, approved.version, TODAY,
                  "Distriktspsykiatrien", partner_id=partner_id)
    assert get_report(Context(database, admin), approved.id).status == "approved"
    with database.session() as session:
        session.add(Consent(citizen_id=case, partner_id=partner_id, purpose="Status",
                            given_on=date(2026, 11, 1)))
    sent = mark_sent(Context(database, admin), approved.id, approved.version, TODAY,
                     "Distriktspsykiatrien", partner_id=partner_id).value
    assert (sent.status, sent.sent_on, sent.recipient) == ("sent", TODAY,
                                                           "Distriktspsykiatrien")
    assert ("export", "Progressionsrapport 01-08-2026–31-10-2026 sendt 23-11-2026 til "
            "Distriktspsykiatrien") in _events(database, case)


def test_unsaved_preview_uses_the_editor_text_and_is_audited(database, admin, case, pdf_text):
    pdf = preview_pdf(Context(database, admin), case, PERIOD, ReportTexts(next_steps="Ny bolig."),
                      now=NOW, today=TODAY)
    assert "Ny bolig." in pdf_text(pdf)
    assert ("read", "Progressionsrapport 01-08-2026 – 31-10-2026 forhåndsvist") in \
        _events(database, case)


def test_only_the_approved_report_is_printed_without_kladde(database, admin, case, pdf_text,
                                                            tmp_path):
    """Preview, print and export of a draft, and a batch report with no saved report or
    only a draft for its period, say KLADDE on every page; the frozen approved PDF never."""
    context = Context(database, admin)

    def marked_on_every_page(pdf: bytes) -> bool:
        pages = pdf_text(pdf).split("\f")[:-1]
        return bool(pages) and all("KLADDE" in page for page in pages)

    assert marked_on_every_page(run_batch_one(context, case, tmp_path / "uden"))  # no saved report
    draft = create_draft(context, case, PERIOD, ReportTexts("Stabil udvikling."),
                         today=TODAY).value
    assert marked_on_every_page(preview_pdf(context, case, PERIOD, draft.texts, now=NOW,
                                            today=TODAY))
    assert marked_on_every_page(report_pdf(context, draft.id, now=NOW, today=TODAY))
    assert marked_on_every_page(one_report(context, case, PERIOD, today=TODAY, now=NOW)[1])
    assert marked_on_every_page(run_batch_one(context, case, tmp_path / "kladde"))

    approved = approve(context, draft.id, draft.version, now=NOW, today=TODAY).value
    frozen = report_pdf(context, approved.id, now=NOW, today=TODAY)
    assert "KLADDE" not in pdf_text(frozen) and "Godkendt af" in pdf_text(frozen)
    assert "KLADDE" not in pdf_text(run_batch_one(context, case, tmp_path / "godkendt"))


def run_batch_one(context: Context, citizen_id: int, out) -> bytes:
    result = run_batch(context, Selection(citizen_ids=(citizen_id,)), PERIOD, out,
                       today=TODAY, now=NOW)
    assert len(result.files) == 1, result.failures
    return result.files[0].read_bytes()


def test_a_mentor_outside_the_case_sees_nothing(database, admin, case):
    stranger = _user(database, "fremmed", Role.MENTOR)
    with pytest.raises(Exception, match="ikke adgang"):
        one_report(Context(database, stranger), case, PERIOD, today=TODAY)
    with pytest.raises(Exception, match="ikke adgang"):
        create_draft(Context(database, stranger), case, PERIOD)


def _png(width: int = 4, height: int = 2) -> bytes:
    """A tiny valid PNG (blue pixels), made without any imaging library."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\x1f\x4e\x79" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def test_team_logo_from_settings_is_printed_and_a_damaged_one_is_ignored(
        database, admin, case, tmp_path):
    draft = create_draft(Context(database, admin), case, PERIOD).value
    database.set_meta(LOGO_META_KEY, base64.b64encode(_png()).decode())
    path = tmp_path / "logo.pdf"
    path.write_bytes(report_pdf(Context(database, admin), draft.id, now=NOW, today=TODAY))
    listing = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True,
                             text=True).stdout
    assert len(listing.strip().splitlines()) - 2 >= 2  # the logo on each of the pages
    database.set_meta(LOGO_META_KEY, "ikke base64 <b>")
    assert report_pdf(Context(database, admin), draft.id, now=NOW, today=TODAY).startswith(b"%PDF")


def test_batch_takes_the_texts_of_the_best_overlapping_report(database, admin, case, pdf_text,
                                                              tmp_path):
    def report(start: date, end: date, assessment: str, approved: bool = False) -> None:
        draft = create_draft(Context(database, admin), case, Period(start, end), ReportTexts(
            mentor_assessment=assessment), today=TODAY).value
        if approved:
            approve(Context(database, admin), draft.id, draft.version, now=NOW, today=TODAY)

    # 01-08 to 31-10 (92 days). Overlaps: July–August 31 days, 15-08 to 15-11 78 days.
    report(date(2026, 7, 1), date(2026, 8, 31), "Sommerens vurdering.")
    report(date(2026, 8, 15), date(2026, 11, 15), "Efterårets vurdering.", approved=True)
    report(date(2026, 1, 1), date(2026, 6, 30), "Forårets vurdering (ingen overlap).")
    text = pdf_text(one_report(Context(database, admin), case, PERIOD, today=TODAY, now=NOW)[1])
    assert "Efterårets vurdering." in text and "Sommerens" not in text
    # That report's approval covers other dates: this one is printed as a draft.
    assert "Godkendt af" not in text and "Kladde" in text
    # Same overlap (78 days): the one with fewer days outside the batch period wins.
    report(date(2026, 8, 15), date(2026, 10, 31), "Den tættest passende.")
    result = run_batch(Context(database, admin), Selection(citizen_ids=(case,)), PERIOD,
                       tmp_path / "ud", today=TODAY, now=NOW)
    assert "Den tættest passende." in pdf_text(result.files[0])
    # An exact match always has the most days in common, and brings its sign-off along.
    report(PERIOD.start, PERIOD.end, "Præcis periode.", approved=True)
    text = pdf_text(one_report(Context(database, admin), case, PERIOD, today=TODAY, now=NOW)[1])
    assert "Præcis periode." in text and "Godkendt af" in text
    # No overlapping report: the sections stay empty.
    text = pdf_text(one_report(Context(database, admin), case, Period(date(2025, 1, 1),
                                                             date(2025, 3, 31)),
                               today=TODAY, now=NOW)[1])
    assert "vurdering" not in text.split("Mentorens vurdering", 1)[1].split("Borgerens")[0]

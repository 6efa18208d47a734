"""A report to one authority shows nothing of another authority's grant.

One citizen has a §99 grant from the municipality (social services) and a LAB §31b grant
from the jobcenter, with goals and contacts for both. The jobcenter has no basis to see the
§99 grant: its report — single, batch, and the PDF as pdftotext reads it — holds none of
the municipality's grant, caseworker, goals or hours, and the other way round; each
report's hours are that grant's contacts only; and a report marked as sent to the wrong
authority is refused.
"""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
from datetime import date, datetime

import pytest

from mentordesk.domain.codes import CitizenStatus, ContactForm
from mentordesk.domain.duration import hours_text
from mentordesk.errors import InvalidInput
from mentordesk.kernel.context import Context
from mentordesk.reports.progress.assemble import Period, ReportTexts, assemble
from mentordesk.reports.progress.batch import Selection, one_report, run_batch
from mentordesk.reports.progress.scope import ReportScope
from mentordesk.reports.progress.workflow import approve, create_draft, mark_sent, report_pdf
from mentordesk.services.catalogue_admin import load_catalogue
from mentordesk.services.citizens import NewCitizen, create_citizen
from mentordesk.services.contacts import NewContact, log_contact
from mentordesk.services.grants import GrantInput, create_grant
from mentordesk.services.plan.assessments import record_assessment
from mentordesk.services.plan.goals import create_goal
from mentordesk.services.plan.values import AssessmentInput, GoalInput
from mentordesk.services.plan.vum_terms import theme_choices
from mentordesk.storage.models import Authority
from tests.conftest import TEST_PASSPHRASE

pytestmark = pytest.mark.both_backends

PERIOD = Period(date(2026, 8, 1), date(2026, 10, 31))
TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 10, 0)

MUNICIPALITY = ("Nordby Kommune", "Mette Kommunesen", "mette.k@nordby.dk",
                "Komme ud af lejligheden", "Jeg går selv ned med skraldet nu")
JOBCENTER = ("Jobcenter Nordby", "Jens Jobbesen", "jens.j@jobnordby.dk",
             "Møde stabilt op i praktik", "Jeg møder kl. 8 hver dag")
UNLINKED_GOAL = "Sove igennem om natten"
# Minutes per grant: the §99 contacts and the LAB contacts differ so a mixed total shows.
SEL99_CONTACTS = ((date(2026, 8, 4), 90), (date(2026, 8, 20), 60), (date(2026, 9, 9), 45))
LAB_CONTACTS = ((date(2026, 8, 6), 120), (date(2026, 9, 15), 75))
UNATTRIBUTED_MINUTES = 500


@pytest.fixture
def two_authorities(database, admin):
    context = Context(database, admin)
    theme = next(iter(theme_choices(database))).code
    catalogue = load_catalogue(database)
    basis = {item.code: item.id for item in catalogue.legal_bases}
    with database.session() as session:
        authorities = [Authority(name=MUNICIPALITY[0], kind="kommune"),
                       Authority(name=JOBCENTER[0], kind="jobcenter")]
        session.add_all(authorities)
        session.flush()
        municipality_id, jobcenter_id = (authority.id for authority in authorities)
    citizen = create_citizen(context, NewCitizen(first_name="Dorte", last_name="Dobbelt",
                                                 cpr="0101909002", opened_on=date(2026, 1, 5),
                                                 status=CitizenStatus.ACTIVE)).value
    grants = {}
    for code, authority_id, facts, low, high in (
            ("SEL §99", municipality_id, MUNICIPALITY, 60, 300),
            ("LAB §31b", jobcenter_id, JOBCENTER, 360, 600)):
        grant = create_grant(context, citizen, GrantInput(
            legal_basis_id=basis[code], start_on=date(2026, 6, 1), end_on=date(2026, 11, 30),
            authority_id=authority_id, caseworker_name=facts[1], caseworker_contact=facts[2],
            hours_min_minutes=low, hours_max_minutes=high, purpose=f"Formålet for {code}",
            authority_goals=f"Myndighedens mål for {code}")).value.id
        grants[code] = grant
        goal = create_goal(context, citizen, GoalInput(
            title=facts[3], theme_code=theme, start_on=date(2026, 6, 1), grant_id=grant)).value
        record_assessment(context, goal.id, AssessmentInput(
            assessed_on=date(2026, 10, 1), level=2, support_need=2, citizen_view=facts[4],
            mentor_note=f"Mentorens iagttagelse om {facts[3]}"))
    create_goal(context, citizen, GoalInput(title=UNLINKED_GOAL, theme_code=theme,
                                            start_on=date(2026, 6, 1)))
    # Both grants run every day of the period: only the attribution tells them apart.
    for code, contacts in (("SEL §99", SEL99_CONTACTS), ("LAB §31b", LAB_CONTACTS)):
        for day, minutes in contacts:
            log_contact(context, NewContact(citizen_id=citizen, duration_minutes=minutes,
                                            form=ContactForm.HOME_VISIT, contact_on=day,
                                            grant_id=grants[code]), today=TODAY)
    log_contact(context, NewContact(citizen_id=citizen, duration_minutes=UNATTRIBUTED_MINUTES,
                                    form=ContactForm.HOME_VISIT, contact_on=date(2026, 9, 1),
                                    grant_id=None), today=TODAY)
    return citizen, grants, municipality_id, jobcenter_id


def _minutes(contacts) -> int:
    return sum(minutes for _day, minutes in contacts)


def _forbidden(facts: tuple[str, ...], code: str) -> tuple[str, ...]:
    return (code, *facts[:4], facts[4], UNLINKED_GOAL, f"Formålet for {code}",
            f"Mentorens iagttagelse om {facts[3]}")


def _assert_only(text: str, own: tuple[str, ...], own_code: str, own_minutes: int,
                 other: tuple[str, ...], other_code: str) -> None:
    for expected in (own_code, *own):
        assert expected in text, expected
    for leaked in _forbidden(other, other_code):
        assert leaked not in text, leaked
    assert f"I alt {hours_text(own_minutes)}" in " ".join(text.split())
    assert hours_text(own_minutes + UNATTRIBUTED_MINUTES) not in text


def test_each_authority_sees_only_its_own_grant(database, admin, two_authorities, pdf_text):
    citizen, _grants, municipality_id, jobcenter_id = two_authorities
    context = Context(database, admin)
    _name, job_pdf = one_report(context, citizen, PERIOD, authority_id=jobcenter_id,
                                today=TODAY, now=NOW)
    _assert_only(pdf_text(job_pdf), JOBCENTER, "LAB §31b", _minutes(LAB_CONTACTS),
                 MUNICIPALITY, "SEL §99")
    _name, municipal_pdf = one_report(context, citizen, PERIOD, authority_id=municipality_id,
                                      today=TODAY, now=NOW)
    _assert_only(pdf_text(municipal_pdf), MUNICIPALITY, "SEL §99", _minutes(SEL99_CONTACTS),
                 JOBCENTER, "LAB §31b")


def test_each_report_counts_only_its_grants_contacts(database, admin, two_authorities):
    citizen, _grants, municipality_id, jobcenter_id = two_authorities
    with database.read_session() as session:
        keys = [(citizen, ReportScope(jobcenter_id)), (citizen, ReportScope(municipality_id))]
        built = assemble(session, keys, PERIOD, today=TODAY, team_name="Test").reports
    job, municipal = built[keys[0]], built[keys[1]]
    for data, contacts in ((job, LAB_CONTACTS), (municipal, SEL99_CONTACTS)):
        # One total: the weekly table, the contact table and the grant agree.
        assert data.delivered_minutes == _minutes(contacts)
        assert sum(line.minutes for line in data.contacts) == _minutes(contacts)
        assert sum(line.contacts for line in data.contacts) == len(contacts)
        assert data.unattributed_contacts == 1
    assert [grant.authority for grant in job.grants] == [JOBCENTER[0]]
    assert [goal.title for goal in job.goals] == [JOBCENTER[3]]


def test_a_batch_for_one_authority_holds_no_other_authoritys_data(
        database, admin, two_authorities, tmp_path, pdf_text):
    citizen, _grants, _municipality_id, jobcenter_id = two_authorities
    context = Context(database, admin)
    out = tmp_path / "jobcenter"
    result = run_batch(context, Selection(authority_id=jobcenter_id), PERIOD, out,
                       today=TODAY, now=NOW)
    assert result.reports == 1 and not result.failures
    _assert_only(pdf_text(result.files[0]), JOBCENTER, "LAB §31b", _minutes(LAB_CONTACTS),
                 MUNICIPALITY, "SEL §99")
    combined = run_batch(context, Selection(citizen_ids=(citizen,)), PERIOD,
                         tmp_path / "alle.pdf", combined=True, today=TODAY, now=NOW)
    assert combined.reports == 2  # one per authority, never one report spanning both


def test_unlinked_goals_only_when_chosen_and_with_a_warning(database, admin, two_authorities,
                                                             pdf_text):
    citizen, _grants, _municipality_id, jobcenter_id = two_authorities
    _name, pdf = one_report(Context(database, admin), citizen, PERIOD,
                            authority_id=jobcenter_id, include_unlinked_goals=True,
                            today=TODAY, now=NOW)
    text = " ".join(pdf_text(pdf).split())
    assert UNLINKED_GOAL in text and "ikke er knyttet til en bevilling" in text
    assert MUNICIPALITY[3] not in text


def test_a_report_cannot_be_marked_sent_to_another_authority(database, admin,
                                                             two_authorities):
    citizen, grants, municipality_id, jobcenter_id = two_authorities
    context = Context(database, admin)
    draft = create_draft(context, citizen, PERIOD, grant_id=grants["LAB §31b"]).value
    approved = approve(context, draft.id, draft.version, now=NOW).value
    with pytest.raises(InvalidInput, match="bevilling fra Jobcenter Nordby"):
        mark_sent(context, approved.id, approved.version, TODAY, MUNICIPALITY[0],
                  authority_id=municipality_id)
    with pytest.raises(InvalidInput, match="Vælg modtageren"):
        mark_sent(context, approved.id, approved.version, TODAY, "Nogen")
    sent = mark_sent(context, approved.id, approved.version, TODAY, JOBCENTER[0],
                     authority_id=jobcenter_id).value
    assert (sent.status, sent.recipient) == ("sent", JOBCENTER[0])


def test_a_citizen_with_two_authorities_needs_a_choice(database, admin, two_authorities):
    citizen = two_authorities[0]
    with pytest.raises(InvalidInput, match="flere myndigheder"):
        one_report(Context(database, admin), citizen, PERIOD, today=TODAY, now=NOW)


@pytest.mark.file_only(reason="the command opens the file path; --server is not in this suite")
def test_the_command_line_batch_for_the_jobcenter(database, db_path, two_authorities,
                                                 tmp_path, pdf_text):
    """``mentordesk report --all --authority`` as a script runs it, read with pdftotext."""
    _citizen, _grants, _municipality_id, jobcenter_id = two_authorities
    env = dict(os.environ, MENTORDESK_HOME=str(tmp_path / "home"),
               PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
               MENTORDESK_PASSPHRASE=TEST_PASSPHRASE)
    out = tmp_path / "cli"
    result = subprocess.run(
        [sys.executable, "-m", "mentordesk", "report", str(db_path), "--all", "--authority",
         str(jobcenter_id), "--from", "01-08-2026", "--to", "31-10-2026", "--out", str(out)],
        capture_output=True, text=True, encoding="utf-8", env=env, timeout=300)
    assert result.returncode == 0, result.stderr
    files = sorted(out.glob("*.pdf"))
    assert len(files) == 1 and JOBCENTER[0] in files[0].name
    _assert_only(pdf_text(files[0]), JOBCENTER, "LAB §31b", _minutes(LAB_CONTACTS),
                 MUNICIPALITY, "SEL §99")


def test_the_report_reads_in_the_order_a_caseworker_decides(database, admin, two_authorities,
                                                             pdf_text, tmp_path):
    """Grant, purpose, summary with one total, goal attainment, per-goal notes, then the
    recommendation phrased as one, with hours and period."""
    citizen, grants, _municipality_id, _jobcenter_id = two_authorities
    context = Context(database, admin)
    texts = ReportTexts(next_steps="Flere timer i praktik.", recommendation="continue",
                        deviation_reasons="To uger med sygdom.", recommended_min_minutes=360,
                        recommended_max_minutes=600, recommended_until=date(2027, 4, 30))
    draft = create_draft(context, citizen, PERIOD, texts, today=TODAY,
                         grant_id=grants["LAB §31b"]).value
    pdf = report_pdf(context, draft.id, now=NOW, today=TODAY)
    text = " ".join(pdf_text(pdf).split())
    order = ["Bevilling", "LAB §31b", "Formål og myndighedens mål", "Formålet for LAB §31b",
             "Resumé", f"Leveret i alt i perioden: {hours_text(_minutes(LAB_CONTACTS))}",
             "Målopfyldelse", "Ikke påbegyndt", "2 – Moderat", "Mål og progression",
             f"Mentorens note: Mentorens iagttagelse om {JOBCENTER[3]}",
             f"Borgerens egne ord: {JOBCENTER[4]}", "Begrundelse for afvigelser",
             "To uger med sygdom.", "Anbefaling",
             "Det anbefales, at indsatsen fortsætter med 6–10 timer/uge til og med 30-04-2027."]
    positions = [text.find(part) for part in order]
    missing = [part for part, position in zip(order, positions, strict=True) if position < 0]
    assert not missing, (missing, text)
    assert positions == sorted(positions), dict(zip(order, positions, strict=True))
    # One hours total: the summary, the weekly table and the contact table agree.
    assert text.count(f"I alt {hours_text(_minutes(LAB_CONTACTS))}") >= 1
    page = tmp_path / "side"
    pdf_file = tmp_path / "rapport.pdf"
    pdf_file.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(pdf_file),
                    str(page)], check=True)
    assert list(tmp_path.glob("side*.png"))


LONG_GOAL = "Kunne sige min mening på møder med kommunen om praktikken"


def test_a_long_goal_title_stays_in_its_column_of_the_summary(
        database, admin, two_authorities, tmp_path):
    """The caseworker reads the summary table first: a goal title longer than its column
    wraps inside it and never runs on under "Målopfyldelse"."""
    citizen, grants, _municipality_id, jobcenter_id = two_authorities
    context = Context(database, admin)
    theme = next(iter(theme_choices(database))).code
    create_goal(context, citizen, GoalInput(title=LONG_GOAL, theme_code=theme,
                                            start_on=date(2026, 6, 1),
                                            grant_id=grants["LAB §31b"]))
    _name, pdf = one_report(context, citizen, PERIOD, authority_id=jobcenter_id,
                            today=TODAY, now=NOW)
    words = _words_on_first_page(pdf, tmp_path)
    header = next(word for word in words if word[4] == "Målopfyldelse")
    in_table = [word for word in words if header[1] < word[1] < header[1] + 120]
    title_words = [word for word in in_table if word[4] in LONG_GOAL.split()]
    assert {word[4] for word in title_words} == set(LONG_GOAL.split())  # all of it, wrapped
    assert max(word[2] for word in title_words) < header[0]


def _words_on_first_page(pdf: bytes, folder) -> list[tuple[float, float, float, float, str]]:
    """(x min, y min, x max, y max, text) of each word pdftotext finds on page 1."""
    path = folder / "report.pdf"
    path.write_bytes(pdf)
    boxes = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(path), "-"],
                           check=True, capture_output=True, text=True).stdout
    pattern = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                         r'yMax="([\d.]+)">([^<]*)</word>')
    return [(float(x0), float(y0), float(x1), float(y1), html.unescape(text))
            for x0, y0, x1, y1, text in pattern.findall(boxes)]

"""The operations the guard review exercises: each classified as READ / CHANGE (about one
citizen) or TEAM, with the arguments to call it with on a world holding one row in every
table (``tests/storage/test_review_service_guards.py``)."""

from __future__ import annotations

import importlib
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from mentordesk.audit_admin import retention as audit_retention
from mentordesk.audit_admin import review, viewer
from mentordesk.domain.codes import ContactForm
from mentordesk.domain.economy import NORM_ITEMS
from mentordesk.economy import service_records as records
from mentordesk.economy import service_sheet as sheets
from mentordesk.economy import workbook
from mentordesk.economy.sheet import Sheet
from mentordesk.importing import importer
from mentordesk.importing.columns import ImportField
from mentordesk.importing.table import ImportTable, SourceRow
from mentordesk.kernel.actor import Actor
from mentordesk.kernel.changes import Result
from mentordesk.kernel.context import Context
from mentordesk.reports import economy_pdf, plan_export
from mentordesk.reports.progress import batch, workflow
from mentordesk.reports.progress.assemble import Period, ReportTexts
from mentordesk.rights import access_export, deletion
from mentordesk.schedule import (
    absence,
    anonymous,
    appointments,
    around,
    billing,
    calendar,
    done,
    export,
    groups,
    ics,
    ics_import,
    overview,
    staffed,
)
from mentordesk.security import workflows
from mentordesk.services import (
    assignments,
    case_record,
    catalogue_admin,
    citizens,
    deadlines,
    grant_attribution,
    grants,
    hours_plan,
    network,
    partners,
    team,
    team_settings,
)
from mentordesk.services.contacts import edits as contact_edits
from mentordesk.services.contacts import journal
from mentordesk.services.contacts.values import NewContact
from mentordesk.services.plan import assessments as plan_assessments
from mentordesk.services.plan import evaluation, goals, links, sub_goals
from mentordesk.services.plan.assessments import AssessmentInput
from mentordesk.services.plan.goals import GoalInput
from mentordesk.services.plan.sub_goals import SubGoalInput

# The package re-exports a function of the same name, which hides the module attribute.
vum_terms = importlib.import_module("mentordesk.services.plan.vum_terms")

# The feature packages: every operation a front end can call lives in one of them.
FEATURE_PACKAGES = ("services", "schedule", "economy", "reports", "rights", "importing",
                    "audit_admin", "security")
READ, CHANGE, TEAM = "read", "change", "team"
# Citizen-scoped reads that only a coordinator may run (a mentor is refused even when assigned).
COORDINATOR_ONLY = {"rights.access_export.export_citizen"}
TAG = "A"
DAY = date(2020, 3, 4)       # the day every filled row is dated
AT = datetime(2020, 3, 4, 10, 30)
NOW = datetime(2026, 11, 23, 10, 0)
THIS_MONTH = date.today().replace(day=1)
PERIOD = Period(date(2020, 1, 1), date(2020, 6, 30))


def _tiny_png() -> bytes:
    """A valid 1×1 PNG (the team logo services decode what they get)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff")) + chunk(b"IEND", b""))


TINY_PNG = _tiny_png()
IMPORT_TABLE = ImportTable("borgere.csv", ("Navn",), (SourceRow(2, ("Ny Borger",)),), "csv")
IMPORT_MAPPING = {0: ImportField.NAME}
ICS = (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\n"
       b"UID:review-1\r\nDTSTART:20261124T090000\r\nDTEND:20261124T100000\r\n"
       b"SUMMARY:Planlaegning\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")


@dataclass
class World:
    """The filled database, its citizen, a mentor not assigned to the citizen (outsider),
    the assigned mentor (insider) and a coordinator."""

    database: Any
    rows: dict[str, dict[str, object]]
    outsider: Actor
    insider: Actor
    coordinator: Actor
    folder: Path
    xlsx: Path

    @property
    def citizen(self) -> int:
        return int(self.rows["citizen"]["id"])  # type: ignore[arg-type]

    def id(self, table: str) -> int:
        return int(self.rows[table]["id"])  # type: ignore[arg-type]

    def version(self, table: str) -> int:
        return int(self.rows[table].get("version", 0))  # type: ignore[arg-type]

    def row(self, table: str) -> tuple[int, int]:
        """Id and expected version of the filled row, for edits and deletes."""
        return self.id(table), self.version(table)

    def out(self, name: str) -> Path:
        return self.folder / name


def _appointment(w: World, a: Actor) -> appointments.AppointmentInput:
    return appointments.AppointmentInput(citizen_id=w.citizen, mentor_ids=(a.user_id,),
                                         starts_at=AT, duration_minutes=60, form="home_visit")


def _course(w: World, a: Actor) -> groups.GroupCourseInput:
    return groups.GroupCourseInput(name="Gruppe", weekday=DAY.weekday(), start_time=time(10, 30),
                                   duration_minutes=60, starts_on=DAY,
                                   leader_ids=(a.user_id,), participant_ids=(w.citizen,))


def _absence(w: World, a: Actor) -> absence.AbsenceInput:
    """The assigned mentor's absence with ``a`` as the citizen's substitute: accepted from
    the unassigned mentor it would hand them the case."""
    return absence.AbsenceInput(user_id=w.insider.user_id, kind="holiday",
                                start_on=date(2026, 11, 1), end_on=date(2026, 12, 31),
                                covers={w.citizen: a.user_id})


def _theme(w: World):  # type: ignore[no-untyped-def]
    return vum_terms.theme_choices(w.database)[0]


def _goal(w: World, title: str) -> GoalInput:
    theme = _theme(w)
    return GoalInput(title, theme_code=theme.code,
                     subtheme_code=theme.children[0].code if theme.children else "")


class Kw(dict):
    """Keyword arguments, as the last item of an argument tuple."""


Arguments = Callable[[World, Actor], tuple]


def case(kind: str, function: Callable[..., Any],
         arguments: Arguments = lambda w, a: ()) -> tuple[str, tuple[str, Callable, Arguments]]:
    name = f"{function.__module__.removeprefix('mentordesk.')}.{function.__name__}"
    return name, (kind, function, arguments)


def call(name: str, w: World, actor: Actor) -> Any:
    """Run one classified operation as ``actor`` with the arguments from its table row;
    what the caller is shown is the value (``Changes`` only says what to refresh)."""
    _kind, function, arguments = CASES[name]
    args = arguments(w, actor)
    keywords = args[-1] if args and isinstance(args[-1], Kw) else Kw()
    if keywords:
        args = args[:-1]
    result = function(Context(w.database, actor), *args, **keywords)
    return result.value if isinstance(result, Result) else result


def _level(level: int) -> AssessmentInput:
    return AssessmentInput(DAY, level=level)


CASES: dict[str, tuple[str, Callable, Arguments]] = dict([
    # services/plan
    case(CHANGE, plan_assessments.record_assessment, lambda w, a: (w.id("goal"), _level(2))),
    case(CHANGE, plan_assessments.update_assessment,
         lambda w, a: (*w.row("assessment"), _level(3))),
    case(CHANGE, plan_assessments.delete_assessment, lambda w, a: w.row("assessment")),
    case(READ, plan_assessments.level_series, lambda w, a: (w.id("goal"),)),
    case(READ, evaluation.evaluation_goals, lambda w, a: (w.citizen,)),
    case(CHANGE, evaluation.complete_evaluation,
         lambda w, a: (w.citizen, DAY, {w.id("goal"): _level(2)})),
    case(READ, plan_export.plan_pdf, lambda w, a: (w.citizen, NOW)),
    case(READ, goals.load_plan, lambda w, a: (w.citizen,)),
    case(READ, goals.get_goal, lambda w, a: (w.id("goal"),)),
    case(CHANGE, goals.create_goal, lambda w, a: (w.citizen, _goal(w, "Nyt mål"))),
    case(CHANGE, goals.update_goal, lambda w, a: (*w.row("goal"), _goal(w, "Ændret"))),
    case(CHANGE, goals.delete_goal, lambda w, a: w.row("goal")),
    case(READ, goals.goal_choices, lambda w, a: (w.citizen,)),
    case(READ, goals.goal_history, lambda w, a: (w.id("goal"),)),
    case(READ, links.goal_contacts, lambda w, a: (w.id("goal"),)),
    case(READ, links.linkable_contacts, lambda w, a: (w.id("goal"),)),
    case(CHANGE, links.link_contact, lambda w, a: (w.id("goal"), w.id("contact"))),
    case(CHANGE, links.link_contacts, lambda w, a: (w.id("goal"), [w.id("contact")])),
    case(CHANGE, links.unlink_contact, lambda w, a: (w.id("goal"), w.id("contact"))),
    case(CHANGE, sub_goals.add_sub_goal, lambda w, a: (w.id("goal"), SubGoalInput("Delmål"))),
    case(CHANGE, sub_goals.update_sub_goal,
         lambda w, a: (*w.row("sub_goal"), SubGoalInput("Ændret"))),
    case(CHANGE, sub_goals.delete_sub_goal, lambda w, a: w.row("sub_goal")),
    case(CHANGE, sub_goals.move_sub_goal, lambda w, a: (w.id("sub_goal"), 0)),
    case(TEAM, vum_terms.vum_terms),
    case(TEAM, vum_terms.rename_term, lambda w, a: (w.rows["vum_term"]["code"], "Nyt navn")),
    case(TEAM, vum_terms.set_term_active, lambda w, a: (w.rows["vum_term"]["code"], True)),
    case(TEAM, vum_terms.add_local_term, lambda w, a: (_theme(w).code, "Lokalt")),
    # schedule
    case(CHANGE, absence.create_absence, lambda w, a: (_absence(w, a),)),
    case(CHANGE, absence.update_absence, lambda w, a: (*w.row("absence"), _absence(w, a))),
    case(CHANGE, absence.edit_absence, lambda w, a: (
        *w.row("absence"), {"note": "ny"}, {"note": w.rows["absence"]["note"]})),
    case(CHANGE, absence.delete_absence, lambda w, a: w.row("absence")),
    case(TEAM, absence.list_absences, lambda w, a: (DAY, DAY)),
    case(TEAM, absence.absences_to_manage, lambda w, a: (Kw(today=DAY),)),
    case(CHANGE, appointments.create_appointment, lambda w, a: (_appointment(w, a),)),
    case(READ, appointments.get_appointment, lambda w, a: (w.id("appointment"),)),
    case(CHANGE, appointments.update_appointment,
         lambda w, a: (*w.row("appointment"), _appointment(w, a))),
    case(CHANGE, appointments.delete_appointment, lambda w, a: w.row("appointment")),
    case(TEAM, billing.billing_basis, lambda w, a: (w.id("authority"), 2020, 3)),
    # The anonymous tally is team statistics: counts per mentor, nobody's case.
    case(TEAM, anonymous.anonymous_bases),
    case(TEAM, anonymous.anonymous_tally, lambda w, a: (DAY, DAY)),
    case(TEAM, anonymous.count_anonymous_contact, lambda w, a: (anonymous.AnonymousCount(
        contact_on=DAY, legal_basis_id=w.id("legal_basis")),)),
    case(TEAM, around.time_around_contacts, lambda w, a: (DAY, DAY)),
    case(TEAM, billing.export_billing_xlsx,
         lambda w, a: (w.id("authority"), 2020, 3, w.out("billing.xlsx"))),
    case(TEAM, billing.export_billing_pdf,
         lambda w, a: (w.id("authority"), 2020, 3, w.out("billing.pdf"))),
    case(TEAM, calendar.calendar_items, lambda w, a: (DAY, DAY, Kw(citizen_ids=[w.citizen]))),
    case(TEAM, calendar.preview_conflicts, lambda w, a: (_appointment(w, a),)),
    case(CHANGE, done.mark_done, lambda w, a: (w.id("appointment"), AT)),
    case(CHANGE, done.mark_not_attended, lambda w, a: (w.id("appointment"), AT)),
    case(TEAM, export.export_hours_xlsx, lambda w, a: (DAY, DAY, w.out("hours.xlsx"))),
    case(CHANGE, groups.create_group_course, lambda w, a: (_course(w, a),)),
    case(CHANGE, groups.update_group_course,
         lambda w, a: (*w.row("group_course"), _course(w, a))),
    case(TEAM, groups.registered_attendance, lambda w, a: (w.id("group_course"),)),
    case(CHANGE, groups.delete_group_course,
         lambda w, a: (*w.row("group_course"), Kw(keep_registered_contacts=True))),
    case(TEAM, groups.set_session_cancelled, lambda w, a: (w.id("group_course"), DAY, True)),
    case(TEAM, groups.list_group_courses),
    case(TEAM, groups.group_sessions, lambda w, a: (w.id("group_course"), DAY, DAY)),
    case(CHANGE, groups.register_attendance,
         lambda w, a: (w.id("group_course"), DAY, [w.citizen])),
    case(TEAM, ics.export_ics, lambda w, a: (DAY, DAY, Kw(include_details=True))),
    case(TEAM, ics.write_ics,
         lambda w, a: (w.out("cal.ics"), DAY, DAY, Kw(include_details=True))),
    case(TEAM, ics_import.import_ics, lambda w, a: (a.user_id, ICS)),
    case(TEAM, overview.weekly_hours, lambda w, a: (DAY, DAY, Kw(citizen_ids=[w.citizen]))),
    case(TEAM, overview.weekly_hours_for_week, lambda w, a: ("2020-W10",)),
    case(TEAM, overview.hours_totals, lambda w, a: (DAY, DAY, Kw(citizen_ids=[w.citizen]))),
    case(TEAM, overview.week_and_period_hours, lambda w, a: (DAY, DAY, DAY)),
    case(TEAM, staffed.set_staffed_hours, lambda w, a: (
        staffed.StaffedHours(((time(8), time(16)),) * 5 + (None, None)),)),
    # rights
    case(READ, access_export.export_citizen,
         lambda w, a: (w.citizen, w.out(f"access-{a.login}.zip"))),
    case(TEAM, deletion.set_retention_years, lambda w, a: (5,)),
    case(TEAM, deletion.deletion_candidates),
    case(CHANGE, deletion.delete_citizen, lambda w, a: (w.citizen, w.rows["citizen"]["alias"])),
    # audit_admin
    case(TEAM, audit_retention.set_retention_months, lambda w, a: (6,)),
    case(TEAM, audit_retention.prune_log),
    case(TEAM, review.monthly_review, lambda w, a: (THIS_MONTH,)),
    case(TEAM, review.export_review_pdf, lambda w, a: (THIS_MONTH, w.out("review.pdf"))),
    case(TEAM, viewer.search_log, lambda w, a: (viewer.LogFilter(citizen_id=w.citizen),)),
    case(TEAM, viewer.log_choices),
    case(TEAM, viewer.export_log,
         lambda w, a: (viewer.LogFilter(citizen_id=w.citizen), w.out("log.csv"))),
    # economy
    case(READ, records.list_debts, lambda w, a: (w.citizen,)),
    case(CHANGE, records.create_debt, lambda w, a: (w.citizen, records.DebtInput("Kreditor"))),
    case(CHANGE, records.update_debt, lambda w, a: (*w.row("debt"), {"creditor": "Ny"})),
    case(CHANGE, records.delete_debt, lambda w, a: w.row("debt")),
    case(READ, records.list_benefits, lambda w, a: (w.citizen,)),
    case(CHANGE, records.create_benefit,
         lambda w, a: (w.citizen, records.BenefitInput(DAY, "Tandlæge"))),
    case(CHANGE, records.update_benefit,
         lambda w, a: (*w.row("benefit_application"), {"purpose": "Ny"})),
    case(CHANGE, records.delete_benefit, lambda w, a: w.row("benefit_application")),
    case(TEAM, records.save_year_rates,
         lambda w, a: (2031, "disposable_amount", dict.fromkeys(NORM_ITEMS, 100_000),
                       "Kilde")),
    case(TEAM, records.save_limitation_rule, lambda w, a: ("claim", 3, "Kilde")),
    case(TEAM, records.add_item, lambda w, a: ("income", "Ny post")),
    case(TEAM, records.update_item, lambda w, a: (*w.row("economy_item"), Kw(label="Omdøbt"))),
    case(READ, sheets.load_sheet, lambda w, a: (w.citizen, 2024)),
    case(CHANGE, sheets.copy_last_year, lambda w, a: (w.citizen, 2025)),
    case(CHANGE, sheets.save_sheet, lambda w, a: (
        w.citizen, 2024, w.version("economy_overview"), Sheet(citizen_id=w.citizen, year=2024))),
    case(CHANGE, sheets.take_snapshot, lambda w, a: (w.citizen, 2024)),
    case(READ, sheets.list_snapshots, lambda w, a: (w.citizen, 2024)),
    case(READ, sheets.load_snapshot, lambda w, a: (w.id("economy_snapshot"),)),
    case(CHANGE, sheets.restore_snapshot,
         lambda w, a: (w.id("economy_snapshot"), w.version("economy_overview"))),
    case(READ, sheets.summary, lambda w, a: (w.citizen, 2024)),
    case(READ, sheets.saved_years, lambda w, a: (w.citizen,)),
    case(READ, workbook.export_xlsx,
         lambda w, a: (w.citizen, 2024, w.out(f"economy-{a.login}.xlsx"))),
    case(CHANGE, workbook.import_xlsx, lambda w, a: (w.citizen, 2024, w.xlsx)),
    # reports/progress
    case(READ, workflow.suggested_period, lambda w, a: (w.citizen,)),
    case(READ, workflow.list_reports, lambda w, a: (w.citizen,)),
    case(READ, workflow.get_report, lambda w, a: (w.id("report_draft"),)),
    case(CHANGE, workflow.create_draft, lambda w, a: (w.citizen, PERIOD)),
    case(CHANGE, workflow.save_draft,
         lambda w, a: (*w.row("report_draft"), {"next_steps": "Ny"})),
    case(CHANGE, workflow.approve, lambda w, a: w.row("report_draft")),
    case(CHANGE, workflow.send_back, lambda w, a: (*w.row("report_draft"), "Ret venligst")),
    case(CHANGE, workflow.mark_sent,
         lambda w, a: (*w.row("report_draft"), DAY, "Sagsbehandler")),
    case(READ, workflow.report_pdf, lambda w, a: (w.id("report_draft"), Kw(now=NOW))),
    case(READ, workflow.record_print, lambda w, a: (w.citizen, PERIOD, 2)),
    case(READ, workflow.preview_pdf,
         lambda w, a: (w.citizen, PERIOD, ReportTexts(), Kw(now=NOW))),
    case(TEAM, batch.run_batch, lambda w, a: (
        batch.Selection(citizen_ids=(w.citizen,)), PERIOD, w.out("batch"), Kw(now=NOW))),
    case(READ, batch.one_report, lambda w, a: (w.citizen, PERIOD, Kw(now=NOW))),
    case(READ, economy_pdf.export_pdf,
         lambda w, a: (w.citizen, 2024, w.out(f"economy-{a.login}.pdf"), Kw(now=NOW))),
    # services/team_settings
    case(TEAM, team_settings.set_team_logo, lambda w, a: (TINY_PNG,)),
    case(TEAM, team_settings.set_team_logo_from_file, lambda w, a: (w.out("logo.png"),)),
    case(TEAM, team_settings.remove_team_logo),
    case(TEAM, workflows.open_elsewhere),
    # services: citizens and the case record
    case(TEAM, citizens.list_citizens),
    case(TEAM, citizens.my_caseload),
    case(TEAM, citizens.log_first_list, lambda w, a: (3,)),
    case(READ, citizens.get_citizen_summary, lambda w, a: (w.citizen,)),
    case(TEAM, citizens.create_citizen, lambda w, a: (citizens.NewCitizen(first_name="Ny"),)),
    case(READ, case_record.get_citizen_record, lambda w, a: (w.citizen,)),
    case(READ, case_record.reveal_cpr, lambda w, a: (w.citizen,)),
    case(CHANGE, case_record.update_citizen, lambda w, a: (*w.row("citizen"), {"note": "ny"})),
    case(CHANGE, case_record.close_case, lambda w, a: w.row("citizen")),
    case(CHANGE, case_record.reopen_case, lambda w, a: w.row("citizen")),
    case(CHANGE, case_record.set_cpr, lambda w, a: (w.citizen, "")),
    # services: mentors, network, grants, consents
    case(READ, assignments.assignments_for_citizen, lambda w, a: (w.citizen,)),
    case(CHANGE, assignments.assign_mentor,
         lambda w, a: (w.citizen, a.user_id, assignments.SUBSTITUTE)),
    case(CHANGE, assignments.end_assignment, lambda w, a: w.row("assignment")),
    case(CHANGE, assignments.change_assignment_period,
         lambda w, a: (*w.row("assignment"), DAY, None)),
    case(CHANGE, assignments.remove_assignment, lambda w, a: (w.id("assignment"),)),
    case(READ, network.relatives_for_citizen, lambda w, a: (w.citizen,)),
    case(CHANGE, network.add_relative, lambda w, a: (w.citizen, network.RelativeInput("Ny"))),
    case(CHANGE, network.update_relative, lambda w, a: (*w.row("relative"), {"name": "Ny"})),
    case(CHANGE, network.remove_relative, lambda w, a: (w.id("relative"),)),
    case(READ, grants.grants_for_citizen, lambda w, a: (w.citizen,)),
    case(CHANGE, grants.create_grant,
         lambda w, a: (w.citizen, grants.GrantInput(w.id("legal_basis"), DAY))),
    case(CHANGE, grants.update_grant, lambda w, a: (*w.row("grant"), {"note": "ny"})),
    case(CHANGE, grants.end_grant, lambda w, a: (*w.row("grant"), DAY)),
    case(READ, hours_plan.hours_plan, lambda w, a: (w.id("grant"),)),
    case(CHANGE, hours_plan.save_hours_plan, lambda w, a: (*w.row("grant"), ())),
    case(READ, hours_plan.practice_hours, lambda w, a: (w.id("grant"),)),
    case(CHANGE, hours_plan.log_practice_hours, lambda w, a: (w.id("grant"), {DAY: 60})),
    case(READ, grant_attribution.grant_options, lambda w, a: (w.citizen,)),
    # Coordinator-only: a mentor is refused, a coordinator sees every unattributed row.
    case(TEAM, grant_attribution.unattributed),
    case(TEAM, grant_attribution.attribute_open),
    case(TEAM, partners.list_partners),
    case(TEAM, partners.create_partner, lambda w, a: (partners.PartnerInput("Ny partner"),)),
    case(TEAM, partners.update_partner,
         lambda w, a: (*w.row("partner"), {"email": "ny@kommune.dk"})),
    case(TEAM, partners.remove_partner, lambda w, a: w.row("partner")),
    case(READ, partners.consents_for_citizen, lambda w, a: (w.citizen,)),
    case(CHANGE, partners.record_consent, lambda w, a: (
        w.citizen, partners.ConsentInput(w.id("partner"), "Formål", DAY))),
    case(CHANGE, partners.update_consent, lambda w, a: (*w.row("consent"), {"purpose": "Ny"})),
    case(CHANGE, partners.withdraw_consent, lambda w, a: w.row("consent")),
    # services: contacts
    case(CHANGE, journal.log_contact, lambda w, a: (
        NewContact(w.citizen, 30, ContactForm.PHONE, contact_on=DAY),)),
    case(READ, journal.contacts_for_citizen, lambda w, a: (w.citizen,)),
    case(TEAM, journal.contacts_for_mentor, lambda w, a: (a.user_id,)),
    case(READ, journal.get_contact, lambda w, a: (w.id("contact"),)),
    case(READ, journal.attendance_rate, lambda w, a: (w.citizen, DAY, DAY)),
    case(READ, journal.goals_for_linking, lambda w, a: (w.citizen,)),
    case(TEAM, journal.contact_mentors),
    case(CHANGE, contact_edits.update_contact, lambda w, a: (*w.row("contact"), {"note": "ny"})),
    case(CHANGE, contact_edits.delete_contact, lambda w, a: (w.id("contact"),)),
    case(TEAM, deadlines.deadlines, lambda w, a: (Kw(scope="team"),)),
    # services: team and catalogues (administrators)
    case(TEAM, team.list_users),
    case(TEAM, team.create_user, lambda w, a: (team.NewUser("ny", "Ny Bruger"),)),
    case(TEAM, team.update_user, lambda w, a: (*w.row("user"), {"full_name": "Ny"})),
    case(TEAM, catalogue_admin.create_legal_basis,
         lambda w, a: (catalogue_admin.LegalBasisInput("NY §1", "Ny"),)),
    case(TEAM, catalogue_admin.update_legal_basis,
         lambda w, a: (*w.row("legal_basis"), {"note": "ny"})),
    case(TEAM, catalogue_admin.remove_legal_basis, lambda w, a: w.row("legal_basis")),
    case(TEAM, catalogue_admin.create_course_type,
         lambda w, a: (catalogue_admin.CourseTypeInput("Ny forløbstype"),)),
    case(TEAM, catalogue_admin.update_course_type,
         lambda w, a: (*w.row("course_type"), {"name": "Ny"})),
    case(TEAM, catalogue_admin.remove_course_type, lambda w, a: w.row("course_type")),
    case(TEAM, catalogue_admin.create_authority,
         lambda w, a: (catalogue_admin.AuthorityInput("Ny Kommune"),)),
    case(TEAM, catalogue_admin.update_authority,
         lambda w, a: (*w.row("authority"), {"address": "Ny vej"})),
    case(TEAM, catalogue_admin.remove_authority, lambda w, a: w.row("authority")),
    # importing (coordinators): new citizens from a file
    case(TEAM, importer.check_import, lambda w, a: (IMPORT_TABLE, IMPORT_MAPPING)),
    case(TEAM, importer.import_citizens, lambda w, a: (IMPORT_TABLE, IMPORT_MAPPING)),
])

# Operations the checks above cannot run, each with the reason (keep this short: an entry
# here is an operation no test holds to the access rules).
# File-level security workflows act on the whole encrypted file, not on one citizen's
# case: they are administrators' work and are tested, refusals included, in
# tests/storage/test_security_workflows.py and through both front ends.
_ADMIN_WORKFLOW = ("administrator workflow on the whole file; refusal for mentors and "
                   "coordinators tested in test_security_workflows.py")
_KEY_ADMIN = ("administrator's key management on the whole file; refusal for mentors and "
              "coordinators tested in test_security_keys.py")
NOT_EXERCISED: dict[str, str] = {
    "security.people.enrol_person": _KEY_ADMIN,
    "security.people.remove_person": _KEY_ADMIN,
    "security.people.renew_recovery_key": _KEY_ADMIN,
    "security.people.change_my_passphrase": ("re-wraps the acting person's own key slot only; "
                                             "tested in test_security_workflows.py"),
    "security.people.key_holders": ("lists logins and key fingerprints from the key file, "
                                    "no citizen data; shown to everyone on the Team page"),
    "security.workflows.check_backup": _ADMIN_WORKFLOW,
    "security.workflows.take_backup": _ADMIN_WORKFLOW,
    "security.workflows.save_recovery_sheet": _ADMIN_WORKFLOW,
}

"""Review of the operations layer: every public ``(context: Context, …)`` function of the
feature packages is found by introspection and must be classified here, and a mentor who is
not assigned to a citizen can neither read nor change that citizen's data through it
(refused, nothing written), team-wide lists hold nothing of that citizen, and every
citizen-scoped read by an assigned mentor leaves an audit event.

The database holds one row in every table (``fill_every_table``), all belonging to one
citizen, with a sentinel text in each text column; a leak shows up as a sentinel of a
citizen-linked table in what a function returns or writes.

A new operation makes ``test_every_operation_is_classified`` fail until it is added to
``CASES`` with its kind: READ / CHANGE (citizen-scoped) or TEAM (team-wide or not about one
citizen), or to ``NOT_EXERCISED`` with the reason it cannot be run here.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
import struct
import subprocess
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import pytest
from rights_support import citizen_linked_tables, fill_every_table, sentinel
from sqlalchemy import func, select

from mentordesk import vault
from mentordesk.audit_admin import retention as audit_retention
from mentordesk.audit_admin import review, viewer
from mentordesk.domain.codes import ContactForm, Role
from mentordesk.economy import service_records as records
from mentordesk.economy import service_sheet as sheets
from mentordesk.economy import workbook
from mentordesk.economy.sheet import Sheet
from mentordesk.errors import AccessDenied, NotFound
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
    appointments,
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
    grants,
    network,
    new_team,
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
from mentordesk.services.team import resolve_actor
from mentordesk.storage.models import (
    Absence,
    Appointment,
    Assignment,
    AuditEvent,
    Base,
    Citizen,
    CourseType,
    EconomyOverview,
    EconomySnapshot,
    Grant,
    GroupCourse,
    GroupSession,
    Partner,
    ReportDraft,
    User,
)

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
    case(TEAM, records.save_norm_rate,
         lambda w, a: (2031, "disposable_amount", "Voksen", 100_000)),
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
NOT_EXERCISED: dict[str, str] = {
    "security.workflows.change_passphrase": _ADMIN_WORKFLOW,
    "security.workflows.check_backup": _ADMIN_WORKFLOW,
    "security.workflows.take_backup": _ADMIN_WORKFLOW,
    "security.workflows.save_recovery_sheet": _ADMIN_WORKFLOW,
}


def discovered_operations() -> set[str]:
    """Public functions defined anywhere in the feature packages whose first parameter is
    annotated ``Context`` (names without the ``mentordesk.`` prefix)."""
    found = set()
    for module in _feature_modules():
        for name, value in vars(module).items():
            if (name.startswith("_") or not inspect.isfunction(value)
                    or value.__module__ != module.__name__):
                continue
            if _takes_context(value):
                found.add(f"{module.__name__.removeprefix('mentordesk.')}.{name}")
    return found


def _feature_modules() -> list[Any]:
    modules = []
    for package_name in FEATURE_PACKAGES:
        package = importlib.import_module(f"mentordesk.{package_name}")
        modules.append(package)
        modules += [importlib.import_module(info.name) for info in
                    pkgutil.walk_packages(package.__path__, f"{package.__name__}.")]
    return modules


def _takes_context(function: Callable[..., Any]) -> bool:
    parameters = list(inspect.signature(function).parameters.values())
    # Modules use ``from __future__ import annotations``: the annotation may be a string.
    return bool(parameters) and parameters[0].annotation in (Context, "Context")


def of_kind(*kinds: str) -> list[str]:
    return sorted(name for name, (kind, _function, _arguments) in CASES.items()
                  if kind in kinds)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    folder = tmp_path_factory.mktemp("review")
    database = new_team.create_database(folder / "team.mentordesk", "review-nøgle æøå",
                                     team_name="Reviewteamet")
    with database.session() as session:
        rows = fill_every_table(session, TAG)
        _make_parseable(session, rows)
    outsider, insider = _mentor(database, "udenfor"), _mentor(database, "tildelt")
    with database.session() as session:
        session.add(Assignment(citizen_id=rows["citizen"]["id"], user_id=insider.user_id,
                               kind="primary", start_on=date(2019, 1, 1)))
        # The filled absence's substitute is its own user; make it the assigned mentor's.
        session.get(Absence, rows["absence"]["id"]).user_id = insider.user_id
        session.flush()
        rows["absence"]["version"] = session.get(Absence, rows["absence"]["id"]).version
    (folder / "logo.png").write_bytes(TINY_PNG)
    admin = resolve_actor(database, vault.current_login())
    citizen_id = int(rows["citizen"]["id"])  # type: ignore[arg-type]
    xlsx = folder / "import.xlsx"
    workbook.export_xlsx(Context(database, admin), citizen_id, 2024, xlsx)
    # A real snapshot replaces the filled one (whose payload is no sheet).
    snapshot = sheets.take_snapshot(Context(database, admin), citizen_id, 2024).value
    with database.session() as session:
        session.delete(session.get(EconomySnapshot, rows["economy_snapshot"]["id"]))
    rows["economy_snapshot"] = {"id": snapshot.id}
    coordinator = Actor(admin.user_id, admin.login, admin.full_name, Role.COORDINATOR)
    yield World(database, rows, outsider, insider, coordinator, folder, xlsx)
    database.close()


def _make_parseable(session, rows) -> None:  # type: ignore[no-untyped-def]
    """Sentinels and codes where services parse or check a value (recurrence rules, price
    models, household size, states) would fail the checks for the wrong reason: give those
    columns values an authorised user could act on."""
    fixes = {
        Citizen: {"cpr": "0303901234"},  # reveal_cpr shows a valid number only
        Partner: {"kind": "other"},
        Appointment: {"rrule": "", "exdates": "", "cancelled": False},
        EconomyOverview: {"adults": 1},
        Grant: {"price_model": "per_hour"},
        CourseType: {"price_model": "per_hour"},
        ReportDraft: {"status": "draft"},
        GroupCourse: {"weekday": DAY.weekday()},
        GroupSession: {"cancelled": False},
    }
    for model, values in fixes.items():
        row = session.get(model, rows[model.__tablename__]["id"])
        for column, value in values.items():
            setattr(row, column, value)
    session.flush()
    for model in fixes:
        table = model.__tablename__
        if "version" in rows[table]:
            rows[table]["version"] = session.get(model, rows[table]["id"]).version


def _mentor(database, login: str) -> Actor:  # type: ignore[no-untyped-def]
    with database.session() as session:
        user = User(login=login, full_name=login.title(), role=Role.MENTOR.value)
        session.add(user)
        session.flush()
        return Actor(user.id, user.login, user.full_name, Role.MENTOR)


def table_contents(database) -> dict[str, list[tuple]]:  # type: ignore[no-untyped-def]
    """Every row of every table but the audit log (the test data is one row per table)."""
    with database.session() as session:
        return {table.name: sorted(map(tuple, session.execute(select(table))), key=repr)
                for table in Base.metadata.sorted_tables if table.name != "audit_event"}


def citizen_sentinels() -> list[str]:
    """Texts only the citizen's own rows hold (tables linked to the citizen)."""
    linked = citizen_linked_tables()
    return [sentinel(table.name, column.name, TAG) for table in Base.metadata.sorted_tables
            if table.name in linked for column in table.columns]


def visible_text(result: object, folder: Path) -> str:
    """What a caller gets: the returned value and every file written into ``folder``."""
    parts = [repr(result)]
    if isinstance(result, bytes):
        parts.append(result.decode("utf-8", "replace"))
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        parts.append(_file_text(path))
    return "\n".join(parts)


def _file_text(path: Path) -> str:
    raw = path.read_bytes()
    if raw.startswith(b"%PDF"):
        return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"],
                              capture_output=True, check=True, timeout=60).stdout.decode()
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            return "\n".join(archive.read(item).decode("utf-8", "replace")
                             for item in archive.namelist())
    return raw.decode("utf-8", "replace")


def audit_count(database, citizen_id: int) -> int:  # type: ignore[no-untyped-def]
    with database.session() as session:
        return session.scalar(select(func.count()).select_from(AuditEvent)
                              .where(AuditEvent.citizen_id == citizen_id))


def test_the_discovery_finds_the_operations_of_every_feature_package():
    packages = {name.split(".")[0] for name in discovered_operations()}
    assert packages >= {"services", "schedule", "economy", "reports", "rights", "importing",
                        "audit_admin"}


def test_every_operation_is_classified():
    discovered = discovered_operations()
    known = CASES.keys() | NOT_EXERCISED.keys()
    assert sorted(discovered - known) == [], \
        "classify these operations in CASES (or NOT_EXERCISED, with the reason)"
    assert sorted(known - discovered) == [], "these operations no longer exist"
    assert sorted(CASES.keys() & NOT_EXERCISED.keys()) == []
    assert [name for name, reason in NOT_EXERCISED.items() if not reason.strip()] == []


@pytest.mark.parametrize("name", of_kind(READ, CHANGE))
def test_unassigned_mentor_is_refused_and_nothing_changes(world: World, name: str):
    before = table_contents(world.database)
    with pytest.raises((NotFound, AccessDenied)):
        call(name, world, world.outsider)
    assert table_contents(world.database) == before


@pytest.mark.parametrize("name", of_kind(TEAM))
def test_team_wide_results_hold_nothing_of_the_citizen(world: World, name: str,
                                                       tmp_path: Path):
    world.folder = tmp_path
    (tmp_path / "logo.png").write_bytes(TINY_PNG)
    try:
        result = call(name, world, world.outsider)
    except (NotFound, AccessDenied):
        return  # refused outright: nothing shown
    seen = visible_text(result, tmp_path)
    leaked = [text for text in citizen_sentinels() if text in seen]
    assert leaked == []
    # Not even whose case a busy slot belongs to.
    assert re.search(rf"citizen_id={world.citizen}\b", seen) is None


@pytest.mark.parametrize("name", of_kind(READ))
def test_citizen_reads_by_the_assigned_mentor_are_audited(world: World, name: str):
    reader = world.coordinator if name in COORDINATOR_ONLY else world.insider
    before = audit_count(world.database, world.citizen)
    call(name, world, reader)
    assert audit_count(world.database, world.citizen) > before


def test_busy_slots_in_the_team_calendar_do_not_say_whose_case(world: World):
    items = calendar.calendar_items(Context(world.database, world.outsider), DAY, DAY)
    busy = [item for item in items if item.appointment_id == world.id("appointment")]
    assert [(item.title, item.restricted, item.citizen_id) for item in busy] == [
        ("Optaget", True, None)]

"""Weekly hours and calendar: appointments, group courses, absence, hours, ICS, billing.

Public API. Operations take ``(context, …)`` (``kernel.Context``: the database and the
actor), check access and audit. Those that change stored data return ``Result`` (the
value below plus the ``Changes`` views refresh by): appointments, groups and absences
change ``Kind.SCHEDULE``; logging a contact from the schedule also ``Kind.CONTACTS`` for
the citizens concerned; staffed hours are ``Kind.SETTINGS``. Reads return the value
plain. ``today`` parameters default to ``date.today()`` and exist for tests.

Appointments (:mod:`.appointments`, :mod:`.done`)
    create_appointment(context, AppointmentInput) -> Result[int]
    get_appointment(context, appointment_id) -> AppointmentDetail
    update_appointment(context, appointment_id, expected_version, AppointmentInput,
                       *, scope=EditScope.ALL, occurrence_start=None) -> Result[int]
                       (the row holding the edit)
    delete_appointment(context, appointment_id, expected_version,
                       *, scope=EditScope.ALL, occurrence_start=None) -> Result[None]
    mark_done(context, appointment_id, occurrence_start=None,
              *, duration_minutes=None, note="") -> Result[contact id]
    mark_not_attended(context, appointment_id, occurrence_start=None, *, note="")
        -> Result[contact id]
    weekly_rule(interval=1, until=None, count=None, weekdays=()) -> RRULE text
    remaining_rule(series_rule, series_start, rule, occurrence_start) -> the rule for
        "this and following" (an unchanged COUNT continues the series' count)
Calendar (:mod:`.calendar`)
    calendar_items(context, first, last, *, mentor_ids=None, citizen_ids=None)
        -> list[CalendarItem]   (appointments + group sessions, conflicts attached)
    preview_conflicts(context, AppointmentInput, *, ignore_appointment_id=None)
        -> list[(start, Conflict)]
    holidays_between(first, last) -> {date: Danish name}
Group courses (:mod:`.groups`)
    create_group_course / update_group_course / delete_group_course -> Result[…],
    list_group_courses(context),
    set_session_cancelled(context, course_id, held_on, cancelled, *, note="") -> Result[int],
    registered_attendance(context, course_id) -> RegisteredAttendance (asked before a
        delete; delete_group_course(..., keep_registered_contacts=True) keeps those contacts),
    group_sessions(context, course_id, first, last) -> list[GroupSessionRow],
    register_attendance(context, course_id, held_on, attended_ids) -> Result[AttendanceResult]
Absence (:mod:`.absence`)
    create_absence / update_absence / delete_absence -> Result[…],
    list_absences(context, first, last)
    absences_to_manage(context, *, user_id=None) -> current/upcoming first, then past
    edit_absence(context, id, version, changes, original) -> Result[None]
        (three-way merge, EditConflict)
Weekly hours (:mod:`.hours`, :mod:`.overview`, :mod:`.export`)
    citizen_weeks(session, citizen_ids, start, end, *, today) -> list[CitizenWeek]
        (the week's band is the one governing grant's, never a sum of two grants)
    grant_weeks(session, grant_ids, start, end, *, today) -> list[GrantWeek]
        (each grant's band against the contacts attributed to it; reports use it)
    mentor_weeks(session, mentor_ids, start, end, *, today) -> list[MentorWeek]
    weekly_hours(context, start, end, *, citizen_ids=None) -> HoursOverview
    weekly_hours_for_week(context, "2026-W48") -> HoursOverview
    hours_totals(context, start, end, *, citizen_ids=None) -> PeriodTotals
        (the totals per citizen of weekly_hours(...).citizen_totals(), summed in SQL)
    week_and_period_hours(context, monday, first, last) -> (HoursOverview, PeriodTotals)
        (the Timer page's load: both of the above, the team's bookings expanded once)
    export_hours_xlsx(context, start, end, path) -> Path
Team staffed hours (:mod:`.staffed`)
    staffed_hours(database) -> StaffedHours;  set_staffed_hours(context, StaffedHours)
        -> Result[None]
Outlook (:mod:`.ics`)
    export_ics(context, first, last, *, mentor_login=None, include_details=False) -> bytes
    write_ics(context, path, first, last, **same) -> Path
    read_ics(bytes) -> list[IcsEvent]   (InvalidInput for a malformed file)
Outlook import (:mod:`.ics_import`)
    import_ics(context, mentor_id, bytes) -> Result[IcsImportResult]   (busy blocks
        without a citizen; all or nothing; re-import skips events already imported)
Billing basis (:mod:`.billing`)
    billing_basis(context, authority_id, year, month) -> BillingBasis
    export_billing_xlsx(context, authority_id, year, month, path) -> Path
    export_billing_pdf(context, authority_id, year, month, path) -> Path

Reports and exports read in a read transaction and render outside any transaction; the
statements live in ``storage.queries.schedule`` and ``storage.queries.hours``.
"""

from __future__ import annotations

from mentordesk.schedule.absence import (
    AbsenceInput,
    AbsenceKind,
    AbsenceRow,
    absences_to_manage,
    create_absence,
    delete_absence,
    edit_absence,
    list_absences,
    update_absence,
)
from mentordesk.schedule.appointments import (
    AppointmentDetail,
    AppointmentInput,
    EditScope,
    create_appointment,
    delete_appointment,
    get_appointment,
    update_appointment,
)
from mentordesk.schedule.billing import (
    BillingBasis,
    BillingLine,
    billing_basis,
    export_billing_pdf,
    export_billing_xlsx,
)
from mentordesk.schedule.calendar import (
    CalendarItem,
    calendar_items,
    holidays_between,
    preview_conflicts,
)
from mentordesk.schedule.conflicts import Conflict
from mentordesk.schedule.done import mark_done, mark_not_attended
from mentordesk.schedule.export import export_hours_xlsx
from mentordesk.schedule.groups import (
    AttendanceResult,
    GroupCourseInput,
    GroupCourseRow,
    GroupSessionRow,
    RegisteredAttendance,
    create_group_course,
    delete_group_course,
    group_sessions,
    list_group_courses,
    register_attendance,
    registered_attendance,
    set_session_cancelled,
    update_group_course,
)
from mentordesk.schedule.hours import (
    CitizenWeek,
    GrantWeek,
    HoursTotal,
    MentorWeek,
    citizen_weeks,
    grant_weeks,
    mentor_weeks,
)
from mentordesk.schedule.ics import IcsEvent, export_ics, read_ics, write_ics
from mentordesk.schedule.ics_import import IcsImportResult, import_ics
from mentordesk.schedule.overview import (
    HoursOverview,
    PeriodTotals,
    hours_totals,
    week_and_period_hours,
    weekly_hours,
    weekly_hours_for_week,
)
from mentordesk.schedule.recurrence import Occurrence, remaining_rule, weekly_rule
from mentordesk.schedule.staffed import StaffedHours, set_staffed_hours, staffed_hours

__all__ = [
    "AbsenceInput", "AbsenceKind", "AbsenceRow", "AppointmentDetail", "AppointmentInput",
    "AttendanceResult", "BillingBasis", "BillingLine", "CalendarItem", "CitizenWeek",
    "GrantWeek", "grant_weeks",
    "Conflict", "EditScope", "GroupCourseInput", "GroupCourseRow", "GroupSessionRow",
    "HoursOverview", "HoursTotal", "IcsEvent", "IcsImportResult", "import_ics",
    "PeriodTotals", "hours_totals",
    "MentorWeek", "Occurrence",
    "RegisteredAttendance", "StaffedHours", "absences_to_manage", "edit_absence",
    "registered_attendance", "remaining_rule", "billing_basis", "calendar_items",
    "citizen_weeks", "create_absence",
    "create_appointment", "create_group_course", "delete_absence", "delete_appointment",
    "delete_group_course", "set_session_cancelled",
    "export_billing_pdf", "export_billing_xlsx", "export_hours_xlsx", "export_ics",
    "get_appointment", "group_sessions", "holidays_between", "list_absences",
    "list_group_courses", "mark_done", "mark_not_attended", "mentor_weeks",
    "preview_conflicts", "read_ics", "register_attendance", "set_staffed_hours",
    "staffed_hours", "update_absence", "update_appointment", "update_group_course",
    "week_and_period_hours", "weekly_hours", "weekly_hours_for_week", "weekly_rule",
    "write_ics",
]

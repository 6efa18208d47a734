"""The contact log: logging a contact and every read of the journal, each audited."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from mentordesk import audit
from mentordesk.domain.codes import Attendance, ContactForm
from mentordesk.domain.dates import format_date
from mentordesk.domain.text import danish_sort_key
from mentordesk.errors import AccessDenied
from mentordesk.kernel.access import require_citizen, visible_citizen_ids
from mentordesk.kernel.changes import Result
from mentordesk.kernel.context import Context
from mentordesk.services.contacts.rules import (
    ENTITY,
    check_goals,
    contact_changes,
    link_goals,
    linked_goal_ids,
    mentor_for,
    override_detail,
    override_reason,
    require_contact,
    require_partner,
    validated,
)
from mentordesk.services.contacts.values import (
    AttendanceRate,
    ContactDetail,
    ContactFilters,
    ContactInputError,
    ContactRow,
    GoalChoice,
    MentorChoice,
    NewContact,
    PartnerChoice,
    format_duration,
)
from mentordesk.services.grant_attribution import resolve_grant
from mentordesk.storage.database import Database
from mentordesk.storage.models import Contact, Partner
from mentordesk.storage.queries.contacts import (
    attendance_counts,
    citizen_contact_rows,
    mentor_contact_rows,
    narrowed,
)
from mentordesk.storage.queries.partners import active_partner_names
from mentordesk.storage.queries.plan import goal_titles
from mentordesk.storage.queries.team import active_user_names, user_name

if TYPE_CHECKING:
    from sqlalchemy import ColumnElement


def log_contact(context: Context, new: NewContact,
                today: date | None = None) -> Result[int]:
    """Log a contact; returns its id. Refuses bad input with ``ContactInputError`` and a
    partner contact without valid consent (unless a reason is given) with ``ConsentMissing``."""
    today = today or date.today()
    contact_on = new.contact_on or today
    values = validated({
        "contact_on": contact_on, "start_time": new.start_time,
        "duration_minutes": new.duration_minutes, "form": new.form, "place": new.place,
        "attendance": new.attendance, "note": new.note,
        "consent_override_reason": new.consent_override_reason,
        "goal_ids": new.goal_ids, "travel_minutes": new.travel_minutes,
        "travel_km": new.travel_km, "indirect_minutes": new.indirect_minutes,
    }, today)
    with context.session() as session:
        require_citizen(session, context.actor, new.citizen_id, today)
        mentor_id = mentor_for(session, context.actor, new.mentor_id)
        check_goals(session, new.citizen_id, values["goal_ids"])
        reason = ""
        if new.partner_id is not None:
            partner = require_partner(session, new.partner_id, active_only=True)
            reason = override_reason(session, new.citizen_id, partner, contact_on,
                                      values["consent_override_reason"])
        contact = Contact(
            citizen_id=new.citizen_id, mentor_id=mentor_id, contact_on=contact_on,
            start_time=values["start_time"], duration_minutes=values["duration_minutes"],
            form=values["form"].value, place=values["place"],
            attended=values["attendance"] is Attendance.ATTENDED, note=values["note"],
            partner_id=new.partner_id, consent_override_reason=reason,
            grant_id=resolve_grant(session, new.citizen_id, new.grant_id, contact_on),
            travel_minutes=values["travel_minutes"], travel_km=values["travel_km"],
            indirect_minutes=values["indirect_minutes"],
        )
        session.add(contact)
        session.flush()
        link_goals(session, contact.id, values["goal_ids"])
        detail = (f"Kontakt registreret: {format_date(contact_on)}, {values['form'].label}, "
                  f"{format_duration(values['duration_minutes'])}")
        audit.record(session, context.actor.login, audit.Action.CREATE, entity=ENTITY,
                     entity_id=contact.id, citizen_id=new.citizen_id,
                     detail=detail + override_detail(session, new.partner_id, reason))
        contact_id = contact.id
    return Result(contact_id, contact_changes(new.citizen_id,
                                                        goals_linked=bool(values["goal_ids"])))


def contacts_for_citizen(context: Context, citizen_id: int,
                         filters: ContactFilters = ContactFilters(),  # noqa: B008 - frozen
                         today: date | None = None) -> list[ContactRow]:
    """The citizen's contacts, newest first (date, start time)."""
    query = citizen_contact_rows(citizen_id, _narrowing(filters))
    with context.session() as session:
        require_citizen(session, context.actor, citizen_id, today)
        rows = [ContactRow._make(row) for row in session.execute(query)]
        audit.record(session, context.actor.login, audit.Action.READ, entity=ENTITY,
                     citizen_id=citizen_id,
                     detail=f"Kontakter vist ({len(rows)}){_filter_detail(filters)}")
    return rows


def contacts_for_mentor(context: Context, mentor_id: int,
                        filters: ContactFilters = ContactFilters(),  # noqa: B008 - frozen
                        today: date | None = None) -> list[ContactRow]:
    """One mentor's contacts, newest first, limited to the citizens the actor may see.

    A mentor sees only their own; coordinators choose any mentor. Each citizen shown gets
    an audit entry of its own, so it appears in that citizen's access log.
    """
    if mentor_id != context.actor.user_id and not context.actor.sees_all_citizens:
        raise AccessDenied("Du kan kun se dine egne kontakter.")
    visible = visible_citizen_ids(context.actor, today or date.today())
    query = mentor_contact_rows(mentor_id, visible, _narrowing(filters))
    with context.session() as session:
        rows = [ContactRow._make(row) for row in session.execute(query)]
        mentor_name = session.scalar(user_name(mentor_id)) or ""
        counts: dict[int, int] = {}
        for row in rows:
            counts[row.citizen_id] = counts.get(row.citizen_id, 0) + 1
        for citizen_id, count in counts.items():
            audit.record(session, context.actor.login, audit.Action.READ, entity=ENTITY,
                         citizen_id=citizen_id,
                         detail=f"Kontakter vist i mentorens liste for {mentor_name} ({count})")
    return rows


def get_contact(context: Context, contact_id: int,
                today: date | None = None) -> ContactDetail:
    with context.session() as session:
        contact = require_contact(session, context.actor, contact_id, today)
        partner = session.get(Partner, contact.partner_id) if contact.partner_id else None
        detail = ContactDetail(
            id=contact.id, citizen_id=contact.citizen_id, mentor_id=contact.mentor_id,
            mentor_name=session.scalar(user_name(contact.mentor_id)) or "",
            contact_on=contact.contact_on, start_time=contact.start_time,
            duration_minutes=contact.duration_minutes, form=ContactForm(contact.form),
            place=contact.place, note=contact.note,
            attendance=Attendance.ATTENDED if contact.attended else Attendance.NO_SHOW,
            partner_id=contact.partner_id, partner_name=partner.name if partner else "",
            consent_override_reason=contact.consent_override_reason,
            goal_ids=linked_goal_ids(session, contact.id), version=contact.version,
            grant_id=contact.grant_id, travel_minutes=contact.travel_minutes,
            travel_km=contact.travel_km, indirect_minutes=contact.indirect_minutes,
        )
        audit.record(session, context.actor.login, audit.Action.READ, entity=ENTITY,
                     entity_id=contact.id, citizen_id=contact.citizen_id,
                     detail=f"Kontakt {format_date(contact.contact_on)} åbnet")
    return detail


def attendance_rate(context: Context, citizen_id: int, start: date, end: date,
                    today: date | None = None) -> AttendanceRate:
    """Attended vs no-show over in-person meetings in ``start``..``end`` (inclusive).

    Phone, SMS and online contacts do not count: mødestabilitet is about showing up.
    """
    if end < start:
        raise ContactInputError("period", "Periodens slutdato ligger før startdatoen.")
    in_person = [form.value for form in ContactForm if not form.is_remote]
    with context.session() as session:
        require_citizen(session, context.actor, citizen_id, today)
        counts = dict(session.execute(
            attendance_counts(citizen_id, start, end, in_person)).tuples().all())
        audit.record(session, context.actor.login, audit.Action.READ, entity=ENTITY,
                     citizen_id=citizen_id,
                     detail=f"Mødestabilitet {format_date(start)}–{format_date(end)}")
    attended, no_shows = counts.get(True, 0), counts.get(False, 0)
    planned = attended + no_shows
    return AttendanceRate(attended, no_shows, attended / planned if planned else None)


def goals_for_linking(context: Context, citizen_id: int,
                      today: date | None = None) -> list[GoalChoice]:
    """The citizen's goals (id and title) a contact can be linked to, in plan order."""
    with context.session() as session:
        require_citizen(session, context.actor, citizen_id, today)
        goals = [GoalChoice(*row) for row in session.execute(
            goal_titles(citizen_id))]
        audit.record(session, context.actor.login, audit.Action.READ, entity="goal",
                     citizen_id=citizen_id,
                     detail=f"Indsatsmål vist til kontaktregistrering ({len(goals)})")
    return goals


def active_partners(database: Database) -> list[PartnerChoice]:
    """Partners to choose from, in Danish order (the register holds no citizen data)."""
    with database.read_session() as session:
        partners = [PartnerChoice(*row) for row in session.execute(
            active_partner_names())]
    return sorted(partners, key=lambda partner: danish_sort_key(partner.name))


def contact_mentors(context: Context) -> list[MentorChoice]:
    """Whose contacts the actor may list or log: themselves, or anyone for coordinators."""
    query = active_user_names(
        None if context.actor.sees_all_citizens else context.actor.user_id)
    with context.read() as session:
        mentors = [MentorChoice(*row) for row in session.execute(query)]
    return sorted(mentors, key=lambda mentor: danish_sort_key(mentor.full_name))


def _narrowing(filters: ContactFilters) -> list[ColumnElement[bool]]:
    if filters.period_from and filters.period_to and filters.period_to < filters.period_from:
        raise ContactInputError("period", "Periodens slutdato ligger før startdatoen.")
    return narrowed(
        first=filters.period_from, last=filters.period_to,
        form=None if filters.form is None else filters.form.value,
        attended=None if filters.attendance is None
        else filters.attendance is Attendance.ATTENDED)


def _filter_detail(filters: ContactFilters) -> str:
    parts = []
    if filters.period_from or filters.period_to:
        start = format_date(filters.period_from) if filters.period_from else "…"
        end = format_date(filters.period_to) if filters.period_to else "…"
        parts.append(f"{start}–{end}")
    parts += [choice.label for choice in (filters.form, filters.attendance) if choice]
    return f"; filter: {', '.join(parts)}" if parts else ""

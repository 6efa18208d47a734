"""Attributing contacts and appointments to grants: the statements, and the one pass that
applies ``domain.grant_choice.suggest_grant`` to every row without a grant.

The pass runs on a plain ``Connection`` with lightweight table definitions (only the
columns it touches), so migration 0008 can call it on the schema as it is at that
revision, and the ``attribute`` command can call it again later on what is still open.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import Connection, Select, TableClause, bindparam, column, select, table, update
from sqlalchemy.types import Date, DateTime, Integer, String

from mentordesk.domain.grant_choice import GrantOption, suggest_grant

_grant = table("grant", column("id", Integer), column("citizen_id", Integer),
               column("legal_basis_id", Integer), column("course_type_id", Integer),
               column("authority_id", Integer), column("start_on", Date),
               column("end_on", Date))
_basis = table("legal_basis", column("id", Integer), column("code", String))
_course = table("course_type", column("id", Integer), column("name", String))
_authority = table("authority", column("id", Integer), column("name", String))
_contact = table("contact", column("id", Integer), column("citizen_id", Integer),
                 column("contact_on", Date), column("grant_id", Integer),
                 column("appointment_id", Integer))
_appointment = table("appointment", column("id", Integer), column("citizen_id", Integer),
                     column("starts_at", DateTime), column("grant_id", Integer))


@dataclass(frozen=True)
class Unattributed:
    """A contact or appointment the rule could not place, and why."""

    kind: str            # "contact" | "appointment"
    id: int
    citizen_id: int
    day: date
    reason: str          # "no_grant" (none running that day) | "several" (ambiguous)


@dataclass
class AttributionReport:
    attributed: int = 0
    left: list[Unattributed] = field(default_factory=list)


def grant_options(citizen_ids: Sequence[int] | None = None) -> Select:  # type: ignore[type-arg]
    """(id, citizen, basis code, course type id, start, end, course name, authority name,
    authority id) of the grants."""
    query = (select(_grant.c.id, _grant.c.citizen_id, _basis.c.code, _grant.c.course_type_id,
                    _grant.c.start_on, _grant.c.end_on, _course.c.name, _authority.c.name,
                    _grant.c.authority_id)
             .join(_basis, _basis.c.id == _grant.c.legal_basis_id)
             .outerjoin(_course, _course.c.id == _grant.c.course_type_id)
             .outerjoin(_authority, _authority.c.id == _grant.c.authority_id)
             .order_by(_grant.c.citizen_id, _grant.c.start_on, _grant.c.id))
    if citizen_ids is not None:
        query = query.where(_grant.c.citizen_id.in_(list(citizen_ids)))
    return query


def options_by_citizen(connection: Connection,
                       citizen_ids: Sequence[int] | None = None
                       ) -> dict[int, list[GrantOption]]:
    grouped: dict[int, list[GrantOption]] = defaultdict(list)
    for (grant_id, citizen_id, code, course_id, start_on, end_on, course, authority,
         authority_id) in connection.execute(grant_options(citizen_ids)):
        grouped[citizen_id].append(GrantOption(grant_id, code, course_id, start_on, end_on,
                                               course or "", authority or "", authority_id))
    return grouped


def attribute_open_rows(connection: Connection) -> AttributionReport:
    """Give every contact and citizen appointment without a grant the rule's suggestion;
    report those it leaves open. A contact logged from an appointment that has a grant
    takes that grant when it runs on the contact's day."""
    options = options_by_citizen(connection)
    report = AttributionReport()
    appointments = _attribute_appointments(connection, options, report)
    open_contacts = connection.execute(
        select(_contact.c.id, _contact.c.citizen_id, _contact.c.contact_on,
               _contact.c.appointment_id).where(_contact.c.grant_id.is_(None))
        .order_by(_contact.c.id)).all()
    found: list[dict[str, int]] = []
    for contact_id, citizen_id, day, appointment_id in open_contacts:
        grant_id = _from_appointment(options[citizen_id], appointments.get(appointment_id), day)
        if grant_id is None:
            grant_id = suggest_grant(options[citizen_id], day)
        if grant_id is None:
            report.left.append(Unattributed("contact", contact_id, citizen_id, day,
                                            _reason(options[citizen_id], day)))
        else:
            found.append({"row": contact_id, "grant": grant_id})
    _set_grants(connection, _contact, found)
    report.attributed += len(found)
    return report


def _set_grants(connection: Connection, target: TableClause,
                rows: list[dict[str, int]]) -> None:
    """One executemany for the whole journal: a demo's 100 000 contacts in seconds."""
    if rows:
        connection.execute(update(target).where(target.c.id == bindparam("row"))
                           .values(grant_id=bindparam("grant")), rows)


def _attribute_appointments(connection: Connection, options: dict[int, list[GrantOption]],
                            report: AttributionReport) -> dict[int, int | None]:
    """Attribute open appointments by their first day; returns every appointment's grant."""
    grants: dict[int, int | None] = {}
    found: list[dict[str, int]] = []
    for appointment_id, citizen_id, starts_at, grant_id in connection.execute(
            select(_appointment.c.id, _appointment.c.citizen_id, _appointment.c.starts_at,
                   _appointment.c.grant_id).where(_appointment.c.citizen_id.is_not(None))):
        if grant_id is None:
            day = _day(starts_at)
            grant_id = suggest_grant(options[citizen_id], day)
            if grant_id is None:
                report.left.append(Unattributed("appointment", appointment_id, citizen_id, day,
                                                _reason(options[citizen_id], day)))
            else:
                found.append({"row": appointment_id, "grant": grant_id})
        grants[appointment_id] = grant_id
    _set_grants(connection, _appointment, found)
    report.attributed += len(found)
    return grants


def _from_appointment(options: list[GrantOption], grant_id: int | None,
                      day: date) -> int | None:
    return next((option.id for option in options
                 if option.id == grant_id and option.runs_on(day)), None)


def _reason(options: list[GrantOption], day: date) -> str:
    return "several" if any(option.runs_on(day) for option in options) else "no_grant"


def _day(value: datetime | date) -> date:
    return value.date() if isinstance(value, datetime) else value


def unattributed_contacts() -> Select:  # type: ignore[type-arg]
    """(id, citizen, day) of the contacts without a grant, oldest first."""
    return (select(_contact.c.id, _contact.c.citizen_id, _contact.c.contact_on)
            .where(_contact.c.grant_id.is_(None))
            .order_by(_contact.c.contact_on, _contact.c.id))


def unattributed_appointments() -> Select:  # type: ignore[type-arg]
    """(id, citizen, start) of the citizen appointments without a grant."""
    return (select(_appointment.c.id, _appointment.c.citizen_id, _appointment.c.starts_at)
            .where(_appointment.c.grant_id.is_(None), _appointment.c.citizen_id.is_not(None))
            .order_by(_appointment.c.starts_at, _appointment.c.id))

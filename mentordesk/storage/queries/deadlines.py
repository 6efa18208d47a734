"""The facts the deadline dashboard computes from: open cases, their grants with the
first contacts after them, assessments, goals, reports and consents. Every query but the
first takes a chunk of citizen ids (bounded IN lists: SQLite limits bound parameters)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select

from mentordesk.storage.models import (
    Assessment,
    Citizen,
    Consent,
    Contact,
    Goal,
    Grant,
    LegalBasis,
    Partner,
    ReportDraft,
)
from mentordesk.storage.queries.assignments import assigned_citizen_ids, primary_mentor_name
from mentordesk.storage.queries.citizens import shown_name
from mentordesk.storage.queries.periods import overlaps


def open_cases(visible: ColumnElement[bool], day: date, closed_status: str,
               assigned_to: int | None = None) -> Select[Any]:
    """(id, shown name, anonymous, primary mentor or None) of the cases not closed that
    meet ``visible`` (the user's caseload condition), only those assigned to
    ``assigned_to`` when given."""
    query = select(Citizen.id, shown_name(), Citizen.is_anonymous,
                   primary_mentor_name(Citizen.id, day).scalar_subquery()).where(
        Citizen.status != closed_status, visible)
    if assigned_to is not None:
        query = query.where(Citizen.id.in_(assigned_citizen_ids(assigned_to, day)))
    return query


def grants_with_first_contacts(citizen_ids: Iterable[int], ended_after: date, day: date,
                               phone_form: str) -> Select[Any]:
    """(grant id, citizen id, legal basis code, start, end, discharge date, first attended
    contact since the start, first attended phone call since the discharge, outreach days,
    newest attended contact attributed to the grant) of the grants running on ``day`` or
    ended since ``ended_after``."""
    first_contact = (
        select(func.min(Contact.contact_on))
        .where(Contact.citizen_id == Grant.citizen_id, Contact.attended.is_(True),
               Contact.contact_on >= Grant.start_on)
        .scalar_subquery()
    )
    first_call = (
        select(func.min(Contact.contact_on))
        .where(Contact.citizen_id == Grant.citizen_id, Contact.attended.is_(True),
               Contact.form == phone_form, Contact.contact_on >= Grant.discharge_on)
        .scalar_subquery()
    )
    last_reached = (
        select(func.max(Contact.contact_on))
        .where(Contact.grant_id == Grant.id, Contact.attended.is_(True))
        .scalar_subquery()
    )
    return (
        select(Grant.id, Grant.citizen_id, LegalBasis.code, Grant.start_on, Grant.end_on,
               Grant.discharge_on, first_contact, first_call, Grant.outreach_days,
               last_reached)
        .join(LegalBasis, LegalBasis.id == Grant.legal_basis_id)
        .where(Grant.citizen_id.in_(list(citizen_ids)), overlaps(Grant, ended_after, day))
    )


def newest_assessments(citizen_ids: Iterable[int]) -> Select[tuple[int, date]]:
    """(citizen id, date of the newest assessment of any of the citizen's goals)."""
    return (select(Goal.citizen_id, func.max(Assessment.assessed_on))
            .join(Goal, Goal.id == Assessment.goal_id)
            .where(Goal.citizen_id.in_(list(citizen_ids)))
            .group_by(Goal.citizen_id))


def open_goals(citizen_ids: Iterable[int], finished: Iterable[str]) -> Select[Any]:
    """(citizen id, goal id, title, start, review date, newest assessment date or None)
    of the goals not in a ``finished`` status, in plan order."""
    return (
        select(Goal.citizen_id, Goal.id, Goal.title, Goal.start_on, Goal.review_on,
               func.max(Assessment.assessed_on))
        .outerjoin(Assessment, Assessment.goal_id == Goal.id)
        .where(Goal.citizen_id.in_(list(citizen_ids)), Goal.status.not_in(list(finished)))
        .group_by(Goal.id)
        .order_by(Goal.citizen_id, Goal.position, Goal.id)
    )


def report_periods(citizen_ids: Iterable[int]) -> Select[Any]:
    """(citizen id, period from, period to, status) of the citizens' progress reports."""
    return (select(ReportDraft.citizen_id, ReportDraft.period_from, ReportDraft.period_to,
                   ReportDraft.status)
            .where(ReportDraft.citizen_id.in_(list(citizen_ids))))


def live_consents(citizen_ids: Iterable[int], lapsed_before: date) -> Select[Any]:
    """(id, citizen id, partner id, partner name, purpose, given, expires, withdrawn) of
    consents not withdrawn that had not lapsed before ``lapsed_before``."""
    return (
        select(Consent.id, Consent.citizen_id, Consent.partner_id, Partner.name,
               Consent.purpose, Consent.given_on, Consent.expires_on, Consent.withdrawn_on)
        .join(Partner, Partner.id == Consent.partner_id)
        .where(Consent.citizen_id.in_(list(citizen_ids)), Consent.withdrawn_on.is_(None),
               Consent.expires_on.is_(None) | (Consent.expires_on >= lapsed_before))
    )

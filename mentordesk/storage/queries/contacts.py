"""Contact queries: the rows of the contact log and the attendance count."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select

from mentordesk.storage.models import Citizen, Contact, Grant, LegalBasis, Partner, User
from mentordesk.storage.queries.citizens import shown_name


def contact_rows() -> Select[Any]:
    """The contact log's columns (``ContactRow`` order: the grant's legal basis, "" when
    not attributed, then travel minutes, km and indirect minutes), newest first: date,
    then start time. SQLite sorts NULL lowest, so contacts without a time come last in
    their day."""
    return (
        select(Contact.id, Contact.citizen_id, shown_name(), Contact.mentor_id,
               User.full_name, Contact.contact_on, Contact.start_time,
               Contact.duration_minutes, Contact.form, Contact.place, Contact.attended,
               Contact.note, func.coalesce(Partner.name, ""), Contact.version,
               func.coalesce(LegalBasis.code, ""), Contact.travel_minutes, Contact.travel_km,
               Contact.indirect_minutes)
        .join(Citizen, Citizen.id == Contact.citizen_id)
        .join(User, User.id == Contact.mentor_id)
        .outerjoin(Partner, Partner.id == Contact.partner_id)
        .outerjoin(Grant, Grant.id == Contact.grant_id)
        .outerjoin(LegalBasis, LegalBasis.id == Grant.legal_basis_id)
        # NULLS LAST is SQLite's default order for a descending NULL; PostgreSQL's is first.
        .order_by(Contact.contact_on.desc(), Contact.start_time.desc().nulls_last(),
                  Contact.id.desc())
    )


def narrowed(*, first: date | None = None, last: date | None = None, form: str | None = None,
             attended: bool | None = None) -> list[ColumnElement[bool]]:
    """The contact log's filters as conditions; an empty filter narrows nothing."""
    conditions = []
    if first is not None:
        conditions.append(Contact.contact_on >= first)
    if last is not None:
        conditions.append(Contact.contact_on <= last)
    if form is not None:
        conditions.append(Contact.form == form)
    if attended is not None:
        conditions.append(Contact.attended == attended)
    return conditions


def citizen_contact_rows(citizen_id: int,
                         narrowing: Iterable[ColumnElement[bool]] = ()) -> Select[Any]:
    """The citizen's contacts as ``contact_rows``, narrowed by ``narrowed(...)``."""
    return contact_rows().where(Contact.citizen_id == citizen_id, *narrowing)


def mentor_contact_rows(mentor_id: int, visible: ColumnElement[bool],
                        narrowing: Iterable[ColumnElement[bool]] = ()) -> Select[Any]:
    """The mentor's contacts with the ``visible`` citizens, narrowed by ``narrowed(...)``."""
    return contact_rows().where(Contact.mentor_id == mentor_id, visible, *narrowing)


def attendance_counts(citizen_id: int, first: date, last: date,
                      forms: Iterable[str]) -> Select[tuple[bool, int]]:
    """(attended, count) of the citizen's contacts in ``forms`` from ``first`` to
    ``last`` (inclusive)."""
    return (
        select(Contact.attended, func.count())
        .where(Contact.citizen_id == citizen_id, Contact.contact_on >= first,
               Contact.contact_on <= last, Contact.form.in_(list(forms)))
        .group_by(Contact.attended)
    )

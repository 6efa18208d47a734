"""Contact queries: the rows of the contact log and the attendance count."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import Select, func, select

from mentordesk.storage.models import Citizen, Contact, Partner, User
from mentordesk.storage.queries.citizens import shown_name


def contact_rows() -> Select[Any]:
    """The contact log's columns (``ContactRow`` order), newest first: date, then start
    time. SQLite sorts NULL lowest, so contacts without a time come last in their day."""
    return (
        select(Contact.id, Contact.citizen_id, shown_name(), Contact.mentor_id,
               User.full_name, Contact.contact_on, Contact.start_time,
               Contact.duration_minutes, Contact.form, Contact.place, Contact.attended,
               Contact.note, func.coalesce(Partner.name, ""), Contact.version)
        .join(Citizen, Citizen.id == Contact.citizen_id)
        .join(User, User.id == Contact.mentor_id)
        .outerjoin(Partner, Partner.id == Contact.partner_id)
        .order_by(Contact.contact_on.desc(), Contact.start_time.desc(), Contact.id.desc())
    )


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

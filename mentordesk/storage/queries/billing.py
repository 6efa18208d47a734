"""Statements behind the billing basis that the weekly hours do not share: the grants
with their course type's VAT status, and the time around contacts (travel, indirect)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import Select, func, select

from mentordesk.storage.models import Contact, CourseType, Grant
from mentordesk.storage.queries.periods import overlaps


def authority_grants_for_billing(authority_id: int, first: date, last: date
                                 ) -> Select[tuple[Grant, str, bool]]:
    """The authority's grants overlapping the period with their course type's name and
    VAT status (both None without a course type: an outer join), per citizen in start
    order."""
    return (select(Grant, CourseType.name, CourseType.vat_liable)
            .outerjoin(CourseType, CourseType.id == Grant.course_type_id)
            .where(Grant.authority_id == authority_id, overlaps(Grant, first, last))
            .order_by(Grant.citizen_id, Grant.start_on, Grant.id))


def around_per_grant_day(grant_ids: Sequence[int], first: date, last: date
                         ) -> Select[tuple[int | None, date, int, int, int]]:
    """(grant, day, travel minutes, km, indirect minutes) of the grants' contacts in the
    period, no-shows included: the mentor drove there and wrote it up all the same."""
    return (select(Contact.grant_id, Contact.contact_on, func.sum(Contact.travel_minutes),
                   func.sum(Contact.travel_km), func.sum(Contact.indirect_minutes))
            .where(Contact.grant_id.in_(list(grant_ids)),
                   Contact.contact_on.between(first, last))
            .group_by(Contact.grant_id, Contact.contact_on))


def around_per_mentor(first: date, last: date, mentor_id: int | None
                      ) -> Select[tuple[int, int, int, int]]:
    """(mentor, travel minutes, km, indirect minutes) of the contacts in the period, for
    one mentor or (None) the whole team; mentors without any are left out."""
    query = (select(Contact.mentor_id, func.sum(Contact.travel_minutes),
                    func.sum(Contact.travel_km), func.sum(Contact.indirect_minutes))
             .where(Contact.contact_on.between(first, last),
                    (Contact.travel_minutes + Contact.travel_km + Contact.indirect_minutes) > 0)
             .group_by(Contact.mentor_id))
    return query if mentor_id is None else query.where(Contact.mentor_id == mentor_id)

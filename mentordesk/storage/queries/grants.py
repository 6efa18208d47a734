"""Grant queries: a grant with the names of its legal basis, course type and authority,
as the grants tab and the case summary show it."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import aliased

from mentordesk.storage.models import Authority, CourseType, Grant, LegalBasis
from mentordesk.storage.queries.periods import covers


def grants_with_names() -> Select[Any]:
    """Rows of (Grant, basis code, basis name, course type name, its minimum weeks,
    authority name); course type and authority may be missing (None)."""
    basis = aliased(LegalBasis)
    return (
        select(Grant, basis.code, basis.name, CourseType.name, CourseType.min_weeks,
               Authority.name)
        .join(basis, basis.id == Grant.legal_basis_id)
        .outerjoin(CourseType, CourseType.id == Grant.course_type_id)
        .outerjoin(Authority, Authority.id == Grant.authority_id)
    )


def grant_with_names(grant_id: int) -> Select[Any]:
    """One grant with its names (see ``grants_with_names``)."""
    return grants_with_names().where(Grant.id == grant_id)


def citizen_grants(citizen_id: int) -> Select[Any]:
    """The citizen's grants with their names, newest start first."""
    return (grants_with_names().where(Grant.citizen_id == citizen_id)
            .order_by(Grant.start_on.desc(), Grant.id.desc()))


def grant_periods(citizen_id: int) -> Select[tuple[int, str, date, date | None]]:
    """(id, legal basis code, start, end) of the citizen's grants, newest start first."""
    return (select(Grant.id, LegalBasis.code, Grant.start_on, Grant.end_on)
            .join(LegalBasis, LegalBasis.id == Grant.legal_basis_id)
            .where(Grant.citizen_id == citizen_id)
            .order_by(Grant.start_on.desc(), Grant.id.desc()))


def grant_period(grant_id: int) -> Select[tuple[str, date, date | None]]:
    """(legal basis code, start, end) of one grant."""
    return (select(LegalBasis.code, Grant.start_on, Grant.end_on)
            .join(LegalBasis, LegalBasis.id == Grant.legal_basis_id)
            .where(Grant.id == grant_id))


def grants_covering(citizen_id: int, day: date) -> Select[tuple[int]]:
    """The ids of the citizen's grants running on ``day``."""
    return select(Grant.id).where(Grant.citizen_id == citizen_id, covers(Grant, day))

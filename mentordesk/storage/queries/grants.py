"""Grant queries: a grant with the names of its legal basis, course type and authority,
as the grants tab and the case summary show it."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import aliased

from mentordesk.storage.models import Authority, CourseType, Grant, LegalBasis


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


def citizen_grants(citizen_id: int) -> Select[Any]:
    """The citizen's grants with their names, newest start first."""
    return (grants_with_names().where(Grant.citizen_id == citizen_id)
            .order_by(Grant.start_on.desc(), Grant.id.desc()))

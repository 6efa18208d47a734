"""Catalogue queries: the legal bases and course types as choices in lists and filters."""

from __future__ import annotations

from sqlalchemy import Select, select

from mentordesk.storage.models import CourseType, LegalBasis


def legal_basis_names() -> Select[tuple[str, str]]:
    """(code, name) of every legal basis, by code."""
    return select(LegalBasis.code, LegalBasis.name).order_by(LegalBasis.code)


def course_type_names() -> Select[tuple[int, str]]:
    """(id, name) of every course type (callers sort in Danish order)."""
    return select(CourseType.id, CourseType.name)

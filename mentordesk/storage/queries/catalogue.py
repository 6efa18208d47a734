"""Catalogue queries: the legal bases and course types as choices in lists and filters."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Select, func, select

from mentordesk.storage.models import Base, CourseType, EconomyItem, LegalBasis, NormRate, VumTerm


def legal_basis_names() -> Select[tuple[str, str]]:
    """(code, name) of every legal basis, by code."""
    return select(LegalBasis.code, LegalBasis.name).order_by(LegalBasis.code)


def course_type_names() -> Select[tuple[int, str]]:
    """(id, name) of every course type (callers sort in Danish order)."""
    return select(CourseType.id, CourseType.name)


def catalogue_rows(model: type[Base]) -> Select[Any]:
    """Every row of one catalogue table (legal bases, course types, authorities)."""
    return select(model)


def references(column: ColumnElement[Any], row_id: int) -> Select[tuple[int]]:
    """How many rows refer to ``row_id`` through ``column`` (e.g. ``Grant.authority_id``)."""
    return select(func.count()).where(column == row_id)


def ids_and_values(column: ColumnElement[Any]) -> Select[tuple[int, Any]]:
    """(id, value) of every row of the column's table."""
    return select(column.table.c.id, column)  # type: ignore[attr-defined]


# What seeding finds already there (it adds only what is missing).


def course_type_name_list() -> Select[tuple[str]]:
    return select(CourseType.name)


def norm_rate_keys() -> Select[tuple[int, str, str]]:
    """(year, norm kind, item) of the stored norm rates."""
    return select(NormRate.year, NormRate.norm_kind, NormRate.item)


def vum_term_codes() -> Select[tuple[str]]:
    return select(VumTerm.code)


def economy_item_keys() -> Select[tuple[str, str]]:
    """(section, label) of the economy sheet's items."""
    return select(EconomyItem.section, EconomyItem.label)


def active_legal_bases() -> Select[tuple[int, str, str, bool]]:
    """(id, code, name, allows anonymous) of every legal basis in use."""
    return (select(LegalBasis.id, LegalBasis.code, LegalBasis.name, LegalBasis.allows_anonymous)
            .where(LegalBasis.active.is_(True)))


def active_course_types() -> Select[tuple[CourseType]]:
    return select(CourseType).where(CourseType.active.is_(True))

"""Citizen queries: the citizens list, the name a citizen is shown by, the masked CPR
number, all computed in SQL so a list of thousands is plain columns, never ORM objects.

The shown-name rule matches ``services.citizens`` for loaded rows: an anonymous citizen
(§99), or one without a name, is shown by the alias, or by ``ANONYMOUS_MARK``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, case, exists, func, literal, or_, select

from mentordesk.storage.citizen_rows import ANONYMOUS_MARK as ANONYMOUS_MARK
from mentordesk.storage.models import Assignment, Citizen, Grant, LegalBasis
from mentordesk.storage.queries.assignments import primary_mentor_name
from mentordesk.storage.queries.periods import covers

_MASKED_SEQUENCE = "xxxx"


def _full_name() -> ColumnElement[str]:
    return func.trim(Citizen.first_name + " " + Citizen.last_name)


def _shown_alias() -> ColumnElement[str]:
    return func.coalesce(func.nullif(Citizen.alias, ""), ANONYMOUS_MARK)


def shown_name() -> ColumnElement[str]:
    """The name the citizen is shown by: the alias when anonymous or unnamed."""
    return case((or_(Citizen.is_anonymous, _full_name() == ""), _shown_alias()),
                else_=_full_name())


def masked_cpr() -> ColumnElement[str]:
    """``ddmmåå-xxxx``, or "" without a CPR number. CPR is stored normalised (10 digits),
    so masking is the birth date plus a fixed mask; ``domain.cpr.mask_cpr`` gives the same
    text (a test holds them together)."""
    return case(
        (func.coalesce(Citizen.cpr, "") == "", ""),
        else_=func.substr(Citizen.cpr, 1, 6) + "-" + literal(_MASKED_SEQUENCE),
    )


def citizen_list(
    visible: ColumnElement[bool], day: date, *, search_key: str = "", cpr_digits: str = "",
    status: str | None = None, mentor_id: int | None = None, legal_basis: str | None = None,
    course_type_id: int | None = None,
) -> Select[tuple[int, str, str, bool, str, str, str]]:
    """The citizens list: id, name, alias, anonymous, masked CPR, status, primary mentor,
    in the stored Danish sort order. The full CPR number never leaves the database here.

    ``visible``: the condition on ``Citizen.id`` limiting the list to what the user may
    see (``kernel.access.visible_citizen_ids``).
    ``search_key``: part of the Danish sort key; ``cpr_digits``: the start of the CPR
    number's last four digits (either matches). ``mentor_id``: currently assigned;
    ``legal_basis`` (a code) and ``course_type_id``: a grant under it, in any period.
    """
    query = (
        select(
            Citizen.id,
            case((_full_name() == "", _shown_alias()), else_=_full_name()),
            case((Citizen.is_anonymous, _shown_alias()), else_=Citizen.alias),
            Citizen.is_anonymous,
            masked_cpr(),
            Citizen.status,
            func.coalesce(primary_mentor_name(Citizen.id, day).scalar_subquery(), ""),
        )
        .where(visible)
        .order_by(Citizen.search_key)
    )
    if search_key or cpr_digits:
        query = query.where(_matches(search_key, cpr_digits))
    if status is not None:
        query = query.where(Citizen.status == status)
    if mentor_id is not None:
        query = query.where(exists().where(
            Assignment.citizen_id == Citizen.id, Assignment.user_id == mentor_id,
            covers(Assignment, day)))
    if legal_basis:
        query = query.where(exists().where(
            Grant.citizen_id == Citizen.id, Grant.legal_basis_id == LegalBasis.id,
            LegalBasis.code == legal_basis))
    if course_type_id is not None:
        query = query.where(exists().where(
            Grant.citizen_id == Citizen.id, Grant.course_type_id == course_type_id))
    return query


def _matches(search_key: str, cpr_digits: str) -> ColumnElement[bool]:
    conditions: list[ColumnElement[bool]] = []
    if search_key:
        conditions.append(Citizen.search_key.like(f"%{_escape_like(search_key)}%",
                                                  escape="\\"))
    if cpr_digits:
        conditions.append(Citizen.cpr_last4.like(f"{cpr_digits}%"))
    return or_(*conditions)


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def citizen_with_cpr(cpr: str, other_than: int | None = None) -> Select[Any]:
    """The id of a citizen holding ``cpr`` (besides ``other_than``)."""
    query = select(Citizen.id).where(Citizen.cpr == cpr)
    if other_than is not None:
        query = query.where(Citizen.id != other_than)
    return query


def visible_citizen(citizen_id: int, visible: ColumnElement[bool]) -> Select[tuple[Citizen]]:
    """The citizen, if ``visible`` (a ``visibility.visible_citizens`` condition) lets them in."""
    return select(Citizen).where(Citizen.id == citizen_id, visible)


def stored_cprs(cprs: Sequence[str]) -> Select[tuple[str | None]]:
    """Those of ``cprs`` some citizen already has (callers pass at most 500 at a time)."""
    return select(Citizen.cpr).where(Citizen.cpr.in_(list(cprs)))

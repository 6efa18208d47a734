"""Statements of the anonymous tally (``models.anonymous``): one row per mentor, day,
contact form and legal basis, counted up and down."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Delete, Select, delete, select

from mentordesk.storage.models import AnonymousContactTally, LegalBasis, User


def tally_row(mentor_id: int, day: date, form: str,
              legal_basis_id: int) -> Select[tuple[AnonymousContactTally]]:
    return select(AnonymousContactTally).where(
        AnonymousContactTally.mentor_id == mentor_id, AnonymousContactTally.contact_on == day,
        AnonymousContactTally.form == form,
        AnonymousContactTally.legal_basis_id == legal_basis_id)


def empty_rows() -> Delete:
    """A row counted back to nothing says nothing: it goes."""
    return delete(AnonymousContactTally).where(AnonymousContactTally.count <= 0)


def tally_between(first: date, last: date, mentor_id: int | None
                  ) -> Select[tuple[date, int, str, str, str, int, int]]:
    """(day, mentor, mentor's name, form, legal basis code, count, minutes) in the
    period, for one mentor or (None) the whole team, by day."""
    query = (select(AnonymousContactTally.contact_on, AnonymousContactTally.mentor_id,
                    User.full_name, AnonymousContactTally.form, LegalBasis.code,
                    AnonymousContactTally.count, AnonymousContactTally.minutes)
             .join(User, User.id == AnonymousContactTally.mentor_id)
             .join(LegalBasis, LegalBasis.id == AnonymousContactTally.legal_basis_id)
             .where(AnonymousContactTally.contact_on.between(first, last))
             .order_by(AnonymousContactTally.contact_on, AnonymousContactTally.mentor_id))
    return query if mentor_id is None else query.where(
        AnonymousContactTally.mentor_id == mentor_id)


def anonymous_bases() -> Select[tuple[int, str, str]]:
    """(id, code, name) of the active legal bases that allow anonymity (SEL §99)."""
    return (select(LegalBasis.id, LegalBasis.code, LegalBasis.name)
            .where(LegalBasis.allows_anonymous.is_(True), LegalBasis.active.is_(True))
            .order_by(LegalBasis.code))

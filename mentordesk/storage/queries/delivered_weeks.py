"""Delivered minutes per week, read from the trigger-kept sums (migration 0010) instead of
summing the contact log: a team's year costs a row per citizen per week, not a row per
contact. ``week_start`` is the ISO week's Monday."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import InstrumentedAttribute

from mentordesk.storage.models import Contact, DeliveredCitizenWeek, DeliveredMentorWeek
from mentordesk.storage.queries.portable import date_text, week_monday_text


def delivered_per_citizen_week(citizen_ids: Sequence[int], first_monday: date,
                               last_monday: date) -> Select[tuple[int, str, int]]:
    """(citizen, Monday as 'YYYY-MM-DD', minutes) of attended contacts, for the weeks
    starting ``first_monday``..``last_monday``."""
    return select(DeliveredCitizenWeek.citizen_id, _as_text(DeliveredCitizenWeek.week_start),
                  DeliveredCitizenWeek.minutes).where(
        DeliveredCitizenWeek.citizen_id.in_(list(citizen_ids)),
        DeliveredCitizenWeek.week_start.between(first_monday, last_monday))


def delivered_alone_per_mentor_week(mentor_ids: Sequence[int], first_monday: date,
                                    last_monday: date) -> Select[tuple[int, date, int]]:
    """(mentor, Monday, minutes) of the mentor's attended contacts outside group sessions."""
    return select(DeliveredMentorWeek.mentor_id, DeliveredMentorWeek.week_start,
                  DeliveredMentorWeek.minutes).where(
        DeliveredMentorWeek.mentor_id.in_(list(mentor_ids)),
        DeliveredMentorWeek.week_start.between(first_monday, last_monday))


def recounted_per_citizen_week() -> Select[tuple[int, str, int]]:
    """(citizen, Monday as text, minutes) summed from the contact log itself: what the
    kept sums must equal (``mentordesk check`` and the tests compare the two)."""
    return (select(Contact.citizen_id, _monday(), func.sum(Contact.duration_minutes))
            .where(Contact.attended.is_(True)).group_by(Contact.citizen_id, _monday()))


def recounted_alone_per_mentor_week() -> Select[tuple[int, str, int]]:
    return (select(Contact.mentor_id, _monday(), func.sum(Contact.duration_minutes))
            .where(Contact.attended.is_(True), Contact.group_session_id.is_(None))
            .group_by(Contact.mentor_id, _monday()))


def kept_per_citizen_week() -> Select[tuple[int, date, int]]:
    return select(DeliveredCitizenWeek.citizen_id, DeliveredCitizenWeek.week_start,
                  DeliveredCitizenWeek.minutes)


def kept_alone_per_mentor_week() -> Select[tuple[int, date, int]]:
    return select(DeliveredMentorWeek.mentor_id, DeliveredMentorWeek.week_start,
                  DeliveredMentorWeek.minutes)


def _as_text(column: InstrumentedAttribute[date]) -> ColumnElement[str]:
    """The ISO text: a team's year is ~100 000 rows, and parsing each into a date costs
    more than reading it."""
    return date_text(column)


def _monday() -> ColumnElement[str]:
    """The ISO week's Monday of the contact's day, as the triggers compute it."""
    return week_monday_text(Contact.contact_on)

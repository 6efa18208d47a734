"""Periods: does a dated row (grant, assignment, absence …) cover a day or a period?

Rows keep an inclusive ``start_on`` and an inclusive ``end_on`` that may be empty
(open-ended). Two inclusive periods overlap when each starts on or before the other ends.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Protocol

from sqlalchemy import ColumnElement, and_, or_


class DatedRow(Protocol):
    """A mapped class with an inclusive period (``end_on`` may be NULL = open-ended)."""

    start_on: Any
    end_on: Any


def overlaps(model: type[DatedRow], first: date, last: date) -> ColumnElement[bool]:
    """The row's period shares at least one day with ``first``–``last`` (inclusive)."""
    return and_(model.start_on <= last, or_(model.end_on.is_(None), model.end_on >= first))


def covers(model: type[DatedRow], day: date) -> ColumnElement[bool]:
    """The row's period includes ``day``."""
    return overlaps(model, day, day)


def open_after(model: type[DatedRow], day: date) -> ColumnElement[bool]:
    """The row has not ended by ``day`` (open-ended, or ending later)."""
    return or_(model.end_on.is_(None), model.end_on > day)


def period_overlaps(start_on: date, end_on: date | None, first: date, last: date) -> bool:
    """The same rule for rows already loaded into Python."""
    return start_on <= last and (end_on is None or end_on >= first)

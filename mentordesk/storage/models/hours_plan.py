"""A grant's stepped hours plan and the practice hours logged per week (seed 003).

Practice courses (LAB) raise the hours over the period: "from week 1, 2–5 hours; from
week 5, 6–10; from week 9, 10–15". A step governs from the ISO week holding its
``starts_on`` until the next step; before the first step the grant's own band applies.
Practice hours are the hours the citizen spent in the internship that week, entered by
the mentor; they are not contacts and never count as delivered mentor time.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Integer, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from mentordesk.storage.models.base import Base


class GrantHoursStep(Base):
    __tablename__ = "grant_hours_step"
    __table_args__ = (UniqueConstraint("grant_id", "starts_on"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    grant_id: Mapped[int] = mapped_column(ForeignKey("grant.id", ondelete="CASCADE"),
                                          index=True)
    starts_on: Mapped[date] = mapped_column(Date)
    min_minutes: Mapped[int] = mapped_column(Integer)
    max_minutes: Mapped[int | None] = mapped_column(Integer)  # None: "from min" only


class GrantPracticeWeek(Base):
    __tablename__ = "grant_practice_week"
    grant_id: Mapped[int] = mapped_column(ForeignKey("grant.id", ondelete="CASCADE"),
                                          primary_key=True)
    week_start: Mapped[date] = mapped_column(Date, primary_key=True)  # the ISO week's Monday
    minutes: Mapped[int] = mapped_column(Integer)

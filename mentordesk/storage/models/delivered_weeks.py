"""Delivered minutes per citizen-week and mentor-week, kept by the database itself.

The hours overview and year-to-date totals sum attended contacts per ISO week. Summing
the contact log for a team's year reads every contact of the year, so the cost grew with
the log (4 s at 1M contacts). These two tables hold the sums per week; triggers on
``contact`` (migration 0010) keep them in the same transaction as every insert, edit,
move and delete of a contact, whoever writes it (services, import, demo, erasure), so a
week or a year costs a row per citizen per week.

``week_start`` is the ISO week's Monday. The mentor table holds only contacts outside
group sessions: a group session counts once for its leader however many participants'
contacts it produced, which the hours query adds from the (few) group sessions.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Index, Integer
from sqlalchemy.orm import Mapped, mapped_column

from mentordesk.storage.models.base import Base
from mentordesk.storage.models.schedule import Contact

# Who had a contact in a period (the hours overview lists them): a range of the log by
# day, not a scan of all of it.
Index("ix_contact_on", Contact.contact_on)


class DeliveredCitizenWeek(Base):
    __tablename__ = "delivered_citizen_week"
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizen.id", ondelete="CASCADE"),
                                            primary_key=True)
    week_start: Mapped[date] = mapped_column(Date, primary_key=True)
    minutes: Mapped[int] = mapped_column(Integer, default=0)


class DeliveredMentorWeek(Base):
    __tablename__ = "delivered_mentor_week"
    mentor_id: Mapped[int] = mapped_column(ForeignKey("user.id"), primary_key=True)
    week_start: Mapped[date] = mapped_column(Date, primary_key=True)
    minutes: Mapped[int] = mapped_column(Integer, default=0)

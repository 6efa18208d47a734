"""Contacts (the journal), appointments, group courses and staff absence."""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    Time,
)
from sqlalchemy.orm import Mapped, mapped_column

from mentordesk.storage.models.base import Base, Versioned, utc_now

contact_goal = Table(
    "contact_goal",
    Base.metadata,
    Column("contact_id", ForeignKey("contact.id", ondelete="CASCADE"), primary_key=True),
    Column("goal_id", ForeignKey("goal.id", ondelete="CASCADE"), primary_key=True),
)

appointment_mentor = Table(
    "appointment_mentor",
    Base.metadata,
    Column("appointment_id", ForeignKey("appointment.id", ondelete="CASCADE"), primary_key=True),
    Column("user_id", ForeignKey("user.id", ondelete="CASCADE"), primary_key=True),
)

group_leader = Table(
    "group_leader",
    Base.metadata,
    Column("group_course_id", ForeignKey("group_course.id", ondelete="CASCADE"), primary_key=True),
    Column("user_id", ForeignKey("user.id", ondelete="CASCADE"), primary_key=True),
)

group_participant = Table(
    "group_participant",
    Base.metadata,
    Column("group_course_id", ForeignKey("group_course.id", ondelete="CASCADE"), primary_key=True),
    Column("citizen_id", ForeignKey("citizen.id", ondelete="CASCADE"), primary_key=True),
)


class Contact(Versioned, Base):
    """One logged contact with a citizen: the proof of delivered hours."""

    __tablename__ = "contact"
    __table_args__ = (
        Index("ix_contact_citizen_date", "citizen_id", "contact_on"),
        Index("ix_contact_mentor_date", "mentor_id", "contact_on"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizen.id", ondelete="CASCADE"))
    mentor_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    contact_on: Mapped[date] = mapped_column(Date)
    start_time: Mapped[time | None] = mapped_column(Time)
    duration_minutes: Mapped[int] = mapped_column(Integer)  # face-to-face time
    # Time around the contact, kept apart from duration_minutes: the delivered hours and
    # the weekly band stay face-to-face time; the authority's agreement decides whether
    # travel (time and km) and indirect time are billed.
    travel_minutes: Mapped[int] = mapped_column(Integer, default=0)
    travel_km: Mapped[int] = mapped_column(Integer, default=0)
    indirect_minutes: Mapped[int] = mapped_column(Integer, default=0)
    form: Mapped[str] = mapped_column(String(30))  # domain ContactForm code
    place: Mapped[str] = mapped_column(String(200), default="")
    attended: Mapped[bool] = mapped_column(Boolean, default=True)
    note: Mapped[str] = mapped_column(Text, default="")
    partner_id: Mapped[int | None] = mapped_column(ForeignKey("partner.id"))
    consent_override_reason: Mapped[str] = mapped_column(Text, default="")
    appointment_id: Mapped[int | None] = mapped_column(
        ForeignKey("appointment.id", ondelete="SET NULL")
    )
    # The grant whose hours this contact is (None: "Ikke tilknyttet"); suggested by
    # domain.grant_choice, editable. SET NULL: deleting a grant never deletes the proof.
    grant_id: Mapped[int | None] = mapped_column(
        ForeignKey("grant.id", ondelete="SET NULL"), index=True)
    group_session_id: Mapped[int | None] = mapped_column(
        ForeignKey("group_session.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utc_now)


class Appointment(Versioned, Base):
    """A planned meeting; recurring ones carry an RFC 5545 rule."""

    __tablename__ = "appointment"
    __table_args__ = (Index("ix_appointment_mentor_start", "mentor_id", "starts_at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int | None] = mapped_column(ForeignKey("citizen.id", ondelete="CASCADE"))
    mentor_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    starts_at: Mapped[datetime] = mapped_column(DateTime)  # local wall-clock time
    duration_minutes: Mapped[int] = mapped_column(Integer)
    form: Mapped[str] = mapped_column(String(30))
    place: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    rrule: Mapped[str] = mapped_column(String(300), default="")
    series_id: Mapped[int | None] = mapped_column(Integer, index=True)
    # Occurrences taken out of the series (RFC 5545 EXDATE), ISO datetimes, comma-separated.
    exdates: Mapped[str] = mapped_column(Text, default="")
    # For a single occurrence edited apart from its series: the start it replaces.
    recurrence_id: Mapped[datetime | None] = mapped_column(DateTime)
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False)
    # The grant the booked time is planned under; the contact logged from it inherits it.
    grant_id: Mapped[int | None] = mapped_column(ForeignKey("grant.id", ondelete="SET NULL"))


class GroupCourse(Versioned, Base):
    """A gruppeforløb at a fixed weekly time and place."""

    __tablename__ = "group_course"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    place: Mapped[str] = mapped_column(String(200), default="")
    weekday: Mapped[int] = mapped_column(Integer)  # 0 = Monday
    start_time: Mapped[time] = mapped_column(Time)
    duration_minutes: Mapped[int] = mapped_column(Integer)
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)


class GroupSession(Versioned, Base):
    """One meeting of a group course; attendance becomes the participants' contacts."""

    __tablename__ = "group_session"
    id: Mapped[int] = mapped_column(primary_key=True)
    group_course_id: Mapped[int] = mapped_column(
        ForeignKey("group_course.id", ondelete="CASCADE"), index=True
    )
    held_on: Mapped[date] = mapped_column(Date)
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(Text, default="")


class Absence(Versioned, Base):
    """A mentor's absence (holiday, sickness, course)."""

    __tablename__ = "absence"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    start_on: Mapped[date] = mapped_column(Date)
    end_on: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")


class AbsenceCover(Base):
    """Who covers which citizen while a mentor is absent."""

    __tablename__ = "absence_cover"
    absence_id: Mapped[int] = mapped_column(
        ForeignKey("absence.id", ondelete="CASCADE"), primary_key=True
    )
    citizen_id: Mapped[int] = mapped_column(
        ForeignKey("citizen.id", ondelete="CASCADE"), primary_key=True
    )
    substitute_id: Mapped[int] = mapped_column(ForeignKey("user.id"))

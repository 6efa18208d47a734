"""Team members, citizens, their network, partners and consents."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mentordesk.storage.models.base import Base, Versioned, utc_now


class User(Versioned, Base):
    """A team member, identified by OS login."""

    __tablename__ = "user"
    id: Mapped[int] = mapped_column(primary_key=True)
    login: Mapped[str] = mapped_column(String(120), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))  # domain Role: mentor/coordinator/admin
    weekly_capacity_minutes: Mapped[int] = mapped_column(Integer, default=0)
    is_volunteer: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utc_now)


class Citizen(Versioned, Base):
    """A citizen's case. Anonymous (§99) citizens have an alias and no CPR."""

    __tablename__ = "citizen"
    id: Mapped[int] = mapped_column(primary_key=True)
    first_name: Mapped[str] = mapped_column(String(120), default="")
    last_name: Mapped[str] = mapped_column(String(120), default="")
    alias: Mapped[str] = mapped_column(String(120), default="")
    is_anonymous: Mapped[bool] = mapped_column(Boolean, default=False)
    cpr: Mapped[str | None] = mapped_column(String(10), unique=True)
    # Denormalised for search: last four CPR digits and a lower-cased name/alias key.
    cpr_last4: Mapped[str] = mapped_column(String(4), default="", index=True)
    search_key: Mapped[str] = mapped_column(String(400), default="", index=True)
    status: Mapped[str] = mapped_column(String(20), default="waiting")
    address: Mapped[str] = mapped_column(String(300), default="")
    postal_code: Mapped[str] = mapped_column(String(10), default="")
    city: Mapped[str] = mapped_column(String(120), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    preferred_contact: Mapped[str] = mapped_column(String(40), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    opened_on: Mapped[date | None] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utc_now)

    relatives: Mapped[list[Relative]] = relationship(
        back_populates="citizen", cascade="all, delete-orphan"
    )


class Relative(Versioned, Base):
    """A person in the citizen's network (relative, friend, neighbour)."""

    __tablename__ = "relative"
    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizen.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    relation: Mapped[str] = mapped_column(String(80), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    note: Mapped[str] = mapped_column(Text, default="")

    citizen: Mapped[Citizen] = relationship(back_populates="relatives")


class Partner(Versioned, Base):
    """A partner organisation or person (GP, psychiatry, jobcenter, creditor …)."""

    __tablename__ = "partner"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(40), default="")
    organisation: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Consent(Versioned, Base):
    """The citizen's consent to share information with one partner for one purpose."""

    __tablename__ = "consent"
    __table_args__ = (Index("ix_consent_citizen_partner", "citizen_id", "partner_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizen.id", ondelete="CASCADE"))
    partner_id: Mapped[int] = mapped_column(ForeignKey("partner.id", ondelete="RESTRICT"))
    purpose: Mapped[str] = mapped_column(String(300))
    given_on: Mapped[date] = mapped_column(Date)
    expires_on: Mapped[date | None] = mapped_column(Date)
    withdrawn_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
